//! Where a municipality's data lives: the RON folder (the default, [`FolderStore`]) or a
//! PostgreSQL database ([`pg::PgStore`]). Both hold the same documents — a team's
//! `team.ron`, its cases, its meetings and the minutes of a close — addressed by the path
//! they have in a team folder, so that the domain, the minutes, search and caseload, and the
//! interface's change sets do not know which store they run on.
//!
//! Every write names what it expects to replace (the [`Fingerprint`] last seen, or nothing
//! for a new document) and is refused when someone else changed it meanwhile; a change set
//! is applied as one (the folder's intent file, the database's transaction).

pub mod journal;
pub mod pg;

use std::path::{Path, PathBuf};

use crate::domain::TeamData;
use crate::storage::changeset::{ChangeError, ChangeReport, ChangeSet};
use crate::storage::guard::{Fingerprint, GuardError, Saved, Seen};
use crate::storage::{LoadOutcome, TEAM_FILE};

/// A document of a team, named as its file in a team folder.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocKey {
    /// `team.ron`
    Team,
    /// `cases/<code>.ron`
    Case(String),
    /// `meetings/<YYYY-MM-DD>.ron`
    Meeting(chrono::NaiveDate),
    /// `minutes/<name>`
    Minutes(String),
}

impl DocKey {
    /// The document a path in `team_dir` stands for; `None` for any other path.
    pub fn of(team_dir: &Path, path: &Path) -> Option<DocKey> {
        let rel = path.strip_prefix(team_dir).ok()?;
        let parts: Vec<&str> = rel.iter().filter_map(|p| p.to_str()).collect();
        match parts.as_slice() {
            [f] if *f == TEAM_FILE => Some(DocKey::Team),
            ["cases", f] => f
                .strip_suffix(".ron")
                .filter(|c| crate::storage::is_case_code(c))
                .map(|c| DocKey::Case(c.to_string())),
            ["meetings", f] => f
                .strip_suffix(".ron")
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .map(DocKey::Meeting),
            ["minutes", f] if !f.starts_with('.') => Some(DocKey::Minutes(f.to_string())),
            _ => None,
        }
    }

    /// The path of this document in `team_dir`.
    pub fn path(&self, team_dir: &Path) -> PathBuf {
        match self {
            DocKey::Team => team_dir.join(TEAM_FILE),
            DocKey::Case(code) => crate::storage::case_path(team_dir, code),
            DocKey::Meeting(d) => crate::storage::meeting_path(team_dir, *d),
            DocKey::Minutes(name) => team_dir.join("minutes").join(name),
        }
    }

    /// The audit trail's name of the kind.
    pub fn kind(&self) -> &'static str {
        match self {
            DocKey::Team => "team",
            DocKey::Case(_) => "zaak",
            DocKey::Meeting(_) => "overleg",
            DocKey::Minutes(_) => "notulen",
        }
    }
}

/// Which teams to load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every team the user may see.
    All,
    /// One team, by id.
    Team(String),
}

/// What every store does. The interface holds one as `Box<dyn Store>`; the command-line
/// lookups only load.
pub trait Store: Send {
    /// For messages: the folder, or `user@host:port/database`.
    fn describe(&self) -> String;

    /// Loads the teams of `scope` with the fingerprints every later write compares with.
    fn load(&mut self, scope: &Scope) -> LoadOutcome;

    /// Writes one document unless it changed since `seen` last saw it (see
    /// [`Seen::write`]); remembers the new fingerprint in `seen`.
    fn write(&mut self, seen: &mut Seen, path: &Path, bytes: &[u8]) -> Result<Saved, GuardError>;

    /// Writes a document that must not exist yet (a new case).
    fn create(&mut self, seen: &mut Seen, path: &Path, bytes: &[u8]) -> Result<(), GuardError>;

    /// Removes a document if it is still as `seen` last saw it (a meeting moved to another
    /// date). `Ok(false)`: it changed, so it stays.
    fn remove(&mut self, seen: &mut Seen, path: &Path) -> Result<bool, GuardError>;

    /// Keeps the app's version of a document whose write was refused, where the team can
    /// find it; says where.
    fn keep_conflict(&mut self, path: &Path, bytes: &[u8]) -> Result<String, String>;

    /// Applies a change set as one: every part or none.
    fn commit(&mut self, team: &TeamData, set: ChangeSet) -> Result<ChangeReport, ChangeError>;

    /// Finishes a change cut short (the folder's intent file); `None` when there is none.
    fn recover(&mut self, team: &TeamData) -> Option<Result<ChangeReport, String>>;

    /// Case codes in use in teams this login cannot see (a new aanmelding needs a code free in
    /// the whole municipality); a folder loads every team, so none.
    fn codes_elsewhere(&mut self) -> Vec<String> {
        Vec::new()
    }

    /// Writes waiting for the store (the database's offline journal); 0 for a folder.
    fn pending(&self) -> usize {
        0
    }

    /// Applies what waits (see [`Store::pending`]); `None` when nothing does.
    fn replay(&mut self) -> Option<Result<journal::Replayed, String>> {
        None
    }
}

/// The store the interface writes through, shared by the clones of its state (a snapshot
/// test clones the app; all clones write to one store).
#[derive(Clone)]
pub struct StoreHandle(std::sync::Arc<std::sync::Mutex<Box<dyn Store>>>);

impl StoreHandle {
    pub fn new(store: Box<dyn Store>) -> StoreHandle {
        StoreHandle(std::sync::Arc::new(std::sync::Mutex::new(store)))
    }

    /// Runs `f` on the store (a poisoned lock is taken over: the store holds no invariant
    /// that a panic in a caller could break).
    pub fn with<R>(&self, f: impl FnOnce(&mut dyn Store) -> R) -> R {
        let mut guard = self.0.lock().unwrap_or_else(|p| p.into_inner());
        f(guard.as_mut())
    }

    pub fn pending(&self) -> usize {
        self.with(|s| s.pending())
    }
}

impl Default for StoreHandle {
    /// The folder store (its folder only matters for loading; writes name their paths).
    fn default() -> StoreHandle {
        StoreHandle::new(Box::new(FolderStore::new(Path::new("."))))
    }
}

impl std::fmt::Debug for StoreHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "StoreHandle({})", self.with(|s| s.describe()))
    }
}

/// The RON folder: today's files, through the guard and the change sets of
/// [`crate::storage`].
pub struct FolderStore {
    dir: PathBuf,
}

impl FolderStore {
    pub fn new(dir: &Path) -> FolderStore {
        FolderStore {
            dir: dir.to_path_buf(),
        }
    }
}

impl Store for FolderStore {
    fn describe(&self) -> String {
        self.dir.display().to_string()
    }

    fn load(&mut self, scope: &Scope) -> LoadOutcome {
        match scope {
            Scope::All => crate::storage::load_workspace_lookup(&self.dir),
            Scope::Team(id) => match crate::storage::team_folder_of(&self.dir, id) {
                Some(dir) => crate::storage::load_workspace_lookup(&dir),
                None => crate::storage::load_workspace_lookup(&self.dir),
            },
        }
    }

    fn write(&mut self, seen: &mut Seen, path: &Path, bytes: &[u8]) -> Result<Saved, GuardError> {
        seen.write(path, bytes)
    }

    fn create(&mut self, seen: &mut Seen, path: &Path, bytes: &[u8]) -> Result<(), GuardError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let fp = crate::storage::guard::write_guarded(path, None, bytes)?;
        seen.insert(path.to_path_buf(), fp);
        Ok(())
    }

    fn remove(&mut self, seen: &mut Seen, path: &Path) -> Result<bool, GuardError> {
        let now = Fingerprint::of_file(path)?;
        if now.is_some() && now != seen.get(path) {
            return Ok(false);
        }
        if now.is_some() {
            std::fs::remove_file(path)?;
        }
        seen.forget(path);
        Ok(true)
    }

    fn keep_conflict(&mut self, path: &Path, bytes: &[u8]) -> Result<String, String> {
        let copy = crate::storage::guard::conflict_path(path);
        crate::storage::write_atomic(&copy, bytes)
            .map(|()| copy.display().to_string())
            .map_err(|e| e.to_string())
    }

    fn commit(&mut self, team: &TeamData, set: ChangeSet) -> Result<ChangeReport, ChangeError> {
        set.commit(&team.dir)
    }

    fn recover(&mut self, team: &TeamData) -> Option<Result<ChangeReport, String>> {
        crate::storage::changeset::recover(&team.dir).map(|r| r.map_err(|e| e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_keys_are_each_others_inverse() {
        let dir = Path::new("/x/wijkteam-noord");
        let keys = [
            DocKey::Team,
            DocKey::Case("2026-0012".into()),
            DocKey::Meeting(chrono::NaiveDate::from_ymd_opt(2026, 12, 8).unwrap()),
            DocKey::Minutes("2026-12-08-notulen.md".into()),
        ];
        for k in keys {
            assert_eq!(DocKey::of(dir, &k.path(dir)), Some(k));
        }
        for other in [
            "cases/notes.txt",
            "meetings/x.ron",
            "elders/team.ron",
            ".overleg-cache",
        ] {
            assert_eq!(DocKey::of(dir, &dir.join(other)), None, "{other}");
        }
        assert_eq!(DocKey::of(dir, Path::new("/y/team.ron")), None);
    }
}
