//! `overleg notulen` run as the real binary on a fixture folder written with `storage::save_*`.

mod minutes_fixture;
use minutes_fixture as common;

use std::path::Path;
use std::process::{Command, Output};

fn overleg(args: &[&str], data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_overleg"))
        .arg("--data")
        .arg(data)
        .args(args)
        .output()
        .expect("run overleg")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn laatste_in_all_three_formats() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = common::write_fixture(tmp.path());
    for (fmt, check) in [
        ("md", "# Notulen casuïstiekoverleg"),
        ("html", "<!DOCTYPE html>"),
        ("docx", "PK"),
    ] {
        let o = overleg(&["notulen", "laatste", "--format", fmt], &dir);
        assert!(o.status.success(), "{fmt}: {}", stderr(&o));
        let path = stdout(&o).trim().to_string();
        assert!(
            path.ends_with(&format!("minutes/2026-03-19-notulen.{fmt}")),
            "{path}"
        );
        let bytes = std::fs::read(&path).expect("written");
        assert!(bytes.starts_with(check.as_bytes()), "{fmt}");
    }
    let o = overleg(&["minutes", "2026-03-05", "--out", "-"], &dir);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Status: VASTGESTELD"));
}

#[test]
fn deelbaar_leaves_out_names_and_refuses_a_bsn() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = common::write_fixture(tmp.path());
    let o = overleg(&["notulen", "--profile", "deelbaar", "--out", "-"], &dir);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    for name in common::HOUSEHOLD_NAMES.iter().chain(&common::PSEUDONYMS) {
        assert!(!md.contains(name), "{name}");
    }
    // Plant a BSN in the meeting file and try again.
    let mut m = common::meeting_two();
    m.agenda[6].notes = format!("BSN {}", common::valid_bsn("23456781"));
    overleg::storage::save_meeting(&dir, &m).expect("save");
    let o = overleg(
        &[
            "notulen",
            "laatste",
            "--profile",
            "deelbaar",
            "--format",
            "docx",
        ],
        &dir,
    );
    assert_eq!(o.status.code(), Some(3));
    let err = stderr(&o);
    assert!(err.contains("Deelbare notulen niet geschreven"), "{err}");
    assert!(
        err.contains("BSN (voldoet aan de 11-proef) in «Rondvraag»"),
        "{err}"
    );
    assert!(
        !dir.join("minutes/2026-03-19-notulen-deelbaar.docx")
            .exists()
    );
    let o = overleg(&["notulen", "--profile", "deelbaar", "--lang", "en"], &dir);
    assert!(stderr(&o).contains("Shareable minutes not written"));
}

#[test]
fn excerpt_ics_and_municipality_folder() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = common::write_fixture(tmp.path());
    // A municipality folder with one team works without --team.
    let o = overleg(
        &["notulen", "--uittreksel", "2026-0142", "--out", "-"],
        tmp.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(md.contains("Overleg van 05-03-2026") && md.contains("Overleg van 19-03-2026"));
    let o = overleg(&["notulen", "--ics"], &dir);
    assert!(o.status.success(), "{}", stderr(&o));
    let ics_path = dir.join("minutes/2026-04-02-uitnodiging.ics");
    let ics = std::fs::read_to_string(&ics_path).expect("ics written");
    assert!(ics.contains("DTSTART;TZID=Europe/Amsterdam:20260402T093000"));
    // A second team: now --team is required.
    let mut other = common::team();
    other.id = "velve".into();
    overleg::storage::save_team(&tmp.path().join("velve"), &other).expect("save");
    let o = overleg(&["notulen"], tmp.path());
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--team"), "{}", stderr(&o));
    let o = overleg(
        &["notulen", "--team", "helmerhoek", "--out", "-"],
        tmp.path(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn clear_errors_for_bad_input() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = common::write_fixture(tmp.path());
    let o = overleg(&["notulen", "2026-13-40"], &dir);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("Ongeldige datum"), "{}", stderr(&o));
    let o = overleg(&["notulen", "2026-03-12"], &dir);
    assert!(stderr(&o).contains("Geen overleg op"), "{}", stderr(&o));
    let o = overleg(&["notulen", "--uittreksel", "2099-0001"], &dir);
    assert!(stderr(&o).contains("Onbekende casus"), "{}", stderr(&o));
    // A broken file is reported, the rest still works.
    std::fs::write(dir.join("cases/kapot.ron"), "(niet af").expect("write");
    let o = overleg(&["notulen", "--out", "-"], &dir);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("kapot.ron"), "{}", stderr(&o));
}

#[test]
fn partner_minutes_and_excerpt_on_the_command_line() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = common::write_fixture(tmp.path());
    let o = overleg(
        &[
            "notulen",
            "laatste",
            "--profile",
            "deelbaar",
            "--partner",
            "domijn",
        ],
        &dir,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let path = stdout(&o).trim().to_string();
    assert!(
        path.ends_with("minutes/2026-03-19-notulen-deelbaar-domijn-wonen.md"),
        "{path}"
    );
    let md = std::fs::read_to_string(&path).expect("written");
    assert!(
        md.contains("Casus 2026-0157") && !md.contains("Casus 2026-0142"),
        "{md}"
    );
    assert!(md.contains("A2026-013") && !md.contains("Adviezen"), "{md}");
    // An organisation nobody knows: the known ones are listed, nothing is written.
    let o = overleg(
        &["notulen", "--profile", "deelbaar", "--partner", "Tactus"],
        &dir,
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("Onbekende partner"), "{}", stderr(&o));
    assert!(stderr(&o).contains("Domijn Wonen"), "{}", stderr(&o));
    // --partner needs the shareable profile.
    let o = overleg(&["notulen", "--partner", "Domijn"], &dir);
    assert!(stderr(&o).contains("--profile deelbaar"), "{}", stderr(&o));
    // The excerpt of a household without consent refuses with exit code 3.
    let o = overleg(
        &[
            "notulen",
            "--uittreksel",
            "2025-0988",
            "--profile",
            "deelbaar",
            "--out",
            "-",
        ],
        &dir,
    );
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stderr(&o).contains("geen toestemming"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());
}
