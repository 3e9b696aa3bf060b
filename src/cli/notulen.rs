//! `overleg notulen [DATUM|laatste]`: writes the minutes of a meeting (Markdown, Word, HTML),
//! in the `intern` or `deelbaar` profile; or a case excerpt (`--uittreksel CODE`); with
//! `--ics` also an invitation for the next meeting.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::anyhow;
use clap::ValueEnum;

use crate::domain::TeamData;
use crate::i18n::{Lang, minutes as txt};
use crate::minutes::{self, Format, MinutesError, MinutesOptions, Profile, Written};

/// Arguments of `overleg notulen`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Datum van het overleg (JJJJ-MM-DD) of `laatste` (het laatst gesloten overleg).
    #[arg(default_value = "laatste")]
    pub date: String,
    /// Formaat: md (Markdown), docx (Word) of html.
    #[arg(long, value_enum, default_value_t = FormatArg::Md)]
    pub format: FormatArg,
    /// Versie: intern (voor het team) of deelbaar (voor partners).
    #[arg(long, value_enum, default_value_t = ProfileArg::Intern)]
    pub profile: ProfileArg,
    /// Alleen voor deze partnerorganisatie (met --profile deelbaar): de huishoudens die
    /// toestemming gaven en waarbij zij betrokken is, en per huishouden alleen haar deel.
    #[arg(long, value_name = "ORG")]
    pub partner: Option<String>,
    /// Schrijf naar dit bestand (`-` voor de standaarduitvoer).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Team-id; nodig als --data een gemeentemap met meer teams is.
    #[arg(long)]
    pub team: Option<String>,
    /// Schrijf een uittreksel van één casus over alle overleggen heen.
    #[arg(long, value_name = "CODE")]
    pub uittreksel: Option<String>,
    /// Schrijf ook een agenda-uitnodiging (.ics) voor het volgende overleg.
    #[arg(long)]
    pub ics: bool,
}

/// Output format as given on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Md,
    Docx,
    Html,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Md => Format::Md,
            FormatArg::Docx => Format::Docx,
            FormatArg::Html => Format::Html,
        }
    }
}

/// Privacy profile as given on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ProfileArg {
    Intern,
    Deelbaar,
}

impl From<ProfileArg> for Profile {
    fn from(p: ProfileArg) -> Profile {
        match p {
            ProfileArg::Intern => Profile::Intern,
            ProfileArg::Deelbaar => Profile::Deelbaar,
        }
    }
}

/// Runs the command.
pub fn run(data: &Path, lang: Lang, args: Args) -> anyhow::Result<ExitCode> {
    let outcome = crate::storage::load_workspace(data);
    if !outcome.problems.is_empty() {
        eprintln!("{}", txt::cli_load_problems(lang));
        for p in &outcome.problems {
            eprintln!("  {}", crate::text::escape_controls(&p.to_string()));
        }
    }
    let team = pick_team(&outcome.workspace.teams, args.team.as_deref(), data, lang)?;
    let opts = MinutesOptions {
        format: args.format.into(),
        profile: args.profile.into(),
        partner: args.partner.clone(),
        lang,
    };
    let to_stdout = args.out.as_deref() == Some(Path::new("-"));
    let out = args.out.as_deref().filter(|_| !to_stdout);

    let result = if let Some(code) = &args.uittreksel {
        if to_stdout {
            minutes::case_excerpt_with(team, code, &opts).map(Some)
        } else {
            minutes::write_case_excerpt_with(team, code, &opts, out).map(|w| {
                report(&w, lang);
                None
            })
        }
    } else {
        let meeting = pick_meeting(team, &args.date, lang)?;
        let r = if to_stdout {
            minutes::render_with(team, meeting, &opts).map(Some)
        } else {
            minutes::write_with(team, meeting, &opts, out).map(|w| {
                report(&w, lang);
                None
            })
        };
        if r.is_ok() && args.ics {
            match minutes::write_ics(team, meeting, lang, None) {
                Ok(Some(p)) => println!("{}", esc(&p.display().to_string())),
                Ok(None) => eprintln!("{}", txt::cli_no_next(lang)),
                Err(e) => return Err(anyhow!(e.message(lang))),
            }
        }
        r
    };
    match result {
        Ok(Some(bytes)) => {
            std::io::stdout().write_all(&bytes)?;
            Ok(ExitCode::SUCCESS)
        }
        Ok(None) => Ok(ExitCode::SUCCESS),
        Err(
            e @ (MinutesError::Refused(_)
            | MinutesError::CaseUnreadable { .. }
            | MinutesError::NoConsent(_)),
        ) => {
            eprintln!("{}", esc(&e.message(lang)));
            Ok(ExitCode::from(3))
        }
        Err(e) => Err(anyhow!(e.message(lang))),
    }
}

/// Prints the path written and any privacy warnings.
fn report(w: &Written, lang: Lang) {
    if let Some(kept) = &w.kept {
        eprintln!(
            "{}",
            esc(&crate::i18n::minutes::kept_edited(
                &kept.display().to_string(),
                lang
            ))
        );
    }
    println!("{}", esc(&w.path.display().to_string()));
    if !w.warnings.is_empty() {
        eprintln!("{}", txt::warning(lang));
        for f in &w.warnings {
            eprintln!("{}", esc(&minutes::finding_line(f, lang)));
        }
    }
}

/// The team to write for (also used by `overleg lijst`).
pub(crate) fn pick_team<'a>(
    teams: &'a [TeamData],
    id: Option<&str>,
    data: &Path,
    lang: Lang,
) -> anyhow::Result<&'a TeamData> {
    if let Some(id) = id {
        return teams.iter().find(|t| t.team.id == id).ok_or_else(|| {
            anyhow!(
                "{}: {id} ({})",
                txt::cli_unknown_team(lang),
                team_ids(teams)
            )
        });
    }
    match teams {
        [] => Err(anyhow!("{}: {}", txt::cli_no_team(lang), data.display())),
        [one] => Ok(one),
        _ => Err(anyhow!(
            "{} ({})",
            txt::cli_choose_team(lang),
            team_ids(teams)
        )),
    }
}

fn team_ids(teams: &[TeamData]) -> String {
    teams
        .iter()
        .map(|t| t.team.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The meeting by date or `laatste` (also used by `overleg lijst`).
pub(crate) fn pick_meeting<'a>(
    team: &'a TeamData,
    date: &str,
    lang: Lang,
) -> anyhow::Result<&'a crate::domain::Meeting> {
    if matches!(date, "laatste" | "last") {
        return team
            .last_closed_meeting()
            .ok_or_else(|| anyhow!("{}", txt::cli_no_closed(lang)));
    }
    let day = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map_err(|_| anyhow!("{}: {date}", txt::cli_bad_date(lang)))?;
    team.meeting(day)
        .ok_or_else(|| anyhow!("{}: {date}", txt::cli_no_meeting(lang)))
}

/// Output with control characters shown escaped (paths and messages can hold them).
fn esc(text: &str) -> std::borrow::Cow<'_, str> {
    crate::text::escape_controls(text)
}

/// Writes an export atomically, readable by the owner only (as the minutes are).
pub(crate) fn write_export(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    crate::storage::write_atomic(path, bytes)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(())
}
