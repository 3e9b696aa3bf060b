//! Checks of one case file: code and file name, members it names, one regisseur, and dates
//! in the right order.

use std::path::Path;

use chrono::NaiveDate;

use crate::domain::{Case, Kader, Regisseur};

use super::{Members, Sink, check_member, stem};
use crate::storage::locate::Anchor;
use crate::storage::problem::{Period, ProblemKind};

/// Checks one case against its team's members.
pub(crate) fn check_case(case: &Case, path: &Path, members: &Members<'_>, sink: &mut Sink<'_>) {
    sink.version(case.version);
    if !is_case_code(&case.code) {
        sink.at(
            Anchor::TopField("code"),
            ProblemKind::InvalidCaseCode {
                code: case.code.clone(),
            },
        );
    } else if stem(path) != case.code {
        sink.at(
            Anchor::TopField("code"),
            ProblemKind::CaseFileName {
                code: case.code.clone(),
                file: file_name(path),
            },
        );
    }
    if let Kader::Gedwongen(m) = &case.kader {
        end_before_start(
            sink,
            "end",
            Period::Maatregel,
            &m.measure,
            m.start,
            Some(m.end),
        );
    }
    if let Some(coach) = &case.coach {
        check_member(sink, members, "coach", coach);
    }
    check_regisseur(sink, members, "regisseur", case.regisseur.as_ref());
    for change in &case.regie_history {
        check_regisseur(sink, members, "from", change.from.as_ref());
        check_regisseur(sink, members, "to", change.to.as_ref());
    }
    for event in &case.history {
        if let crate::domain::CaseChange::Coach { from, to } = &event.change {
            for id in from.iter().chain(to) {
                check_member(sink, members, "coach", id);
            }
        }
    }
    // With dated hand-overs (`RegieChange::effective`) the saved regisseur may lag behind the
    // last entry: the rule is `Case::regisseur_matches_history` (see `domain::lifecycle`).
    if let Some(last) = case.regie_history.last()
        && !case.regisseur_matches_history()
    {
        sink.at(
            Anchor::TopField("regisseur"),
            ProblemKind::TwoRegisseurs {
                regisseur: regisseur_text(case.regisseur.as_ref()),
                last_to: regisseur_text(last.to.as_ref()),
            },
        );
    }
    for v in &case.voorzieningen {
        end_before_start(sink, "end", Period::Voorziening, &v.name, v.start, v.end);
    }
    for p in &case.plans {
        end_before_start(sink, "ended", Period::Plan, &p.title, p.made, p.ended);
    }
}

/// Checks the member behind a `Lid(..)` regisseur.
pub(crate) fn check_regisseur(
    sink: &mut Sink<'_>,
    members: &Members<'_>,
    field: &'static str,
    regisseur: Option<&Regisseur>,
) {
    if let Some(Regisseur::Lid(id)) = regisseur {
        check_member(sink, members, field, id);
    }
}

fn end_before_start(
    sink: &mut Sink<'_>,
    field: &'static str,
    what: Period,
    name: &str,
    start: NaiveDate,
    end: Option<NaiveDate>,
) {
    if let Some(end) = end
        && end < start
    {
        sink.string(
            field,
            &end.format("%Y-%m-%d").to_string(),
            ProblemKind::EndBeforeStart {
                what,
                name: name.to_string(),
                start,
                end,
            },
        );
    }
}

/// `YYYY-NNNN`: four digits, a dash, four digits.
pub fn is_case_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 9
        && b[4] == b'-'
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[5..].iter().all(u8::is_ascii_digit)
}

/// How a regisseur is written in a file, for messages.
pub(crate) fn regisseur_text(r: Option<&Regisseur>) -> String {
    match r {
        None => "None".to_string(),
        Some(Regisseur::Lid(id)) => format!("Lid(\"{id}\")"),
        Some(Regisseur::Extern(e)) => format!("Extern(\"{}\", {})", e.name, e.organisation),
        Some(Regisseur::Huishouden) => "Huishouden".to_string(),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}
