//! The derived parse cache (`storage::load_workspace_cached`): it gives the same outcome as a
//! plain load, is used only for unchanged files, never hides a problem, and survives a broken
//! cache file. The program keeps it in the team folder (`.overleg-cache`): no case text is
//! written anywhere else, and caches that older versions left in the user's cache folder are
//! removed.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use overleg::storage::{load_workspace, load_workspace_cached};

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for e in fs::read_dir(from).expect("read_dir").flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), &target).expect("copy");
        }
    }
}

/// Sets a file's modification time to an hour ago, so the cache accepts it.
fn age(path: &Path) {
    let old = SystemTime::now() - Duration::from_secs(3600);
    let f = fs::OpenOptions::new().write(true).open(path).expect("open");
    f.set_modified(old).expect("set mtime");
}

/// A team folder copied from the fixture with settled file times, and an empty cache folder.
fn setup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let team = tmp.path().join("team");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wijkteam-oost"),
        &team,
    );
    for e in fs::read_dir(team.join("cases")).expect("cases").flatten() {
        age(&e.path());
    }
    let cache = tmp.path().join("cache");
    (tmp, team, cache)
}

fn cache_files(cache: &Path) -> Vec<PathBuf> {
    fs::read_dir(cache)
        .map(|r| r.flatten().map(|e| e.path()).collect())
        .unwrap_or_default()
}

#[test]
fn cached_load_equals_plain_load_and_writes_a_private_cache() {
    let (_tmp, team, cache) = setup();
    let plain = load_workspace(&team);
    let first = load_workspace_cached(&team, &cache);
    let second = load_workspace_cached(&team, &cache);
    assert_eq!(first.workspace, plain.workspace);
    assert_eq!(second.workspace, plain.workspace);
    assert_eq!(second.problems, plain.problems);
    let files = cache_files(&cache);
    assert_eq!(files.len(), 1, "one cache file per team: {files:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&files[0]).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn a_same_size_same_time_edit_is_seen_despite_the_cache() {
    let (_tmp, team, cache) = setup();
    let path = team.join("cases/2026-0001.ron");
    load_workspace_cached(&team, &cache);
    let original = fs::read_to_string(&path).expect("read");
    let meta = fs::metadata(&path).expect("meta");
    // Same size and time, different content (`touch -r`): the cache compares content, so
    // the edit is seen (before issue 12 the cache gave the old pseudonym back).
    let plain = load_workspace(&team);
    let pseudo = &plain.workspace.teams[0]
        .cases
        .iter()
        .find(|c| c.code == "2026-0001")
        .expect("case")
        .pseudonym;
    let swapped = original.replacen(pseudo.as_str(), &"X".repeat(pseudo.len()), 1);
    assert_ne!(swapped, original);
    assert_eq!(swapped.len(), original.len());
    fs::write(&path, &swapped).expect("write");
    let f = fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .expect("open");
    f.set_modified(meta.modified().expect("mtime"))
        .expect("set mtime");
    drop(f);
    let hit = load_workspace_cached(&team, &cache);
    let case = |o: &overleg::storage::LoadOutcome| {
        o.workspace.teams[0]
            .cases
            .iter()
            .find(|c| c.code == "2026-0001")
            .map(|c| c.pseudonym.clone())
    };
    assert_eq!(case(&hit), Some("X".repeat(pseudo.len())));
    // A real edit changes the time: parsed again, the new text wins.
    age(&path);
    let fresh = load_workspace_cached(&team, &cache);
    assert_eq!(case(&fresh), Some("X".repeat(pseudo.len())));
}

#[test]
fn a_broken_file_is_reported_on_every_load_and_never_cached() {
    let (_tmp, team, cache) = setup();
    load_workspace_cached(&team, &cache);
    let path = team.join("cases/2026-0002.ron");
    fs::write(&path, "(code: \"2026-0002\", oops").expect("write");
    age(&path);
    let plain = load_workspace(&team);
    assert!(!plain.problems.is_empty());
    for _ in 0..2 {
        let cached = load_workspace_cached(&team, &cache);
        assert_eq!(cached.problems, plain.problems);
        assert_eq!(cached.workspace, plain.workspace);
    }
}

#[test]
fn a_damaged_cache_file_is_ignored() {
    let (_tmp, team, cache) = setup();
    load_workspace_cached(&team, &cache);
    for f in cache_files(&cache) {
        fs::write(&f, b"not a cache").expect("write");
    }
    let plain = load_workspace(&team);
    let cached = load_workspace_cached(&team, &cache);
    assert_eq!(cached.workspace, plain.workspace);
    assert_eq!(cached.problems, plain.problems);
}

/// The cache is written without fsync (it can be rebuilt), so a power cut can leave a file
/// with wrong bytes that still decode: the checksum must catch a single changed letter, and
/// a file cut short.
#[test]
fn a_cache_file_with_a_changed_letter_or_cut_short_is_ignored() {
    let (_tmp, team, cache) = setup();
    let plain = load_workspace(&team);
    let pseudo = plain.workspace.teams[0].cases[0].pseudonym.clone();
    load_workspace_cached(&team, &cache);
    let file = cache_files(&cache).pop().expect("a cache file");
    let good = fs::read(&file).expect("read");
    let at = good
        .windows(pseudo.len())
        .position(|w| w == pseudo.as_bytes())
        .expect("the pseudonym in the cache");
    let mut changed = good.clone();
    changed[at] = if changed[at] == b'Z' { b'Y' } else { b'Z' };
    for damaged in [changed, good[..good.len() - 7].to_vec()] {
        fs::write(&file, &damaged).expect("write");
        let cached = load_workspace_cached(&team, &cache);
        assert_eq!(cached.workspace, plain.workspace);
        assert_eq!(cached.problems, plain.problems);
    }
}

#[test]
fn a_removed_file_is_gone_after_a_cached_load() {
    let (_tmp, team, cache) = setup();
    load_workspace_cached(&team, &cache);
    fs::remove_file(team.join("cases/2026-0002.ron")).expect("rm");
    let plain = load_workspace(&team);
    let cached = load_workspace_cached(&team, &cache);
    assert_eq!(cached.workspace, plain.workspace);
    assert_eq!(cached.problems, plain.problems);
}

/// Every regular file under `dir`, except those under `skip`.
fn files_under(dir: &Path, skip: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.starts_with(skip) {
            continue;
        }
        if p.is_dir() {
            files_under(&p, skip, out);
        } else {
            out.push(p);
        }
    }
}

#[test]
fn the_program_keeps_its_cache_in_the_team_folder_and_no_case_text_elsewhere() {
    let (tmp, team, _) = setup();
    // A confidential note that must not leave the team folder.
    let secret = "Vertrouwelijk-7Q: vader dreigde met geweld";
    let path = team.join("cases/2026-0001.ron");
    let mut case: overleg::domain::Case =
        overleg::storage::from_ron(&fs::read_to_string(&path).expect("read")).expect("parse");
    case.confidential_notes = secret.into();
    overleg::storage::save_case(&team, &case).expect("save");
    age(&path);
    // A user cache folder with a cache an older version left there, holding case text.
    let home = tmp.path().join("home");
    let old_caches = home.join(".cache").join("overleg");
    fs::create_dir_all(&old_caches).expect("mkdir");
    let stale = old_caches.join("team-0123456789abcdef.bin");
    fs::write(&stale, format!("oude cache: {secret}")).expect("write");
    let elsewhere = tmp.path().join("elders");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_overleg"))
        .arg("--data")
        .arg(&team)
        .args(["zoek", "fam"])
        .env("HOME", &home)
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env("LOCALAPPDATA", home.join(".cache"))
        // No longer read: the cache stays in the team folder.
        .env("OVERLEG_CACHE_DIR", &elsewhere)
        .env_remove("OVERLEG_NO_CACHE")
        .output()
        .expect("run overleg zoek");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cache = team.join(overleg::storage::CACHE_FILE);
    let bytes = fs::read(&cache).expect("the cache is in the team folder");
    // The grep finds the note where it may be: in the team folder's own cache ...
    assert!(
        bytes.windows(secret.len()).any(|w| w == secret.as_bytes()),
        "the cache holds the case"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&cache).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // ... and nowhere outside the team folder: the old cache is gone, nothing was written
    // to OVERLEG_CACHE_DIR.
    #[cfg(target_os = "linux")]
    {
        assert!(!stale.exists(), "the stale cache is removed");
        assert!(
            !old_caches.exists(),
            "the empty old cache folder is removed"
        );
    }
    assert!(!elsewhere.exists());
    let mut outside = Vec::new();
    files_under(tmp.path(), &team, &mut outside);
    for f in outside {
        let b = fs::read(&f).expect("read");
        assert!(
            !b.windows(secret.len()).any(|w| w == secret.as_bytes()),
            "case text outside the team folder: {}",
            f.display()
        );
    }
    // Off switch: without a cache nothing is written at all.
    fs::remove_file(&cache).expect("rm");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_overleg"))
        .arg("--data")
        .arg(&team)
        .args(["zoek", "fam"])
        .env("OVERLEG_NO_CACHE", "1")
        .output()
        .expect("run");
    assert!(out.status.success());
    assert!(!cache.exists());
}

/// A copy of the program at `dir/name` that differs from the original in size and time, as
/// a second build (release next to debug, another checkout) does.
fn other_build(dir: &Path, extra: usize, age_secs: u64) -> PathBuf {
    fs::create_dir_all(dir).expect("mkdir");
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_overleg"));
    let copy = dir.join(exe.file_name().expect("exe name"));
    let mut bytes = fs::read(&exe).expect("read exe");
    // Trailing bytes after the image: the loader ignores them; the size changes.
    bytes.extend(std::iter::repeat_n(0u8, extra));
    fs::write(&copy, &bytes).expect("write exe");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&copy, fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let f = fs::OpenOptions::new()
        .write(true)
        .open(&copy)
        .expect("open exe");
    f.set_modified(SystemTime::now() - Duration::from_secs(age_secs))
        .expect("set mtime");
    copy
}

fn zoek_with(exe: &Path, team: &Path) {
    let out = std::process::Command::new(exe)
        .arg("--data")
        .arg(team)
        .args(["zoek", "fam"])
        .env_remove("OVERLEG_NO_CACHE")
        .output()
        .expect("run overleg zoek");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn two_builds_of_the_same_source_share_the_cache_without_rewriting_it() {
    let (tmp, team, _) = setup();
    let first = other_build(&tmp.path().join("build-a"), 0, 7200);
    let second = other_build(&tmp.path().join("build-b"), 4096, 60);
    zoek_with(&first, &team);
    let cache = team.join(overleg::storage::CACHE_FILE);
    let written = fs::read(&cache).expect("the first build wrote the cache");
    let modified = fs::metadata(&cache)
        .expect("meta")
        .modified()
        .expect("mtime");
    // Alternating builds: before issue 15 each rewrote the cache (it was bound to the
    // executable's size and time); now both read the one the first wrote.
    for exe in [&second, &first, &second] {
        zoek_with(exe, &team);
        assert_eq!(fs::read(&cache).expect("read"), written);
        assert_eq!(
            fs::metadata(&cache)
                .expect("meta")
                .modified()
                .expect("mtime"),
            modified,
            "{} rewrote the cache",
            exe.display()
        );
    }
}
