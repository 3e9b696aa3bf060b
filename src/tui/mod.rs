//! The terminal interface: chair a casuïstiekoverleg from the first minute to the last.
//!
//! Shape (see `../shared/STYLE.md`), in layers — a module uses the ones above it, never a
//! sibling's internals:
//! - leaves: [`keymap`] (actions and keys), [`theme`], [`widgets`], [`msg`] ([`msg::Msg`] in,
//!   [`msg::Effect`] out), [`form::field`] and [`form::picker`];
//! - [`app::App`]: the loaded data and the view state; it holds the popup stack and the
//!   [`app::Screen`]; panes never hold case data;
//! - [`form`]: one typed struct per form purpose; a form never opens a popup or a screen;
//! - [`popup`]: one module per popup (its actions, keys and drawing); the stack is managed in
//!   [`popup::on_key`]; popups never reach into screens;
//! - [`screen`]: one module per screen (its actions, keys and drawing); screens open popups,
//!   never each other;
//! - [`update::update`]: the one place where state changes, routing keys force-quit → popup →
//!   screen (with [`others`], which takes in the teams loaded in the background);
//!   [`chrome::draw`] draws `&App`;
//! - the edge: [`effects`] (the only disk access of the interface) and [`runtime`] (the plain
//!   loop and the lock keeper, which report through messages).
//!
//! ## Adding a screen
//! A module in `screen/` with `ALL`, `on_action` and `draw` (and `actions` if not all
//! actions always apply); a variant of [`app::Screen`] and its arms in `screen/mod.rs`; its
//! actions in `keymap/default.ron` and `i18n::tui::actions`; a snapshot test. The footer and
//! the help screen follow from its actions.

pub mod app;
pub mod chrome;
pub mod effects;
pub mod form;
pub mod keymap;
pub mod lease;
pub mod msg;
pub mod others;
pub mod popup;
pub mod runtime;
pub mod screen;
pub mod theme;
pub mod update;
pub mod widgets;

#[cfg(test)]
mod tests;

pub use runtime::{TuiOptions, run};
