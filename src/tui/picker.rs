//! A fuzzy picker over a list of options (cases, people, item kinds): type to filter, arrows
//! to choose. People are always picked from the team list, never typed.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower case without accents, so "ozturk" finds "Öztürk".
fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .to_lowercase()
}

/// One option: a stable key (member id, case code, …) and the label shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub key: String,
    pub label: String,
}

impl Choice {
    pub fn new(key: impl Into<String>, label: impl Into<String>) -> Self {
        Choice {
            key: key.into(),
            label: label.into(),
        }
    }
}

/// Options, a filter query and the selection among the matches.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Picker {
    pub options: Vec<Choice>,
    pub query: String,
    /// Index into [`Picker::matches`].
    pub selected: usize,
}

impl Picker {
    pub fn new(options: Vec<Choice>) -> Self {
        Picker {
            options,
            query: String::new(),
            selected: 0,
        }
    }

    /// Starts with the option whose key is `key` selected, if present.
    pub fn with_selected(mut self, key: &str) -> Self {
        if let Some(i) = self.options.iter().position(|o| o.key == key) {
            self.selected = i;
        }
        self
    }

    /// Indices of the options matching the query, best first (all, in order, without query).
    pub fn matches(&self) -> Vec<usize> {
        if self.query.trim().is_empty() {
            return (0..self.options.len()).collect();
        }
        let matcher = SkimMatcherV2::default();
        let query = fold(self.query.trim());
        let mut scored: Vec<(i64, usize)> = self
            .options
            .iter()
            .enumerate()
            .filter_map(|(i, o)| matcher.fuzzy_match(&fold(&o.label), &query).map(|s| (s, i)))
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().map(|(_, i)| i).collect()
    }

    /// The chosen option.
    pub fn current(&self) -> Option<&Choice> {
        let m = self.matches();
        m.get(self.selected.min(m.len().saturating_sub(1)))
            .map(|&i| &self.options[i])
    }

    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    pub fn down(&mut self) {
        let n = self.matches().len();
        if self.selected + 1 < n {
            self.selected += 1;
        }
    }

    pub fn type_char(&mut self, c: char) {
        self.query.push(c);
        self.selected = 0;
    }

    pub fn backspace(&mut self) {
        self.query.pop();
        self.selected = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_fuzzily_and_keeps_the_selection_in_range() {
        let mut p = Picker::new(vec![
            Choice::new("2026-0001", "2026-0001 Fam. Öztürk (Saskia)"),
            Choice::new("2026-0002", "2026-0002 Mw. Ç. (Jan)"),
        ]);
        assert_eq!(p.matches(), vec![0, 1]);
        p.down();
        p.down();
        assert_eq!(p.current().map(|c| c.key.as_str()), Some("2026-0002"));
        for c in "ozturk".chars() {
            p.type_char(c);
        }
        assert_eq!(p.matches(), vec![0]);
        assert_eq!(p.current().map(|c| c.key.as_str()), Some("2026-0001"));
        p.query = "zzzz".into();
        assert!(p.current().is_none());
    }
}
