//! What committing or recovering a change set did, part by part.

use std::path::{Path, PathBuf};

use super::ChangeKind;
use crate::i18n::Lang;
use crate::storage::guard::{Fingerprint, Seen};

/// The outcome of one part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartOutcome {
    /// Written now.
    Written,
    /// The file already held the new content (an earlier, interrupted attempt wrote it).
    AlreadyDone,
    /// The file had been removed and no conflict copy exists; written again.
    Recreated,
    /// The file changed outside overleg: not overwritten. The app's version is in `copy`
    /// (`None`: writing that copy failed too; the data is only in memory and the intent).
    Conflict { copy: Option<PathBuf> },
    /// The file is gone and conflict copies of it exist: not written again.
    Vanished {
        copies: Vec<PathBuf>,
        copy: Option<PathBuf>,
    },
    /// Writing failed (the OS's reason, never file content).
    Failed { error: String },
    /// A `last` part (the meeting file) not written because another part failed.
    Waiting,
    /// The change was refused before anything was written because of another part.
    NotStarted,
}

impl PartOutcome {
    /// Does the file now hold the part's new content?
    pub fn is_on_disk(&self) -> bool {
        matches!(
            self,
            PartOutcome::Written | PartOutcome::AlreadyDone | PartOutcome::Recreated
        )
    }
}

/// One part's outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartReport {
    pub path: PathBuf,
    pub outcome: PartOutcome,
    /// The fingerprint of the file as it is now, when it holds the new content.
    pub fingerprint: Option<Fingerprint>,
}

impl PartReport {
    pub(crate) fn new(path: &Path, outcome: PartOutcome, fingerprint: Option<Fingerprint>) -> Self {
        PartReport {
            path: path.to_path_buf(),
            outcome,
            fingerprint,
        }
    }
}

/// What a commit or a recovery did, part by part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeReport {
    pub kind: ChangeKind,
    pub parts: Vec<PartReport>,
    done: bool,
    /// Every part is on disk but removing the intent failed (harmless: the next start
    /// finds every part done and removes it).
    pub intent_error: Option<String>,
}

impl ChangeReport {
    pub(crate) fn new(kind: ChangeKind, parts: Vec<PartReport>, done: bool) -> Self {
        ChangeReport {
            kind,
            parts,
            done,
            intent_error: None,
        }
    }

    /// Is every part on disk? Only then did the change happen (for a close: only then is the
    /// meeting closed on disk). When not, the intent stays (unless nothing was started) and
    /// [`super::recover`] retries.
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// Was the change refused before anything was written (a file changed outside
    /// overleg)? Then no intent exists and the files are as they were.
    pub fn nothing_written(&self) -> bool {
        !self.done
            && self
                .parts
                .iter()
                .all(|p| !matches!(p.outcome, PartOutcome::Written | PartOutcome::Recreated))
            && self
                .parts
                .iter()
                .any(|p| p.outcome == PartOutcome::NotStarted)
    }

    /// The parts that did not reach the disk.
    pub fn failures(&self) -> impl Iterator<Item = &PartReport> {
        self.parts.iter().filter(|p| !p.outcome.is_on_disk())
    }

    /// Remembers the new fingerprint of every part now on disk, so later saves compare
    /// with what this change wrote.
    pub fn remember(&self, seen: &mut Seen) {
        for p in &self.parts {
            if let Some(fp) = p.fingerprint {
                seen.insert(p.path.clone(), fp);
            }
        }
    }

    /// The whole report as lines for a popup: a headline, then one line per part that did
    /// not reach the disk (every one, not only the last), each naming the file and why.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        crate::i18n::storage::change_report_lines(self, lang)
    }

    /// The report as one text (the lines joined by line feeds).
    pub fn message(&self, lang: Lang) -> String {
        self.lines(lang).join("\n")
    }
}
