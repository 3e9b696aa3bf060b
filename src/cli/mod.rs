//! The command line: `overleg [COMMAND] [--data DIR] [--lang nl|en]`. Each command lives in its
//! own module; this one only parses and dispatches.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

pub mod aanmelding;
pub mod caseload;
pub mod check;
pub mod coverage;
pub mod db;
pub mod demo;
pub mod indexed;
pub mod notulen;
pub mod zoek;

// Issue 14: import, team folders, progress, Excel out, the command line in Dutch, config.
pub mod args;
pub mod config;
pub mod import;
pub mod progress;
pub mod sheets;
pub mod team;

/// `overleg`: casuïstiekoverleg voor sociale wijkteams.
#[derive(Debug, Parser)]
#[command(name = "overleg", version, about)]
pub struct Cli {
    /// Team- of gemeentemap (team folder or municipality folder).
    #[arg(long, global = true, default_value = "data")]
    pub data: PathBuf,
    /// Taal van de interface (interface language).
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Nl)]
    pub lang: LangArg,
    /// Doe alsof het vandaag deze datum is (JJJJ-MM-DD), bv. de demo zoals hij gemaakt is:
    /// --today 2026-11-23 (met cargo: cargo run --release -- --today 2026-11-23).
    #[arg(long, global = true, value_name = "DATUM")]
    pub today: Option<chrono::NaiveDate>,
    /// PostgreSQL in plaats van de map: postgres://gebruiker@host/db of service=NAAM (het
    /// wachtwoord in PGPASSFILE of ~/.pgpass, nooit hier).
    #[arg(long, global = true, value_name = "VERBINDING")]
    pub db: Option<String>,
    /// Team-id when the folder holds several teams (interface only).
    #[arg(long)]
    pub team: Option<String>,
    /// Thema: default, licht, hoog-contrast, or a path to a theme file.
    #[arg(long, default_value = "default")]
    pub theme: String,
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// Today's date, or the one given with `--today`.
    pub fn today(&self) -> chrono::NaiveDate {
        self.today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }
}

/// Interface language as given on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Nl,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Nl => Lang::Nl,
            LangArg::En => Lang::En,
        }
    }
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Controleer alle bestanden en meld elk probleem met pad:regel:kolom.
    Check,
    /// Schrijf de notulen van een overleg (Markdown, Word, HTML).
    #[command(alias = "minutes")]
    Notulen(notulen::Args),
    /// Zoek in casussen, medewerkers, besluiten en acties.
    #[command(alias = "search")]
    Zoek(zoek::Args),
    /// Caseload per medewerker en casussen zonder regisseur.
    Caseload(caseload::Args),
    /// Schrijf een fictieve gemeente voor proberen en benchmarks.
    Demo(demo::Args),
    /// Meld een nieuw huishouden aan (register a new household on the verdeellijst).
    #[command(alias = "referral")]
    Aanmelding(aanmelding::Args),
    /// Lees huishoudens en medewerkers in uit Excel, LibreOffice of CSV.
    Import(import::Args),
    /// Schrijf de aanvulling voor de shell: bash, zsh, fish of powershell.
    Completions {
        /// De shell (bash, zsh, fish, powershell, elvish).
        shell: clap_complete::Shell,
    },
    /// Schrijf de handleiding (man-pagina, roff) naar de standaarduitvoer.
    Man,
    /// Actielijst of besluitenlijst als Excel-bestand (.xlsx).
    Lijst(sheets::ListArgs),
    /// De database (PostgreSQL): init, migrate, user, import, export, audit, overzicht.
    Db {
        #[command(subcommand)]
        command: db::DbCommand,
    },
    /// Teammappen: `overleg team init MAP` begint een nieuw team.
    Team {
        #[command(subcommand)]
        command: team::TeamCommand,
    },
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let lang: Lang = cli.lang.into();
    let today = cli.today();
    if let Some(db) = &cli.db {
        // A connection string that cannot be used (a password in it, a service that is not
        // there) stops every command before anything is loaded.
        if let Err(e) = crate::store::pg::Target::parse(db) {
            let e = crate::store::pg::DbError::from(e);
            eprintln!(
                "overleg: {}",
                crate::text::escape_controls(&e.message(lang))
            );
            return Ok(ExitCode::from(2));
        }
        coverage::use_db(db);
        // These still work on a folder only: with --db they would read or write the folder
        // behind the user's back.
        let folder_only = match &cli.command {
            Some(Command::Notulen(_)) => Some("notulen"),
            Some(Command::Aanmelding(_)) => Some("aanmelding"),
            Some(Command::Import(_)) => Some("import"),
            Some(Command::Lijst(_)) => Some("lijst"),
            Some(Command::Team { .. }) => Some("team"),
            _ => None,
        };
        if let Some(name) = folder_only {
            eprintln!("overleg: {}", crate::i18n::db::folder_only(name, lang));
            return Ok(ExitCode::from(2));
        }
    }
    if let Some(Command::Db { command }) = cli.command {
        return db::run(cli.db.as_deref(), &cli.data, lang, command);
    }
    match cli.command {
        // Not on a terminal (piped, scripted): print the overview instead of the interface.
        None if !std::io::IsTerminal::is_terminal(&std::io::stdout()) => {
            crate::cli::check::overview(&cli.data, lang, today)
        }
        // Issue 14: an unknown --team lists the teams there are.
        None if cli.db.is_none()
            && cli.team.as_ref().is_some_and(|t| {
                let ids = team_ids(&cli.data);
                !ids.is_empty() && !ids.contains(t)
            }) =>
        {
            let ids = team_ids(&cli.data);
            let t = cli.team.as_deref().unwrap_or_default();
            eprintln!("{}", crate::i18n::unknown_choice(lang, "team", t, &ids));
            Ok(ExitCode::from(2))
        }
        None => crate::tui::run(crate::tui::TuiOptions {
            db: cli.db.clone(),
            data: cli.data.clone(),
            team: cli.team.clone(),
            lang,
            today: cli.today,
            theme: cli.theme.clone(),
        })
        .map(|()| ExitCode::SUCCESS),
        Some(Command::Check) => check::run(&cli.data, lang),
        Some(Command::Notulen(args)) => notulen::run(&cli.data, lang, args),
        Some(Command::Zoek(args)) => zoek::run(&cli.data, lang, args),
        Some(Command::Caseload(args)) => caseload::run(&cli.data, lang, today, args),
        Some(Command::Demo(args)) => demo::run(lang, today, args),
        Some(Command::Aanmelding(args)) => aanmelding::run(&cli.data, lang, today, args),
        Some(Command::Import(args)) => import::run(&cli.data, lang, today, args),
        Some(Command::Team { command }) => team::run(lang, today, command),
        Some(Command::Db { .. }) => Ok(ExitCode::SUCCESS),
        Some(Command::Lijst(args)) => sheets::run_list(&cli.data, lang, args),
        Some(Command::Completions { shell }) => {
            clap_complete::generate(
                shell,
                &mut args::command(lang),
                "overleg",
                &mut std::io::stdout(),
            );
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            clap_mangen::Man::new(args::command(lang)).render(&mut std::io::stdout())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The ids of the teams under `data` (its own `team.ron`, or those of its subfolders), read
/// from the `team.ron` files only; for the message about an unknown `--team`.
fn team_ids(data: &std::path::Path) -> Vec<String> {
    let id = |dir: &std::path::Path| {
        let text = std::fs::read_to_string(dir.join(crate::storage::TEAM_FILE)).ok()?;
        crate::storage::from_ron::<crate::domain::Team>(&text)
            .ok()
            .map(|t| t.id)
    };
    if let Some(one) = id(data) {
        return vec![one];
    }
    let mut ids: Vec<String> = std::fs::read_dir(data)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| id(&e.path()))
        .collect();
    ids.sort();
    ids
}
