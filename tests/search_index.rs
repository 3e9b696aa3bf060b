//! The persisted search index of `overleg zoek` (issue 15): written after a clean load, used
//! while nothing in a team folder changed, and never once anything did — a hand edit that
//! keeps size and modification time, a new case, a broken file, a damaged index file. Every
//! answer is compared with the answer of a load without any cache (`OVERLEG_NO_CACHE`).

#![cfg(unix)]

mod derived;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use derived::{EXE, assert_private, demo, edit_keeping_time, settle};

fn zoek(data: &Path, query: &str, no_cache: bool) -> (String, String) {
    let mut cmd = Command::new(EXE);
    cmd.args(["zoek", query, "--json", "--limit", "30", "--data"])
        .arg(data)
        .env("HOME", data.parent().expect("parent"));
    if no_cache {
        cmd.env("OVERLEG_NO_CACHE", "1");
    }
    let out = cmd.output().expect("run overleg zoek");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn index_files(data: &Path) -> Vec<PathBuf> {
    derived::kept(data, ".overleg-index")
}

fn assert_same_as_uncached(data: &Path, query: &str) {
    let (indexed, _) = zoek(data, query, false);
    let (plain, _) = zoek(data, query, true);
    assert_eq!(
        indexed, plain,
        "zoek {query}: the index answers as a full load"
    );
}

#[test]
fn the_index_answers_as_a_full_load_and_is_never_used_after_a_change() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("gemeente");
    demo(&data, 3, 90, 5);
    settle();

    // The first search loads and keeps an index per team, private to the owner.
    let (first, _) = zoek(&data, "fam", false);
    let files = index_files(&data);
    assert_eq!(files.len(), 3, "one index per team: {files:?}");
    assert_private(&files);
    let written: Vec<_> = files.iter().map(|f| fs::read(f).expect("index")).collect();
    let (second, _) = zoek(&data, "fam", false);
    assert_eq!(first, second);
    let again: Vec<_> = files.iter().map(|f| fs::read(f).expect("index")).collect();
    assert_eq!(written, again, "a current index is not written again");
    for q in ["fam", "een", "o", "2026", "schuld"] {
        assert_same_as_uncached(&data, q);
    }

    // A hand edit that keeps size and modification time (touch -r): the renamed household
    // is found, the old name is not.
    let team = files[0].parent().expect("team").to_path_buf();
    let case = fs::read_dir(team.join("cases"))
        .expect("cases")
        .flatten()
        .map(|e| e.path())
        .find(|p| fs::read_to_string(p).is_ok_and(|t| t.contains("pseudonym: \"")))
        .expect("a case file");
    let text = fs::read_to_string(&case).expect("read");
    let start = text.find("pseudonym: \"").expect("pseudonym") + "pseudonym: \"".len();
    let end = start + text[start..].find('"').expect("end");
    let old = &text[start..end];
    let new: String = "Qzx"
        .chars()
        .chain(std::iter::repeat('q'))
        .take(old.len())
        .collect();
    edit_keeping_time(
        &case,
        &format!("pseudonym: \"{old}\""),
        &format!("pseudonym: \"{new}\""),
    );
    let (found, _) = zoek(&data, &new, false);
    assert!(found.contains(&new), "the edit is found:\n{found}");
    assert_same_as_uncached(&data, &new);

    // A broken case file: the problem is reported (no index hides it), and nothing is kept
    // from a load with a problem.
    let broken = team.join("cases/2026-9999.ron");
    fs::write(&broken, "(version: 1, code: ").expect("broken");
    settle();
    let (_, warned) = zoek(&data, "fam", false);
    assert!(
        warned.contains("2026-9999.ron"),
        "the broken file is named:\n{warned}"
    );
    fs::remove_file(&broken).expect("remove");
    settle();

    // A damaged index file is ignored (and replaced by a good one).
    let (before, _) = zoek(&data, "fam", false);
    let mut bytes = fs::read(&files[1]).expect("index");
    let last = bytes.len() - 1;
    bytes[last] ^= 0x55;
    fs::write(&files[1], &bytes).expect("damage");
    let (after, _) = zoek(&data, "fam", false);
    assert_eq!(before, after);
    assert_same_as_uncached(&data, "fam");
}

/// The first search on a folder without an index loads team by team; a case code that two
/// teams share is a problem only a load of the whole municipality sees — it is still reported,
/// the answer is the full load's, and no index is kept.
#[test]
fn a_first_search_team_by_team_still_sees_a_code_in_two_teams() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("gemeente");
    demo(&data, 2, 40, 9);
    let mut teams: Vec<PathBuf> = fs::read_dir(&data)
        .expect("read")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("team.ron").is_file())
        .collect();
    teams.sort();
    // A copy of one of the first team's cases in the second team.
    let case = fs::read_dir(teams[0].join("cases"))
        .expect("cases")
        .flatten()
        .map(|e| e.path())
        .next()
        .expect("a case");
    fs::copy(
        &case,
        teams[1].join("cases").join(case.file_name().unwrap()),
    )
    .expect("copy");
    settle();
    let code = case.file_stem().unwrap().to_string_lossy().to_string();
    let (_, warned) = zoek(&data, "fam", false);
    assert!(
        warned.contains(&code),
        "the shared code is reported:\n{warned}"
    );
    assert!(
        index_files(&data).is_empty(),
        "nothing kept from a load with a problem"
    );
    assert_same_as_uncached(&data, "fam");
    // Without the copy, the team-by-team load keeps an index per team, and answers alike.
    fs::remove_file(teams[1].join("cases").join(case.file_name().unwrap())).expect("rm");
    settle();
    let (first, _) = zoek(&data, "fam", false);
    assert_eq!(index_files(&data).len(), 2);
    let (second, _) = zoek(&data, "fam", false);
    assert_eq!(first, second);
    assert_same_as_uncached(&data, "fam");
}

/// The interface's background load of the other teams takes the kept index parts of the
/// folders that did not change, and keeps them where there were none; the parts answer as an
/// index built from what it loaded.
#[test]
fn the_interface_takes_the_kept_parts_of_unchanged_teams() {
    use overleg::search::SearchIndex;
    use overleg::tui::runtime::load_others;
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("gemeente");
    demo(&data, 3, 60, 13);
    settle();
    let lang = overleg::i18n::Lang::Nl;
    let first = load_others(&data, &[], lang);
    assert!(first.problems.is_empty(), "{:?}", first.problems);
    assert!(first.parts.is_empty(), "no index yet");
    assert_eq!(index_files(&data).len(), 3, "kept after the clean load");

    let second = load_others(&data, &[], lang);
    assert_eq!(second.parts.len(), 3);
    let dirs: Vec<_> = second
        .workspace
        .teams
        .iter()
        .map(|t| t.dir.clone())
        .collect();
    let kept: Vec<_> = second.parts.iter().map(|(d, _)| d.clone()).collect();
    assert_eq!(kept, dirs);
    let from_parts = SearchIndex::from_parts(second.parts.into_iter().map(|(_, p)| p).collect());
    let built = SearchIndex::build(&second.workspace);
    for q in ["fam", "een", "o", "2026", "schuld"] {
        assert_eq!(from_parts.search(q, 50), built.search(q, 50), "{q}");
    }

    // A team with a changed file: its part is not taken.
    let changed = &second.workspace.teams[1].dir;
    let team_file = changed.join("team.ron");
    let text = fs::read_to_string(&team_file).expect("team");
    fs::write(&team_file, text).expect("rewrite");
    settle();
    let third = load_others(&data, &[], lang);
    let kept: Vec<_> = third.parts.iter().map(|(d, _)| d.clone()).collect();
    assert_eq!(kept.len(), 2);
    assert!(!kept.contains(changed));
}
