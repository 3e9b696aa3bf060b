//! A picker over typed choices (cases, people, item kinds, export formats): type to filter,
//! arrows to choose. Matching uses the program's one accent fold ([`crate::search::fold_str`]),
//! so `riza` finds Rıza and `een` finds Eén everywhere.
//!
//! Two ways of matching:
//! - [`Matching::Fuzzy`] (cases, formats): labels whose words start with the typed words
//!   first, then labels that hold the text, then fuzzy matches (skim);
//! - [`Matching::WordStart`] (people): only labels whose words start with the typed words, so
//!   typing `kees` never picks "Renske Wessels" just because its letters occur in order.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::search::fold_str;

/// One option: its typed value and the label shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice<T> {
    pub value: T,
    pub label: String,
    /// The label folded, for matching.
    folded: String,
}

impl<T> Choice<T> {
    pub fn new(value: T, label: impl Into<String>) -> Self {
        let label = label.into();
        Choice {
            value,
            folded: fold_str(&label),
            label,
        }
    }
}

/// How typed text selects options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matching {
    Fuzzy,
    WordStart,
}

/// Options, a filter query and the selection among the matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker<T> {
    options: Vec<Choice<T>>,
    query: String,
    matching: Matching,
    /// Indices of the options matching the query, best first.
    matches: Vec<usize>,
    /// Index into `matches`.
    selected: usize,
}

/// The words of folded text: runs of letters and digits.
fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Does every typed word start a word of the label?
fn word_starts(label: &str, query: &str) -> bool {
    words(query).all(|q| words(label).any(|w| w.starts_with(q)))
}

impl<T: Clone + PartialEq> Picker<T> {
    pub fn new(options: Vec<Choice<T>>, matching: Matching) -> Self {
        let matches = (0..options.len()).collect();
        Picker {
            options,
            query: String::new(),
            matching,
            matches,
            selected: 0,
        }
    }

    /// Starts with the option holding `value` selected, if present.
    pub fn with_selected(mut self, value: Option<&T>) -> Self {
        if let Some(v) = value
            && let Some(i) = self.options.iter().position(|o| &o.value == v)
        {
            self.selected = i;
        }
        self
    }

    fn refresh(&mut self) {
        self.selected = 0;
        let query = fold_str(self.query.trim());
        if query.trim().is_empty() {
            self.matches = (0..self.options.len()).collect();
            return;
        }
        let matcher = SkimMatcherV2::default();
        let mut scored: Vec<(u8, i64, usize)> = self
            .options
            .iter()
            .enumerate()
            .filter_map(|(i, o)| {
                if word_starts(&o.folded, &query) {
                    return Some((0, 0, i));
                }
                if self.matching == Matching::WordStart {
                    return None;
                }
                if o.folded.contains(query.as_str()) {
                    return Some((1, 0, i));
                }
                matcher.fuzzy_match(&o.folded, &query).map(|s| (2, -s, i))
            })
            .collect();
        scored.sort_unstable();
        self.matches = scored.into_iter().map(|(_, _, i)| i).collect();
    }

    /// The options matching the query, best first.
    pub fn visible(&self) -> impl Iterator<Item = &Choice<T>> {
        self.matches.iter().map(|&i| &self.options[i])
    }

    /// How many options match.
    pub fn match_count(&self) -> usize {
        self.matches.len()
    }

    /// The position of the selection among the matches.
    pub fn selected(&self) -> usize {
        self.selected.min(self.matches.len().saturating_sub(1))
    }

    /// The chosen option.
    pub fn current(&self) -> Option<&Choice<T>> {
        self.matches.get(self.selected()).map(|&i| &self.options[i])
    }

    /// The chosen value.
    pub fn value(&self) -> Option<&T> {
        self.current().map(|c| &c.value)
    }

    /// The typed filter.
    pub fn query(&self) -> &str {
        &self.query
    }

    pub fn up(&mut self) {
        self.selected = self.selected().saturating_sub(1);
    }

    pub fn down(&mut self) {
        if self.selected() + 1 < self.matches.len() {
            self.selected = self.selected() + 1;
        }
    }

    pub fn type_char(&mut self, c: char) {
        self.query.push(c);
        self.refresh();
    }

    pub fn backspace(&mut self) {
        self.query.pop();
        self.refresh();
    }

    /// Replaces the filter (restoring a draft).
    pub fn set_query(&mut self, query: &str) {
        self.query = query.to_string();
        self.refresh();
    }

    /// Selects the option holding `value`, clearing the filter.
    pub fn select_value(&mut self, value: &T) {
        self.query.clear();
        self.refresh();
        if let Some(i) = self.options.iter().position(|o| &o.value == value) {
            self.selected = i;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people() -> Picker<&'static str> {
        Picker::new(
            vec![
                Choice::new("rwessels", "Renske Wessels"),
                Choice::new("ryilmaz", "Rıza Yılmaz"),
                Choice::new("aaydin", "Ayşe Aydın"),
                Choice::new("feen", "Fenna Eén"),
            ],
            Matching::WordStart,
        )
    }

    fn typed(mut p: Picker<&'static str>, text: &str) -> Picker<&'static str> {
        text.chars().for_each(|c| p.type_char(c));
        p
    }

    #[test]
    fn people_are_found_by_the_start_of_their_words_without_accents() {
        assert_eq!(typed(people(), "riza").value(), Some(&"ryilmaz"));
        assert_eq!(typed(people(), "yilmaz").value(), Some(&"ryilmaz"));
        assert_eq!(typed(people(), "aydin").value(), Some(&"aaydin"));
        assert_eq!(typed(people(), "een").value(), Some(&"feen"));
        assert_eq!(typed(people(), "ri yil").value(), Some(&"ryilmaz"));
        // Letters in order are not enough for a person.
        assert_eq!(typed(people(), "kees").value(), None);
        assert_eq!(typed(people(), "kees").match_count(), 0);
    }

    #[test]
    fn fuzzy_pickers_rank_word_starts_first_and_keep_the_selection_in_range() {
        let mut p = Picker::new(
            vec![
                Choice::new(1, "2026-0001 Fam. Öztürk (Saskia)"),
                Choice::new(2, "2026-0002 Mw. Ç. (Jan)"),
            ],
            Matching::Fuzzy,
        );
        p.down();
        p.down();
        assert_eq!(p.value(), Some(&2));
        for c in "ozturk".chars() {
            p.type_char(c);
        }
        assert_eq!(p.value(), Some(&1));
        assert_eq!(p.match_count(), 1);
        p.set_query("zzzz");
        assert!(p.current().is_none());
        p.select_value(&2);
        assert_eq!(p.value(), Some(&2));
    }
}
