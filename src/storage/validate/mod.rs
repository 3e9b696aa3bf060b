//! Checks of meaning on loaded data: references to members and cases, duplicates, dates in
//! the right order, file names that match their content. Every check is O(1) per value (hash
//! sets and maps), so a whole municipality is checked in linear time.
//!
//! Checks produce [`Finding`]s that say *what* is wrong and *which value* it is about; the
//! loader turns them into located problems by looking the value up in the file's text.

mod case;
mod meeting;
mod team;
mod week;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::domain::{Case, FORMAT_VERSION, Meeting, Team};

use super::locate::Anchor;
use super::problem::ProblemKind;

pub(crate) use case::check_case;
pub use case::is_case_code;
pub(crate) use meeting::{check_meeting, check_meeting_numbers};
pub(crate) use team::check_team;

/// A problem that still needs its line and column.
#[derive(Debug, Clone)]
pub(crate) struct Finding {
    pub path: PathBuf,
    pub anchor: Anchor,
    pub kind: ProblemKind,
}

/// Collects the findings of one file, numbering repeated values so each points at its own
/// occurrence.
pub(crate) struct Sink<'a> {
    path: &'a Path,
    out: &'a mut Vec<Finding>,
    seen: HashMap<(&'static str, String), usize>,
}

impl<'a> Sink<'a> {
    pub(crate) fn new(path: &'a Path, out: &'a mut Vec<Finding>) -> Self {
        Sink {
            path,
            out,
            seen: HashMap::new(),
        }
    }

    /// A finding at a fixed anchor.
    pub(crate) fn at(&mut self, anchor: Anchor, kind: ProblemKind) {
        self.out.push(Finding {
            path: self.path.to_path_buf(),
            anchor,
            kind,
        });
    }

    /// A finding about the string `value` of `field`; the n-th report of the same pair points
    /// at the n-th occurrence in the file.
    pub(crate) fn string(&mut self, field: &'static str, value: &str, kind: ProblemKind) {
        let count = self.seen.entry((field, value.to_string())).or_insert(0);
        let nth = *count;
        *count += 1;
        self.at(
            Anchor::Str {
                field,
                value: value.to_string(),
                nth,
            },
            kind,
        );
    }

    /// Reports an unsupported `version`.
    pub(crate) fn version(&mut self, found: u32) {
        if found != FORMAT_VERSION {
            self.at(
                Anchor::TopField("version"),
                ProblemKind::UnsupportedVersion {
                    found,
                    supported: FORMAT_VERSION,
                },
            );
        }
    }
}

/// The range a number field allows.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Range {
    pub min: f64,
    pub max: f64,
    /// The value must be above `min` (not equal to it).
    pub min_excluded: bool,
}

impl Range {
    fn holds(&self, v: f64) -> bool {
        v.is_finite()
            && v <= self.max
            && if self.min_excluded {
                v > self.min
            } else {
                v >= self.min
            }
    }
}

impl Sink<'_> {
    /// Reports the `nth` value of `field` when it is outside `range` (NaN and infinity are).
    pub(crate) fn number(&mut self, field: &'static str, nth: usize, value: f64, range: Range) {
        if !range.holds(value) {
            self.at(
                Anchor::FieldNth { field, nth },
                ProblemKind::NumberOutOfRange {
                    field,
                    value,
                    min: range.min,
                    max: range.max,
                    min_excluded: range.min_excluded,
                },
            );
        }
    }
}

/// Member ids of a team, when its `team.ron` loaded.
pub(crate) type Members<'a> = Option<HashSet<&'a str>>;

/// Checks an id against the team's members; unknown when the team did not load.
pub(crate) fn check_member(
    sink: &mut Sink<'_>,
    members: &Members<'_>,
    field: &'static str,
    id: &str,
) {
    if let Some(set) = members
        && !set.contains(id)
    {
        sink.string(
            field,
            id,
            ProblemKind::UnknownMember {
                field,
                id: id.to_string(),
            },
        );
    }
}

/// What loaded from one team folder, before it becomes a [`crate::domain::TeamData`].
pub(crate) struct TeamFiles {
    pub dir: PathBuf,
    pub team: Option<Team>,
    /// Cases with their files, in path order.
    pub cases: Vec<(PathBuf, Case)>,
    /// Meetings with their files, in path order.
    pub meetings: Vec<(PathBuf, Meeting)>,
    /// File stems of case files that failed to load; their codes are not "unknown".
    pub broken_case_stems: Vec<String>,
}

/// Runs every per-team check; drops duplicate cases and meetings (keeping the one whose file
/// name matches) and sorts cases by code and meetings by date.
pub(crate) fn check_team_files(files: &mut TeamFiles, team_path: &Path) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(team) = &files.team {
        check_team(team, team_path, &mut out);
    }
    let members: Members<'_> = files
        .team
        .as_ref()
        .map(|t| t.members.iter().map(|m| m.id.as_str()).collect());

    // Cases: sort by code with the correctly named file first, then drop duplicates.
    files.cases.sort_by(|(pa, a), (pb, b)| {
        a.code
            .cmp(&b.code)
            .then_with(|| name_mismatch(pa, &a.code).cmp(&name_mismatch(pb, &b.code)))
            .then_with(|| pa.cmp(pb))
    });
    let mut kept: Vec<(PathBuf, Case)> = Vec::with_capacity(files.cases.len());
    for (path, case) in std::mem::take(&mut files.cases) {
        let mut sink = Sink::new(&path, &mut out);
        check_case(&case, &path, &members, &mut sink);
        if let Some((first, _)) = kept.last().filter(|(_, c)| c.code == case.code) {
            let other = first.clone();
            sink.at(
                Anchor::TopField("code"),
                ProblemKind::DuplicateCaseCode {
                    code: case.code.clone(),
                    other,
                },
            );
            continue;
        }
        kept.push((path, case));
    }
    files.cases = kept;

    let mut codes: HashSet<&str> = files.cases.iter().map(|(_, c)| c.code.as_str()).collect();
    codes.extend(files.broken_case_stems.iter().map(String::as_str));
    let team_id = files.team.as_ref().map(|t| t.id.as_str());

    files.meetings.sort_by(|(pa, a), (pb, b)| {
        a.date
            .cmp(&b.date)
            .then_with(|| {
                let name = |p: &Path| date_name(a.date) != stem(p);
                name(pa).cmp(&name(pb))
            })
            .then_with(|| pa.cmp(pb))
    });
    let mut kept_meetings: Vec<(PathBuf, Meeting)> = Vec::with_capacity(files.meetings.len());
    for (path, meeting) in std::mem::take(&mut files.meetings) {
        let mut sink = Sink::new(&path, &mut out);
        check_meeting(&meeting, &path, team_id, &members, &codes, &mut sink);
        if let Some((first, _)) = kept_meetings.last().filter(|(_, m)| m.date == meeting.date) {
            let other = first.clone();
            sink.at(
                Anchor::TopField("date"),
                ProblemKind::DuplicateMeetingDate {
                    date: meeting.date,
                    other,
                },
            );
            continue;
        }
        kept_meetings.push((path, meeting));
    }
    check_meeting_numbers(&kept_meetings, &mut out);
    files.meetings = kept_meetings;
    out
}

/// The file name (without `.ron`) of a path.
pub(crate) fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The file stem a meeting on `date` must have.
pub(crate) fn date_name(date: chrono::NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

fn name_mismatch(path: &Path, code: &str) -> bool {
    path.file_stem().is_none_or(|s| s != code)
}
