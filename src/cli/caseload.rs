//! `overleg caseload`: placeholder until its issue lands.

use std::path::Path;
use std::process::ExitCode;

use crate::i18n::Lang;

/// Arguments of `overleg caseload`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs the command.
pub fn run(_data: &Path, lang: Lang, _args: Args) -> anyhow::Result<ExitCode> {
    eprintln!(
        "{}",
        lang.pick("Nog niet beschikbaar.", "Not available yet.")
    );
    Ok(ExitCode::from(2))
}
