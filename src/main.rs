//! The `overleg` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = overleg::cli::Cli::parse();
    match overleg::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("overleg: {err:#}");
            ExitCode::FAILURE
        }
    }
}
