//! The keys of the team's week in the meeting: a new aanmelding from the verdeling item,
//! a household that stays on the list, accepting a herverdeling's proposals (one, or all at
//! once), giving a line to someone else, and undoing either.

use super::ItemRow;
use crate::session::{self, HandOverRef};
use crate::tui::app::App;
use crate::tui::form::FormKind;
use crate::tui::form::intake::{IntakeForm, ParkForm};
use crate::tui::keymap::Action;
use crate::tui::msg::Effect;
use crate::tui::popup::Popup;
use crate::tui::popup::assign::{Assign, Target, show_warnings};
use crate::tui::popup::form::FormPopup;

/// Changes the current meeting through `f`, which gets the team too; saves on success and
/// shows the error otherwise.
fn change<R>(
    app: &mut App,
    f: impl FnOnce(
        &mut crate::domain::Meeting,
        &crate::domain::TeamData,
    ) -> Result<R, session::SessionError>,
) -> Option<R> {
    let lang = app.lang;
    let mi = app.meeting_index()?;
    let td = app.team_data()?;
    let mut m = td.meetings[mi].clone();
    match f(&mut m, td) {
        Ok(r) => {
            app.team_data_mut()?.meetings[mi] = m;
            Some(r)
        }
        Err(e) => {
            app.error(e.message(lang));
            None
        }
    }
}

fn save(app: &App) -> Vec<Effect> {
    app.meeting.map(Effect::SaveMeeting).into_iter().collect()
}

pub(super) fn on_action(
    app: &mut App,
    action: Action,
    row: Option<ItemRow>,
    cur: usize,
) -> Vec<Effect> {
    match (action, row) {
        (Action::NewAanmelding, _) => {
            let f = IntakeForm::build(app);
            app.open(FormPopup::popup(FormKind::Intake(f)));
            vec![]
        }
        (Action::Park, Some(ItemRow::Wachtend(code))) => {
            let f = ParkForm::build(app, cur, &code);
            app.open(FormPopup::popup(FormKind::Park(f)));
            vec![]
        }
        (Action::AcceptAll, _) => match change(app, |m, _| session::accept_all(m, cur)) {
            Some(n) => {
                app.info(crate::i18n::week::accepted(n, app.lang));
                save(app)
            }
            None => vec![],
        },
        (Action::ChangeOwner, Some(ItemRow::HandOver(line))) => {
            let proposed = proposal(app, cur, line);
            if let Some(a) = Assign::other(
                app,
                Target::HandOver { item: cur, line },
                proposed.as_deref(),
            ) {
                app.open(Popup::Assign(Box::new(a)));
            }
            vec![]
        }
        _ => vec![],
    }
}

/// The proposal of a herverdeling line.
fn proposal(app: &App, cur: usize, line: HandOverRef) -> Option<String> {
    let h = app
        .current_meeting()?
        .agenda
        .get(cur)?
        .herverdeling
        .as_ref()?;
    match line {
        HandOverRef::Household(k) => h.households.get(k)?.proposed.clone(),
        HandOverRef::Action(k) => h.actions.get(k)?.proposed.clone(),
    }
}

/// Enter on a herverdeling line: its proposal is agreed.
pub(super) fn accept(app: &mut App, cur: usize, line: HandOverRef) -> Vec<Effect> {
    match change(app, |m, td| session::accept_proposal(m, cur, td, line)) {
        Some(warnings) => {
            show_warnings(app, &warnings);
            // On to the next line, so that Enter, Enter, … walks the list.
            app.views.item_row += 1;
            save(app)
        }
        None => vec![],
    }
}

/// Undo on a herverdeling line: open again.
pub(super) fn clear_owner(app: &mut App, cur: usize, line: HandOverRef) -> Vec<Effect> {
    match change(app, |m, _| session::clear_new_owner(m, cur, line)) {
        Some(()) => save(app),
        None => vec![],
    }
}

/// Undo on a household of the verdeling: back on the list without an outcome.
pub(super) fn undo_verdeling(app: &mut App, cur: usize, code: &str) -> Vec<Effect> {
    match change(app, |m, _| session::undo_verdeling(m, cur, code)) {
        Some(_) => save(app),
        None => vec![],
    }
}
