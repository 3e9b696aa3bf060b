//! `overleg import FILE… [--dry-run] [--skip-bad-rows] [--mapping M.ron]`: households and
//! members from spreadsheets into a team folder; `overleg import --template FILE.xlsx` writes
//! the template. Every problem is listed; nothing is written while there is one.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::i18n::{Lang, import as txt};
use crate::import::{self, ImportError, Mapping, Options};

/// Arguments of `overleg import`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Bestanden: .xlsx, .ods of .csv (files to import).
    pub files: Vec<PathBuf>,
    /// Alleen controleren en laten zien wat er zou veranderen (check only, write nothing).
    #[arg(long)]
    pub dry_run: bool,
    /// Rijen met een probleem weglaten en de rest importeren (leave bad rows out).
    #[arg(long)]
    pub skip_bad_rows: bool,
    /// Koppelbestand (RON) voor andere kolomnamen (mapping file for other headers).
    #[arg(long, value_name = "BESTAND")]
    pub mapping: Option<PathBuf>,
    /// Team-id als --data een gemeentemap is (team id in a municipality folder).
    #[arg(long)]
    pub team: Option<String>,
    /// Schrijf een leeg sjabloon (.xlsx) en stop (write an empty template).
    #[arg(long, value_name = "BESTAND")]
    pub template: Option<PathBuf>,
    /// Met --template: met fictieve voorbeeldrijen (with fictional example rows).
    #[arg(long)]
    pub voorbeeld: bool,
}

/// Runs the command.
pub fn run(
    data: &Path,
    lang: Lang,
    today: chrono::NaiveDate,
    args: Args,
) -> anyhow::Result<ExitCode> {
    if let Some(out) = &args.template {
        let bytes = import::template::template(lang, args.voorbeeld).map_err(anyhow::Error::msg)?;
        crate::storage::write_atomic(out, &bytes)?;
        println!(
            "{}",
            txt::template_written(&out.display().to_string(), lang)
        );
        return Ok(ExitCode::SUCCESS);
    }
    if args.files.is_empty() {
        eprintln!("{}", txt::no_files(lang));
        return Ok(ExitCode::from(2));
    }
    let mapping = match &args.mapping {
        Some(p) => match Mapping::load(p) {
            Ok(m) => m,
            Err(e) => {
                eprintln!("{e}");
                return Ok(ExitCode::from(2));
            }
        },
        None => Mapping::default(),
    };
    let Some((team_dir, others)) = choose_team(data, args.team.as_deref(), lang) else {
        return Ok(ExitCode::from(2));
    };
    let progress = super::progress::spinner(crate::i18n::cli::reading(lang));
    let opts = Options {
        mapping,
        today: Some(today),
    };
    let plan = match import::plan(&team_dir, &args.files, &others, &opts) {
        Ok(p) => p,
        Err(ImportError::NoTeam(d)) => {
            progress.finish_and_clear();
            eprintln!("{}", txt::no_team(&d.display().to_string(), lang));
            return Ok(ExitCode::from(2));
        }
        Err(e) => return Err(e.into()),
    };
    progress.finish_and_clear();
    for i in &plan.issues {
        eprintln!("{}", txt::issue(i, lang));
    }
    for n in &plan.notices {
        println!("{}", txt::notice(n, lang));
    }
    let (new, changed) = plan.counts();
    let team_changed = plan.team_change != import::Change::Unchanged;
    if !plan.can_apply(args.skip_bad_rows) {
        eprintln!("{}", txt::refused(plan.issues.len(), lang));
        return Ok(ExitCode::from(1));
    }
    if !plan.bad_rows.is_empty() {
        eprintln!("{}", txt::skipped(&plan.bad_rows, lang));
    }
    if args.dry_run {
        println!(
            "{}",
            txt::summary(true, new, changed, plan.unchanged_cases, team_changed, lang)
        );
        return Ok(if plan.issues.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    let unchanged = plan.unchanged_cases;
    match import::apply(plan) {
        Ok(done) => println!(
            "{}",
            txt::summary(
                false,
                done.new_cases,
                done.updated_cases,
                unchanged,
                done.team_written,
                lang
            )
        ),
        Err(ImportError::Locked(e)) => {
            eprintln!("{}", txt::locked(&e, lang));
            return Ok(ExitCode::from(1));
        }
        Err(ImportError::Changed(p)) => {
            eprintln!("{}", txt::changed(&p.display().to_string(), lang));
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e.into()),
    }
    // What `overleg check` would say now (it should say nothing).
    let after = crate::storage::load_workspace(&team_dir);
    if !after.problems.is_empty() {
        eprintln!("{}", txt::after_check(after.problems.len(), lang));
        for p in &after.problems {
            eprintln!("  {}", p.render(lang));
        }
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The team folder to import into, and the case codes of the municipality's other teams.
fn choose_team(
    data: &Path,
    team: Option<&str>,
    lang: Lang,
) -> Option<(PathBuf, HashMap<String, String>)> {
    if data.join(crate::storage::TEAM_FILE).is_file() && team.is_none() {
        // A team folder; its siblings may be the other teams of a municipality.
        let mut others = HashMap::new();
        if let Some(parent) = data
            .parent()
            .filter(|p| p.join(crate::storage::MUNICIPALITY_FILE).is_file())
        {
            let ws = crate::storage::load_workspace_quick(parent).workspace;
            for t in ws.teams.iter().filter(|t| !same_dir(&t.dir, data)) {
                for c in &t.cases {
                    others.insert(c.code.clone(), t.team.name.clone());
                }
            }
        }
        return Some((data.to_path_buf(), others));
    }
    let ws = crate::storage::load_workspace_quick(data).workspace;
    let ids: Vec<String> = ws.teams.iter().map(|t| t.team.id.clone()).collect();
    let chosen = match team {
        Some(id) => ws.teams.iter().find(|t| t.team.id == id),
        None if ws.teams.len() == 1 => ws.teams.first(),
        None => None,
    };
    let Some(chosen) = chosen else {
        match team {
            Some(id) => eprintln!("{}", crate::i18n::unknown_choice(lang, "team", id, &ids)),
            None if ids.is_empty() => {
                eprintln!("{}", txt::no_team(&data.display().to_string(), lang))
            }
            None => eprintln!("{}", crate::i18n::choose_team(lang, &ids)),
        }
        return None;
    };
    let mut others = HashMap::new();
    for t in ws.teams.iter().filter(|t| t.dir != chosen.dir) {
        for c in &t.cases {
            others.insert(c.code.clone(), t.team.name.clone());
        }
    }
    Some((chosen.dir.clone(), others))
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
