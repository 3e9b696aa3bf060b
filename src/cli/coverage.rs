//! The note every lookup gives when loading found problems: the answer covers only what loaded.

use std::path::Path;

use crate::i18n::Lang;
use crate::storage::LoadOutcome;

/// At most this many problems are listed on stderr; `overleg check` lists them all.
pub const LISTED: usize = 10;

/// Loads `dir` and returns what loaded with its problems as `path:line:column: message` lines.
pub fn load(dir: &Path, lang: Lang) -> (crate::domain::Workspace, Vec<String>) {
    let loading = super::progress::spinner(crate::i18n::cli::loading(lang));
    let LoadOutcome {
        workspace,
        problems,
        ..
    } = crate::storage::load_workspace_quick(dir);
    loading.finish_and_clear();
    let lines = problems.iter().map(|p| p.render(lang)).collect();
    (workspace, lines)
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
