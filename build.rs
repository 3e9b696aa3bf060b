//! Computes `OVERLEG_CACHE_SCHEMA`: a hash of everything that decides the byte layout of the
//! parse cache (`src/storage/cache.rs`) — the domain model's source (`src/domain/`), the cache
//! module itself and `Cargo.lock` (serde, postcard, chrono versions) — and of the lookups'
//! derived files (`src/storage/derived.rs`: the search index parts and the caseload facts,
//! whose modules are hashed too). Two builds of the same
//! source (debug and release, two target folders) share a parse cache; a build with a changed
//! model never decodes an old one. A hash of the source is coarser than a hash of the types'
//! layout (a changed comment also changes it), never finer.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// FNV-1a, 64 bits: change detection, not security (a hit is still checked against the
/// SHA-256 of the case file's bytes).
fn fnv1a(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn main() {
    let mut files = Vec::new();
    rust_files(Path::new("src/domain"), &mut files);
    files.push(PathBuf::from("src/storage/cache.rs"));
    // The derived files of the lookups (search index parts, caseload facts) share the id.
    for f in [
        "src/storage/derived.rs",
        "src/search/index.rs",
        "src/search/fold.rs",
        "src/caseload/facts.rs",
    ] {
        files.push(PathBuf::from(f));
    }
    files.push(PathBuf::from("Cargo.lock"));
    files.sort();
    println!("cargo:rerun-if-changed=src/domain");
    let mut h = 0xcbf2_9ce4_8422_2325;
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        // The path with forward slashes and the bytes with LF line ends, so a Windows checkout
        // of the same source gives the same id.
        let name = f.to_string_lossy().replace('\\', "/");
        h = fnv1a(h, name.as_bytes());
        h = fnv1a(h, &[0]);
        let bytes = fs::read(f).unwrap_or_default();
        let lf: Vec<u8> = bytes.iter().copied().filter(|&b| b != b'\r').collect();
        h = fnv1a(h, &lf);
        h = fnv1a(h, &[0]);
    }
    println!("cargo:rustc-env=OVERLEG_CACHE_SCHEMA={h:016x}");
}
