//! The search popup, caseload screen and case card driven by keys on the hand-built team, and
//! drawn into a `TestBackend` at 80×24 and 160×48 (insta snapshots).

use crossterm::event::KeyCode;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::i18n::Lang;
use crate::search::HitKind;
use crate::testdata;
use crate::tui::app::{App, Popup, Screen};
use crate::tui::update::tests::{ch, press, typ};
use crate::tui::view::draw;

fn app() -> App {
    let now = testdata::today().and_hms_opt(9, 0, 0).unwrap_or_default();
    App::new(testdata::workspace(), Lang::Nl, now)
}

fn search_popup(app: &App) -> &super::SearchPopup {
    match app.popups.last() {
        Some(Popup::Search(p)) => p,
        other => panic!("expected the search popup, got {other:?}"),
    }
}

fn snap(name: &str, app: &App) {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut t = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
        t.draw(|f| draw(f, app)).expect("draw");
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), t.backend().to_string());
    }
}

#[test]
fn slash_then_ozdemir_opens_the_household_card() {
    let mut app = app();
    assert_eq!(app.screen, Screen::Start);
    ch(&mut app, '/');
    typ(&mut app, "ozdemir");
    let p = search_popup(&app);
    assert_eq!(p.query, "ozdemir");
    let first = &p.results.hits[0];
    assert_eq!(first.kind, HitKind::Case);
    assert_eq!(first.location.case.as_deref(), Some("2026-0001"));
    press(&mut app, KeyCode::Enter);
    assert!(app.popups.is_empty());
    assert_eq!(app.screen, Screen::CaseCard);
    assert_eq!(app.views.card, Some((0, "2026-0001".to_string())));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Start);
}

#[test]
fn letters_typed_in_search_are_text_not_commands() {
    let mut app = app();
    ch(&mut app, '/');
    typ(&mut app, "ql?");
    assert!(!app.quit);
    assert_eq!(search_popup(&app).query, "ql?");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(search_popup(&app).query, "ql");
    press(&mut app, KeyCode::Esc);
    assert!(app.popups.is_empty());
    assert_eq!(app.screen, Screen::Start);
}

#[test]
fn a_member_hit_opens_the_caseload_on_that_member() {
    let mut app = app();
    ch(&mut app, '/');
    typ(&mut app, "yilmaz");
    assert_eq!(search_popup(&app).results.hits[0].kind, HitKind::Member);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Caseload);
    // Members by name: Ayşe Yılmaz is the first.
    assert_eq!(app.views.caseload, 0);
}

#[test]
fn caseload_screen_opens_a_case_without_regisseur() {
    let mut app = app();
    ch(&mut app, 'l');
    assert_eq!(app.screen, Screen::Caseload);
    // Four members, then the one case without a regisseur.
    for _ in 0..10 {
        press(&mut app, KeyCode::Down);
    }
    assert_eq!(app.views.caseload, 4);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::CaseCard);
    assert_eq!(app.views.card, Some((0, "2026-0003".to_string())));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Caseload);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Start);
}

#[test]
fn snapshots_of_search_caseload_and_card() {
    let mut app = app();
    ch(&mut app, '/');
    typ(&mut app, "ozdemir");
    snap("search_ozdemir", &app);
    press(&mut app, KeyCode::Enter);
    snap("case_card", &app);
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'l');
    snap("caseload", &app);
}

#[test]
fn matched_letters_are_emphasised_without_relying_on_colour() {
    use ratatui::style::Modifier;
    let mut app = app();
    ch(&mut app, '/');
    typ(&mut app, "sahin");
    let mut t = Terminal::new(TestBackend::new(160, 48)).expect("test terminal");
    t.draw(|f| draw(f, &app)).expect("draw");
    let buf = t.backend().buffer();
    let emphasised: String = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::BOLD | Modifier::UNDERLINED))
        .map(|c| c.symbol())
        .collect();
    assert_eq!(emphasised, "Şahin");
}
