//! Accent folding for search: `Özdemir` → `ozdemir`, `Şahin` → `sahin`, `Eén` → `een`.
//!
//! Text is decomposed (NFD), combining marks are dropped, letters that do not decompose
//! (ı, ß, ø, ł, æ, …) are spelled out, and everything is lowercased. A [`Folded`] keeps, for
//! every folded character, the position of the original character it came from, so letters
//! matched in the folded text can be highlighted in the original.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folded text with a map back to the original characters.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Folded {
    /// The folded text: lowercase, without accents.
    pub text: Box<str>,
    /// `map[i]` is the char index in the original of folded char `i`. `None` when the map
    /// is the identity (every original char became exactly one folded char), which is the
    /// common case and saves memory.
    map: Option<Box<[u32]>>,
    /// `text` is ASCII (almost every line, once accents and typographic punctuation are
    /// folded): known once here, so matching need not scan the line to find out.
    pub ascii: bool,
}

impl Folded {
    /// The original char index of folded char `i`.
    pub fn original_index(&self, i: usize) -> usize {
        match &self.map {
            None => i,
            Some(m) => m.get(i).map_or(i, |&o| o as usize),
        }
    }

    /// Maps folded char indices to original char indices: sorted, without duplicates (two
    /// folded letters from one original letter, like `ss` from `ß`, highlight it once).
    pub fn original_indices(&self, folded: &[usize]) -> Vec<usize> {
        let mut out: Vec<usize> = folded.iter().map(|&i| self.original_index(i)).collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Letters without a canonical decomposition, spelled the way a Dutch user would type them.
fn special(c: char) -> Option<&'static str> {
    Some(match c {
        'ı' => "i",
        'ß' | 'ẞ' => "ss",
        'ø' | 'Ø' => "o",
        'ł' | 'Ł' => "l",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'þ' | 'Þ' => "th",
        'ĳ' | 'Ĳ' => "ij",
        'ħ' | 'Ħ' => "h",
        'ŀ' | 'Ŀ' => "l",
        // Typographic punctuation (the " · " between the fields of a line among it): ASCII
        // keeps almost every folded line on the matcher's fast ASCII path.
        '·' | '•' => " ",
        '‐' | '‑' | '‒' | '–' | '—' => "-",
        '‘' | '’' | '‚' => "'",
        '“' | '”' | '„' => "\"",
        '…' => "...",
        c if c.is_whitespace() => " ",
        _ => return None,
    })
}

/// Folds one character, calling `push` for every folded char.
fn fold_char(c: char, mut push: impl FnMut(char)) {
    if c.is_ascii() {
        push(c.to_ascii_lowercase());
        return;
    }
    if let Some(s) = special(c) {
        s.chars().for_each(push);
        return;
    }
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            for l in d.to_lowercase() {
                // Lowercasing can itself produce a combining mark (İ → i + ◌̇).
                if !is_combining_mark(l) {
                    push(l);
                }
            }
        }
    });
}

/// Folds a query or a short text without keeping the position map.
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, |f| out.push(f));
    }
    out
}

/// Folds text and keeps the map back to the original characters.
pub fn fold(s: &str) -> Folded {
    if s.is_ascii() {
        return Folded {
            text: s.to_ascii_lowercase().into_boxed_str(),
            map: None,
            ascii: true,
        };
    }
    let mut text = String::with_capacity(s.len());
    let mut map: Vec<u32> = Vec::with_capacity(s.len());
    for (orig, c) in s.chars().enumerate() {
        let orig = u32::try_from(orig).unwrap_or(u32::MAX);
        fold_char(c, |f| {
            text.push(f);
            map.push(orig);
        });
    }
    let identity = map.iter().enumerate().all(|(i, &o)| o as usize == i);
    Folded {
        ascii: text.is_ascii(),
        text: text.into_boxed_str(),
        map: (!identity).then(|| map.into_boxed_slice()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_dutch_and_turkish_names() {
        assert_eq!(fold_str("Özdemir"), "ozdemir");
        assert_eq!(fold_str("Şahin"), "sahin");
        assert_eq!(fold_str("Eén"), "een");
        assert_eq!(
            fold_str("Helmerhoek-Stroïnkslanden"),
            "helmerhoek-stroinkslanden"
        );
        assert_eq!(fold_str("Yıldız"), "yildiz");
        assert_eq!(fold_str("İbrahim"), "ibrahim");
        assert_eq!(fold_str("Łukasz Størmer"), "lukasz stormer");
        assert_eq!(fold_str("Straße"), "strasse");
        assert_eq!(fold_str("Ærø"), "aero");
    }

    #[test]
    fn typographic_punctuation_becomes_ascii() {
        assert_eq!(
            fold_str("a · b – c ‘d’ “e”\u{a0}f…"),
            "a   b - c 'd' \"e\" f..."
        );
        // A line of fields is ASCII after folding, and its letters keep their places.
        let f = fold("2026-0012 Eén · Şahin");
        assert!(f.text.is_ascii());
        assert_eq!(&*f.text, "2026-0012 een   sahin");
        assert_eq!(f.original_index(16), 16);
    }

    #[test]
    fn identity_map_is_not_stored() {
        let f = fold("Özdemir");
        assert_eq!(&*f.text, "ozdemir");
        assert!(f.map.is_none());
        assert_eq!(f.original_index(3), 3);
    }

    #[test]
    fn expansions_map_back_to_their_letter() {
        // "Straße Ø": folded "strasse o"; both s of ß point at char 4 of the original.
        let f = fold("Straße Ø");
        assert_eq!(&*f.text, "strasse o");
        assert_eq!(f.original_index(4), 4);
        assert_eq!(f.original_index(5), 4);
        assert_eq!(f.original_index(6), 5);
        assert_eq!(f.original_index(8), 7);
        assert_eq!(f.original_indices(&[4, 5, 8]), vec![4, 7]);
    }
}
