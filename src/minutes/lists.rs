//! The besluitenlijst and the actielijst of a meeting, as typed lines (for the Excel export,
//! with real dates) and as sections of the minutes. The actielijst is grouped open → gedaan →
//! vervallen and sorted by due date within each group; the case code has its own column.

use chrono::NaiveDate;

use crate::domain::{ActionLedger, ActionStatus, ItemKind, Meeting};

use super::build::{Ctx, date};
use super::model::{Block, Section};

/// One decision of the besluitenlijst.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionLine {
    pub number: String,
    /// Case code, empty for an organisational item.
    pub case: String,
    pub text: String,
    pub decided_by: String,
    pub grounds: String,
    /// "4-ogenprincipe" …, empty when none.
    pub consultation: String,
    /// Who disagreed and why, `;`-separated; empty when nobody.
    pub dissent: String,
}

/// One action of the actielijst.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionLine {
    pub number: String,
    pub case: String,
    pub text: String,
    pub owner: String,
    pub due: NaiveDate,
    pub status: ActionStatus,
    pub postponed: u32,
}

/// The decisions taken in `meeting`, in agenda order.
pub(crate) fn decisions(ctx: &Ctx, meeting: &Meeting) -> Vec<DecisionLine> {
    meeting
        .agenda
        .iter()
        .flat_map(|i| {
            let case = match &i.kind {
                ItemKind::Casus(d) => d.case.clone(),
                _ => String::new(),
            };
            i.decisions.iter().map(move |d| (case.clone(), d))
        })
        .map(|(case, d)| DecisionLine {
            number: d.number.clone(),
            case,
            text: ctx.text(&d.text),
            decided_by: ctx.who(&d.decided_by),
            grounds: ctx.text(&d.grounds),
            consultation: d
                .consultation
                .map(|c| c.label().to_string())
                .unwrap_or_default(),
            dissent: d
                .dissent
                .iter()
                .map(|x| format!("{}: {}", ctx.who(&x.by), ctx.text(&x.note)))
                .collect::<Vec<_>>()
                .join("; "),
        })
        .collect()
}

/// The actielijst after `meeting`: every action still open, plus those agreed or closed in
/// it; open first, then done, then dropped, each by due date and number.
pub(crate) fn actions(ctx: &Ctx, meeting: &Meeting) -> Vec<ActionLine> {
    let ledger = ActionLedger::from_meetings(&ctx.team.meetings, Some(meeting.date));
    let mut out: Vec<ActionLine> = ledger
        .actions
        .iter()
        .filter(|a| {
            a.status == ActionStatus::Open
                || a.agreed_in == meeting.date
                || a.last_review == Some(meeting.date)
        })
        .map(|a| ActionLine {
            number: a.item.number.clone(),
            case: a.item.case.clone().unwrap_or_default(),
            text: ctx.text(&a.item.text),
            owner: ctx.who(&a.item.owner),
            due: a.due,
            status: a.status,
            postponed: a.postponed,
        })
        .collect();
    out.sort_by(|a, b| {
        (group(a.status), a.due, &a.number).cmp(&(group(b.status), b.due, &b.number))
    });
    out
}

fn group(s: ActionStatus) -> u8 {
    match s {
        ActionStatus::Open => 0,
        ActionStatus::Gedaan => 1,
        ActionStatus::Vervallen => 2,
    }
}

fn or_none(ctx: &Ctx, s: &str) -> String {
    if s.trim().is_empty() {
        ctx.t.none.to_string()
    } else {
        s.to_string()
    }
}

/// The besluitenlijst section: number, case, decision (with any dissent), grounds, who
/// decided (with the consultation).
pub(crate) fn besluitenlijst(ctx: &Ctx, meeting: &Meeting) -> Section {
    let t = ctx.t;
    let mut s = Section::new(2, t.besluitenlijst);
    let rows: Vec<Vec<String>> = decisions(ctx, meeting)
        .into_iter()
        .map(|d| {
            // Five columns fit a portrait page: the dissent goes under the decision, the
            // consultation under who decided.
            let mut decision = d.text;
            if !d.dissent.is_empty() {
                decision.push_str(&format!("\n{}: {}", capitalise(t.dissent), d.dissent));
            }
            let mut by = d.decided_by;
            if !d.consultation.is_empty() {
                by.push_str(&format!("\n{}", d.consultation));
            }
            vec![d.number, d.case, decision, or_none(ctx, &d.grounds), by]
        })
        .collect();
    if rows.is_empty() {
        s.blocks.push(Block::Paragraph(t.none.into()));
        return s;
    }
    s.blocks.push(Block::Table {
        headers: vec![
            t.number.into(),
            t.case.into(),
            t.decision.into(),
            t.grounds_header.into(),
            capitalise(t.decided_by),
        ],
        rows,
    });
    s
}

/// The actielijst section: one table per status group (open, gedaan, vervallen), each led by
/// its name and count.
pub(crate) fn actielijst(ctx: &Ctx, meeting: &Meeting) -> Section {
    let t = ctx.t;
    let mut s = Section::new(2, t.actielijst);
    let lines = actions(ctx, meeting);
    if lines.is_empty() {
        s.blocks.push(Block::Paragraph(t.none.into()));
        return s;
    }
    for status in [
        ActionStatus::Open,
        ActionStatus::Gedaan,
        ActionStatus::Vervallen,
    ] {
        let rows: Vec<Vec<String>> = lines
            .iter()
            .filter(|a| a.status == status)
            .map(|a| {
                vec![
                    a.number.clone(),
                    a.case.clone(),
                    a.text.clone(),
                    a.owner.clone(),
                    date(a.due),
                    a.postponed.to_string(),
                ]
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        s.blocks.push(Block::Paragraph(format!(
            "{} ({})",
            capitalise(ctx.action_status(status)),
            rows.len()
        )));
        s.blocks.push(Block::Table {
            headers: vec![
                t.number.into(),
                t.case.into(),
                t.action.into(),
                t.owner.into(),
                t.due.into(),
                t.postponed.into(),
            ],
            rows,
        });
    }
    s
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// The decisions of a meeting for an export, in the profile's view of names and text.
pub fn decision_lines(
    team: &crate::domain::TeamData,
    meeting: &Meeting,
    profile: super::Profile,
    lang: crate::i18n::Lang,
) -> Vec<DecisionLine> {
    let ctx = Ctx::new(team, profile, crate::i18n::minutes::texts(lang));
    decisions(&ctx, meeting)
}

/// The actielijst of a meeting for an export.
pub fn action_lines(
    team: &crate::domain::TeamData,
    meeting: &Meeting,
    profile: super::Profile,
    lang: crate::i18n::Lang,
) -> Vec<ActionLine> {
    let ctx = Ctx::new(team, profile, crate::i18n::minutes::texts(lang));
    actions(&ctx, meeting)
}
