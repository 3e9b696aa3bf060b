//! The team's week in the minutes: the verdeling table (code, new regisseur, or why the
//! household stays on the list), the herverdeling in one table of hand-overs (not as case
//! sections), the changes in cases' life made under an item, the review outcome with a new
//! actiehouder, and the owner cell of the actielijst with its history.

use crate::domain::{ActionReview, ActionState, AgendaItem, ReviewOutcome, VerdelingResult};
use crate::i18n::week::WeekText;
use crate::i18n::{Lang, minutes as txt, week};

use super::build::{Ctx, date};
use super::model::Block;

fn lang(ctx: &Ctx) -> Lang {
    if ctx.t.title == txt::EN.title {
        Lang::En
    } else {
        Lang::Nl
    }
}

/// The outcome column of the action review: "doorgeschoven naar 14-04-2026 · naar Ayşe
/// Özdemir".
pub(super) fn review_outcome(ctx: &Ctx, r: &ActionReview) -> String {
    let t = ctx.t;
    let mut s = match &r.outcome {
        ReviewOutcome::Gedaan => t.review_done.to_string(),
        ReviewOutcome::Doorgeschoven(d) => t.review_postponed.replace("{date}", &date(*d)),
        ReviewOutcome::Vervallen => t.review_dropped.to_string(),
        ReviewOutcome::Genoteerd => week::review_noted(lang(ctx)).to_string(),
    };
    if let Some(to) = &r.new_owner {
        s.push_str(&format!(
            " · {} {}",
            WeekText::To.text(lang(ctx)),
            ctx.who(to)
        ));
    }
    s
}

/// Who held the action before the meeting on `date` (its review may have handed it over).
pub(super) fn owner_before(a: &ActionState, date: chrono::NaiveDate) -> &str {
    a.owner_history
        .iter()
        .find(|c| c.meeting >= date)
        .map_or(a.item.owner.as_str(), |c| c.from.as_str())
}

/// The owner cell of the actielijst: the current owner, with earlier owners after it
/// ("Ayşe Özdemir (was Jan de Vries)").
pub(super) fn owner_cell(ctx: &Ctx, a: &ActionState) -> String {
    let now = ctx.who(&a.item.owner);
    if a.owner_history.is_empty() {
        return now;
    }
    let was: Vec<String> = a.owner_history.iter().map(|c| ctx.who(&c.from)).collect();
    format!(
        "{now} ({} {})",
        WeekText::Was.text(lang(ctx)),
        was.join(", ")
    )
}

/// The blocks an item adds for the verdeling, the herverdeling and changes in cases' life.
pub(super) fn item_blocks(ctx: &Ctx, item: &AgendaItem) -> Vec<Block> {
    let l = lang(ctx);
    let mut out = Vec::new();
    if !item.verdeling.is_empty() {
        let rows = item
            .verdeling
            .iter()
            .map(|o| match &o.result {
                VerdelingResult::Toegewezen { to, reason } => {
                    vec![ctx.case_label(&o.case), ctx.who(to), ctx.text(reason)]
                }
                VerdelingResult::BlijftOpLijst { reason } => vec![
                    ctx.case_label(&o.case),
                    week::stays_on_list(l).to_string(),
                    ctx.text(reason),
                ],
            })
            .collect();
        out.push(Block::Table {
            headers: vec![
                WeekText::Case.text(l).into(),
                WeekText::NewRegisseur.text(l).into(),
                WeekText::Explanation.text(l).into(),
            ],
            rows,
        });
    }
    if let Some(h) = &item.herverdeling {
        if !h.reason.trim().is_empty() {
            out.push(Block::Field {
                label: ctx.t.reason.into(),
                value: ctx.text(&h.reason),
            });
        }
        let to = |t: &Option<String>| {
            t.as_deref()
                .map_or_else(|| WeekText::StillOpen.text(l).to_string(), |t| ctx.who(t))
        };
        let mut rows: Vec<Vec<String>> = h
            .households
            .iter()
            .map(|x| {
                let what = match (x.regie, x.coach) {
                    (true, true) => WeekText::RegieAndCoach.text(l),
                    (true, false) => WeekText::Regie.text(l),
                    _ => WeekText::Coach.text(l),
                };
                vec![
                    ctx.case_label(&x.case),
                    what.to_string(),
                    ctx.who(&x.from),
                    to(&x.to),
                ]
            })
            .collect();
        rows.extend(h.actions.iter().map(|x| {
            vec![
                x.action.clone(),
                WeekText::Action.text(l).to_string(),
                ctx.who(&x.from),
                to(&x.to),
            ]
        }));
        out.push(Block::Table {
            headers: vec![
                WeekText::CaseOrAction.text(l).into(),
                WeekText::What.text(l).into(),
                WeekText::From.text(l).into(),
                WeekText::ToHeading.text(l).into(),
            ],
            rows,
        });
    }
    if !item.case_changes.is_empty() {
        out.push(Block::List {
            label: WeekText::ChangesInCases.text(l).into(),
            items: item
                .case_changes
                .iter()
                .map(|r| {
                    let mut line = format!(
                        "{}: {}",
                        r.case,
                        week::case_change(&r.event.change, |id| ctx.who(id), l)
                    );
                    if !r.event.reason.trim().is_empty() {
                        line.push_str(&format!(" ({})", ctx.text(&r.event.reason)));
                    }
                    line
                })
                .collect(),
        });
    }
    out
}
