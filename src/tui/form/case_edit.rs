//! The case moves on, from the case card or a case item of the meeting: its status (and
//! closing with an afsluitreden, or reopening), the safety flag, the coach, the next
//! evaluation, a provision's end date — each with a reason where the team needs one, recorded
//! with the meeting it was made in and saved at once.

use super::field::DraftValue;
use super::{
    Choice, Field, FormError, FormSpec, Person, PersonField, PickField, TextField, member_choices,
    optional_date,
};
use crate::domain::{Afsluitreden, CaseStatus};
use crate::i18n::tui::T;
use crate::i18n::week::{CaseEditText, afsluitreden, case_edit_error, status};
use crate::session::{self, CaseEdit, MeetingEditError};
use crate::tui::app::App;
use crate::tui::msg::Effect;

/// What is changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditKind {
    Status,
    Close,
    Reopen,
    Safety,
    Coach,
    NextEvaluation,
    ProvisionEnd,
}

impl DraftValue for EditKind {
    fn draft_id(&self) -> String {
        format!("{self:?}").to_lowercase()
    }
}

impl DraftValue for CaseStatus {
    fn draft_id(&self) -> String {
        self.label().to_string()
    }
}

impl DraftValue for Afsluitreden {
    fn draft_id(&self) -> String {
        afsluitreden(*self, crate::i18n::Lang::Nl).to_string()
    }
}

impl DraftValue for usize {
    fn draft_id(&self) -> String {
        self.to_string()
    }
}

const REASONS: [Afsluitreden; 6] = [
    Afsluitreden::DoelenBereikt,
    Afsluitreden::Overgedragen,
    Afsluitreden::Verhuisd,
    Afsluitreden::GeenHulpvraag,
    Afsluitreden::GeenContact,
    Afsluitreden::Anders,
];

/// The form that changes one case.
#[derive(Debug, Clone)]
pub struct CaseEditForm {
    title: String,
    pub code: String,
    /// The case item of the running meeting it is changed under, if any.
    pub item: Option<usize>,
    pub what: PickField<EditKind>,
    pub status: PickField<CaseStatus>,
    pub reason_closed: PickField<Afsluitreden>,
    pub safety: PickField<bool>,
    pub coach: PersonField,
    pub date: TextField,
    pub provision: PickField<usize>,
    pub reason: TextField,
}

impl CaseEditForm {
    /// The form for case `code` of the chosen team (`item`: under a case item).
    pub fn build(app: &App, code: &str, item: Option<usize>) -> Option<Self> {
        let lang = app.lang;
        let case = app.team_data()?.case(code)?;
        let t = |x: CaseEditText| x.text(lang);
        let kinds = if case.is_open() {
            vec![
                EditKind::Status,
                EditKind::Close,
                EditKind::Safety,
                EditKind::Coach,
                EditKind::NextEvaluation,
                EditKind::ProvisionEnd,
            ]
        } else {
            vec![EditKind::Reopen]
        };
        let kind_label = |k: EditKind| match k {
            EditKind::Status => t(CaseEditText::Status),
            EditKind::Close => t(CaseEditText::Close),
            EditKind::Reopen => t(CaseEditText::Reopen),
            EditKind::Safety => t(CaseEditText::Safety),
            EditKind::Coach => t(CaseEditText::Coach),
            EditKind::NextEvaluation => t(CaseEditText::NextEvaluation),
            EditKind::ProvisionEnd => t(CaseEditText::ProvisionEnd),
        };
        let statuses: Vec<Choice<CaseStatus>> = CaseStatus::ALL
            .iter()
            .filter(|s| **s != CaseStatus::Afgesloten && **s != case.status)
            .map(|s| Choice::new(*s, status(*s, lang)))
            .collect();
        let mut coaches = vec![Choice::new(Person::Nobody, T::Nobody.text(lang))];
        coaches.extend(member_choices(app));
        let coach = case.coach.clone().map(Person::Member);
        let provisions = case
            .voorzieningen
            .iter()
            .enumerate()
            .map(|(i, v)| Choice::new(i, format!("{} · {}", v.name, v.provider)))
            .collect();
        Some(CaseEditForm {
            title: t(CaseEditText::Title).replace("{code}", code),
            code: code.to_string(),
            item,
            what: PickField::new(
                t(CaseEditText::What),
                kinds
                    .iter()
                    .map(|k| Choice::new(*k, kind_label(*k)))
                    .collect(),
                None,
            ),
            status: PickField::new(t(CaseEditText::NewStatus), statuses, None),
            reason_closed: PickField::new(
                t(CaseEditText::Afsluitreden),
                REASONS
                    .iter()
                    .map(|r| Choice::new(*r, afsluitreden(*r, lang)))
                    .collect(),
                None,
            ),
            safety: PickField::new(
                t(CaseEditText::Safety),
                super::intake::yes_no(lang),
                Some(&!case.safety_flag),
            ),
            coach: PersonField::new(t(CaseEditText::Coach), coaches, coach.as_ref(), false),
            date: TextField::new(T::DateField.text(lang), "", false),
            provision: PickField::new(t(CaseEditText::Provision), provisions, None),
            reason: TextField::new(T::Reason.text(lang), "", false),
        })
    }

    fn kind(&self) -> EditKind {
        self.what.value().copied().unwrap_or(EditKind::Status)
    }

    fn edit(&self, app: &App) -> Result<CaseEdit, FormError> {
        fn pick(f: &dyn Field) -> FormError {
            FormError::Required(f.label().to_string())
        }
        Ok(match self.kind() {
            EditKind::Status => {
                CaseEdit::Status(*self.status.value().ok_or_else(|| pick(&self.status))?)
            }
            EditKind::Reopen => {
                CaseEdit::Reopen(*self.status.value().ok_or_else(|| pick(&self.status))?)
            }
            EditKind::Close => CaseEdit::Close(
                *self
                    .reason_closed
                    .value()
                    .ok_or_else(|| pick(&self.reason_closed))?,
            ),
            EditKind::Safety => CaseEdit::Safety(self.safety.value().copied().unwrap_or(false)),
            EditKind::Coach => CaseEdit::Coach(match self.coach.value() {
                Some(Person::Member(id)) => Some(id),
                Some(Person::Nobody) => None,
                _ => return Err(FormError::NoSuchMember(self.coach.query().trim().into())),
            }),
            EditKind::NextEvaluation => {
                CaseEdit::NextEvaluation(optional_date(&self.date, app.today)?)
            }
            EditKind::ProvisionEnd => CaseEdit::ProvisionEnd {
                index: *self
                    .provision
                    .value()
                    .ok_or_else(|| pick(&self.provision))?,
                end: optional_date(&self.date, app.today)?,
            },
        })
    }
}

impl FormSpec for CaseEditForm {
    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(&'static str, &dyn Field)> {
        let mut v: Vec<(&'static str, &dyn Field)> = vec![("wat", &self.what)];
        match self.kind() {
            EditKind::Status | EditKind::Reopen => v.push(("status", &self.status)),
            EditKind::Close => v.push(("afsluitreden", &self.reason_closed)),
            EditKind::Safety => v.push(("veiligheid", &self.safety)),
            EditKind::Coach => v.push(("coach", &self.coach)),
            EditKind::NextEvaluation => v.push(("datum", &self.date)),
            EditKind::ProvisionEnd => {
                v.push(("voorziening", &self.provision));
                v.push(("datum", &self.date));
            }
        }
        v.push(("reden", &self.reason));
        v
    }

    fn fields_mut(&mut self) -> Vec<(&'static str, &mut dyn Field)> {
        let kind = self.kind();
        let mut v: Vec<(&'static str, &mut dyn Field)> = vec![("wat", &mut self.what)];
        match kind {
            EditKind::Status | EditKind::Reopen => v.push(("status", &mut self.status)),
            EditKind::Close => v.push(("afsluitreden", &mut self.reason_closed)),
            EditKind::Safety => v.push(("veiligheid", &mut self.safety)),
            EditKind::Coach => v.push(("coach", &mut self.coach)),
            EditKind::NextEvaluation => v.push(("datum", &mut self.date)),
            EditKind::ProvisionEnd => {
                v.push(("voorziening", &mut self.provision));
                v.push(("datum", &mut self.date));
            }
        }
        v.push(("reden", &mut self.reason));
        v
    }

    fn apply(&self, app: &mut App) -> Result<Vec<Effect>, FormError> {
        let lang = app.lang;
        let edit = self.edit(app)?;
        let reason = self.reason.value();
        let today = app.today;
        let mi = app.meeting_index();
        let date = app.meeting;
        let running = app.meeting_running();
        let td = app.team_data_mut().ok_or(FormError::NoMeeting)?;
        let case = td.case(&self.code).cloned().ok_or(FormError::NoMeeting)?;
        let team = td.team.clone();
        let mut fx = Vec::new();
        let changed = match (self.item, mi, running) {
            (Some(item), Some(mi), true) => {
                let c = session::edit_case_in_meeting(
                    &mut td.meetings[mi],
                    item,
                    &case,
                    &team,
                    &edit,
                    &reason,
                )
                .map_err(|e| match e {
                    MeetingEditError::Session(s) => FormError::Session(s),
                    MeetingEditError::Edit(e) => FormError::Text(case_edit_error(&e, lang)),
                })?;
                fx.extend(date.map(Effect::SaveMeeting));
                c
            }
            _ => session::edit_case(&case, &team, &edit, &reason, today, None)
                .map_err(|e| FormError::Text(case_edit_error(&e, lang)))?,
        };
        if let Some(slot) = td.cases.iter_mut().find(|c| c.code == self.code) {
            *slot = changed;
        }
        fx.insert(0, Effect::SaveCase(self.code.clone()));
        Ok(fx)
    }
}
