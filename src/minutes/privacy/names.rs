//! What names look like: the parts of a name that can stand alone, the titles before a
//! pseudonym, the words that say a guest belongs to a household, the external professionals
//! of a case, and a role as a label that does not identify.

use std::collections::HashSet;

use crate::domain::{Case, Kader, Regisseur};
use crate::search::fold_str;

/// Words that are part of a name but never a name on their own.
pub(super) const PARTICLES: &[&str] = &[
    "van", "de", "der", "den", "het", "ter", "ten", "te", "in", "'t", "la", "le", "el", "al",
    "bin", "ibn", "von", "da", "di", "du", "dos", "das", "op", "aan", "en", "uit",
];

/// Common Dutch words that are also names (folded). As a name part they are matched only when
/// written as a name; see `Rule::common`.
pub(super) const COMMON_WORDS: &[&str] = &[
    "een", "de", "het", "en", "van", "in", "op", "te", "met", "voor", "aan", "dat", "die", "dit",
    "is", "bij", "zijn", "wil", "kan", "ook", "naar", "om", "of", "al", "nog", "wel", "niet",
    "maar", "als", "dan", "uit", "tot", "over", "door", "zo", "er", "hij", "zij", "ze", "we",
    "wij", "je", "mee", "hun", "haar", "hem", "ons", "geen", "meer", "veel", "goed", "daar",
    "hier", "wat", "wie", "waar", "nu", "per", "los", "rust", "hoop", "roos", "bos", "berg", "wit",
    "zwart", "groen", "post", "school", "kort", "lang", "groot", "klein", "jong", "oud", "dam",
    "hof", "beek", "mei", "juni", "zon", "ster", "maan", "dag", "ruimte", "vrede", "hoek", "dijk",
    "baas", "boom", "bloem",
];

/// Titles that come before a pseudonym initial or a surname: (folded title, is a family).
pub(super) const TITLES: &[(&str, bool)] = &[
    ("familie", true),
    ("fam.", true),
    ("fam", true),
    ("gezin", true),
    ("mevrouw", false),
    ("mevr.", false),
    ("mevr", false),
    ("mw.", false),
    ("mw", false),
    ("meneer", false),
    ("de heer", false),
    ("dhr.", false),
    ("dhr", false),
    ("hr.", false),
];

/// Words in a guest's role that say the guest belongs to a household.
pub(super) const FAMILY_WORDS: &[&str] = &[
    "moeder",
    "vader",
    "ouder",
    "ouders",
    "kind",
    "zoon",
    "dochter",
    "oma",
    "opa",
    "grootouder",
    "grootmoeder",
    "grootvader",
    "tante",
    "oom",
    "broer",
    "zus",
    "zuster",
    "stiefvader",
    "stiefmoeder",
    "pleegouder",
    "pleegmoeder",
    "pleegvader",
    "partner",
    "echtgenoot",
    "echtgenote",
    "gezinslid",
    "client",
    "clienten",
    "inwoner",
    "bewoner",
    "mantelzorger",
    "gezin",
    "familie",
    "familielid",
    "huishouden",
];

/// The full name and the parts of a name that can stand alone: each word and each half of
/// a hyphenated word of at least `min` letters that is not a particle or an initial, and a
/// surname with its particles (`van der Heijden`).
pub(crate) fn name_variants(name: &str, min: usize) -> Vec<String> {
    let full = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = vec![full.clone()];
    let words: Vec<&str> = full.split(' ').collect();
    let is_particle = |w: &str| PARTICLES.contains(&fold_str(w).as_str());
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let initial = letters(w) <= 1;
        if initial || is_particle(w) {
            // A surname with its particles: "van der Heijden".
            if is_particle(w) && i > 0 && words[i..].iter().any(|x| !is_particle(x)) {
                out.push(words[i..].join(" "));
            }
            continue;
        }
        if letters(w) >= min {
            out.push(w.to_string());
        }
        if w.contains('-') {
            out.extend(
                w.split('-')
                    .filter(|p| letters(p) >= min && !is_particle(p))
                    .map(str::to_string),
            );
        }
    }
    // Without the leading initials: "R. Bakker" → "Bakker" is covered above; "J. de Vries"
    // → "de Vries".
    if let Some(pos) = words
        .iter()
        .position(|w| letters(w.trim_matches('.')) > 1 || is_particle(w))
        && pos > 0
    {
        out.push(words[pos..].join(" "));
    }
    out.retain(|v| letters(v) >= min.min(2));
    out.sort();
    out.dedup();
    out
}

/// A role as a label: `[moeder]`, or `fallback` when the role is empty, long, holds a digit
/// or one of the names in `names`.
pub(super) fn role_label(role: &str, fallback: &str, names: &HashSet<String>) -> String {
    let mut r = String::new();
    let mut depth = 0;
    for c in role.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1_i32).max(0),
            c if depth == 0 => r.push(c),
            _ => {}
        }
    }
    let r = r.split_whitespace().collect::<Vec<_>>().join(" ");
    let folded = fold_str(&r);
    let names_one = folded
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| names.contains(w));
    if r.is_empty() || r.chars().count() > 40 || r.chars().any(|c| c.is_ascii_digit()) || names_one
    {
        fallback.to_string()
    } else {
        format!("[{r}]")
    }
}

/// A pseudonym of the form title + initial ("Fam. A.", "Mw. D.", "gezin K"): whether the
/// title is a family's and the folded initial.
pub(crate) fn pseudonym_key(pseudonym: &str) -> Option<(bool, char)> {
    let f = fold_str(pseudonym.trim());
    for (title, family) in TITLES {
        if let Some(rest) = f.strip_prefix(title) {
            let rest = rest.trim().trim_end_matches('.');
            let mut chars = rest.chars();
            if let (Some(c), None) = (chars.next(), chars.next())
                && c.is_alphabetic()
                && (title.ends_with('.') || f[title.len()..].starts_with(' '))
            {
                return Some((*family, c));
            }
        }
    }
    None
}

/// The external professionals of a case with their function: the gezinsvoogd, an external
/// regisseur (now or in the history) and the betrokkenen.
pub(crate) fn professionals(case: &Case) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Kader::Gedwongen(m) = &case.kader
        && !m.gezinsvoogd.trim().is_empty()
    {
        out.push((m.gezinsvoogd.clone(), "gezinsvoogd".to_string()));
    }
    let regisseurs = case.regisseur.iter().chain(
        case.regie_history
            .iter()
            .flat_map(|h| h.from.iter().chain(&h.to)),
    );
    for r in regisseurs {
        if let Regisseur::Extern(p) = r {
            out.push((p.name.clone(), p.function.clone()));
        }
    }
    for b in &case.betrokkenen {
        out.push((b.name.clone(), b.role.clone()));
    }
    out.retain(|(n, _)| !n.trim().is_empty());
    out
}
