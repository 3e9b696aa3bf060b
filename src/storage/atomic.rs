//! Atomic file writes: a reader sees the old file or the new one, never half of either.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use super::crashpoint::{Step, step};

/// Writes `bytes` to `path` atomically: temp file in the same folder, fsync, rename, fsync the
/// folder. The file gets the mode of its team folder ([`super::perm`]: 0600, owner only, or
/// 0660 in a shared group folder) before it becomes visible: case and meeting data is private.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace(path, bytes, true)
}

/// Like [`write_atomic`] (temp file, mode 0600, rename), but without waiting for the disk: a
/// crash may lose the new file or leave wrong bytes. Only for what can be rebuilt and is
/// checked when read (the parse cache), never for the RON files or minutes.
pub(crate) fn replace_unsynced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace(path, bytes, false)
}

/// The folder a file is written in (`.` for a bare file name).
pub(crate) fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// A temp file in `dir` holding `bytes` with the permissions `path` must get, synced to
/// disk when `durable`. Counted by the crash-point harness.
pub(crate) fn temp_with(
    path: &Path,
    dir: &Path,
    bytes: &[u8],
    durable: bool,
) -> io::Result<tempfile::NamedTempFile> {
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)?;
    super::perm::apply_to_file(tmp.as_file(), path, dir)?;
    if durable {
        step(Step::WriteTemp);
    }
    tmp.write_all(bytes)?;
    if durable {
        step(Step::SyncFile);
        tmp.as_file().sync_all()?;
    }
    Ok(tmp)
}

fn replace(path: &Path, bytes: &[u8], durable: bool) -> io::Result<()> {
    let dir = parent_dir(path);
    super::perm::create_dir_all(dir)?;
    let tmp = temp_with(path, dir, bytes, durable)?;
    if durable {
        step(Step::Rename);
    }
    tmp.persist(path).map_err(|e| e.error)?;
    if durable {
        step(Step::SyncDir);
        sync_dir(dir);
    }
    Ok(())
}

/// Removes a file durably (the removal is flushed to the folder); a missing file is fine.
pub(crate) fn remove_durable(path: &Path) -> io::Result<()> {
    step(Step::Remove);
    match fs::remove_file(path) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    }
    step(Step::SyncDir);
    sync_dir(parent_dir(path));
    Ok(())
}

/// Prefix and suffix of the temp files [`write_atomic`] writes before its rename.
pub(crate) const TEMP_PREFIX: &str = ".overleg-";
pub(crate) const TEMP_SUFFIX: &str = ".tmp";
/// Prefix of a stale lock moved aside during a take-over (`.overleg.lock.stale-<token>`).
const STALE_LOCK_PREFIX: &str = ".overleg.lock.stale-";

/// Removes temp files of atomic writes that a killed process left in `team_dir` and its
/// `cases`, `meetings` and `minutes` folders, when older than `min_age` (a write still in
/// progress, e.g. an export from the command line, is a few milliseconds old). Call it only
/// while holding the team lock. Returns how many were removed; errors are skipped (a file
/// that stays is harmless: the loader reads only `*.ron`).
pub fn remove_stale_temp_files(team_dir: &Path, min_age: std::time::Duration) -> usize {
    let now = std::time::SystemTime::now();
    ["", "cases", "meetings", "minutes"]
        .iter()
        .filter_map(|sub| fs::read_dir(team_dir.join(sub)).ok())
        .flat_map(|d| d.flatten())
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            // Temp files of atomic writes (also of the lock and of a change set's intent), and
            // a stale lock moved aside by a take-over that was killed before removing it.
            // Never the intent itself (`.overleg-change.intent`): it is the unfinished change.
            (name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX))
                || name.starts_with(STALE_LOCK_PREFIX)
        })
        .filter(|e| {
            e.metadata()
                .ok()
                .filter(|m| m.is_file())
                .and_then(|m| m.modified().ok())
                .and_then(|t| now.duration_since(t).ok())
                .is_some_and(|age| age >= min_age)
        })
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count()
}

/// Flushes the folder entry of a rename; best effort (not every platform can open a folder).
pub(crate) fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, SystemTime};

    fn touch(path: &Path, age: Duration) {
        fs::write(path, b"half a case file").expect("write");
        let f = fs::OpenOptions::new().write(true).open(path).expect("open");
        f.set_modified(SystemTime::now() - age).expect("set mtime");
    }

    #[test]
    fn only_old_temp_files_of_overleg_are_removed() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let team = tmp.path();
        for sub in ["cases", "meetings", "minutes"] {
            fs::create_dir_all(team.join(sub)).expect("mkdir");
        }
        let hour = Duration::from_secs(3600);
        let old = [
            team.join(".overleg-a1.tmp"),
            team.join("cases/.overleg-b2.tmp"),
            team.join("meetings/.overleg-c3.tmp"),
            team.join("minutes/.overleg-d4.tmp"),
            team.join(".overleg.lock.stale-0123abcd"),
        ];
        for p in &old {
            touch(p, hour);
        }
        let keep = [
            (team.join("meetings/.overleg-new.tmp"), Duration::ZERO),
            (team.join("cases/2026-0001.ron"), hour),
            (team.join("cases/.other.tmp"), hour),
            (team.join("cases/.overleg-notes.txt"), hour),
        ];
        for (p, age) in &keep {
            touch(p, *age);
        }
        let intent = team.join(".overleg-change.intent");
        touch(&intent, hour);
        assert_eq!(remove_stale_temp_files(team, Duration::from_secs(60)), 5);
        assert!(
            intent.exists(),
            "an unfinished change is never cleaned away"
        );
        assert!(old.iter().all(|p| !p.exists()));
        assert!(keep.iter().all(|(p, _)| p.exists()));
    }
}
