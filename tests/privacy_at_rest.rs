//! Privacy at rest: every meeting file, case file and minutes file the app writes is readable
//! by its owner only (0600), and a panic prints no case text.

use std::path::Path;

// Unix only: file modes (0600) exist on Unix; on Windows a file inherits its folder's ACL.
#[cfg(unix)]
use chrono::NaiveDate;
#[cfg(unix)]
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
#[cfg(unix)]
use overleg::i18n::Lang;
#[cfg(unix)]
use overleg::tui::app::App;
#[cfg(unix)]
use overleg::tui::msg::Msg;
#[cfg(unix)]
use overleg::tui::runtime::{TuiOptions, build_app, carry_out};
#[cfg(unix)]
use overleg::tui::update::update;

#[cfg(unix)]
fn keys(app: &mut App, text: &str) {
    for c in text.chars() {
        let (code, mods) = match c {
            '\r' => (KeyCode::Enter, KeyModifiers::NONE),
            '\t' => (KeyCode::Tab, KeyModifiers::NONE),
            '↓' => (KeyCode::Down, KeyModifiers::NONE),
            '§' => (KeyCode::Char('s'), KeyModifiers::CONTROL),
            c => (KeyCode::Char(c), KeyModifiers::NONE),
        };
        let fx = update(app, Msg::Key(KeyEvent::new(code, mods)));
        carry_out(app, fx);
    }
}

#[cfg(unix)]
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).expect("copy");
        }
    }
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).expect("meta").permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn files_written_during_a_meeting_are_for_the_owner_only() {
    let tmp = tempfile::tempdir().expect("tmp");
    let data = tmp.path().join("data");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data"), &data);
    let team = data.join("wijkteam-stroinkslanden-zuid");
    let mut app = build_app(&TuiOptions {
        db: None,
        data: data.clone(),
        team: Some("stroinkslanden-zuid".into()),
        lang: Lang::Nl,
        today: NaiveDate::from_ymd_opt(2026, 11, 23),
        theme: "default".into(),
    })
    .expect("app");
    // Open, one advice in the first case, then close (this writes the minutes).
    keys(&mut app, "ao\rnnn↓↓\r\tPrivé advies§");
    let meeting = team.join("meetings/2026-11-24.ron");
    assert!(
        std::fs::read_to_string(&meeting)
            .expect("meeting")
            .contains("Privé advies")
    );
    assert_eq!(mode(&meeting), 0o600);
    keys(&mut app, "S\r\r");
    let minutes: Vec<_> = std::fs::read_dir(team.join("minutes"))
        .expect("minutes folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains("2026-11-24"))
        .collect();
    assert!(!minutes.is_empty(), "no minutes written: {:?}", app.status);
    for p in &minutes {
        assert_eq!(mode(p), 0o600, "{}", p.display());
    }
    assert_eq!(mode(&meeting), 0o600);
}

/// The case text that the child process panics with.
const SECRET: &str = "Fam. Öztürk vertelde over de schulden";
const CHILD: &str = "OVERLEG_PANIC_CHILD";

/// In a child process (this test binary, run again): install the app's hook and panic the way
/// a slicing bug would, with case text in the payload. The parent checks what reached stderr.
#[test]
fn a_panic_prints_where_but_no_case_text() {
    if std::env::var_os(CHILD).is_some() {
        overleg::crash::install_panic_hook();
        let text = std::hint::black_box(SECRET.to_string());
        // Byte 6 is inside 'Ö': std's message would quote the whole string.
        let _ = &text[..6];
        unreachable!("the slice above panics");
    }
    let out = std::process::Command::new(std::env::current_exe().expect("exe"))
        .args([
            "--exact",
            "a_panic_prints_where_but_no_case_text",
            "--nocapture",
        ])
        .env(CHILD, "1")
        .output()
        .expect("run child");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "the child should have panicked");
    assert!(stderr.contains("interne fout"), "{stderr}");
    assert!(stderr.contains("privacy_at_rest.rs"), "{stderr}");
    for part in ["Öztürk", "schulden", "Fam."] {
        assert!(
            !stderr.contains(part),
            "case text in the panic output: {stderr}"
        );
        assert!(!stdout.contains(part), "case text in the output: {stdout}");
    }
}

/// The library code has no panic that formats a value into its message (a value can be case
/// text); test code (after `#[cfg(test)]`, in `tests.rs` files or `tests/` folders) is left out.
#[test]
fn no_panic_message_in_the_library_formats_a_value() {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).expect("read dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 20);
    let mut found = Vec::new();
    for f in files {
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let in_tests = f.components().any(|c| c.as_os_str() == "tests");
        if name.ends_with("tests.rs") || in_tests {
            continue;
        }
        let text = std::fs::read_to_string(&f).expect("read");
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (i, line) in code.lines().enumerate() {
            let formats = [
                "panic!(",
                "unreachable!(",
                "todo!(",
                "unimplemented!(",
                "assert!(",
            ]
            .iter()
            .any(|m| line.contains(m) && line.contains('{'))
                || line.contains("expect(&format!");
            if formats {
                found.push(format!("{}:{}: {line}", f.display(), i + 1));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}
