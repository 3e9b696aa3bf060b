//! The `overleg` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    overleg::crash::install_panic_hook();
    let cli = overleg::cli::Cli::parse();
    match overleg::cli::run(cli) {
        Ok(code) => code,
        Err(err) => {
            // Not eprintln!: it panics when stderr is gone (the terminal window was closed).
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "overleg: {err:#}");
            ExitCode::FAILURE
        }
    }
}
