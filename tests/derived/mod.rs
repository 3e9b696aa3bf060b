//! Helpers of the tests of the lookups' derived files (`.overleg-index`, `.overleg-caseload`):
//! a fictional municipality from the binary, the wait that makes files old enough to be keyed,
//! the owner-only check and a hand edit that keeps the modification time.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

pub const EXE: &str = env!("CARGO_BIN_EXE_overleg");

/// `overleg demo --teams T --cases C --seed S --out OUT`.
pub fn demo(out: &Path, teams: usize, cases: usize, seed: u64) {
    let made = Command::new(EXE)
        .args([
            "demo",
            "--teams",
            &teams.to_string(),
            "--cases",
            &cases.to_string(),
        ])
        .args(["--seed", &seed.to_string(), "--out"])
        .arg(out)
        .output()
        .expect("demo");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
}

/// Files changed less than two seconds ago are never keyed ("racy"): wait that out.
pub fn settle() {
    std::thread::sleep(Duration::from_millis(2_200));
}

/// The team folders under `data`, sorted.
pub fn team_dirs(data: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(data)
        .expect("data")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("team.ron").is_file())
        .collect();
    v.sort();
    v
}

/// The file `name` of each team folder under `data` that has one.
pub fn kept(data: &Path, name: &str) -> Vec<PathBuf> {
    team_dirs(data)
        .into_iter()
        .map(|d| d.join(name))
        .filter(|p| p.is_file())
        .collect()
}

/// Every file is readable and writable by its owner only.
#[cfg(unix)]
pub fn assert_private(files: &[PathBuf]) {
    use std::os::unix::fs::PermissionsExt;
    for f in files {
        let mode = fs::metadata(f).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{}", f.display());
    }
}

/// Rewrites `file` with `from` replaced by `to` (of the same length) and puts its
/// modification time back, as `touch -r` would.
pub fn edit_keeping_time(file: &Path, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let text = fs::read_to_string(file).expect("read");
    assert!(text.contains(from), "{} has {from}", file.display());
    let mtime = fs::metadata(file).expect("meta").modified().expect("mtime");
    fs::write(file, text.replacen(from, to, 1)).expect("edit");
    fs::File::options()
        .write(true)
        .open(file)
        .expect("open")
        .set_modified(mtime)
        .expect("touch -r");
}
