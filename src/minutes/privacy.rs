//! Privacy: the two profiles, removing household names from shareable text, and a scan for
//! things that look like personal data (a BSN that passes the 11-proef, an e-mail address, a
//! Dutch phone number).
//!
//! What the `deelbaar` profile keeps and drops (decided here, see also `build.rs`):
//! - kept: team facts, attendance of professionals and guests, adoption of the previous
//!   minutes, action review, per case the **case code**, inbrenger, question, advice,
//!   decisions (with grounds and dissent), regie outcome and check, next evaluation, actions,
//!   the anonymised lesson; organisational items; besluitenlijst; actielijst;
//! - dropped: the pseudonym, household member names (also when typed into free text: they
//!   are replaced by `[naam]`), the clarifying notes and discussion notes of case items (they
//!   describe the household and often identify it), and all confidential notes.

use unicode_normalization::UnicodeNormalization;

use crate::domain::Case;

use super::model::Document;

/// Who the minutes are for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Profile {
    /// For the team: everything, including pseudonyms and confidential notes.
    #[default]
    Intern,
    /// For partners: case codes only, no household names, no confidential or discussion notes.
    Deelbaar,
}

/// What kind of personal data a finding looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FindingKind {
    Bsn,
    Email,
    Phone,
}

/// One thing that looks like personal data, with where it was found. The text itself is kept
/// masked only, so a finding can be printed without leaking what it found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: FindingKind,
    /// Heading of the section (a case section names the case code); empty for the title block.
    pub section: String,
    /// The match with all but its last two characters masked, e.g. `•••••••82`.
    pub masked: String,
}

/// Placeholder for a household name removed from shareable text.
pub const NAME_PLACEHOLDER: &str = "[naam]";

/// The names that must not appear in shareable text for these cases: pseudonyms, household
/// member names, and each part of those names of three letters or more.
pub fn household_names<'a>(cases: impl IntoIterator<Item = &'a Case>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for case in cases {
        for m in &case.household {
            if let Some(n) = &m.name {
                let n: String = n.nfc().collect();
                names.push(n.trim().to_string());
                names.extend(
                    n.split_whitespace()
                        .filter(|p| p.chars().filter(|c| c.is_alphabetic()).count() >= 3)
                        .map(str::to_string),
                );
            }
        }
    }
    names.retain(|n| !n.is_empty());
    // Longest first, so "Anouk Jansen" goes before "Anouk".
    names.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    names.dedup();
    names
}

/// Replaces every whole-word occurrence of the given names by `[naam]`. The text is put in
/// Unicode NFC first, like the names, so "Aydın" typed in another normal form still matches.
/// Matching is case-sensitive: a name typed in lower case is not found.
pub fn redact_names(text: &str, names: &[String]) -> String {
    let mut out: String = text.nfc().collect();
    for name in names {
        out = replace_word(&out, name, NAME_PLACEHOLDER);
    }
    out
}

/// Replaces `word` where it is not part of a longer word.
fn replace_word(text: &str, word: &str, with: &str) -> String {
    if word.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut prev: Option<char> = None;
    while let Some(pos) = rest.find(word) {
        let before = rest[..pos].chars().next_back().or(prev);
        let after = rest[pos + word.len()..].chars().next();
        let bounded =
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
        out.push_str(&rest[..pos]);
        if bounded {
            out.push_str(with);
        } else {
            out.push_str(word);
        }
        prev = word.chars().next_back();
        rest = &rest[pos + word.len()..];
    }
    out.push_str(rest);
    out
}

/// Scans every text of the document and returns what looks like personal data.
pub fn scan(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for (section, text) in doc.texts() {
        for (kind, found) in scan_text(text) {
            out.push(Finding {
                kind,
                section: section.to_string(),
                masked: mask(&found),
            });
        }
    }
    out
}

/// Finds BSNs, e-mail addresses and phone numbers in one text.
pub fn scan_text(text: &str) -> Vec<(FindingKind, String)> {
    let mut out = Vec::new();
    for group in number_groups(text) {
        let digits: String = group.chars().filter(char::is_ascii_digit).collect();
        if is_phone(&group, &digits) {
            out.push((FindingKind::Phone, group.clone()));
            continue;
        }
        if digits.len() == 9 && elf_proef(&digits) {
            out.push((FindingKind::Bsn, group.clone()));
            continue;
        }
        // A BSN written without separators next to other numbers: check plain 9-digit runs.
        for run in group.split(|c: char| !c.is_ascii_digit()) {
            if run.len() == 9 && elf_proef(run) {
                out.push((FindingKind::Bsn, run.to_string()));
            }
        }
    }
    out.extend(emails(text).into_iter().map(|e| (FindingKind::Email, e)));
    out
}

/// The 11-proef of a BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not 0).
pub fn elf_proef(digits: &str) -> bool {
    let d: Vec<i64> = digits
        .chars()
        .filter_map(|c| c.to_digit(10).map(i64::from))
        .collect();
    if d.len() != 9 || d.iter().all(|&x| x == 0) {
        return false;
    }
    let sum: i64 = d[..8]
        .iter()
        .enumerate()
        .map(|(i, &x)| x * (9 - i as i64))
        .sum::<i64>()
        - d[8];
    sum % 11 == 0
}

/// Maximal runs of digits joined by single separators (space, dot, hyphen), with an optional
/// leading `+`. "06-12345678", "+31 6 1234 5678" and "2026-0142" are each one group.
fn number_groups(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = if i > 0 && chars[i - 1] == '+' {
            i - 1
        } else {
            i
        };
        let mut end = i;
        while end < chars.len() {
            let separator = matches!(chars[end], ' ' | '.' | '-')
                && chars.get(end + 1).is_some_and(char::is_ascii_digit);
            if chars[end].is_ascii_digit() || separator {
                end += 1;
            } else {
                break;
            }
        }
        // A letter or digit glued to the front means this is part of a word, e.g. "A2026-014".
        let glued = start > 0 && chars[start - 1].is_alphanumeric();
        if !glued {
            out.push(chars[start..end].iter().collect());
        }
        i = end;
    }
    out
}

/// Dutch phone numbers: ten digits starting with a single 0 (06-12345678, 053 1234567), or
/// the country code 31 with nine digits after it (+31 6 12345678, 0031 …).
fn is_phone(group: &str, digits: &str) -> bool {
    if group.starts_with('+') {
        return digits.starts_with("31") && digits.len() == 11;
    }
    if let Some(rest) = digits.strip_prefix("0031") {
        return rest.len() == 9;
    }
    digits.len() == 10 && digits.starts_with('0') && !digits.starts_with("00")
}

/// E-mail addresses: `local@domain.tld`.
fn emails(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let local_ok = |c: char| c.is_alphanumeric() || "._%+-".contains(c);
    let domain_ok = |c: char| c.is_alphanumeric() || ".-".contains(c);
    let mut out = Vec::new();
    for (at, _) in chars.iter().enumerate().filter(|(_, c)| **c == '@') {
        let mut s = at;
        while s > 0 && local_ok(chars[s - 1]) {
            s -= 1;
        }
        let mut e = at + 1;
        while e < chars.len() && domain_ok(chars[e]) {
            e += 1;
        }
        let domain: String = chars[at + 1..e].iter().collect();
        let domain = domain.trim_end_matches('.');
        let has_tld = domain
            .rsplit_once('.')
            .is_some_and(|(host, tld)| !host.is_empty() && tld.chars().count() >= 2);
        if s < at && has_tld {
            let local: String = chars[s..at].iter().collect();
            out.push(format!("{local}@{domain}"));
        }
    }
    out
}

/// Masks all but the last two characters.
pub fn mask(found: &str) -> String {
    let n = found.chars().count();
    found
        .chars()
        .enumerate()
        .map(|(i, c)| if i + 2 >= n || c == '@' { c } else { '•' })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a 9-digit number that passes the 11-proef from 8 leading digits, so no BSN-like
    /// literal has to be written in the source.
    fn valid_bsn(first8: &str) -> String {
        let d: Vec<i64> = first8
            .chars()
            .filter_map(|c| c.to_digit(10).map(i64::from))
            .collect();
        let s: i64 = d.iter().enumerate().map(|(i, &x)| x * (9 - i as i64)).sum();
        let check = s % 11;
        assert!(check < 10, "choose other leading digits");
        format!("{first8}{check}")
    }

    #[test]
    fn elf_proef_accepts_built_and_rejects_changed() {
        let good = valid_bsn("10000007");
        assert!(elf_proef(&good));
        let mut bad: Vec<char> = good.chars().collect();
        bad[8] = if bad[8] == '9' {
            '0'
        } else {
            (bad[8] as u8 + 1) as char
        };
        assert!(!elf_proef(&bad.iter().collect::<String>()));
        assert!(!elf_proef(&"0".repeat(9)));
    }

    #[test]
    fn scan_finds_bsn_with_and_without_dots() {
        let good = valid_bsn("23456781");
        let dotted = format!("{}.{}.{}", &good[..4], &good[4..6], &good[6..]);
        for t in [format!("BSN {good}."), format!("bsn: {dotted}")] {
            let f = scan_text(&t);
            assert_eq!(f.len(), 1, "{t}");
            assert_eq!(f[0].0, FindingKind::Bsn);
        }
    }

    #[test]
    fn scan_ignores_codes_dates_and_numbers() {
        for t in [
            "Casus 2026-0142 besproken op 2026-03-12 om 09:30.",
            "Besluit 2026-031 en actie A2026-014.",
            "Budget € 12.500, 3 kinderen van 4, 7 en 12 jaar.",
        ] {
            assert!(scan_text(t).is_empty(), "{t}: {:?}", scan_text(t));
        }
    }

    #[test]
    fn scan_finds_phones_and_emails() {
        for t in [
            "bel 06-12345678",
            "bel 06 12345678",
            "tel. 0612345678",
            "+31 6 12345678",
            "+31612345678",
            "053-4801234",
        ] {
            let f = scan_text(t);
            assert_eq!(f.len(), 1, "{t}: {f:?}");
            assert_eq!(f[0].0, FindingKind::Phone, "{t}");
        }
        let f = scan_text("mail naar j.de.vries@voorbeeld.nl.");
        assert_eq!(
            f,
            vec![(FindingKind::Email, "j.de.vries@voorbeeld.nl".into())]
        );
        assert!(scan_text("@team en a@b").is_empty());
    }

    #[test]
    fn redaction_replaces_whole_words_only() {
        let names = vec!["Anouk Jansen".to_string(), "Jansen".into(), "Anouk".into()];
        assert_eq!(
            redact_names("Anouk Jansen belde; Anouk wil Jansens hulp", &names),
            "[naam] belde; [naam] wil Jansens hulp"
        );
    }

    #[test]
    fn redaction_matches_names_in_another_unicode_form() {
        let names = vec!["Chloë".to_string()];
        assert_eq!(redact_names("Chloe\u{308} belde", &names), "[naam] belde");
    }

    #[test]
    fn mask_keeps_last_two() {
        assert_eq!(mask("0612345678"), "••••••••78");
        assert_eq!(mask("a@b.nl"), "•@••nl");
    }
}
