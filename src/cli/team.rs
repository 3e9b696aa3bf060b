//! `overleg team init DIR`: starts a team folder — `team.ron` with the team's name, rhythm
//! and caseload norm, and empty `cases/`, `meetings/`, `minutes/`. Flags for everything; on a
//! terminal a few questions fill in what the flags left out, otherwise defaults are used.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Datelike, NaiveDate, NaiveTime};

use crate::domain::{CaseloadNorm, FORMAT_VERSION, MeetingRhythm, Team, Weekday};
use crate::i18n::Lang;
use crate::i18n::cli::Init;

/// `overleg team …`.
#[derive(Debug, clap::Subcommand)]
pub enum TeamCommand {
    /// Begin een nieuwe teammap (start a new team folder).
    Init(InitArgs),
}

/// Arguments of `overleg team init`.
#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// De nieuwe teammap (the new team folder).
    pub dir: PathBuf,
    /// Korte vaste id van het team, bv. oost (short team id).
    #[arg(long)]
    pub id: Option<String>,
    /// Naam van het team, bv. "Wijkteam Oost" (team name).
    #[arg(long)]
    pub naam: Option<String>,
    /// Naam van de gemeente (municipality).
    #[arg(long)]
    pub gemeente: Option<String>,
    /// Dag van het overleg: maandag … vrijdag (meeting day).
    #[arg(long)]
    pub dag: Option<String>,
    /// Begintijd, bv. 09:30 (start time).
    #[arg(long)]
    pub tijd: Option<String>,
    /// Duur in minuten (duration in minutes).
    #[arg(long)]
    pub duur: Option<u32>,
    /// Om de hoeveel weken (every how many weeks).
    #[arg(long)]
    pub interval: Option<u32>,
    /// Plaats van het overleg (place).
    #[arg(long)]
    pub plaats: Option<String>,
    /// Huishoudens per voltijdbaan (caseload norm per FTE).
    #[arg(long)]
    pub norm: Option<f32>,
}

/// Runs `overleg team …`.
pub fn run(lang: Lang, today: NaiveDate, cmd: TeamCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        TeamCommand::Init(args) => init(lang, today, args),
    }
}

fn weekday(s: &str) -> Option<Weekday> {
    match crate::import::values::key(s).as_str() {
        "maandag" | "ma" | "monday" | "mon" => Some(Weekday::Maandag),
        "dinsdag" | "di" | "tuesday" | "tue" => Some(Weekday::Dinsdag),
        "woensdag" | "wo" | "wednesday" | "wed" => Some(Weekday::Woensdag),
        "donderdag" | "do" | "thursday" | "thu" => Some(Weekday::Donderdag),
        "vrijdag" | "vr" | "friday" | "fri" => Some(Weekday::Vrijdag),
        _ => None,
    }
}

fn time(s: &str) -> Option<NaiveTime> {
    crate::domain::lenient::parse_time(s)
}

/// Asks one question on the terminal; the default on an empty answer or when not asked.
struct Asker {
    interactive: bool,
}

impl Asker {
    fn ask(&self, question: &str, default: &str) -> String {
        if !self.interactive {
            return default.to_string();
        }
        let mut err = std::io::stderr();
        let _ = write!(err, "{question} [{default}]: ");
        let _ = err.flush();
        let mut line = String::new();
        match std::io::stdin().lock().read_line(&mut line) {
            Ok(0) | Err(_) => default.to_string(),
            Ok(_) if line.trim().is_empty() => default.to_string(),
            Ok(_) => line.trim().to_string(),
        }
    }
}

fn init(lang: Lang, today: NaiveDate, a: InitArgs) -> anyhow::Result<ExitCode> {
    let p = |t: Init| t.text(lang);
    if a.dir.join(crate::storage::TEAM_FILE).exists() {
        eprintln!(
            "{}: {} — {}",
            a.dir.display(),
            p(Init::TeamExists),
            p(Init::ChooseNewFolder)
        );
        return Ok(ExitCode::from(2));
    }
    let asker = Asker {
        interactive: std::io::stdin().is_terminal() && std::io::stderr().is_terminal(),
    };
    let folder_name = a
        .dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "team".into());
    let name = a
        .naam
        .clone()
        .unwrap_or_else(|| asker.ask(p(Init::Name), &format!("Wijkteam {folder_name}")));
    let default_id = crate::import::values::key(&folder_name).replace(' ', "-");
    let id =
        a.id.clone()
            .unwrap_or_else(|| asker.ask(p(Init::Id), &default_id));
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        eprintln!("--id \"{id}\": {}", p(Init::IdChars));
        return Ok(ExitCode::from(2));
    }
    let municipality = a
        .gemeente
        .clone()
        .unwrap_or_else(|| asker.ask(p(Init::Municipality), ""));
    let day_text = a
        .dag
        .clone()
        .unwrap_or_else(|| asker.ask(p(Init::Day), "dinsdag"));
    let Some(day) = weekday(&day_text) else {
        eprintln!(
            "{}",
            crate::i18n::unknown_choice(
                lang,
                "dag",
                &day_text,
                &["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"].map(String::from)
            )
        );
        return Ok(ExitCode::from(2));
    };
    let time_text = a
        .tijd
        .clone()
        .unwrap_or_else(|| asker.ask(p(Init::Start), "09:30"));
    let Some(start) = time(&time_text) else {
        eprintln!("--tijd \"{time_text}\": {}", p(Init::TimeFormat));
        return Ok(ExitCode::from(2));
    };
    let place = a
        .plaats
        .clone()
        .unwrap_or_else(|| asker.ask(p(Init::Place), ""));
    let interval = a.interval.unwrap_or(2).max(1);
    // The first meeting day from today on fixes which weeks are meeting weeks.
    let anchor = (0..7)
        .map(|d| today + chrono::Duration::days(d))
        .find(|d| d.weekday() == day.to_chrono())
        .unwrap_or(today);
    let mut norm = CaseloadNorm::default();
    if let Some(n) = a.norm {
        norm.cases_per_fte = n;
    }
    let team = Team {
        version: FORMAT_VERSION,
        id,
        name,
        municipality,
        members: Vec::new(),
        rhythm: MeetingRhythm {
            weekday: day,
            start,
            duration_minutes: a.duur.unwrap_or(90),
            interval_weeks: interval,
            anchor,
            place,
        },
        caseload_norm: norm,
        shared_folder: false,
    };
    create(&a.dir, &team)?;
    println!(
        "{} {} — {}",
        p(Init::Created),
        a.dir.display(),
        p(Init::Next)
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes `team.ron` and the empty folders.
pub fn create(dir: &Path, team: &Team) -> anyhow::Result<()> {
    for sub in ["cases", "meetings", "minutes"] {
        std::fs::create_dir_all(dir.join(sub))?;
    }
    crate::storage::save_team(dir, team)?;
    Ok(())
}
