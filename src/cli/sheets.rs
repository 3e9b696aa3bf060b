//! Excel out: the caseload (`overleg caseload --format xlsx --out F`), the actielijst and the
//! besluitenlijst (`overleg lijst acties|besluiten [DATUM] --out F`), each with real date
//! cells and a frozen, filterable header row.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::caseload::TeamCaseload;
use crate::i18n::{self, Lang, minutes as txt};
use crate::minutes::{self, Profile};
use crate::xlsx::{self, Table, Value};

/// `overleg lijst …`.
#[derive(Debug, clap::Args)]
pub struct ListArgs {
    /// Welke lijst: acties of besluiten (which list).
    #[arg(value_enum)]
    pub list: ListKind,
    /// Datum van het overleg (JJJJ-MM-DD) of `laatste`.
    #[arg(default_value = "laatste")]
    pub date: String,
    /// Het Excel-bestand (.xlsx) om te schrijven (the .xlsx file to write).
    #[arg(long)]
    pub out: PathBuf,
    /// Team-id; nodig als --data een gemeentemap met meer teams is.
    #[arg(long)]
    pub team: Option<String>,
    /// Versie: intern of deelbaar.
    #[arg(long, value_enum, default_value_t = super::notulen::ProfileArg::Intern)]
    pub profile: super::notulen::ProfileArg,
}

/// The lists there are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListKind {
    #[value(alias = "actielijst", alias = "actions")]
    Acties,
    #[value(alias = "besluitenlijst", alias = "decisions")]
    Besluiten,
}

fn status_label(s: crate::domain::ActionStatus, lang: Lang) -> &'static str {
    let t = txt::texts(lang);
    match s {
        crate::domain::ActionStatus::Open => t.open,
        crate::domain::ActionStatus::Gedaan => t.done,
        crate::domain::ActionStatus::Vervallen => t.dropped,
    }
}

/// Runs `overleg lijst`.
pub fn run_list(data: &Path, lang: Lang, args: ListArgs) -> anyhow::Result<ExitCode> {
    let outcome = crate::storage::load_workspace_lookup(data);
    let team =
        super::notulen::pick_team(&outcome.workspace.teams, args.team.as_deref(), data, lang)?;
    let meeting = super::notulen::pick_meeting(team, &args.date, lang)?;
    let profile: Profile = args.profile.into();
    let t = txt::texts(lang);
    let table = match args.list {
        ListKind::Acties => Table {
            name: t.actielijst.into(),
            headers: [
                t.number,
                t.case,
                t.action,
                t.owner,
                t.due,
                t.state,
                t.postponed,
            ]
            .map(String::from)
            .to_vec(),
            rows: minutes::lists::action_lines(team, meeting, profile, lang)
                .into_iter()
                .map(|a| {
                    vec![
                        Value::from(a.number),
                        Value::from(a.case),
                        Value::from(a.text),
                        Value::from(a.owner),
                        Value::Date(a.due),
                        Value::from(status_label(a.status, lang)),
                        Value::Number(f64::from(a.postponed)),
                    ]
                })
                .collect(),
            ..Table::default()
        },
        ListKind::Besluiten => Table {
            name: t.besluitenlijst.into(),
            headers: vec![
                t.number.into(),
                t.case.into(),
                t.date.into(),
                t.decision.into(),
                t.decided_by.into(),
                t.grounds_header.into(),
                t.consultation_header.into(),
                t.dissent.into(),
            ],
            rows: minutes::lists::decision_lines(team, meeting, profile, lang)
                .into_iter()
                .map(|d| {
                    vec![
                        Value::from(d.number),
                        Value::from(d.case),
                        Value::Date(meeting.date),
                        Value::from(d.text),
                        Value::from(d.decided_by),
                        Value::from(d.grounds),
                        Value::from(d.consultation),
                        Value::from(d.dissent),
                    ]
                })
                .collect(),
            ..Table::default()
        },
    };
    let title = format!(
        "{} — {} — {}",
        table.name,
        team.team.name,
        meeting.date.format("%d-%m-%Y")
    );
    let author = meeting
        .notulist
        .as_deref()
        .map(|id| team.team.member_name(id).to_string())
        .unwrap_or_default();
    let bytes = xlsx::workbook(&title, &author, &[table], &[])?;
    super::notulen::write_export(&args.out, &bytes)?;
    println!("{}", args.out.display());
    Ok(ExitCode::SUCCESS)
}

/// The caseload as a workbook: one sheet of members (all teams), one of the cases without a
/// regisseur.
pub fn caseload_workbook(loads: &[TeamCaseload], lang: Lang) -> anyhow::Result<Vec<u8>> {
    let headers = crate::i18n::cli::caseload_headers(lang);
    let mut rows = Vec::new();
    for t in loads {
        for m in &t.members {
            let b = m.by_complexity;
            rows.push(vec![
                Value::from(t.team_name.clone()),
                Value::from(m.name.clone()),
                Value::from(
                    m.roles
                        .iter()
                        .map(|r| r.label())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                Value::Number(round2(m.fte)),
                Value::Number(b.total() as f64),
                Value::Number(b.licht as f64),
                Value::Number(b.midden as f64),
                Value::Number(b.zwaar as f64),
                Value::Number(round2(m.weighted)),
                Value::Number(round2(m.capacity)),
                m.load_percent
                    .map_or(Value::Empty, |x| Value::Number(x.round() as f64)),
                Value::from(i18n::caseload::band(m.band, lang)),
                Value::Number(m.overdue_actions.len() as f64),
                Value::Number(m.evaluations_due.len() as f64),
                m.evaluations_due.iter().map(|e| e.date).min().into(),
            ]);
        }
    }
    let members = Table {
        name: "Caseload".into(),
        headers,
        rows,
        ..Table::default()
    };
    let unassigned = Table {
        name: crate::i18n::cli::unassigned_sheet(lang).into(),
        headers: crate::i18n::cli::unassigned_headers(lang),
        rows: loads
            .iter()
            .flat_map(|t| {
                t.without_regisseur.iter().map(move |u| {
                    vec![
                        Value::from(t.team_name.clone()),
                        Value::from(u.case.clone()),
                        Value::from(u.pseudonym.clone()),
                        Value::from(u.complexity.label()),
                        Value::from(u.coach.clone().unwrap_or_default()),
                        u.since.into(),
                    ]
                })
            })
            .collect(),
        ..Table::default()
    };
    Ok(xlsx::workbook("Caseload", "", &[members, unassigned], &[])?)
}

fn round2(x: f32) -> f64 {
    (f64::from(x) * 100.0).round() / 100.0
}
