//! The scan for personal data in the forms people really type: a BSN with any separator, over
//! a line break or glued to letters (11-proef); an IBAN (mod-97, with or without spaces); a
//! postcode with a house number; a street with a house number; a date of birth in context;
//! an e-mail address, also written as `jan at example dot nl`, `jan[at]example.nl`,
//! `jan @ example.nl` or with a full-width `＠`; a Dutch phone number in every common notation.
//!
//! The text is read in Unicode NFKC first (full-width letters, digits and `＠` become plain
//! ones) with invisible characters (zero-width space, soft hyphen) removed. Ordinary meeting
//! text is left alone: dates, times, decision and action numbers, case codes, amounts after
//! `€`, percentages and FTE figures are not personal data.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use super::FindingKind;

/// Finds what looks like personal data in one text; each with the text as typed (after
/// NFKC), in the order it appears.
pub fn scan_text(text: &str) -> Vec<(FindingKind, String)> {
    let t = normalise(text);
    let mut found: Vec<(FindingKind, Range<usize>)> = Vec::new();
    // In order of precedence: a spaced IBAN also holds ten digits that look like a phone
    // number, a date of birth holds a date; the first kind that claims the text keeps it.
    found.extend(ibans(&t).into_iter().map(|r| (FindingKind::Iban, r)));
    found.extend(emails(&t).into_iter().map(|r| (FindingKind::Email, r)));
    found.extend(
        birth_dates(&t)
            .into_iter()
            .map(|r| (FindingKind::BirthDate, r)),
    );
    found.extend(
        postcodes(&t)
            .into_iter()
            .map(|r| (FindingKind::Postcode, r)),
    );
    found.extend(streets(&t).into_iter().map(|r| (FindingKind::Address, r)));
    found.extend(numbers(&t));
    let mut kept: Vec<(FindingKind, Range<usize>)> = Vec::new();
    for (kind, r) in found {
        if !kept.iter().any(|(_, k)| k.start < r.end && r.start < k.end) {
            kept.push((kind, r));
        }
    }
    kept.sort_by_key(|(_, r)| r.start);
    kept.into_iter()
        .map(|(kind, r)| (kind, t[r].to_string()))
        .collect()
}

/// NFKC, without zero-width characters and soft hyphens.
fn normalise(text: &str) -> String {
    text.nfkc()
        .filter(|c| {
            !matches!(
                c,
                '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
            )
        })
        .collect()
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

/// A pattern of this file, compiled once. The patterns are constants, checked by the tests;
/// one that failed to compile would match nothing rather than stop the program.
type Pattern = LazyLock<Option<Regex>>;

fn re(pattern: &str) -> Option<Regex> {
    Regex::new(pattern).ok()
}

/// The matches of a pattern in `t`.
fn find_all<'t>(p: &Pattern, t: &'t str) -> Vec<regex::Match<'t>> {
    p.as_ref()
        .map_or_else(Vec::new, |r| r.find_iter(t).collect())
}

/// Does the pattern match `t`?
fn is_match(p: &Pattern, t: &str) -> bool {
    p.as_ref().is_some_and(|r| r.is_match(t))
}

// ---------------------------------------------------------------------------------------
// BSN and phone numbers: runs of digits joined by separators.

/// A run of ASCII digits, as a byte range of the text.
struct Group {
    range: Range<usize>,
    digits: String,
}

/// Characters that may stand between the digit groups of one number: spaces, a line break,
/// dots, hyphens, slashes, underscores and the brackets of `(020)` or `(0)6`.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\n' | '\r' | '.' | '-' | '/' | '_' | '(' | ')' | '\u{a0}'
    )
}

static DATE: Pattern = LazyLock::new(|| {
    re(r"\b(?:\d{1,2}[-./]\d{1,2}[-./](?:19|20)\d{2}|(?:19|20)\d{2}-\d{1,2}-\d{1,2})\b")
});

/// BSNs and phone numbers.
fn numbers(t: &str) -> Vec<(FindingKind, Range<usize>)> {
    let dates: Vec<Range<usize>> = find_all(&DATE, t).iter().map(|m| m.range()).collect();
    let mut out = Vec::new();
    for cluster in clusters(t, &dates) {
        if is_amount(t, &cluster) {
            continue;
        }
        let mut i = 0;
        while i < cluster.len() {
            match number_at(t, &cluster, i) {
                Some((kind, j)) => {
                    let plus = usize::from(t[..cluster[i].range.start].ends_with('+'));
                    out.push((kind, cluster[i].range.start - plus..cluster[j].range.end));
                    i = j + 1;
                }
                None => i += 1,
            }
        }
    }
    out
}

/// The phone number or BSN made of the groups `i..=j` of a cluster, if any: its kind and `j`.
fn number_at(t: &str, cluster: &[Group], i: usize) -> Option<(FindingKind, usize)> {
    let plus = t[..cluster[i].range.start].ends_with('+');
    let mut digits = String::new();
    for (j, g) in cluster.iter().enumerate().skip(i) {
        digits.push_str(&g.digits);
        if digits.len() > 13 {
            return None;
        }
        if is_phone(&digits, plus) {
            return Some((FindingKind::Phone, j));
        }
        if digits.len() == 9 && elf_proef(&digits) {
            return Some((FindingKind::Bsn, j));
        }
    }
    None
}

/// Digit groups joined into clusters by at most three separator characters; digits inside
/// a date (`14-03-2026`, `2026-03-14`) break a cluster and belong to none.
fn clusters(t: &str, dates: &[Range<usize>]) -> Vec<Vec<Group>> {
    let mut groups: Vec<Group> = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
        match (c.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                groups.push(Group {
                    range: s..i,
                    digits: t[s..i].to_string(),
                });
                start = None;
            }
            _ => {}
        }
    }
    let mut out: Vec<Vec<Group>> = Vec::new();
    let mut current: Vec<Group> = Vec::new();
    for g in groups {
        if dates
            .iter()
            .any(|d| d.start <= g.range.start && g.range.end <= d.end)
        {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        let joined = current.last().is_some_and(|prev| {
            let gap = &t[prev.range.end..g.range.start];
            let n = gap.chars().count();
            (1..=3).contains(&n) && gap.chars().all(is_separator) && gap.matches('\n').count() <= 1
        });
        if !joined && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        current.push(g);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// A cluster that is an amount of money or a percentage: after `€`/`EUR`, or before
/// `euro`, `,-` or `%`.
fn is_amount(t: &str, cluster: &[Group]) -> bool {
    let (Some(first), Some(last)) = (cluster.first(), cluster.last()) else {
        return false;
    };
    let before = t[..first.range.start].trim_end().to_lowercase();
    let after = t[last.range.end..].trim_start().to_lowercase();
    let last_word = before.split_whitespace().next_back().unwrap_or_default();
    before.ends_with('€')
        || matches!(last_word, "eur" | "euro")
        || after.starts_with("euro")
        || after.starts_with(",-")
        || after.starts_with('%')
        || after.starts_with("procent")
}

/// Dutch phone numbers: ten digits starting with a single 0 (`06-12345678`, `(020) 123
/// 4567`, `06/12345678`), or the country code 31 after `+` or `00` with nine digits, an
/// optional `(0)` in between (`+31 (0)6 12345678`).
fn is_phone(digits: &str, plus: bool) -> bool {
    let national = |rest: &str| {
        let rest = if rest.len() == 10 && rest.starts_with('0') {
            &rest[1..]
        } else {
            rest
        };
        rest.len() == 9 && !rest.starts_with('0')
    };
    if plus {
        return digits.strip_prefix("31").is_some_and(national);
    }
    if let Some(rest) = digits.strip_prefix("0031") {
        return national(rest);
    }
    digits.len() == 10 && digits.starts_with('0') && !digits.starts_with("00")
}

// ---------------------------------------------------------------------------------------
// IBAN

/// Length of an IBAN per country, for the countries a Dutch wijkteam meets.
fn iban_length(country: &str) -> Option<usize> {
    Some(match country {
        "NL" | "DK" | "FI" => 18,
        "BE" => 16,
        "NO" => 15,
        "DE" | "GB" | "IE" => 22,
        "LU" | "AT" => 20,
        "CH" => 21,
        "ES" | "SE" => 24,
        "PT" => 25,
        "TR" => 26,
        "FR" | "IT" => 27,
        "PL" => 28,
        _ => return None,
    })
}

/// The mod-97 check of an IBAN (ISO 13616): the first four characters moved to the end,
/// letters as 10–35, the number modulo 97 is 1.
pub fn iban_valid(iban: &str) -> bool {
    let s: Vec<char> = iban.chars().map(|c| c.to_ascii_uppercase()).collect();
    if s.len() < 15 || !s.iter().all(char::is_ascii_alphanumeric) {
        return false;
    }
    let mut rem: u32 = 0;
    for c in s[4..].iter().chain(&s[..4]) {
        let v = match c.to_digit(36) {
            Some(v) => v,
            None => return false,
        };
        for d in if v >= 10 {
            vec![v / 10, v % 10]
        } else {
            vec![v]
        } {
            rem = (rem * 10 + d) % 97;
        }
    }
    rem == 1
}

/// IBANs: two letters, two check digits, the rest of the account for that country, with or
/// without spaces (or dots, hyphens) between the blocks, in any case.
fn ibans(t: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= chars.len() {
        let window = [chars[i].1, chars[i + 1].1, chars[i + 2].1, chars[i + 3].1];
        let starts = window[0].is_ascii_alphabetic()
            && window[1].is_ascii_alphabetic()
            && window[2].is_ascii_digit()
            && window[3].is_ascii_digit()
            && (i == 0 || !chars[i - 1].1.is_ascii_alphanumeric());
        let country: String = window[..2].iter().map(char::to_ascii_uppercase).collect();
        let Some(len) = iban_length(&country).filter(|_| starts) else {
            i += 1;
            continue;
        };
        let mut s = String::new();
        let mut k = i;
        let mut end = i;
        while k < chars.len() && s.len() < len {
            let c = chars[k].1;
            if c.is_ascii_alphanumeric() {
                s.push(c.to_ascii_uppercase());
                end = k + 1;
                k += 1;
            } else if matches!(c, ' ' | '.' | '-' | '\u{a0}')
                && chars
                    .get(k + 1)
                    .is_some_and(|(_, n)| n.is_ascii_alphanumeric())
                && s.len() >= 2
            {
                k += 1;
            } else {
                break;
            }
        }
        let bounded = chars.get(end).is_none_or(|(_, c)| !c.is_ascii_digit());
        let shaped = country != "NL"
            || (s.len() == 18
                && s[4..8].chars().all(|c| c.is_ascii_alphabetic())
                && s[8..].chars().all(|c| c.is_ascii_digit()));
        if s.len() == len && bounded && shaped && iban_valid(&s) {
            let byte_end = chars.get(end).map_or(t.len(), |(b, _)| *b);
            out.push(chars[i].0..byte_end);
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Addresses

static POSTCODE: Pattern = LazyLock::new(|| re(r"\b[1-9][0-9]{3}(?:\s?[A-Z]{2}|[a-z]{2})\b"));
static NUMBER_AFTER: Pattern = LazyLock::new(|| {
    re(r"^[\s,]*(?i:nr\.?|nummer|huisnummer)?\s*\d{1,5}(?:\s?[a-zA-Z]\b|-\d{1,3}\b)?\b")
});
static NUMBER_BEFORE: Pattern = LazyLock::new(|| re(r"\b\d{1,5}(?:\s?[a-zA-Z]|-\d{1,3})?[\s,]+$"));
static POSTCODE_WORD: Pattern = LazyLock::new(|| re(r"(?i)\b(?:postcode|pc)\s*:?\s*$"));
static POSTCODE_AFTER_WORD: Pattern =
    LazyLock::new(|| re(r"(?i)\b(?:postcode|pc)\s*:?\s*[1-9][0-9]{3}\s?[a-z]{2}\b"));

/// A postcode (`7511 AB`, `7511AB`, `7511ab`) with a house number before or after it, or
/// after the word "postcode".
fn postcodes(t: &str) -> Vec<Range<usize>> {
    let after_word = find_all(&POSTCODE_AFTER_WORD, t)
        .into_iter()
        .map(|m| m.range());
    find_all(&POSTCODE, t)
        .into_iter()
        .filter(|m| {
            let letters: String = m
                .as_str()
                .chars()
                .filter(char::is_ascii_alphabetic)
                .map(|c| c.to_ascii_uppercase())
                .collect();
            !matches!(letters.as_str(), "SA" | "SD" | "SS")
        })
        .filter_map(|m| {
            let before = &t[..m.start()];
            if let Some(n) = find_all(&NUMBER_AFTER, &t[m.end()..]).first() {
                return Some(m.start()..m.end() + n.end());
            }
            // The number before it is often the end of a street, which is a finding of its own.
            if !find_all(&NUMBER_BEFORE, before).is_empty() {
                return Some(m.range());
            }
            is_match(&POSTCODE_WORD, before).then(|| m.range())
        })
        .chain(after_word)
        .collect()
}

/// Street suffixes that are hardly ever the end of an ordinary word.
const SAFE_SUFFIXES: &[&str] = &[
    "straatweg",
    "straat",
    "laan",
    "weg",
    "plein",
    "gracht",
    "kade",
    "singel",
    "dijk",
    "steeg",
    "dreef",
    "plantsoen",
    "boulevard",
    "allee",
    "burgwal",
    "kanaal",
];
/// Street suffixes that end ordinary words too (vordering, loopbaan, speelveld): a street
/// only when the word is written with a capital.
const CAPITAL_SUFFIXES: &[&str] = &[
    "park", "pad", "baan", "ring", "markt", "erf", "veld", "wal", "haven", "dam", "berg", "bos",
    "dal", "kamp", "hout", "oord", "brink", "werf", "akker", "gaarde", "hoeve", "zijde", "polder",
    "hof",
];

static STREET: Pattern = LazyLock::new(|| {
    let all: Vec<&str> = SAFE_SUFFIXES
        .iter()
        .chain(CAPITAL_SUFFIXES)
        .copied()
        .collect();
    re(&format!(
        r"(?i)\b((?:\p{{L}}[\p{{L}}'\-]*?)?({}))[ \t\u{{a0}}]+(\d{{1,4}})(?:\s?[a-z]\b|-\d{{1,3}}\b|\s(?:bis|hs|i{{1,3}})\b|\b)",
        all.join("|")
    ))
});
static UNIT_AFTER: Pattern = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:%|procent|jaar|jr|uur|keer|x\b|weken|week|maanden|maand|dagen|dag\b|minuten|min\b|kinderen|personen|euro|km|meter|fte|punten|casussen|-\p{L})",
    )
});

/// A street name ending in a Dutch street suffix with a house number (`Hoofdstraat 12`,
/// `Van Heeksbleeklaan 3a`, `Oude Markt 12-2`) on the same line. A number with a word joined
/// to it (`Bakker 6-ogenprincipe`, `4-jarige`) or a unit after it is no house number.
fn streets(t: &str) -> Vec<Range<usize>> {
    let Some(street) = STREET.as_ref() else {
        return Vec::new();
    };
    street
        .captures_iter(t)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let word = c.get(1)?.as_str();
            let suffix = c.get(2)?.as_str().to_lowercase();
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            let longer = word.chars().count() > suffix.chars().count();
            let street = if SAFE_SUFFIXES.contains(&suffix.as_str()) {
                capital || longer
            } else {
                capital
            };
            let unit = is_match(&UNIT_AFTER, &t[whole.end()..]);
            (street && !unit).then(|| whole.range())
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Dates of birth

const MONTHS: &str = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|febr|mrt|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec|january|february|march|may|june|july|august|october";

static BIRTH: Pattern = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(?:geboren|geb\.?\s?datum|geboortedatum|geboortedag|geb\.|geb\b|d\.o\.b\.|dob\b|born|date\s+of\s+birth|birth\s?date)\s*(?:op\b|on\b|in\b)?\s*:?\s*(?:\d{{1,2}}\s?[-./]\s?\d{{1,2}}\s?[-./]\s?\d{{2,4}}|\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}(?:e|ste|de)?\s+(?:{MONTHS})\b\.?(?:\s+'?\d{{2,4}})?|(?:{MONTHS})\b\.?\s+\d{{1,2}},?\s+\d{{4}})"
    ))
});

/// A date of birth: "geboren", "geb.", "geboortedatum" (or English) with a date in numbers
/// (`14-03-2012`, `14/3/12`, `2012-03-14`) or in words (`14 maart 2012`, `14 mrt`).
fn birth_dates(t: &str) -> Vec<Range<usize>> {
    find_all(&BIRTH, t).iter().map(|m| m.range()).collect()
}

// ---------------------------------------------------------------------------------------
// E-mail

static EMAIL: Pattern = LazyLock::new(|| {
    let at = r"(?:\s*@\s*|\s*[\[({<]\s*(?:at|@)\s*[\])}>]\s*|\s+(?:at|apenstaartje)\s+)";
    let dot = r"(?:\.|\s*[\[({<]\s*(?:dot|punt)\s*[\])}>]\s*|\s+(?:dot|punt)\s+)";
    re(&format!(
        r"(?i)[\p{{L}}\p{{N}}._%+\-]+{at}[\p{{L}}\p{{N}}\-]+(?:{dot}[\p{{L}}\p{{N}}\-]+)+"
    ))
});
static TLD: Pattern = LazyLock::new(|| re(r"(?i)[a-z]{2,10}$"));

/// E-mail addresses, also obfuscated: `jan at example dot nl`, `jan[at]example.nl`,
/// `jan(at)example(dot)nl`, `jan @ example.nl`, `jan＠example.nl` (NFKC makes it `@`).
fn emails(t: &str) -> Vec<Range<usize>> {
    find_all(&EMAIL, t)
        .into_iter()
        .filter(|m| {
            let s = m.as_str();
            let last = s
                .rsplit(|c: char| !c.is_alphanumeric() && c != '-')
                .next()
                .unwrap_or_default();
            is_match(&TLD, last) && last.chars().all(|c| c.is_ascii_alphabetic())
        })
        .map(|m| m.range())
        .collect()
}
