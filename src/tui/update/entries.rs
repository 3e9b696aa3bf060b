//! The forms of what an item records — advice, decisions, actions — empty to add one or
//! pre-filled to edit one, and the next meeting date on the close screen. `forms::apply`
//! saves them through `session`.

use chrono::Duration;

use super::forms::{fmt_date, people_and_guests};
use super::meeting::member_choices;
use super::{App, T, tr};
use crate::domain::{Consultation, ItemKind};
use crate::i18n::tui::{consultation_label, edit_numbered};
use crate::session;
use crate::tui::form::{Field, Form, FormPurpose};
use crate::tui::picker::Choice;

/// The advice form: empty to add, or pre-filled to edit advice `entry`.
pub(super) fn advice_form(app: &App, item: usize, entry: Option<usize>) -> Option<Form> {
    let existing = match entry {
        Some(k) => match &app.current_meeting()?.agenda.get(item)?.kind {
            ItemKind::Casus(d) => Some(d.advice.get(k)?.clone()),
            _ => return None,
        },
        None => None,
    };
    let title = tr(
        app,
        if entry.is_some() {
            T::EditAdvice
        } else {
            T::AddAdvice
        },
    );
    Some(Form::new(
        title,
        FormPurpose::Advice { item, entry },
        vec![
            Field::pick(
                tr(app, T::By),
                people_and_guests(app),
                existing.as_ref().map(|a| a.by.as_str()),
            ),
            Field::text(
                tr(app, T::Advice),
                existing.as_ref().map_or("", |a| a.text.as_str()),
                true,
            ),
        ],
    ))
}

fn regisseur_member(app: &App, item: usize) -> Option<String> {
    let m = app.current_meeting()?;
    if let ItemKind::Casus(d) = &m.agenda.get(item)?.kind {
        return app
            .team_data()?
            .case(&d.case)?
            .regisseur_member()
            .map(String::from)
            .or_else(|| Some(d.inbrenger.clone()));
    }
    m.voorzitter.clone()
}

/// The decision form: empty to add, or pre-filled to edit decision `entry` (its number is
/// shown in the title and stays).
pub(super) fn decision_form(app: &App, item: usize, entry: Option<usize>) -> Option<Form> {
    let existing = match entry {
        Some(k) => Some(
            app.current_meeting()?
                .agenda
                .get(item)?
                .decisions
                .get(k)?
                .clone(),
        ),
        None => None,
    };
    let mut dissent = vec![Choice::new("", tr(app, T::Nobody))];
    dissent.extend(people_and_guests(app));
    let mut consultation = vec![Choice::new("", tr(app, T::NotRecorded))];
    consultation.extend(
        [
            Consultation::VierOgen,
            Consultation::ZesOgen,
            Consultation::TwintigOgen,
        ]
        .into_iter()
        .map(|c| Choice::new(format!("{c:?}"), consultation_label(c, app.lang))),
    );
    let (title, by) = match &existing {
        Some(d) => (
            edit_numbered(T::Decision, &d.number, app.lang),
            Some(d.decided_by.clone()),
        ),
        None => (tr(app, T::AddDecision), regisseur_member(app, item)),
    };
    let e = existing.as_ref();
    let first_dissent = e.and_then(|d| d.dissent.first());
    let consulted = e.and_then(|d| d.consultation).map(|c| format!("{c:?}"));
    Some(Form::new(
        title,
        FormPurpose::Decision { item, entry },
        vec![
            Field::text(
                tr(app, T::Decision),
                e.map_or("", |d| d.text.as_str()),
                true,
            ),
            Field::pick(tr(app, T::DecidedBy), member_choices(app), by.as_deref()),
            Field::text(
                tr(app, T::Grounds),
                e.map_or("", |d| d.grounds.as_str()),
                true,
            ),
            Field::pick(
                tr(app, T::ConsultationField),
                consultation,
                consulted.as_deref(),
            ),
            Field::pick(
                tr(app, T::DissentBy),
                dissent,
                first_dissent.map(|x| x.by.as_str()),
            ),
            Field::text(
                tr(app, T::DissentNote),
                first_dissent.map_or("", |x| x.note.as_str()),
                false,
            ),
        ],
    ))
}

pub(super) fn consultation_from_key(key: &str) -> Option<Consultation> {
    [
        Consultation::VierOgen,
        Consultation::ZesOgen,
        Consultation::TwintigOgen,
    ]
    .into_iter()
    .find(|c| format!("{c:?}") == key)
}

/// The action form: empty to add, or pre-filled to edit action `entry` (its number stays).
pub(super) fn action_form(app: &App, item: usize, entry: Option<usize>) -> Option<Form> {
    let it = app.current_meeting()?.agenda.get(item)?;
    let existing = match entry {
        Some(k) => Some(it.actions.get(k)?.clone()),
        None => None,
    };
    let (title, owner, due) = match &existing {
        Some(a) => (
            edit_numbered(T::Action, &a.number, app.lang),
            Some(a.owner.clone()),
            a.due,
        ),
        None => (
            tr(app, T::AddAction),
            match &it.kind {
                ItemKind::Casus(d) => Some(d.inbrenger.clone()),
                _ => None,
            },
            app.today + Duration::days(14),
        ),
    };
    Some(Form::new(
        title,
        FormPurpose::Action { item, entry },
        vec![
            Field::text(
                tr(app, T::Action),
                existing.as_ref().map_or("", |a| a.text.as_str()),
                true,
            ),
            Field::pick(tr(app, T::Owner), member_choices(app), owner.as_deref()),
            Field::text(tr(app, T::Due), &fmt_date(due), false),
        ],
    ))
}

/// The date of the next meeting, on the close screen: as set, else from the rhythm.
pub(super) fn next_meeting_form(app: &App) -> Option<Form> {
    let m = app.current_meeting()?;
    let team = app.team_data()?;
    let next = session::summary(m, &team.team, &team.cases).next_meeting;
    Some(Form::new(
        tr(app, T::NextMeeting),
        FormPurpose::NextMeeting,
        vec![Field::text(
            tr(app, T::DateField),
            &next.map(fmt_date).unwrap_or_default(),
            false,
        )],
    ))
}
