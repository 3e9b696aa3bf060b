//! One chair at a time: a lock file in the team folder says who has the meeting open.
//!
//! The lock is a small RON file `.overleg.lock` created with `create_new`, so two processes
//! can never both believe they created it. It names the process, host and user, and carries a
//! heartbeat the owner refreshes. A lock whose process is gone (same host) or whose heartbeat
//! is older than [`STALE_AFTER`] (another host, e.g. a laptop on a shared drive that died) is
//! taken over. Anyone else gets [`LockError::Held`] and opens the folder read-only.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// Name of the lock file inside a team folder.
pub const LOCK_FILE: &str = ".overleg.lock";

/// A heartbeat older than this means the owner is gone.
pub const STALE_AFTER: Duration = Duration::minutes(2);

/// Who holds the lock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockOwner {
    pub pid: u32,
    pub host: String,
    pub user: String,
    pub since: DateTime<Utc>,
    pub heartbeat: DateTime<Utc>,
}

/// Why the lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another live `overleg` holds the folder.
    #[error("in gebruik door {} op {} (pid {})", .0.user, .0.host, .0.pid)]
    Held(LockOwner),
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// A held lock; released (file removed) on drop.
#[derive(Debug)]
pub struct TeamLock {
    path: PathBuf,
    owner: LockOwner,
}

impl TeamLock {
    /// Takes the lock of `team_dir`, taking over a stale one. `now` is passed in for tests.
    pub fn acquire(team_dir: &Path, now: DateTime<Utc>) -> Result<TeamLock, LockError> {
        let path = team_dir.join(LOCK_FILE);
        let owner = LockOwner {
            pid: std::process::id(),
            host: host_name(),
            user: user_name(),
            since: now,
            heartbeat: now,
        };
        // Two attempts: the second after removing a stale lock.
        for _ in 0..2 {
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut f) => {
                    f.write_all(super::to_ron(&owner).map_err(io::Error::other)?.as_bytes())?;
                    f.sync_all()?;
                    return Ok(TeamLock { path, owner });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    match read_owner(&path) {
                        Some(other) if !is_stale(&other, now) => {
                            return Err(LockError::Held(other));
                        }
                        // Stale or unreadable (a crash while writing it): take it over.
                        _ => match fs::remove_file(&path) {
                            Ok(()) => {}
                            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                            Err(e) => return Err(e.into()),
                        },
                    }
                }
                Err(e) => return Err(e.into()),
            }
        }
        match read_owner(&path) {
            Some(other) => Err(LockError::Held(other)),
            None => Err(io::Error::other("lock file keeps changing").into()),
        }
    }

    /// Refreshes the heartbeat so others see the owner is alive.
    pub fn heartbeat(&mut self, now: DateTime<Utc>) -> io::Result<()> {
        self.owner.heartbeat = now;
        let text = super::to_ron(&self.owner).map_err(io::Error::other)?;
        super::write_atomic(&self.path, text.as_bytes())
    }

    /// Who holds it (this process).
    pub fn owner(&self) -> &LockOwner {
        &self.owner
    }
}

impl Drop for TeamLock {
    fn drop(&mut self) {
        // Only remove the file if it is still ours.
        if read_owner(&self.path)
            .is_some_and(|o| o.pid == self.owner.pid && o.host == self.owner.host)
        {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Reads the current owner of a lock file, if any.
pub fn read_owner(path: &Path) -> Option<LockOwner> {
    let text = fs::read_to_string(path).ok()?;
    super::from_ron(&text).ok()
}

/// Is the owner gone? Same host: its process no longer exists. Any host: heartbeat too old.
pub fn is_stale(owner: &LockOwner, now: DateTime<Utc>) -> bool {
    if now - owner.heartbeat > STALE_AFTER {
        return true;
    }
    owner.host == host_name() && !process_alive(owner.pid)
}

fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        // Without /proc we rely on the heartbeat alone.
        true
    }
}

fn host_name() -> String {
    fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|s| s.trim().to_string())
        .ok()
        .filter(|s| !s.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .unwrap_or_else(|| "onbekend".into())
}

fn user_name() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "onbekend".into())
}
