//! Tests of the interface without a terminal: keys through `update`, state and effects
//! checked; screens and popups drawn into a `TestBackend` and compared with snapshots.

mod bugs;
mod edit;
mod flow;
mod lock;
mod lookups;
mod planned;
mod sharing;
mod snapshots;
mod structure;
mod week;

use chrono::NaiveDateTime;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::app::App;
use super::chrome::draw;
use super::msg::{Effect, Msg};
use super::popup::Popup;
use super::popup::form::FormPopup;
use super::update::update;
use crate::domain::{Meeting, Workspace};
use crate::i18n::Lang;
use crate::session::fixture::{d, team_data};

pub(crate) fn start_time() -> NaiveDateTime {
    d(2026, 3, 17).and_hms_opt(9, 30, 0).expect("time")
}

pub(crate) fn new_app() -> App {
    let ws = Workspace {
        municipality: None,
        teams: vec![team_data(std::path::Path::new("/nonexistent"))],
    };
    App::new(ws, Lang::Nl, start_time())
}

fn key_with(code: KeyCode, modifiers: KeyModifiers) -> Msg {
    Msg::Key(KeyEvent {
        code,
        modifiers,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    })
}

pub(crate) fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    update(app, key_with(code, KeyModifiers::NONE))
}

pub(crate) fn ch(app: &mut App, c: char) -> Vec<Effect> {
    let m = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    update(app, key_with(KeyCode::Char(c), m))
}

pub(crate) fn typ(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars().flat_map(|c| ch(app, c)).collect()
}

pub(crate) fn ctrl(app: &mut App, c: char) -> Vec<Effect> {
    update(app, key_with(KeyCode::Char(c), KeyModifiers::CONTROL))
}

pub(crate) fn meeting(app: &App) -> &Meeting {
    app.current_meeting().expect("a meeting")
}

/// The form on top of the stack.
pub(crate) fn form(app: &App) -> &FormPopup {
    match app.popups.last() {
        Some(Popup::Form(f)) => f,
        other => panic!("expected a form, got {other:?}"),
    }
}

/// Prepares the agenda: one case through the picker, mededelingen moved up.
pub(crate) fn prepared_app() -> App {
    let mut app = new_app();
    assert_eq!(app.screen, super::app::Screen::Start);
    let fx = ch(&mut app, 'a');
    assert_eq!(app.screen, super::app::Screen::Agenda);
    assert_eq!(fx, vec![Effect::SaveMeeting(d(2026, 3, 17))]);
    ch(&mut app, 'c');
    typ(&mut app, "Öztürk");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.popups.last(), Some(Popup::Form(_))));
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Wie pakt de regie op?");
    let fx = ctrl(&mut app, 's');
    assert_eq!(fx, vec![Effect::SaveMeeting(d(2026, 3, 17))]);
    assert!(app.popups.is_empty());
    ch(&mut app, 'i');
    typ(&mut app, "mede");
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    app
}

/// Opens the prepared meeting.
pub(crate) fn opened_app() -> App {
    let mut app = prepared_app();
    ch(&mut app, 'o');
    assert!(matches!(
        app.popups.last(),
        Some(Popup::Confirm(super::popup::confirm::Confirm::OpenMeeting))
    ));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, super::app::Screen::Meeting);
    app
}

/// The running meeting at its first case item; returns the item's index.
pub(crate) fn at_case() -> (App, usize) {
    let mut app = opened_app();
    while !matches!(
        app.current_item()
            .and_then(|i| meeting(&app).agenda.get(i))
            .map(|i| &i.kind),
        Some(crate::domain::ItemKind::Casus(_))
    ) {
        ch(&mut app, 'n');
    }
    let item = app.current_item().expect("item");
    (app, item)
}

/// Walks the selection with the arrow keys to `row`.
pub(crate) fn go_to(app: &mut App, row: super::screen::meeting::ItemRow) {
    use super::screen::meeting::item_rows;
    for _ in 0..40 {
        press(app, KeyCode::Up);
    }
    for _ in 0..40 {
        if item_rows(app).get(app.views.item_row) == Some(&row) {
            return;
        }
        press(app, KeyCode::Down);
    }
    panic!("row {row:?} not reached");
}

pub(crate) fn render(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    t.draw(|f| draw(f, app)).expect("draw");
    t
}

/// The screen as text, at a size.
pub(crate) fn screen_text(app: &App, w: u16, h: u16) -> String {
    render(app, w, h).backend().to_string()
}

/// Snapshots at 80×24 and 160×48.
pub(crate) fn snap(name: &str, app: &App) {
    for (w, h) in [(80, 24), (160, 48)] {
        let t = render(app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend().to_string());
    }
}

/// Carries out effects for real in a temporary copy of the app's team folder (the tests'
/// team lives at a path that does not exist): its files are written there first and
/// fingerprinted, then the effects run through the loop's own `carry_out`. Keep the returned
/// folder alive while the app is used.
pub(crate) fn on_disk(app: &mut App, fx: Vec<Effect>) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().to_path_buf();
    if let Some(t) = app.team_data_mut() {
        t.dir = dir.clone();
        crate::storage::save_team(&dir, &t.team).expect("team");
        for c in &t.cases {
            crate::storage::save_case(&dir, c).expect("case");
        }
        for m in &t.meetings {
            crate::storage::save_meeting(&dir, m).expect("meeting");
        }
    }
    let loaded = crate::storage::load_workspace(&dir);
    for (path, fp) in loaded.fingerprints {
        app.seen.insert(path, fp);
    }
    crate::tui::runtime::carry_out(app, fx);
    tmp
}
