//! A derived, read-only parse cache for case files, so that a large municipality does not
//! re-parse 50,000 unchanged RON files on every start.
//!
//! - The RON files stay the only source of truth. The cache holds, per team folder, the parsed
//!   [`Case`] of each case file that parsed without a problem, keyed by file name, size,
//!   modification time and the [`Fingerprint`] (SHA-256) of the bytes it was parsed from.
//!   With [`Trust::Content`] (`load_workspace_quick`: the importer's plan) every file is
//!   still read on every load and its content compared: the cache saves the parsing, never
//!   the reading, so a hand edit that keeps size and time (`touch -r`) is seen. With
//!   [`Trust::Stamp`] (`load_workspace_lookup`: `zoek`, `caseload`, the lists and the
//!   interface) the stamp also holds the file's inode and status-change time (ctime), which no
//!   `touch` can set back, and a file whose stamp matches exactly is taken from the cache
//!   without being read. That is safe for the interface's saves too: the fingerprint it
//!   remembers is the one of the bytes the cached case was parsed from, and every save compares
//!   the file on disk with it, so an entry that were ever stale makes a save refused, never an
//!   edit overwritten. Where the system gives no change time (Windows), the stamp is never
//!   trusted and the content is compared. A file whose stamp or
//!   content differs, or that is new, is parsed from RON as usual; a file that fails to parse is never cached, so its problem is found
//!   again on every load. The checks of meaning run on every load, cached or not.
//! - Files changed less than [`RACY_SECS`] seconds ago are not cached: a second edit within
//!   the same clock tick could keep size and time equal (git's "racy clean" problem).
//! - The cache is bound to a build id ([`build_id`]): the crate version and a hash, made by
//!   `build.rs`, of the source that decides the cache's layout (the domain model, this module,
//!   `Cargo.lock`). A changed domain model never decodes an old cache, while two builds of the
//!   same source (debug and release, or two checkouts) share one cache folder without rewriting
//!   it on every alternation (until issue 15 it was bound to the executable's size and time).
//!   [`CACHE_FORMAT`] is bumped by hand as well when the layout changes. Anything unreadable is
//!   ignored.
//! - **Where**: inside the team folder itself, as the hidden file [`CACHE_FILE`]
//!   (`.overleg-cache`), mode 0600 like the case files: it holds case data, confidential notes
//!   included, so it stays behind the same folder permissions and goes when the team folder is
//!   deleted or moved. Nothing of it is written anywhere else. Caches that older versions left
//!   in the user's cache folder (`~/.cache/overleg/team-*.bin`) are removed on the first
//!   cached load ([`remove_stale_user_caches`]). `OVERLEG_NO_CACHE` (any value) turns the
//!   cache off; `OVERLEG_CACHE_DIR` is no longer read. Tests and benchmarks can put the cache
//!   files in a folder of their own with `load_workspace_cached`.
//! - Written with mode 0600 (in a 0700 folder when it is a folder of its own) by a rename,
//!   but without fsync: the cache may be lost in a crash, never trusted when damaged. A CRC-32 of the body
//!   is checked on every read, so a file left half-written by a power cut is ignored and
//!   rebuilt. (Syncing 33 MB of cache made the first search of a 50,000-case folder take
//!   almost 3 s longer.)

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::atomic::replace_unsynced;
use super::guard::Fingerprint;
use crate::domain::{Case, FORMAT_VERSION};

/// Changes whenever the layout of the cache file changes.
const CACHE_FORMAT: u32 = 4;
const MAGIC: u32 = 0x6f76_6c67;
/// Files modified this recently are not cached.
pub(crate) const RACY_SECS: u64 = 2;

/// Name of the parse cache file in a team folder.
pub const CACHE_FILE: &str = ".overleg-cache";

/// Is the parse cache on? Off when `OVERLEG_NO_CACHE` is set.
pub fn cache_enabled() -> bool {
    std::env::var_os("OVERLEG_NO_CACHE").is_none()
}

/// Where the cache of one team folder is kept.
#[derive(Debug, Clone, Copy)]
pub(crate) enum CacheAt<'a> {
    /// In the team folder itself, as [`CACHE_FILE`].
    TeamFolder,
    /// As `team-<hash>.bin` in a folder of its own (tests and benchmarks).
    Root(&'a Path),
}

/// Removes the parse caches that earlier versions of overleg kept in the user's cache
/// folder (`~/.cache/overleg/team-<hash>.bin`, plaintext case data outside the team folder),
/// and that folder when it is then empty. Once per process; returns how many were removed.
pub fn remove_stale_user_caches() -> usize {
    static DONE: OnceLock<usize> = OnceLock::new();
    *DONE.get_or_init(|| {
        dirs::cache_dir()
            .map(|d| remove_stale_caches_in(&d.join("overleg")))
            .unwrap_or(0)
    })
}

/// Removes `team-<16 hex>.bin` files (and temp files of them) from `dir`, then `dir` when
/// empty.
pub(crate) fn remove_stale_caches_in(dir: &Path) -> usize {
    let Ok(entries) = fs::read_dir(dir) else {
        return 0;
    };
    let removed = entries
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            let cache = name
                .strip_prefix("team-")
                .and_then(|r| r.strip_suffix(".bin"))
                .is_some_and(|h| h.len() == 16 && h.chars().all(|c| c.is_ascii_hexdigit()));
            let temp = name.starts_with(".overleg-") && name.ends_with(".tmp");
            (cache || temp) && e.metadata().is_ok_and(|m| m.is_file())
        })
        .filter(|e| fs::remove_file(e.path()).is_ok())
        .count();
    // Only succeeds when empty: anything else of the user's stays.
    let _ = fs::remove_dir(dir);
    removed
}

/// How far a cached load believes the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trust {
    /// Read every file and compare its content with the cached fingerprint (a load a save
    /// may follow).
    Content,
    /// Take a file whose full stamp (with inode and change time) matches without reading it
    /// (read-only lookups).
    Stamp,
}

/// A cache to use for a load: where it is and how far it is believed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CacheUse<'a> {
    pub at: CacheAt<'a>,
    pub trust: Trust,
}

/// Size and modification time of a file, as the cache key; on Unix also its inode and its
/// status-change time, which a hand edit always moves (`touch -r` sets the modification time
/// back, never the change time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Stamp {
    size: u64,
    secs: u64,
    nanos: u32,
    /// Inode and change time (seconds, nanoseconds), where the system has them.
    changed: Option<(u64, i64, i64)>,
}

impl Stamp {
    /// The stamp of a regular file; `None` for anything else or without a usable time.
    pub(crate) fn of(meta: &fs::Metadata) -> Option<Stamp> {
        if !meta.is_file() {
            return None;
        }
        let since = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        Some(Stamp {
            size: meta.len(),
            secs: since.as_secs(),
            nanos: since.subsec_nanos(),
            changed: change_of(meta),
        })
    }

    /// Modified long enough ago that a later edit cannot keep size and time equal.
    fn is_settled(&self, now: Duration) -> bool {
        now.as_secs() >= self.secs.saturating_add(RACY_SECS)
    }

    /// Can a file with this stamp be taken from the cache without reading it, when the stamp
    /// is seen at `now`? Only with a change time, and only when that lies [`RACY_SECS`] back:
    /// a second change within the same tick of a coarse clock could keep it equal.
    fn may_be_trusted(&self, now: Duration) -> bool {
        self.changed.is_some_and(|(_, ctime, _)| {
            let ctime = u64::try_from(ctime).unwrap_or(u64::MAX);
            now.as_secs() >= ctime.saturating_add(RACY_SECS)
        })
    }
}

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

#[cfg(unix)]
fn change_of(meta: &fs::Metadata) -> Option<(u64, i64, i64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.ino(), meta.ctime(), meta.ctime_nsec()))
}

/// Windows' metadata in std has no change time: its stamps are never trusted without reading.
#[cfg(not(unix))]
fn change_of(_meta: &fs::Metadata) -> Option<(u64, i64, i64)> {
    None
}

#[derive(Serialize, Deserialize, PartialEq, Eq)]
struct Header {
    magic: u32,
    format: u32,
    data_version: u32,
    build: String,
    /// CRC-32 of the body after the header.
    body_crc: u32,
}

#[derive(Deserialize)]
struct Entry {
    name: String,
    stamp: Stamp,
    fingerprint: Fingerprint,
    /// The stamp could be trusted when the entry was written ([`Stamp::may_be_trusted`]).
    trusted: bool,
    case: Case,
}

#[derive(Serialize)]
struct EntryRef<'a> {
    name: &'a str,
    stamp: Stamp,
    fingerprint: Fingerprint,
    trusted: bool,
    case: &'a Case,
}

/// One cached case with what it is checked against.
struct Cached {
    stamp: Stamp,
    fingerprint: Fingerprint,
    trusted: bool,
    case: Case,
}

/// What the cache says of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Not in the cache, or changed: parse it.
    Miss,
    /// Stamp and content match.
    Hit,
    /// Stamp and content match, and the entry, written when its stamp could not yet be
    /// trusted, could be now: worth writing the cache again.
    HitToTrust,
}

/// A case file that parsed cleanly, as the cache stores it.
pub(crate) struct Clean<'a> {
    pub name: &'a str,
    pub stamp: Stamp,
    pub fingerprint: Fingerprint,
    pub case: &'a Case,
}

/// The build id a cache is bound to: the crate version and the hash of the source that
/// decides the cache's layout (`OVERLEG_CACHE_SCHEMA`, computed by `build.rs`).
pub(crate) fn build_id() -> &'static str {
    concat!(env!("CARGO_PKG_VERSION"), "+", env!("OVERLEG_CACHE_SCHEMA"))
}

fn header(build: &str) -> Header {
    Header {
        magic: MAGIC,
        format: CACHE_FORMAT,
        data_version: FORMAT_VERSION,
        build: build.to_owned(),
        body_crc: 0,
    }
}

/// The cached cases of one team folder.
pub(crate) struct TeamCache {
    file: PathBuf,
    entries: HashMap<String, Cached>,
    /// The build id the cache is read and written for.
    build: &'static str,
    /// The file on disk differs from what this load found: write it again.
    stale: bool,
}

impl TeamCache {
    /// Opens the cache of `team_dir`; an absent or unusable cache is empty.
    pub(crate) fn open(at: CacheAt<'_>, team_dir: &Path) -> TeamCache {
        TeamCache::open_for(at, team_dir, build_id())
    }

    /// Opens the cache of `team_dir` for the build id `build` (tests simulate other builds).
    fn open_for(at: CacheAt<'_>, team_dir: &Path, build: &'static str) -> TeamCache {
        let file = match at {
            CacheAt::TeamFolder => team_dir.join(CACHE_FILE),
            CacheAt::Root(root) => {
                let abs = fs::canonicalize(team_dir).unwrap_or_else(|_| team_dir.to_path_buf());
                root.join(format!("team-{:016x}.bin", fnv1a(abs.as_os_str())))
            }
        };
        let entries = fs::read(&file)
            .ok()
            .and_then(|bytes| decode(&bytes, build))
            .unwrap_or_default();
        let stale = entries.is_empty();
        TeamCache {
            file,
            entries,
            build,
            stale,
        }
    }

    /// Do the file's stamp and content still match its cached case? (Shared between the
    /// threads of a load; the case is moved out afterwards with [`TeamCache::take`].)
    pub(crate) fn matches(&self, name: &str, stamp: Option<Stamp>, fp: Fingerprint) -> Verdict {
        let Some(c) = self.entries.get(name) else {
            return Verdict::Miss;
        };
        match stamp {
            Some(s) if s == c.stamp && c.fingerprint == fp => {
                if !c.trusted && s.may_be_trusted(since_epoch()) {
                    Verdict::HitToTrust
                } else {
                    Verdict::Hit
                }
            }
            _ => Verdict::Miss,
        }
    }

    /// The cached fingerprint of a file whose stamp matches the cached one exactly and was
    /// trustworthy when cached: taken without reading the file ([`Trust::Stamp`]).
    pub(crate) fn trusted(&self, name: &str, stamp: Option<Stamp>) -> Option<Fingerprint> {
        let c = self.entries.get(name)?;
        // `trusted` is only ever set for a stamp with a change time (`may_be_trusted`).
        (c.trusted && stamp == Some(c.stamp)).then_some(c.fingerprint)
    }

    /// Moves a cached case out of the cache (after [`TeamCache::hits`]).
    pub(crate) fn take(&mut self, name: &str) -> Option<Case> {
        self.entries.remove(name).map(|c| c.case)
    }

    /// Writes the cache again at the end of this load (entries that can now be trusted).
    pub(crate) fn refresh(&mut self) {
        self.stale = true;
    }

    /// Says how many lookups hit: a load that missed any, or used fewer entries than the
    /// cache holds, writes the cache again.
    pub(crate) fn hits(&mut self, hits: usize, lookups: usize) {
        if hits != lookups || hits != self.entries.len() {
            self.stale = true;
        }
    }

    /// Writes the cache again when this load differs from it: `cases` are the files that
    /// parsed without a problem, with their stamps. Failing to write is not an error.
    /// Will [`TeamCache::store`] write? Only then are the cases to keep worth gathering.
    pub(crate) fn is_stale(&self) -> bool {
        self.stale
    }

    pub(crate) fn store<'a>(mut self, cases: impl Iterator<Item = Clean<'a>>) {
        if !self.stale {
            return;
        }
        self.entries.clear();
        let now = since_epoch();
        let list: Vec<EntryRef<'_>> = cases
            .filter(|c| c.stamp.is_settled(now))
            .map(|c| EntryRef {
                name: c.name,
                stamp: c.stamp,
                fingerprint: c.fingerprint,
                trusted: c.stamp.may_be_trusted(now),
                case: c.case,
            })
            .collect();
        if list.is_empty() {
            // Nothing settled to keep (e.g. a folder just written): leave no file behind.
            let _ = fs::remove_file(&self.file);
            return;
        }
        let Ok(body) = postcard::to_allocvec(&list) else {
            return;
        };
        let head = Header {
            body_crc: crc32fast::hash(&body),
            ..header(self.build)
        };
        let Ok(mut bytes) = postcard::to_allocvec(&head) else {
            return;
        };
        bytes.extend_from_slice(&body);
        if let Some(root) = self.file.parent() {
            make_private_dir(root);
        }
        let _ = replace_unsynced(&self.file, &bytes);
    }
}

fn decode(bytes: &[u8], build: &str) -> Option<HashMap<String, Cached>> {
    let (found, rest) = postcard::take_from_bytes::<Header>(bytes).ok()?;
    let expected = Header {
        body_crc: found.body_crc,
        ..header(build)
    };
    if found != expected || found.build.is_empty() || crc32fast::hash(rest) != found.body_crc {
        return None;
    }
    let list: Vec<Entry> = postcard::from_bytes(rest).ok()?;
    Some(
        list.into_iter()
            .map(|e| {
                let cached = Cached {
                    stamp: e.stamp,
                    fingerprint: e.fingerprint,
                    trusted: e.trusted,
                    case: e.case,
                };
                (e.name, cached)
            })
            .collect(),
    )
}

fn make_private_dir(dir: &Path) {
    if dir.is_dir() {
        return;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        let _ = fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir);
    }
    #[cfg(not(unix))]
    {
        let _ = fs::create_dir_all(dir);
    }
}

/// A stable 64-bit hash of a path (FNV-1a), for the cache file name.
fn fnv1a(s: &std::ffi::OsStr) -> u64 {
    s.as_encoded_bytes()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
}

#[cfg(test)]
#[path = "cache_tests.rs"]
mod tests;
