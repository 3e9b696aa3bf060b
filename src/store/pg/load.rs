//! Loading the teams a login may see, in one snapshot, and recording the reads.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use postgres::types::Json;

use super::DbError;
use crate::domain::{Case, Meeting, Municipality, Team, TeamData, Workspace};
use crate::storage::guard::Fingerprint;
use crate::storage::{LoadOutcome, Problem, ProblemKind};
use crate::store::{DocKey, Scope};

/// Every team of `scope` the login may see (row-level security decides), with every case
/// and meeting, in one repeatable-read snapshot; the cases and meetings read are recorded
/// in the audit table in the same transaction. Team folders are named under `root`.
pub fn load(
    client: &mut postgres::Client,
    scope: &Scope,
    root: &Path,
) -> Result<LoadOutcome, DbError> {
    load_with(client, scope, root, false)
}

/// [`load`], as `overleg_owner` when `as_owner` (the administrator's export: every team).
pub fn load_with(
    client: &mut postgres::Client,
    scope: &Scope,
    root: &Path,
    as_owner: bool,
) -> Result<LoadOutcome, DbError> {
    let only: Option<&str> = match scope {
        Scope::All => None,
        Scope::Team(id) => Some(id.as_str()),
    };
    let mut tx = client
        .build_transaction()
        .isolation_level(postgres::IsolationLevel::RepeatableRead)
        .start()?;
    if as_owner {
        tx.batch_execute("SET LOCAL ROLE overleg_owner")?;
    }
    let mut out = LoadOutcome::default();
    let mut teams: BTreeMap<String, TeamData> = BTreeMap::new();
    let mut folders: Vec<(String, String)> = Vec::new();
    for row in tx.query(
        "SELECT team, folder, doc, fingerprint FROM overleg.teams \
         WHERE $1::text IS NULL OR team = $1 ORDER BY folder",
        &[&only],
    )? {
        let id: String = row.get(0);
        let folder: String = row.get(1);
        let dir = root.join(&folder);
        match row.try_get::<_, Json<Team>>(2) {
            Ok(Json(team)) => {
                remember(&mut out, DocKey::Team.path(&dir), row.get(3));
                folders.push((id.clone(), folder));
                teams.insert(
                    id,
                    TeamData {
                        dir,
                        team,
                        cases: Vec::new(),
                        meetings: Vec::new(),
                    },
                );
            }
            Err(e) => out.problems.push(bad(DocKey::Team.path(&dir), &e)),
        }
    }
    let (mut read_teams, mut read_codes) = (Vec::new(), Vec::new());
    for row in tx.query(
        "SELECT team, code, doc, fingerprint FROM overleg.cases \
         WHERE $1::text IS NULL OR team = $1 ORDER BY team, code",
        &[&only],
    )? {
        let id: String = row.get(0);
        let Some(td) = teams.get_mut(&id) else {
            continue;
        };
        let path = DocKey::Case(row.get(1)).path(&td.dir);
        match row.try_get::<_, Json<Case>>(2) {
            Ok(Json(case)) => {
                read_codes.push(case.code.clone());
                read_teams.push(id);
                td.cases.push(case);
                remember(&mut out, path, row.get(3));
            }
            Err(e) => out.problems.push(bad(path, &e)),
        }
    }
    let (mut met_teams, mut met_dates) = (Vec::new(), Vec::new());
    for row in tx.query(
        "SELECT team, date, doc, fingerprint FROM overleg.meetings \
         WHERE $1::text IS NULL OR team = $1 ORDER BY team, date",
        &[&only],
    )? {
        let id: String = row.get(0);
        let Some(td) = teams.get_mut(&id) else {
            continue;
        };
        let date: chrono::NaiveDate = row.get(1);
        let path = DocKey::Meeting(date).path(&td.dir);
        match row.try_get::<_, Json<Meeting>>(2) {
            Ok(Json(m)) => {
                met_dates.push(date.format("%Y-%m-%d").to_string());
                met_teams.push(id);
                td.meetings.push(m);
                remember(&mut out, path, row.get(3));
            }
            Err(e) => out.problems.push(bad(path, &e)),
        }
    }
    let municipality = tx
        .query_opt("SELECT doc FROM overleg.municipality", &[])?
        .and_then(|r| r.try_get::<_, Json<Municipality>>(0).ok())
        .map(|Json(m)| m.name);
    super::statement_step();
    tx.execute(
        "SELECT overleg.note_reads('zaak', $1, $2)",
        &[&read_teams, &read_codes],
    )?;
    tx.execute(
        "SELECT overleg.note_reads('overleg', $1, $2)",
        &[&met_teams, &met_dates],
    )?;
    tx.commit()?;
    let mut list: Vec<TeamData> = folders
        .into_iter()
        .filter_map(|(id, _)| teams.remove(&id))
        .collect();
    for td in &mut list {
        td.cases.sort_by(|a, b| a.code.cmp(&b.code));
        td.meetings.sort_by_key(|m| m.date);
    }
    if list.is_empty() && out.problems.is_empty() {
        out.problems
            .push(Problem::at_start(root.to_path_buf(), ProblemKind::NoTeams));
    }
    out.workspace = Workspace {
        municipality,
        teams: list,
    };
    Ok(out)
}

fn remember(out: &mut LoadOutcome, path: PathBuf, fp: Vec<u8>) {
    if let Some(fp) = Fingerprint::from_bytes(&fp) {
        out.fingerprints.push((path, fp));
    }
}

/// A row whose document does not convert (written by another version): reported, left out.
/// The converter's own message is not used: it may quote the document's text.
fn bad(path: PathBuf, _e: &postgres::Error) -> Problem {
    let error = "document in de database past niet bij deze versie van overleg".to_string();
    Problem::at_start(path, ProblemKind::Unreadable { error })
}

/// The outcome of a load that could not reach the database: nothing loaded, one problem.
pub fn failed(root: &Path, e: &DbError) -> LoadOutcome {
    LoadOutcome {
        problems: vec![Problem::at_start(
            root.to_path_buf(),
            ProblemKind::Unreadable {
                error: e.message(crate::i18n::Lang::Nl),
            },
        )],
        ..LoadOutcome::default()
    }
}

/// The team folders (under `root`) and ids the login may see, without their documents.
pub fn team_folders(
    client: &mut postgres::Client,
    root: &Path,
) -> Result<Vec<(PathBuf, String)>, DbError> {
    Ok(client
        .query("SELECT team, folder FROM overleg.teams", &[])?
        .iter()
        .map(|r| (root.join(r.get::<_, String>(1)), r.get::<_, String>(0)))
        .collect())
}
