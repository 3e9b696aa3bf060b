//! A crash-point harness, as in SQLite's crash tests: with `OVERLEG_CRASH_AT_WRITE=N` the
//! process aborts (`std::process::abort`, no unwinding, no destructors — as close to a power
//! cut as a process can get) just before its N-th durable write step. The steps counted are
//! every temp-file write, fsync, rename, folder fsync and removal that the durable writers
//! of `storage` perform. A test runs a change N = 1, 2, 3, … until it completes and checks
//! after each crash that recovery leaves all of it or none of it.
//!
//! `OVERLEG_CRASH_TRACE=1` prints each step to stderr as `crashpoint <n> <kind>` (kind only,
//! never a file's content), so a test can see where it crashed.
//!
//! Unset (the normal case) it costs one relaxed atomic load per step.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

/// One durable write step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// Writing the bytes into a temp file.
    WriteTemp,
    /// fsync of a file.
    SyncFile,
    /// Renaming (or linking) a temp file into place.
    Rename,
    /// fsync of a folder after a rename or removal.
    SyncDir,
    /// Removing a file (the intent of a finished change set).
    Remove,
    /// A statement of a database change set (sent to the server).
    Statement,
}

impl Step {
    fn name(self) -> &'static str {
        match self {
            Step::WriteTemp => "write-temp",
            Step::SyncFile => "fsync",
            Step::Rename => "rename",
            Step::SyncDir => "fsync-dir",
            Step::Remove => "remove",
            Step::Statement => "sql",
        }
    }
}

struct Harness {
    crash_at: Option<u64>,
    trace: bool,
}

fn harness() -> &'static Harness {
    static H: OnceLock<Harness> = OnceLock::new();
    H.get_or_init(|| Harness {
        crash_at: std::env::var("OVERLEG_CRASH_AT_WRITE")
            .ok()
            .and_then(|v| v.trim().parse().ok())
            .filter(|&n| n > 0),
        trace: std::env::var_os("OVERLEG_CRASH_TRACE").is_some(),
    })
}

static COUNT: AtomicU64 = AtomicU64::new(0);

/// Counts one durable write step; aborts the process when it is the one
/// `OVERLEG_CRASH_AT_WRITE` names (before carrying it out).
pub(crate) fn step(kind: Step) {
    let h = harness();
    if h.crash_at.is_none() && !h.trace {
        return;
    }
    let n = COUNT.fetch_add(1, Ordering::SeqCst) + 1;
    if h.trace {
        eprintln!("crashpoint {n} {}", kind.name());
    }
    if h.crash_at == Some(n) {
        std::process::abort();
    }
}
