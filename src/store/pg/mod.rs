//! The PostgreSQL store: the same documents as a team folder, one row each, every table
//! carrying its team and filtered by row-level security in the database (see
//! `migrations/`). The app connects as the worker's own login, never as the tables' owner.
//!
//! A write names the fingerprint it last saw and is refused when the row changed meanwhile
//! (stale); a change set is one transaction. Every case and meeting read is recorded in the
//! audit table (`overleg.note_reads`); every write by a trigger. When the database cannot be
//! reached, writes go to the local [`super::journal::Journal`] and are applied, with the same
//! checks, once it answers again.

pub mod admin;
pub mod audit;
mod docs;
pub mod lease;
pub mod load;
pub mod target;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::journal::{Entry, Journal, Replayed};
use super::{DocKey, Scope, Store};
use crate::domain::TeamData;
use crate::storage::LoadOutcome;
use crate::storage::changeset::{ChangeError, ChangeReport, ChangeSet, Expect};
use crate::storage::guard::{Fingerprint, GuardError, Saved, Seen};
pub use docs::PutOutcome;
pub use target::{Target, TargetError};

/// The schema version this build reads and writes (the newest file in `migrations/`).
pub const SCHEMA_VERSION: i32 = admin::MIGRATIONS.len() as i32;

/// Why the database could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error(transparent)]
    Target(#[from] TargetError),
    /// No connection (server down, network gone, refused before login).
    #[error("unreachable: {0}")]
    Unreachable(String),
    /// The server answered with an error (permission, constraint, missing schema).
    #[error("{code}: {message}")]
    Server { code: String, message: String },
    /// The schema is missing or of another version than this build.
    #[error("schema version {found:?}, expected {expected}")]
    Schema { found: Option<i32>, expected: i32 },
    /// The login is the administrator (superuser, the tables' owner or a role that bypasses
    /// row-level security): refused, the app runs only as a person's own login.
    #[error("login {0} bypasses row-level security")]
    OwnerLogin(String),
    /// Anything else (a document that does not convert, a local file).
    #[error("{0}")]
    Other(String),
}

impl DbError {
    /// Is this the connection, so that a write should wait in the journal?
    pub fn is_unreachable(&self) -> bool {
        matches!(self, DbError::Unreachable(_))
    }

    /// The message for the user in the interface language (no case text: server messages
    /// name constraints and roles, never row contents — `DETAIL` is left out).
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        crate::i18n::db::error(self, lang)
    }
}

impl From<postgres::Error> for DbError {
    fn from(e: postgres::Error) -> DbError {
        match e.as_db_error() {
            // The server going down (57P01 admin shutdown, 57P02 crash, 57P03 starting up)
            // or a connection failure (class 08): the connection, not the request.
            Some(db)
                if e.is_closed()
                    || db.code().code().starts_with("57P")
                    || db.code().code().starts_with("08") =>
            {
                DbError::Unreachable(db.code().code().to_string())
            }
            Some(db) => DbError::Server {
                code: db.code().code().to_string(),
                message: db.message().to_string(),
            },
            None => DbError::Unreachable(e.to_string()),
        }
    }
}

/// Opens a connection: TLS when the server offers it (`sslmode` in the string decides), a
/// short connect timeout so that a dead network is noticed in seconds, keepalives so that a
/// dropped one is.
pub fn connect(target: &Target) -> Result<postgres::Client, DbError> {
    let mut config = target.config.clone();
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(5));
    }
    config.keepalives(true);
    config.keepalives_idle(Duration::from_secs(15));
    let tls = native_tls::TlsConnector::new().map_err(|e| DbError::Other(e.to_string()))?;
    let tls = postgres_native_tls::MakeTlsConnector::new(tls);
    Ok(config.connect(tls)?)
}

/// Checks that the database holds the schema this build expects.
pub fn check_schema(client: &mut postgres::Client) -> Result<(), DbError> {
    let found = admin::schema_version(client)?;
    if found != Some(SCHEMA_VERSION) {
        return Err(DbError::Schema {
            found,
            expected: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// The store of one login in one database.
pub struct PgStore {
    target: Target,
    client: Option<postgres::Client>,
    /// The local folder that stands for the database: each team's documents are addressed
    /// by paths under `root/<folder>`, as in a team folder; only exports are written there.
    root: PathBuf,
    /// Team folder (under `root`) → team id.
    teams: HashMap<PathBuf, String>,
    journal: Journal,
}

impl PgStore {
    /// Connects and checks the schema. `root` is the local folder for this database
    /// ([`local_root`] by default); the journal lives there too.
    pub fn open(target: Target, root: PathBuf) -> Result<PgStore, DbError> {
        let mut client = connect(&target)?;
        check_schema(&mut client)?;
        // Row-level security does not bind a superuser, a BYPASSRLS role or the tables'
        // owner: the app works only as a person's own login.
        let bypass: bool = client
            .query_one(
                "SELECT rolsuper OR rolbypassrls OR pg_has_role(current_user, 'overleg_owner', 'MEMBER') \
                 FROM pg_roles WHERE rolname = current_user",
                &[],
            )?
            .get(0);
        if bypass {
            return Err(DbError::OwnerLogin(target.user().to_string()));
        }
        let journal = Journal::open(&root.join(".overleg-journal"))
            .map_err(|e| DbError::Other(e.to_string()))?;
        Ok(PgStore {
            target,
            client: Some(client),
            root,
            teams: HashMap::new(),
            journal,
        })
    }

    /// [`PgStore::open`], then applies what an earlier session left in the journal (the
    /// laptop closed while offline) before anything is loaded, so the load shows it; what
    /// that replay did, when there was anything.
    pub fn open_and_replay(
        target: Target,
        root: PathBuf,
    ) -> Result<(PgStore, Option<Replayed>), DbError> {
        let mut store = PgStore::open(target, root)?;
        if store.journal.is_empty() {
            return Ok((store, None));
        }
        // Paths in the journal name team folders under `root`: learn them first.
        let root = store.root.clone();
        let teams = store.client().and_then(|c| load::team_folders(c, &root))?;
        store.teams.extend(teams);
        let replayed = store.replay()?;
        Ok((store, Some(replayed)))
    }

    /// The connection, opened again when it was lost.
    fn client(&mut self) -> Result<&mut postgres::Client, DbError> {
        if self.client.as_ref().is_none_or(|c| c.is_closed()) {
            self.client = None;
            self.client = Some(connect(&self.target)?);
        }
        Ok(self.client.as_mut().expect("just connected"))
    }

    /// A failed statement on a connection that is gone: drop it, so the next call reconnects.
    fn on_error(&mut self, e: DbError) -> DbError {
        if e.is_unreachable() {
            self.client = None;
        }
        e
    }

    pub fn target(&self) -> &Target {
        &self.target
    }

    /// Applies what waits in the journal, in order, each with its version check. Entries
    /// that were applied (or found already there) leave the journal; a stale one is kept in
    /// the database's conflict table and reported; on a lost connection the rest waits.
    pub fn replay(&mut self) -> Result<Replayed, DbError> {
        let mut done = Replayed::default();
        while let Some(entry) = self.journal.first().cloned() {
            let outcome = match &entry {
                Entry::Put {
                    path,
                    expect,
                    bytes,
                } => self
                    .put_now(path, *expect, bytes)
                    .map(|o| vec![(path.clone(), o)]),
                Entry::Commit { parts, .. } => self.commit_now(parts),
                Entry::Remove { path, expect } => self.remove_now(path, *expect).map(|gone| {
                    vec![(
                        path.clone(),
                        if gone {
                            PutOutcome::Written
                        } else {
                            PutOutcome::Stale
                        },
                    )]
                }),
            };
            let outcome = match outcome {
                Ok(o) => o,
                Err(e) if e.is_unreachable() => return Err(self.on_error(e)),
                // Refused for another reason (the login lost the team meanwhile, a
                // constraint): the entry leaves the journal only when every document of it
                // is kept as a conflict; otherwise the replay stops and it stays.
                Err(e) => {
                    let mut kept = Vec::new();
                    for path in entry.paths() {
                        let bytes = entry.bytes_of(&path).unwrap_or_default();
                        match self.keep_conflict(&path, &bytes) {
                            Ok(k) => kept.push((path, Some(k))),
                            Err(_) => return Err(e),
                        }
                    }
                    done.failed.push(e.message(crate::i18n::Lang::Nl));
                    done.conflicts.extend(kept);
                    Vec::new()
                }
            };
            for (path, o) in outcome {
                match o {
                    PutOutcome::Written => done.applied += 1,
                    PutOutcome::Unchanged => done.already += 1,
                    PutOutcome::Stale => {
                        let bytes = entry.bytes_of(&path).unwrap_or_default();
                        let kept = self.keep_conflict(&path, &bytes).ok();
                        done.conflicts.push((path, kept));
                    }
                }
            }
            self.journal
                .pop_first()
                .map_err(|e| DbError::Other(e.to_string()))?;
        }
        Ok(done)
    }

    fn team_of(&self, path: &Path) -> Option<(String, DocKey)> {
        self.teams
            .iter()
            .find_map(|(dir, id)| DocKey::of(dir, path).map(|k| (id.clone(), k)))
    }

    fn put_now(
        &mut self,
        path: &Path,
        expect: Option<Fingerprint>,
        bytes: &[u8],
    ) -> Result<PutOutcome, DbError> {
        let (team, key) = self
            .team_of(path)
            .ok_or_else(|| DbError::Other(format!("no document: {}", path.display())))?;
        let r = docs::put(
            self.client()?,
            &team,
            &key,
            Expectation::from(expect),
            bytes,
        );
        r.map_err(|e| self.on_error(e))
    }

    fn remove_now(&mut self, path: &Path, expect: Option<Fingerprint>) -> Result<bool, DbError> {
        let (team, key) = self
            .team_of(path)
            .ok_or_else(|| DbError::Other(format!("no document: {}", path.display())))?;
        let r = docs::remove(self.client()?, &team, &key, expect);
        r.map_err(|e| self.on_error(e))
    }

    /// One transaction over every part; the first stale part rolls it back.
    fn commit_now(
        &mut self,
        parts: &[crate::storage::changeset::Part],
    ) -> Result<Vec<(PathBuf, PutOutcome)>, DbError> {
        let keyed: Vec<(String, DocKey, &crate::storage::changeset::Part)> = parts
            .iter()
            .map(|p| {
                self.team_of(&p.path)
                    .map(|(t, k)| (t, k, p))
                    .ok_or_else(|| DbError::Other(format!("no document: {}", p.path.display())))
            })
            .collect::<Result<_, _>>()?;
        let r = (|| {
            let client = self.client()?;
            let mut tx = client.transaction()?;
            let mut out = Vec::with_capacity(keyed.len());
            let (first, last): (Vec<_>, Vec<_>) = keyed.iter().partition(|(_, _, p)| !p.last);
            for (team, key, part) in first.into_iter().chain(last) {
                let o = docs::put(
                    &mut tx,
                    team,
                    key,
                    Expectation::of(part.expect),
                    &part.bytes,
                )?;
                if o == PutOutcome::Stale {
                    tx.rollback()?;
                    return Ok(parts
                        .iter()
                        .map(|p| {
                            let o = if p.path == part.path {
                                PutOutcome::Stale
                            } else {
                                PutOutcome::Unchanged
                            };
                            (p.path.clone(), o)
                        })
                        .filter(|(_, o)| *o == PutOutcome::Stale)
                        .collect());
                }
                out.push((part.path.clone(), o));
            }
            statement_step();
            tx.commit()?;
            Ok(out)
        })();
        r.map_err(|e| self.on_error(e))
    }
}

/// One statement of a change set: the crash-point harness can stop the process before it.
pub(crate) fn statement_step() {
    crate::storage::crashpoint::step(crate::storage::crashpoint::Step::Statement);
}

/// What a write expects to find.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expectation {
    /// No row yet.
    Absent,
    /// The row as last seen.
    Exactly(Fingerprint),
    /// Whatever is there (the minutes, which a close derives).
    Anything,
}

impl Expectation {
    fn of(e: Expect) -> Expectation {
        match e {
            Expect::Absent => Expectation::Absent,
            Expect::Exactly(fp) => Expectation::Exactly(fp),
            Expect::Anything => Expectation::Anything,
        }
    }
}

impl From<Option<Fingerprint>> for Expectation {
    fn from(e: Option<Fingerprint>) -> Expectation {
        e.map_or(Expectation::Absent, Expectation::Exactly)
    }
}

/// The local folder for a database and login: in the user's data folder, owner-only.
pub fn local_root(target: &Target) -> PathBuf {
    let base = std::env::var_os("OVERLEG_DB_HOME")
        .map(PathBuf::from)
        .or_else(|| dirs::data_local_dir().map(|d| d.join("overleg").join("db")))
        .unwrap_or_else(|| std::env::temp_dir().join("overleg-db"));
    base.join(target.local_name())
}

fn unreachable_io(e: &DbError) -> GuardError {
    GuardError::Io(std::io::Error::other(e.to_string()))
}

impl Store for PgStore {
    fn describe(&self) -> String {
        self.target.describe()
    }

    fn load(&mut self, scope: &Scope) -> LoadOutcome {
        let root = self.root.clone();
        let r = self.client().and_then(|c| load::load(c, scope, &root));
        match r {
            Ok(outcome) => {
                for t in &outcome.workspace.teams {
                    self.teams.insert(t.dir.clone(), t.team.id.clone());
                }
                outcome
            }
            Err(e) => {
                let e = self.on_error(e);
                load::failed(&root, &e)
            }
        }
    }

    fn write(&mut self, seen: &mut Seen, path: &Path, bytes: &[u8]) -> Result<Saved, GuardError> {
        crate::storage::guard::check_size(path, bytes)?;
        let expect = seen.get(path);
        let new = Fingerprint::of_bytes(bytes);
        if expect == Some(new) && self.journal.is_empty() {
            return Ok(Saved::Unchanged);
        }
        let outcome = if self.journal.is_empty() {
            self.put_now(path, expect, bytes)
        } else {
            Err(DbError::Unreachable("journal waiting".into()))
        };
        match outcome {
            Ok(PutOutcome::Written) => {}
            Ok(PutOutcome::Unchanged) => {}
            Ok(PutOutcome::Stale) => return Err(GuardError::ChangedOnDisk(path.to_path_buf())),
            Err(e) if e.is_unreachable() => {
                let entry = Entry::Put {
                    path: path.to_path_buf(),
                    expect,
                    bytes: bytes.to_vec(),
                };
                self.journal.push(&entry).map_err(GuardError::Io)?;
            }
            Err(e) => return Err(unreachable_io(&e)),
        }
        seen.insert(path.to_path_buf(), new);
        Ok(Saved::Written)
    }

    fn create(&mut self, seen: &mut Seen, path: &Path, bytes: &[u8]) -> Result<(), GuardError> {
        crate::storage::guard::check_size(path, bytes)?;
        match self.put_now(path, None, bytes) {
            Ok(PutOutcome::Written) => {}
            Ok(_) => return Err(GuardError::ChangedOnDisk(path.to_path_buf())),
            // A new household needs a code that is free in the whole municipality: only the
            // database can say, so it is not journalled.
            Err(e) => return Err(unreachable_io(&e)),
        }
        seen.insert(path.to_path_buf(), Fingerprint::of_bytes(bytes));
        Ok(())
    }

    fn remove(&mut self, seen: &mut Seen, path: &Path) -> Result<bool, GuardError> {
        let expect = seen.get(path);
        let r = if self.journal.is_empty() {
            self.remove_now(path, expect)
        } else {
            Err(DbError::Unreachable("journal waiting".into()))
        };
        match r {
            Ok(true) => {}
            Ok(false) => return Ok(false),
            Err(e) if e.is_unreachable() => {
                let entry = Entry::Remove {
                    path: path.to_path_buf(),
                    expect,
                };
                self.journal.push(&entry).map_err(GuardError::Io)?;
            }
            Err(e) => return Err(unreachable_io(&e)),
        }
        seen.forget(path);
        Ok(true)
    }

    fn keep_conflict(&mut self, path: &Path, bytes: &[u8]) -> Result<String, String> {
        let (team, key) = self
            .team_of(path)
            .ok_or_else(|| path.display().to_string())?;
        let shown = key.path(Path::new("")).display().to_string();
        let r = self
            .client()
            .and_then(|c| docs::keep_conflict(c, &team, &shown, bytes));
        r.map(|id| format!("conflict #{id} ({shown})"))
            .map_err(|e| self.on_error(e).to_string())
    }

    fn commit(&mut self, _team: &TeamData, set: ChangeSet) -> Result<ChangeReport, ChangeError> {
        for p in &set.parts {
            crate::storage::guard::check_size(&p.path, &p.bytes).map_err(|_| {
                ChangeError::TooLarge {
                    path: p.path.clone(),
                    size: p.bytes.len() as u64,
                    limit: crate::storage::limit_for(&p.path),
                }
            })?;
        }
        let r = if self.journal.is_empty() {
            self.commit_now(&set.parts)
        } else {
            Err(DbError::Unreachable("journal waiting".into()))
        };
        let outcomes = match r {
            Ok(o) => o,
            Err(e) if e.is_unreachable() => {
                let entry = Entry::Commit {
                    kind: set.kind.clone(),
                    parts: set.parts.clone(),
                };
                self.journal
                    .push(&entry)
                    .map_err(|source| ChangeError::Intent {
                        path: self.journal.path().to_path_buf(),
                        source,
                    })?;
                set.parts
                    .iter()
                    .map(|p| (p.path.clone(), PutOutcome::Written))
                    .collect()
            }
            Err(e) => {
                return Err(ChangeError::Intent {
                    path: PathBuf::from(self.target.describe()),
                    source: std::io::Error::other(e.to_string()),
                });
            }
        };
        // A stale part: the app's version of it is kept, as a folder keeps `<file>.conflict`.
        let mut report = docs::report(set.clone(), &outcomes);
        for part in &mut report.parts {
            if let crate::storage::changeset::PartOutcome::Conflict { copy } = &mut part.outcome
                && let Some(p) = set.parts.iter().find(|p| p.path == part.path)
                && let Ok(kept) = self.keep_conflict(&p.path, &p.bytes)
            {
                *copy = Some(PathBuf::from(kept));
            }
        }
        Ok(report)
    }

    fn recover(&mut self, _team: &TeamData) -> Option<Result<ChangeReport, String>> {
        // A change set is one transaction: nothing is ever half applied in the database.
        None
    }

    fn pending(&self) -> usize {
        self.journal.len()
    }

    fn codes_elsewhere(&mut self) -> Vec<String> {
        self.client()
            .and_then(|c| {
                Ok(c.query(
                    "SELECT code FROM overleg.case_codes() AS code \
                     EXCEPT SELECT code FROM overleg.cases",
                    &[],
                )?)
            })
            .map(|rows| rows.iter().map(|r| r.get(0)).collect())
            .unwrap_or_default()
    }

    fn replay(&mut self) -> Option<Result<Replayed, String>> {
        if self.journal.is_empty() {
            return None;
        }
        Some(PgStore::replay(self).map_err(|e| e.message(crate::i18n::Lang::Nl)))
    }
}
