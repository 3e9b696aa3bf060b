//! The lists at the end of the minutes and the action review at the start: besluitenlijst,
//! actielijst, action review and the next meeting.

use chrono::{Duration, NaiveDate};

use crate::domain::{ActionLedger, ActionStatus, ItemKind, Meeting, TeamData};

use super::build::{Ctx, action_text, date};
use super::model::{Block, Section};

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
            let (text, owner) = ledger
                .get(&r.action)
                .map_or((String::new(), String::new()), |a| {
                    (
                        action_text(ctx, &a.item.text, a.item.case.as_deref()),
                        ctx.who(super::week::owner_before(a, meeting.date)),
                    )
                });
            let outcome = super::week::review_outcome(ctx, r);
            vec![r.action.clone(), text, owner, outcome, ctx.text(&r.note)]
        })
        .collect();
    s.blocks.push(Block::Table {
        headers: vec![
            t.number.into(),
            t.action.into(),
            t.owner.into(),
            t.outcome.into(),
            t.note.into(),
        ],
        rows,
    });
    s
}

/// The decisions of this meeting that the document shows.
pub(super) fn besluitenlijst(ctx: &Ctx, meeting: &Meeting) -> Section {
    let t = ctx.t;
    let mut s = Section::new(2, t.besluitenlijst);
    let rows: Vec<Vec<String>> = meeting
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
        .map(|(case, d)| {
            let dissent = d
                .dissent
                .iter()
                .map(|x| format!("{}: {}", ctx.who(&x.by), ctx.text(&x.note)))
                .collect::<Vec<_>>()
                .join("; ");
            let mut row = vec![
                d.number.clone(),
                case,
                ctx.text(&d.text),
                ctx.who(&d.decided_by),
            ];
            // A partner's version leaves the team's own discussion (dissent) out.
            if ctx.partner().is_none() {
                row.push(if dissent.is_empty() {
                    t.none.to_string()
                } else {
                    dissent
                });
            }
            row
        })
        .collect();
    if rows.is_empty() {
        s.blocks.push(Block::Paragraph(t.none.into()));
    } else {
        let mut headers = vec![
            t.number.into(),
            t.case.into(),
            t.decision.into(),
            capitalise(t.decided_by),
        ];
        if ctx.partner().is_none() {
            headers.push(capitalise(t.dissent));
        }
        s.blocks.push(Block::Table { headers, rows });
    }
    s
}

/// The actielijst after this meeting: every action still open, plus those agreed or closed in
/// this meeting.
pub(super) fn actielijst(ctx: &Ctx, meeting: &Meeting) -> Section {
    let t = ctx.t;
    let ledger = ActionLedger::from_meetings(&ctx.team.meetings, Some(meeting.date));
    let mut s = Section::new(2, t.actielijst);
    let rows: Vec<Vec<String>> = ledger
        .actions
        .iter()
        .filter(|a| {
            a.status == ActionStatus::Open
                || a.agreed_in == meeting.date
                || a.last_review == Some(meeting.date)
        })
        .filter(|a| ctx.action_shown(&a.item, None))
        .map(|a| {
            action_row(
                ctx,
                a,
                action_text(ctx, &a.item.text, a.item.case.as_deref()),
            )
        })
        .collect();
    if rows.is_empty() {
        s.blocks.push(Block::Paragraph(t.none.into()));
    } else {
        s.blocks.push(action_table(ctx, rows));
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
