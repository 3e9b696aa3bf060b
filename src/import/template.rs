//! The import template: a workbook made by overleg itself with the households and members
//! sheets (header row, pick lists where the choices are fixed) and a sheet that explains
//! every column. What it writes, `overleg import` reads back unchanged.

use chrono::NaiveDate;

use crate::domain::{CaseStatus, Complexity, Role, SignalSource};
use crate::i18n::{Lang, import as txt};
use crate::xlsx::{self, Table, TextSheet, Value};

use super::columns::{CASE_HEADERS, CaseField, MEMBER_HEADERS, MemberField};

/// The sheet names of the template.
pub const HOUSEHOLDS_SHEET: &str = "Huishoudens";
pub const MEMBERS_SHEET: &str = "Medewerkers";

/// The header the template writes for a households column (the first recognised name).
pub fn case_header(f: CaseField) -> &'static str {
    CASE_HEADERS
        .iter()
        .find(|(g, _)| *g == f)
        .and_then(|(_, names)| names.first())
        .copied()
        .unwrap_or("")
}

/// The header the template writes for a members column.
pub fn member_header(f: MemberField) -> &'static str {
    MEMBER_HEADERS
        .iter()
        .find(|(g, _)| *g == f)
        .and_then(|(_, names)| names.first())
        .copied()
        .unwrap_or("")
}

fn yes_no() -> Vec<String> {
    vec!["ja".into(), "nee".into()]
}

/// The template's bytes. With `examples`, two fictional members and three households fill
/// the sheets (to try an import; delete them before real use).
pub fn template(lang: Lang, examples: bool) -> Result<Vec<u8>, String> {
    let case_cols: Vec<CaseField> = CASE_HEADERS.iter().map(|(f, _)| *f).collect();
    let member_cols: Vec<MemberField> = MEMBER_HEADERS.iter().map(|(f, _)| *f).collect();
    let pos = |f: CaseField| case_cols.iter().position(|g| *g == f).unwrap_or(0);
    let mpos = |f: MemberField| member_cols.iter().position(|g| *g == f).unwrap_or(0);
    let mut households = Table {
        name: HOUSEHOLDS_SHEET.into(),
        headers: case_cols
            .iter()
            .map(|f| case_header(*f).to_string())
            .collect(),
        blank_rows: 500,
        choices: vec![
            (
                pos(CaseField::Status),
                CaseStatus::ALL
                    .iter()
                    .map(|s| s.label().to_string())
                    .collect(),
            ),
            (
                pos(CaseField::Complexiteit),
                Complexity::ALL
                    .iter()
                    .map(|c| c.label().to_string())
                    .collect(),
            ),
            (
                pos(CaseField::Kader),
                vec!["vrijwillig".into(), "gedwongen".into()],
            ),
            (pos(CaseField::Signaalbron), signal_sources()),
            (pos(CaseField::Veiligheid), yes_no()),
            (pos(CaseField::Toestemming), yes_no()),
            (pos(CaseField::DelenMetPartners), yes_no()),
        ],
        ..Table::default()
    };
    let mut members = Table {
        name: MEMBERS_SHEET.into(),
        headers: member_cols
            .iter()
            .map(|f| member_header(*f).to_string())
            .collect(),
        blank_rows: 100,
        choices: vec![(mpos(MemberField::Jeugd), yes_no())],
        ..Table::default()
    };
    if examples {
        members.rows = example_members(&member_cols);
        households.rows = example_households(&case_cols);
    }
    let explanation = TextSheet {
        name: txt::template_explanation_sheet(lang).into(),
        lines: txt::template_explanation(lang),
    };
    xlsx::workbook(
        txt::template_title(lang),
        "",
        &[households, members],
        &[explanation],
    )
    .map_err(|e| e.to_string())
}

fn signal_sources() -> Vec<String> {
    use SignalSource::*;
    [
        Inwoner,
        School,
        Huisarts,
        Woningcorporatie,
        VeiligThuis,
        Politie,
        Wijkagent,
        Schuldhulp,
        Ggz,
        Anders,
    ]
    .iter()
    .map(|s| s.label().to_string())
    .collect()
}

fn example_members(cols: &[MemberField]) -> Vec<Vec<Value>> {
    let people: [(&str, &str, Role, &str, &str, &str); 2] = [
        (
            "tvoorbeeld",
            "Tessa Voorbeeld",
            Role::Wijkcoach,
            "0,89",
            "schulden; LVB",
            "ja",
        ),
        (
            "bproef",
            "Bram Proef",
            Role::Wijkteammanager,
            "1",
            "",
            "nee",
        ),
    ];
    people
        .iter()
        .map(|(id, name, role, fte, expertise, youth)| {
            cols.iter()
                .map(|f| match f {
                    MemberField::Id => Value::from(*id),
                    MemberField::Naam => Value::from(*name),
                    MemberField::Rol => Value::from(role.label()),
                    MemberField::Fte => Value::from(*fte),
                    MemberField::Expertise => Value::from(*expertise),
                    MemberField::Jeugd => Value::from(*youth),
                    MemberField::Mandaat => Value::Empty,
                })
                .collect()
        })
        .collect()
}

fn example_households(cols: &[CaseField]) -> Vec<Vec<Value>> {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).map_or(Value::Empty, Value::Date);
    (0..3)
        .map(|i| {
            cols.iter()
                .map(|f| match (f, i) {
                    (CaseField::Casusnummer, _) => Value::from(format!("2026-09{:02}", i + 1)),
                    (CaseField::Pseudoniem, 0) => "Fam. V.".into(),
                    (CaseField::Pseudoniem, 1) => "Mw. P.".into(),
                    (CaseField::Pseudoniem, _) => "Dhr. O.".into(),
                    (CaseField::Aanmelddatum, _) => d(2026, 9, 1 + i),
                    (CaseField::Status, 0) => "uitvoering".into(),
                    (CaseField::Status, _) => "aanmelding".into(),
                    (CaseField::Wet, 0) => "Jeugdwet, Wmo".into(),
                    (CaseField::Wet, _) => "Wmo".into(),
                    (CaseField::Kader, 0) => "gedwongen".into(),
                    (CaseField::Kader, _) => "vrijwillig".into(),
                    (CaseField::Maatregel, 0) => "ondertoezichtstelling (OTS)".into(),
                    (CaseField::Gi, 0) => "Jeugdbescherming Voorbeeld".into(),
                    (CaseField::Gezinsvoogd, 0) => "R. Fictief".into(),
                    (CaseField::MaatregelStart, 0) => d(2026, 6, 1),
                    (CaseField::MaatregelEinde, 0) => d(2027, 6, 1),
                    (CaseField::Complexiteit, 0) => "zwaar".into(),
                    (CaseField::Complexiteit, _) => "licht".into(),
                    (CaseField::Leefgebieden, 0) => "opvoeding; financiën en schulden".into(),
                    (CaseField::Leefgebieden, _) => "huisvesting".into(),
                    (CaseField::Signaalbron, 0) => "school".into(),
                    (CaseField::Signaalbron, _) => "huisarts".into(),
                    (CaseField::Coach, _) => "Tessa Voorbeeld".into(),
                    (CaseField::Regisseur, 0) => "gezinsvoogd".into(),
                    (CaseField::Regisseur, 1) => "tvoorbeeld".into(),
                    (CaseField::Evaluatiedatum, 0) => d(2026, 12, 8),
                    (CaseField::Veiligheid, 0) => "ja".into(),
                    (CaseField::Veiligheid, _) => "nee".into(),
                    (CaseField::Toestemming, _) => "nee".into(),
                    (CaseField::DelenMetPartners, _) => "ja".into(),
                    (CaseField::SituatieBijAanmelding, 1) => {
                        "Vraagt hulp bij de administratie.".into()
                    }
                    _ => Value::Empty,
                })
                .collect()
        })
        .collect()
}
