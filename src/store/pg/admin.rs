//! Setting a database up and moving data in and out: `overleg db init`, `migrate`, `user`,
//! `import`, `export`. Run by the municipality's administrator (a role that may create roles
//! and is, or may become, `overleg_owner`); the workers' logins never run these.

use std::path::{Path, PathBuf};

use postgres::types::Json;

use super::DbError;
use crate::domain::Workspace;
use crate::storage::guard::Fingerprint;

/// The versioned migrations, in order; the schema version is the number applied.
pub const MIGRATIONS: &[(&str, &str)] = &[(
    "0001_documents",
    include_str!("../../../migrations/0001_documents.sql"),
)];

/// The roles every database has; team roles are `overleg_team_<id>`.
pub const BASE_ROLES: [&str; 4] = [
    "overleg_owner",
    "overleg_worker",
    "overleg_manager",
    "overleg_auditor",
];

/// The role of a team.
pub fn team_role(team: &str) -> String {
    format!("overleg_team_{team}")
}

/// Is this usable as a team id in role names (lower-case letters, digits, `-`, `_`)?
pub fn valid_team_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 40
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

fn quote_ident(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// The schema version applied (`None`: no overleg schema).
pub fn schema_version(c: &mut impl postgres::GenericClient) -> Result<Option<i32>, DbError> {
    let exists: bool = c
        .query_one(
            "SELECT to_regclass('overleg.schema_version') IS NOT NULL",
            &[],
        )?
        .get(0);
    if !exists {
        return Ok(None);
    }
    Ok(
        c.query_one("SELECT max(version) FROM overleg.schema_version", &[])?
            .get(0),
    )
}

/// What `init` or `migrate` did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Setup {
    pub applied: Vec<String>,
    pub roles_created: Vec<String>,
    pub teams_added: Vec<String>,
    /// pgaudit logs READ and WRITE on cases and meetings (else only the audit table).
    pub pgaudit: bool,
}

fn role_exists(c: &mut postgres::Client, role: &str) -> Result<bool, DbError> {
    Ok(
        c.query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&role])?
            .is_some(),
    )
}

fn create_role(
    c: &mut postgres::Client,
    role: &str,
    login: bool,
    setup: &mut Setup,
) -> Result<(), DbError> {
    if role_exists(c, role)? {
        return Ok(());
    }
    let kind = if login { "LOGIN" } else { "NOLOGIN" };
    c.batch_execute(&format!("CREATE ROLE {} {kind}", quote_ident(role)))?;
    setup.roles_created.push(role.to_string());
    Ok(())
}

/// Creates the roles, applies every migration not yet applied (each in one transaction, as
/// `overleg_owner`), adds the teams, sets the audit trail's retention, and switches pgaudit
/// on when the server has it loaded.
pub fn init(
    c: &mut postgres::Client,
    teams: &[String],
    audit_retention_days: Option<u32>,
) -> Result<Setup, DbError> {
    let mut setup = Setup::default();
    for role in BASE_ROLES {
        create_role(c, role, false, &mut setup)?;
    }
    c.batch_execute(
        "DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO overleg_owner', \
         current_database()); END $$; GRANT overleg_owner TO CURRENT_USER;",
    )?;
    migrate(c, &mut setup)?;
    add_teams(c, teams, &mut setup)?;
    if let Some(days) = audit_retention_days {
        let mut tx = c.transaction()?;
        tx.batch_execute("SET LOCAL ROLE overleg_owner")?;
        tx.execute(
            "UPDATE overleg.settings SET value = $1 WHERE key = 'audit_retention_days'",
            &[&days.to_string()],
        )?;
        tx.commit()?;
    }
    setup.pgaudit = enable_pgaudit(c)?;
    Ok(setup)
}

/// Applies the migrations this build has and the database has not.
pub fn migrate(c: &mut postgres::Client, setup: &mut Setup) -> Result<(), DbError> {
    let have = schema_version(c)?.unwrap_or(0);
    for (n, (name, sql)) in MIGRATIONS.iter().enumerate() {
        let version = n as i32 + 1;
        if version <= have {
            continue;
        }
        let mut tx = c.transaction()?;
        tx.batch_execute("SET LOCAL ROLE overleg_owner")?;
        tx.batch_execute(sql)?;
        tx.execute(
            "INSERT INTO overleg.schema_version (version) VALUES ($1)",
            &[&version],
        )?;
        tx.commit()?;
        setup.applied.push(name.to_string());
    }
    Ok(())
}

/// Adds team roles and their rows in `team_roles`.
pub fn add_teams(
    c: &mut postgres::Client,
    teams: &[String],
    setup: &mut Setup,
) -> Result<(), DbError> {
    for team in teams {
        if !valid_team_id(team) {
            return Err(DbError::Other(format!(
                "team id {team:?}: a-z, 0-9, - en _"
            )));
        }
        let role = team_role(team);
        create_role(c, &role, false, setup)?;
        let mut tx = c.transaction()?;
        tx.batch_execute("SET LOCAL ROLE overleg_owner")?;
        let n = tx.execute(
            "INSERT INTO overleg.team_roles (team, role) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            &[team, &role],
        )?;
        tx.commit()?;
        if n == 1 {
            setup.teams_added.push(team.clone());
        }
    }
    Ok(())
}

/// pgaudit's object audit for the case and meeting tables, when the server preloads it.
fn enable_pgaudit(c: &mut postgres::Client) -> Result<bool, DbError> {
    let loaded: bool = c
        .query_one(
            "SELECT current_setting('shared_preload_libraries') ~ 'pgaudit' \
             AND EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pgaudit')",
            &[],
        )?
        .get(0);
    if !loaded {
        return Ok(false);
    }
    let mut setup = Setup::default();
    create_role(c, "overleg_audit", false, &mut setup)?;
    c.batch_execute(
        "CREATE EXTENSION IF NOT EXISTS pgaudit; \
         GRANT SELECT, INSERT, UPDATE, DELETE ON overleg.cases, overleg.meetings TO overleg_audit; \
         DO $$ BEGIN \
           EXECUTE format('ALTER DATABASE %I SET pgaudit.role = %L', current_database(), 'overleg_audit'); \
           EXECUTE format('ALTER DATABASE %I SET pgaudit.log_relation = on', current_database()); \
         END $$;",
    )?;
    Ok(true)
}

/// Who may do what: a login's team memberships (exactly these), and whether it sees the
/// manager's overview or the audit trail. The login is created without a password (set
/// one with `\password` in psql, or use the directory login).
pub fn set_user(
    c: &mut postgres::Client,
    user: &str,
    teams: &[String],
    manager: bool,
    auditor: bool,
) -> Result<Setup, DbError> {
    let mut setup = Setup::default();
    if user.starts_with("overleg_") || user.is_empty() {
        return Err(DbError::Other(format!("{user:?}: not a person's login")));
    }
    create_role(c, user, true, &mut setup)?;
    let u = quote_ident(user);
    let known: Vec<String> = c
        .query("SELECT team FROM overleg.team_roles", &[])?
        .iter()
        .map(|r| r.get(0))
        .collect();
    for t in teams {
        if !known.contains(t) {
            return Err(DbError::Other(format!(
                "team {t:?}: unknown (overleg db init --teams {t})"
            )));
        }
    }
    for t in &known {
        let role = quote_ident(&team_role(t));
        let sql = if teams.contains(t) {
            format!("GRANT {role} TO {u}")
        } else {
            format!("REVOKE {role} FROM {u}")
        };
        c.batch_execute(&sql)?;
    }
    let grant = |on: bool| if on { "GRANT" } else { "REVOKE" };
    let worker = !teams.is_empty();
    c.batch_execute(&format!(
        "{} overleg_worker {} {u}; {} overleg_manager {} {u}; {} overleg_auditor {} {u};",
        grant(worker),
        if worker { "TO" } else { "FROM" },
        grant(manager),
        if manager { "TO" } else { "FROM" },
        grant(auditor),
        if auditor { "TO" } else { "FROM" },
    ))?;
    Ok(setup)
}

/// What an import or export moved.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Moved {
    pub teams: usize,
    pub cases: usize,
    pub meetings: usize,
    pub minutes: usize,
}

fn fp(bytes: &[u8]) -> Vec<u8> {
    Fingerprint::of_bytes(bytes).to_bytes().to_vec()
}

fn json<T: serde::Serialize>(v: &T) -> Result<Json<serde_json::Value>, DbError> {
    serde_json::to_value(v)
        .map(Json)
        .map_err(|e| DbError::Other(e.to_string()))
}

fn ron<T: serde::Serialize>(v: &T) -> Result<String, DbError> {
    crate::storage::to_ron(v).map_err(|e| DbError::Other(e.to_string()))
}

/// Loads a checked folder (a team or a municipality) into the database as one transaction:
/// teams not yet known get their role; every document is inserted or replaced. The
/// fingerprint of each row is that of its canonical RON, as the app writes it.
pub fn import(c: &mut postgres::Client, ws: &Workspace, dir: &Path) -> Result<Moved, DbError> {
    let ids: Vec<String> = ws.teams.iter().map(|t| t.team.id.clone()).collect();
    add_teams(c, &ids, &mut Setup::default())?;
    let mut tx = c.transaction()?;
    tx.batch_execute("SET LOCAL ROLE overleg_owner")?;
    let mut moved = Moved::default();
    if let Some(name) = &ws.municipality {
        let m = crate::storage::load_municipality(dir).unwrap_or(crate::domain::Municipality {
            version: crate::domain::FORMAT_VERSION,
            name: name.clone(),
        });
        let text = ron(&m)?;
        tx.execute(
            "INSERT INTO overleg.municipality (doc, fingerprint) VALUES ($1, $2) \
             ON CONFLICT (only_row) DO UPDATE SET doc = EXCLUDED.doc, fingerprint = EXCLUDED.fingerprint, \
             version = overleg.municipality.version + 1, changed_by = session_user, changed_at = now()",
            &[&json(&m)?, &fp(text.as_bytes())],
        )?;
    }
    for td in &ws.teams {
        let id = &td.team.id;
        let folder = td
            .dir
            .file_name()
            .and_then(|f| f.to_str())
            .unwrap_or(id)
            .to_string();
        let text = ron(&td.team)?;
        tx.execute(
            "INSERT INTO overleg.teams (team, folder, doc, fingerprint) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (team) DO UPDATE SET folder = EXCLUDED.folder, doc = EXCLUDED.doc, \
             fingerprint = EXCLUDED.fingerprint, version = overleg.teams.version + 1, \
             changed_by = session_user, changed_at = now() \
             WHERE overleg.teams.fingerprint <> EXCLUDED.fingerprint",
            &[id, &folder, &json(&td.team)?, &fp(text.as_bytes())],
        )?;
        moved.teams += 1;
        for chunk in td.cases.chunks(500) {
            let (mut teams, mut codes, mut docs, mut fps) = (vec![], vec![], vec![], vec![]);
            for case in chunk {
                let text = ron(case)?;
                teams.push(id.clone());
                codes.push(case.code.clone());
                docs.push(json(case)?);
                fps.push(fp(text.as_bytes()));
            }
            tx.execute(
                "INSERT INTO overleg.cases (team, code, doc, fingerprint) \
                 SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::bytea[]) \
                 ON CONFLICT (team, code) DO UPDATE SET doc = EXCLUDED.doc, \
                 fingerprint = EXCLUDED.fingerprint, version = overleg.cases.version + 1, \
                 changed_by = session_user, changed_at = now() \
                 WHERE overleg.cases.fingerprint <> EXCLUDED.fingerprint",
                &[&teams, &codes, &docs, &fps],
            )?;
            moved.cases += chunk.len();
        }
        for m in &td.meetings {
            let text = ron(m)?;
            tx.execute(
                "INSERT INTO overleg.meetings (team, date, doc, fingerprint) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (team, date) DO UPDATE SET doc = EXCLUDED.doc, \
                 fingerprint = EXCLUDED.fingerprint, version = overleg.meetings.version + 1, \
                 changed_by = session_user, changed_at = now() \
                 WHERE overleg.meetings.fingerprint <> EXCLUDED.fingerprint",
                &[id, &m.date, &json(m)?, &fp(text.as_bytes())],
            )?;
            moved.meetings += 1;
        }
        for (name, body) in minutes_files(&td.dir) {
            tx.execute(
                "INSERT INTO overleg.minutes (team, name, body, fingerprint) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (team, name) DO UPDATE SET body = EXCLUDED.body, \
                 fingerprint = EXCLUDED.fingerprint, version = overleg.minutes.version + 1, \
                 changed_by = session_user, changed_at = now() \
                 WHERE overleg.minutes.fingerprint <> EXCLUDED.fingerprint",
                &[id, &name, &body, &fp(&body)],
            )?;
            moved.minutes += 1;
        }
    }
    tx.commit()?;
    Ok(moved)
}

/// The minutes a team folder holds (regular files in `minutes/`, no hidden ones).
fn minutes_files(team_dir: &Path) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(team_dir.join("minutes")) else {
        return Vec::new();
    };
    let mut out: Vec<(String, Vec<u8>)> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            if name.starts_with('.') || name.ends_with(".tmp") {
                return None;
            }
            Some((name, std::fs::read(e.path()).ok()?))
        })
        .collect();
    out.sort();
    out
}

/// Writes every team the login may see (all, for the administrator) as a RON folder: into
/// a new folder beside `out`, renamed into place when complete, so that `out` is either the
/// whole export or absent. `out` must not exist yet.
pub fn export(c: &mut postgres::Client, out: &Path, as_owner: bool) -> Result<Moved, DbError> {
    if out.exists() {
        return Err(DbError::Other(format!(
            "{} bestaat al; kies een nieuwe map",
            out.display()
        )));
    }
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(|e| DbError::Other(e.to_string()))?;
    let staging = tempfile::Builder::new()
        .prefix(".overleg-export-")
        .tempdir_in(parent)
        .map_err(|e| DbError::Other(e.to_string()))?;
    let root = staging.path().to_path_buf();
    let outcome = super::load::load_with(c, &crate::store::Scope::All, &root, as_owner)?;
    let io = |e: std::io::Error| DbError::Other(e.to_string());
    let save = |e: crate::storage::SaveError| DbError::Other(e.to_string());
    let mut moved = Moved::default();
    let single = outcome.workspace.municipality.is_none() && outcome.workspace.teams.len() == 1;
    if let Some(m) = municipality_doc(c, as_owner)? {
        crate::storage::save_municipality(&root, &m).map_err(save)?;
    }
    for td in &outcome.workspace.teams {
        std::fs::create_dir_all(td.dir.join("cases")).map_err(io)?;
        std::fs::create_dir_all(td.dir.join("meetings")).map_err(io)?;
        std::fs::create_dir_all(td.dir.join("minutes")).map_err(io)?;
        crate::storage::save_team(&td.dir, &td.team).map_err(save)?;
        for case in &td.cases {
            crate::storage::save_case(&td.dir, case).map_err(save)?;
        }
        for m in &td.meetings {
            crate::storage::save_meeting(&td.dir, m).map_err(save)?;
        }
        moved.teams += 1;
        moved.cases += td.cases.len();
        moved.meetings += td.meetings.len();
    }
    moved.minutes = export_minutes(c, &outcome.workspace, as_owner)?;
    let kept: PathBuf = staging.keep();
    // A single team without a municipality is exported as that team's folder itself.
    let from = match (single, outcome.workspace.teams.first()) {
        (true, Some(td)) => td.dir.clone(),
        _ => kept.clone(),
    };
    std::fs::rename(&from, out).map_err(io)?;
    if from != kept {
        let _ = std::fs::remove_dir_all(&kept);
    }
    Ok(moved)
}

fn municipality_doc(
    c: &mut postgres::Client,
    as_owner: bool,
) -> Result<Option<crate::domain::Municipality>, DbError> {
    let mut tx = c.transaction()?;
    if as_owner {
        tx.batch_execute("SET LOCAL ROLE overleg_owner")?;
    }
    let m = tx
        .query_opt("SELECT doc FROM overleg.municipality", &[])?
        .and_then(|r| r.try_get::<_, Json<crate::domain::Municipality>>(0).ok())
        .map(|Json(m)| m);
    tx.commit()?;
    Ok(m)
}

fn export_minutes(
    c: &mut postgres::Client,
    ws: &Workspace,
    as_owner: bool,
) -> Result<usize, DbError> {
    let mut tx = c.transaction()?;
    if as_owner {
        tx.batch_execute("SET LOCAL ROLE overleg_owner")?;
    }
    let mut n = 0;
    for row in tx.query(
        "SELECT team, name, body FROM overleg.minutes ORDER BY team, name",
        &[],
    )? {
        let team: String = row.get(0);
        let name: String = row.get(1);
        let body: Vec<u8> = row.get(2);
        let Some(td) = ws.teams.iter().find(|t| t.team.id == team) else {
            continue;
        };
        if name.contains('/') || name.contains('\\') || name.starts_with('.') {
            continue;
        }
        crate::storage::write_atomic(&td.dir.join("minutes").join(&name), &body)
            .map_err(|e| DbError::Other(e.to_string()))?;
        n += 1;
    }
    tx.commit()?;
    Ok(n)
}
