//! Texts of `overleg demo`.

use std::path::Path;

use super::Lang;

/// The output folder is not empty and `--force` was not given.
pub fn not_empty(lang: Lang, dir: &Path) -> String {
    match lang {
        Lang::Nl => format!(
            "De map {} is niet leeg. Kies een lege map, of gebruik --force om bestanden te overschrijven.",
            dir.display()
        ),
        Lang::En => format!(
            "The folder {} is not empty. Choose an empty folder, or use --force to overwrite files.",
            dir.display()
        ),
    }
}

/// Summary after writing.
pub fn written(lang: Lang, dir: &Path, teams: usize, cases: usize, meetings: usize) -> String {
    match lang {
        Lang::Nl => format!(
            "Fictieve gemeente geschreven naar {}: {teams} teams, {cases} casussen, {meetings} overleggen.",
            dir.display()
        ),
        Lang::En => format!(
            "Fictional municipality written to {}: {teams} teams, {cases} cases, {meetings} meetings.",
            dir.display()
        ),
    }
}

/// Progress while the demo is made.
pub fn making(lang: Lang) -> &'static str {
    lang.pick(
        "Fictieve gemeente maken…",
        "Making a fictional municipality…",
    )
}

/// Progress while the demo is written.
pub fn writing(lang: Lang) -> &'static str {
    lang.pick("Bestanden schrijven", "Writing files")
}
