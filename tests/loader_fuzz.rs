//! Fuzzing the RON loader through the real folder loader: every kind of file (team, case,
//! meeting) mutated at random — bytes cut, doubled, swapped, replaced by RON-ish junk. Never a
//! panic; a file that does not load is always reported with a located problem
//! (`path:line:column`), and the file on disk is never touched by loading.
//!
//! `tests/broken_inputs.rs` holds the hand-written corpus and random bytes in a case file;
//! this file adds structure-aware mutations of all three kinds of file. The number of cases per
//! kind is `LOADER_FUZZ_CASES` (default 96, sized for CI): 3 × that many inputs per run.

mod common;

use std::path::{Path, PathBuf};

use overleg::i18n::Lang;
use overleg::storage::load_workspace;
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("LOADER_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(96)
}

/// One edit of a text.
#[derive(Debug, Clone)]
enum Mutation {
    /// Cut `len` bytes at `at`.
    Cut { at: usize, len: usize },
    /// Insert junk at `at`.
    Insert { at: usize, junk: String },
    /// Repeat the span `at..at+len`.
    Double { at: usize, len: usize },
    /// Swap two spans' places (move `at..at+len` to `to`).
    Move { at: usize, len: usize, to: usize },
    /// Stop the file at `at` (a crash while writing, by an editor that does not write atomically).
    Truncate { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let junk = "[(){}\\[\\],:\"a-zA-Z0-9_ \n#/\\\\é\u{0}-]{1,8}";
    prop_oneof![
        (0usize..20_000, 1usize..40).prop_map(|(at, len)| Mutation::Cut { at, len }),
        (0usize..20_000, junk).prop_map(|(at, junk)| Mutation::Insert { at, junk }),
        (0usize..20_000, 1usize..200).prop_map(|(at, len)| Mutation::Double { at, len }),
        (0usize..20_000, 1usize..80, 0usize..20_000).prop_map(|(at, len, to)| Mutation::Move {
            at,
            len,
            to
        }),
        (0usize..20_000).prop_map(|at| Mutation::Truncate { at }),
    ]
}

/// The nearest char boundary at or before `at`, within the text.
fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &str, m: &Mutation) -> String {
    match m {
        Mutation::Cut { at, len } => {
            let a = floor(text, *at);
            let b = floor(text, a + len);
            format!("{}{}", &text[..a], &text[b..])
        }
        Mutation::Insert { at, junk } => {
            let a = floor(text, *at);
            format!("{}{junk}{}", &text[..a], &text[a..])
        }
        Mutation::Double { at, len } => {
            let a = floor(text, *at);
            let b = floor(text, a + len);
            format!("{}{}", &text[..b], &text[a..])
        }
        Mutation::Move { at, len, to } => {
            let a = floor(text, *at);
            let b = floor(text, a + len);
            let rest = format!("{}{}", &text[..a], &text[b..]);
            let t = floor(&rest, *to);
            format!("{}{}{}", &rest[..t], &text[a..b], &rest[t..])
        }
        Mutation::Truncate { at } => text[..floor(text, *at)].to_string(),
    }
}

/// Writes the mutated file into a fresh copy of the fixture, loads, and checks the promises.
fn check(file: &str, edits: &[Mutation]) -> Result<(), TestCaseError> {
    let (_t, dir) = common::fixture_copy();
    let path: PathBuf = dir.join(file);
    let original = std::fs::read_to_string(&path).expect("read");
    let mangled = edits.iter().fold(original, |t, m| apply(&t, m));
    std::fs::write(&path, &mangled).expect("write");
    let out = load_workspace(&dir);
    for p in &out.problems {
        prop_assert!(p.line >= 1 && p.column >= 1, "{p}");
        prop_assert!(p.path.starts_with(&dir), "{p}");
        prop_assert!(!p.kind.message(Lang::Nl).is_empty());
        prop_assert!(!p.kind.message(Lang::En).is_empty());
    }
    prop_assert!(loaded(&dir, &out, file) || out.problems.iter().any(|p| p.path == path));
    prop_assert_eq!(std::fs::read_to_string(&path).expect("read"), mangled);
    Ok(())
}

/// Is the (mutated) file part of the loaded workspace?
fn loaded(dir: &Path, out: &overleg::storage::LoadOutcome, file: &str) -> bool {
    let Some(team) = out.workspace.teams.first() else {
        return false;
    };
    let stem = Path::new(file)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if file.starts_with("cases/") {
        team.case(stem).is_some()
    } else if file.starts_with("meetings/") {
        team.meetings
            .iter()
            .any(|m| m.date.format("%Y-%m-%d").to_string() == stem)
    } else {
        team.dir == dir
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn mutated_team_file(edits in prop::collection::vec(mutation(), 1..4)) {
        check("team.ron", &edits)?;
    }

    #[test]
    fn mutated_case_file(edits in prop::collection::vec(mutation(), 1..4)) {
        check("cases/2026-0001.ron", &edits)?;
    }

    #[test]
    fn mutated_meeting_file(edits in prop::collection::vec(mutation(), 1..4)) {
        check("meetings/2026-02-03.ron", &edits)?;
    }
}
