//! A hand edit that keeps a case file's size and modification time (`touch -r`) is seen —
//! with the parse cache on — and survives a close: the close is refused, nothing is written
//! over the edit, the app's version goes to `<file>.conflict`.

use std::path::Path;

use overleg::domain::MeetingState;
use overleg::storage::{self, changeset, guard::Seen};

fn same_size_edit(path: &Path) {
    let meta = std::fs::metadata(path).expect("meta");
    let mtime = meta.modified().expect("mtime");
    let text = std::fs::read_to_string(path).expect("read");
    // Same length: one letter of the situation changed.
    let at = text.find("situation_now: \"").expect("field") + "situation_now: \"".len();
    let mut bytes = text.into_bytes();
    bytes[at] = if bytes[at] == b'X' { b'Y' } else { b'X' };
    std::fs::write(path, &bytes).expect("write");
    let f = std::fs::File::options()
        .write(true)
        .open(path)
        .expect("open");
    f.set_modified(mtime).expect("touch -r");
    assert_eq!(std::fs::metadata(path).expect("meta").len(), meta.len());
}

#[test]
fn a_touch_r_hand_edit_is_seen_by_the_cached_load_and_survives_a_close() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("team");
    let cache = tmp.path().join("cache");
    let data = overleg::testdata::team_data(&dir);
    storage::save_team(&dir, &data.team).expect("team");
    for c in &data.cases {
        storage::save_case(&dir, c).expect("case");
    }
    let mut m = overleg::session::new_meeting(&data.team, overleg::testdata::today(), None);
    let code = data.cases[0].code.clone();
    let at = overleg::session::add_case(&mut m, &code, "Fam.", "sbakker".into(), "?".into(), 10)
        .expect("add");
    let now = overleg::testdata::today()
        .and_hms_opt(9, 30, 0)
        .expect("time");
    overleg::session::open_meeting(&mut m, &data.team, now).expect("open");
    let to = overleg::domain::Regisseur::Lid("jdevries".into());
    let handover = overleg::domain::RegieOutcome::Overgedragen(overleg::domain::RegieHandOver {
        from: None,
        to,
        reason: "ruimte".into(),
        effective: None,
    });
    overleg::session::set_regie(&mut m, at, &data.team, &data.cases[0], handover).expect("regie");
    storage::save_meeting(&dir, &m).expect("meeting");
    // Files older than the racy window, so the cache keeps them.
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    for sub in ["cases", "meetings"] {
        for e in std::fs::read_dir(dir.join(sub)).expect("dir").flatten() {
            let f = std::fs::File::options()
                .write(true)
                .open(e.path())
                .expect("open");
            f.set_modified(old).expect("age");
        }
    }
    let first = storage::load_workspace_cached(&dir, &cache);
    assert!(first.problems.is_empty(), "{:?}", first.problems);
    let case_file = storage::case_path(&dir, &code);
    let before_edit = first.workspace.teams[0].case(&code).expect("case").clone();

    // The chair's app has the folder open (Seen from the first load); someone edits by hand.
    let mut seen = Seen::default();
    for (p, fp) in &first.fingerprints {
        seen.insert(p.clone(), *fp);
    }
    same_size_edit(&case_file);
    let edited = std::fs::read(&case_file).expect("read");

    // A load through the cache now gives the edited case, not the cached one.
    let second = storage::load_workspace_cached(&dir, &cache);
    let reloaded = second.workspace.teams[0].case(&code).expect("case");
    assert_ne!(
        reloaded.situation_now, before_edit.situation_now,
        "cache served stale data"
    );

    // The close based on the first load is refused; the edit stays byte for byte.
    let mut team = first.workspace.teams.into_iter().next().expect("team");
    let mi = team
        .meetings
        .iter()
        .position(|x| x.state == MeetingState::Geopend)
        .expect("open");
    let cases = team.cases.clone();
    let out = overleg::session::close_meeting(&mut team.meetings[mi], &team.team, &cases, now)
        .expect("close");
    assert_eq!(out.changed_cases.len(), 1);
    let closed = team.meetings[mi].clone();
    let set = changeset::close_change_set(&team, &seen, &closed, &out.changed_cases, vec![])
        .expect("set");
    let report = set.commit(&dir).expect("commit");
    assert!(!report.is_done());
    assert!(report.nothing_written());
    assert_eq!(
        std::fs::read(&case_file).expect("read"),
        edited,
        "hand edit overwritten"
    );
    let copy = overleg::storage::guard::conflict_path(&case_file);
    assert!(
        std::fs::read_to_string(copy)
            .expect("conflict copy")
            .contains("jdevries")
    );
    let meeting = storage::load_workspace(&dir).workspace.teams[0]
        .meeting(closed.date)
        .expect("meeting")
        .state;
    assert_eq!(
        meeting,
        MeetingState::Geopend,
        "the meeting stays open and resumable"
    );
    let problems = storage::load_workspace(&dir).problems;
    assert!(
        problems
            .iter()
            .any(|p| matches!(p.kind, storage::ProblemKind::ConflictCopy { .. })),
        "check reports the conflict copy: {problems:?}"
    );
}
