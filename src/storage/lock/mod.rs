//! One writer per team folder: the lock file `.overleg.lock`.
//!
//! # Promises
//!
//! - **Born complete.** The lock's content is written to a temp file, synced, and then linked
//!   into place without replacing anything (`rename(RENAME_NOREPLACE)` or `link`, through
//!   `tempfile`'s `persist_noclobber`; where a file system has neither, `create_new` and a
//!   write — a lock seen half-written there only reads as unreadable, which is never stale).
//! - **Unreadable is never stale.** A lock that cannot be read or parsed (half-written on an
//!   odd file system, a 404 on a WebDAV share, another user's file without group rights) is
//!   reported as [`Observation::Unreadable`] / [`LockError::Unreadable`] and left alone.
//! - **Stale only when seen stale.** A lock is taken over only (a) when it is on this machine
//!   (same [`identity::process_space`]) and its pid is gone, or (b) when its content — which
//!   changes at every heartbeat — has been *seen unchanged* for longer than [`STALE_AFTER`]
//!   on this machine's monotonic clock, by a [`LockObserver`]. The holder's clock is never
//!   compared with ours, so clock skew between laptops is harmless.
//! - **Take-over is race-free.** The taker renames the stale lock to a name of its own,
//!   checks that what it moved is exactly what it observed (else it puts it back: it moved a
//!   fresh lock of someone who was quicker), and then creates its own without replacing.
//!   Of any number of processes taking over one stale lock, exactly one wins.
//! - **Tokens.** Every holding has a random token. The heartbeat first checks that the lock
//!   still carries it ([`HeartbeatOutcome::Lost`] otherwise: go read-only at once), then
//!   rewrites it in place the same atomic way. Release removes the file only when its token
//!   is this holding's.
//! - **Permissions.** The lock gets the team folder's permissions ([`super::perm`]): 0600, or
//!   0660 with the folder's group in a shared group folder, so a colleague can read it.
//!
//! # API for the interface's lock keeper
//!
//! - [`TeamLock::acquire`]`(dir, now)`: take a free lock, or the lock of a dead process on
//!   this machine. `Err(Held(owner))`: someone else chairs; `Err(Unreadable{..})`: a lock is
//!   there that cannot be read (never taken over; say so); `Err(Io)`.
//! - While read-only, keep one [`LockObserver`] per team folder and call
//!   [`LockObserver::observe`]`(dir, Instant::now())` every few seconds:
//!   [`Observation::Free`] → try `acquire`; [`Observation::HeldBy`] → stay read-only;
//!   [`Observation::Unreadable`] → stay read-only and show the reason;
//!   [`Observation::TakeOverAllowed`]`(stale)` → [`TeamLock::take_over`]`(dir, &stale, now)`.
//! - While holding: [`TeamLock::heartbeat`]`(now)` every [`HEARTBEAT_EVERY`] (and before a
//!   close is committed): [`HeartbeatOutcome::Renewed`]; [`HeartbeatOutcome::Lost`]`(owner)`
//!   → read-only from now on, write nothing more; [`HeartbeatOutcome::Failed`]`(io)` → show
//!   it, try again at the next beat (the lock is still ours as far as we know).
//! - Dropping a [`TeamLock`] (or [`TeamLock::release`]) removes the file if it is still ours.
//!
//! # What remains
//!
//! A heartbeat reads the lock and then rewrites it: a chair that takes over in exactly that
//! moment (possible only after the holder was silent for the whole stale limit, e.g. a laptop
//! waking from sleep) has its new lock replaced by the old holder's rewrite, and learns so at
//! its own next heartbeat (`Lost`). And while a taker has moved a lock aside to check it, the
//! lock path is empty for microseconds; a third process creating a fresh lock exactly then
//! makes the put-back fail, and the displaced holder learns it at its next heartbeat.
//! [`TeamLock::is_still_mine`] before a change set narrows both to the time of one write.
//!
//! Test hooks: `OVERLEG_LOCK_DELAY_MS=N` sleeps N ms between writing the temp file and
//! linking it into place, and between moving a stale lock aside and checking it, so tests
//! can widen the race windows.

pub mod identity;
mod observe;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::atomic::{parent_dir, sync_dir, temp_with};
use super::crashpoint::{Step, step};
use super::guard::Fingerprint;

pub use observe::{LockObserver, Observation, Stale, StaleReason};

/// Name of the lock file inside a team folder.
pub const LOCK_FILE: &str = ".overleg.lock";

/// A lock whose content has been seen unchanged this long (local clock) may be taken over.
pub const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(120);

/// How often the holder renews its heartbeat (well within [`STALE_AFTER`]).
pub const HEARTBEAT_EVERY: std::time::Duration = std::time::Duration::from_secs(20);

/// Who holds the lock, as written in the lock file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockOwner {
    /// Random, one per holding: what "is this lock still mine" compares.
    #[serde(default)]
    pub token: String,
    /// [`identity::process_space`] of the holder: the pid is checked only when it is ours.
    #[serde(default)]
    pub machine: String,
    pub pid: u32,
    pub host: String,
    pub user: String,
    pub since: DateTime<Utc>,
    /// The holder's clock at its last heartbeat (shown to people, never compared).
    pub heartbeat: DateTime<Utc>,
    /// Counts the heartbeats, so the content changes at each even when a clock stands still.
    #[serde(default)]
    pub beat: u64,
}

impl LockOwner {
    /// Is this holder a process on this machine that no longer exists?
    pub fn is_dead_here(&self) -> bool {
        !self.machine.is_empty()
            && self.machine == identity::process_space()
            && !identity::process_alive(self.pid)
    }
}

/// Why the lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another live `overleg` holds the folder.
    #[error("in gebruik door {} op {} (pid {})", .0.user, .0.host, .0.pid)]
    Held(Box<LockOwner>),
    /// A lock file is there but cannot be read; it is never taken over for that reason.
    #[error("het slot {} kan niet gelezen worden ({reason}); als niemand anders dit team open heeft, verwijder het bestand", .path.display())]
    Unreadable { path: PathBuf, reason: String },
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// What a heartbeat found.
#[derive(Debug)]
pub enum HeartbeatOutcome {
    /// The lock was still ours and is renewed.
    Renewed,
    /// The lock is no longer ours: removed (`None`, or unreadable) or another holder's.
    /// Go read-only now; write nothing more.
    Lost(Option<LockOwner>),
    /// Renewing failed (I/O); the lock is still ours as far as we know. Show it.
    Failed(io::Error),
}

/// A held lock; released (the file removed, if still ours) on drop.
#[derive(Debug)]
pub struct TeamLock {
    path: PathBuf,
    owner: LockOwner,
    released: bool,
}

/// How a lock file reads.
pub(crate) enum Read {
    Missing,
    Owner(LockOwner, Fingerprint),
    Unreadable(String),
}

pub(crate) fn read_lock(path: &Path) -> Read {
    match super::read::read_regular(path) {
        Ok(None) => Read::Missing,
        Err(e) => Read::Unreadable(e.to_string()),
        Ok(Some(bytes)) => {
            let fp = Fingerprint::of_bytes(&bytes);
            let parsed = std::str::from_utf8(&bytes)
                .ok()
                .and_then(|t| super::from_ron::<LockOwner>(t).ok());
            match parsed {
                Some(owner) => Read::Owner(owner, fp),
                None => Read::Unreadable(format!("{} bytes, not a lock", bytes.len())),
            }
        }
    }
}

/// Reads the current owner of a lock file, if it can be read.
pub fn read_owner(path: &Path) -> Option<LockOwner> {
    match read_lock(path) {
        Read::Owner(o, _) => Some(o),
        _ => None,
    }
}

fn test_delay() {
    static DELAY: OnceLock<Option<std::time::Duration>> = OnceLock::new();
    let d = DELAY.get_or_init(|| {
        std::env::var("OVERLEG_LOCK_DELAY_MS")
            .ok()
            .and_then(|v| v.trim().parse().ok())
            .map(std::time::Duration::from_millis)
    });
    if let Some(d) = d {
        std::thread::sleep(*d);
    }
}

/// Creates the lock file with `owner`'s content, born complete; `Ok(false)` when a lock is
/// already there (nothing was replaced).
fn create(path: &Path, owner: &LockOwner) -> io::Result<bool> {
    let dir = parent_dir(path);
    let bytes = super::to_ron(owner).map_err(io::Error::other)?.into_bytes();
    let tmp = temp_with(path, dir, &bytes, true)?;
    test_delay();
    step(Step::Rename);
    match tmp.persist_noclobber(path) {
        Ok(_) => {
            step(Step::SyncDir);
            sync_dir(dir);
            Ok(true)
        }
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        // No hard links and no rename-without-replace here (some network and FAT file
        // systems): create_new and write. A reader that sees it before the write ends finds
        // it unreadable, which is never stale.
        Err(_) => create_plain(path, &bytes),
    }
}

fn create_plain(path: &Path, bytes: &[u8]) -> io::Result<bool> {
    use std::io::Write;
    let dir = parent_dir(path);
    let mut f = match fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Ok(false),
        Err(e) => return Err(e),
    };
    super::perm::apply_to_file(&f, path, dir)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    sync_dir(dir);
    Ok(true)
}

/// Moves `from` to `to` only if `to` does not exist.
fn rename_noclobber(from: &Path, to: &Path) -> io::Result<()> {
    match fs::hard_link(from, to) {
        Ok(()) => fs::remove_file(from),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) if !to.exists() => fs::rename(from, to),
        Err(e) => Err(e),
    }
}

impl TeamLock {
    fn new_owner(now: DateTime<Utc>) -> LockOwner {
        LockOwner {
            token: identity::new_token(),
            machine: identity::process_space().to_string(),
            pid: std::process::id(),
            host: identity::host_name(),
            user: identity::user_name(),
            since: now,
            heartbeat: now,
            beat: 0,
        }
    }

    /// Takes the lock of `team_dir` when it is free, or held by a process on this machine
    /// that is gone. `now` is the time written into the lock (for people; never compared).
    pub fn acquire(team_dir: &Path, now: DateTime<Utc>) -> Result<TeamLock, LockError> {
        let path = team_dir.join(LOCK_FILE);
        let owner = Self::new_owner(now);
        if create(&path, &owner)? {
            return Ok(TeamLock {
                path,
                owner,
                released: false,
            });
        }
        match read_lock(&path) {
            Read::Missing => {
                // Released between our attempt and the read: one more try.
                if create(&path, &owner)? {
                    return Ok(TeamLock {
                        path,
                        owner,
                        released: false,
                    });
                }
                match read_lock(&path) {
                    Read::Owner(o, _) => Err(LockError::Held(Box::new(o))),
                    Read::Unreadable(reason) => Err(LockError::Unreadable { path, reason }),
                    Read::Missing => Err(io::Error::other("lock file keeps changing").into()),
                }
            }
            Read::Owner(other, fp) if other.is_dead_here() => {
                let stale = Stale {
                    owner: other,
                    fingerprint: fp,
                    reason: StaleReason::ProcessGone,
                };
                Self::take_over_as(team_dir, &stale, owner)
            }
            Read::Owner(other, _) => Err(LockError::Held(Box::new(other))),
            Read::Unreadable(reason) => Err(LockError::Unreadable { path, reason }),
        }
    }

    /// Takes over a lock a [`LockObserver`] found stale. Race-free: exactly one of several
    /// processes taking over the same lock succeeds; the others get `Held`.
    pub fn take_over(
        team_dir: &Path,
        stale: &Stale,
        now: DateTime<Utc>,
    ) -> Result<TeamLock, LockError> {
        Self::take_over_as(team_dir, stale, Self::new_owner(now))
    }

    fn take_over_as(
        team_dir: &Path,
        stale: &Stale,
        owner: LockOwner,
    ) -> Result<TeamLock, LockError> {
        let path = team_dir.join(LOCK_FILE);
        let aside = team_dir.join(format!("{LOCK_FILE}.stale-{}", owner.token));
        let held = |path: &Path| match read_lock(path) {
            Read::Owner(o, _) => LockError::Held(Box::new(o)),
            Read::Unreadable(reason) => LockError::Unreadable {
                path: path.to_path_buf(),
                reason,
            },
            Read::Missing => LockError::Io(io::Error::other("lock file keeps changing")),
        };
        let won = |owner: LockOwner| TeamLock {
            path: path.clone(),
            owner,
            released: false,
        };
        match fs::rename(&path, &aside) {
            Ok(()) => {}
            // Someone else moved it first: whoever creates the new lock first holds it.
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return if create(&path, &owner)? {
                    Ok(won(owner))
                } else {
                    Err(held(&path))
                };
            }
            Err(e) => return Err(e.into()),
        }
        test_delay();
        let moved = super::read::read_regular(&aside)
            .ok()
            .flatten()
            .map(|b| Fingerprint::of_bytes(&b));
        if moved != Some(stale.fingerprint) {
            // We moved a lock that someone who was quicker had just made: put it back.
            let restored = rename_noclobber(&aside, &path);
            if restored.is_err() {
                let _ = fs::remove_file(&aside);
            }
            return Err(held(&path));
        }
        let created = create(&path, &owner);
        let _ = fs::remove_file(&aside);
        sync_dir(team_dir);
        if created? {
            Ok(won(owner))
        } else {
            Err(held(&path))
        }
    }

    /// Renews the heartbeat: checks that the lock still carries this holding's token, then
    /// rewrites it atomically with the new time and beat count.
    pub fn heartbeat(&mut self, now: DateTime<Utc>) -> HeartbeatOutcome {
        match read_lock(&self.path) {
            Read::Missing => return HeartbeatOutcome::Lost(None),
            Read::Unreadable(reason) => {
                return HeartbeatOutcome::Failed(io::Error::other(reason));
            }
            Read::Owner(o, _) if o.token != self.owner.token => {
                return HeartbeatOutcome::Lost(Some(o));
            }
            Read::Owner(..) => {}
        }
        let mut next = self.owner.clone();
        next.heartbeat = now;
        next.beat = next.beat.wrapping_add(1);
        let text = match super::to_ron(&next) {
            Ok(t) => t,
            Err(e) => return HeartbeatOutcome::Failed(io::Error::other(e)),
        };
        match super::write_atomic(&self.path, text.as_bytes()) {
            Ok(()) => {
                self.owner = next;
                HeartbeatOutcome::Renewed
            }
            Err(e) => HeartbeatOutcome::Failed(e),
        }
    }

    /// Is the lock on disk still this holding's? (Cheap: one small read. Call it before a
    /// change set is committed.)
    pub fn is_still_mine(&self) -> bool {
        matches!(read_lock(&self.path), Read::Owner(o, _) if o.token == self.owner.token)
    }

    /// Who holds it (this process).
    pub fn owner(&self) -> &LockOwner {
        &self.owner
    }

    /// Releases the lock: removes the file only when it still carries this holding's token.
    pub fn release(mut self) {
        self.release_now();
    }

    fn release_now(&mut self) {
        if self.released {
            return;
        }
        self.released = true;
        if self.is_still_mine() {
            let _ = fs::remove_file(&self.path);
        }
    }
}

impl Drop for TeamLock {
    fn drop(&mut self) {
        self.release_now();
    }
}
