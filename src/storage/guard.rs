//! Noticing a file changed by someone else before overwriting it.
//!
//! The app remembers the [`Fingerprint`] of every file it loaded or wrote. Before it writes
//! again, [`write_guarded`] compares the file on disk with that fingerprint; if a team lead
//! edited it by hand (or another laptop wrote it) meanwhile, the write is refused with
//! [`GuardError::ChangedOnDisk`] instead of silently losing their change.

use std::collections::hash_map::DefaultHasher;
use std::fs;
use std::hash::{Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};

/// Length and content hash of a file as last seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fingerprint {
    len: u64,
    hash: u64,
}

impl Fingerprint {
    /// Fingerprint of bytes.
    pub fn of_bytes(bytes: &[u8]) -> Fingerprint {
        let mut h = DefaultHasher::new();
        bytes.hash(&mut h);
        Fingerprint {
            len: bytes.len() as u64,
            hash: h.finish(),
        }
    }

    /// Fingerprint of a file now; `None` if it does not exist.
    pub fn of_file(path: &Path) -> io::Result<Option<Fingerprint>> {
        match fs::read(path) {
            Ok(b) => Ok(Some(Fingerprint::of_bytes(&b))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// Why a guarded write did not happen.
#[derive(Debug, thiserror::Error)]
pub enum GuardError {
    /// The file on disk is not what we last saw (edited by hand, or deleted).
    #[error("{} is buiten overleg gewijzigd", .0.display())]
    ChangedOnDisk(PathBuf),
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// Writes `bytes` atomically if the file on disk still matches `expected` (`None`: the file
/// must not exist yet). Returns the new fingerprint to remember.
pub fn write_guarded(
    path: &Path,
    expected: Option<Fingerprint>,
    bytes: &[u8],
) -> Result<Fingerprint, GuardError> {
    let now = Fingerprint::of_file(path)?;
    if now != expected {
        return Err(GuardError::ChangedOnDisk(path.to_path_buf()));
    }
    super::write_atomic(path, bytes)?;
    Ok(Fingerprint::of_bytes(bytes))
}

/// What a [`Seen::write`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    /// The file was written.
    Written,
    /// The file already held these bytes.
    Unchanged,
    /// The file had been deleted underneath; it was written again from memory.
    Recreated,
}

/// The fingerprints of the files this process loaded or wrote: the memory that lets a save
/// notice a hand edit (or another laptop's write) instead of overwriting it.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    files: std::collections::HashMap<PathBuf, Fingerprint>,
}

impl Seen {
    /// Remembers one file as it is now (forgets it when it cannot be read).
    pub fn remember(&mut self, path: &Path) {
        match Fingerprint::of_file(path) {
            Ok(Some(fp)) => {
                self.files.insert(path.to_path_buf(), fp);
            }
            _ => {
                self.files.remove(path);
            }
        }
    }

    /// The fingerprint remembered for a file, if any.
    pub fn get(&self, path: &Path) -> Option<Fingerprint> {
        self.files.get(path).copied()
    }

    /// Forgets a file (it was removed on purpose).
    pub fn forget(&mut self, path: &Path) {
        self.files.remove(path);
    }

    /// Remembers a fingerprint taken elsewhere (the loop reads the files; `update` stores).
    pub fn insert(&mut self, path: PathBuf, fingerprint: Fingerprint) {
        self.files.insert(path, fingerprint);
    }

    /// Writes `bytes` atomically unless the file changed on disk since this process last saw
    /// it. A file that appeared although it was never seen counts as changed; a file deleted
    /// underneath is written again (memory holds everything it held).
    pub fn write(&mut self, path: &Path, bytes: &[u8]) -> Result<Saved, GuardError> {
        let now = Fingerprint::of_file(path)?;
        let expected = self.files.get(path).copied();
        let new = Fingerprint::of_bytes(bytes);
        let saved = match (expected, now) {
            (Some(e), Some(n)) if e == n && n == new => Saved::Unchanged,
            (Some(e), Some(n)) if e == n => Saved::Written,
            (Some(_), None) => Saved::Recreated,
            (None, None) => Saved::Written,
            _ => return Err(GuardError::ChangedOnDisk(path.to_path_buf())),
        };
        if saved != Saved::Unchanged {
            super::write_atomic(path, bytes)?;
        }
        self.files.insert(path.to_path_buf(), new);
        Ok(saved)
    }
}

/// Where the app's own version goes when the file on disk changed: next to it, not `*.ron`,
/// so the loader leaves it alone and nothing is lost.
pub fn conflict_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".conflict");
    path.with_file_name(name)
}
