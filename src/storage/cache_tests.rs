//! The parse cache's build id: one id shared by every build of the same source, another id
//! (or another format) never decoded.

use super::*;
use crate::testdata;

const A: &str = "0.1.0+00000000000000aa";
const B: &str = "0.1.0+00000000000000bb";

fn stamp() -> Stamp {
    // Settled: long before now.
    Stamp {
        size: 100,
        secs: 1_000_000,
        nanos: 0,
        changed: Some((7, 1_000_000, 0)),
    }
}

/// The cases of the hand-built team with their file names.
fn cases() -> Vec<(String, Case)> {
    testdata::workspace().teams[0]
        .cases
        .iter()
        .map(|c| (format!("{}.ron", c.code), c.clone()))
        .collect()
}

fn fp(name: &str) -> Fingerprint {
    Fingerprint::of_bytes(name.as_bytes())
}

/// Writes the cache of `team` under `root` as the build `build` would.
fn write(root: &Path, team: &Path, build: &'static str, cases: &[(String, Case)]) {
    let cache = TeamCache::open_for(CacheAt::Root(root), team, build);
    cache.store(cases.iter().map(|(name, case)| Clean {
        name,
        stamp: stamp(),
        fingerprint: fp(name),
        case,
    }));
}

/// Opens the cache as `build` and looks every case up; returns the cache and the hits.
fn read(
    root: &Path,
    team: &Path,
    build: &'static str,
    cases: &[(String, Case)],
) -> (TeamCache, usize) {
    let mut cache = TeamCache::open_for(CacheAt::Root(root), team, build);
    let hits = cases
        .iter()
        .filter(|(name, _)| cache.matches(name, Some(stamp()), fp(name)) != Verdict::Miss)
        .count();
    cache.hits(hits, cases.len());
    for (name, case) in cases {
        if cache.matches(name, Some(stamp()), fp(name)) != Verdict::Miss {
            assert_eq!(cache.take(name).as_ref(), Some(case));
        }
    }
    (cache, hits)
}

fn the_file(root: &Path) -> PathBuf {
    let files: Vec<PathBuf> = fs::read_dir(root)
        .expect("cache folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

#[test]
fn a_cache_of_the_same_build_id_is_used_and_left_alone() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (root, team) = (tmp.path().join("cache"), tmp.path().join("team"));
    let cases = cases();
    assert!(cases.len() >= 3);
    write(&root, &team, A, &cases);
    let file = the_file(&root);
    let written = fs::read(&file).expect("read");
    // Two processes of the same id, as two executables of the same source are now: every
    // case comes from the cache and nothing is written again.
    for _ in 0..2 {
        let (cache, hits) = read(&root, &team, A, &cases);
        assert_eq!(hits, cases.len());
        assert!(!cache.stale, "a full hit is not written again");
        cache.store(std::iter::empty());
        assert_eq!(fs::read(&file).expect("read"), written);
    }
}

#[test]
fn a_cache_of_another_build_id_is_never_decoded() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (root, team) = (tmp.path().join("cache"), tmp.path().join("team"));
    let cases = cases();
    write(&root, &team, A, &cases);
    let (cache, hits) = read(&root, &team, B, &cases);
    assert_eq!(hits, 0);
    assert!(cache.entries.is_empty());
    assert!(cache.stale, "the other build writes its own");
    // An empty build id (no id known) is never trusted either.
    let (cache, hits) = read(&root, &team, "", &cases);
    assert_eq!((hits, cache.entries.len()), (0, 0));
}

#[test]
fn a_cache_of_another_format_or_data_version_is_never_decoded() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (root, team) = (tmp.path().join("cache"), tmp.path().join("team"));
    let cases = cases();
    write(&root, &team, A, &cases);
    let file = the_file(&root);
    let bytes = fs::read(&file).expect("read");
    let (head, body) = postcard::take_from_bytes::<Header>(&bytes).expect("header");
    let body = body.to_vec();
    for changed in [
        Header {
            format: CACHE_FORMAT + 1,
            ..header(A)
        },
        Header {
            data_version: FORMAT_VERSION + 1,
            ..header(A)
        },
    ] {
        let mut out = postcard::to_allocvec(&Header {
            body_crc: head.body_crc,
            ..changed
        })
        .expect("encode");
        out.extend_from_slice(&body);
        fs::write(&file, &out).expect("write");
        let (cache, hits) = read(&root, &team, A, &cases);
        assert_eq!(hits, 0);
        assert!(cache.stale);
    }
    // The same header as written decodes again (the test changes only what it says).
    let mut out = postcard::to_allocvec(&head).expect("encode");
    out.extend_from_slice(&body);
    fs::write(&file, &out).expect("write");
    assert_eq!(read(&root, &team, A, &cases).1, cases.len());
}

#[test]
fn the_build_id_is_the_version_and_the_schema_hash_not_the_executable() {
    let id = build_id();
    let (version, schema) = id.split_once('+').expect("version+schema");
    assert_eq!(version, env!("CARGO_PKG_VERSION"));
    assert_eq!(schema.len(), 16);
    assert!(schema.chars().all(|c| c.is_ascii_hexdigit()), "{id}");
}

/// The trusted stamp needs a change time: Unix only (Windows reads every file).
#[cfg(unix)]
mod trusted_stamp {
    use super::*;
    use std::time::{Duration, SystemTime};

    /// The fixture team copied to a folder of its own with its case files modified an hour ago
    /// (their change time is now), and a cache folder beside it.
    fn settled_team() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let tmp = tempfile::tempdir().expect("tempdir");
        let team = tmp.path().join("team");
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wijkteam-oost");
        copy_dir(&fixture, &team);
        let old = SystemTime::now() - Duration::from_secs(3600);
        for path in case_files(&team) {
            let f = fs::OpenOptions::new()
                .write(true)
                .open(&path)
                .expect("open");
            f.set_modified(old).expect("set mtime");
        }
        let cache = tmp.path().join("cache");
        (tmp, team, cache)
    }

    fn copy_dir(from: &Path, to: &Path) {
        fs::create_dir_all(to).expect("mkdir");
        for e in fs::read_dir(from).expect("read_dir").flatten() {
            if e.path().is_dir() {
                copy_dir(&e.path(), &to.join(e.file_name()));
            } else {
                fs::copy(e.path(), to.join(e.file_name())).expect("copy");
            }
        }
    }

    fn case_files(team: &Path) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = fs::read_dir(team.join("cases"))
            .expect("cases")
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        files
    }

    /// How many of `files` were read since the log was last drained (the log is shared by every
    /// test thread; only these paths count).
    fn reads_of(files: &[PathBuf]) -> usize {
        let mut log = crate::storage::read::READ_LOG.lock().expect("log");
        let n = log.iter().filter(|p| files.contains(p)).count();
        log.retain(|p| !files.contains(p));
        n
    }

    fn wait_out_the_racy_window() {
        std::thread::sleep(Duration::from_secs(RACY_SECS + 1));
    }

    #[test]
    fn a_lookup_reads_no_case_file_whose_full_stamp_matches_and_sees_every_change() {
        use crate::storage::{load_workspace, load_workspace_cached, load_workspace_cached_lookup};
        let (_tmp, team, cache) = settled_team();
        let files = case_files(&team);
        assert!(files.len() >= 3, "fixture has cases");
        let plain = load_workspace(&team);
        // Cached right after the copy: the change times are too recent to trust.
        let _ = load_workspace_cached(&team, &cache);
        let _ = reads_of(&files);
        let early = load_workspace_cached_lookup(&team, &cache);
        assert_eq!(early.workspace, plain.workspace);
        assert_eq!(reads_of(&files), files.len(), "untrusted entries are read");

        // Later the same lookup marks them trustworthy (writes the cache once more) ...
        wait_out_the_racy_window();
        let _ = load_workspace_cached_lookup(&team, &cache);
        assert_eq!(reads_of(&files), files.len());
        // ... and from then on reads none of them, with the same outcome and fingerprints.
        let warm = load_workspace_cached_lookup(&team, &cache);
        assert_eq!(reads_of(&files), 0, "a trusted stamp needs no read");
        assert_eq!(warm.workspace, plain.workspace);
        assert_eq!(warm.problems, plain.problems);
        let by_path = |o: &crate::storage::LoadOutcome| -> HashMap<PathBuf, Fingerprint> {
            o.fingerprints.iter().cloned().collect()
        };
        assert_eq!(by_path(&warm), by_path(&plain));

        // A hand edit that keeps size and modification time (touch -r) moves the change time:
        // the lookup reads and parses that file again and shows the edit.
        let edited = &files[0];
        let meta = fs::metadata(edited).expect("meta");
        let text = fs::read_to_string(edited).expect("read");
        let code = plain.workspace.teams[0]
            .cases
            .iter()
            .find(|c| edited.ends_with(format!("{}.ron", c.code)))
            .expect("case of the file")
            .pseudonym
            .clone();
        assert!(code.len() >= 3 && text.contains(&code), "pseudonym in file");
        let renamed: String = code.chars().rev().collect();
        assert_ne!(renamed, code);
        let changed = text.replacen(&code, &renamed, 1);
        assert_eq!(changed.len(), text.len());
        fs::write(edited, changed).expect("edit");
        let f = fs::OpenOptions::new()
            .write(true)
            .open(edited)
            .expect("open");
        f.set_modified(meta.modified().expect("mtime"))
            .expect("touch -r");
        drop(f);
        let after = load_workspace_cached_lookup(&team, &cache);
        assert_eq!(reads_of(&files), 1, "only the edited file is read");
        assert!(
            after.workspace.teams[0]
                .cases
                .iter()
                .any(|c| c.pseudonym == renamed),
            "the edit is seen"
        );
    }

    #[test]
    fn a_load_for_saving_still_reads_every_case_file() {
        use crate::storage::load_workspace_cached;
        let (_tmp, team, cache) = settled_team();
        let files = case_files(&team);
        wait_out_the_racy_window();
        let _ = load_workspace_cached(&team, &cache);
        let _ = reads_of(&files);
        let _ = load_workspace_cached(&team, &cache);
        assert_eq!(reads_of(&files), files.len());
    }
}
