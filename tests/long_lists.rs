//! A list that outgrows the screen stays visible: found by the kill soak, where a case item with
//! dozens of actions drew an empty pane (ratatui draws nothing for a selected row taller than
//! the pane), so the chair could no longer see what was saved.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use overleg::i18n::Lang;
use overleg::tui::app::App;
use overleg::tui::chrome::draw;
use overleg::tui::msg::Msg;
use overleg::tui::runtime::{TuiOptions, build_app, carry_out};
use overleg::tui::update::update;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

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

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    t.draw(|f| draw(f, app)).expect("draw");
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
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

#[test]
fn forty_actions_in_one_case_still_show_the_list() {
    let tmp = tempfile::tempdir().expect("tmp");
    let data = tmp.path().join("data");
    copy_dir(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data"),
        &data,
    );
    let mut app = build_app(&TuiOptions {
        db: None,
        data,
        team: Some("stroinkslanden-zuid".into()),
        lang: Lang::Nl,
        today: NaiveDate::from_ymd_opt(2026, 11, 23),
        theme: "default".into(),
    })
    .expect("app");
    // Open the planned meeting, walk to the first case, select its action list.
    keys(&mut app, "ao\rnnn↓↓↓↓↓");
    for i in 1..=40 {
        keys(&mut app, &format!("\ractie nummer {i}§"));
    }
    for (w, h) in [(120, 36), (80, 24)] {
        let s = screen(&app, w, h);
        assert!(s.contains("Acties (40)"), "{w}×{h}:\n{s}");
        assert!(s.contains("actie nummer 1"), "{w}×{h}:\n{s}");
    }
}
