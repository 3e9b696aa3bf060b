//! One document's row: compare-and-set writes, removal, conflict copies, and the change
//! report of a transaction.

use std::path::PathBuf;

use postgres::GenericClient;
use postgres::types::{Json, ToSql};

use super::{DbError, Expectation, statement_step};
use crate::domain::{Case, Meeting, Team};
use crate::storage::changeset::{ChangeReport, ChangeSet, PartOutcome, PartReport};
use crate::storage::guard::Fingerprint;
use crate::store::DocKey;

/// What a compare-and-set did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PutOutcome {
    /// The row now holds the new content.
    Written,
    /// The row already held it (a replay of a write that reached the server before).
    Unchanged,
    /// The row is not what the writer last saw: refused, nothing changed.
    Stale,
}

/// Table, key column and the SQL type of the key for a document kind.
fn table(key: &DocKey) -> (&'static str, &'static str, &'static str, String) {
    match key {
        DocKey::Team => ("teams", "team", "text", String::new()),
        DocKey::Case(code) => ("cases", "code", "text", code.clone()),
        DocKey::Meeting(d) => ("meetings", "date", "date", d.format("%Y-%m-%d").to_string()),
        DocKey::Minutes(name) => ("minutes", "name", "text", name.clone()),
    }
}

/// The row's content: the domain value as JSON (parsed from the canonical RON the app
/// writes, so it is checked too), or the minutes' bytes.
enum Content {
    Doc(serde_json::Value),
    Body(Vec<u8>),
}

fn content(key: &DocKey, bytes: &[u8]) -> Result<Content, DbError> {
    fn json<T: serde::de::DeserializeOwned + serde::Serialize>(
        bytes: &[u8],
    ) -> Result<serde_json::Value, DbError> {
        let text = std::str::from_utf8(bytes).map_err(|e| DbError::Other(e.to_string()))?;
        let value: T = crate::storage::from_ron(text).map_err(|e| DbError::Other(e.to_string()))?;
        serde_json::to_value(&value).map_err(|e| DbError::Other(e.to_string()))
    }
    Ok(match key {
        DocKey::Team => Content::Doc(json::<Team>(bytes)?),
        DocKey::Case(_) => Content::Doc(json::<Case>(bytes)?),
        DocKey::Meeting(_) => Content::Doc(json::<Meeting>(bytes)?),
        DocKey::Minutes(_) => Content::Body(bytes.to_vec()),
    })
}

/// Writes one document if the row is as expected. Two statements at most: the update or
/// insert, and on refusal a look at what is there (to tell a replay from a stale write).
pub fn put(
    c: &mut impl GenericClient,
    team: &str,
    key: &DocKey,
    expect: Expectation,
    bytes: &[u8],
) -> Result<PutOutcome, DbError> {
    let (tbl, col, ty, k) = table(key);
    let new = Fingerprint::of_bytes(bytes);
    let fp = new.to_bytes().to_vec();
    let (ccol, value): (&str, Box<dyn ToSql + Sync>) = match content(key, bytes)? {
        Content::Doc(v) => ("doc", Box::new(Json(v))),
        Content::Body(b) => ("body", Box::new(b)),
    };
    // The team row's key is the team itself.
    let key_match = if *key == DocKey::Team {
        "true".to_string()
    } else {
        format!("{col} = $5::text::{ty}")
    };
    let set = format!(
        "{ccol} = $2, fingerprint = $3, version = version + 1, \
         changed_by = session_user, changed_at = now()"
    );
    let rows = match expect {
        Expectation::Exactly(old) => {
            statement_step();
            let sql = format!(
                "UPDATE overleg.{tbl} SET {set} WHERE team = $1 AND {key_match} AND fingerprint = $4"
            );
            let old = old.to_bytes().to_vec();
            c.execute(
                sql.as_str(),
                &[&team, &*value, &fp, &old, &k][..if *key == DocKey::Team { 4 } else { 5 }],
            )?
        }
        Expectation::Absent | Expectation::Anything if *key != DocKey::Team => {
            statement_step();
            let conflict = if expect == Expectation::Anything {
                format!(
                    "ON CONFLICT (team, {col}) DO UPDATE SET {ccol} = EXCLUDED.{ccol}, fingerprint = EXCLUDED.fingerprint, version = overleg.{tbl}.version + 1, changed_by = session_user, changed_at = now()"
                )
            } else {
                "ON CONFLICT DO NOTHING".to_string()
            };
            let sql = format!(
                "INSERT INTO overleg.{tbl} (team, {col}, {ccol}, fingerprint) \
                 VALUES ($1, $4::text::{ty}, $2, $3) {conflict}"
            );
            c.execute(sql.as_str(), &[&team, &*value, &fp, &k])?
        }
        _ => {
            return Err(DbError::Other(
                "a team is created by `overleg db import`".into(),
            ));
        }
    };
    if rows == 1 {
        return Ok(PutOutcome::Written);
    }
    let now = current(c, team, key)?;
    Ok(if now.as_deref() == Some(&fp[..]) {
        PutOutcome::Unchanged
    } else {
        PutOutcome::Stale
    })
}

/// The fingerprint of the row now (`None`: no row the caller can see).
fn current(
    c: &mut impl GenericClient,
    team: &str,
    key: &DocKey,
) -> Result<Option<Vec<u8>>, DbError> {
    let (tbl, col, ty, k) = table(key);
    let row = if *key == DocKey::Team {
        c.query_opt(
            "SELECT fingerprint FROM overleg.teams WHERE team = $1",
            &[&team],
        )?
    } else {
        let sql = format!(
            "SELECT fingerprint FROM overleg.{tbl} WHERE team = $1 AND {col} = $2::text::{ty}"
        );
        c.query_opt(sql.as_str(), &[&team, &k])?
    };
    Ok(row.map(|r| r.get(0)))
}

/// Removes a row if it is as last seen (`true`), or finds it changed (`false`); a row
/// already gone counts as removed.
pub fn remove(
    c: &mut impl GenericClient,
    team: &str,
    key: &DocKey,
    expect: Option<Fingerprint>,
) -> Result<bool, DbError> {
    let (tbl, col, ty, k) = table(key);
    if !matches!(key, DocKey::Meeting(_)) {
        return Err(DbError::Other("only a meeting is removed".into()));
    }
    let old = expect.map(|f| f.to_bytes().to_vec()).unwrap_or_default();
    let sql = format!(
        "DELETE FROM overleg.{tbl} WHERE team = $1 AND {col} = $2::text::{ty} AND fingerprint = $3"
    );
    if c.execute(sql.as_str(), &[&team, &k, &old])? == 1 {
        return Ok(true);
    }
    Ok(current(c, team, key)?.is_none())
}

/// Keeps a refused version in the conflict table; its number.
pub fn keep_conflict(
    c: &mut impl GenericClient,
    team: &str,
    document: &str,
    bytes: &[u8],
) -> Result<i64, DbError> {
    let row = c.query_one(
        "INSERT INTO overleg.conflicts (team, document, body) VALUES ($1, $2, $3) RETURNING id",
        &[&team, &document, &bytes],
    )?;
    Ok(row.get(0))
}

/// The change report of a transaction: every part written (or already there) — or, when a
/// part was stale, that part in conflict and the rest not started.
pub fn report(set: ChangeSet, outcomes: &[(PathBuf, PutOutcome)]) -> ChangeReport {
    let stale = outcomes.iter().any(|(_, o)| *o == PutOutcome::Stale);
    let parts = set
        .parts
        .iter()
        .map(|p| {
            let o = outcomes
                .iter()
                .find(|(path, _)| *path == p.path)
                .map(|(_, o)| *o);
            let (outcome, fp) = match (stale, o) {
                (true, Some(PutOutcome::Stale)) => (PartOutcome::Conflict { copy: None }, None),
                (true, _) => (PartOutcome::NotStarted, None),
                (false, Some(PutOutcome::Unchanged)) => (
                    PartOutcome::AlreadyDone,
                    Some(Fingerprint::of_bytes(&p.bytes)),
                ),
                (false, _) => (PartOutcome::Written, Some(Fingerprint::of_bytes(&p.bytes))),
            };
            PartReport::new(&p.path, outcome, fp)
        })
        .collect();
    ChangeReport::new(set.kind, parts, !stale)
}
