//! Watching a lock held by someone else, on this machine's own monotonic clock.

use std::path::Path;
use std::time::{Duration, Instant};

use super::{LOCK_FILE, LockOwner, Read, STALE_AFTER, read_lock};
use crate::storage::guard::Fingerprint;

/// Why a lock may be taken over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaleReason {
    /// Its process, on this machine, is gone.
    ProcessGone,
    /// Its content has not changed for this long (local clock): no heartbeat.
    NoHeartbeat(Duration),
}

/// A lock found stale, with exactly what was seen (the take-over checks it moved that).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stale {
    pub owner: LockOwner,
    pub fingerprint: Fingerprint,
    pub reason: StaleReason,
}

/// What the observer sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Observation {
    /// No lock: try [`super::TeamLock::acquire`].
    Free,
    /// Held by a live holder (its heartbeat changed within the stale limit, or not yet
    /// watched that long).
    HeldBy(LockOwner),
    /// A lock is there but cannot be read. Never taken over for that: stay read-only.
    Unreadable(String),
    /// Take it over with [`super::TeamLock::take_over`].
    TakeOverAllowed(Stale),
}

/// Keeps what a read-only chair saw of a team's lock, to notice a heartbeat that stopped.
/// Feed it every few seconds; only time on this machine's monotonic clock counts.
#[derive(Debug, Clone)]
pub struct LockObserver {
    last: Option<(Fingerprint, Instant)>,
    stale_after: Duration,
}

impl Default for LockObserver {
    fn default() -> Self {
        LockObserver::new()
    }
}

impl LockObserver {
    /// An observer with the standard limit, [`STALE_AFTER`].
    pub fn new() -> LockObserver {
        LockObserver::with_stale_limit(STALE_AFTER)
    }

    /// An observer with another limit (tests).
    pub fn with_stale_limit(stale_after: Duration) -> LockObserver {
        LockObserver {
            last: None,
            stale_after,
        }
    }

    /// Looks at the lock of `team_dir` at `local_now` (`Instant::now()`).
    pub fn observe(&mut self, team_dir: &Path, local_now: Instant) -> Observation {
        match read_lock(&team_dir.join(LOCK_FILE)) {
            Read::Missing => {
                self.last = None;
                Observation::Free
            }
            Read::Unreadable(reason) => {
                self.last = None;
                Observation::Unreadable(reason)
            }
            Read::Owner(owner, fp) => {
                if owner.is_dead_here() {
                    return Observation::TakeOverAllowed(Stale {
                        owner,
                        fingerprint: fp,
                        reason: StaleReason::ProcessGone,
                    });
                }
                let since = match self.last {
                    Some((seen, at)) if seen == fp => at,
                    _ => {
                        self.last = Some((fp, local_now));
                        local_now
                    }
                };
                let unchanged = local_now.saturating_duration_since(since);
                if unchanged > self.stale_after {
                    Observation::TakeOverAllowed(Stale {
                        owner,
                        fingerprint: fp,
                        reason: StaleReason::NoHeartbeat(unchanged),
                    })
                } else {
                    Observation::HeldBy(owner)
                }
            }
        }
    }
}
