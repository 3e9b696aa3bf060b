//! A re-export never overwrites a document that was edited after overleg wrote it (the
//! secretary's changes in Word). overleg keeps a record of what it wrote — file, length and
//! CRC-32 of the bytes — in `minutes/.overleg-geschreven.ron` of the team folder (paths and
//! checksums only, no case text). A file whose bytes still match its record may be replaced;
//! a file overleg wrote and that changed since is left alone and the new version goes beside
//! it: `2026-03-19-notulen (2).docx`, `(3)`, …. A file overleg has no record of is left alone
//! too at the default path (it may be an edited export from before the record existed), but
//! replaced when the user named it with `--out`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The record's file name in the team's `minutes/` folder.
pub const RECORD_FILE: &str = ".overleg-geschreven.ron";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Record {
    /// Path as written → (length, CRC-32).
    files: BTreeMap<String, (u64, u32)>,
}

fn key(path: &Path) -> String {
    let abs = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .and_then(|p| p.canonicalize().ok())
        .map_or_else(
            || path.to_path_buf(),
            |p| p.join(path.file_name().unwrap_or_default()),
        );
    abs.to_string_lossy().into_owned()
}

fn stamp(bytes: &[u8]) -> (u64, u32) {
    (bytes.len() as u64, crc32fast::hash(bytes))
}

fn load(record: &Path) -> Record {
    // A missing or broken record only means fewer files count as overleg's own: safe.
    std::fs::read_to_string(record)
        .ok()
        .and_then(|t| crate::storage::from_ron(&t).ok())
        .unwrap_or_default()
}

/// May `path` be (over)written: it does not exist, it holds exactly what overleg wrote, or
/// overleg never wrote it and the user named it (`named`).
fn free(path: &Path, rec: &Record, named: bool) -> bool {
    match std::fs::read(path) {
        Err(e) => e.kind() == std::io::ErrorKind::NotFound,
        Ok(bytes) => match rec.files.get(&key(path)) {
            Some(s) => *s == stamp(&bytes),
            None => named,
        },
    }
}

/// `name (n).ext` beside `path`.
fn numbered(path: &Path, n: u32) -> PathBuf {
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let name = match path.extension() {
        Some(ext) => format!("{stem} ({n}).{}", ext.to_string_lossy()),
        None => format!("{stem} ({n})"),
    };
    path.with_file_name(name)
}

/// Where to write `path` (`named`: the user gave it with `--out`): itself when free, else the
/// first free `(n)` version beside it. The second value is the document that is kept, when
/// there is one.
pub(super) fn target(path: &Path, record: &Path, named: bool) -> (PathBuf, Option<PathBuf>) {
    let rec = load(record);
    if free(path, &rec, named) {
        return (path.to_path_buf(), None);
    }
    let chosen = (2..1000)
        .map(|n| numbered(path, n))
        .find(|p| free(p, &rec, false))
        .unwrap_or_else(|| numbered(path, 1000));
    (chosen, Some(path.to_path_buf()))
}

/// Notes that overleg wrote `bytes` to `path`. Best effort: a record that cannot be written
/// makes the next export keep this file and write beside it, which loses nothing.
pub(super) fn remember(path: &Path, bytes: &[u8], record: &Path) {
    let mut rec = load(record);
    rec.files.insert(key(path), stamp(bytes));
    if let Ok(text) = crate::storage::to_ron(&rec) {
        let _ = crate::storage::write_atomic(record, text.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edited_document_is_kept_and_the_new_one_goes_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let record = dir.path().join(RECORD_FILE);
        let doc = dir.path().join("2026-03-19-notulen.docx");
        // Nothing there: write it.
        assert_eq!(target(&doc, &record, false), (doc.clone(), None));
        std::fs::write(&doc, b"v1").unwrap();
        remember(&doc, b"v1", &record);
        // Unchanged since overleg wrote it: overwrite.
        assert_eq!(target(&doc, &record, false), (doc.clone(), None));
        // Edited in Word: keep it, write (2).
        std::fs::write(&doc, b"v1 met wijzigingen").unwrap();
        let second = dir.path().join("2026-03-19-notulen (2).docx");
        assert_eq!(
            target(&doc, &record, false),
            (second.clone(), Some(doc.clone()))
        );
        std::fs::write(&second, b"v2").unwrap();
        remember(&second, b"v2", &record);
        // Again: (2) is overleg's own and unchanged, so it is replaced, not (3).
        assert_eq!(target(&doc, &record, false).0, second);
        // A file overleg never wrote counts as edited at the default path, and is replaced
        // when the user names it with --out.
        let other = dir.path().join("eigen.docx");
        std::fs::write(&other, b"van iemand anders").unwrap();
        assert_eq!(
            target(&other, &record, false).0,
            dir.path().join("eigen (2).docx")
        );
        assert_eq!(target(&other, &record, true), (other.clone(), None));
        // Named, but overleg wrote it and it was edited since: still kept.
        assert_eq!(target(&doc, &record, true).1, Some(doc.clone()));
    }
}
