//! A planned meeting whose date has passed is shown with a warning and moved or cancelled,
//! never silently replaced by a new agenda; Ctrl-Z hands the terminal back.

use crossterm::event::KeyCode;

use super::*;
use crate::domain::MeetingState;
use crate::tui::app::Screen;

/// The prepared meeting of 17-03 seen a week later, when it was never opened.
fn a_week_late() -> App {
    let mut app = prepared_app();
    press(&mut app, KeyCode::Esc);
    let ws = app.workspace.clone();
    App::new(
        ws,
        Lang::Nl,
        d(2026, 3, 24).and_hms_opt(9, 0, 0).expect("time"),
    )
}

#[test]
fn the_start_screen_warns_and_the_agenda_moves_with_the_meeting() {
    let mut app = a_week_late();
    assert_eq!(app.screen, Screen::Start);
    let text = screen_text(&app, 120, 36);
    assert!(
        text.contains("Overleg 17-03-2026 niet gehouden (6 punten)"),
        "{text}"
    );
    snap("start_overdue_planned", &app);
    // Preparing does not start an empty agenda: it offers to move the prepared one.
    assert!(ch(&mut app, 'a').is_empty());
    assert_eq!(
        app.team_data().map(|t| t.meetings.len()),
        Some(2),
        "no new meeting made"
    );
    assert_eq!(
        form(&app).value(0),
        "31-03-2026",
        "the next date of the rhythm"
    );
    for _ in 0..12 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "20-03-2026");
    assert!(ctrl(&mut app, 's').is_empty());
    assert!(
        form(&app)
            .error
            .as_deref()
            .unwrap_or("")
            .contains("voorbij")
    );
    for _ in 0..12 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "26-3");
    let fx = ctrl(&mut app, 's');
    assert_eq!(
        fx,
        vec![Effect::MoveMeeting {
            from: d(2026, 3, 17),
            to: d(2026, 3, 26)
        }]
    );
    let team = app.team_data().expect("team");
    assert!(team.meeting(d(2026, 3, 17)).is_none());
    let moved = team.meeting(d(2026, 3, 26)).expect("moved");
    assert_eq!(moved.agenda.len(), 6, "the prepared agenda came along");
    assert!(!screen_text(&app, 120, 36).contains("niet gehouden"));
}

#[test]
fn an_overdue_meeting_can_be_cancelled_with_a_reason() {
    let mut app = a_week_late();
    ch(&mut app, 'X');
    assert!(ctrl(&mut app, 's').is_empty(), "a reason is needed");
    typ(&mut app, "Teamdag");
    assert_eq!(
        ctrl(&mut app, 's'),
        vec![Effect::SaveMeeting(d(2026, 3, 17))]
    );
    let m = app
        .team_data()
        .and_then(|t| t.meeting(d(2026, 3, 17)))
        .expect("kept");
    assert_eq!(m.state, MeetingState::Geannuleerd);
    // Now preparing starts the next meeting.
    let fx = ch(&mut app, 'a');
    assert_eq!(app.screen, Screen::Agenda);
    assert_eq!(fx, vec![Effect::SaveMeeting(d(2026, 3, 31))]);
}

#[test]
fn moving_writes_the_new_file_and_removes_the_old_one_unless_it_was_edited() {
    let tmp = tempfile::tempdir().expect("tmp");
    crate::session::fixture::write_team_folder(tmp.path()).expect("folder");
    let out = crate::storage::load_workspace(tmp.path());
    let mut app = App::new(out.workspace, Lang::Nl, start_time());
    crate::tui::effects::execute(&mut app, &Effect::Fingerprint(0));
    ch(&mut app, 'a');
    crate::tui::runtime::carry_out(&mut app, vec![Effect::SaveMeeting(d(2026, 3, 17))]);
    let old = crate::storage::meeting_path(tmp.path(), d(2026, 3, 17));
    assert!(old.exists());
    let mut late = App::new(
        app.workspace.clone(),
        Lang::Nl,
        d(2026, 3, 24).and_hms_opt(9, 0, 0).expect("t"),
    );
    late.seen = app.seen.clone();
    late.watched = app.watched.clone();
    ch(&mut late, 'v');
    let fx = ctrl(&mut late, 's');
    crate::tui::runtime::carry_out(&mut late, fx);
    assert!(!old.exists(), "the old file is gone");
    let new = crate::storage::meeting_path(tmp.path(), d(2026, 3, 31));
    assert!(new.exists());
    let reloaded = crate::storage::load_workspace(tmp.path());
    assert!(reloaded.problems.is_empty(), "{:?}", reloaded.problems);
    assert!(
        reloaded.workspace.teams[0]
            .meeting(d(2026, 3, 31))
            .is_some()
    );
}

#[test]
fn ctrl_z_saves_typed_text_and_hands_the_terminal_back() {
    let (mut app, _) = at_case();
    ch(&mut app, 'f');
    press(&mut app, KeyCode::Esc);
    let fx = update(
        &mut app,
        Msg::Key(crossterm::event::KeyEvent::new(
            KeyCode::Char('z'),
            crossterm::event::KeyModifiers::CONTROL,
        )),
    );
    if cfg!(unix) {
        assert_eq!(fx.last(), Some(&Effect::Suspend));
    } else {
        assert!(fx.is_empty());
    }
}
