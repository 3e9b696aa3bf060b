//! Texts for search (`overleg zoek` and the `/` popup).

use super::Lang;
use crate::search::HitKind;

/// Short label of a hit kind.
pub fn kind(kind: HitKind, lang: Lang) -> &'static str {
    match kind {
        HitKind::Case => lang.pick("casus", "case"),
        HitKind::Member => lang.pick("medewerker", "member"),
        HitKind::Decision => lang.pick("besluit", "decision"),
        HitKind::Action => lang.pick("actie", "action"),
    }
}

/// "No hits for …".
pub fn no_hits(query: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Niets gevonden voor \u{201c}{query}\u{201d}."),
        Lang::En => format!("Nothing found for \u{201c}{query}\u{201d}."),
    }
}

/// "12 hits, showing 10".
pub fn summary(total: usize, shown: usize, lang: Lang) -> String {
    match (lang, total == shown) {
        (Lang::Nl, true) => format!("{total} gevonden"),
        (Lang::En, true) => format!("{total} found"),
        (Lang::Nl, false) => format!("{total} gevonden, de beste {shown} getoond"),
        (Lang::En, false) => format!("{total} found, best {shown} shown"),
    }
}

/// Where the search looked.
pub fn scope(teams: usize, cases: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("gezocht in {teams} team(s), {cases} casussen"),
        Lang::En => format!("searched {teams} team(s), {cases} cases"),
    }
}

/// Title of the search popup.
pub fn popup_title(lang: Lang) -> &'static str {
    lang.pick("Zoeken", "Search")
}

/// Hint in the search popup.
pub fn popup_hint(lang: Lang) -> &'static str {
    lang.pick(
        "typ om te zoeken · ↑↓ kiezen · Enter casuskaart · Esc sluiten",
        "type to search · ↑↓ select · Enter case card · Esc close",
    )
}
