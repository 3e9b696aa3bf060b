//! The search popup, caseload screen and case card driven by keys on the hand-built team, and
//! drawn into a `TestBackend` at 80×24 and 160×48 (insta snapshots).

use crossterm::event::KeyCode;

use super::*;
use crate::search::HitKind;
use crate::testdata;
use crate::tui::app::Screen;
use crate::tui::popup::search::SearchPopup;

fn app() -> App {
    let now = testdata::today().and_hms_opt(9, 0, 0).unwrap_or_default();
    App::new(testdata::workspace(), Lang::Nl, now)
}

fn search_popup(app: &App) -> &SearchPopup {
    match app.popups.last() {
        Some(Popup::Search(p)) => p,
        other => panic!("expected the search popup, got {other:?}"),
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

/// The names in the member table, in order.
fn member_names(app: &App) -> Vec<String> {
    app.caseload()
        .expect("a team")
        .members
        .into_iter()
        .map(|m| m.name)
        .collect()
}

#[test]
fn caseload_keys_change_the_order_and_filter_the_members() {
    use crate::caseload::{LoadBand, SortKey};
    let mut app = app();
    ch(&mut app, 'l');
    let by_name = member_names(&app);
    let mut sorted = by_name.clone();
    sorted.sort();
    assert_eq!(by_name, sorted);
    // s: by load (Sanne Bakker is above the norm), then by overdue actions, then by name.
    ch(&mut app, 's');
    assert_eq!(app.views.caseload_view.sort, SortKey::Load);
    assert_eq!(member_names(&app)[0], "Sanne Bakker");
    ch(&mut app, 's');
    assert_eq!(app.views.caseload_view.sort, SortKey::Overdue);
    ch(&mut app, 's');
    assert_eq!(member_names(&app), by_name);
    // r: one role at a time, then everyone again.
    ch(&mut app, 'r');
    let role = app.views.caseload_view.role.expect("a role filter");
    let t = app.caseload().expect("a team");
    assert!(!t.members.is_empty() && t.members.len() < by_name.len());
    assert!(t.members.iter().all(|m| m.roles.contains(&role)));
    let mut seen = vec![role];
    while let Some(r) = {
        ch(&mut app, 'r');
        app.views.caseload_view.role
    } {
        assert!(!seen.contains(&r), "{r:?} twice");
        seen.push(r);
    }
    assert_eq!(member_names(&app), by_name);
    // b: only members above the norm; the totals still cover the whole team.
    ch(&mut app, 'b');
    let t = app.caseload().expect("a team");
    assert_eq!(member_names(&app), vec!["Sanne Bakker".to_string()]);
    assert!(t.members.iter().all(|m| m.band == LoadBand::BovenNorm));
    assert_eq!(t.totals.open_cases, 6);
    snap("caseload_above_norm", &app);
    // A member found by search is shown even when the filters would hide them.
    ch(&mut app, '/');
    typ(&mut app, "yilmaz");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Caseload);
    let names = member_names(&app);
    assert_eq!(
        names.get(app.views.caseload).map(String::as_str),
        Some("Ayşe Yılmaz")
    );
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
    let t = render(&app, 160, 48);
    let buf = t.backend().buffer();
    let emphasised: String = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(Modifier::BOLD | Modifier::UNDERLINED))
        .map(|c| c.symbol())
        .collect();
    assert_eq!(emphasised, "Şahin");
}

#[test]
fn the_index_is_kept_between_searches_and_rebuilt_after_a_change() {
    let mut app = app();
    ch(&mut app, '/');
    let first = app.search.index.clone().expect("index after /");
    press(&mut app, KeyCode::Esc);
    ch(&mut app, '/');
    let again = app.search.index.clone().expect("index after second /");
    assert!(
        std::sync::Arc::ptr_eq(&first, &again),
        "rebuilt without a change"
    );
    press(&mut app, KeyCode::Esc);
    // A change to the team's data is seen by the next `/`, which builds the index anew.
    let case = app
        .team_data_mut()
        .and_then(|t| t.cases.first_mut())
        .expect("a case");
    case.pseudonym = "Zwaluwstaart".into();
    ch(&mut app, '/');
    typ(&mut app, "zwaluw");
    assert_eq!(search_popup(&app).results.total, 1);
    let rebuilt = app.search.index.clone().expect("index");
    assert!(!std::sync::Arc::ptr_eq(&first, &rebuilt));
}
