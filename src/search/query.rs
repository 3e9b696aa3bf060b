//! Running a query against the index: accent-folded fuzzy matching, best hits first, matched
//! letters mapped back to the original text.
//!
//! Two matchers can score: skim's `SkimMatcherV2` (fuzzy-matcher, as the design names) and
//! helix's `nucleo-matcher`. Both are benchmarked side by side in `benches/lookups.rs`; the
//! default is chosen by those numbers (see `docs/performance.md`). A [`Searcher`] remembers
//! the hits of the previous query: when the new query extends it, only those hits can match,
//! so each keystroke narrows instead of starting over.
//!
//! With nucleo, a line that holds the query in one piece is scored with the optimal alignment;
//! a line where the letters lie scattered is scored with the linear greedy alignment (fzf's
//! first algorithm), which scores the same or lower. The hits that are shown are then scored
//! again optimally. A short query that matches almost every line thus costs a fraction, and
//! no line holding the query in one piece is ever pushed out of the hits.

use std::cmp::Ordering;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use nucleo_matcher::{Config, Matcher, Utf32Str};
use rayon::prelude::*;

use super::fold::fold_str;
use super::index::{Entry, HitKind, Location, SearchIndex, letters};

/// Which fuzzy matcher scores the candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    /// `fuzzy_matcher::skim::SkimMatcherV2`.
    Skim,
    /// `nucleo_matcher::Matcher` (fzf's algorithm, optimised).
    Nucleo,
}

impl Engine {
    /// The matcher used unless told otherwise; chosen with the benchmark numbers.
    pub const DEFAULT: Engine = Engine::Nucleo;
}

/// One search hit, owned so an interface can keep it.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub kind: HitKind,
    pub location: Location,
    /// The display text of the hit.
    pub text: String,
    /// Higher is better; only comparable within one query and engine.
    pub score: i64,
    /// Char indices into `text` of the matched letters, ascending.
    pub matched: Vec<usize>,
}

impl Hit {
    /// `text` split into runs of (matched?, piece), for highlighting.
    pub fn segments(&self) -> Vec<(bool, &str)> {
        let mut out: Vec<(bool, &str)> = Vec::new();
        let mut matched = self.matched.iter().peekable();
        let mut start = 0;
        let mut current = false;
        for (ci, (bi, _)) in self.text.char_indices().enumerate() {
            let is = matched.peek().is_some_and(|&&m| m == ci);
            if is {
                matched.next();
            }
            if is != current && bi > start {
                out.push((current, &self.text[start..bi]));
                start = bi;
            }
            if is != current {
                current = is;
            }
        }
        if start < self.text.len() {
            out.push((current, &self.text[start..]));
        }
        out
    }
}

/// The answer to one query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Results {
    /// The query as folded for matching.
    pub folded_query: String,
    /// How many entries matched in all (hits holds at most the limit).
    pub total: usize,
    /// The best hits, best first.
    pub hits: Vec<Hit>,
}

/// A search session: remembers the last query's matches to narrow the next keystroke.
pub struct Searcher {
    engine: Engine,
    skim: SkimMatcherV2,
    nucleo_config: Config,
    /// (index generation, folded query, ids of matching entries in index order).
    last: Option<(u64, String, Vec<u32>)>,
}

impl std::fmt::Debug for Searcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Searcher")
            .field("engine", &self.engine)
            .field(
                "narrowing",
                &self.last.as_ref().map(|(_, q, ids)| (q, ids.len())),
            )
            .finish()
    }
}

impl Clone for Searcher {
    fn clone(&self) -> Searcher {
        Searcher {
            engine: self.engine,
            skim: SkimMatcherV2::default().ignore_case(),
            nucleo_config: self.nucleo_config.clone(),
            last: self.last.clone(),
        }
    }
}

impl Default for Searcher {
    fn default() -> Self {
        Searcher::new(Engine::DEFAULT)
    }
}

/// Is `needle` a subsequence of `hay`? An ASCII needle is matched byte by byte, also in a
/// non-ASCII hay: the bytes of a multi-byte UTF-8 character never equal an ASCII byte.
fn is_subsequence(needle: &str, hay: &str) -> bool {
    if needle.is_ascii() {
        // memchr jumps to each next letter (SIMD) instead of stepping byte by byte.
        let hay = hay.as_bytes();
        let mut at = 0;
        needle.bytes().all(|n| match memchr::memchr(n, &hay[at..]) {
            Some(i) => {
                at += i + 1;
                true
            }
            None => false,
        })
    } else {
        let mut it = hay.chars();
        needle.chars().all(|n| it.any(|h| h == n))
    }
}

/// `s` for nucleo; `ascii` says whether it is ASCII (known beforehand for folded lines).
fn utf32<'a>(s: &'a str, ascii: bool, buf: &'a mut Vec<char>) -> Utf32Str<'a> {
    if ascii {
        Utf32Str::Ascii(s.as_bytes())
    } else {
        buf.clear();
        buf.extend(s.chars());
        Utf32Str::Unicode(buf)
    }
}

impl Searcher {
    /// A new session with the given matcher.
    pub fn new(engine: Engine) -> Searcher {
        let mut nucleo_config = Config::DEFAULT;
        // Text and query are folded and lowercased already.
        nucleo_config.normalize = false;
        nucleo_config.ignore_case = false;
        Searcher {
            engine,
            skim: SkimMatcherV2::default().ignore_case(),
            nucleo_config,
            last: None,
        }
    }

    /// The matcher in use.
    pub fn engine(&self) -> Engine {
        self.engine
    }

    /// Forgets the previous query (the next search scans everything).
    pub fn reset(&mut self) {
        self.last = None;
    }

    /// Runs `query` and returns at most `limit` hits, best first.
    pub fn search(&mut self, index: &SearchIndex, query: &str, limit: usize) -> Results {
        let q = fold_str(query.trim());
        if q.is_empty() {
            self.last = None;
            return Results::default();
        }
        let narrowed = match &self.last {
            Some((generation, prev, ids))
                if *generation == index.generation && is_subsequence(prev, &q) =>
            {
                Some(ids.as_slice())
            }
            _ => None,
        };
        let mut matched = self.score_all(index, &q, narrowed);
        let total = matched.len();
        let ids: Vec<u32> = matched.iter().map(|&(i, _)| i).collect();
        self.last = Some((index.generation, q.clone(), ids));

        let cmp = |a: &(u32, i64), b: &(u32, i64)| rank(index, a, b);
        if limit == 0 {
            matched.clear();
        } else if matched.len() > limit {
            matched.select_nth_unstable_by(limit - 1, cmp);
            matched.truncate(limit);
        }
        let mut nucleo = None;
        if self.engine == Engine::Nucleo {
            for (i, score) in &mut matched {
                if let Some(e) = index.entries.get(*i as usize) {
                    *score = self.optimal_score(e, &q, &mut nucleo).unwrap_or(*score);
                }
            }
        }
        matched.sort_unstable_by(cmp);
        let hits = matched
            .into_iter()
            .filter_map(|(i, score)| {
                let e = index.entries.get(i as usize)?;
                Some(Hit {
                    kind: e.kind,
                    location: e.location.clone(),
                    text: e.text.to_string(),
                    score,
                    matched: self.indices(e, &q, &mut nucleo),
                })
            })
            .collect();
        Results {
            folded_query: q,
            total,
            hits,
        }
    }

    /// Scores every candidate in parallel chunks; keeps index order.
    fn score_all(&self, index: &SearchIndex, q: &str, within: Option<&[u32]>) -> Vec<(u32, i64)> {
        let all: Vec<u32>;
        let ids: &[u32] = match within {
            Some(ids) => ids,
            None => {
                all = (0..u32::try_from(index.entries.len()).unwrap_or(u32::MAX)).collect();
                &all
            }
        };
        let chunk = (ids.len() / (rayon::current_num_threads() * 4)).max(2048);
        let parts: Vec<Vec<(u32, i64)>> = ids
            .par_chunks(chunk)
            .map(|part| self.score_chunk(index, part, q))
            .collect();
        let mut out = Vec::with_capacity(parts.iter().map(Vec::len).sum());
        for p in parts {
            out.extend(p);
        }
        out
    }

    fn score_chunk(&self, index: &SearchIndex, ids: &[u32], q: &str) -> Vec<(u32, i64)> {
        let entries = ids
            .iter()
            .filter_map(|&i| Some((i, index.entries.get(i as usize)?)));
        match self.engine {
            // Skim collects every candidate into a char vector first: a cheap byte-level
            // subsequence check spares it most of them. Nucleo prefilters with memchr itself.
            Engine::Skim => entries
                .filter(|(_, e)| is_subsequence(q, &e.folded.text))
                .filter_map(|(i, e)| {
                    let s = self.skim.fuzzy_match(&e.folded.text, q)?;
                    Some((i, with_key_bonus(s, q, e)))
                })
                .collect(),
            Engine::Nucleo => {
                let mut matcher = Matcher::new(self.nucleo_config.clone());
                let mut qbuf = Vec::new();
                let mut hbuf = Vec::new();
                let needle = utf32(q, q.is_ascii(), &mut qbuf);
                let whole = memchr::memmem::Finder::new(q.as_bytes());
                // A line lacking one of the query's letters is ruled out with one AND; the
                // rest go to nucleo, which finds the first and last letter itself. (A scan
                // for the whole subsequence here took 40 % of the CPU of `een`, which matches
                // almost every line.)
                let wanted = letters(q);
                entries
                    .filter(|(_, e)| e.letters & wanted == wanted)
                    .filter_map(|(i, e)| {
                        let hay = utf32(&e.folded.text, e.folded.ascii, &mut hbuf);
                        // A line holding the query as one piece gets the optimal alignment
                        // (those lines make the top). A scattered match is scored with the
                        // linear greedy alignment, which never scores higher than the
                        // optimal one; the hits that are shown are scored again optimally.
                        let s = if whole.find(e.folded.text.as_bytes()).is_some() {
                            matcher.fuzzy_match(hay, needle)?
                        } else {
                            matcher.fuzzy_match_greedy(hay, needle)?
                        };
                        Some((i, with_key_bonus(i64::from(s), q, e)))
                    })
                    .collect()
            }
        }
    }

    /// Nucleo's optimal score of `q` in an entry, with the key bonus.
    pub(crate) fn optimal_score(
        &self,
        e: &Entry,
        q: &str,
        nucleo: &mut Option<Matcher>,
    ) -> Option<i64> {
        let matcher = nucleo.get_or_insert_with(|| Matcher::new(self.nucleo_config.clone()));
        let (mut qbuf, mut hbuf) = (Vec::new(), Vec::new());
        let needle = utf32(q, q.is_ascii(), &mut qbuf);
        let hay = utf32(&e.folded.text, e.folded.ascii, &mut hbuf);
        let s = matcher.fuzzy_match(hay, needle)?;
        Some(with_key_bonus(i64::from(s), q, e))
    }

    /// Matched letters of `q` in an entry, as char indices into its original text.
    /// `nucleo` holds a matcher reused between hits (creating one zeroes a 100 KB slab).
    fn indices(&self, e: &Entry, q: &str, nucleo: &mut Option<Matcher>) -> Vec<usize> {
        // The letters are taken from the key part (the household's own names) when it holds
        // a match as good as the whole line's best: when the household and its coach share
        // a name, the household's is highlighted.
        let key = e.folded_key();
        let folded: Vec<usize> = match self.engine {
            Engine::Skim => {
                let full = self.skim.fuzzy_indices(&e.folded.text, q);
                match (self.skim.fuzzy_indices(key, q), full) {
                    (Some(k), Some(f)) if k.0 >= f.0 => k.1,
                    (_, f) => f.map(|(_, v)| v).unwrap_or_default(),
                }
            }
            Engine::Nucleo => {
                let matcher =
                    nucleo.get_or_insert_with(|| Matcher::new(self.nucleo_config.clone()));
                let (mut qbuf, mut hbuf, mut idx) = (Vec::new(), Vec::new(), Vec::new());
                let needle = utf32(q, q.is_ascii(), &mut qbuf);
                let full =
                    matcher.fuzzy_match(utf32(&e.folded.text, e.folded.ascii, &mut hbuf), needle);
                let in_key =
                    matcher.fuzzy_indices(utf32(key, e.folded.ascii, &mut hbuf), needle, &mut idx);
                if in_key.is_none() || in_key < full {
                    idx.clear();
                    let hay = utf32(&e.folded.text, e.folded.ascii, &mut hbuf);
                    matcher.fuzzy_indices(hay, needle, &mut idx);
                }
                idx.sort_unstable();
                idx.dedup();
                idx.into_iter().map(|i| i as usize).collect()
            }
        };
        e.folded.original_indices(&folded)
    }
}

/// A quarter more for a match inside the entry's own key part (a household's names rather
/// than its coach's, a member's name rather than their expertise): "ozdemir" finds the
/// Özdemir household before the cases a colleague Özdemir coaches.
fn with_key_bonus(score: i64, q: &str, e: &Entry) -> i64 {
    if is_subsequence(q, e.folded_key()) {
        score + score / 4
    } else {
        score
    }
}

/// Best first: higher score, then the shorter text (a name on its own beats the same name
/// inside a longer line), then cases before members, decisions and actions, then index order
/// (stable across runs).
fn rank(index: &SearchIndex, a: &(u32, i64), b: &(u32, i64)) -> Ordering {
    b.1.cmp(&a.1).then_with(|| {
        match (
            index.entries.get(a.0 as usize),
            index.entries.get(b.0 as usize),
        ) {
            (Some(ea), Some(eb)) => ea
                .folded
                .text
                .len()
                .cmp(&eb.folded.text.len())
                .then_with(|| ea.kind.cmp(&eb.kind)),
            _ => Ordering::Equal,
        }
        .then_with(|| a.0.cmp(&b.0))
    })
}

impl SearchIndex {
    /// One-off search with the default matcher (no narrowing between calls).
    pub fn search(&self, query: &str, limit: usize) -> Results {
        Searcher::default().search(self, query, limit)
    }
}
