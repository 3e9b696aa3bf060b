//! `overleg caseload [--team T] [--json] [--sort naam|belasting|achterstand]`: the load of every
//! member, team totals and the cases without a regisseur, for one team or all teams under
//! `--data`. Load is shown in context (ruimte / rond de norm / boven de norm), never ranked.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::caseload::facts::TeamView;
use crate::caseload::{self, MemberLoad, Options, SortKey, TeamCaseload};
use crate::domain::{Role, Workspace};
use crate::i18n::{self, Lang};
use crate::search::fold_str;

/// Arguments of `overleg caseload`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Alleen dit team (id of naam) (only this team, by id or name).
    #[arg(long)]
    pub team: Option<String>,
    /// Uitvoer als JSON (output as JSON).
    #[arg(long)]
    pub json: bool,
    /// Volgorde van de medewerkers (order of the members).
    #[arg(long, value_enum, default_value_t = SortArg::Naam)]
    pub sort: SortArg,
    /// Alleen medewerkers met deze rol, bv. wijkcoach (only members with this role).
    #[arg(long, alias = "role")]
    pub rol: Option<String>,
    /// Alleen medewerkers boven de norm (only members above the norm).
    #[arg(long, alias = "above-norm")]
    pub boven_norm: bool,
    /// Uitvoer: tekst, json of xlsx (xlsx needs --out).
    #[arg(long, value_enum)]
    pub format: Option<OutFormat>,
    /// Schrijf naar dit bestand (write to this file; for --format xlsx).
    #[arg(long)]
    pub out: Option<std::path::PathBuf>,
}

/// Output formats of `overleg caseload`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutFormat {
    #[value(alias = "text")]
    Tekst,
    Json,
    Xlsx,
}

/// Sort orders as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SortArg {
    #[value(alias = "name")]
    Naam,
    #[value(alias = "load")]
    Belasting,
    #[value(alias = "overdue")]
    Achterstand,
}

impl From<SortArg> for SortKey {
    fn from(s: SortArg) -> SortKey {
        match s {
            SortArg::Naam => SortKey::Name,
            SortArg::Belasting => SortKey::Load,
            SortArg::Achterstand => SortKey::Overdue,
        }
    }
}

/// Parses a role by its Dutch label (spaces or dashes, any case).
pub fn parse_role(s: &str) -> Option<Role> {
    let want = fold_str(s).replace(['-', '_'], " ");
    [
        Role::Wijkcoach,
        Role::Consulent,
        Role::SociaalWerker,
        Role::Jeugdprofessional,
        Role::Wijkteammanager,
        Role::Transformatiecoach,
        Role::Gedragswetenschapper,
    ]
    .into_iter()
    .find(|r| r.label() == want)
}

/// The JSON output.
#[derive(Debug, Serialize)]
pub struct JsonOut<'a> {
    pub today: NaiveDate,
    /// False when some files failed to load: the figures cover only what loaded.
    pub complete: bool,
    pub problems: &'a [String],
    pub teams: &'a [TeamCaseload],
}

/// Where the caseload comes from: the kept facts of every team, or a load of the folder (or
/// the database).
enum Source {
    Facts(Vec<TeamView>),
    Loaded(Workspace),
}

impl Source {
    /// The caseload facts when every team has current ones (not with `--db`), else a load;
    /// a load without any problem keeps each team's facts (and search index) for next time.
    fn load(data: &Path, lang: Lang) -> (Source, Vec<String>) {
        if super::coverage::db().is_some() {
            let (ws, problems) = super::coverage::load(data, lang);
            return (Source::Loaded(ws), problems);
        }
        let keys = super::indexed::Keys::of(data);
        if let Some(views) = keys.open_caseload() {
            return (Source::Facts(views), Vec::new());
        }
        let (ws, problems) = super::coverage::load(data, lang);
        if problems.is_empty() {
            keys.store(&ws);
        }
        (Source::Loaded(ws), problems)
    }

    /// Every team's id and name.
    fn teams(&self) -> Vec<(&str, &str)> {
        match self {
            Source::Facts(views) => views
                .iter()
                .map(|v| (v.team.id.as_str(), v.team.name.as_str()))
                .collect(),
            Source::Loaded(ws) => ws
                .teams
                .iter()
                .map(|td| (td.team.id.as_str(), td.team.name.as_str()))
                .collect(),
        }
    }

    /// The caseload of every team, or of the team with id `team`.
    fn caseload(&self, team: Option<&str>, opts: &Options) -> Vec<TeamCaseload> {
        match self {
            Source::Facts(views) => views
                .par_iter()
                .filter(|v| team.is_none_or(|id| v.team.id == id))
                .map(|v| v.caseload(opts))
                .collect(),
            Source::Loaded(ws) => caseload::caseload(ws, team, opts),
        }
    }
}

/// Runs the command.
pub fn run(data: &Path, lang: Lang, today: NaiveDate, args: Args) -> anyhow::Result<ExitCode> {
    let (source, problems) = Source::load(data, lang);
    // Not freed before exit: see `keep_until_exit`.
    let source = super::coverage::keep_until_exit(source);
    let role = match &args.rol {
        Some(r) => match parse_role(r) {
            Some(role) => Some(role),
            None => {
                let roles: Vec<String> = crate::i18n::roles_list()
                    .split(", ")
                    .map(String::from)
                    .collect();
                eprintln!("{}", crate::i18n::unknown_choice(lang, "rol", r, &roles));
                return Ok(ExitCode::from(2));
            }
        },
        None => None,
    };
    let opts = Options {
        today,
        sort: args.sort.into(),
        role,
        only_above_norm: args.boven_norm,
    };
    let team_id = match &args.team {
        Some(t) => {
            let want = fold_str(t);
            let teams = source.teams();
            match teams
                .iter()
                .find(|(id, name)| *id == t.as_str() || fold_str(name) == want)
            {
                Some((id, _)) => Some(id.to_string()),
                None => {
                    let ids: Vec<String> = teams.iter().map(|(id, _)| id.to_string()).collect();
                    eprintln!("{}", crate::i18n::unknown_choice(lang, "team", t, &ids));
                    super::coverage::warn(&problems, lang);
                    return Ok(ExitCode::from(2));
                }
            }
        }
        None => None,
    };
    let loads = source.caseload(team_id.as_deref(), &opts);
    if args.format == Some(OutFormat::Xlsx) {
        let Some(path) = &args.out else {
            eprintln!("{}", crate::i18n::cli::xlsx_needs_out(lang));
            return Ok(ExitCode::from(2));
        };
        let bytes = super::sheets::caseload_workbook(&loads, lang)?;
        super::notulen::write_export(path, &bytes)?;
        println!("{}", path.display());
        super::coverage::warn(&problems, lang);
        return Ok(ExitCode::SUCCESS);
    }
    // Buffered: stdout is line-buffered, and the pretty JSON of 40 teams is 230,000 lines —
    // one write call each took a third of a warm `caseload --json` (issue 15).
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if args.json || args.format == Some(OutFormat::Json) {
        let json = JsonOut {
            today,
            complete: problems.is_empty(),
            problems: &problems,
            teams: &loads,
        };
        serde_json::to_writer_pretty(&mut out, &json)?;
        writeln!(out)?;
    } else {
        if loads.is_empty() {
            writeln!(
                out,
                "{}",
                i18n::caseload::no_teams(&data.display().to_string(), lang)
            )?;
        }
        for (i, t) in loads.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            write!(
                out,
                "{}",
                crate::text::escape_controls(&render_team(t, lang))
            )?;
        }
    }
    out.flush()?;
    super::coverage::warn(&problems, lang);
    Ok(ExitCode::SUCCESS)
}

fn dec(x: f32, digits: usize) -> String {
    format!("{x:.digits$}").replace('.', ",")
}

fn pct(p: Option<f32>) -> String {
    p.map_or_else(|| "–".to_string(), |p| format!("{p:.0}%"))
}

/// One member as a table row (see [`table_lines`]).
pub fn member_row(m: &MemberLoad, lang: Lang) -> [String; 8] {
    let b = m.by_complexity;
    let band = i18n::caseload::band(m.band, lang);
    [
        m.name.clone(),
        dec(m.fte, 2),
        b.total().to_string(),
        format!("{}/{}/{}", b.licht, b.midden, b.zwaar),
        dec(m.weighted, 1),
        if m.band == caseload::LoadBand::GeenCasushouder {
            "–".to_string()
        } else {
            dec(m.capacity, 1)
        },
        match m.load_percent {
            Some(_) => format!("{} {band}", pct(m.load_percent)),
            None => band.to_string(),
        },
        format!("{}/{}", m.overdue_actions.len(), m.evaluations_due.len()),
    ]
}

/// The totals of a team as a table row.
pub fn totals_row(t: &TeamCaseload, lang: Lang) -> [String; 8] {
    let tot = &t.totals;
    let b = tot.by_complexity;
    [
        i18n::caseload::team_total(lang).to_string(),
        String::new(),
        b.total().to_string(),
        format!("{}/{}/{}", b.licht, b.midden, b.zwaar),
        dec(tot.weighted, 1),
        dec(tot.capacity, 1),
        format!(
            "{} {}",
            pct(tot.load_percent),
            i18n::caseload::band(caseload::LoadBand::of(tot.load_percent), lang)
        ),
        format!("{}/{}", tot.overdue_actions, tot.evaluations_due),
    ]
}

/// Rows aligned into lines: text columns left, figures right.
pub fn table_lines(rows: &[[String; 8]]) -> Vec<String> {
    let mut widths = [0usize; 8];
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    rows.iter()
        .map(|r| {
            let mut line = String::new();
            for (i, (c, w)) in r.iter().zip(widths).enumerate() {
                let pad = " ".repeat(w - c.chars().count());
                if i == 0 || i == 6 {
                    line.push_str(c);
                    line.push_str(&pad);
                } else {
                    line.push_str(&pad);
                    line.push_str(c);
                }
                line.push_str("  ");
            }
            line.trim_end().to_string()
        })
        .collect()
}

/// The plain-text table of one team.
pub fn render_team(t: &TeamCaseload, lang: Lang) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    let n = &t.norm;
    let tot = &t.totals;
    let _ = writeln!(
        s,
        "{}",
        i18n::caseload::team_heading(&t.team_name, &t.team, lang)
    );
    let _ = writeln!(
        s,
        "{}",
        i18n::caseload::norm(
            n.cases_per_fte,
            n.weight_licht,
            n.weight_midden,
            n.weight_zwaar,
            lang
        )
    );
    let mut rows: Vec<[String; 8]> = vec![i18n::caseload::columns(lang).map(str::to_string)];
    rows.extend(t.members.iter().map(|m| member_row(m, lang)));
    rows.push(totals_row(t, lang));
    for line in table_lines(&rows) {
        let _ = writeln!(s, "{line}");
    }
    let _ = writeln!(
        s,
        "{}",
        i18n::caseload::regie_elsewhere(
            tot.regie_extern,
            tot.regie_huishouden,
            tot.regie_unknown_member,
            lang
        )
    );
    let _ = writeln!(
        s,
        "{}:",
        i18n::caseload::without_regisseur(t.without_regisseur.len(), lang)
    );
    if t.without_regisseur.is_empty() {
        let _ = writeln!(s, "  {}", i18n::caseload::none(lang));
    }
    for u in &t.without_regisseur {
        let since = u.since.map(|d| d.format("%d-%m-%Y").to_string());
        let _ = writeln!(
            s,
            "  {} {} · {}{}",
            u.case,
            u.pseudonym,
            u.complexity.label(),
            i18n::caseload::unassigned_detail(u.coach.as_deref(), since.as_deref(), lang)
        );
    }
    s.push_str(&render_week(t, lang));
    s
}

/// The verdeellijst and the hand-overs that start later (issue 11).
fn render_week(t: &TeamCaseload, lang: Lang) -> String {
    use std::fmt::Write as _;
    let w = &i18n::week::CaseloadTexts::of(lang);
    let mut s = String::new();
    let oldest = t.verdeellijst.first().map(|x| x.waiting_days);
    let _ = writeln!(
        s,
        "{}",
        i18n::week::verdeellijst_line(t.verdeellijst.len(), oldest, lang)
    );
    for x in &t.verdeellijst {
        let _ = writeln!(
            s,
            "  {} {} · {} {} · {}",
            x.code,
            x.pseudonym,
            x.waiting_days,
            w.days,
            x.laws
                .iter()
                .map(|l| l.label())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    if !t.pending_handovers.is_empty() {
        let _ = writeln!(s, "{}:", w.pending);
        for h in &t.pending_handovers {
            let name = |r: &Option<String>| {
                r.clone()
                    .unwrap_or_else(|| i18n::week::nobody(lang).to_string())
            };
            let _ = writeln!(
                s,
                "  {}: {}",
                h.case,
                i18n::week::regie_until_then(&name(&h.until_then), h.from, &name(&h.then), lang)
            );
        }
    }
    s
}
