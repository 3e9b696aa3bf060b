//! Correcting what was recorded: every advice, decision and action is a row that opens its
//! own form pre-filled, `x` removes the selected one after a question, numbers are never
//! reused, and the next meeting date is changed on the close screen.

use crossterm::event::KeyCode;

use super::*;
use crate::domain::{ItemKind, RegieOutcome};
use crate::tui::app::{Screen, Status};
use crate::tui::popup::confirm::{Confirm, Entry};
use crate::tui::screen::meeting::{ItemRow, item_rows};

/// The date of the meeting in the fixture.
fn date() -> chrono::NaiveDate {
    d(2026, 3, 17)
}

/// Empties the focused text field (the forms start with the cursor at the end).
fn clear_field(app: &mut App) {
    for _ in 0..80 {
        press(app, KeyCode::Backspace);
    }
}

fn add_advice(app: &mut App, text: &str) {
    go_to(app, ItemRow::Advice);
    press(app, KeyCode::Enter);
    press(app, KeyCode::Tab);
    typ(app, text);
    ctrl(app, 's');
}

fn add_decision(app: &mut App, text: &str) {
    go_to(app, ItemRow::Decisions);
    press(app, KeyCode::Enter);
    typ(app, text);
    assert_eq!(ctrl(app, 's'), vec![Effect::SaveMeeting(date())]);
}

fn add_action(app: &mut App, text: &str) {
    go_to(app, ItemRow::Actions);
    press(app, KeyCode::Enter);
    typ(app, text);
    assert_eq!(ctrl(app, 's'), vec![Effect::SaveMeeting(date())]);
}

fn advice(app: &App, item: usize) -> Vec<(String, String)> {
    match &meeting(app).agenda[item].kind {
        ItemKind::Casus(d) => d
            .advice
            .iter()
            .map(|a| (a.by.clone(), a.text.clone()))
            .collect(),
        _ => vec![],
    }
}

#[test]
fn each_advice_is_a_row_to_edit_and_remove() {
    let (mut app, item) = at_case();
    add_advice(&mut app, "Betrek de school");
    add_advice(&mut app, "Bel de huisarts");
    let rows = item_rows(&app);
    assert!(rows.contains(&ItemRow::AdviceEntry(0)) && rows.contains(&ItemRow::AdviceEntry(1)));

    // Enter on the second advice opens it pre-filled; the edit replaces it in place.
    go_to(&mut app, ItemRow::AdviceEntry(1));
    press(&mut app, KeyCode::Enter);
    assert_eq!(form(&app).value(1), "Bel de huisarts");
    let by = form(&app).value(0).trim_start_matches("lid:").to_string();
    press(&mut app, KeyCode::Tab);
    clear_field(&mut app);
    typ(&mut app, "Bel de wijkverpleging");
    assert_eq!(ctrl(&mut app, 's'), vec![Effect::SaveMeeting(date())]);
    assert_eq!(
        advice(&app, item),
        vec![
            (by.clone(), "Betrek de school".into()),
            (by.clone(), "Bel de wijkverpleging".into())
        ]
    );

    // x on the first advice asks, Esc keeps it, Enter removes that one (not the last).
    go_to(&mut app, ItemRow::AdviceEntry(0));
    assert!(ch(&mut app, 'x').is_empty());
    assert!(matches!(
        app.popups.last(),
        Some(Popup::Confirm(Confirm::RemoveEntry {
            entry: Entry::Advice(0),
            ..
        }))
    ));
    press(&mut app, KeyCode::Esc);
    assert_eq!(advice(&app, item).len(), 2);
    ch(&mut app, 'x');
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![Effect::SaveMeeting(date())]
    );
    assert_eq!(
        advice(&app, item),
        vec![(by, "Bel de wijkverpleging".into())]
    );

    // x on the list heading removes nothing and says how.
    go_to(&mut app, ItemRow::Advice);
    assert!(ch(&mut app, 'x').is_empty());
    assert!(app.popups.is_empty());
    assert!(matches!(app.status, Some(Status::Info(_))));
    assert_eq!(advice(&app, item).len(), 1);
}

#[test]
fn an_edited_decision_keeps_its_number_and_a_removed_one_is_not_reused() {
    let (mut app, item) = at_case();
    // The fixture's besluitenlijst ends at 2026-004.
    for t in [
        "Gezinscoach inzetten",
        "Schuldhulp aanvragen",
        "Verkeerd besluit",
    ] {
        add_decision(&mut app, t);
    }
    let numbers = |app: &App| -> Vec<String> {
        meeting(app).agenda[item]
            .decisions
            .iter()
            .map(|d| d.number.clone())
            .collect()
    };
    assert_eq!(numbers(&app), ["2026-005", "2026-006", "2026-007"]);

    // Edit the first: every field pre-filled, the number in the title and unchanged.
    go_to(&mut app, ItemRow::DecisionEntry(0));
    press(&mut app, KeyCode::Enter);
    let f = form(&app);
    let title = f.kind.spec().title().to_string();
    assert!(title.contains("2026-005"), "{title}");
    assert_eq!(f.value(0), "Gezinscoach inzetten");
    assert_eq!(f.value(1), "lid:aozdemir");
    press(&mut app, KeyCode::End);
    typ(&mut app, " (12 weken)");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "4-ogen met Jan");
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "4-ogen");
    ctrl(&mut app, 's');
    let dec = &meeting(&app).agenda[item].decisions[0];
    assert_eq!(dec.number, "2026-005");
    assert_eq!(dec.text, "Gezinscoach inzetten (12 weken)");
    assert_eq!(dec.grounds, "4-ogen met Jan");
    assert_eq!(
        dec.consultation,
        Some(crate::domain::Consultation::VierOgen)
    );

    // Remove the middle one: a gap; remove the last one: its number is not given again.
    go_to(&mut app, ItemRow::DecisionEntry(1));
    ch(&mut app, 'x');
    press(&mut app, KeyCode::Enter);
    assert_eq!(numbers(&app), ["2026-005", "2026-007"]);
    go_to(&mut app, ItemRow::DecisionEntry(1));
    ch(&mut app, 'x');
    press(&mut app, KeyCode::Enter);
    assert_eq!(numbers(&app), ["2026-005"]);
    // The selection stays in the list: on the entry above the one removed.
    assert_eq!(
        item_rows(&app).get(app.views.item_row),
        Some(&ItemRow::DecisionEntry(0))
    );
    assert!(matches!(&app.status, Some(Status::Info(t)) if t.contains("2026-007")));
    add_decision(&mut app, "Nieuw besluit");
    assert_eq!(numbers(&app), ["2026-005", "2026-008"]);
    assert_eq!(meeting(&app).withdrawn_numbers, ["2026-006", "2026-007"]);
}

#[test]
fn an_action_is_edited_in_place_and_removed_by_selection() {
    let (mut app, item) = at_case();
    add_action(&mut app, "Huisbezoek");
    add_action(&mut app, "Bel de GI");
    let actions = |app: &App| meeting(app).agenda[item].actions.clone();
    assert_eq!(actions(&app)[1].number, "A2026-008");

    go_to(&mut app, ItemRow::ActionEntry(1));
    press(&mut app, KeyCode::Enter);
    assert_eq!(form(&app).value(0), "Bel de GI");
    assert_eq!(form(&app).value(2), "31-03-2026");
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Wendy");
    press(&mut app, KeyCode::Tab);
    clear_field(&mut app);
    // A due date before the meeting is refused with a Dutch message; the form stays open.
    typ(&mut app, "10-03-2026");
    assert!(ctrl(&mut app, 's').is_empty());
    assert_eq!(
        form(&app).error.as_deref(),
        Some("De deadline ligt vóór dit overleg.")
    );
    clear_field(&mut app);
    typ(&mut app, "07-04-2026");
    assert_eq!(ctrl(&mut app, 's'), vec![Effect::SaveMeeting(date())]);
    let a = &actions(&app)[1];
    assert_eq!(
        (a.number.as_str(), a.owner.as_str(), a.due),
        ("A2026-008", "wnguyen", d(2026, 4, 7))
    );
    assert_eq!(a.text, "Bel de GI");

    go_to(&mut app, ItemRow::ActionEntry(0));
    ch(&mut app, 'x');
    press(&mut app, KeyCode::Enter);
    let left: Vec<_> = actions(&app).into_iter().map(|a| a.number).collect();
    assert_eq!(left, ["A2026-008"]);
    add_action(&mut app, "Nog een");
    assert_eq!(actions(&app)[1].number, "A2026-009");
}

#[test]
fn the_regie_outcome_reopens_pre_filled_and_can_be_cleared() {
    let (mut app, item) = at_case();
    go_to(&mut app, ItemRow::Regie);
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "Wendy");
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "Wendy heeft ruimte");
    ctrl(&mut app, 's');
    let regie = |app: &App| match &meeting(app).agenda[item].kind {
        ItemKind::Casus(d) => d.regie.clone(),
        _ => None,
    };
    assert!(matches!(regie(&app), Some(RegieOutcome::Overgedragen(_))));

    press(&mut app, KeyCode::Enter);
    assert_eq!(
        form(&app).value(0),
        "lid:wnguyen",
        "the agreed outcome is shown"
    );
    assert_eq!(form(&app).value(1), "Wendy heeft ruimte");
    press(&mut app, KeyCode::Esc);

    ch(&mut app, 'x');
    assert_eq!(
        press(&mut app, KeyCode::Enter),
        vec![Effect::SaveMeeting(date())]
    );
    assert_eq!(regie(&app), None);
}

#[test]
fn the_next_meeting_date_is_changed_on_the_close_screen() {
    let (mut app, _) = at_case();
    ch(&mut app, 'S');
    assert_eq!(app.screen, Screen::Close);
    ch(&mut app, 'd');
    // From the rhythm: two weeks on.
    assert_eq!(form(&app).value(0), "31-03-2026");

    clear_field(&mut app);
    typ(&mut app, "31-02-2026");
    assert!(ctrl(&mut app, 's').is_empty());
    assert_eq!(
        form(&app).error.as_deref(),
        Some("februari 2026 heeft 28 dagen, geen 31.")
    );
    clear_field(&mut app);
    typ(&mut app, "16-03-2026");
    assert!(ctrl(&mut app, 's').is_empty());
    assert_eq!(
        form(&app).error.as_deref(),
        Some("Het volgende overleg moet na dit overleg liggen (16-03-2026 gekozen).")
    );
    assert_eq!(meeting(&app).next_meeting, None);

    clear_field(&mut app);
    typ(&mut app, "02-04-2026");
    assert_eq!(ctrl(&mut app, 's'), vec![Effect::SaveMeeting(date())]);
    assert!(app.popups.is_empty());
    assert_eq!(meeting(&app).next_meeting, Some(d(2026, 4, 2)));

    // Closing keeps the chosen date, and the next agenda is prepared for it.
    press(&mut app, KeyCode::Enter);
    let fx = press(&mut app, KeyCode::Enter);
    let _tmp = on_disk(&mut app, fx);
    assert_eq!(app.screen, Screen::Start);
    let closed = app.team_data().and_then(|t| t.meeting(date()));
    assert_eq!(closed.and_then(|m| m.next_meeting), Some(d(2026, 4, 2)));
    ch(&mut app, 'a');
    assert_eq!(app.meeting, Some(d(2026, 4, 2)));
}
