//! Popups, drawn over the screen; the top one gets the keys. One module per popup holds its
//! actions, its key handling and its drawing. A popup's key handler says what happens to it
//! ([`Reply`]); the stack is managed here, in [`on_key`], and nowhere else.
//!
//! To add a popup: a module with its state, `actions`, `on_key` returning a [`Reply`] and
//! `draw`; a variant of [`Popup`]; the three arms in the `impl Popup` below; its actions in
//! [`catalog`] for the help screen.

pub mod assign;
pub mod choose;
pub mod confirm;
pub mod form;
pub mod help;
pub mod messages;
pub mod regie_check;
pub mod search;

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;

use super::app::App;
use super::keymap::Action;
use super::msg::Effect;
use crate::i18n::tui::T;

/// The popups.
#[derive(Debug, Clone)]
pub enum Popup {
    Help(help::Help),
    /// Problems found while loading, or another list of messages.
    Messages(messages::Messages),
    Confirm(confirm::Confirm),
    /// Pick one of a list: a case, an item kind, an export, a member for a role.
    Choose(choose::Choose),
    RegieCheck(regie_check::RegieCheck),
    /// Give a household or an action to someone.
    Assign(Box<assign::Assign>),
    Form(Box<form::FormPopup>),
    /// Search everything under `--data` (`/`).
    Search(Box<search::SearchPopup>),
}

/// What becomes of the popup that handled a key.
#[derive(Debug)]
pub enum Next {
    Keep,
    Close,
    /// Close it and open another in its place.
    Replace(Popup),
    /// Keep it and open another on top.
    Open(Popup),
}

/// The answer of a popup to a key: what becomes of it, and the work for the loop.
#[derive(Debug)]
pub struct Reply {
    pub next: Next,
    pub effects: Vec<Effect>,
}

impl Reply {
    pub fn keep() -> Self {
        Reply {
            next: Next::Keep,
            effects: vec![],
        }
    }

    pub fn close() -> Self {
        Reply {
            next: Next::Close,
            effects: vec![],
        }
    }

    pub fn close_with(effects: Vec<Effect>) -> Self {
        Reply {
            next: Next::Close,
            effects,
        }
    }

    pub fn replace(popup: Popup) -> Self {
        Reply {
            next: Next::Replace(popup),
            effects: vec![],
        }
    }

    pub fn open(popup: Popup) -> Self {
        Reply {
            next: Next::Open(popup),
            effects: vec![],
        }
    }

    pub fn keep_with(effects: Vec<Effect>) -> Self {
        Reply {
            next: Next::Keep,
            effects,
        }
    }
}

impl Popup {
    /// The actions shown in the footer while this popup is on top.
    pub fn actions(&self) -> Vec<Action> {
        match self {
            Popup::Help(_) | Popup::Messages(_) => help::ACTIONS.to_vec(),
            Popup::Confirm(_) => confirm::ACTIONS.to_vec(),
            Popup::Choose(_) => choose::ACTIONS.to_vec(),
            Popup::Assign(_) => assign::ACTIONS.to_vec(),
            Popup::RegieCheck(_) => regie_check::ACTIONS.to_vec(),
            Popup::Form(f) => f.actions(),
            Popup::Search(_) => search::ACTIONS.to_vec(),
        }
    }

    fn on_key(&mut self, app: &mut App, key: &KeyEvent) -> Reply {
        match self {
            Popup::Help(h) => h.on_key(app, key),
            Popup::Messages(m) => m.on_key(app, key),
            Popup::Confirm(c) => c.on_key(app, key),
            Popup::Choose(c) => c.on_key(app, key),
            Popup::Assign(a) => a.on_key(app, key),
            Popup::RegieCheck(r) => r.on_key(app, key),
            Popup::Form(f) => f.on_key(app, key),
            Popup::Search(s) => s.on_key(app, key),
        }
    }

    /// Draws the popup over `body`.
    pub fn draw(&self, frame: &mut Frame, app: &App, body: Rect) {
        match self {
            Popup::Help(h) => h.draw(frame, app, body),
            Popup::Messages(m) => m.draw(frame, app, body),
            Popup::Confirm(c) => c.draw(frame, app, body),
            Popup::Choose(c) => c.draw(frame, app, body),
            Popup::Assign(a) => a.draw(frame, app, body),
            Popup::RegieCheck(r) => r.draw(frame, app, body),
            Popup::Form(f) => f.draw(frame, app, body),
            Popup::Search(s) => s.draw(frame, app, body),
        }
    }
}

/// Gives a key to the top popup and does what its reply says with the stack.
pub fn on_key(app: &mut App, key: &KeyEvent) -> Vec<Effect> {
    let Some(mut top) = app.popups.pop() else {
        return vec![];
    };
    let reply = top.on_key(app, key);
    match reply.next {
        Next::Keep => app.popups.push(top),
        Next::Close => {}
        Next::Replace(p) => app.popups.push(p),
        Next::Open(p) => {
            app.popups.push(top);
            app.popups.push(p);
        }
    }
    reply.effects
}

/// The actions of every popup, grouped for the help screen (choosing from a list and the
/// search popup use only the general keys: typing filters, Enter takes, Esc closes).
pub fn catalog() -> Vec<(T, Vec<Action>)> {
    let own = |all: &[Action]| -> Vec<Action> {
        all.iter()
            .copied()
            .filter(|a| !matches!(a, Action::Up | Action::Down | Action::Back))
            .collect()
    };
    vec![
        (T::Confirm, confirm::ACTIONS.to_vec()),
        (T::HelpForms, own(&form::ALL_ACTIONS)),
        (T::RegieCheck, own(&regie_check::ACTIONS)),
    ]
}
