//! The note every lookup gives when some files did not load: the answer covers only what did.

use std::fmt::Display;
use std::path::Path;

use crate::i18n::Lang;
use crate::storage::LoadOutcome;

/// Loads `dir` and returns what loaded with its problems as `path:line:column: message` lines.
pub fn load(dir: &Path) -> (crate::domain::Workspace, Vec<String>) {
    let LoadOutcome {
        workspace,
        problems,
    } = crate::storage::load_workspace(dir);
    (workspace, lines(&problems))
}

fn lines<P: Display>(problems: &[P]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

/// Writes the coverage note and the located problems to stderr, if there are any.
pub fn warn(problems: &[String], lang: Lang) {
    if problems.is_empty() {
        return;
    }
    eprintln!("{}", crate::i18n::caseload::partial(problems.len(), lang));
    for p in problems {
        eprintln!("  {p}");
    }
}
