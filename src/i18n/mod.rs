//! All text shown to users, Dutch first and English second. Each area of the app keeps its
//! texts in a submodule here, so translations live in one place.

pub mod demo;
pub mod minutes;

use serde::{Deserialize, Serialize};

pub mod check;
pub mod cli;
pub mod db;
pub mod errors;
pub mod import;
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

/// The roles as written on the command line and in sheets, for "use one of" hints.
pub fn roles_list() -> String {
    use crate::domain::Role;
    [
        Role::Wijkcoach,
        Role::Consulent,
        Role::SociaalWerker,
        Role::Jeugdprofessional,
        Role::Wijkteammanager,
        Role::Transformatiecoach,
        Role::Gedragswetenschapper,
    ]
    .iter()
    .map(|r| r.label())
    .collect::<Vec<_>>()
    .join(", ")
}

/// "unknown X" with the valid choices: `onbekend team "nope" — kies uit: oost, west`.
pub fn unknown_choice(lang: Lang, what: &str, found: &str, choices: &[String]) -> String {
    let what_en = match what {
        "team" => "team",
        "rol" => "role",
        other => other,
    };
    let list = if choices.is_empty() {
        lang.pick("(geen)", "(none)").to_string()
    } else {
        choices.join(", ")
    };
    match lang {
        Lang::Nl => format!(
            "onbekend{} {what} \"{found}\" — kies uit: {list}",
            if what == "rol" { "e" } else { "" }
        ),
        Lang::En => format!("unknown {what_en} \"{found}\" — choose from: {list}"),
    }
}

/// Several teams and none chosen.
pub fn choose_team(lang: Lang, ids: &[String]) -> String {
    match lang {
        Lang::Nl => format!(
            "deze map heeft meer teams — kies er een met --team: {}",
            ids.join(", ")
        ),
        Lang::En => format!(
            "this folder holds several teams — choose one with --team: {}",
            ids.join(", ")
        ),
    }
}
