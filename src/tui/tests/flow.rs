//! The whole flow through `update`: prepare, open, review, walk a case, close, reopen.

use chrono::Duration;
use crossterm::event::KeyCode;

use super::*;
use crate::domain::{
    CheckAnswer, ItemKind, MeetingState, MinutesStatus, Presence, RegieCheckPoint, RegieOutcome,
    Regisseur, ReviewOutcome,
};
use crate::tui::app::{Screen, Status};
use crate::tui::keymap::Action;
use crate::tui::msg::Export;
use crate::tui::popup::choose::Choose;
use crate::tui::popup::confirm::Confirm;
use crate::tui::screen;

fn item_kind(app: &App, i: usize) -> ItemKind {
    meeting(app).agenda[i].kind.clone()
}

#[test]
fn preparing_the_agenda() {
    let mut app = prepared_app();
    let m = meeting(&app);
    assert_eq!(m.agenda.len(), 6);
    assert_eq!(
        m.previous_minutes.as_ref().map(|p| p.date),
        Some(d(2026, 3, 3))
    );
    let ItemKind::Casus(disc) = item_kind(&app, 3) else {
        panic!("case at 3");
    };
    assert_eq!(disc.case, "2026-0011");
    assert_eq!(
        disc.inbrenger, "aozdemir",
        "first member when the case has no coach"
    );
    assert_eq!(disc.question, "Wie pakt de regie op?");
    assert_eq!(item_kind(&app, 4), ItemKind::Mededelingen);
    assert_eq!(app.views.agenda, 4);
    ch(&mut app, 'K');
    assert_eq!(item_kind(&app, 3), ItemKind::Mededelingen);
    ch(&mut app, '>');
    assert_eq!(meeting(&app).agenda[3].time_box_minutes, 15);
    ch(&mut app, 'x');
    press(&mut app, KeyCode::Esc);
    assert_eq!(meeting(&app).agenda.len(), 6, "Esc cancels the removal");
    // Edit the title of a non-case item.
    press(&mut app, KeyCode::Enter);
    typ(&mut app, ": nieuwe collega");
    ctrl(&mut app, 's');
    assert_eq!(
        meeting(&app).agenda[3].title,
        "Mededelingen: nieuwe collega"
    );
}

#[test]
fn a_bad_time_box_keeps_the_form_open_with_a_message() {
    let mut app = new_app();
    ch(&mut app, 'a');
    ch(&mut app, 'i');
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "9999");
    let fx = ctrl(&mut app, 's');
    assert!(fx.is_empty());
    assert!(form(&app).error.is_some());
}

#[test]
fn the_whole_meeting() {
    let mut app = opened_app();
    assert_eq!(meeting(&app).state, MeetingState::Geopend);
    assert_eq!(app.current_item(), Some(0));

    // Opening: voorzitter, a member excused, a guest.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Enter);
    assert_eq!(meeting(&app).voorzitter.as_deref(), Some("aozdemir"));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "bak");
    press(&mut app, KeyCode::Enter);
    assert_eq!(meeting(&app).notulist.as_deref(), Some("sbakker"));
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(
        meeting(&app).presence("jdevries"),
        Some(Presence::AfwezigMetKennisgeving)
    );
    ch(&mut app, 'g');
    typ(&mut app, "Fenna Ünal");
    ctrl(&mut app, 's');
    assert_eq!(meeting(&app).guests[0].name, "Fenna Ünal");
    assert_eq!(meeting(&app).guests[0].role, "ervaringsdeskundige");

    // Previous minutes: concept → vastgesteld, both meetings saved.
    ch(&mut app, 'n');
    assert_eq!(app.current_item(), Some(1));
    assert!(meeting(&app).agenda[0].done);
    let fx = press(&mut app, KeyCode::Enter);
    assert!(fx.contains(&Effect::SaveMeeting(d(2026, 3, 3))));
    let prev = app
        .team_data()
        .and_then(|t| t.meeting(d(2026, 3, 3)))
        .expect("prev");
    assert_eq!(prev.minutes_status, MinutesStatus::Vastgesteld);

    // Action review: postpone the open action.
    ch(&mut app, 'n');
    ch(&mut app, 's');
    ctrl(&mut app, 's');
    assert_eq!(
        crate::session::review_of(meeting(&app), "A2026-006"),
        Some(&ReviewOutcome::Doorgeschoven(d(2026, 3, 31)))
    );

    // To the case.
    ch(&mut app, 'n');
    let case_item = app.current_item().expect("item");
    assert!(matches!(item_kind(&app, case_item), ItemKind::Casus(_)));
    // The facts of the case head the pane; the cursor starts on the question below them.
    let rows = crate::tui::screen::meeting::item_rows(&app);
    assert_eq!(rows[0], crate::tui::screen::meeting::ItemRow::Facts);
    assert_eq!(
        rows[app.views.item_row],
        crate::tui::screen::meeting::ItemRow::Text(crate::tui::form::small::TextTarget::Question(
            case_item
        ))
    );

    // Clock: ticks count on the current item.
    update(&mut app, Msg::Tick(start_time()));
    update(&mut app, Msg::Tick(start_time() + Duration::seconds(3)));
    assert_eq!(meeting(&app).agenda[case_item].elapsed_seconds, 3);

    // Clarifying notes are written through at every key, and saved when the form closes.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    let fx = typ(&mut app, "Oma q");
    assert!(fx.is_empty(), "no save at every key: {fx:?}");
    assert!(app.unsaved.is_some());
    assert!(!app.quit, "q is text inside a form");
    assert_eq!(
        press(&mut app, KeyCode::Esc),
        vec![Effect::SaveMeeting(d(2026, 3, 17))]
    );
    let disc = |app: &App| match item_kind(app, case_item) {
        ItemKind::Casus(d) => d,
        _ => panic!("case"),
    };
    assert_eq!(disc(&app).clarifying_notes, "Oma q");

    // Advice.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Betrek de school");
    ctrl(&mut app, 's');
    assert_eq!(disc(&app).advice[0].text, "Betrek de school");

    // Decision, numbered on from 2026-004 (past the advice just given, a row of its own).
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "Gezinscoach inzetten");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Zorg om de kinderen");
    ctrl(&mut app, 's');
    let dec = &meeting(&app).agenda[case_item].decisions[0];
    assert_eq!(dec.number, "2026-005");
    assert_eq!(dec.decided_by, "aozdemir");

    // Regie: keeping "nobody" is refused with a warning; hand over to Wendy.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    ctrl(&mut app, 's');
    assert!(matches!(app.status, Some(Status::Error(_))));
    assert_eq!(disc(&app).regie, None);
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "Wendy");
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "Wendy heeft ruimte");
    ctrl(&mut app, 's');
    let Some(RegieOutcome::Overgedragen(h)) = disc(&app).regie else {
        panic!("hand-over");
    };
    assert_eq!(h.to, Regisseur::Lid("wnguyen".into()));

    // Action.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "Huisbezoek met Wendy");
    ctrl(&mut app, 's');
    let act = &meeting(&app).agenda[case_item].actions[0];
    assert_eq!(act.number, "A2026-007");
    assert_eq!(act.owner, "aozdemir");
    assert_eq!(act.due, d(2026, 3, 31));

    // Regie check: three answers and a skip of the whole check is possible.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    ch(&mut app, 'y');
    ch(&mut app, 'N');
    ch(&mut app, '0');
    ch(&mut app, '-');
    typ(&mut app, "Geen zicht op betrokkenen");
    ctrl(&mut app, 's');
    assert!(matches!(app.popups.last(), Some(Popup::RegieCheck(_))));
    press(&mut app, KeyCode::Esc);
    let check = disc(&app).regie_check.expect("check");
    assert_eq!(check.answers.len(), 4);
    assert_eq!(
        crate::session::check_answer(&disc(&app), RegieCheckPoint::BetrokkenenKennenElkaar),
        Some(&CheckAnswer::Overgeslagen(
            "Geen zicht op betrokkenen".into()
        ))
    );
    assert_eq!(
        crate::session::check_answer(&disc(&app), RegieCheckPoint::PlanMetDoelen),
        Some(&CheckAnswer::Nee)
    );

    // Next evaluation.
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "01-06-2026");
    ctrl(&mut app, 's');
    assert_eq!(disc(&app).next_evaluation, Some(d(2026, 6, 1)));

    // Close: summary, confirm; one change set writes the cases, the minutes and the meeting.
    ch(&mut app, 'S');
    assert_eq!(app.screen, Screen::Close);
    press(&mut app, KeyCode::Enter);
    let fx = press(&mut app, KeyCode::Enter);
    assert_eq!(fx, vec![Effect::Close(d(2026, 3, 17))]);
    assert_eq!(
        meeting(&app).state,
        MeetingState::Geopend,
        "nothing closed before it is on disk"
    );
    let tmp = on_disk(&mut app, fx);
    assert_eq!(app.screen, Screen::Start);
    assert!(tmp.path().join("minutes/2026-03-17-notulen.md").exists());
    assert!(
        matches!(&app.status, Some(Status::Info(t)) if t.contains("minutes/2026-03-17-notulen.md"))
    );
    let team = app.team_data().expect("team");
    let case = team.case("2026-0011").expect("case");
    assert_eq!(case.regisseur, Some(Regisseur::Lid("wnguyen".into())));
    assert_eq!(case.regie_history.len(), 1);
    assert_eq!(case.next_evaluation, Some(d(2026, 6, 1)));
    let m = team.meeting(d(2026, 3, 17)).expect("meeting");
    assert_eq!(m.state, MeetingState::Gesloten);
    assert_eq!(m.next_meeting, Some(d(2026, 3, 31)));

    // Reopen (before the next meeting date).
    assert!(screen::actions(&app).contains(&Action::Reopen));
    ch(&mut app, 'R');
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.screen, Screen::Meeting);
    assert_eq!(meeting(&app).state, MeetingState::Geopend);
}

#[test]
fn a_running_meeting_resumes_at_its_item() {
    let mut app = opened_app();
    ch(&mut app, 'n');
    ch(&mut app, 'n');
    let mut ws = app.workspace.clone();
    // In a municipality folder the team with the running meeting is opened directly.
    let mut other = ws.teams[0].clone();
    other.team.id = "ander".into();
    other.meetings.retain(|m| m.state != MeetingState::Geopend);
    ws.teams.insert(0, other);
    let resumed = App::new(ws, Lang::Nl, start_time());
    assert_eq!(resumed.team, Some(1));
    assert_eq!(resumed.screen, Screen::Meeting);
    assert_eq!(resumed.current_item(), Some(2));
    assert!(matches!(resumed.status, Some(Status::Info(_))));
}

#[test]
fn quitting_a_running_meeting_asks_and_force_quit_saves() {
    let mut app = opened_app();
    let fx = ch(&mut app, 'q');
    assert!(fx.is_empty());
    assert!(matches!(
        app.popups.last(),
        Some(Popup::Confirm(Confirm::Quit))
    ));
    press(&mut app, KeyCode::Esc);
    assert!(!app.quit);
    let fx = ctrl(&mut app, 'c');
    assert!(app.quit);
    assert_eq!(fx, vec![Effect::SaveMeeting(d(2026, 3, 17)), Effect::Quit]);
}

#[test]
fn a_failed_save_is_shown_and_the_meeting_goes_on() {
    let mut app = opened_app();
    update(&mut app, Msg::Failed("schijf vol".into()));
    assert_eq!(app.status, Some(Status::Error("schijf vol".into())));
    ch(&mut app, 'n');
    assert_eq!(app.current_item(), Some(1));
}

#[test]
fn help_opens_and_closes() {
    let mut app = new_app();
    ch(&mut app, '?');
    assert!(matches!(app.popups.last(), Some(Popup::Help(_))));
    press(&mut app, KeyCode::Esc);
    assert!(app.popups.is_empty());
}

#[test]
fn minutes_of_the_last_closed_meeting_are_chosen_from_the_start_screen() {
    let mut app = new_app();
    assert_eq!(app.screen, Screen::Start);
    let last = app
        .team_data()
        .and_then(|t| t.last_closed_meeting())
        .map(|m| m.date)
        .expect("the fixture has a closed meeting");
    assert!(screen::actions(&app).contains(&Action::Minutes));
    assert!(ch(&mut app, 'm').is_empty());
    assert!(matches!(
        app.popups.last(),
        Some(Popup::Choose(Choose::Export { date, .. })) if *date == last
    ));
    // Narrow the list by typing, as in every picker.
    typ(&mut app, "word deel");
    let effects = press(&mut app, KeyCode::Enter);
    assert_eq!(
        effects,
        vec![Effect::ExportMinutes(
            last,
            Export::Minutes(
                crate::minutes::Format::Docx,
                crate::minutes::Profile::Deelbaar
            )
        )]
    );
    assert!(app.popups.is_empty());

    // Esc closes the popup without writing anything.
    ch(&mut app, 'm');
    assert!(press(&mut app, KeyCode::Esc).is_empty());
    assert!(app.popups.is_empty());
}

#[test]
fn minutes_can_be_written_during_the_meeting_but_not_while_preparing() {
    let mut app = prepared_app();
    assert_eq!(app.screen, Screen::Agenda);
    assert!(!screen::actions(&app).contains(&Action::Minutes));
    assert!(ch(&mut app, 'm').is_empty());
    assert!(app.popups.is_empty());

    let mut app = opened_app();
    assert_eq!(app.screen, Screen::Meeting);
    let date = app.current_meeting().map(|m| m.date).expect("meeting");
    ch(&mut app, 'm');
    assert!(matches!(
        app.popups.last(),
        Some(Popup::Choose(Choose::Export { date: d, .. })) if *d == date
    ));
}
