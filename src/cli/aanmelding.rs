//! `overleg aanmelding --team T --pseudoniem "Fam. A." --wet jeugdwet,wmo …`: registers a new
//! household as a case with the next free code of its year (unique over every team in the
//! municipality folder), status aanmelding and no regisseur, written atomically as
//! `cases/<code>.ron`. Values are Dutch and read leniently (`financien`, `8-12-2026`); bad
//! input gets a message that lists the valid choices, and nothing is written.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::domain::intake_form::AanmeldingForm;
use crate::domain::{TeamData, register};
use crate::i18n::{Lang, week as txt};
use crate::search::fold_str;

/// Arguments of `overleg aanmelding`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Team (id of naam); nodig als de map meer teams heeft (team, by id or name).
    #[arg(long)]
    pub team: Option<String>,
    /// Pseudoniem van het huishouden, bv. "Fam. A." (the household's pseudonym).
    #[arg(long, alias = "pseudonym")]
    pub pseudoniem: String,
    /// Datum van aanmelding: 8-12-2026, 8/12/2026 of 2026-12-08; standaard vandaag.
    #[arg(long, alias = "date")]
    pub datum: Option<String>,
    /// Bron van het signaal: inwoner, school, huisarts, woningcorporatie, … (signal source).
    #[arg(long, alias = "signaal", default_value = "inwoner")]
    pub bron: String,
    /// Wet(ten), komma-gescheiden: wmo, jeugdwet, participatiewet (laws).
    #[arg(long, alias = "law")]
    pub wet: String,
    /// Leefgebied(en), komma-gescheiden of herhaald: "financiën en schulden", opvoeding, …
    #[arg(long, alias = "domain")]
    pub leefgebied: Vec<String>,
    /// Eerste inschatting: licht, midden of zwaar (complexity guess).
    #[arg(long, alias = "complexity", default_value = "midden")]
    pub complexiteit: String,
    /// Zorgen over veiligheid (safety flag).
    #[arg(long, alias = "safety")]
    pub veiligheid: bool,
    /// De korte vraag van de aanmelding (the short question).
    #[arg(long, alias = "question", default_value = "")]
    pub vraag: String,
    /// Gezinslid als rol[:leeftijd[:naam]], herhaalbaar; een naam alleen met toestemming.
    #[arg(long, alias = "member")]
    pub gezinslid: Vec<String>,
    /// Toestemming om het huishouden met naam te bespreken (consent to discuss by name).
    #[arg(long)]
    pub toestemming_naam: bool,
    /// Toestemming om informatie met partners te delen (consent to share with partners).
    #[arg(long)]
    pub toestemming_delen: bool,
    /// Datum van de toestemming (date of consent).
    #[arg(long)]
    pub toestemming_datum: Option<String>,
    /// Druk de nieuwe casus af als JSON (print the new case as JSON).
    #[arg(long)]
    pub json: bool,
}

/// A refused flag: the message says what was wrong and what may be given.
fn bad(msg: String) -> anyhow::Result<ExitCode> {
    eprintln!("{msg}");
    Ok(ExitCode::from(2))
}

/// The form behind the flags.
fn form(args: &Args) -> AanmeldingForm {
    AanmeldingForm {
        pseudonym: args.pseudoniem.clone(),
        date: args.datum.clone().unwrap_or_default(),
        signal_source: args.bron.clone(),
        laws: args.wet.clone(),
        leefgebieden: args.leefgebied.clone(),
        complexity: args.complexiteit.clone(),
        safety_flag: args.veiligheid,
        question: args.vraag.clone(),
        household: args.gezinslid.clone(),
        consent_name: args.toestemming_naam,
        consent_share: args.toestemming_delen,
        consent_date: args.toestemming_datum.clone().unwrap_or_default(),
    }
}

fn pick_team<'a>(teams: &'a [TeamData], want: Option<&str>) -> Option<&'a TeamData> {
    match want {
        Some(t) => {
            let folded = fold_str(t);
            teams.iter().find(|td| {
                td.team.id == t
                    || fold_str(&td.team.name) == folded
                    || td.dir.file_name().is_some_and(|n| n == t)
            })
        }
        None if teams.len() == 1 => teams.first(),
        None => None,
    }
}

/// Runs the command.
pub fn run(data: &Path, lang: Lang, today: NaiveDate, args: Args) -> anyhow::Result<ExitCode> {
    let (ws, problems) = super::coverage::load(data, lang);
    let Some(td) = pick_team(&ws.teams, args.team.as_deref()) else {
        let ids: Vec<&str> = ws.teams.iter().map(|t| t.team.id.as_str()).collect();
        let msg = match (lang, &args.team) {
            (Lang::Nl, Some(t)) => {
                format!(
                    "Onbekend team «{}». Kies uit: {}",
                    txt::clean(t),
                    ids.join(", ")
                )
            }
            (Lang::En, Some(t)) => {
                format!(
                    "Unknown team «{}». Choose from: {}",
                    txt::clean(t),
                    ids.join(", ")
                )
            }
            (Lang::Nl, None) => format!("Geef het team met --team; kies uit: {}", ids.join(", ")),
            (Lang::En, None) => {
                format!("Give the team with --team; choose from: {}", ids.join(", "))
            }
        };
        super::coverage::warn(&problems, lang);
        return bad(msg);
    };
    let aanmelding = match form(&args).read(today) {
        Ok(a) => a,
        Err(e) => return bad(txt::input_error(&e, lang)),
    };
    let codes = crate::storage::case_codes_in_use(data);
    let case = match register(aanmelding, codes.iter().map(String::as_str), today) {
        Ok(c) => c,
        Err(e) => return bad(txt::aanmelding_error(&e, lang)),
    };
    let path = crate::storage::case_path(&td.dir, &case.code);
    match crate::storage::save_new_case(&td.dir, &case) {
        Ok(()) => {}
        // Someone registered the same code a moment ago: never overwrite.
        Err(crate::storage::SaveError::Io(e)) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return bad(match lang {
                Lang::Nl => format!("{} bestaat al; probeer het opnieuw", path.display()),
                Lang::En => format!("{} already exists; try again", path.display()),
            });
        }
        Err(e) => return Err(e.into()),
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &case)?;
        writeln!(out)?;
    } else {
        writeln!(
            out,
            "{}",
            match lang {
                Lang::Nl => format!(
                    "Aangemeld: {} {} ({}), op de verdeellijst van {}",
                    case.code,
                    case.pseudonym,
                    path.display(),
                    td.team.name
                ),
                Lang::En => format!(
                    "Registered: {} {} ({}), on the distribution list of {}",
                    case.code,
                    case.pseudonym,
                    path.display(),
                    td.team.name
                ),
            }
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
