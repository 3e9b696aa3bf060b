//! The lists of the minutes: the action review at the start, the besluitenlijst and the
//! actielijst at the end (also as typed lines, for the Excel export, with real dates) and the
//! next meeting. The actielijst is grouped open → gedaan → vervallen and sorted by due date
//! within each group; the case code has its own column. A shareable version holds only what
//! it may show (consent, partner).

use chrono::{Duration, NaiveDate};

use crate::domain::{ActionLedger, ActionStatus, ItemKind, Meeting, TeamData};

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

/// The review of actions from earlier meetings; a shareable version shows only the actions
/// it may show.
pub(super) fn action_review(ctx: &Ctx, meeting: &Meeting) -> Section {
    let t = ctx.t;
    let ledger = ActionLedger::from_meetings(&ctx.team.meetings, Some(meeting.date));
    let mut s = Section::new(2, t.action_review);
    let reviews: Vec<_> = meeting
        .action_reviews
        .iter()
        .filter(|r| {
            ledger
                .get(&r.action)
                .is_some_and(|a| ctx.action_shown(&a.item, None))
                || !ctx.shareable()
        })
        .collect();
    if reviews.is_empty() {
        s.blocks.push(Block::Paragraph(t.none.into()));
        return s;
    }
    let rows = reviews
        .into_iter()
        .map(|r| {
            // The case code has a column of its own.
            let (case, text, owner) = ledger.get(&r.action).map_or_else(Default::default, |a| {
                (
                    a.item.case.clone().unwrap_or_default(),
                    ctx.text(&a.item.text),
                    ctx.who(super::week::owner_before(a, meeting.date)),
                )
            });
            let outcome = super::week::review_outcome(ctx, r);
            vec![
                r.action.clone(),
                case,
                text,
                owner,
                outcome,
                ctx.text(&r.note),
            ]
        })
        .collect();
    s.blocks.push(Block::Table {
        headers: vec![
            t.number.into(),
            t.case.into(),
            t.action.into(),
            t.owner.into(),
            t.outcome.into(),
            t.note.into(),
        ],
        rows,
    });
    s
}

/// The decisions taken in `meeting`, in agenda order.
pub(crate) fn decisions(ctx: &Ctx, meeting: &Meeting) -> Vec<DecisionLine> {
    meeting
        .agenda
        .iter()
        .filter(|i| match &i.kind {
            ItemKind::Casus(d) => ctx.case_shown(&d.case),
            _ => ctx.partner().is_none(),
        })
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
            // A partner's version leaves the team's own discussion (dissent) out.
            dissent: d
                .dissent
                .iter()
                .filter(|_| ctx.partner().is_none())
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
        .filter(|a| ctx.action_shown(&a.item, None))
        .map(|a| ActionLine {
            number: a.item.number.clone(),
            case: a.item.case.clone().unwrap_or_default(),
            text: ctx.text(&a.item.text),
            owner: super::week::owner_cell(ctx, a),
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

/// One row of an actielijst: number, text, owner, due date, status, times postponed.
pub(crate) fn action_row(ctx: &Ctx, a: &crate::domain::ActionState, text: String) -> Vec<String> {
    vec![
        a.item.number.clone(),
        text,
        super::week::owner_cell(ctx, a),
        date(a.due),
        ctx.action_status(a.status).to_string(),
        a.postponed.to_string(),
    ]
}

/// The actielijst table with its headers.
pub(crate) fn action_table(ctx: &Ctx, rows: Vec<Vec<String>>) -> Block {
    let t = ctx.t;
    Block::Table {
        headers: vec![
            t.number.into(),
            t.action.into(),
            t.owner.into(),
            t.due.into(),
            t.state.into(),
            t.postponed.into(),
        ],
        rows,
    }
}

pub(super) fn next_meeting(ctx: &Ctx, meeting: &Meeting) -> Section {
    let t = ctx.t;
    let mut s = Section::new(2, t.next_meeting);
    let line = match next_meeting_date(ctx.team, meeting) {
        Some(d) => {
            let r = &ctx.team.team.rhythm;
            let end = r.start + Duration::minutes(i64::from(r.duration_minutes));
            let place = if r.place.trim().is_empty() {
                meeting.place.trim()
            } else {
                r.place.trim()
            };
            let mut l = format!(
                "{}, {}–{}",
                date(d),
                r.start.format("%H:%M"),
                end.format("%H:%M")
            );
            if !place.is_empty() {
                l.push_str(&format!(", {place}"));
            }
            l
        }
        None => t.not_planned.to_string(),
    };
    s.blocks.push(Block::Paragraph(line));
    s
}

/// The date of the next meeting: as recorded in the meeting, else from the team's rhythm.
pub fn next_meeting_date(team: &TeamData, meeting: &Meeting) -> Option<NaiveDate> {
    meeting
        .next_meeting
        .or_else(|| Some(team.team.rhythm.next_after(meeting.date)))
}

pub(super) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// The context of an export of `meeting`'s lists in `profile` (no partner).
fn export_ctx<'a>(
    team: &'a TeamData,
    meeting: &Meeting,
    profile: super::Profile,
    lang: crate::i18n::Lang,
) -> Ctx<'a> {
    let texts = crate::i18n::minutes::texts(lang);
    Ctx::new(team, profile, None, &meeting.guests, texts)
}

/// The decisions of a meeting for an export, in the profile's view of names and text.
pub fn decision_lines(
    team: &TeamData,
    meeting: &Meeting,
    profile: super::Profile,
    lang: crate::i18n::Lang,
) -> Vec<DecisionLine> {
    decisions(&export_ctx(team, meeting, profile, lang), meeting)
}

/// The actielijst of a meeting for an export.
pub fn action_lines(
    team: &TeamData,
    meeting: &Meeting,
    profile: super::Profile,
    lang: crate::i18n::Lang,
) -> Vec<ActionLine> {
    actions(&export_ctx(team, meeting, profile, lang), meeting)
}
