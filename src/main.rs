//! The `overleg` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    overleg::crash::install_panic_hook();
    let cli = overleg::cli::Cli::parse();
    match overleg::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("overleg: {err:#}");
            ExitCode::FAILURE
        }
    }
}
