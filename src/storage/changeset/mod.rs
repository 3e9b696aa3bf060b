//! A change of several files committed as one: closing a meeting (the meeting, every case
//! file with a new regisseur or evaluation, the minutes), a herverdeling, a team change that
//! touches cases.
//!
//! 1. [`ChangeSet::commit`] first checks every part against the disk (a file changed outside
//!    overleg is never overwritten: the whole change is refused before anything is written,
//!    and the app's version of each such file goes to `<file>.conflict`).
//! 2. It writes the intent — the full new content of every part — to
//!    `.overleg-change.intent` in the team folder (atomically, fsynced, with the folder's
//!    permissions: owner-only unless the team folder is shared).
//! 3. It applies the parts in order, each atomically; parts marked `last` (the meeting file,
//!    whose `Gesloten` state says the close happened) only when every other part is on disk.
//! 4. Only when every part is on disk is the intent removed: then the change is done.
//!
//! Applying is idempotent: a part whose file already holds its new content counts as done,
//! one that still holds what the change expected is written, anything else is a conflict.
//! So after a crash at any point, [`recover`] (at the next start, holding the team lock)
//! completes the change — or, when a part cannot be written, reports exactly which file and
//! why and leaves the intent, so that a retry ([`recover`] again) is possible. The loader and
//! `overleg check` report an unfinished intent as a problem.
//!
//! [`close_change_set`] builds the change set of a meeting close from plain data.

mod close;
mod intent;
mod report;

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic::{remove_durable, write_atomic};
use super::guard::{self, Fingerprint, GuardError};

pub use close::{MinutesFile, close_change_set};
pub use intent::{INTENT_FILE, IntentError};
pub use report::{ChangeReport, PartOutcome, PartReport};

/// What a change set does, for the messages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeKind {
    /// Closing the meeting of this date.
    Close(chrono::NaiveDate),
    /// Any other change of several files, named for the chair (no case text).
    Other(String),
}

/// What a part expects to find on disk before it writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Expect {
    /// The file must not exist yet.
    Absent,
    /// The file must hold exactly what overleg last saw.
    Exactly(Fingerprint),
    /// Whatever is there may be replaced (derived files such as the minutes).
    Anything,
}

/// One file of a change set: its full new content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Part {
    pub path: PathBuf,
    pub expect: Expect,
    pub bytes: Vec<u8>,
    /// Written only after every part without `last` is on disk.
    pub last: bool,
}

/// Several file changes that happen together or not at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeSet {
    pub kind: ChangeKind,
    pub parts: Vec<Part>,
}

/// Why a change set was not started. Nothing was changed on disk.
#[derive(Debug, thiserror::Error)]
pub enum ChangeError {
    /// An earlier change of this team folder is unfinished: [`recover`] it first.
    #[error("een eerdere wijziging is nog niet afgemaakt")]
    Pending,
    /// A part would make its file larger than the loader reads.
    #[error("{} zou te groot worden ({size} bytes)", .path.display())]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// Writing the intent failed (disk full, folder not writable).
    #[error("{}: {source}", .path.display())]
    Intent {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl ChangeError {
    /// The message for the chair in the interface language.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        crate::i18n::storage::change_error(self, lang)
    }
}

/// Path of the intent file of a team folder.
pub fn intent_path(team_dir: &Path) -> PathBuf {
    team_dir.join(INTENT_FILE)
}

impl ChangeSet {
    /// Commits the change in `team_dir` (call it only while holding the team lock). See the
    /// module comment for the steps. `Ok` carries the report of every part; the change is
    /// done when [`ChangeReport::is_done`].
    pub fn commit(self, team_dir: &Path) -> Result<ChangeReport, ChangeError> {
        let intent = intent_path(team_dir);
        match super::read::read_regular(&intent) {
            Ok(None) => {}
            Ok(Some(_)) | Err(_) => return Err(ChangeError::Pending),
        }
        for part in &self.parts {
            guard::check_size(&part.path, &part.bytes).map_err(|e| match e {
                GuardError::TooLarge { path, size, limit } => {
                    ChangeError::TooLarge { path, size, limit }
                }
                _ => ChangeError::TooLarge {
                    path: part.path.clone(),
                    size: part.bytes.len() as u64,
                    limit: 0,
                },
            })?;
        }
        // Refuse before writing anything when a file changed outside overleg.
        // (A file that cannot be read now is not a conflict: its write is tried and reported.)
        let checks: Vec<Check> = self.parts.iter().map(check).collect();
        let conflict =
            |c: &Check| matches!(c, Check::Refuse(Refusal::Changed | Refusal::Vanished(_)));
        if checks.iter().any(conflict) {
            let parts = self
                .parts
                .iter()
                .zip(checks)
                .map(|(p, c)| PartReport::new(&p.path, refused(p, c), None))
                .collect();
            return Ok(ChangeReport::new(self.kind, parts, false));
        }
        let bytes = intent::encode(team_dir, &self.kind, &self.parts).map_err(|source| {
            ChangeError::Intent {
                path: intent.clone(),
                source,
            }
        })?;
        write_atomic(&intent, &bytes).map_err(|source| ChangeError::Intent {
            path: intent.clone(),
            source,
        })?;
        Ok(apply(team_dir, self.kind, &self.parts))
    }
}

/// The unfinished change of a team folder, if any.
pub fn pending(team_dir: &Path) -> Result<Option<ChangeSet>, IntentError> {
    let Some(bytes) = super::read::read_regular(&intent_path(team_dir))? else {
        return Ok(None);
    };
    let (kind, parts) = intent::decode(team_dir, &bytes)?;
    Ok(Some(ChangeSet { kind, parts }))
}

/// Completes the unfinished change of `team_dir`, if there is one (call it at start, holding
/// the team lock, before loading what a save will be based on; and again to retry). `None`:
/// nothing was pending. A damaged intent is an error and is left in place.
pub fn recover(team_dir: &Path) -> Option<Result<ChangeReport, IntentError>> {
    let set = match pending(team_dir) {
        Ok(None) => return None,
        Ok(Some(set)) => set,
        Err(e) => return Some(Err(e)),
    };
    Some(Ok(apply(team_dir, set.kind, &set.parts)))
}

/// Gives up an unfinished change: removes its intent, leaving every file as it is now. Only
/// for a chair who decided so after reading what [`recover`] reported.
pub fn discard(team_dir: &Path) -> io::Result<()> {
    remove_durable(&intent_path(team_dir))
}

/// What the disk holds for a part, compared with what the part expects.
enum Check {
    /// Already holds the new content.
    Done,
    /// Holds what was expected: may be written.
    Write,
    /// Was expected but is gone, and no conflict copy exists: may be written again.
    Recreate,
    Refuse(Refusal),
}

enum Refusal {
    Changed,
    Vanished(Vec<PathBuf>),
    Io(String),
}

fn check(part: &Part) -> Check {
    let now = match Fingerprint::of_file(&part.path) {
        Ok(n) => n,
        // A folder on the way is missing or a file: nothing there to overwrite.
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => None,
        Err(e) => return Check::Refuse(Refusal::Io(e.to_string())),
    };
    if now == Some(Fingerprint::of_bytes(&part.bytes)) {
        return Check::Done;
    }
    match (part.expect, now) {
        (Expect::Anything, _) | (Expect::Absent, None) => Check::Write,
        (Expect::Exactly(e), Some(n)) if e == n => Check::Write,
        (Expect::Exactly(_), None) => {
            let copies = super::conflicts::copies_of(&part.path);
            if copies.is_empty() {
                Check::Recreate
            } else {
                Check::Refuse(Refusal::Vanished(copies))
            }
        }
        _ => Check::Refuse(Refusal::Changed),
    }
}

/// The outcome of a part of a change that was refused before anything was written.
fn refused(part: &Part, check: Check) -> PartOutcome {
    match check {
        Check::Refuse(r @ (Refusal::Changed | Refusal::Vanished(_))) => refusal_outcome(part, r),
        _ => PartOutcome::NotStarted,
    }
}

fn refusal_outcome(part: &Part, r: Refusal) -> PartOutcome {
    match r {
        Refusal::Changed => PartOutcome::Conflict {
            copy: keep_conflict_copy(part),
        },
        Refusal::Vanished(copies) => PartOutcome::Vanished {
            copies,
            copy: keep_conflict_copy(part),
        },
        Refusal::Io(error) => PartOutcome::Failed { error },
    }
}

/// Writes the app's version of a refused part next to the file, as a save does.
fn keep_conflict_copy(part: &Part) -> Option<PathBuf> {
    let copy = guard::conflict_path(&part.path);
    write_atomic(&copy, &part.bytes).ok().map(|()| copy)
}

/// Applies every part (idempotent), then removes the intent when all are on disk.
fn apply(team_dir: &Path, kind: ChangeKind, parts: &[Part]) -> ChangeReport {
    let mut reports: Vec<PartReport> = Vec::with_capacity(parts.len());
    let first = parts.iter().filter(|p| !p.last);
    let last = parts.iter().filter(|p| p.last);
    for part in first {
        reports.push(apply_part(part));
    }
    let all_first_ok = reports.iter().all(|r| r.outcome.is_on_disk());
    for part in last {
        if all_first_ok {
            reports.push(apply_part(part));
        } else {
            reports.push(PartReport::new(&part.path, PartOutcome::Waiting, None));
        }
    }
    let done = reports.iter().all(|r| r.outcome.is_on_disk());
    let mut report = ChangeReport::new(kind, reports, done);
    if done && let Err(e) = remove_durable(&intent_path(team_dir)) {
        // Every file is right; only the bookkeeping stayed. The next start finds all parts
        // done and removes it.
        report.intent_error = Some(e.to_string());
    }
    report
}

fn apply_part(part: &Part) -> PartReport {
    let new = Fingerprint::of_bytes(&part.bytes);
    let outcome = match check(part) {
        Check::Done => PartOutcome::AlreadyDone,
        Check::Write => match write_atomic(&part.path, &part.bytes) {
            Ok(()) => PartOutcome::Written,
            Err(e) => PartOutcome::Failed {
                error: e.to_string(),
            },
        },
        Check::Recreate => match write_atomic(&part.path, &part.bytes) {
            Ok(()) => PartOutcome::Recreated,
            Err(e) => PartOutcome::Failed {
                error: e.to_string(),
            },
        },
        Check::Refuse(r) => refusal_outcome(part, r),
    };
    let fp = outcome.is_on_disk().then_some(new);
    PartReport::new(&part.path, outcome, fp)
}

#[cfg(test)]
mod tests;
