//! Noticing a file changed by someone else before overwriting it.
//!
//! The app remembers the [`Fingerprint`] of every file it loaded or wrote. Before it writes
//! again, [`write_guarded`] compares the file on disk with that fingerprint; if a team lead
//! edited it by hand (or another laptop wrote it) meanwhile, the write is refused with
//! [`GuardError::ChangedOnDisk`] instead of silently losing their change.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::i18n::Lang;

/// Length and SHA-256 of a file's content as last seen. Content, not size and time: a hand
/// edit that keeps both (`touch -r`) is still noticed. SHA-256 rather than a faster
/// non-cryptographic hash because the value is stored (in a change set's intent) and must be
/// the same in every build, and a hash of a few kilobytes costs microseconds.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Fingerprint {
    len: u64,
    hash: [u8; 32],
}

impl std::fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let short: String = self.hash[..6].iter().map(|b| format!("{b:02x}")).collect();
        write!(f, "Fingerprint({} bytes, {short}…)", self.len)
    }
}

impl Fingerprint {
    /// Fingerprint of bytes.
    pub fn of_bytes(bytes: &[u8]) -> Fingerprint {
        Fingerprint {
            len: bytes.len() as u64,
            hash: Sha256::digest(bytes).into(),
        }
    }

    /// The fingerprint as 40 bytes (length big-endian, then the hash), as the database
    /// store keeps it.
    pub fn to_bytes(&self) -> [u8; 40] {
        let mut out = [0u8; 40];
        out[..8].copy_from_slice(&self.len.to_be_bytes());
        out[8..].copy_from_slice(&self.hash);
        out
    }

    /// The inverse of [`Fingerprint::to_bytes`]; `None` for anything not 40 bytes long.
    pub fn from_bytes(bytes: &[u8]) -> Option<Fingerprint> {
        let bytes: &[u8; 40] = bytes.try_into().ok()?;
        Some(Fingerprint {
            len: u64::from_be_bytes(bytes[..8].try_into().ok()?),
            hash: bytes[8..].try_into().ok()?,
        })
    }

    /// Fingerprint of a file now; `None` if it does not exist. Only a regular file is read
    /// (a FIFO or device put in its place is an error, never a hang).
    pub fn of_file(path: &Path) -> io::Result<Option<Fingerprint>> {
        Ok(super::read::read_regular(path)?.map(|b| Fingerprint::of_bytes(&b)))
    }
}

/// Why a guarded write did not happen.
#[derive(Debug, thiserror::Error)]
pub enum GuardError {
    /// The file on disk is not what we last saw (edited by hand, or written by another
    /// laptop). Nothing was written over it.
    #[error("{} is buiten overleg gewijzigd", .0.display())]
    ChangedOnDisk(PathBuf),
    /// The file was deleted or renamed underneath, and conflict copies of it exist (a sync
    /// tool may have renamed it): it was not written again, so that nobody works on two
    /// versions without knowing.
    #[error("{} is verdwenen; er zijn conflictkopieën", .path.display())]
    Vanished { path: PathBuf, copies: Vec<PathBuf> },
    /// The new content is larger than a file of this kind may be (it would no longer load).
    #[error("{} zou te groot worden ({size} bytes)", .path.display())]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{0}")]
    Io(#[from] io::Error),
}

impl GuardError {
    /// What went wrong, for the chair, in the interface language (no file content).
    pub fn message(&self, lang: Lang) -> String {
        crate::i18n::storage::guard_error(self, lang)
    }
}

/// Refuses content that would make the file too large to load again.
pub(crate) fn check_size(path: &Path, bytes: &[u8]) -> Result<(), GuardError> {
    let limit = super::read::limit_for(path);
    let size = bytes.len() as u64;
    if size > limit {
        return Err(GuardError::TooLarge {
            path: path.to_path_buf(),
            size,
            limit,
        });
    }
    Ok(())
}

/// Writes `bytes` atomically if the file on disk still matches `expected` (`None`: the file
/// must not exist yet). Returns the new fingerprint to remember.
pub fn write_guarded(
    path: &Path,
    expected: Option<Fingerprint>,
    bytes: &[u8],
) -> Result<Fingerprint, GuardError> {
    check_size(path, bytes)?;
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
    /// The file had been deleted underneath and no conflict copy of it exists; it was
    /// written again from memory. Show it as a warning: someone removed the file.
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

    /// Remembers a fingerprint taken elsewhere (the loop reads the files; `update` stores).
    pub fn insert(&mut self, path: PathBuf, fingerprint: Fingerprint) {
        self.files.insert(path, fingerprint);
    }

    /// The fingerprint last seen of a file (`None`: never seen, so it must not exist).
    pub fn get(&self, path: &Path) -> Option<Fingerprint> {
        self.files.get(path).copied()
    }

    /// Forgets a file (it was removed on purpose).
    pub fn forget(&mut self, path: &Path) {
        self.files.remove(path);
    }

    /// Writes `bytes` atomically unless the file changed on disk since this process last saw
    /// it. A file that appeared although it was never seen counts as changed. A file deleted
    /// underneath is written again (memory holds everything it held) only when no conflict
    /// copy of it exists; otherwise [`GuardError::Vanished`] names the copies. Content over
    /// the size limit is refused with [`GuardError::TooLarge`].
    pub fn write(&mut self, path: &Path, bytes: &[u8]) -> Result<Saved, GuardError> {
        check_size(path, bytes)?;
        let now = Fingerprint::of_file(path)?;
        let expected = self.files.get(path).copied();
        let new = Fingerprint::of_bytes(bytes);
        let saved = match (expected, now) {
            (Some(e), Some(n)) if e == n && n == new => Saved::Unchanged,
            (Some(e), Some(n)) if e == n => Saved::Written,
            (Some(_), None) => {
                let copies = super::conflicts::copies_of(path);
                if !copies.is_empty() {
                    return Err(GuardError::Vanished {
                        path: path.to_path_buf(),
                        copies,
                    });
                }
                Saved::Recreated
            }
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
