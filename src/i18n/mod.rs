//! All text shown to users, Dutch first and English second. Each area of the app keeps its
//! texts in a submodule here, so translations live in one place.

pub mod demo;
pub mod minutes;

use serde::{Deserialize, Serialize};

pub mod check;
pub mod errors;
pub mod pane;
pub mod problems;

/// Interface language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    /// Picks the text for this language.
    pub fn pick<'a>(self, nl: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}
pub mod caseload;
pub mod search;
pub mod signals;
pub mod storage;
pub mod tui;
pub mod week;
pub mod week_forms;
