//! Keys of the running meeting: move through the agenda, and per item the rows that record
//! attendance, the previous minutes, the action review, or the case discussion.

use super::{App, Effect, Popup, Screen};
use super::{T, tr};
use super::{entries, forms};
use crate::domain::{ItemKind, MeetingState, ReviewOutcome};
use crate::session;
use crate::tui::app::{Confirm, Entry, Role};
use crate::tui::form::TextTarget;
use crate::tui::keymap::Action;
use crate::tui::picker::{Choice, Picker};

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
                v.extend(
                    t.team
                        .members
                        .iter()
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
        _ => {
            let mut v = vec![ItemRow::Text(TextTarget::Notes(i))];
            v.extend(decisions());
            v.extend(actions());
            v
        }
    }
}

/// The actions of the meeting screen for the current item.
pub(super) fn actions(app: &App) -> Vec<Action> {
    use Action::*;
    let kind = app
        .current_item()
        .and_then(|i| app.current_meeting()?.agenda.get(i))
        .map(|i| &i.kind);
    let mut v = vec![NextItem];
    match kind {
        Some(ItemKind::Opening) => v.extend([CyclePresence, AddGuest, Remove]),
        Some(ItemKind::Actiepunten) => {
            v.extend([ReviewDone, ReviewPostpone, ReviewDrop, ReviewUndo])
        }
        _ => {}
    }
    v.extend([Select, ToClose, PrevItem]);
    if !matches!(kind, Some(ItemKind::Opening)) {
        v.push(Remove);
    }
    v.extend([Up, Down, Back]);
    v
}

pub(super) fn on_action(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(m) = app.current_meeting() else {
        app.screen = Screen::Start;
        return vec![];
    };
    if m.state != MeetingState::Geopend {
        app.screen = Screen::Start;
        return vec![];
    }
    let date = m.date;
    let len = m.agenda.len();
    let cur = m.progress.current_item.unwrap_or(0);
    let rows = item_rows(app);
    let row_i = app.views.item_row.min(rows.len().saturating_sub(1));
    let row = rows.get(row_i).cloned();
    let save = vec![Effect::SaveMeeting(date)];
    match action {
        Action::Up => app.views.item_row = row_i.saturating_sub(1),
        Action::Down => app.views.item_row = (row_i + 1).min(rows.len().saturating_sub(1)),
        Action::NextItem => {
            if cur + 1 >= len {
                if let Some(m) = app.current_meeting_mut()
                    && let Some(item) = m.agenda.get_mut(cur)
                {
                    item.done = true;
                }
                app.screen = Screen::Close;
                app.views.close_scroll = 0;
                return save;
            }
            if let Some(m) = app.current_meeting_mut()
                && session::go_to_item(m, cur + 1, true).is_ok()
            {
                app.views.item_row = 0;
                return save;
            }
        }
        Action::PrevItem => {
            if cur > 0
                && let Some(m) = app.current_meeting_mut()
                && session::go_to_item(m, cur - 1, false).is_ok()
            {
                app.views.item_row = 0;
                return save;
            }
        }
        Action::ToClose => {
            app.screen = Screen::Close;
            app.views.close_scroll = 0;
        }
        Action::Back => {
            app.screen = Screen::Agenda;
            app.views.agenda = cur;
        }
        Action::Select => return select_row(app, row, cur),
        Action::CyclePresence => {
            if let Some(ItemRow::Member(id)) = row
                && let Some(m) = app.current_meeting_mut()
            {
                session::cycle_presence(m, &id);
                return save;
            }
        }
        Action::AddGuest => app
            .popups
            .push(Popup::Form(Box::new(forms::guest_form(app)))),
        Action::Remove => {
            let entry = match row {
                Some(ItemRow::Guest(g)) => {
                    if let Some(m) = app.current_meeting_mut()
                        && session::remove_guest(m, g).is_some()
                    {
                        return save;
                    }
                    return vec![];
                }
                Some(ItemRow::AdviceEntry(k)) => Entry::Advice(k),
                Some(ItemRow::DecisionEntry(k)) => Entry::Decision(k),
                Some(ItemRow::ActionEntry(k)) => Entry::Action(k),
                Some(ItemRow::Regie) if has_regie(app, cur) => Entry::Regie,
                Some(ItemRow::Advice | ItemRow::Decisions | ItemRow::Actions) => {
                    app.info(tr(app, T::ChooseEntryToRemove));
                    return vec![];
                }
                _ => return vec![],
            };
            app.popups
                .push(Popup::Confirm(Confirm::RemoveEntry { item: cur, entry }));
        }
        Action::ReviewDone | Action::ReviewDrop | Action::ReviewUndo | Action::ReviewPostpone => {
            if let Some(ItemRow::Review(number)) = row {
                return review(app, action, &number);
            }
        }
        _ => {}
    }
    vec![]
}

fn select_row(app: &mut App, row: Option<ItemRow>, cur: usize) -> Vec<Effect> {
    let Some(row) = row else {
        return vec![];
    };
    let date = app.meeting;
    let form = match row {
        ItemRow::Voorzitter | ItemRow::Notulist => {
            let role = if row == ItemRow::Voorzitter {
                Role::Voorzitter
            } else {
                Role::Notulist
            };
            let m = app.current_meeting();
            let selected = match role {
                Role::Voorzitter => m.and_then(|m| m.voorzitter.clone()),
                Role::Notulist => m.and_then(|m| m.notulist.clone()),
            };
            let mut picker = Picker::new(member_choices(app));
            if let Some(s) = selected {
                picker = picker.with_selected(&s);
            }
            app.popups.push(Popup::RolePicker { role, picker });
            return vec![];
        }
        ItemRow::Member(id) => {
            if let Some(m) = app.current_meeting_mut() {
                session::cycle_presence(m, &id);
            }
            return date.map(Effect::SaveMeeting).into_iter().collect();
        }
        ItemRow::AdoptMinutes => return toggle_adopted(app),
        ItemRow::Text(target) => Some(forms::text_form(app, target)),
        ItemRow::Advice => entries::advice_form(app, cur, None),
        ItemRow::AdviceEntry(k) => entries::advice_form(app, cur, Some(k)),
        ItemRow::Decisions => entries::decision_form(app, cur, None),
        ItemRow::DecisionEntry(k) => entries::decision_form(app, cur, Some(k)),
        ItemRow::Regie => forms::regie_form(app, cur),
        ItemRow::Actions => entries::action_form(app, cur, None),
        ItemRow::ActionEntry(k) => entries::action_form(app, cur, Some(k)),
        ItemRow::Evaluation => forms::evaluation_form(app, cur),
        ItemRow::Check => {
            app.popups.push(Popup::RegieCheck {
                item: cur,
                selected: 0,
            });
            return vec![];
        }
        ItemRow::Guest(_) | ItemRow::Review(_) => None,
    };
    if let Some(f) = form {
        app.popups.push(Popup::Form(Box::new(f)));
    }
    vec![]
}

/// Whether case item `item` has a regie outcome recorded.
fn has_regie(app: &App, item: usize) -> bool {
    app.current_meeting()
        .and_then(|m| m.agenda.get(item))
        .is_some_and(|it| matches!(&it.kind, ItemKind::Casus(d) if d.regie.is_some()))
}

/// Team members as picker options.
pub(super) fn member_choices(app: &App) -> Vec<Choice> {
    app.team_data()
        .map(|t| {
            t.team
                .members
                .iter()
                .map(|m| Choice::new(m.id.clone(), m.name.clone()))
                .collect()
        })
        .unwrap_or_default()
}

fn toggle_adopted(app: &mut App) -> Vec<Effect> {
    let Some(mi) = app.meeting_index() else {
        return vec![];
    };
    let Some(team) = app.team_data_mut() else {
        return vec![];
    };
    let Some(prev_date) = team.meetings[mi]
        .previous_minutes
        .as_ref()
        .map(|p| p.date)
        .or_else(|| {
            session::previous_meeting(&team.meetings, team.meetings[mi].date).map(|p| p.date)
        })
    else {
        return vec![];
    };
    let Some(pi) = team.meetings.iter().position(|m| m.date == prev_date) else {
        return vec![];
    };
    let adopted = !team.meetings[mi]
        .previous_minutes
        .as_ref()
        .is_some_and(|p| p.adopted);
    let mut prev = team.meetings[pi].clone();
    session::adopt_previous_minutes(&mut team.meetings[mi], &mut prev, adopted);
    team.meetings[pi] = prev;
    let date = team.meetings[mi].date;
    vec![Effect::SaveMeeting(date), Effect::SaveMeeting(prev_date)]
}

fn review(app: &mut App, action: Action, number: &str) -> Vec<Effect> {
    let Some(team) = app.team_data() else {
        return vec![];
    };
    let Some(date) = app.meeting else {
        return vec![];
    };
    let open = session::actions_to_review(&team.meetings, date);
    let Some(state) = open.iter().find(|a| a.item.number == number).cloned() else {
        return vec![];
    };
    let outcome = match action {
        Action::ReviewDone => ReviewOutcome::Gedaan,
        Action::ReviewDrop => ReviewOutcome::Vervallen,
        Action::ReviewPostpone => {
            let form = forms::postpone_form(app, &state);
            app.popups.push(Popup::Form(Box::new(form)));
            return vec![];
        }
        _ => {
            if let Some(m) = app.current_meeting_mut() {
                session::undo_review(m, number);
            }
            return vec![Effect::SaveMeeting(date)];
        }
    };
    if let Some(m) = app.current_meeting_mut()
        && let Err(e) = session::review_action(m, &open, number, outcome)
    {
        app.error(e.to_string());
        return vec![];
    }
    vec![Effect::SaveMeeting(date)]
}
