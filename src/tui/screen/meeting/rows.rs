//! The selectable rows of the current item's pane: attendance for the opening, the previous
//! minutes, the action review, or what a case discussion records.

use crate::domain::ItemKind;
use crate::session;
use crate::session::HandOverRef;
use crate::tui::app::App;
use crate::tui::form::small::TextTarget;

/// One selectable row in the pane of the current item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemRow {
    Voorzitter,
    Notulist,
    Member(String),
    Guest(usize),
    AdoptMinutes,
    Text(TextTarget),
    /// An open action under review, by number.
    Review(String),
    /// The advice list: Enter adds; its entries follow as `AdviceEntry` rows.
    Advice,
    /// One advice by position: Enter edits, remove asks first.
    AdviceEntry(usize),
    Decisions,
    DecisionEntry(usize),
    Regie,
    Actions,
    ActionEntry(usize),
    Check,
    Evaluation,
    /// The facts of the case before the chair (Enter: its case card).
    Facts,
    /// A household on the verdeellijst, by case code.
    Wachtend(String),
    /// A line of a herverdeling.
    HandOver(HandOverRef),
}

/// The rows of the current item, top to bottom.
pub fn item_rows(app: &App) -> Vec<ItemRow> {
    let (Some(m), Some(i)) = (app.current_meeting(), app.current_item()) else {
        return vec![];
    };
    let Some(item) = m.agenda.get(i) else {
        return vec![];
    };
    let decisions = || {
        std::iter::once(ItemRow::Decisions)
            .chain((0..item.decisions.len()).map(ItemRow::DecisionEntry))
    };
    let actions = || {
        std::iter::once(ItemRow::Actions).chain((0..item.actions.len()).map(ItemRow::ActionEntry))
    };
    match &item.kind {
        ItemKind::Opening => {
            let mut v = vec![ItemRow::Voorzitter, ItemRow::Notulist];
            if let Some(t) = app.team_data() {
                // Who is on the attendance list, and anyone in the team that day.
                v.extend(
                    t.team
                        .members
                        .iter()
                        .filter(|mb| m.presence(&mb.id).is_some() || mb.is_active_on(m.date))
                        .map(|mb| ItemRow::Member(mb.id.clone())),
                );
            }
            v.extend((0..m.guests.len()).map(ItemRow::Guest));
            v
        }
        ItemKind::VorigVerslag => {
            let mut v = vec![];
            let prev = app
                .team_data()
                .and_then(|t| session::previous_meeting(&t.meetings, m.date));
            if m.previous_minutes.is_some() || prev.is_some() {
                v.push(ItemRow::AdoptMinutes);
                v.push(ItemRow::Text(TextTarget::PreviousRemarks));
            }
            v.push(ItemRow::Text(TextTarget::Notes(i)));
            v
        }
        ItemKind::Actiepunten => {
            let mut v: Vec<ItemRow> = app
                .team_data()
                .map(|t| session::actions_to_review(&t.meetings, m.date))
                .unwrap_or_default()
                .into_iter()
                .map(|a| ItemRow::Review(a.item.number))
                .collect();
            v.push(ItemRow::Text(TextTarget::Notes(i)));
            v.extend(actions());
            v
        }
        ItemKind::Casus(d) => {
            let mut v = vec![
                ItemRow::Facts,
                ItemRow::Text(TextTarget::Question(i)),
                ItemRow::Text(TextTarget::Clarifying(i)),
                ItemRow::Advice,
            ];
            v.extend((0..d.advice.len()).map(ItemRow::AdviceEntry));
            v.extend(decisions());
            v.push(ItemRow::Regie);
            v.extend(actions());
            v.extend([
                ItemRow::Check,
                ItemRow::Evaluation,
                ItemRow::Text(TextTarget::Lesson(i)),
            ]);
            v
        }
        ItemKind::Verdeling => {
            let mut v: Vec<ItemRow> = app
                .team_data()
                .and_then(|t| session::verdeling_view(t, m, i).ok())
                .unwrap_or_default()
                .into_iter()
                .map(|r| ItemRow::Wachtend(r.wachtend.code))
                .collect();
            v.push(ItemRow::Text(TextTarget::Notes(i)));
            v.extend(decisions());
            v.extend(actions());
            v
        }
        _ => {
            let mut v = Vec::new();
            if let Some(h) = &item.herverdeling {
                v.push(ItemRow::Text(TextTarget::HerverdelingReason(i)));
                v.extend(
                    (0..h.households.len()).map(|k| ItemRow::HandOver(HandOverRef::Household(k))),
                );
                v.extend((0..h.actions.len()).map(|k| ItemRow::HandOver(HandOverRef::Action(k))));
            }
            v.push(ItemRow::Text(TextTarget::Notes(i)));
            v.extend(decisions());
            v.extend(actions());
            v
        }
    }
}
