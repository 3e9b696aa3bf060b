//! The offline journal: writes made while the database cannot be reached, in order, each
//! fsynced before the interface goes on, in an owner-only file in the user's data folder.
//! Applied (with the same version checks as any write) once the database answers; an entry
//! leaves the journal only when the server confirmed it, so nothing is lost and, because a
//! replayed write that is already there counts as done, nothing arrives twice.
//!
//! File format: records of `[length u32 LE][CRC-32 u32 LE][postcard]`. A torn last record
//! (a crash while appending) is ignored and cut off at the next write.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::storage::changeset::{ChangeKind, Part};
use crate::storage::guard::Fingerprint;

/// One write waiting for the database.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Entry {
    /// One document, expected as last seen (`None`: new).
    Put {
        path: PathBuf,
        expect: Option<Fingerprint>,
        bytes: Vec<u8>,
    },
    /// A change set (a close): one transaction when it is applied.
    Commit { kind: ChangeKind, parts: Vec<Part> },
    /// A meeting moved away from a date.
    Remove {
        path: PathBuf,
        expect: Option<Fingerprint>,
    },
}

impl Entry {
    /// The documents this entry writes.
    pub fn paths(&self) -> Vec<PathBuf> {
        match self {
            Entry::Put { path, .. } => vec![path.clone()],
            Entry::Commit { parts, .. } => parts.iter().map(|p| p.path.clone()).collect(),
            Entry::Remove { .. } => Vec::new(),
        }
    }

    /// The new content this entry has for `path`.
    pub fn bytes_of(&self, path: &Path) -> Option<Vec<u8>> {
        match self {
            Entry::Put { path: p, bytes, .. } if p == path => Some(bytes.clone()),
            Entry::Commit { parts, .. } => parts
                .iter()
                .find(|p| p.path == path)
                .map(|p| p.bytes.clone()),
            _ => None,
        }
    }
}

/// What a replay did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Replayed {
    /// Documents written now.
    pub applied: usize,
    /// Documents the server already held (confirmed before the connection dropped).
    pub already: usize,
    /// Documents changed by someone else meanwhile: not applied; the app's version kept
    /// (where, when keeping it worked).
    pub conflicts: Vec<(PathBuf, Option<String>)>,
    /// Entries the server refused for another reason (the reason).
    pub failed: Vec<String>,
}

/// The journal file and what it holds.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    entries: Vec<Entry>,
    /// Bytes of valid records in the file (a torn tail after it is cut off at the next write).
    valid_len: u64,
}

impl Journal {
    /// Opens (or starts) the journal at `path`, reading every complete record.
    pub fn open(path: &Path) -> io::Result<Journal> {
        let mut journal = Journal {
            path: path.to_path_buf(),
            entries: Vec::new(),
            valid_len: 0,
        };
        let mut bytes = Vec::new();
        match File::open(path) {
            Ok(mut f) => {
                f.read_to_end(&mut bytes)?;
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(journal),
            Err(e) => return Err(e),
        }
        let mut at = 0usize;
        while let Some(header) = bytes.get(at..at + 8) {
            let len = u32::from_le_bytes(header[..4].try_into().expect("4 bytes")) as usize;
            let crc = u32::from_le_bytes(header[4..].try_into().expect("4 bytes"));
            let Some(body) = bytes.get(at + 8..at + 8 + len) else {
                break;
            };
            if crc32fast::hash(body) != crc {
                break;
            }
            let Ok(entry) = postcard::from_bytes::<Entry>(body) else {
                break;
            };
            journal.entries.push(entry);
            at += 8 + len;
        }
        journal.valid_len = at as u64;
        Ok(journal)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn first(&self) -> Option<&Entry> {
        self.entries.first()
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Appends an entry and fsyncs it before returning.
    pub fn push(&mut self, entry: &Entry) -> io::Result<()> {
        let body = postcard::to_allocvec(entry).map_err(io::Error::other)?;
        let mut record = Vec::with_capacity(body.len() + 8);
        record.extend_from_slice(&(body.len() as u32).to_le_bytes());
        record.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
        record.extend_from_slice(&body);
        if let Some(dir) = self.path.parent() {
            create_private_dir(dir)?;
        }
        let fresh = !self.path.exists();
        let mut f = open_private(&self.path)?;
        f.set_len(self.valid_len)?;
        use std::io::Seek;
        f.seek(io::SeekFrom::Start(self.valid_len))?;
        f.write_all(&record)?;
        f.sync_all()?;
        if fresh {
            sync_parent(&self.path);
        }
        self.valid_len += record.len() as u64;
        self.entries.push(entry.clone());
        Ok(())
    }

    /// Drops the first entry (the server confirmed it); the file is rewritten atomically,
    /// and removed when nothing waits any more.
    pub fn pop_first(&mut self) -> io::Result<()> {
        if self.entries.is_empty() {
            return Ok(());
        }
        let rest: Vec<Entry> = self.entries[1..].to_vec();
        if rest.is_empty() {
            match std::fs::remove_file(&self.path) {
                Ok(()) => sync_parent(&self.path),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
            self.entries.clear();
            self.valid_len = 0;
            return Ok(());
        }
        let mut all = Vec::new();
        for e in &rest {
            let body = postcard::to_allocvec(e).map_err(io::Error::other)?;
            all.extend_from_slice(&(body.len() as u32).to_le_bytes());
            all.extend_from_slice(&crc32fast::hash(&body).to_le_bytes());
            all.extend_from_slice(&body);
        }
        crate::storage::write_atomic(&self.path, &all)?;
        self.valid_len = all.len() as u64;
        self.entries = rest;
        Ok(())
    }
}

#[cfg(unix)]
fn open_private(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(false)
        .mode(0o600)
        .open(path)
}

#[cfg(not(unix))]
fn open_private(path: &Path) -> io::Result<File> {
    // On Windows the file inherits the ACL of the user's own data folder.
    OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(false)
        .open(path)
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)
}

fn sync_parent(path: &Path) {
    #[cfg(unix)]
    if let Some(dir) = path.parent()
        && let Ok(d) = File::open(dir)
    {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn put(n: u8) -> Entry {
        Entry::Put {
            path: PathBuf::from(format!("t/cases/2026-000{n}.ron")),
            expect: None,
            bytes: vec![n; 10],
        }
    }

    #[test]
    fn entries_survive_a_reopen_and_leave_one_by_one() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("j/journal");
        let mut j = Journal::open(&path).unwrap();
        for n in 1..=3 {
            j.push(&put(n)).unwrap();
        }
        let mut j = Journal::open(&path).unwrap();
        assert_eq!(j.entries(), &[put(1), put(2), put(3)]);
        j.pop_first().unwrap();
        assert_eq!(Journal::open(&path).unwrap().entries(), &[put(2), put(3)]);
        j.pop_first().unwrap();
        j.pop_first().unwrap();
        assert!(!path.exists(), "an empty journal leaves no file");
    }

    #[test]
    fn a_torn_last_record_is_ignored_and_cut_off() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("journal");
        let mut j = Journal::open(&path).unwrap();
        j.push(&put(1)).unwrap();
        j.push(&put(2)).unwrap();
        let full = std::fs::read(&path).unwrap();
        std::fs::write(&path, &full[..full.len() - 3]).unwrap();
        let mut j = Journal::open(&path).unwrap();
        assert_eq!(j.entries(), &[put(1)]);
        j.push(&put(3)).unwrap();
        assert_eq!(Journal::open(&path).unwrap().entries(), &[put(1), put(3)]);
    }

    #[cfg(unix)]
    #[test]
    fn the_journal_is_for_its_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("d/journal");
        Journal::open(&path).unwrap().push(&put(1)).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "{mode:o}");
        let dmode = std::fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(dmode & 0o077, 0, "{dmode:o}");
    }
}
