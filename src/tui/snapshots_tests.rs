//! Every screen and popup drawn into a `TestBackend` at 80×24 and 160×48, compared with insta
//! snapshots; and a check that "over time" is carried by a word and a symbol, not colour only.

use chrono::Duration;
use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;

use super::app::{App, Popup};
use super::update::tests::{ch, new_app, opened_app, prepared_app, press, start_time, typ};
use super::update::update;
use super::view::draw;
use crate::domain::Workspace;
use crate::i18n::Lang;
use crate::session::fixture::team_data;

fn render(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    t.draw(|f| draw(f, app)).expect("draw");
    t
}

fn snap(name: &str, app: &App) {
    for (w, h) in [(80, 24), (160, 48)] {
        let t = render(app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend().to_string());
    }
}

fn at_case(app: &mut App) {
    for _ in 0..3 {
        ch(app, 'n');
    }
}

#[test]
fn team_picker() {
    let ws = Workspace {
        municipality: Some("Wijkerveen".into()),
        teams: vec![
            team_data(std::path::Path::new("/a")),
            team_data(std::path::Path::new("/b")),
        ],
    };
    let app = App::new(ws, Lang::Nl, start_time());
    snap("team_picker", &app);
}

#[test]
fn start_screen() {
    snap("start", &new_app());
    let mut en = new_app();
    en.lang = Lang::En;
    snap("start_en", &en);
}

#[test]
fn agenda_screens() {
    let mut app = prepared_app();
    snap("agenda", &app);
    for _ in 0..12 {
        ch(&mut app, '>');
    }
    snap("agenda_too_long", &app);
}

#[test]
fn meeting_items() {
    let mut app = opened_app();
    snap("meeting_opening", &app);
    ch(&mut app, 'n');
    snap("meeting_previous_minutes", &app);
    ch(&mut app, 'n');
    snap("meeting_actions_review", &app);
    ch(&mut app, 'n');
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    typ(
        &mut app,
        "Oma woont om de hoek; school ziet het kind elke dag.",
    );
    press(&mut app, KeyCode::Esc);
    snap("meeting_case", &app);
    ch(&mut app, 'n');
    snap("meeting_other_item", &app);
}

#[test]
fn popups() {
    let mut app = new_app();
    ch(&mut app, '?');
    snap("help", &app);

    let mut app = prepared_app();
    ch(&mut app, 'c');
    snap("case_picker", &app);
    press(&mut app, KeyCode::Enter);
    snap("add_case_form", &app);

    let mut app = opened_app();
    at_case(&mut app);
    for _ in 0..6 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    ch(&mut app, 'y');
    snap("regie_check", &app);

    let mut app = opened_app();
    at_case(&mut app);
    for _ in 0..3 {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Enter);
    snap("decision_form", &app);

    let mut app = opened_app();
    ch(&mut app, 'q');
    snap("confirm_quit", &app);

    let mut app = new_app();
    app.popups.push(Popup::Messages {
        title: "Problemen bij het laden".into(),
        lines: vec!["cases/2026-0099.ron:3:5: onbekend veld `naam`".into()],
    });
    snap("load_problems", &app);

    let mut app = new_app();
    ch(&mut app, 'm');
    snap("minutes_export", &app);
}

#[test]
fn close_screen() {
    let mut app = opened_app();
    ch(&mut app, 'S');
    snap("close", &app);
}

/// An item over its time box shows "OVER TIJD" and a ⚠, in the reversed danger style.
#[test]
fn over_time_is_a_word_and_a_symbol() {
    let mut app = opened_app();
    let t0 = start_time();
    update(&mut app, super::app::Msg::Tick(t0));
    // 5 minutes and 5 seconds on a 5-minute item (ticks count at most 5 s each).
    for i in 1..=61 {
        update(
            &mut app,
            super::app::Msg::Tick(t0 + Duration::seconds(5 * i)),
        );
    }
    let t = render(&app, 80, 24);
    let buf = t.backend().buffer();
    let row: String = (0..80).map(|x| buf[(x, 1)].symbol().to_string()).collect();
    assert!(row.contains("⚠ OVER TIJD +0:05"), "row: {row}");
    let x = row
        .find("OVER")
        .map(|b| row[..b].chars().count())
        .expect("word");
    let cell = &buf[(x as u16, 1)];
    assert!(cell.modifier.contains(Modifier::REVERSED));
    snap("meeting_over_time", &app);
}

/// A team without cases that ask for discussion draws an empty list (no panic).
#[test]
fn start_screen_without_signals() {
    let mut app = new_app();
    if let Some(t) = app.team_data_mut() {
        t.cases.clear();
    }
    let t = render(&app, 80, 24);
    assert!(t.backend().to_string().contains("(0)"));
}

/// Recorded entries are rows of their own; a selected decision, the question before removing
/// it, and its edit form.
#[test]
fn recorded_entries() {
    use super::update::tests::ctrl;
    let mut app = opened_app();
    at_case(&mut app);
    let rows = |app: &App| super::update::item_rows(app);
    let go = |app: &mut App, row: super::update::ItemRow| {
        while rows(app).get(app.views.item_row) != Some(&row) {
            press(app, KeyCode::Down);
        }
    };
    go(&mut app, super::update::ItemRow::Advice);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Betrek de school bij het plan");
    ctrl(&mut app, 's');
    go(&mut app, super::update::ItemRow::Decisions);
    for text in ["Gezinscoach inzetten", "Schuldhulp aanvragen"] {
        press(&mut app, KeyCode::Enter);
        typ(&mut app, text);
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Tab);
        typ(&mut app, "Zorg om de kinderen");
        ctrl(&mut app, 's');
    }
    go(&mut app, super::update::ItemRow::Actions);
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "Huisbezoek met de school");
    ctrl(&mut app, 's');
    for _ in 0..20 {
        press(&mut app, KeyCode::Up);
    }
    go(&mut app, super::update::ItemRow::DecisionEntry(1));
    snap("meeting_entries", &app);
    ch(&mut app, 'x');
    snap("confirm_remove_decision", &app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter);
    snap("edit_decision_form", &app);
}
