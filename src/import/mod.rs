//! `overleg import`: a team's households and members from a spreadsheet (`.xlsx`, `.ods`) or
//! CSV file into its team folder. Two steps: [`plan`] reads the files and works out every
//! change and every problem without writing anything; [`apply`] writes the changed files.
//!
//! - Columns are found by their (Dutch) header names, or through a [`Mapping`] file.
//! - Every problem is located as `file[sheet]:row:column` and says how to fix it.
//! - Re-importing the same sheet changes nothing: a household whose merged file would be the
//!   same bytes is not written. The sheet owns the columns it has; what meetings record
//!   (regie and its history, the evaluation date once set, plans, provisions, betrokkenen,
//!   notes) is kept — see `rows.rs`.
//! - Files are written one at a time, each atomically and through the hand-edit guard, under
//!   the team lock. (A change set that writes them all or none is being built in
//!   `storage`; until then a failure halfway leaves the files written so far, each whole.)

mod columns;
mod rows;
pub mod sheet;
pub mod template;
pub mod values;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::domain::{Case, Team};
use crate::storage::guard::Seen;

use columns::Layout;
pub use columns::{CASE_HEADERS, CaseField, MEMBER_HEADERS, Mapping, MemberField};
use sheet::{Sheet, column_letter};

/// A problem that stops the import (or leaves its row out with `--skip-bad-rows`).
#[derive(Debug, Clone, PartialEq)]
pub struct Issue {
    /// `file.xlsx[Blad1]` or `file.csv`.
    pub source: String,
    /// Row number; 0 for the file as a whole.
    pub row: usize,
    /// Column index (A = 0), when the problem is in one cell.
    pub column: Option<usize>,
    pub kind: IssueKind,
}

impl Issue {
    /// `file[sheet]:row:column`, with the column as a letter.
    pub fn location(&self) -> String {
        match (self.row, self.column) {
            (0, _) => self.source.clone(),
            (r, Some(c)) => format!("{}:{r}:{}", self.source, column_letter(c)),
            (r, None) => format!("{}:{r}", self.source),
        }
    }
}

/// What is wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum IssueKind {
    /// The file could not be read at all.
    Unreadable(String),
    /// No sheet with recognisable columns.
    NoColumns { headers: Vec<String> },
    /// A households value that must be there is empty (or its column is missing).
    Missing(CaseField),
    /// A members value that must be there is empty.
    MissingMember(MemberField),
    /// A cell that could not be read.
    Bad(values::Bad),
    /// A coach or regisseur who is not in the team (nor in the members sheet).
    UnknownMember { found: String, known: Vec<String> },
    /// "gezinsvoogd" as regisseur of a household without a court measure.
    ExternWithoutMeasure,
    /// The end of the measure lies before its start.
    EndBeforeStart,
    /// The same case code twice in the sheets.
    DuplicateCode { code: String, first: String },
    /// The same member twice in the sheets.
    DuplicateMember { name: String, first: String },
    /// A member id with characters other than letters, digits, `-` and `_`.
    BadMemberId(String),
    /// A case code that is already in another team of the municipality.
    CodeInOtherTeam { code: String, team: String },
    /// The case file on disk does not parse; it is never overwritten.
    BrokenFile(PathBuf),
}

/// Something worth saying that does not stop the import.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The sheet names another regisseur than the case file, where a meeting decided it.
    RegisseurKept { code: String },
    /// The sheet has another evaluation date than the case file, where a meeting set it.
    EvaluationKept { code: String, kept: NaiveDate },
    /// A sheet with neither households nor members was left alone.
    SheetIgnored { source: String },
}

/// What happens to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    New,
    Updated,
    Unchanged,
}

/// Options of an import.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub mapping: Mapping,
    /// The date of a regie history entry the import adds.
    pub today: Option<NaiveDate>,
}

/// Everything an import would do, worked out before anything is written.
#[derive(Debug, Clone)]
pub struct Plan {
    pub team_dir: PathBuf,
    pub team: Team,
    pub team_change: Change,
    /// New and changed households, and how many were unchanged.
    pub cases: Vec<(Change, Case)>,
    pub unchanged_cases: usize,
    pub members_seen: usize,
    pub issues: Vec<Issue>,
    pub notices: Vec<Notice>,
    /// Rows that had a problem: `(source, row)`.
    pub bad_rows: Vec<(String, usize)>,
    /// The files as they were when planned: a write refuses a file changed since.
    seen: Seen,
}

impl Plan {
    /// Can the plan be applied: no problem, or every bad row left out.
    pub fn can_apply(&self, skip_bad_rows: bool) -> bool {
        self.issues.is_empty() || (skip_bad_rows && self.issues.iter().all(|i| i.row > 0))
    }

    /// How many households would be new and how many changed.
    pub fn counts(&self) -> (usize, usize) {
        let new = self.cases.iter().filter(|(c, _)| *c == Change::New).count();
        (new, self.cases.len() - new)
    }
}

/// Why an import could not start or finish.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// `team_dir` has no loadable `team.ron`.
    #[error("{0}")]
    NoTeam(PathBuf),
    /// Another chair has the team open.
    #[error("{0}")]
    Locked(String),
    /// A file changed on disk between planning and writing: nothing more was written.
    #[error("{0}")]
    Changed(PathBuf),
    #[error("{0}")]
    Save(String),
}

/// Reads `files` and works out what importing them into the team at `team_dir` would change.
/// Writes nothing. `others` are the case codes of other teams in the municipality (a code
/// is unique across them), with their team names.
pub fn plan(
    team_dir: &Path,
    files: &[PathBuf],
    others: &HashMap<String, String>,
    opts: &Options,
) -> Result<Plan, ImportError> {
    let outcome = crate::storage::load_workspace(team_dir);
    let data = outcome
        .workspace
        .teams
        .into_iter()
        .find(|t| t.dir == team_dir)
        .ok_or_else(|| ImportError::NoTeam(team_dir.to_path_buf()))?;
    let mut seen = Seen::default();
    seen.remember(&team_dir.join(crate::storage::TEAM_FILE));
    let mut team = data.team.clone();
    let mut issues = Vec::new();
    let mut notices = Vec::new();
    let mut sheets: Vec<Sheet> = Vec::new();
    let header_row = opts.mapping.header_row.unwrap_or(1);
    for f in files {
        match sheet::read(f, header_row) {
            Ok(s) => sheets.extend(s),
            Err(e) => issues.push(Issue {
                source: f.display().to_string(),
                row: 0,
                column: None,
                kind: IssueKind::Unreadable(e.to_string()),
            }),
        }
    }
    let layouts: Vec<Layout> = sheets
        .iter()
        .map(|s| columns::layout(&s.headers, &opts.mapping))
        .collect();
    let mut bad_rows: Vec<(String, usize)> = Vec::new();
    let push = |issues: &mut Vec<Issue>, s: &Sheet, row: usize, list: Vec<rows::CellIssue>| {
        for (column, kind) in list {
            issues.push(Issue {
                source: s.label.clone(),
                row,
                column,
                kind,
            });
        }
    };
    // Members first: households may name a member the same import brings in.
    let mut member_rows: HashMap<String, String> = HashMap::new();
    let mut members_seen = 0;
    for (s, l) in sheets.iter().zip(&layouts) {
        let Layout::Members(cols) = l else { continue };
        for row in &s.rows {
            let mut list = Vec::new();
            let mut trial = team.clone();
            let id = rows::merge_member(&mut trial, &rows::Fields::new(row, cols), &mut list);
            let at = format!("{}:{}", s.label, row.number);
            if let Some(id) = &id
                && let Some(first) = member_rows.get(id)
            {
                list.push((
                    None,
                    IssueKind::DuplicateMember {
                        name: trial.member_name(id).to_string(),
                        first: first.clone(),
                    },
                ));
            }
            if list.is_empty() {
                team = trial;
                members_seen += 1;
                if let Some(id) = id {
                    member_rows.insert(id, at);
                }
            } else {
                bad_rows.push((s.label.clone(), row.number));
                push(&mut issues, s, row.number, list);
            }
        }
    }
    let mut by_code: HashMap<String, String> = HashMap::new();
    let mut planned: Vec<(Change, Case)> = Vec::new();
    let mut unchanged = 0;
    let today = opts
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    for (s, l) in sheets.iter().zip(&layouts) {
        let cols = match l {
            Layout::Households(c) => c,
            Layout::Members(_) => continue,
            Layout::Unknown => {
                if s.rows.is_empty() && s.headers.iter().all(|h| h.trim().is_empty()) {
                    continue;
                }
                if sheets.len() == 1 {
                    issues.push(Issue {
                        source: s.label.clone(),
                        row: s.header_row,
                        column: None,
                        kind: IssueKind::NoColumns {
                            headers: s.headers.clone(),
                        },
                    });
                } else {
                    notices.push(Notice::SheetIgnored {
                        source: s.label.clone(),
                    });
                }
                continue;
            }
        };
        let file = s.label.clone();
        for row in &s.rows {
            let fields = rows::Fields::new(row, cols);
            let mut list = Vec::new();
            let r = rows::read_case(&team, &fields, &mut list);
            let at = format!("{}:{}", s.label, row.number);
            if let Some(code) = &r.code {
                if let Some(first) = by_code.get(code) {
                    list.push((
                        cols.iter()
                            .find(|(_, f)| *f == CaseField::Casusnummer)
                            .map(|(i, _)| *i),
                        IssueKind::DuplicateCode {
                            code: code.clone(),
                            first: first.clone(),
                        },
                    ));
                } else {
                    by_code.insert(code.clone(), at.clone());
                }
                if let Some(t) = others.get(code) {
                    list.push((
                        None,
                        IssueKind::CodeInOtherTeam {
                            code: code.clone(),
                            team: t.clone(),
                        },
                    ));
                }
            }
            let path = r
                .code
                .as_deref()
                .map(|c| crate::storage::case_path(team_dir, c));
            let existing = r.code.as_deref().and_then(|c| data.case(c));
            if existing.is_none()
                && let Some(p) = &path
                && p.exists()
            {
                list.push((None, IssueKind::BrokenFile(p.clone())));
            }
            let mut row_notices = Vec::new();
            let result = if !list.is_empty() {
                None
            } else if let Some(old) = existing {
                let mut case = old.clone();
                rows::merge_case(&mut case, r, Some((&file, today)), &mut row_notices);
                Some((
                    if &case == old {
                        Change::Unchanged
                    } else {
                        Change::Updated
                    },
                    case,
                ))
            } else {
                rows::new_case(r, &fields, &mut list).map(|c| (Change::New, c))
            };
            match result {
                Some((change, case)) if list.is_empty() => {
                    notices.extend(row_notices);
                    if let Some(p) = &path {
                        seen.remember(p);
                    }
                    if change == Change::Unchanged {
                        unchanged += 1;
                    } else {
                        planned.push((change, case));
                    }
                }
                _ => {
                    bad_rows.push((s.label.clone(), row.number));
                    push(&mut issues, s, row.number, list);
                }
            }
        }
    }
    let team_change = if team == data.team {
        Change::Unchanged
    } else {
        Change::Updated
    };
    Ok(Plan {
        team_dir: team_dir.to_path_buf(),
        team,
        team_change,
        cases: planned,
        unchanged_cases: unchanged,
        members_seen,
        issues,
        notices,
        bad_rows,
        seen,
    })
}

/// What [`apply`] wrote.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Applied {
    pub team_written: bool,
    pub new_cases: usize,
    pub updated_cases: usize,
}

/// Writes a plan as one change set (`team.ron` if it changed and each new or changed
/// household): all files or none, each only if it is still as it was when planned (a file
/// changed since refuses the whole import before anything is written). Holds the team lock
/// meanwhile and first completes any unfinished earlier change of the folder.
pub fn apply(plan: Plan) -> Result<Applied, ImportError> {
    use crate::storage::changeset::{self, ChangeKind, ChangeSet, Expect, Part, PartOutcome};
    let dir = plan.team_dir.as_path();
    let lock = crate::storage::lock::TeamLock::acquire(dir, chrono::Utc::now())
        .map_err(|e| ImportError::Locked(e.to_string()))?;
    match changeset::recover(dir) {
        None => {}
        Some(Ok(r)) if r.is_done() => {}
        Some(Ok(r)) => return Err(ImportError::Save(r.message(crate::i18n::Lang::Nl))),
        Some(Err(e)) => return Err(ImportError::Save(e.to_string())),
    }
    let expect = |path: &Path| match plan.seen.get(path) {
        Some(fp) => Expect::Exactly(fp),
        None => Expect::Absent,
    };
    let ron = |r: Result<String, ron::Error>| r.map_err(|e| ImportError::Save(e.to_string()));
    let mut out = Applied::default();
    let mut parts = Vec::with_capacity(plan.cases.len() + 1);
    if plan.team_change != Change::Unchanged {
        let path = dir.join(crate::storage::TEAM_FILE);
        let bytes = ron(crate::storage::to_ron(&plan.team))?.into_bytes();
        parts.push(Part {
            expect: expect(&path),
            path,
            bytes,
            last: false,
        });
        out.team_written = true;
    }
    for (change, case) in &plan.cases {
        let path = crate::storage::case_path(dir, &case.code);
        let bytes = ron(crate::storage::to_ron(case))?.into_bytes();
        parts.push(Part {
            expect: expect(&path),
            path,
            bytes,
            last: false,
        });
        match change {
            Change::New => out.new_cases += 1,
            _ => out.updated_cases += 1,
        }
    }
    if parts.is_empty() {
        return Ok(out);
    }
    let set = ChangeSet {
        kind: ChangeKind::Other("import".into()),
        parts,
    };
    let report = set
        .commit(dir)
        .map_err(|e| ImportError::Save(e.to_string()))?;
    drop(lock);
    if report.is_done() {
        return Ok(out);
    }
    // Refused because a file changed on disk since the plan: name the first such file.
    let changed = report.parts.iter().find(|p| {
        matches!(
            p.outcome,
            PartOutcome::Conflict { .. } | PartOutcome::Vanished { .. }
        )
    });
    match changed {
        Some(p) => Err(ImportError::Changed(p.path.clone())),
        None => Err(ImportError::Save(report.message(crate::i18n::Lang::Nl))),
    }
}

#[cfg(test)]
mod tests;
