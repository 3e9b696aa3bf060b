//! Two chairs on one team folder, a lock left behind by a dead process, and a file changed by
//! hand while the app runs — with real processes in pseudo-terminals. Never a lost update.

// Unix only: pseudo-terminals closed with SIGHUP, `kill -9`, and a dead pid recognised via /proc.
#![cfg(unix)]

mod pty;

use std::path::Path;

use pty::{CTRL_C, CTRL_S, DOWN, DemoCopy, ENTER, ESC, Session, TAB};

const MEETING_FILE: &str = "meetings/2026-11-24.ron";

fn meeting_text(team: &Path) -> String {
    std::fs::read_to_string(team.join(MEETING_FILE)).expect("meeting file")
}

/// From the start screen: open the planned meeting.
fn open_meeting(s: &mut Session) {
    s.wait_for("Casussen die om bespreking vragen");
    s.step("a", "Gepland");
    s.step("o", "Overleg openen?");
    s.step(ENTER, "1/10");
}

/// From item 1: walk to the first case and select its advice list.
fn to_first_case_advice(s: &mut Session) {
    for i in 2..=4 {
        s.step("n", &format!("{i}/10"));
    }
    s.send(DOWN);
    s.send(DOWN);
}

/// With the advice list selected: fill in an advice and save; wait for `expect`.
fn advice(s: &mut Session, text: &str, expect: &str) {
    s.step(ENTER, "Advies toevoegen");
    s.send(TAB);
    s.step(text, text);
    s.step(CTRL_S, expect);
}

#[test]
fn a_second_chair_gets_a_read_only_view_and_writes_nothing() {
    let demo = DemoCopy::new();
    let team = demo.team_dir();
    let mut a = Session::start(&demo.args(), &demo.home());
    open_meeting(&mut a);

    let mut b = Session::start(&demo.args(), &demo.home());
    b.wait_for("Alleen lezen");
    b.wait_for(&format!("(proces {})", a.pid()));
    b.wait_for("wijzigingen worden niet bewaard");
    b.send(ESC);
    // Esc alone: wait until the popup is gone before the next key.
    b.wait_or_kill(|sc| !sc.contains("wijzigingen worden niet bewaard"));
    // The second chair sees the running meeting, and may try to write in it.
    b.wait_for("1/10");
    to_first_case_advice(&mut b);
    advice(&mut b, "Merk van stoel B", "niets bewaard");

    // The first chair goes on and saves.
    to_first_case_advice(&mut a);
    advice(&mut a, "Merk van stoel A", "Adviezen (1)");
    assert!(meeting_text(&team).contains("Merk van stoel A"));

    // The second chair quits (a save is attempted on quit): nothing of it reaches the disk,
    // nothing of the first chair is lost, and the lock stays the first chair's.
    b.send(CTRL_C);
    b.wait_exit();
    let text = meeting_text(&team);
    assert!(text.contains("Merk van stoel A"));
    assert!(!text.contains("Merk van stoel B"));
    let owner = overleg::storage::lock::read_owner(&team.join(overleg::storage::lock::LOCK_FILE))
        .expect("the first chair still holds the lock");
    assert_eq!(owner.pid, a.pid());

    a.send(CTRL_C);
    a.wait_exit();
    assert!(meeting_text(&team).contains("Merk van stoel A"));
    assert!(!team.join(overleg::storage::lock::LOCK_FILE).exists());
    let loaded = overleg::storage::load_workspace(&demo.data());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
}

/// A dead pid is recognised through /proc.
#[cfg(target_os = "linux")]
#[test]
fn a_lock_left_by_a_dead_process_is_taken_over() {
    let demo = DemoCopy::new();
    let team = demo.team_dir();
    // A process that has ended: its pid is free.
    let mut gone = std::process::Command::new("true").spawn().expect("spawn");
    let pid = gone.id();
    gone.wait().expect("wait");
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|h| h.trim().to_string())
        .unwrap_or_else(|_| "onbekend".into());
    let now = chrono::Utc::now();
    // Written by a chair on this machine (same machine id): its pid is checked.
    let owner = overleg::storage::lock::LockOwner {
        token: "vorige-voorzitter-token".into(),
        machine: overleg::storage::lock::identity::process_space().into(),
        pid,
        host,
        user: "vorige-voorzitter".into(),
        since: now,
        heartbeat: now,
        beat: 0,
    };
    let lock = team.join(overleg::storage::lock::LOCK_FILE);
    std::fs::write(&lock, overleg::storage::to_ron(&owner).expect("ron")).expect("lock");
    // The dead process was killed in the middle of a write an hour ago: its temp file is left.
    let left = team.join("meetings/.overleg-AbC123.tmp");
    std::fs::write(&left, "(half a meeting").expect("temp file");
    std::fs::File::options()
        .write(true)
        .open(&left)
        .and_then(|f| {
            f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(3600))
        })
        .expect("age the temp file");

    let mut s = Session::start(&demo.args(), &demo.home());
    open_meeting(&mut s);
    assert!(!s.screen().contains("Alleen lezen"), "{}", s.screen());
    assert!(
        !left.exists(),
        "the new chair clears temp files of killed writes"
    );
    to_first_case_advice(&mut s);
    advice(&mut s, "Merk na overname", "Adviezen (1)");
    assert!(meeting_text(&team).contains("Merk na overname"));
    let now_owner = overleg::storage::lock::read_owner(&lock).expect("lock");
    assert_eq!(now_owner.pid, s.pid());
    s.send(CTRL_C);
    s.wait_exit();
}

#[test]
fn a_hand_edit_while_the_app_runs_is_noticed_and_nothing_is_lost() {
    let demo = DemoCopy::new();
    let team = demo.team_dir();
    let mut s = Session::start(&demo.args(), &demo.home());
    open_meeting(&mut s);
    to_first_case_advice(&mut s);
    advice(&mut s, "Merk een", "Adviezen (1)");

    // A team lead edits the meeting file by hand (a comment is valid RON).
    let path = team.join(MEETING_FILE);
    let hand = format!("// met de hand aangepast\n{}", meeting_text(&team));
    std::fs::write(&path, &hand).expect("hand edit");

    advice(&mut s, "Merk twee", "buiten overleg gewijzigd");
    // The hand edit is kept; the app's version (both entries) is next to it; the screen still
    // shows the entry (it is in memory).
    assert_eq!(meeting_text(&team), hand);
    let conflict = team.join("meetings/2026-11-24.ron.conflict");
    let mine = std::fs::read_to_string(&conflict).expect("conflict copy");
    assert!(mine.contains("Merk een") && mine.contains("Merk twee"));
    assert!(s.screen().contains("Merk twee"));
    s.send(CTRL_C);
    s.wait_exit();
    // Quitting did not overwrite the hand edit either; the folder still loads, and the only
    // problem reported is the conflict copy waiting to be merged.
    assert_eq!(meeting_text(&team), hand);
    let loaded = overleg::storage::load_workspace(&demo.data());
    let kinds: Vec<_> = loaded.problems.iter().map(|p| (&p.path, &p.kind)).collect();
    assert_eq!(
        kinds,
        vec![(
            &conflict,
            &overleg::storage::ProblemKind::ConflictCopy {
                original: Some(team.join("meetings/2026-11-24.ron"))
            }
        )]
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&conflict)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

/// Closing the terminal window (SIGHUP) or a shutdown (SIGTERM) stops overleg the way Ctrl-C
/// does: what was saved stays, and the lock is released, so the next chair — even one started
/// at once, while a dead process's lock could not yet be told from a live one — can write.
#[test]
fn a_closed_terminal_or_sigterm_releases_the_lock() {
    for signal in ["HUP", "TERM"] {
        let demo = DemoCopy::new();
        let team = demo.team_dir();
        let lock = team.join(overleg::storage::lock::LOCK_FILE);
        let mut s = Session::start(&demo.args(), &demo.home());
        open_meeting(&mut s);
        to_first_case_advice(&mut s);
        let text = format!("Merk voor SIG{signal}");
        advice(&mut s, &text, "Adviezen (1)");
        assert!(lock.exists());
        let status = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &s.pid().to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
        s.wait_exit();
        assert!(!lock.exists(), "SIG{signal} left the lock behind");
        assert!(meeting_text(&team).contains(&text));
        let mut next = Session::start(&demo.args(), &demo.home());
        next.wait_for(" ? hulp");
        assert!(!next.screen().contains("Alleen lezen"), "{}", next.screen());
        next.send(CTRL_C);
        next.wait_exit();
    }
}

/// When the first chair stops, the read-only one notices within seconds, loads the folder
/// again from disk (with everything the first chair saved) and can write; nothing of either
/// chair is lost.
#[test]
fn a_read_only_chair_takes_over_when_the_other_one_stops() {
    let demo = DemoCopy::new();
    let team = demo.team_dir();
    let mut a = Session::start(&demo.args(), &demo.home());
    open_meeting(&mut a);
    to_first_case_advice(&mut a);
    advice(&mut a, "Merk van stoel A", "Adviezen (1)");

    let mut b = Session::start(&demo.args(), &demo.home());
    b.wait_for("wijzigingen worden niet bewaard");
    b.send(ESC);
    b.wait_or_kill(|sc| !sc.contains("wijzigingen worden niet bewaard"));

    a.send(CTRL_C);
    a.wait_exit();
    b.wait_for("Niet meer alleen lezen");
    b.wait_for("opnieuw van schijf geladen");
    b.send(ESC);
    // The meeting A left open resumes at A's item, with A's advice in it.
    // (Also wait for the popup to go: a key sent while it shows only scrolls it.)
    b.wait_or_kill(|sc| {
        sc.contains("4/10")
            && sc.contains("Merk van stoel A")
            && !sc.contains("Niet meer alleen lezen")
    });
    b.send(DOWN);
    b.send(DOWN);
    advice(&mut b, "Merk van stoel B", "Adviezen (2)");
    let text = meeting_text(&team);
    assert!(text.contains("Merk van stoel A") && text.contains("Merk van stoel B"));
    let lock = team.join(overleg::storage::lock::LOCK_FILE);
    assert_eq!(
        overleg::storage::lock::read_owner(&lock).map(|o| o.pid),
        Some(b.pid())
    );
    b.send(CTRL_C);
    b.wait_exit();
}

/// Closing the terminal window for real: the terminal is gone, not just signalled. overleg
/// must still stop (crossterm's event poll spins forever on a vanished terminal, so it must
/// not be where the loop waits), with the advice saved and the lock released.
#[test]
fn closing_the_terminal_window_stops_overleg_and_releases_the_lock() {
    let demo = DemoCopy::new();
    let team = demo.team_dir();
    let lock = team.join(overleg::storage::lock::LOCK_FILE);
    let mut s = Session::start(&demo.args(), &demo.home());
    open_meeting(&mut s);
    to_first_case_advice(&mut s);
    advice(&mut s, "Merk voor het sluiten", "Adviezen (1)");
    s.hang_up();
    s.wait_exit();
    assert!(!lock.exists(), "the lock was left behind");
    assert!(meeting_text(&team).contains("Merk voor het sluiten"));
}
