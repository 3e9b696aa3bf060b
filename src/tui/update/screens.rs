//! Keys of the screens around the meeting: team picker, start, agenda preparation, close.

use super::forms;
use super::{App, Effect, Popup, Screen, T, tr};
use crate::domain::{ItemKind, MeetingState};
use crate::session;
use crate::tui::app::Confirm;
use crate::tui::keymap::Action;
use crate::tui::picker::{Choice, Picker};

pub(super) fn on_action(app: &mut App, action: Action) -> Vec<Effect> {
    match app.screen {
        Screen::TeamPicker => team_picker(app, action),
        Screen::Start => start(app, action),
        Screen::Agenda => agenda(app, action),
        Screen::Close => close(app, action),
        Screen::Meeting | Screen::Caseload | Screen::CaseCard => vec![],
    }
}

fn team_picker(app: &mut App, action: Action) -> Vec<Effect> {
    let n = app.workspace.teams.len();
    match action {
        Action::Up => app.views.team_picker = app.views.team_picker.saturating_sub(1),
        Action::Down if app.views.team_picker + 1 < n => app.views.team_picker += 1,
        Action::Select => app.choose_team(app.views.team_picker),
        _ => {}
    }
    vec![]
}

/// Codes of the cases on the start screen, in display order.
pub fn signalled_codes(app: &App) -> Vec<String> {
    app.team_data()
        .map(|t| {
            crate::domain::signals::cases_needing_discussion(t, app.today, Default::default())
                .into_iter()
                .map(|a| a.case.code.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// The last closed meeting, if it may still be reopened today.
pub fn can_reopen(app: &App) -> bool {
    let Some(team) = app.team_data() else {
        return false;
    };
    let Some(last) = team.last_closed_meeting() else {
        return false;
    };
    let Some(i) = team.meetings.iter().position(|m| m.date == last.date) else {
        return false;
    };
    let mut copy = team.meetings.clone();
    session::reopen_meeting(&mut copy, i, app.today).is_ok()
}

/// Finds or creates the meeting to prepare; returns the effects of creating it.
pub(super) fn ensure_meeting(app: &mut App) -> Vec<Effect> {
    let today = app.today;
    let Some(team) = app.team_data_mut() else {
        return vec![];
    };
    if let Some(i) = session::current_meeting(team, today) {
        app.meeting = Some(team.meetings[i].date);
        return vec![];
    }
    let mut date = session::planned_meeting_date(team, today);
    while team.meeting(date).is_some() {
        date = team.team.rhythm.next_after(date);
    }
    let prev = session::previous_meeting(&team.meetings, date);
    let meeting = session::new_meeting(&team.team, date, prev);
    let at = team.meetings.partition_point(|m| m.date < date);
    team.meetings.insert(at, meeting);
    app.meeting = Some(date);
    vec![Effect::SaveMeeting(date)]
}

fn start(app: &mut App, action: Action) -> Vec<Effect> {
    let n = signalled_codes(app).len();
    match action {
        Action::Up => app.views.start = app.views.start.saturating_sub(1),
        Action::Down if app.views.start + 1 < n => app.views.start += 1,
        Action::Prepare => {
            let fx = ensure_meeting(app);
            let running = app
                .current_meeting()
                .is_some_and(|m| m.state == MeetingState::Geopend);
            app.screen = if running {
                Screen::Meeting
            } else {
                Screen::Agenda
            };
            return fx;
        }
        Action::AddSignalled => {
            let Some(code) = signalled_codes(app).get(app.views.start).cloned() else {
                return vec![];
            };
            let fx = ensure_meeting(app);
            if app
                .current_meeting()
                .is_some_and(|m| m.state == MeetingState::Gesloten)
            {
                return fx;
            }
            app.screen = Screen::Agenda;
            if let Some(form) = forms::add_case_form(app, &code) {
                app.popups.push(Popup::Form(Box::new(form)));
            }
            return fx;
        }
        Action::Reopen => app.popups.push(Popup::Confirm(Confirm::Reopen)),
        Action::SwitchTeam => {
            app.screen = Screen::TeamPicker;
            app.meeting = None;
        }
        _ => {}
    }
    vec![]
}

/// Options for the case picker: open cases of the team.
pub(super) fn case_choices(app: &App) -> Vec<Choice> {
    let Some(team) = app.team_data() else {
        return vec![];
    };
    team.cases
        .iter()
        .filter(|c| c.is_open())
        .map(|c| {
            let coach = c
                .coach
                .as_deref()
                .map(|id| team.team.member_name(id))
                .unwrap_or("—");
            Choice::new(
                c.code.clone(),
                format!("{}  {}  ({coach})", c.code, c.pseudonym),
            )
        })
        .collect()
}

/// The kinds of non-case items, for the kind picker.
pub(super) fn kind_choices(app: &App) -> Vec<Choice> {
    [
        ("mededelingen", T::KindMededelingen),
        ("organisatorisch", T::KindOrganisatorisch),
        ("verdeling", T::KindVerdeling),
        ("rondvraag", T::KindRondvraag),
    ]
    .into_iter()
    .map(|(k, t)| Choice::new(k, tr(app, t)))
    .collect()
}

/// The item kind for a kind key from [`kind_choices`].
pub(super) fn kind_from_key(key: &str) -> ItemKind {
    match key {
        "organisatorisch" => ItemKind::Organisatorisch,
        "verdeling" => ItemKind::Verdeling,
        "rondvraag" => ItemKind::Rondvraag,
        _ => ItemKind::Mededelingen,
    }
}

fn agenda(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(len) = app.current_meeting().map(|m| m.agenda.len()) else {
        app.screen = Screen::Start;
        return vec![];
    };
    let sel = app.views.agenda.min(len.saturating_sub(1));
    let date = app.meeting;
    let save = || {
        date.map(Effect::SaveMeeting)
            .into_iter()
            .collect::<Vec<_>>()
    };
    match action {
        Action::Up => app.views.agenda = sel.saturating_sub(1),
        Action::Down => app.views.agenda = (sel + 1).min(len.saturating_sub(1)),
        Action::AddCase => {
            app.popups
                .push(Popup::CasePicker(Picker::new(case_choices(app))));
        }
        Action::AddItem => app
            .popups
            .push(Popup::KindPicker(Picker::new(kind_choices(app)))),
        Action::Select => {
            if let Some(form) = forms::edit_case_form(app, sel) {
                app.popups.push(Popup::Form(Box::new(form)));
            }
        }
        Action::MoveUp | Action::MoveDown => {
            let delta = if action == Action::MoveUp { -1 } else { 1 };
            if let Some(m) = app.current_meeting_mut() {
                match session::move_item(m, sel, delta) {
                    Ok(new) => {
                        app.views.agenda = new;
                        return save();
                    }
                    Err(e) => app.error(e.to_string()),
                }
            }
        }
        Action::LongerTime | Action::ShorterTime => {
            let delta = if action == Action::LongerTime { 5 } else { -5 };
            if let Some(m) = app.current_meeting_mut()
                && session::adjust_time_box(m, sel, delta).is_ok()
            {
                return save();
            }
        }
        Action::Remove if len > 0 => app.popups.push(Popup::Confirm(Confirm::RemoveItem(sel))),
        Action::OpenMeeting => {
            let state = app.current_meeting().map(|m| m.state);
            if state == Some(MeetingState::Geopend) {
                app.screen = Screen::Meeting;
            } else {
                app.popups.push(Popup::Confirm(Confirm::OpenMeeting));
            }
        }
        Action::Back => {
            let running = app
                .current_meeting()
                .is_some_and(|m| m.state == MeetingState::Geopend);
            app.screen = if running {
                Screen::Meeting
            } else {
                Screen::Start
            };
        }
        _ => {}
    }
    vec![]
}

fn close(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Select => app.popups.push(Popup::Confirm(Confirm::CloseMeeting)),
        Action::Up => app.views.close_scroll = app.views.close_scroll.saturating_sub(1),
        Action::Down => app.views.close_scroll = app.views.close_scroll.saturating_add(1),
        Action::Back => app.screen = Screen::Meeting,
        Action::NextMeetingDate => {
            if let Some(form) = super::entries::next_meeting_form(app) {
                app.popups.push(Popup::Form(Box::new(form)));
            }
        }
        _ => {}
    }
    vec![]
}
