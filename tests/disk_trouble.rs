//! Disk trouble during a meeting: a folder that cannot be written, a full disk, a file deleted
//! underneath. Each time: a clear message, the data kept in memory, a retry that works, and
//! nothing overwritten silently (the file on disk stays whole and loads).
//!
//! The unwritable folder and the deleted file run in-process (the app's `update` and the loop's
//! `carry_out`, on a copy of the demo). The full disk runs the real binary with a file-size
//! limit (`ulimit -f`, so writes fail with EFBIG as on a full disk) and lifts the limit with
//! `prlimit` while it runs.

mod pty;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use overleg::i18n::Lang;
use overleg::tui::app::{App, Status};
use overleg::tui::msg::Msg;
use overleg::tui::runtime::{TuiOptions, build_app, carry_out};
use overleg::tui::update::update;
use pty::DemoCopy;
// Only the full-disk test drives the binary in a pty (bash, ulimit, prlimit: Linux only).
#[cfg(target_os = "linux")]
use pty::{ENTER, Session};

const MEETING_FILE: &str = "meetings/2026-11-24.ron";

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("date")
}

fn app_on(demo: &DemoCopy) -> App {
    build_app(&TuiOptions {
        db: None,
        data: demo.data(),
        team: Some("stroinkslanden-zuid".into()),
        lang: Lang::Nl,
        today: NaiveDate::from_ymd_opt(2026, 11, 23),
        theme: "default".into(),
    })
    .expect("app")
}

fn key(app: &mut App, code: KeyCode, mods: KeyModifiers) {
    let fx = update(app, Msg::Key(KeyEvent::new(code, mods)));
    carry_out(app, fx);
}

fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        let code = match c {
            '\r' => KeyCode::Enter,
            '\t' => KeyCode::Tab,
            '↓' => KeyCode::Down,
            c => KeyCode::Char(c),
        };
        key(app, code, KeyModifiers::NONE);
    }
}

/// Opens the meeting and selects the advice list of the first case.
fn open_to_advice(app: &mut App) {
    keys(app, "ao\rnnn↓↓");
    assert_eq!(app.current_item(), Some(3));
}

/// Adds an advice (saved by the loop as it is added).
fn advice(app: &mut App, text: &str) {
    keys(app, "\r\t");
    keys(app, text);
    key(app, KeyCode::Char('s'), KeyModifiers::CONTROL);
}

fn in_memory(app: &App, text: &str) -> bool {
    app.current_meeting()
        .is_some_and(|m| overleg::storage::to_ron(m).is_ok_and(|r| r.contains(text)))
}

fn error(app: &App) -> String {
    match &app.status {
        Some(Status::Error(t)) => t.clone(),
        other => panic!("expected an error in the status line, got {other:?}"),
    }
}

fn on_disk(team: &Path) -> String {
    std::fs::read_to_string(team.join(MEETING_FILE)).expect("meeting file")
}

fn loads_clean(demo: &DemoCopy) {
    let loaded = overleg::storage::load_workspace(&demo.data());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
}

/// Makes `dir` unwritable and returns how to undo it. Root ignores permissions, so as root the
/// folder is moved aside and a plain file put in its place (writes then fail with ENOTDIR).
fn block(dir: &Path) -> Box<dyn FnOnce()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let perms = |m| std::fs::Permissions::from_mode(m);
        std::fs::set_permissions(dir, perms(0o555)).expect("chmod");
        let probe = dir.join(".probe");
        if std::fs::write(&probe, b"x").is_err() {
            let d = dir.to_path_buf();
            return Box::new(move || std::fs::set_permissions(&d, perms(0o755)).expect("chmod"));
        }
        let _ = std::fs::remove_file(&probe);
        std::fs::set_permissions(dir, perms(0o755)).expect("chmod");
        eprintln!(
            "note: running as root, chmod does not stop writes; replacing the folder by a file"
        );
    }
    let aside: PathBuf = dir.with_extension("aside");
    std::fs::rename(dir, &aside).expect("move aside");
    std::fs::write(dir, b"no folder").expect("file in its place");
    let d = dir.to_path_buf();
    Box::new(move || {
        std::fs::remove_file(&d).expect("remove");
        std::fs::rename(&aside, &d).expect("move back");
    })
}

#[test]
fn an_unwritable_folder_keeps_the_data_in_memory_and_the_next_save_works() {
    let demo = DemoCopy::new();
    let team = demo.team_dir();
    let mut app = app_on(&demo);
    open_to_advice(&mut app);
    advice(&mut app, "Merk een");
    assert!(on_disk(&team).contains("Merk een"));
    let before = on_disk(&team);

    let unblock = block(&team.join("meetings"));
    advice(&mut app, "Merk twee");
    let msg = error(&app);
    assert!(msg.contains("Bewaren mislukt"), "{msg}");
    assert!(msg.contains("geheugen"), "{msg}");
    assert!(msg.contains("2026-11-24.ron"), "{msg}");
    assert!(in_memory(&app, "Merk twee"));
    unblock();
    // Nothing was half written.
    assert_eq!(on_disk(&team), before);

    // The next change saves everything that is in memory.
    advice(&mut app, "Merk drie");
    assert!(
        !matches!(app.status, Some(Status::Error(_))),
        "{:?}",
        app.status
    );
    let text = on_disk(&team);
    for m in ["Merk een", "Merk twee", "Merk drie"] {
        assert!(text.contains(m), "{m} missing");
    }
    loads_clean(&demo);
}

#[test]
fn a_file_deleted_underneath_is_written_again_from_memory() {
    let demo = DemoCopy::new();
    let team = demo.team_dir();
    let mut app = app_on(&demo);
    open_to_advice(&mut app);
    advice(&mut app, "Merk een");
    std::fs::remove_file(team.join(MEETING_FILE)).expect("delete");

    advice(&mut app, "Merk twee");
    match &app.status {
        Some(Status::Info(t)) => assert!(t.contains("verwijderd"), "{t}"),
        other => panic!("expected a message, got {other:?}"),
    }
    let text = on_disk(&team);
    assert!(text.contains("Merk een") && text.contains("Merk twee"));
    let loaded = overleg::storage::load_workspace(&demo.data());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let team_data = loaded.workspace.team("stroinkslanden-zuid").expect("team");
    let m = team_data.meeting(date()).expect("meeting");
    assert_eq!(m.state, overleg::domain::MeetingState::Geopend);
}

/// Needs bash, `ulimit -f` and util-linux's `prlimit`.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_keeps_the_old_file_whole_and_the_retry_after_room_is_made_works() {
    let demo = DemoCopy::new();
    let team = demo.team_dir();
    let original = on_disk(&team);
    // 4 KiB per file: the lock file fits, the meeting file (about 5 KB) does not.
    let script = format!(
        "trap '' XFSZ; ulimit -S -f 4; exec '{}' \"$@\"",
        env!("CARGO_BIN_EXE_overleg")
    );
    let mut args = vec!["-c".to_string(), script, "overleg".to_string()];
    args.extend(demo.args());
    let mut s = Session::start_program("bash", &args, &demo.home());
    s.wait_for("Casussen die om bespreking vragen");
    s.step("a", "Gepland");
    s.step("o", "Overleg openen?");
    s.step(ENTER, "Bewaren mislukt");
    // The meeting runs on (it is in memory); the file on disk is the old one, whole.
    s.wait_for("1/10");
    assert_eq!(on_disk(&team), original);
    let leftovers: Vec<_> = std::fs::read_dir(team.join("meetings"))
        .expect("dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // Room is made; the next change saves the running meeting.
    let status = std::process::Command::new("prlimit")
        .args(["--pid", &s.pid().to_string(), "--fsize=unlimited:unlimited"])
        .status()
        .expect("prlimit");
    assert!(status.success());
    s.step("n", "2/10");
    s.send("\x03");
    s.wait_exit();
    let loaded = overleg::storage::load_workspace(&demo.data());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let m = loaded
        .workspace
        .team("stroinkslanden-zuid")
        .and_then(|t| t.meeting(date()).cloned())
        .expect("meeting");
    assert_eq!(m.state, overleg::domain::MeetingState::Geopend);
    assert_ne!(on_disk(&team), original);
}
