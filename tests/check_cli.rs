//! `overleg check` and the overview, run as the real binary.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn overleg(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_overleg"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run overleg")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8")
}

#[test]
fn clean_folder_exits_0_with_summary() {
    let (tmp, _dir) = common::fixture_copy();
    let o = overleg(tmp.path(), &["check", "--data", "oost"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        "In orde: 1 team, 3 medewerkers, 3 casussen, 2 overleggen.\n"
    );
    let o = overleg(tmp.path(), &["check", "--data", "oost", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        "All good: 1 team, 3 members, 3 cases, 2 meetings.\n"
    );
}

#[test]
fn problems_exit_1_listing_each_with_position() {
    let (tmp, dir) = common::fixture_copy();
    let case = dir.join("cases/2026-0002.ron");
    let text = std::fs::read_to_string(&case).expect("read");
    std::fs::write(
        &case,
        text.replace("coach: \"msahin\"", "coach: \"jdevries\""),
    )
    .expect("w");
    std::fs::write(dir.join("cases/2025-0117.ron"), "").expect("write");

    let o = overleg(tmp.path(), &["check", "--data", "oost"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stdout(&o),
        "oost/cases/2025-0117.ron:1:1: bestand is leeg — vul het aan (zie docs/data-format.md) of verwijder het\n\
         oost/cases/2026-0002.ron:29:12: onbekende medewerker \"jdevries\" in coach — gebruik een id uit members in team.ron, of voeg de medewerker daar toe\n\
         2 problemen gevonden.\n"
    );
    let o = overleg(tmp.path(), &["--lang", "en", "check", "--data", "oost"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(
        out.contains("oost/cases/2025-0117.ron:1:1: file is empty"),
        "{out}"
    );
    assert!(out.contains("oost/cases/2026-0002.ron:29:12: unknown member \"jdevries\" in coach"));
    assert!(out.ends_with("2 problems found.\n"), "{out}");
}

#[test]
fn missing_folder_exits_1() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let o = overleg(tmp.path(), &["check", "--data", "nergens"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).starts_with("nergens:1:1: map niet gevonden"));
}

#[test]
fn overview_without_command() {
    let (tmp, _dir) = common::fixture_copy();
    let o = overleg(tmp.path(), &["--data", "oost", "--today", "2026-02-04"]);
    assert_eq!(o.status.code(), Some(0));
    insta::assert_snapshot!("overview_nl", stdout(&o));
    let o = overleg(
        tmp.path(),
        &["--data", "oost", "--today", "2026-02-04", "--lang", "en"],
    );
    insta::assert_snapshot!("overview_en", stdout(&o));
}

#[test]
fn overview_of_a_municipality_lists_every_team_and_problems() {
    let tmp = tempfile::tempdir().expect("tempdir");
    common::copy_dir(&common::fixture_team(), &tmp.path().join("gemeente/oost"));
    common::copy_dir(&common::fixture_team(), &tmp.path().join("gemeente/west"));
    std::fs::write(
        tmp.path().join("gemeente/gemeente.ron"),
        "(version: 1, name: \"Gemeente Eén\")\n",
    )
    .expect("write");
    let o = overleg(tmp.path(), &["--data", "gemeente", "--today", "2026-02-04"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.starts_with("Gemeente Eén (2 teams)\n"), "{out}");
    assert_eq!(
        out.matches("Wijkteam Stroïnkslanden-Oost (oost)").count(),
        2
    );
    assert!(out.contains("4 problemen gevonden."), "{out}");
}
