//! The terminal interface: chair a casuïstiekoverleg from the first minute to the last.
//!
//! Shape (see `/work/shared/STYLE.md`):
//! - [`app::App`] holds the loaded data and the view state; panes never hold case data.
//! - [`update::update`] is the one place where state changes: `update(&mut App, Msg) ->
//!   Vec<Effect>`. Keys are routed force-quit → popup → screen → global.
//! - [`effects`] carries the effects out (saving files, writing the minutes with
//!   `minutes::write`); the disk is touched only there, and every change is saved as it is
//!   made.
//! - [`view::draw`] draws `&App`; styles come from the theme, texts from `i18n::tui`.
//! - [`runtime::run`] is the plain loop: draw, read one event, act.
//!
//! ## Adding a screen
//! 1. Add a variant to [`app::Screen`] (and its view state to [`app::Views`]).
//! 2. List its actions in `update::screen_actions` (the footer and help use that list); add
//!    new [`keymap::Action`]s to the enum, to `keymap/default.ron` and to
//!    `i18n::tui::action_label`.
//! 3. Handle the actions in a function in `update/` (return effects, never touch the disk).
//! 4. Draw it in a new module under `view/` and add it to the match in `view::draw`.
//! 5. Add a snapshot test in `tui/snapshots_tests.rs`.
//!
//! Popups are added the same way through [`app::Popup`], `update::popup_actions`,
//! `update/popup.rs` and `view/popups.rs`.

pub mod app;
pub mod effects;
pub mod form;
pub mod keymap;
pub mod lookups;
pub mod picker;
pub mod runtime;
pub mod theme;
pub mod update;
pub mod view;

#[cfg(test)]
mod snapshots_tests;

pub use runtime::{TuiOptions, run};
