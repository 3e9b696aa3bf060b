//! Redaction of shareable text from everything overleg knows: the names of household members
//! (in full and each part of a hyphenated or compound name), pseudonyms typed in free text
//! (`Fam. K.`, `gezin A.`, `mw. E.`), guests, external professionals (gezinsvoogd, external
//! regisseur) and betrokkenen, and the codes of households that may not be shared.
//!
//! Matching is done on the program's one accent fold ([`crate::search::fold`]): `ÖZDEMIR`,
//! `özdemir`, `Ozdemir` and `Aydin` for `Aydın` all match; a possessive or plural ending
//! (`Özdemirs`, `Kerem's`) goes with the name. A name is replaced by a role that does not
//! identify (`[moeder]`, `[gezinsvoogd]`, `[ervaringsdeskundige]`), a pseudonym by the case
//! code when that household is in the document, else by `[gezin]` or `[inwoner]`. The full
//! names of team members are left alone (professionals in the team are named in minutes).

use std::collections::{HashMap, HashSet};

use crate::domain::{Case, Guest, TeamData};
use crate::search::{Folded, fold, fold_str};

use super::names::{
    COMMON_WORDS, FAMILY_WORDS, TITLES, name_variants, professionals, pseudonym_key, role_label,
};

/// Label of a household member whose role is not usable, or a name shared in a household.
pub const HOUSEHOLD_MEMBER: &str = "[gezinslid]";
/// Label of a guest who is (or speaks for) a household member.
pub const RESIDENT: &str = "[inwoner]";
/// Label of a name that belongs to several kinds of people.
pub const NAME: &str = "[naam]";
/// Label of the code of a household that may not be shared.
pub const CASE: &str = "[casus]";
const FAMILY: &str = "[gezin]";
const PROFESSIONAL: &str = "[betrokkene]";
const GUEST: &str = "[gast]";

/// Replaces known names, pseudonyms and withheld case codes in free text.
#[derive(Debug, Default)]
pub(crate) struct Redactor {
    rules: Vec<Rule>,
    /// Rule indices by the first two folded characters, longest rule first.
    index: HashMap<(char, char), Vec<usize>>,
    /// The label of a known pseudonym mention: (is a family title, folded initial).
    pseudonyms: HashMap<(bool, char), String>,
    /// Folded name parts of team members: a capitalised word after a title that is one of
    /// these is a colleague and stays.
    member_parts: HashSet<String>,
}

#[derive(Debug)]
struct Rule {
    pattern: Vec<char>,
    /// `None`: a team member's full name, kept as it is.
    label: Option<String>,
    /// The name is made of common Dutch words only ("Eén", "Wil", "Roos", "Wil Eén"):
    /// matched only where it is written with a capital and does not start a sentence.
    common: bool,
}

/// Collects names with their labels; conflicting labels for one name become a fallback.
#[derive(Default)]
struct Builder {
    /// Folded name → (label, fallback) of every time it was added.
    names: HashMap<String, Vec<(String, &'static str)>>,
    protected: HashSet<String>,
    pseudonyms: HashMap<(bool, char), Vec<String>>,
    member_parts: HashSet<String>,
}

impl Builder {
    fn add(&mut self, name: &str, label: &str, fallback: &'static str) {
        let key = fold_str(name.trim());
        let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
        if key.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
            return;
        }
        self.names
            .entry(key)
            .or_default()
            .push((label.to_string(), fallback));
    }

    /// A person's name: in full, and each part that can stand alone (`min` letters or more).
    fn add_person(&mut self, name: &str, label: &str, fallback: &'static str, min: usize) {
        for variant in name_variants(name, min) {
            self.add(&variant, label, fallback);
        }
    }

    fn finish(self) -> Redactor {
        let mut rules: Vec<Rule> = Vec::new();
        for (pattern, labels) in &self.names {
            let first = &labels[0];
            let label = if labels.iter().all(|(l, _)| *l == first.0) {
                first.0.clone()
            } else if labels.iter().all(|(_, f)| *f == first.1) {
                first.1.to_string()
            } else {
                NAME.to_string()
            };
            rules.push(Rule {
                pattern: pattern.chars().collect(),
                label: Some(label),
                common: pattern
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .all(|w| COMMON_WORDS.contains(&w)),
            });
        }
        for p in &self.protected {
            if !self.names.contains_key(p) {
                rules.push(Rule {
                    pattern: p.chars().collect(),
                    label: None,
                    common: false,
                });
            }
        }
        rules.sort_by(|a, b| {
            b.pattern
                .len()
                .cmp(&a.pattern.len())
                .then(a.pattern.cmp(&b.pattern))
        });
        let mut index: HashMap<(char, char), Vec<usize>> = HashMap::new();
        for (i, r) in rules.iter().enumerate() {
            if let [a, b, ..] = r.pattern[..] {
                index.entry((a, b)).or_default().push(i);
            }
        }
        let pseudonyms = self
            .pseudonyms
            .into_iter()
            .map(|(k, labels)| {
                let label = if labels.iter().all(|l| *l == labels[0]) {
                    labels[0].clone()
                } else if k.0 {
                    FAMILY.to_string()
                } else {
                    RESIDENT.to_string()
                };
                (k, label)
            })
            .collect();
        Redactor {
            rules,
            index,
            pseudonyms,
            member_parts: self.member_parts,
        }
    }
}

/// Is this guest a household member (or there for one)? Their name matches a household
/// member's name, or their role says so ("moeder van het gezin", "oma").
pub(crate) fn guest_is_household(guest: &Guest, household_parts: &HashSet<String>) -> bool {
    let name = fold_str(&guest.name);
    let role = fold_str(&guest.role);
    name.split(|c: char| !c.is_alphanumeric())
        .any(|w| household_parts.contains(w))
        || role
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| FAMILY_WORDS.contains(&w))
}

/// Folded single-word name parts of every household member of the team's cases.
pub(crate) fn household_parts(cases: &[Case]) -> HashSet<String> {
    cases
        .iter()
        .flat_map(|c| &c.household)
        .filter_map(|m| m.name.as_deref())
        .flat_map(|n| name_variants(n, 2))
        .map(|v| fold_str(&v))
        .filter(|v| !v.contains(' '))
        .collect()
}

impl Redactor {
    /// The redactor of a team's shareable documents. `shown` says which households are in
    /// the document: their pseudonym becomes their code; the code of any other household
    /// becomes `[casus]`.
    pub(crate) fn for_team(
        team: &TeamData,
        guests: &[Guest],
        shown: &dyn Fn(&str) -> bool,
    ) -> Self {
        let mut b = Builder::default();
        let all_parts: HashSet<String> = household_parts(&team.cases);
        let mut known: HashSet<String> = all_parts.clone();
        for m in &team.team.members {
            let full = fold_str(&m.name);
            b.protected
                .insert(full.split_whitespace().collect::<Vec<_>>().join(" "));
            b.member_parts.extend(
                full.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(str::to_string),
            );
        }
        let member_first: HashSet<String> = team
            .team
            .members
            .iter()
            .filter_map(|m| m.name.split_whitespace().next())
            .map(fold_str)
            .collect();
        for case in &team.cases {
            for p in professionals(case) {
                known.extend(name_variants(&p.0, 2).iter().map(|v| fold_str(v)));
            }
        }
        for case in &team.cases {
            for m in &case.household {
                if let Some(name) = m.name.as_deref() {
                    let label = role_label(&m.role, HOUSEHOLD_MEMBER, &known);
                    b.add_person(name, &label, HOUSEHOLD_MEMBER, 2);
                }
            }
            let visible = shown(&case.code);
            if !visible {
                b.add(&case.code, CASE, CASE);
            }
            if let Some((family, initial)) = pseudonym_key(&case.pseudonym) {
                let label = if visible {
                    case.code.clone()
                } else if family {
                    FAMILY.to_string()
                } else {
                    RESIDENT.to_string()
                };
                b.pseudonyms
                    .entry((family, initial))
                    .or_default()
                    .push(label);
            } else if !case.pseudonym.trim().is_empty() {
                let label = if visible { case.code.as_str() } else { FAMILY };
                b.add(&case.pseudonym, label, FAMILY);
            }
            for (name, role) in professionals(case) {
                let label = role_label(&role, PROFESSIONAL, &all_parts);
                for v in name_variants(&name, 3) {
                    // A professional's first name alone that a colleague shares is the
                    // colleague's far more often: only the full name is matched then.
                    let single = !v.contains(' ');
                    if single && member_first.contains(&fold_str(&v)) && v != name.trim() {
                        continue;
                    }
                    b.add(&v, &label, PROFESSIONAL);
                }
            }
        }
        for g in guests {
            let label = if guest_is_household(g, &all_parts) {
                RESIDENT.to_string()
            } else {
                role_label(&g.role, GUEST, &known)
            };
            for v in name_variants(&g.name, 3) {
                let single = !v.contains(' ');
                if single && member_first.contains(&fold_str(&v)) && v != g.name.trim() {
                    continue;
                }
                b.add(&v, &label, GUEST);
            }
        }
        b.finish()
    }

    /// The text with every known name, pseudonym and withheld case code replaced.
    pub(crate) fn redact(&self, text: &str) -> String {
        if text.is_empty() {
            return String::new();
        }
        let folded = fold(text);
        let f: Vec<char> = folded.text.chars().collect();
        let orig: Vec<char> = text.chars().collect();
        let mut spans: Vec<(usize, usize, &str)> = Vec::new();
        let mut p = 0;
        while p < f.len() {
            let at_word = f[p].is_alphanumeric() && (p == 0 || !f[p - 1].is_alphanumeric());
            if !at_word {
                p += 1;
                continue;
            }
            if let Some((end, label)) = self.rule_at(&f, p, &orig, &folded) {
                if let Some(label) = label {
                    spans.push((p, end, label));
                }
                p = end;
                continue;
            }
            if let Some((start, end, label)) = self.title_at(&f, &orig, &folded, p) {
                spans.push((start, end, label));
                p = end;
                continue;
            }
            p += 1;
        }
        if spans.is_empty() {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        let mut next = 0;
        for (s, e, label) in spans {
            let start = folded.original_index(s);
            let mut end = folded.original_index(e - 1) + 1;
            while end < orig.len() && unicode_normalization::char::is_combining_mark(orig[end]) {
                end += 1;
            }
            if start < next {
                continue;
            }
            out.extend(&orig[next..start]);
            out.push_str(label);
            next = end;
        }
        out.extend(&orig[next.min(orig.len())..]);
        out
    }

    /// The longest rule that matches at `p` (with a possessive or plural ending): its end
    /// and its label (`None` for a team member's name, which stays).
    fn rule_at(
        &self,
        f: &[char],
        p: usize,
        orig: &[char],
        folded: &Folded,
    ) -> Option<(usize, Option<&str>)> {
        let key = (f[p], *f.get(p + 1)?);
        for &i in self.index.get(&key)? {
            let r = &self.rules[i];
            if r.common && !written_as_name(orig, folded.original_index(p)) {
                continue;
            }
            let e = p + r.pattern.len();
            if e > f.len() || f[p..e] != r.pattern[..] {
                continue;
            }
            if let Some(end) = word_end(f, e) {
                return Some((end, r.label.as_deref()));
            }
        }
        None
    }

    /// A title with an initial (`Fam. K.`, `gezin A`, `mw. E.`) or with a capitalised
    /// surname that is no colleague's (`mevrouw Jansen`).
    fn title_at<'s>(
        &'s self,
        f: &[char],
        orig: &[char],
        folded: &Folded,
        p: usize,
    ) -> Option<(usize, usize, &'s str)> {
        for (title, family) in TITLES {
            let e = p + title.chars().count();
            if e > f.len() || !f[p..e].iter().copied().eq(title.chars()) {
                continue;
            }
            let mut q = e;
            while q < f.len() && f[q] == ' ' {
                q += 1;
            }
            if q == e && !title.ends_with('.') || q >= f.len() {
                continue;
            }
            let generic = if *family { FAMILY } else { RESIDENT };
            // An initial: one letter, an optional dot, then no letter.
            if f[q].is_alphabetic() && f.get(q + 1).is_none_or(|c| !c.is_alphanumeric()) {
                let mut end = q + 1;
                if f.get(end) == Some(&'.') {
                    end += 1;
                }
                let label = self
                    .pseudonyms
                    .get(&(*family, f[q]))
                    .map_or(generic, String::as_str);
                return Some((p, end, label));
            }
            // A surname: a capitalised word; a known name there gets its own label.
            if self.rule_at(f, q, orig, folded).is_some() {
                return None;
            }
            let capital = orig
                .get(folded.original_index(q))
                .is_some_and(|c| c.is_uppercase());
            let mut end = q;
            while end < f.len() && (f[end].is_alphanumeric() || f[end] == '-') {
                end += 1;
            }
            let word: String = f[q..end].iter().collect();
            if capital
                && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !self.member_parts.contains(&word)
            {
                let end = word_end(f, end).unwrap_or(end);
                return Some((q, end, generic));
            }
        }
        None
    }
}

/// Is the word at `at` (in the original text) written as a name: with a capital, and not
/// at the start of the text or of a sentence?
fn written_as_name(orig: &[char], at: usize) -> bool {
    let capital = orig.get(at).is_some_and(|c| c.is_uppercase());
    let before = orig[..at.min(orig.len())]
        .iter()
        .rev()
        .find(|c| !c.is_whitespace());
    capital && before.is_some_and(|c| !matches!(c, '.' | '!' | '?' | ':' | ';' | '"' | '\'' | '('))
}

/// Where a name that ends at `e` really ends: at `e`, or after a possessive or plural ending
/// (`s`, `'s`, `'`), provided no letter or digit follows.
fn word_end(f: &[char], e: usize) -> Option<usize> {
    let free = |q: usize| f.get(q).is_none_or(|c| !c.is_alphanumeric());
    if free(e) && f.get(e) != Some(&'\'') {
        return Some(e);
    }
    for ending in ["'s", "s", "'"] {
        let n = ending.chars().count();
        if f.len() >= e + n && f[e..e + n].iter().copied().eq(ending.chars()) && free(e + n) {
            return Some(e + n);
        }
    }
    free(e).then_some(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_cover_parts_hyphens_and_particles() {
        let v = name_variants("Zeynep-Noor van der Heijden", 2);
        for want in [
            "Zeynep-Noor van der Heijden",
            "Zeynep-Noor",
            "Zeynep",
            "Noor",
            "Heijden",
            "van der Heijden",
        ] {
            assert!(v.iter().any(|x| x == want), "{want} in {v:?}");
        }
        assert!(!v.iter().any(|x| x == "van" || x == "der"), "{v:?}");
        let v = name_variants("R. Bakker", 3);
        assert!(v.contains(&"Bakker".to_string()), "{v:?}");
        assert!(!v.contains(&"R.".to_string()), "{v:?}");
    }

    #[test]
    fn pseudonym_keys() {
        assert_eq!(pseudonym_key("Fam. A."), Some((true, 'a')));
        assert_eq!(pseudonym_key("Mw. Ö."), Some((false, 'o')));
        assert_eq!(pseudonym_key("gezin K"), Some((true, 'k')));
        assert_eq!(pseudonym_key("Familie de Boer"), None);
    }

    #[test]
    fn word_ends_take_possessives() {
        let f: Vec<char> = "kerems fiets".chars().collect();
        assert_eq!(word_end(&f, 5), Some(6));
        let f: Vec<char> = "kerem's fiets".chars().collect();
        assert_eq!(word_end(&f, 5), Some(7));
        let f: Vec<char> = "keremsen".chars().collect();
        assert_eq!(word_end(&f, 5), None);
    }
}
