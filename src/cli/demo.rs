//! `overleg demo`: write a fictional municipality, either synthetic of any size or the shipped
//! story (`--shipped`, which is how `data/` is made).

use std::path::PathBuf;
use std::process::ExitCode;

use crate::demo::{DemoSpec, generate, is_empty_dir, shipped_demo, write_workspace_progress};
use crate::i18n::{self, Lang};

/// Arguments of `overleg demo`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Doelmap (output folder).
    #[arg(long)]
    pub out: PathBuf,
    /// Aantal teams (number of teams).
    #[arg(long, default_value_t = 3)]
    pub teams: usize,
    /// Aantal casussen in totaal (total number of cases).
    #[arg(long, default_value_t = 200)]
    pub cases: usize,
    /// Startwaarde van de toevalsgenerator (random seed).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Schrijf de meegeleverde demo (write the shipped demo, as in `data/`).
    #[arg(long)]
    pub shipped: bool,
    /// Schrijf ook in een niet-lege map (write into a non-empty folder).
    #[arg(long)]
    pub force: bool,
}

/// Runs the command.
pub fn run(lang: Lang, today: chrono::NaiveDate, args: Args) -> anyhow::Result<ExitCode> {
    if !args.force && !is_empty_dir(&args.out) {
        eprintln!("{}", i18n::demo::not_empty(lang, &args.out));
        return Ok(ExitCode::from(2));
    }
    let making = super::progress::spinner(i18n::demo::making(lang));
    let ws = if args.shipped {
        shipped_demo(today)
    } else {
        generate(&DemoSpec {
            teams: args.teams,
            cases: args.cases,
            seed: args.seed,
            today,
        })
    };
    making.finish_and_clear();
    let files = (ws.case_count() + ws.meeting_count()) as u64;
    let bar = super::progress::bar(files, i18n::demo::writing(lang));
    write_workspace_progress(&ws, &args.out, &|| bar.inc(1))?;
    bar.finish_and_clear();
    println!(
        "{}",
        i18n::demo::written(
            lang,
            &args.out,
            ws.teams.len(),
            ws.case_count(),
            ws.meeting_count()
        )
    );
    Ok(ExitCode::SUCCESS)
}
