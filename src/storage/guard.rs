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
