//! The `overleg` binary: parses the command line and hands over to the library.

use std::process::ExitCode;

fn main() -> ExitCode {
    overleg::crash::install_panic_hook();
    // In the user's language (clap has only English): see `cli::args`.
    let cli = match overleg::cli::args::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    match overleg::cli::run(cli) {
        Ok(code) => code,
        // The reader went away (`overleg zoek … | head`): stop quietly, as a good filter does.
        Err(err)
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            ExitCode::SUCCESS
        }
        Err(err) => {
            // Not eprintln!: it panics when stderr is gone (the terminal window was closed).
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "overleg: {err:#}");
            ExitCode::FAILURE
        }
    }
}
