//! The one place where state changes: `update(&mut App, Msg) -> Vec<Effect>`. Keys are routed
//! force-quit → popup → screen → global; typing only happens inside a form popup.

mod entries;
mod forms;
mod meeting;
mod popup;
mod screens;

use chrono::NaiveDateTime;
use crossterm::event::{KeyEvent, KeyEventKind};

use super::app::{App, Confirm, Effect, Msg, Popup, Screen, Status};
use super::keymap::Action;
use crate::domain::MeetingState;
use crate::i18n::tui::T;

pub use forms::text_form;
pub use meeting::{ItemRow, item_rows};

/// Applies one message; returns the work for the loop.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Tick(now) => tick(app, now),
        Msg::Failed(text) => {
            app.status = Some(Status::Error(text));
            vec![]
        }
        Msg::Done(text) => {
            if let Some(t) = text {
                app.info(t);
            }
            vec![]
        }
        Msg::Key(key) if key.kind != KeyEventKind::Release => on_key(app, key),
        Msg::Key(_) => vec![],
        Msg::Terminate => {
            app.quit = true;
            save_and_quit(app)
        }
        Msg::TookOver(t) => {
            took_over(app, *t);
            vec![]
        }
    }
}

/// Longest gap between two ticks that still counts (a suspended laptop does not count).
const MAX_TICK_SECONDS: i64 = 5;
/// The clock is saved at least this often (seconds of meeting time).
const SAVE_CLOCK_EVERY: u32 = 10;

fn tick(app: &mut App, now: NaiveDateTime) -> Vec<Effect> {
    let last = app.last_tick.replace(now);
    app.now = now;
    let Some(last) = last else {
        return vec![];
    };
    let secs = (now - last).num_seconds().clamp(0, MAX_TICK_SECONDS) as u32;
    let Some(m) = app.current_meeting_mut() else {
        return vec![];
    };
    if m.state != MeetingState::Geopend || secs == 0 {
        return vec![];
    }
    crate::session::tick(m, secs);
    let date = m.date;
    app.unsaved_seconds += secs;
    if app.unsaved_seconds >= SAVE_CLOCK_EVERY {
        app.unsaved_seconds = 0;
        return vec![Effect::SaveMeeting(date)];
    }
    vec![]
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    // The status line shows what the last key did.
    app.status = None;
    if app.keys.is(&key, Action::ForceQuit) {
        app.quit = true;
        return save_and_quit(app);
    }
    if !app.popups.is_empty() {
        return popup::on_key(app, key);
    }
    let actions = screen_actions(app);
    let Some(action) = app.keys.action_for(&key, &actions) else {
        return vec![];
    };
    match action {
        Action::Help => {
            app.views.help_scroll = 0;
            app.popups.push(Popup::Help);
            vec![]
        }
        Action::Quit => {
            if app
                .current_meeting()
                .is_some_and(|m| m.state == MeetingState::Geopend)
            {
                app.popups.push(Popup::Confirm(Confirm::Quit));
                vec![]
            } else {
                app.quit = true;
                save_and_quit(app)
            }
        }
        Action::Search => {
            crate::tui::lookups::open_search(app);
            vec![]
        }
        Action::Caseload if app.screen == Screen::Start => {
            crate::tui::lookups::open_caseload(app);
            vec![]
        }
        Action::Minutes => open_export(app),
        _ => match app.screen {
            Screen::TeamPicker | Screen::Start | Screen::Agenda | Screen::Close => {
                screens::on_action(app, action)
            }
            Screen::Meeting => meeting::on_action(app, action),
            Screen::Caseload | Screen::CaseCard => crate::tui::lookups::on_action(app, action),
        },
    }
}

/// The other chair stopped: work on from the files as they are now, no longer read-only.
fn took_over(app: &mut App, t: crate::tui::app::TakeOver) {
    let Some(slot) = app.workspace.teams.get_mut(t.team) else {
        return;
    };
    *slot = t.data;
    app.search_index = None;
    for (path, fp) in t.seen {
        app.seen.insert(path, fp);
    }
    app.read_only = false;
    app.popups.clear();
    // The "in use by …" warning no longer holds.
    app.status = None;
    app.choose_team(t.team);
    let mut lines = vec![
        app.lang
            .pick(
                "De andere voorzitter is gestopt. De gegevens zijn opnieuw van schijf geladen; wat je nu doet, wordt bewaard.",
                "The other chair has stopped. The data was loaded from disk again; what you do now is saved.",
            )
            .to_string(),
    ];
    lines.extend(t.problems);
    app.popups.push(Popup::Messages {
        title: app
            .lang
            .pick("Niet meer alleen lezen", "No longer read only")
            .into(),
        lines,
    });
}

/// Saves the meeting (if any) and stops.
pub(super) fn save_and_quit(app: &App) -> Vec<Effect> {
    let mut out: Vec<Effect> = app.meeting.map(Effect::SaveMeeting).into_iter().collect();
    out.push(Effect::Quit);
    out
}

/// The actions that work on the current screen, in the order the footer shows them.
pub fn screen_actions(app: &App) -> Vec<Action> {
    use Action::*;
    let mut v = match app.screen {
        Screen::TeamPicker => vec![Up, Down, Select, Search],
        Screen::Start => {
            let mut v = vec![Prepare, Up, Down, AddSignalled];
            if screens::can_reopen(app) {
                v.push(Reopen);
            }
            if app.workspace.teams.len() > 1 {
                v.push(SwitchTeam);
            }
            v.push(Search);
            v
        }
        Screen::Agenda => vec![
            AddCase,
            AddItem,
            OpenMeeting,
            Select,
            MoveUp,
            MoveDown,
            LongerTime,
            ShorterTime,
            Remove,
            Up,
            Down,
            Back,
        ],
        Screen::Meeting => meeting::actions(app),
        Screen::Close => vec![Select, NextMeetingDate, Up, Down, Back],
        Screen::Caseload => vec![
            Select,
            CaseloadSort,
            CaseloadRole,
            CaseloadAboveNorm,
            Search,
            Up,
            Down,
            Back,
        ],
        Screen::CaseCard => vec![Search, Up, Down, Back],
    };
    if minutes_date(app).is_some() {
        v.push(Minutes);
    }
    v.extend([Help, Quit]);
    // Last, so a narrow footer drops it first; the help screen always lists it.
    if app.screen == Screen::Start {
        v.push(Caseload);
    }
    v
}

/// The meeting whose minutes `m` writes: the one being run or closed, or on the start
/// screen the last closed one.
pub fn minutes_date(app: &App) -> Option<chrono::NaiveDate> {
    match app.screen {
        Screen::Meeting | Screen::Close => app.current_meeting().map(|m| m.date),
        Screen::Start => app.team_data()?.last_closed_meeting().map(|m| m.date),
        Screen::TeamPicker | Screen::Agenda | Screen::Caseload | Screen::CaseCard => None,
    }
}

fn open_export(app: &mut App) -> Vec<Effect> {
    let Some(date) = minutes_date(app) else {
        return vec![];
    };
    let lang = app.lang;
    let choices = super::app::Export::all()
        .into_iter()
        .map(|e| super::picker::Choice::new(e.key(), crate::i18n::tui::export_label(e, lang)))
        .collect();
    app.popups.push(Popup::ExportPicker {
        date,
        picker: super::picker::Picker::new(choices),
    });
    vec![]
}

/// The key-map actions a popup reacts to, for its hints.
pub fn popup_actions(popup: &Popup) -> Vec<Action> {
    use Action::*;
    match popup {
        Popup::Help | Popup::Messages { .. } => vec![Up, Down, Back],
        Popup::Confirm(_) => vec![Select, Back],
        Popup::CasePicker(_)
        | Popup::KindPicker(_)
        | Popup::RolePicker { .. }
        | Popup::ExportPicker { .. } => {
            vec![Select, Back]
        }
        Popup::RegieCheck { .. } => vec![
            Up,
            Down,
            CheckYes,
            CheckNo,
            CheckNotApplicable,
            CheckSkip,
            Remove,
            Back,
        ],
        Popup::Form(_) => vec![NextField, PrevField, Save, Back],
        Popup::Search(_) => vec![Select, Back],
    }
}

/// The label of a text in the current language.
pub(super) fn tr(app: &App, t: T) -> String {
    t.text(app.lang).to_string()
}

#[cfg(test)]
pub(crate) mod tests;
