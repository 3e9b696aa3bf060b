//! `overleg zoek` and `overleg caseload` run as the real binary on a folder written with the
//! storage functions, including a broken case file that must not stop the answers.

use std::path::Path;
use std::process::{Command, Output};

use overleg::{storage, testdata};
use serde_json::Value;

fn write_folder(root: &Path) {
    let dir = root.join("noord");
    let td = testdata::team_data(&dir);
    storage::save_team(&dir, &td.team).expect("write team");
    for c in &td.cases {
        storage::save_case(&dir, c).expect("write case");
    }
    for m in &td.meetings {
        storage::save_meeting(&dir, m).expect("write meeting");
    }
    storage::write_atomic(
        &storage::case_path(&dir, "2026-0099"),
        b"(version: 1, code: \"2026-0099\", pseudonym: ",
    )
    .expect("write broken case");
}

fn overleg(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_overleg"))
        .arg("--data")
        .arg(root)
        .args(["--today", "2026-05-01"])
        .args(args)
        .output()
        .expect("run overleg")
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).expect("valid JSON on stdout")
}

#[test]
fn zoek_finds_accented_household_despite_a_broken_file() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write_folder(tmp.path());
    let out = overleg(tmp.path(), &["zoek", "ozdemir", "--json"]);
    assert!(out.status.success());
    let v = json(&out);
    assert_eq!(v["complete"], false);
    let problems = v["problems"].as_array().expect("problems array");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].as_str().unwrap_or("").contains("2026-0099.ron"));
    let hit = &v["hits"][0];
    assert_eq!(hit["kind"], "case");
    assert_eq!(hit["team"], "noord");
    assert_eq!(hit["case"], "2026-0001");
    let text = hit["text"].as_str().unwrap_or("");
    let matched: String = hit["matched"]
        .as_array()
        .expect("matched array")
        .iter()
        .filter_map(|i| text.chars().nth(i.as_u64()? as usize))
        .collect();
    assert_eq!(matched, "Özdemir");
    assert_eq!(v["cases"], 7);
}

#[test]
fn zoek_marks_letters_and_notes_partial_coverage() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write_folder(tmp.path());
    let out = overleg(tmp.path(), &["search", "sahin"]);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Mehmet [Şahin]"), "{stdout}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Let op"), "{stderr}");
    assert!(stderr.contains("2026-0099.ron:"), "{stderr}");
}

#[test]
fn zoek_never_finds_names_without_consent() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write_folder(tmp.path());
    let out = overleg(tmp.path(), &["zoek", "kowalczyk", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)["total"], 0);
}

#[test]
fn caseload_json_has_loads_totals_and_unassigned_cases() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write_folder(tmp.path());
    let out = overleg(tmp.path(), &["caseload", "--team", "noord", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert_eq!(v["complete"], false);
    let team = &v["teams"][0];
    let sanne = team["members"]
        .as_array()
        .expect("members")
        .iter()
        .find(|m| m["id"] == "sbakker")
        .expect("sbakker");
    assert_eq!(sanne["regie_cases"].as_array().map(Vec::len), Some(2));
    let pct = sanne["load_percent"].as_f64().unwrap_or_default();
    assert!((pct - 120.0).abs() < 0.01, "{pct}");
    assert_eq!(sanne["band"], "boven_norm");
    assert_eq!(team["totals"]["without_regisseur"], 1);
    assert_eq!(team["without_regisseur"][0]["case"], "2026-0003");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("2026-0099.ron"), "{stderr}");
}

#[test]
fn caseload_text_shows_every_member_in_context() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write_folder(tmp.path());
    let out = overleg(tmp.path(), &["caseload", "--sort", "belasting"]);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    for name in [
        "Sanne Bakker",
        "Ayşe Yılmaz",
        "Joost de Vries",
        "Marieke Visser",
    ] {
        assert!(stdout.contains(name), "{name} missing:\n{stdout}");
    }
    assert!(stdout.contains("120% boven de norm"), "{stdout}");
    assert!(stdout.contains("zonder regisseur (1)"), "{stdout}");
    assert!(stdout.contains("2026-0003 Mw. E."), "{stdout}");
    let out = overleg(tmp.path(), &["caseload", "--team", "zuid"]);
    assert_eq!(out.status.code(), Some(2));
}
