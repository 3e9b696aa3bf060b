//! Round trips: to_ron → from_ron gives the same data, and save → load → save gives the same
//! data and the same bytes.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use overleg::domain::{Case, Meeting, Team};
use overleg::storage::{from_ron, load_workspace, save_case, save_meeting, save_team, to_ron};
use proptest::prelude::*;

/// Every file under `dir`, relative path → bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for sub in ["", "cases", "meetings"] {
        let Ok(entries) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        for e in entries.flatten() {
            if e.path().is_file() {
                let rel = Path::new(sub).join(e.file_name());
                out.insert(
                    rel.display().to_string(),
                    std::fs::read(e.path()).expect("read"),
                );
            }
        }
    }
    out
}

fn save_all(dir: &Path, team: &Team, cases: &[Case], meetings: &[Meeting]) {
    save_team(dir, team).expect("save team");
    for c in cases {
        save_case(dir, c).expect("save case");
    }
    for m in meetings {
        save_meeting(dir, m).expect("save meeting");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn team_text_round_trip(team in common::team()) {
        let text = to_ron(&team).expect("to_ron");
        let back: Team = from_ron(&text).expect("from_ron");
        prop_assert_eq!(&back, &team);
        prop_assert_eq!(to_ron(&back).expect("to_ron"), text);
    }

    #[test]
    fn case_text_round_trip(case in common::case("2026-0042".into())) {
        let text = to_ron(&case).expect("to_ron");
        let back: Case = from_ron(&text).expect("from_ron");
        prop_assert_eq!(&back, &case);
    }

    #[test]
    fn meeting_text_round_trip(
        meeting in common::date().prop_flat_map(|d| common::meeting("oost".into(), d))
    ) {
        let text = to_ron(&meeting).expect("to_ron");
        let back: Meeting = from_ron(&text).expect("from_ron");
        prop_assert_eq!(&back, &meeting);
    }

    #[test]
    fn save_load_save_gives_same_bytes(
        team in common::team(),
        cases in common::cases(6),
        meeting in common::date().prop_flat_map(|d| common::meeting("x".into(), d)),
    ) {
        let tmp = tempfile::tempdir().expect("tempdir");
        let first = tmp.path().join("first");
        let mut meeting = meeting;
        meeting.team = team.id.clone();
        save_all(&first, &team, &cases, std::slice::from_ref(&meeting));

        let loaded = load_workspace(&first);
        prop_assert_eq!(loaded.workspace.teams.len(), 1);
        let data = &loaded.workspace.teams[0];
        prop_assert_eq!(&data.team, &team);
        prop_assert_eq!(&data.cases, &cases);
        prop_assert_eq!(&data.meetings, &vec![meeting]);

        let second = tmp.path().join("second");
        save_all(&second, &data.team, &data.cases, &data.meetings);
        prop_assert_eq!(snapshot(&first), snapshot(&second));
    }
}

#[test]
fn fixture_is_saved_byte_for_byte_as_it_is() {
    let (_tmp, dir) = common::fixture_copy();
    let before = snapshot(&dir);
    let loaded = load_workspace(&dir);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let data = &loaded.workspace.teams[0];
    let out = dir.parent().expect("parent").join("resaved");
    save_all(&out, &data.team, &data.cases, &data.meetings);
    assert_eq!(before, snapshot(&out));
}

#[cfg(unix)]
#[test]
fn saved_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let (_tmp, dir) = common::fixture_copy();
    let loaded = load_workspace(&dir);
    let data = &loaded.workspace.teams[0];
    let out = dir.parent().expect("parent").join("private");
    save_all(&out, &data.team, &data.cases, &data.meetings);
    let mode = std::fs::metadata(out.join("meetings/2026-01-20.ron"))
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}
