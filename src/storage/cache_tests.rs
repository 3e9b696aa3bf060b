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
        .filter(|(name, case)| cache.lookup(name, Some(stamp()), fp(name)).as_ref() == Some(case))
        .count();
    cache.hits(hits, cases.len());
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
