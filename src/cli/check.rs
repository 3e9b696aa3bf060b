//! `overleg check`: placeholder until the storage lands.

use std::path::Path;
use std::process::ExitCode;

use crate::i18n::Lang;

/// Runs `overleg check`.
pub fn run(_data: &Path, lang: Lang) -> anyhow::Result<ExitCode> {
    eprintln!(
        "{}",
        lang.pick("Nog niet beschikbaar.", "Not available yet.")
    );
    Ok(ExitCode::from(2))
}

/// Without a command: prints the team overview (until the TUI lands).
pub fn overview(data: &Path, lang: Lang) -> anyhow::Result<ExitCode> {
    run(data, lang)
}
