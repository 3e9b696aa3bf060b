//! `overleg demo`: placeholder until its issue lands.

use std::process::ExitCode;

use crate::i18n::Lang;

/// Arguments of `overleg demo`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs the command.
pub fn run(lang: Lang, _args: Args) -> anyhow::Result<ExitCode> {
    eprintln!(
        "{}",
        lang.pick("Nog niet beschikbaar.", "Not available yet.")
    );
    Ok(ExitCode::from(2))
}
