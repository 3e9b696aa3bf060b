//! `overleg db audit`: who saw or changed a household, when; and the trail's retention.

use super::DbError;

/// One line of the trail.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AuditLine {
    pub at: chrono::DateTime<chrono::Utc>,
    pub who: String,
    /// `lezen`, `aanmaken`, `wijzigen`, `verwijderen`.
    pub action: String,
    pub team: String,
    /// `zaak` (the case itself) or `overleg` (a meeting with the case on its agenda).
    pub kind: String,
    pub key: String,
}

/// The trail of one case: its own reads and writes, and those of every meeting of its team
/// that has it on the agenda. Only for auditors (`overleg_auditor`).
pub fn of_case(c: &mut postgres::Client, code: &str) -> Result<Vec<AuditLine>, DbError> {
    Ok(c.query(
        "SELECT at, who::text, action, team, kind, key FROM overleg.audit_of_case($1)",
        &[&code],
    )?
    .iter()
    .map(|r| AuditLine {
        at: r.get(0),
        who: r.get(1),
        action: r.get(2),
        team: r.get(3),
        kind: r.get(4),
        key: r.get(5),
    })
    .collect())
}

/// Removes entries older than the retention setting; how many.
pub fn prune(c: &mut postgres::Client) -> Result<i64, DbError> {
    Ok(c.query_one("SELECT overleg.prune_audit()", &[])?.get(0))
}

/// The retention in days.
pub fn retention_days(c: &mut postgres::Client) -> Result<i64, DbError> {
    let v: String = c
        .query_one(
            "SELECT value FROM overleg.settings WHERE key = 'audit_retention_days'",
            &[],
        )?
        .get(0);
    v.parse()
        .map_err(|_| DbError::Other(format!("audit_retention_days: {v:?}")))
}
