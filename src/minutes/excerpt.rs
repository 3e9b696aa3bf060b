//! The case excerpt (uittreksel): everything ever discussed about one household, across all
//! meetings of the team, for the case file. A shareable excerpt follows the rules of the
//! shareable minutes (see `share.rs`); the caller checks consent and the partner first.

use crate::domain::{ActionLedger, ItemKind, TeamData};

use super::build::{
    Ctx, action_row, action_table, case_section, date, profile_label, profile_note,
};
use super::model::{Block, Document, Section};

/// Builds the excerpt of one case; `None` when the team has no case with that code.
pub(crate) fn excerpt(ctx: &Ctx, code: &str) -> Option<Document> {
    let team: &TeamData = ctx.team;
    let case = team.case(code)?;
    let t = ctx.t;
    let mut meta = vec![
        (t.team.to_string(), team.team.name.clone()),
        (t.case.to_string(), code.to_string()),
    ];
    let label = ctx.case_label(code);
    if label != code {
        meta.push((t.pseudonym.to_string(), case.pseudonym.trim().to_string()));
    }
    meta.push((t.case_status.to_string(), case.status.label().to_string()));
    meta.push((
        t.regisseur.to_string(),
        case.regisseur
            .as_ref()
            .map_or(t.nobody.to_string(), |r| ctx.regisseur(r)),
    ));
    if let Some(e) = case.next_evaluation {
        meta.push((t.next_evaluation.to_string(), date(e)));
    }
    if let Some(p) = ctx.partner() {
        meta.push((t.for_partner.to_string(), p.name.clone()));
    }
    let mut sections = Vec::new();
    // The regie history gives reasons: not for a partner.
    if !case.regie_history.is_empty() && ctx.partner().is_none() {
        let mut s = Section::new(2, t.regie_history);
        s.blocks.push(Block::Table {
            headers: vec![
                t.date.into(),
                t.regie_from.into(),
                t.regie_to.into(),
                t.reason.into(),
            ],
            rows: case
                .regie_history
                .iter()
                .map(|c| {
                    let r = |x: &Option<crate::domain::Regisseur>| {
                        x.as_ref()
                            .map_or(t.nobody.to_string(), |r| ctx.regisseur(r))
                    };
                    vec![date(c.date), r(&c.from), r(&c.to), ctx.text(&c.reason)]
                })
                .collect(),
        });
        sections.push(s);
    }
    let mut discussed = false;
    for m in &team.meetings {
        for item in &m.agenda {
            if let ItemKind::Casus(d) = &item.kind
                && d.case == code
            {
                discussed = true;
                let heading = format!("{} {}", t.meeting_of, date(m.date));
                sections.push(case_section(ctx, item, d, 2, Some(heading)));
            }
        }
    }
    if !discussed {
        let mut s = Section::new(2, t.cases);
        s.blocks.push(Block::Paragraph(t.never_discussed.into()));
        sections.push(s);
    }
    let ledger = ActionLedger::from_meetings(&team.meetings, None);
    let rows: Vec<Vec<String>> = ledger
        .actions
        .iter()
        .filter(|a| a.item.case.as_deref() == Some(code))
        .filter(|a| ctx.action_shown(&a.item, None))
        .map(|a| action_row(ctx, a, ctx.text(&a.item.text)))
        .collect();
    if !rows.is_empty() {
        let mut s = Section::new(2, t.actielijst);
        s.blocks.push(action_table(ctx, rows));
        sections.push(s);
    }
    Some(Document {
        title: t.excerpt_title.to_string(),
        subtitle: format!("{} {label}", t.case),
        status: format!("{}: {}", t.profile, profile_label(ctx)),
        meta,
        note: profile_note(ctx),
        sections,
        info: super::model::DocInfo::default(),
    })
}
