//! The interface on one team of a municipality (issue 15): `--team` shows that team from its
//! own files, and the other teams join in the background — search then finds their
//! households, and a broken file in another team is counted on the status line instead of
//! holding up the start. The real binary in a pseudo-terminal; every step waits for text on
//! the screen, nothing asserts on time.

#![cfg(unix)]

mod pty;

use std::path::Path;

use overleg::session::fixture::team_data;
use pty::{ESC, Session};

/// Three teams of one municipality; the third holds a case file that does not parse.
fn municipality(root: &Path) {
    for (i, (id, name, family)) in [
        ("velve", "Wijkteam Velve-Lindenhof", "Fam. Öztürk"),
        ("noord", "Wijkteam Deppenbroek", "Fam. Zwanenburg"),
        ("zuid", "Wijkteam Stroinslanden", "Mw. Kuipers"),
    ]
    .into_iter()
    .enumerate()
    {
        let dir = root.join(id);
        let mut td = team_data(&dir);
        td.team.id = id.into();
        td.team.name = name.into();
        if i > 0 {
            // Codes unique over the municipality; the fixture's meetings name team one's.
            td.meetings.clear();
            for (k, c) in td.cases.iter_mut().enumerate() {
                c.code = format!("2026-{:04}", 100 * i + k);
            }
        }
        td.cases[0].pseudonym = family.into();
        overleg::storage::save_team(&dir, &td.team).expect("team");
        for c in &td.cases {
            overleg::storage::save_case(&dir, c).expect("case");
        }
        for m in &td.meetings {
            overleg::storage::save_meeting(&dir, m).expect("meeting");
        }
    }
    std::fs::write(root.join("zuid/cases/2026-0299.ron"), "(version: 1, code: ").expect("broken");
}

#[test]
fn one_team_first_then_the_others_join_and_search_finds_them() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let data = tmp.path().join("gemeente");
    municipality(&data);
    let home = tmp.path().join("home");
    std::fs::create_dir_all(&home).expect("home");
    let args = [
        "--data",
        &data.to_string_lossy(),
        "--team",
        "velve",
        "--today",
        "2026-03-17",
    ]
    .map(String::from);
    let mut s = Session::start(&args, &home);
    s.wait_for("Wijkteam Velve-Lindenhof");
    // The broken file of another team is no popup over the chosen team: it is counted.
    s.wait_for("Andere teams geladen: 1 probleem, zie overleg check");
    assert!(
        !s.screen().contains("2026-0299"),
        "the other team's problem is not listed over the start screen:\n{}",
        s.screen()
    );
    assert!(!s.screen().contains("andere teams laden"));
    // Search sees the other teams' households now.
    s.step("/", "Zoeken");
    s.send("zwanenb");
    s.wait_for("Fam. Zwanenburg");
    s.send(ESC);
}

/// The chosen team's folder is found by its id, not by a folder whose `team.ron` only
/// mentions that id elsewhere (read as text first, parsed only where the id occurs).
#[test]
fn the_chosen_team_is_found_by_its_id() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path();
    for (folder, id, municipality) in [
        ("a-eerst", "velve", "noord"),
        ("b-tweede", "noord", "Gemeente Voorbeeld"),
    ] {
        let mut td = team_data(&root.join(folder));
        td.team.id = id.into();
        td.team.municipality = municipality.into();
        overleg::storage::save_team(&td.dir, &td.team).expect("team");
    }
    let found = overleg::storage::team_folder_of(root, "noord");
    assert_eq!(found, Some(root.join("b-tweede")));
    assert_eq!(overleg::storage::team_folder_of(root, "west"), None);
    assert_eq!(
        overleg::storage::team_folder_of(&root.join("a-eerst"), "velve"),
        None,
        "a team folder itself has no team folders"
    );
}
