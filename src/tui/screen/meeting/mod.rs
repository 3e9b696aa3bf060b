//! The running meeting: move through the agenda with the clock, and per item the rows that
//! record attendance, the previous minutes, the action review, or the case discussion. The
//! case card of the case being discussed, and search, are one key away.

mod draw;
mod rows;
mod week;
mod week_actions;

pub use draw::draw;
pub use rows::{ItemRow, item_rows};

use crate::domain::{ItemKind, MeetingState, ReviewOutcome};
use crate::i18n::tui::T;
use crate::session;
use crate::tui::app::{App, Screen};
use crate::tui::form::FormKind;
use crate::tui::form::case_edit::CaseEditForm;
use crate::tui::form::entries::{ActionForm, AdviceForm, DecisionForm};
use crate::tui::form::regie::RegieForm;
use crate::tui::form::small::{EvaluationForm, GuestForm, PostponeForm, ReviewNoteForm, TextForm};
use crate::tui::keymap::Action;
use crate::tui::msg::Effect;
use crate::tui::popup::Popup;
use crate::tui::popup::assign::{Assign, Target as AssignTarget};
use crate::tui::popup::choose::{Choose, Role};
use crate::tui::popup::confirm::{Confirm, Entry};
use crate::tui::popup::form::FormPopup;
use crate::tui::popup::regie_check::RegieCheck;

/// Every action of the meeting screen.
pub const ALL: [Action; 22] = [
    Action::NextItem,
    Action::PrevItem,
    Action::Select,
    Action::Up,
    Action::Down,
    Action::CyclePresence,
    Action::AddGuest,
    Action::ReviewDone,
    Action::ReviewPostpone,
    Action::ReviewDrop,
    Action::ReviewUndo,
    Action::OpenCaseCard,
    Action::EditCase,
    Action::ReviewReassign,
    Action::ReviewNote,
    Action::NewAanmelding,
    Action::Park,
    Action::AcceptAll,
    Action::ChangeOwner,
    Action::Remove,
    Action::ToClose,
    Action::Back,
];

fn current_kind(app: &App) -> Option<&ItemKind> {
    app.current_item()
        .and_then(|i| app.current_meeting()?.agenda.get(i))
        .map(|i| &i.kind)
}

/// The actions of the meeting screen for the current item.
pub fn actions(app: &App) -> Vec<Action> {
    use Action::*;
    let kind = current_kind(app);
    let mut v = vec![NextItem];
    match kind {
        Some(ItemKind::Opening) => v.extend([CyclePresence, AddGuest]),
        Some(ItemKind::Actiepunten) => v.extend([
            ReviewDone,
            ReviewPostpone,
            ReviewDrop,
            ReviewUndo,
            ReviewReassign,
            ReviewNote,
        ]),
        Some(ItemKind::Casus(_)) => v.push(OpenCaseCard),
        Some(ItemKind::Verdeling) => v.extend([NewAanmelding, Park, ReviewUndo]),
        _ if has_herverdeling(app) => v.extend([AcceptAll, ChangeOwner, ReviewUndo]),
        _ => {}
    }
    v.extend([Select, ToClose]);
    // Changing the case itself is rarer than walking the meeting: its hint comes after.
    if matches!(kind, Some(ItemKind::Casus(_))) {
        v.push(EditCase);
    }
    v.extend([PrevItem, Remove, Up, Down, Back]);
    v
}

pub fn on_action(app: &mut App, action: Action) -> Vec<Effect> {
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
                    session::finish_item(item);
                }
                app.screen = Screen::Close;
                app.views.close_scroll = 0;
                return save;
            }
            if let Some(m) = app.current_meeting_mut()
                && session::go_to_item(m, cur + 1, true).is_ok()
            {
                app.enter_item();
                return save;
            }
        }
        Action::PrevItem => {
            if cur > 0
                && let Some(m) = app.current_meeting_mut()
                && session::go_to_item(m, cur - 1, false).is_ok()
            {
                app.enter_item();
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
        Action::AddGuest => {
            let form = GuestForm::build(app);
            app.open(FormPopup::popup(FormKind::Guest(form)));
        }
        Action::Remove => return remove(app, row, cur),
        Action::ReviewDone
        | Action::ReviewDrop
        | Action::ReviewUndo
        | Action::ReviewPostpone
        | Action::ReviewReassign
        | Action::ReviewNote => match row {
            Some(ItemRow::Review(number)) => return review(app, action, &number),
            Some(ItemRow::Wachtend(code)) if action == Action::ReviewUndo => {
                return week_actions::undo_verdeling(app, cur, &code);
            }
            Some(ItemRow::HandOver(line)) if action == Action::ReviewUndo => {
                return week_actions::clear_owner(app, cur, line);
            }
            _ => {}
        },
        Action::NewAanmelding | Action::Park | Action::AcceptAll | Action::ChangeOwner => {
            return week_actions::on_action(app, action, row, cur);
        }
        Action::EditCase => {
            if let Some(ItemKind::Casus(d)) = current_kind(app)
                && let Some(f) = CaseEditForm::build(app, &d.case.clone(), Some(cur))
            {
                app.open(FormPopup::popup(FormKind::CaseEdit(f)));
            }
        }
        Action::OpenCaseCard => {
            if let (Some(ItemKind::Casus(d)), Some(team)) = (current_kind(app), app.team) {
                app.views.card = Some((team, d.case.clone()));
                app.views.card_scroll = 0;
                app.views.back_to = Some(Screen::Meeting);
                app.screen = Screen::CaseCard;
            }
        }
        _ => {}
    }
    vec![]
}

fn remove(app: &mut App, row: Option<ItemRow>, cur: usize) -> Vec<Effect> {
    let entry = match row {
        Some(ItemRow::Guest(g)) => {
            if let Some(m) = app.current_meeting_mut()
                && session::remove_guest(m, g).is_some()
            {
                return app.meeting.map(Effect::SaveMeeting).into_iter().collect();
            }
            return vec![];
        }
        Some(ItemRow::AdviceEntry(k)) => Entry::Advice(k),
        Some(ItemRow::DecisionEntry(k)) => Entry::Decision(k),
        Some(ItemRow::ActionEntry(k)) => Entry::Action(k),
        Some(ItemRow::Regie) if has_regie(app, cur) => Entry::Regie,
        Some(ItemRow::Advice | ItemRow::Decisions | ItemRow::Actions) => {
            app.info(T::ChooseEntryToRemove.text(app.lang));
            return vec![];
        }
        _ => return vec![],
    };
    app.open(Popup::Confirm(Confirm::RemoveEntry { item: cur, entry }));
    vec![]
}

fn select_row(app: &mut App, row: Option<ItemRow>, cur: usize) -> Vec<Effect> {
    let Some(row) = row else {
        return vec![];
    };
    let form = match row {
        ItemRow::Voorzitter => {
            let p = Popup::Choose(Choose::role(app, Role::Voorzitter));
            app.open(p);
            return vec![];
        }
        ItemRow::Notulist => {
            let p = Popup::Choose(Choose::role(app, Role::Notulist));
            app.open(p);
            return vec![];
        }
        ItemRow::Member(id) => {
            if let Some(m) = app.current_meeting_mut() {
                session::cycle_presence(m, &id);
            }
            return app.meeting.map(Effect::SaveMeeting).into_iter().collect();
        }
        ItemRow::AdoptMinutes => return toggle_adopted(app),
        ItemRow::Text(target) => Some(FormKind::Text(TextForm::build(app, target))),
        ItemRow::Advice => AdviceForm::build(app, cur, None).map(FormKind::Advice),
        ItemRow::AdviceEntry(k) => AdviceForm::build(app, cur, Some(k)).map(FormKind::Advice),
        ItemRow::Decisions => DecisionForm::build(app, cur, None).map(FormKind::Decision),
        ItemRow::DecisionEntry(k) => DecisionForm::build(app, cur, Some(k)).map(FormKind::Decision),
        ItemRow::Regie => RegieForm::build(app, cur).map(FormKind::Regie),
        ItemRow::Actions => ActionForm::build(app, cur, None).map(FormKind::Action),
        ItemRow::ActionEntry(k) => ActionForm::build(app, cur, Some(k)).map(FormKind::Action),
        ItemRow::Evaluation => EvaluationForm::build(app, cur).map(FormKind::Evaluation),
        ItemRow::Check => {
            app.open(Popup::RegieCheck(RegieCheck::new(cur)));
            return vec![];
        }
        ItemRow::Guest(_) | ItemRow::Review(_) => None,
        ItemRow::Facts => {
            if let (Some(ItemKind::Casus(d)), Some(team)) = (current_kind(app), app.team) {
                app.views.card = Some((team, d.case.clone()));
                app.views.card_scroll = 0;
                app.views.back_to = Some(Screen::Meeting);
                app.screen = Screen::CaseCard;
            }
            return vec![];
        }
        ItemRow::Wachtend(code) => {
            if let Some(a) = Assign::verdeling(app, cur, &code) {
                app.open(Popup::Assign(Box::new(a)));
            }
            return vec![];
        }
        ItemRow::HandOver(line) => return week_actions::accept(app, cur, line),
    };
    if let Some(kind) = form {
        app.open(FormPopup::popup(kind));
    }
    vec![]
}

/// Whether the current item redistributes a leaver's work.
fn has_herverdeling(app: &App) -> bool {
    app.current_item()
        .and_then(|i| app.current_meeting()?.agenda.get(i))
        .is_some_and(|i| i.herverdeling.is_some())
}

/// Whether case item `item` has a regie outcome recorded.
fn has_regie(app: &App, item: usize) -> bool {
    app.current_meeting()
        .and_then(|m| m.agenda.get(item))
        .is_some_and(|it| matches!(&it.kind, ItemKind::Casus(d) if d.regie.is_some()))
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
    let lang = app.lang;
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
        Action::ReviewReassign => {
            let proposed = state.item.owner.clone();
            if let Some(a) = Assign::other(
                app,
                AssignTarget::Action {
                    number: number.to_string(),
                },
                Some(&proposed),
            ) {
                app.open(Popup::Assign(Box::new(a)));
            }
            return vec![];
        }
        Action::ReviewNote => {
            let form = ReviewNoteForm::build(app, number);
            app.open(FormPopup::popup(FormKind::ReviewNote(form)));
            return vec![];
        }
        Action::ReviewPostpone => {
            let form = PostponeForm::build(app, &state);
            app.open(FormPopup::popup(FormKind::Postpone(form)));
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
        app.error(e.message(lang));
        return vec![];
    }
    vec![Effect::SaveMeeting(date)]
}
