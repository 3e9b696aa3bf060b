//! Building the forms, and applying their values through `session` when they are saved.

use chrono::{Duration, NaiveDate};

use super::meeting::member_choices;
use super::{App, Effect, Screen, T, tr};
use crate::domain::{
    ActionState, CheckAnswer, ExternalProfessional, ItemKind, RegieHandOver, RegieOutcome,
    Regisseur, ReviewOutcome,
};
use crate::session::{self, DecisionDraft};
use crate::tui::form::{Field, Form, FormPurpose, TextTarget};
use crate::tui::picker::Choice;

/// Parses "17-03-2026", "17-3-2026" or "2026-03-17".
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    NaiveDate::parse_from_str(t, "%d-%m-%Y")
        .or_else(|_| NaiveDate::parse_from_str(t, "%Y-%m-%d"))
        .ok()
}

pub(super) fn fmt_date(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

fn case_label(app: &App, code: &str) -> String {
    app.team_data()
        .and_then(|t| t.case(code))
        .map(|c| format!("{} {}", c.code, c.pseudonym))
        .unwrap_or_else(|| code.to_string())
}

/// Inbrenger, question and time box for a case to add.
pub(super) fn add_case_form(app: &App, code: &str) -> Option<Form> {
    let case = app.team_data()?.case(code)?;
    let coach = case.coach.clone();
    Some(Form::new(
        format!("{}: {}", tr(app, T::BringInCase), case_label(app, code)),
        FormPurpose::AddCase { case: code.into() },
        vec![
            Field::pick(tr(app, T::Inbrenger), member_choices(app), coach.as_deref()),
            Field::text(tr(app, T::Question), "", true),
            Field::text(tr(app, T::TimeBoxMinutes), "15", false),
        ],
    ))
}

/// The same fields for a case item already on the agenda; title and time for other items.
pub(super) fn edit_case_form(app: &App, item: usize) -> Option<Form> {
    let it = app.current_meeting()?.agenda.get(item)?;
    let ItemKind::Casus(d) = &it.kind else {
        return Some(Form::new(
            tr(app, T::EditItem),
            FormPurpose::EditItem { item },
            vec![
                Field::text(tr(app, T::Title), &it.title, false),
                Field::text(
                    tr(app, T::TimeBoxMinutes),
                    &it.time_box_minutes.to_string(),
                    false,
                ),
            ],
        ));
    };
    Some(Form::new(
        format!("{}: {}", tr(app, T::EditCase), case_label(app, &d.case)),
        FormPurpose::EditCase { item },
        vec![
            Field::pick(
                tr(app, T::Inbrenger),
                member_choices(app),
                Some(&d.inbrenger),
            ),
            Field::text(tr(app, T::Question), &d.question, true),
            Field::text(
                tr(app, T::TimeBoxMinutes),
                &it.time_box_minutes.to_string(),
                false,
            ),
        ],
    ))
}

/// Title and time box of a non-case item.
pub(super) fn add_item_form(app: &App, kind_key: &str, label: &str) -> Form {
    let kind = super::screens::kind_from_key(kind_key);
    let minutes = session::default_time_box(&kind);
    let mut title = label.to_string();
    if let Some(first) = title.get(..1) {
        title = first.to_uppercase() + &title[1..];
    }
    Form::new(
        tr(app, T::AddItem),
        FormPurpose::AddItem {
            kind: kind_key.into(),
        },
        vec![
            Field::text(tr(app, T::Title), &title, false),
            Field::text(tr(app, T::TimeBoxMinutes), &minutes.to_string(), false),
        ],
    )
}

/// One text of the meeting, written through at every key.
pub fn text_form(app: &App, target: TextTarget) -> Form {
    let m = app.current_meeting();
    let disc = |i: usize| {
        m.and_then(|m| m.agenda.get(i))
            .and_then(|it| match &it.kind {
                ItemKind::Casus(d) => Some(d),
                _ => None,
            })
    };
    let (label, value) = match target {
        TextTarget::Question(i) => (T::Question, disc(i).map(|d| d.question.clone())),
        TextTarget::Clarifying(i) => (T::Clarifying, disc(i).map(|d| d.clarifying_notes.clone())),
        TextTarget::Lesson(i) => (T::Lesson, disc(i).and_then(|d| d.lesson.clone())),
        TextTarget::Notes(i) => (
            T::Notes,
            m.and_then(|m| m.agenda.get(i)).map(|it| it.notes.clone()),
        ),
        TextTarget::PreviousRemarks => (
            T::Remarks,
            m.and_then(|m| m.previous_minutes.as_ref())
                .map(|p| p.remarks.clone()),
        ),
    };
    Form::new(
        tr(app, label),
        FormPurpose::Text { target },
        vec![Field::text(
            tr(app, label),
            &value.unwrap_or_default(),
            true,
        )],
    )
}

/// Writes a live text into the meeting.
pub(super) fn write_text(app: &mut App, target: TextTarget, text: &str) -> Vec<Effect> {
    let Some(m) = app.current_meeting_mut() else {
        return vec![];
    };
    let date = m.date;
    let ok = match target {
        TextTarget::Question(i) => session::discussion_mut(m, i).map(|d| d.question = text.into()),
        TextTarget::Clarifying(i) => {
            session::discussion_mut(m, i).map(|d| d.clarifying_notes = text.into())
        }
        TextTarget::Lesson(i) => session::set_lesson(m, i, text),
        TextTarget::Notes(i) => session::item_mut(m, i).map(|it| it.notes = text.into()),
        TextTarget::PreviousRemarks => {
            if let Some(p) = m.previous_minutes.as_mut() {
                p.remarks = text.into();
            }
            Ok(())
        }
    };
    match ok {
        Ok(()) => vec![Effect::SaveMeeting(date)],
        Err(e) => {
            app.error(e.to_string());
            vec![]
        }
    }
}

pub(super) fn people_and_guests(app: &App) -> Vec<Choice> {
    let mut v = member_choices(app);
    if let Some(m) = app.current_meeting() {
        v.extend(
            m.guests
                .iter()
                .map(|g| Choice::new(g.name.clone(), format!("{} ({})", g.name, g.role))),
        );
    }
    v
}

pub(super) fn regie_form(app: &App, item: usize) -> Option<Form> {
    let mut choices = vec![Choice::new("behouden", tr(app, T::RegieKeep))];
    choices.extend(member_choices(app).into_iter().map(|c| {
        Choice::new(
            format!("lid:{}", c.key),
            format!("{} {}", tr(app, T::RegieTo), c.label),
        )
    }));
    choices.push(Choice::new("extern", tr(app, T::RegieExternal)));
    choices.push(Choice::new("huishouden", tr(app, T::RegieHousehold)));
    let m = app.current_meeting()?;
    let ItemKind::Casus(d) = &m.agenda.get(item)?.kind else {
        return None;
    };
    // An outcome already agreed is shown, so the chair corrects it instead of starting over.
    let (key, reason, ext) = match &d.regie {
        None => (None, "", None),
        Some(RegieOutcome::Behouden(_)) => (Some("behouden".to_string()), "", None),
        Some(RegieOutcome::Overgedragen(h)) => match &h.to {
            Regisseur::Lid(id) => (Some(format!("lid:{id}")), h.reason.as_str(), None),
            Regisseur::Huishouden => (Some("huishouden".into()), h.reason.as_str(), None),
            Regisseur::Extern(x) => (Some("extern".into()), h.reason.as_str(), Some(x)),
        },
    };
    Some(Form::new(
        tr(app, T::Regie),
        FormPurpose::Regie { item },
        vec![
            Field::pick(tr(app, T::Regie), choices, key.as_deref()),
            Field::text(tr(app, T::Reason), reason, false),
            Field::text(
                tr(app, T::ExternalName),
                ext.map_or("", |x| x.name.as_str()),
                false,
            ),
            Field::text(
                tr(app, T::ExternalOrganisation),
                ext.map_or("", |x| x.organisation.as_str()),
                false,
            ),
            Field::text(
                tr(app, T::ExternalFunction),
                ext.map_or("", |x| x.function.as_str()),
                false,
            ),
        ],
    ))
}

pub(super) fn guest_form(app: &App) -> Form {
    Form::new(
        tr(app, T::AddGuest),
        FormPurpose::Guest,
        vec![
            Field::text(tr(app, T::Name), "", false),
            Field::text(tr(app, T::GuestRole), "ervaringsdeskundige", false),
        ],
    )
}

pub(super) fn postpone_form(app: &App, action: &ActionState) -> Form {
    Form::new(
        format!("{} {}", tr(app, T::Postpone), action.item.number),
        FormPurpose::Postpone {
            number: action.item.number.clone(),
        },
        vec![Field::text(
            tr(app, T::NewDue),
            &fmt_date(action.due.max(app.today) + Duration::days(14)),
            false,
        )],
    )
}

pub(super) fn skip_check_form(app: &App, item: usize) -> Form {
    Form::new(
        tr(app, T::SkipCheck),
        FormPurpose::SkipCheck { item },
        vec![Field::text(tr(app, T::Reason), "", false)],
    )
}

pub(super) fn skip_point_form(app: &App, item: usize, point: usize) -> Form {
    let question = crate::domain::RegieCheckPoint::ALL
        .get(point)
        .map(|p| crate::i18n::tui::check_question(*p, app.lang))
        .unwrap_or("");
    Form::new(
        format!("{}: {question}", tr(app, T::Skipped)),
        FormPurpose::SkipPoint { item, point },
        vec![Field::text(tr(app, T::Reason), "", false)],
    )
}

pub(super) fn evaluation_form(app: &App, item: usize) -> Option<Form> {
    let m = app.current_meeting()?;
    let ItemKind::Casus(d) = &m.agenda.get(item)?.kind else {
        return None;
    };
    let current = d
        .next_evaluation
        .or_else(|| app.team_data()?.case(&d.case)?.next_evaluation)
        .map(fmt_date)
        .unwrap_or_default();
    Some(Form::new(
        tr(app, T::NextEvaluation),
        FormPurpose::NextEvaluation { item },
        vec![Field::text(tr(app, T::DateField), &current, false)],
    ))
}

fn minutes(text: &str) -> Result<u32, T> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|m| (1..=240).contains(m))
        .ok_or(T::BadMinutes)
}

fn required(text: &str) -> Result<String, T> {
    let t = text.trim();
    if t.is_empty() {
        Err(T::Required)
    } else {
        Ok(t.to_string())
    }
}

/// Applies a saved form. On `Err` the form stays open with the message.
pub(super) fn apply(app: &mut App, form: &Form) -> Result<Vec<Effect>, String> {
    apply_inner(app, form).map_err(|t| tr(app, t))
}

fn apply_inner(app: &mut App, form: &Form) -> Result<Vec<Effect>, T> {
    let date = app.meeting.ok_or(T::NoMeeting)?;
    let mi = app.meeting_index().ok_or(T::NoMeeting)?;
    let today = app.today;
    let save = vec![Effect::SaveMeeting(date)];
    let v = |i: usize| form.value(i);
    let team = app.team_data_mut().ok_or(T::NoMeeting)?;
    let err = |_| T::Failed;
    match &form.purpose {
        FormPurpose::AddCase { case } => {
            let inbrenger = required(&v(0))?;
            let mins = minutes(&v(2))?;
            let pseudonym = team
                .case(case)
                .map(|c| c.pseudonym.clone())
                .unwrap_or_default();
            let title = format!("Casus {case} ({pseudonym})");
            let at = session::add_case(
                &mut team.meetings[mi],
                case,
                &title,
                inbrenger,
                v(1).trim().into(),
                mins,
            )
            .map_err(err)?;
            app.views.agenda = at;
            app.screen = Screen::Agenda;
        }
        FormPurpose::EditCase { item } => {
            let inbrenger = required(&v(0))?;
            let mins = minutes(&v(2))?;
            let it = session::item_mut(&mut team.meetings[mi], *item).map_err(err)?;
            it.time_box_minutes = mins;
            if let ItemKind::Casus(d) = &mut it.kind {
                d.inbrenger = inbrenger;
                d.question = v(1).trim().into();
            }
        }
        FormPurpose::EditItem { item } => {
            let title = required(&v(0))?;
            let mins = minutes(&v(1))?;
            let it = session::item_mut(&mut team.meetings[mi], *item).map_err(err)?;
            it.title = title;
            it.time_box_minutes = mins;
        }
        FormPurpose::AddItem { kind } => {
            let title = required(&v(0))?;
            let mins = minutes(&v(1))?;
            let kind = super::screens::kind_from_key(kind);
            let at = session::add_item(&mut team.meetings[mi], kind, &title, mins).map_err(err)?;
            app.views.agenda = at;
        }
        FormPurpose::Advice { item, entry } => {
            let by = required(&v(0))?;
            let text = required(&v(1))?;
            let m = &mut team.meetings[mi];
            match entry {
                None => session::add_advice(m, *item, &by, &text),
                Some(k) => session::edit_advice(m, *item, *k, &by, &text),
            }
            .map_err(err)?;
        }
        FormPurpose::Decision { item, entry } => {
            let text = required(&v(0))?;
            let decided_by = required(&v(1))?;
            let dissent_by = v(4);
            let draft = DecisionDraft {
                text,
                decided_by,
                grounds: v(2),
                consultation: super::entries::consultation_from_key(&v(3)),
                dissent: (!dissent_by.is_empty()).then(|| (dissent_by, v(5))),
            };
            let n = match entry {
                None => session::add_decision(&mut team.meetings, mi, *item, draft),
                Some(k) => session::edit_decision(&mut team.meetings[mi], *item, *k, draft)
                    .map(|()| String::new()),
            }
            .map_err(err)?;
            if entry.is_none() {
                app.info(format!("{} {n}", tr_static(app, T::DecisionRecorded)));
            }
        }
        FormPurpose::Action { item, entry } => {
            let text = required(&v(0))?;
            let owner = required(&v(1))?;
            let due = parse_date(&v(2)).ok_or(T::BadDate)?;
            if due < date {
                return Err(T::DueBeforeMeeting);
            }
            match entry {
                None => {
                    let n = session::add_action(&mut team.meetings, mi, *item, &text, owner, due)
                        .map_err(err)?;
                    app.info(format!("{} {n}", tr_static(app, T::ActionRecorded)));
                }
                Some(k) => {
                    session::edit_action(&mut team.meetings[mi], *item, *k, &text, owner, due)
                        .map_err(err)?
                }
            }
        }
        FormPurpose::NextMeeting => {
            let d = parse_date(&v(0)).ok_or(T::BadDate)?;
            session::set_next_meeting(&mut team.meetings[mi], d)
                .map_err(|_| T::NextMeetingTooEarly)?;
        }
        FormPurpose::Regie { item } => return apply_regie(app, form, mi, *item),
        FormPurpose::Guest => {
            let name = required(&v(0))?;
            session::add_guest(&mut team.meetings[mi], &name, &v(1));
        }
        FormPurpose::Postpone { number } => {
            let due = parse_date(&v(0)).ok_or(T::BadDate)?;
            if due <= today {
                return Err(T::DateInFuture);
            }
            let open = session::actions_to_review(&team.meetings, date);
            session::review_action(
                &mut team.meetings[mi],
                &open,
                number,
                ReviewOutcome::Doorgeschoven(due),
            )
            .map_err(err)?;
        }
        FormPurpose::SkipCheck { item } => {
            let reason = required(&v(0))?;
            session::skip_check(&mut team.meetings[mi], *item, &reason).map_err(err)?;
        }
        FormPurpose::SkipPoint { item, point } => {
            let reason = required(&v(0))?;
            let p = *crate::domain::RegieCheckPoint::ALL
                .get(*point)
                .ok_or(T::Failed)?;
            session::answer_check(
                &mut team.meetings[mi],
                *item,
                p,
                CheckAnswer::Overgeslagen(reason),
            )
            .map_err(err)?;
        }
        FormPurpose::NextEvaluation { item } => {
            let text = v(0);
            let d = if text.trim().is_empty() {
                None
            } else {
                Some(parse_date(&text).ok_or(T::BadDate)?)
            };
            session::set_next_evaluation(&mut team.meetings[mi], *item, d).map_err(err)?;
        }
        FormPurpose::Text { target } => {
            let text = v(0);
            return Ok(write_text(app, *target, &text));
        }
    }
    Ok(save)
}

fn tr_static(app: &App, t: T) -> &'static str {
    t.text(app.lang)
}

fn apply_regie(app: &mut App, form: &Form, mi: usize, item: usize) -> Result<Vec<Effect>, T> {
    let choice = required(&form.value(0))?;
    let reason = form.value(1).trim().to_string();
    let team = app.team_data().ok_or(T::NoMeeting)?;
    let case_code = match &team.meetings[mi].agenda.get(item).ok_or(T::Failed)?.kind {
        ItemKind::Casus(d) => d.case.clone(),
        _ => return Err(T::Failed),
    };
    let case = team.case(&case_code).ok_or(T::Failed)?.clone();
    let to = match choice.as_str() {
        "behouden" => None,
        "huishouden" => Some(Regisseur::Huishouden),
        "extern" => Some(Regisseur::Extern(ExternalProfessional {
            name: required(&form.value(2)).map_err(|_| T::ExternalNeeded)?,
            organisation: form.value(3).trim().into(),
            function: form.value(4).trim().into(),
        })),
        other => Some(Regisseur::Lid(
            other.strip_prefix("lid:").unwrap_or(other).to_string(),
        )),
    };
    let outcome = match to {
        None => RegieOutcome::Behouden(case.regisseur.clone().unwrap_or(Regisseur::Huishouden)),
        Some(to) => {
            if reason.is_empty() {
                return Err(T::ReasonNeeded);
            }
            RegieOutcome::Overgedragen(RegieHandOver {
                from: case.regisseur.clone(),
                to,
                reason,
                effective: None,
            })
        }
    };
    let outcome = match (&outcome, &case.regisseur) {
        (RegieOutcome::Behouden(_), None) => {
            // Keeping "nobody" is not an outcome: record nothing, and warn.
            app.error(tr(app, T::WarnNoRegisseur));
            return Ok(vec![]);
        }
        _ => outcome,
    };
    let team_def = team.team.clone();
    let date = team.meetings[mi].date;
    let t = app.team_data_mut().ok_or(T::NoMeeting)?;
    let warnings = session::set_regie(&mut t.meetings[mi], item, &team_def, &case, outcome)
        .map_err(|_| T::Failed)?;
    if let Some(w) = warnings.first() {
        let text = crate::i18n::tui::regie_warning(w, app.lang);
        app.error(text);
    }
    Ok(vec![Effect::SaveMeeting(date)])
}

/// Applies a key in the regie check popup; returns effects and whether to close it.
pub(super) fn check_answer(
    app: &mut App,
    item: usize,
    point: usize,
    answer: CheckAnswer,
) -> Vec<Effect> {
    let Some(p) = crate::domain::RegieCheckPoint::ALL.get(point).copied() else {
        return vec![];
    };
    let Some(m) = app.current_meeting_mut() else {
        return vec![];
    };
    let date = m.date;
    match session::answer_check(m, item, p, answer) {
        Ok(()) => vec![Effect::SaveMeeting(date)],
        Err(e) => {
            app.error(e.to_string());
            vec![]
        }
    }
}
