//! A broken file is reported, left byte for byte alone, and does not block the rest; a save
//! refuses to overwrite it. In a municipality a broken team.ron skips only that team.

mod common;

use overleg::domain::Municipality;
use overleg::storage::{
    ProblemKind, SaveError, load_workspace, save_case, save_municipality, save_team,
};

#[test]
fn case_broken_mid_way_blocks_nothing_and_is_never_overwritten() {
    let (_t, dir) = common::fixture_copy();
    let broken = dir.join("cases/2026-0001.ron");
    let original = std::fs::read(&broken).expect("read");
    let half = original[..original.len() / 2].to_vec();
    std::fs::write(&broken, &half).expect("write");

    let out = load_workspace(&dir);
    assert_eq!(out.problems.len(), 1, "{:#?}", out.problems);
    assert_eq!(out.problems[0].path, broken);
    let team = &out.workspace.teams[0];
    let codes: Vec<&str> = team.cases.iter().map(|c| c.code.as_str()).collect();
    assert_eq!(codes, ["2025-0117", "2026-0002"]);
    // Meetings that name the broken case do not add "unknown case" noise.
    assert_eq!(team.meetings.len(), 2);
    assert_eq!(std::fs::read(&broken).expect("read"), half);

    // Saving a case over the broken file is refused, and nothing changes on disk.
    let mut case = team.cases[0].clone();
    case.code = "2026-0001".into();
    let err = save_case(&dir, &case).expect_err("must refuse");
    assert!(
        matches!(err, SaveError::WouldOverwriteBroken { .. }),
        "{err}"
    );
    assert!(err.to_string().contains("wordt niet overschreven"));
    assert_eq!(std::fs::read(&broken).expect("read"), half);

    // A healthy file can be saved.
    save_case(&dir, &team.cases[1]).expect("save healthy case");
}

#[test]
fn broken_team_file_skips_that_team_only() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    common::copy_dir(&common::fixture_team(), &root.join("oost"));
    common::copy_dir(&common::fixture_team(), &root.join("west"));
    save_municipality(
        root,
        &Municipality {
            version: 1,
            name: "Gemeente Voorbeeld".into(),
        },
    )
    .expect("save gemeente");
    let team_file = root.join("west/team.ron");
    std::fs::write(&team_file, "(version: 1, id: \"west\"").expect("write");

    let out = load_workspace(root);
    assert_eq!(
        out.workspace.municipality.as_deref(),
        Some("Gemeente Voorbeeld")
    );
    assert_eq!(out.workspace.teams.len(), 1);
    assert_eq!(out.workspace.teams[0].team.id, "oost");
    assert_eq!(out.workspace.teams[0].cases.len(), 3);
    assert!(out.problems.iter().any(|p| p.path == team_file));
    // The cases of the skipped team are still checked: their codes clash with team oost.
    assert!(out.problems.iter().any(|p| {
        p.path.starts_with(root.join("west/cases"))
            && matches!(p.kind, ProblemKind::DuplicateCaseCode { .. })
    }));
    // And refusing to overwrite holds for team.ron too.
    let team = out.workspace.teams[0].team.clone();
    assert!(save_team(&root.join("west"), &team).is_err());
    assert_eq!(
        std::fs::read_to_string(&team_file).expect("read"),
        "(version: 1, id: \"west\""
    );
}

#[test]
fn municipality_with_two_teams_loads_both() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path();
    common::copy_dir(&common::fixture_team(), &root.join("oost"));
    common::copy_dir(&common::fixture_team(), &root.join("west"));
    let out = load_workspace(root);
    assert_eq!(out.workspace.teams.len(), 2);
    // Same team id and same case codes in both: reported in the second team.
    let dup_team = out
        .problems
        .iter()
        .filter(|p| matches!(p.kind, ProblemKind::DuplicateTeamId { .. }))
        .count();
    let dup_cases = out
        .problems
        .iter()
        .filter(|p| matches!(p.kind, ProblemKind::DuplicateCaseCode { .. }))
        .count();
    assert_eq!((dup_team, dup_cases), (1, 3));
    // Without gemeente.ron the name comes from the teams when they agree.
    assert_eq!(
        out.workspace.municipality.as_deref(),
        Some("Gemeente Voorbeeld")
    );
}
