//! The team's week on disk: a hand-edited `team.ron` that fails to parse is never overwritten
//! by a team change, and `overleg check` accepts a dated hand-over but still catches a
//! regisseur that follows no hand-over.

use overleg::domain::{RegieChange, Regisseur};
use overleg::i18n::Lang;
use overleg::session::{self, fixture};
use overleg::storage::{self, ProblemKind, SaveError};

#[test]
fn a_broken_team_file_is_never_overwritten_by_a_team_change() {
    let dir = tempfile::tempdir().expect("tmp");
    fixture::write_team_folder(dir.path()).expect("folder");
    let path = dir.path().join(storage::TEAM_FILE);
    let td = fixture::team_data(dir.path());
    // The team lead edits team.ron by hand and leaves it broken.
    let broken = "(version: 1, id: \"velve\", name: \"Wijkteam Velve\", members: [ (id: ";
    std::fs::write(&path, broken).expect("write");
    let loaded = storage::load_workspace(dir.path());
    assert!(loaded.workspace.teams.is_empty(), "the team did not load");
    assert!(loaded.problems.iter().any(|p| p.path == path));
    let changed = session::set_end(&td.team, "sbakker", Some(fixture::d(2026, 4, 1))).expect("end");
    match storage::save_team(dir.path(), &changed) {
        Err(SaveError::WouldOverwriteBroken { path: p, .. }) => assert_eq!(p, path),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(std::fs::read_to_string(&path).expect("read"), broken);
    // Repaired: the change is saved.
    std::fs::write(&path, storage::to_ron(&td.team).expect("ron")).expect("repair");
    storage::save_team(dir.path(), &changed).expect("saved");
    let back = storage::load_workspace(dir.path());
    assert!(back.is_clean());
    assert_eq!(back.workspace.teams[0].team, changed);
}

#[test]
fn check_accepts_a_dated_hand_over_and_catches_a_stray_regisseur() {
    let dir = tempfile::tempdir().expect("tmp");
    fixture::write_team_folder(dir.path()).expect("folder");
    let td = fixture::team_data(dir.path());
    let case = td.case("2026-0012").expect("case");
    let dated = session::hand_over_regie(
        case,
        Some(Regisseur::Lid("aozdemir".into())),
        "einde OTS",
        fixture::d(2026, 3, 3),
        Some(fixture::d(2026, 4, 7)),
        None,
    )
    .expect("dated");
    storage::save_case(dir.path(), &dated).expect("save");
    let out = storage::load_workspace(dir.path());
    let lines: Vec<String> = out.problems.iter().map(|p| p.render(Lang::Nl)).collect();
    assert!(out.is_clean(), "{lines:#?}");

    // A regisseur that no hand-over gave: still reported.
    let mut wrong = dated.clone();
    wrong.regisseur = Some(Regisseur::Lid("jdevries".into()));
    wrong.regie_history.push(RegieChange {
        date: fixture::d(2026, 3, 4),
        from: None,
        to: Some(Regisseur::Lid("wnguyen".into())),
        reason: "x".into(),
        meeting: None,
        effective: None,
    });
    storage::save_case(dir.path(), &wrong).expect("save");
    let out = storage::load_workspace(dir.path());
    assert!(
        out.problems
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::TwoRegisseurs { .. })),
        "{:?}",
        out.problems
    );
}
