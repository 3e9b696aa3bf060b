//! The caseload's facts (`.overleg-caseload`, issue 15): written after a clean load, used
//! while nothing in a team folder changed, and never once anything did — a hand edit that
//! keeps size and modification time, a broken file, a damaged facts file, and a case code in
//! two teams that were first looked up one by one. Every answer is compared with the answer of
//! a load without any cache (`OVERLEG_NO_CACHE`).

#![cfg(unix)]

mod derived;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use derived::{EXE, assert_private, demo, edit_keeping_time, settle, team_dirs};

/// `overleg caseload ARGS --data DATA`: (stdout, stderr).
fn caseload(data: &Path, args: &[&str], no_cache: bool) -> (String, String) {
    let mut cmd = Command::new(EXE);
    cmd.arg("caseload")
        .args(args)
        .arg("--data")
        .arg(data)
        .env("HOME", data.parent().expect("parent"));
    if no_cache {
        cmd.env("OVERLEG_NO_CACHE", "1");
    }
    let out = cmd.output().expect("run overleg caseload");
    assert!(
        out.status.success(),
        "caseload {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn assert_same_as_uncached(data: &Path, args: &[&str]) {
    let (kept, _) = caseload(data, args, false);
    let (plain, _) = caseload(data, args, true);
    assert_eq!(
        kept, plain,
        "caseload {args:?}: the facts answer as a full load"
    );
}

fn facts_files(data: &Path) -> Vec<PathBuf> {
    derived::kept(data, ".overleg-caseload")
}

#[test]
fn the_facts_answer_as_a_full_load_and_are_never_used_after_a_change() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("gemeente");
    demo(&data, 3, 120, 21);
    settle();

    // The first caseload loads and keeps facts per team, private to the owner.
    let json = ["--json", "--today", "2026-12-01"];
    let (first, _) = caseload(&data, &json, false);
    let files = facts_files(&data);
    assert_eq!(files.len(), 3, "facts per team: {files:?}");
    assert_private(&files);
    let written: Vec<_> = files.iter().map(|f| fs::read(f).expect("facts")).collect();
    let (second, _) = caseload(&data, &json, false);
    assert_eq!(first, second);
    let again: Vec<_> = files.iter().map(|f| fs::read(f).expect("facts")).collect();
    assert_eq!(written, again, "current facts are not written again");

    // Other days, orders, filters, one team, the text table.
    let team_id = {
        let text = fs::read_to_string(team_dirs(&data)[1].join("team.ron")).expect("team");
        let start = text.find("id: \"").expect("id") + 5;
        text[start..start + text[start..].find('"').expect("end")].to_string()
    };
    for args in [
        vec!["--json", "--today", "2026-12-01"],
        vec!["--json", "--today", "2026-05-20", "--sort", "belasting"],
        vec!["--json", "--today", "2027-03-02", "--sort", "achterstand"],
        vec!["--json", "--rol", "wijkcoach", "--boven-norm"],
        vec!["--json", "--team", &team_id],
        vec!["--today", "2026-12-01"],
        vec!["--lang", "en", "--today", "2026-12-01"],
    ] {
        assert_same_as_uncached(&data, &args);
    }

    // A hand edit that keeps size and modification time (touch -r): a household of the
    // second team becomes zwaar; the answer follows it.
    let cases = team_dirs(&data)[1].join("cases");
    let case = fs::read_dir(&cases)
        .expect("cases")
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            fs::read_to_string(p).is_ok_and(|t| {
                t.contains("complexity: Licht")
                    && t.contains("regisseur: Lid(")
                    && t.contains("status: Uitvoering")
            })
        })
        .expect("an open licht case with a regisseur");
    edit_keeping_time(&case, "complexity: Licht", "complexity: Zwaar");
    let (after_edit, _) = caseload(&data, &json, false);
    assert!(after_edit != first, "the edit is seen");
    assert_same_as_uncached(&data, &json);

    // A broken case file: reported (no facts hide it), the answer says it is incomplete.
    let broken = cases.join("2026-9999.ron");
    fs::write(&broken, "(version: 1, code: ").expect("broken");
    settle();
    let (answer, warned) = caseload(&data, &json, false);
    assert!(
        warned.contains("2026-9999.ron"),
        "the broken file is named:\n{warned}"
    );
    assert!(answer.contains("\"complete\": false"), "{answer}");
    fs::remove_file(&broken).expect("remove");
    settle();

    // A damaged facts file is ignored (and replaced by a good one).
    let (before, _) = caseload(&data, &json, false);
    let files = facts_files(&data);
    let mut bytes = fs::read(&files[0]).expect("facts");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    fs::write(&files[0], &bytes).expect("damage");
    let (after, _) = caseload(&data, &json, false);
    assert_eq!(before, after);
    assert_ne!(fs::read(&files[0]).expect("facts"), bytes, "rewritten");
    assert_same_as_uncached(&data, &json);
}

/// Two team folders in a plain folder (no `gemeente.ron`), each looked up on its own first:
/// each keeps its facts. A case code they share is a problem only a load of both sees, so
/// the facts of the two are not used together: the code is reported.
#[test]
fn facts_of_teams_looked_up_one_by_one_do_not_hide_a_code_in_two_teams() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let made = tmp.path().join("gemaakt");
    demo(&made, 2, 30, 4);
    let plain = tmp.path().join("teams");
    fs::create_dir(&plain).expect("plain");
    for dir in team_dirs(&made) {
        fs::rename(&dir, plain.join(dir.file_name().expect("name"))).expect("move");
    }
    let teams = team_dirs(&plain);
    // A household of the second team gets the code of the first team's first.
    let code = fs::read_dir(teams[0].join("cases"))
        .expect("cases")
        .flatten()
        .map(|e| e.path())
        .min()
        .expect("a case")
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .to_string();
    // One that none of its team's meetings names, so that only the shared code is a problem.
    let meetings: String = fs::read_dir(teams[1].join("meetings"))
        .expect("meetings")
        .flatten()
        .map(|e| fs::read_to_string(e.path()).expect("meeting"))
        .collect();
    let theirs = fs::read_dir(teams[1].join("cases"))
        .expect("cases")
        .flatten()
        .map(|e| e.path())
        .find(|p| !meetings.contains(&*p.file_stem().expect("stem").to_string_lossy()))
        .expect("a case no meeting names");
    let old = theirs
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .to_string();
    assert_eq!(old.len(), code.len());
    edit_keeping_time(
        &theirs,
        &format!("code: \"{old}\""),
        &format!("code: \"{code}\""),
    );
    fs::rename(&theirs, theirs.with_file_name(format!("{code}.ron"))).expect("rename");
    settle();
    for team in &teams {
        let (_, warned) = caseload(team, &["--json"], false);
        assert!(warned.is_empty(), "{}: {warned}", team.display());
    }
    assert_eq!(facts_files(&plain).len(), 2, "each team kept its facts");
    let indexes = teams.iter().filter(|t| t.join(".overleg-index").is_file());
    assert_eq!(indexes.count(), 2, "and its search index");
    let (_, warned) = caseload(&plain, &["--json"], false);
    assert!(
        warned.contains(&code),
        "the shared code is reported:\n{warned}"
    );
    assert_same_as_uncached(&plain, &["--json"]);
    // The search indexes those lookups kept do not hide it from `zoek` either.
    let zoek = Command::new(EXE)
        .args(["zoek", "fam", "--data"])
        .arg(&plain)
        .env("HOME", tmp.path())
        .output()
        .expect("zoek");
    let warned = String::from_utf8_lossy(&zoek.stderr);
    assert!(
        warned.contains(&code),
        "zoek reports the shared code:\n{warned}"
    );
}
