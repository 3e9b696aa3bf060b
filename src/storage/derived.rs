//! Files derived from a team folder for the command-line lookups, beside the parse cache and
//! under the same rules — mode 0600 inside the team folder, never trusted for writing,
//! ignored when anything about them is off:
//!
//! - [`Derived::SearchIndex`] (`.overleg-index`): the search index of `overleg zoek` (the
//!   search module's `TeamPart`);
//! - [`Derived::CaseloadFacts`] (`.overleg-caseload`): what `overleg caseload` reads (the
//!   caseload module's `TeamFacts`).
//!
//! A file is used only while nothing in its team folder changed: it is keyed by a SHA-256 over
//! the name, type, size, modification time, inode and change time of every entry in the team
//! folder, its `cases/` and `meetings/` (and the municipality's `gemeente.ron`). A change to
//! any file moves its change time, which no `touch` can set back, so a hand edit that keeps
//! size and modification time is seen too; a file added or removed changes the list. Where
//! the system gives no change time (Windows) there is no key and no derived file: the lookups
//! load as before. A file is written only after a load that found no problem at all, and only
//! when every change time lies `RACY_SECS` (2 s) back (a second change within a coarse clock
//! tick could keep it equal). The bytes inside are opaque here.

use std::fs;
use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::atomic::replace_unsynced;
use super::cache::{CACHE_FILE, build_id};

/// Name of the persisted search index in a team folder.
pub const INDEX_FILE: &str = ".overleg-index";
/// Name of the caseload's facts in a team folder.
pub const CASELOAD_FILE: &str = ".overleg-caseload";
/// Files of overleg's own in a team folder that do not describe the team.
const OWN_FILES: [&str; 4] = [
    CACHE_FILE,
    INDEX_FILE,
    CASELOAD_FILE,
    super::lock::LOCK_FILE,
];

/// The kinds of derived file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Derived {
    SearchIndex,
    CaseloadFacts,
}

impl Derived {
    fn file(self) -> &'static str {
        match self {
            Derived::SearchIndex => INDEX_FILE,
            Derived::CaseloadFacts => CASELOAD_FILE,
        }
    }

    /// Marks the kind in the header.
    fn magic(self) -> u32 {
        match self {
            Derived::SearchIndex => 0x6f76_6c69,
            Derived::CaseloadFacts => 0x6f76_6c63,
        }
    }

    /// Changes whenever the layout of that kind's body changes.
    fn format(self) -> u32 {
        match self {
            Derived::SearchIndex => 2,
            Derived::CaseloadFacts => 2,
        }
    }
}

#[derive(Serialize, Deserialize, PartialEq, Eq)]
struct Header {
    magic: u32,
    format: u32,
    build: String,
    key: [u8; 32],
    body_crc: u32,
}

/// The key of a team folder as it is now, or `None` when it cannot be trusted: no change
/// times on this system, a change time less than [`RACY_SECS`] ago, or a folder that cannot
/// be listed.
pub fn folder_key(team_dir: &Path, municipality_file: Option<&Path>) -> Option<[u8; 32]> {
    if cfg!(not(unix)) {
        // No change times: never list 1,250 files only to refuse them.
        return None;
    }
    let now = SystemTime::now().duration_since(UNIX_EPOCH).ok()?.as_secs();
    let mut hash = Sha256::new();
    if let Some(file) = municipality_file {
        hash.update(b"gemeente\0");
        stamp_into(&mut hash, &fs::symlink_metadata(file).ok()?, now)?;
    }
    for sub in ["", "cases", "meetings"] {
        let dir = if sub.is_empty() {
            team_dir.to_path_buf()
        } else {
            team_dir.join(sub)
        };
        // The metadata of a directory entry is read relative to the open folder (fstatat),
        // not by walking the whole path again for each of 1,250 files.
        let mut entries: Vec<(std::ffi::OsString, fs::Metadata)> = match fs::read_dir(&dir) {
            Ok(rd) => rd
                .map(|e| {
                    let e = e.ok()?;
                    Some((e.file_name(), e.metadata().ok()?))
                })
                .collect::<Option<_>>()?,
            // A team without meetings yet has no folder for them.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !sub.is_empty() => Vec::new(),
            Err(_) => return None,
        };
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        hash.update(sub.as_bytes());
        hash.update(b"/\0");
        for (name, meta) in entries {
            if sub.is_empty() && OWN_FILES.iter().any(|own| name == *own) {
                continue;
            }
            hash.update(name.as_encoded_bytes());
            hash.update(b"\0");
            stamp_into(&mut hash, &meta, now)?;
        }
    }
    Some(hash.finalize().into())
}

/// Adds one entry's stamp to the key; `None` when it cannot be trusted.
#[cfg(unix)]
fn stamp_into(hash: &mut Sha256, m: &fs::Metadata, now: u64) -> Option<()> {
    use std::os::unix::fs::MetadataExt;
    let ctime = u64::try_from(m.ctime()).ok()?;
    if now < ctime.saturating_add(super::cache::RACY_SECS) {
        return None;
    }
    for n in [
        u64::from(m.mode()),
        m.size(),
        m.mtime() as u64,
        m.mtime_nsec() as u64,
        m.ino(),
        ctime,
        m.ctime_nsec() as u64,
    ] {
        hash.update(n.to_le_bytes());
    }
    Some(())
}

/// Without a change time a stamp is never trusted: no index on this system.
#[cfg(not(unix))]
fn stamp_into(_hash: &mut Sha256, _meta: &fs::Metadata, _now: u64) -> Option<()> {
    None
}

/// The bytes of `kind` kept for `team_dir`, if they were written by this build for exactly
/// this `key` and are undamaged.
pub fn read_derived(kind: Derived, team_dir: &Path, key: &[u8; 32]) -> Option<Body> {
    let bytes = fs::read(team_dir.join(kind.file())).ok()?;
    let (found, rest) = postcard::take_from_bytes::<Header>(&bytes).ok()?;
    let start = bytes.len() - rest.len();
    let expected = Header {
        magic: kind.magic(),
        format: kind.format(),
        build: build_id().to_owned(),
        key: *key,
        body_crc: found.body_crc,
    };
    (found == expected && crc32fast::hash(rest) == found.body_crc).then_some(Body { bytes, start })
}

/// The body of a derived file as read, without copying it out of the file's bytes.
pub struct Body {
    bytes: Vec<u8>,
    start: usize,
}

impl std::ops::Deref for Body {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        &self.bytes[self.start..]
    }
}

/// Keeps `body` as the `kind` of `team_dir` for `key`. Failing to write is not an error.
pub fn write_derived(kind: Derived, team_dir: &Path, key: &[u8; 32], body: &[u8]) {
    let head = Header {
        magic: kind.magic(),
        format: kind.format(),
        build: build_id().to_owned(),
        key: *key,
        body_crc: crc32fast::hash(body),
    };
    let Ok(mut bytes) = postcard::to_allocvec(&head) else {
        return;
    };
    bytes.extend_from_slice(body);
    let _ = replace_unsynced(&team_dir.join(kind.file()), &bytes);
}

/// The case codes of a team as sorted 64-bit hashes (the first 8 bytes of each code's
/// SHA-256), kept in a derived file so that opening the files of 40 teams can tell whether a
/// code occurs in two of them from one sort of 50,000 numbers, instead of hashing 50,000
/// strings scattered over memory (20 ms of a 110 ms `zoek`, measured). Two codes with the same
/// hash count as the same: the lookups then load as before, never wrongly use the files.
pub fn code_hashes<'a>(codes: impl Iterator<Item = &'a str>) -> Vec<u64> {
    let mut v: Vec<u64> = codes
        .map(|c| {
            let d = Sha256::digest(c.as_bytes());
            u64::from_le_bytes([d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]])
        })
        .collect();
    v.sort_unstable();
    v
}

/// No team id twice and no code hash ([`code_hashes`]) in two teams (nor twice in one).
pub fn distinct<'a>(teams: impl Iterator<Item = (&'a str, &'a [u64])>) -> bool {
    let mut ids: Vec<&str> = Vec::new();
    let mut all: Vec<u64> = Vec::new();
    for (id, hashes) in teams {
        ids.push(id);
        all.extend_from_slice(hashes);
    }
    ids.sort_unstable();
    all.sort_unstable();
    ids.windows(2).all(|w| w[0] != w[1]) && all.windows(2).all(|w| w[0] != w[1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_finds_a_code_or_an_id_in_two_teams() {
        let a = code_hashes(["2026-0001", "2026-0002"].into_iter());
        let b = code_hashes(["2026-0003"].into_iter());
        let c = code_hashes(["2025-0009", "2026-0002"].into_iter());
        assert!(distinct([("a", &a[..]), ("b", &b[..])].into_iter()));
        assert!(!distinct([("a", &a[..]), ("c", &c[..])].into_iter()));
        assert!(!distinct([("a", &a[..]), ("a", &b[..])].into_iter()));
        assert_ne!(
            code_hashes(["x"].into_iter()),
            code_hashes(["y"].into_iter())
        );
    }
}
