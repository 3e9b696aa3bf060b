//! Search over everything under `--data`: cases (code, pseudonym, consented names, coach,
//! leefgebieden), members, decisions and actions of every team and meeting. Fuzzy, indifferent
//! to accents, best hits first, with the matched letters of the original text.
//!
//! No terminal here: the TUI popup and `overleg zoek` both sit on top of this.
//!
//! ```
//! use overleg::search::SearchIndex;
//! let index = SearchIndex::build(&overleg::domain::Workspace::default());
//! assert!(index.search("ozdemir", 20).hits.is_empty());
//! ```

mod fold;
mod index;
mod query;

pub use fold::{Folded, fold, fold_str};
pub use index::{HitKind, Location, SEP, SearchIndex, TeamPart, case_line};
pub use query::{Engine, Hit, Results, Searcher};

#[cfg(test)]
mod tests;
