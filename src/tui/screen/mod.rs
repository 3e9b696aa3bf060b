//! The screens. One module per screen holds its actions (`ALL` for the help screen, and
//! `actions` for what works right now, in footer order), its `on_action` and its `draw`.
//! Screens may open popups; they never reach into each other.
//!
//! To add a screen: a module here, a variant of [`Screen`], and its arm in each `match` below
//! (and in [`catalog`]).

pub mod agenda;
pub mod case_card;
pub mod caseload;
pub mod close;
pub mod meeting;
pub mod start;
pub mod team_picker;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::i18n::tui::T;
use crate::tui::app::{App, Screen};
use crate::tui::keymap::Action;
use crate::tui::msg::Effect;

/// The actions every screen has, after its own (the footer drops the last ones first, the
/// help screen lists them all).
pub const GLOBAL: [Action; 5] = [
    Action::Search,
    Action::Minutes,
    Action::Help,
    Action::Quit,
    Action::ForceQuit,
];

/// The screen's own actions that work now, in footer order.
pub fn own_actions(app: &App) -> Vec<Action> {
    match app.screen {
        Screen::TeamPicker => team_picker::ALL.to_vec(),
        Screen::Start => start::actions(app),
        Screen::Agenda => agenda::ALL.to_vec(),
        Screen::Meeting => meeting::actions(app),
        Screen::Close => close::ALL.to_vec(),
        Screen::Caseload => caseload::ALL.to_vec(),
        Screen::CaseCard => case_card::ALL.to_vec(),
    }
}

/// Every action that works on the current screen now, in footer order: its own, then the
/// global ones that apply.
pub fn actions(app: &App) -> Vec<Action> {
    let mut v = own_actions(app);
    v.push(Action::Search);
    if minutes_date(app).is_some() {
        v.push(Action::Minutes);
    }
    v.extend([Action::Help, Action::Quit]);
    // Last, so a narrow footer drops it first; the help screen always lists it.
    if app.screen == Screen::Start {
        v.push(Action::Caseload);
    }
    v
}

/// Carries out one of the screen's own actions.
pub fn on_action(app: &mut App, action: Action) -> Vec<Effect> {
    match app.screen {
        Screen::TeamPicker => team_picker::on_action(app, action),
        Screen::Start => start::on_action(app, action),
        Screen::Agenda => agenda::on_action(app, action),
        Screen::Meeting => meeting::on_action(app, action),
        Screen::Close => close::on_action(app, action),
        Screen::Caseload => caseload::on_action(app, action),
        Screen::CaseCard => case_card::on_action(app, action),
    }
}

/// Draws the current screen into `area`.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    match app.screen {
        Screen::TeamPicker => team_picker::draw(frame, app, area),
        Screen::Start => start::draw(frame, app, area),
        Screen::Agenda => agenda::draw(frame, app, area),
        Screen::Meeting => meeting::draw(frame, app, area),
        Screen::Close => close::draw(frame, app, area),
        Screen::Caseload => caseload::draw(frame, app, area),
        Screen::CaseCard => case_card::draw(frame, app, area),
    }
}

/// Every screen's actions, titled, for the help screen.
pub fn catalog() -> Vec<(T, Vec<Action>)> {
    vec![
        (T::HelpGeneral, GLOBAL.to_vec()),
        (T::TeamPicker, team_picker::ALL.to_vec()),
        (T::HelpStart, start::ALL.to_vec()),
        (T::Agenda, agenda::ALL.to_vec()),
        (T::Meeting, meeting::ALL.to_vec()),
        (T::CloseMeeting, close::ALL.to_vec()),
        (T::Caseload, caseload::ALL.to_vec()),
        (T::CaseCard, case_card::ALL.to_vec()),
    ]
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

/// Back from a lookup (caseload, case card) to the screen it was opened from.
pub fn back_from_lookup(app: &mut App) {
    app.screen = match app.views.back_to.take() {
        Some(s) if s != app.screen => s,
        _ => Screen::Start,
    };
    if app.screen != Screen::Caseload {
        app.views.caseload_team = None;
    }
    if app.screen == Screen::TeamPicker && app.team.is_some() {
        app.screen = Screen::Start;
    }
}
