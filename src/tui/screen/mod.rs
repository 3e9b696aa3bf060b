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
pub mod team;
pub mod team_picker;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::i18n::tui::T;
use crate::tui::app::{App, Screen};
use crate::tui::keymap::Action;
use crate::tui::msg::Effect;

/// The screen's own actions that work now, in footer order.
pub fn own_actions(app: &App) -> Vec<Action> {
    match app.screen {
        Screen::TeamPicker => team_picker::ALL.to_vec(),
        Screen::Start => start::actions(app),
        Screen::Agenda => agenda::ALL.to_vec(),
        Screen::Meeting => meeting::actions(app),
        Screen::Close => close::ALL.to_vec(),
        Screen::Caseload => caseload::ALL.to_vec(),
        Screen::CaseCard => case_card::actions(app),
        Screen::Team => team::ALL.to_vec(),
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
    if cfg!(unix) {
        v.push(Action::Suspend);
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
        Screen::Team => team::on_action(app, action),
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
        Screen::Team => team::draw(frame, app, area),
    }
}

/// The keys that mean the same on every screen, listed once at the top of the help.
pub const GENERAL: [Action; 10] = [
    Action::Up,
    Action::Down,
    Action::Select,
    Action::Back,
    Action::Search,
    Action::Minutes,
    Action::Help,
    Action::Quit,
    Action::ForceQuit,
    Action::Suspend,
];

/// Every screen's actions, titled, for the help screen: the general ones first, then per
/// screen the ones of its own.
pub fn catalog() -> Vec<(T, Vec<Action>)> {
    let own = |all: &[Action]| -> Vec<Action> {
        all.iter()
            .copied()
            .filter(|a| !GENERAL.contains(a))
            .collect()
    };
    let groups = vec![
        (T::HelpGeneral, GENERAL.to_vec()),
        (T::TeamPicker, own(&team_picker::ALL)),
        (T::HelpStart, own(&start::ALL)),
        (T::Agenda, own(&agenda::ALL)),
        (T::Meeting, own(&meeting::ALL)),
        (T::CloseMeeting, own(&close::ALL)),
        (T::Caseload, own(&caseload::ALL)),
        (T::CaseCard, own(&case_card::ALL)),
        (T::Team, own(&team::ALL)),
    ];
    groups.into_iter().filter(|(_, a)| !a.is_empty()).collect()
}

/// The meeting whose minutes `m` writes: the one being run or closed, or on the start
/// screen the last closed one.
pub fn minutes_date(app: &App) -> Option<chrono::NaiveDate> {
    match app.screen {
        Screen::Meeting | Screen::Close => app.current_meeting().map(|m| m.date),
        Screen::Start => app.team_data()?.last_closed_meeting().map(|m| m.date),
        Screen::TeamPicker
        | Screen::Agenda
        | Screen::Caseload
        | Screen::CaseCard
        | Screen::Team => None,
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
