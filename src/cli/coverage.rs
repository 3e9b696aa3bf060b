//! The note every lookup gives when loading found problems: the answer covers only what loaded.

use std::path::Path;

use crate::i18n::Lang;
use crate::storage::LoadOutcome;

/// Keeps `value` until the process ends and never frees it. The command-line lookups
/// (`zoek`, `caseload`, `check`) end right after their answer, and freeing a loaded
/// municipality piece by piece (50,000 cases, their strings and the search index) took 57–80 ms
/// of a 0.4 s `zoek` on one thread (issue 15); the operating system takes the memory back at
/// once when the process exits. Holds nothing that must be released (no file, lock or temp
/// file): only the loaded data. Not for the interface or anything that lives on.
pub fn keep_until_exit<T>(value: T) -> std::mem::ManuallyDrop<T> {
    std::mem::ManuallyDrop::new(value)
}

/// At most this many problems are listed on stderr; `overleg check` lists them all.
pub const LISTED: usize = 10;

/// Loads `dir` and returns what loaded with its problems as `path:line:column: message` lines.
pub fn load(dir: &Path, lang: Lang) -> (crate::domain::Workspace, Vec<String>) {
    let loading = super::progress::spinner(crate::i18n::cli::loading(lang));
    let LoadOutcome {
        workspace,
        problems,
        ..
    } = match DB.get() {
        Some(target) => super::db::load_lookup(target, lang),
        None => crate::storage::load_workspace_lookup(dir),
    };
    loading.finish_and_clear();
    let lines = problems.iter().map(|p| p.render(lang)).collect();
    (workspace, lines)
}

static DB: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// `--db`: the lookups load from this database instead of the folder.
pub fn use_db(target: &str) {
    let _ = DB.set(target.to_string());
}

/// The database the lookups use, if any.
pub fn db() -> Option<&'static str> {
    DB.get().map(String::as_str)
}

/// Writes the coverage note and the first located problems to stderr, if there are any.
pub fn warn(problems: &[String], lang: Lang) {
    if problems.is_empty() {
        return;
    }
    eprintln!("{}", crate::i18n::caseload::partial(problems.len(), lang));
    for p in problems.iter().take(LISTED) {
        eprintln!("  {}", crate::text::escape_controls(p));
    }
    if problems.len() > LISTED {
        eprintln!(
            "  {}",
            crate::i18n::caseload::more_problems(problems.len() - LISTED, lang)
        );
    }
}
