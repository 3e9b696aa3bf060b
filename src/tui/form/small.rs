//! The small forms: a guest, postponing an action, skipping (a point of) the regie check, the
//! next evaluation, the next meeting date, and one text written straight into the meeting.

use chrono::Duration;

use super::{Field, FormError, FormSpec, TextField, date, meeting_at, optional_date, required};
use crate::domain::{ActionState, CheckAnswer, ItemKind, RegieCheckPoint, ReviewOutcome};
use crate::i18n::tui::{T, check_question};
use crate::session;
use crate::tui::app::App;
use crate::tui::msg::Effect;

/// Draft names of these forms.
pub const GUEST: &str = "gast";
pub const EVALUATION: &str = "evaluatie";

/// A guest at the meeting.
#[derive(Debug, Clone)]
pub struct GuestForm {
    title: String,
    pub name: TextField,
    pub role: TextField,
}

impl GuestForm {
    pub fn build(app: &App) -> Self {
        GuestForm {
            title: T::AddGuest.text(app.lang).into(),
            name: TextField::new(T::Name.text(app.lang), "", false),
            role: TextField::new(
                T::GuestRole.text(app.lang),
                T::DefaultGuestRole.text(app.lang),
                false,
            ),
        }
    }
}

impl FormSpec for GuestForm {
    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(&'static str, &dyn Field)> {
        vec![("naam", &self.name), ("rol", &self.role)]
    }

    fn fields_mut(&mut self) -> Vec<(&'static str, &mut dyn Field)> {
        vec![("naam", &mut self.name), ("rol", &mut self.role)]
    }

    fn draft_key(&self) -> Option<(&'static str, Option<usize>, Option<usize>)> {
        Some((GUEST, None, None))
    }

    fn apply(&self, app: &mut App) -> Result<Vec<Effect>, FormError> {
        let (mi, date) = meeting_at(app)?;
        let name = required(&self.name)?;
        let role = self.role.value().trim().to_string();
        let team = app.team_data_mut().ok_or(FormError::NoMeeting)?;
        session::add_guest(&mut team.meetings[mi], &name, &role);
        Ok(vec![Effect::SaveMeeting(date)])
    }
}

/// Postponing an open action to a new date.
#[derive(Debug, Clone)]
pub struct PostponeForm {
    title: String,
    pub number: String,
    pub due: TextField,
}

impl PostponeForm {
    /// Proposes two weeks after the current due date (or after today, if that has passed).
    pub fn build(app: &App, action: &ActionState) -> Self {
        let proposed = action.due.max(app.today) + Duration::days(14);
        PostponeForm {
            title: format!("{} {}", T::Postpone.text(app.lang), action.item.number),
            number: action.item.number.clone(),
            due: TextField::new(
                T::NewDue.text(app.lang),
                &proposed.format("%d-%m-%Y").to_string(),
                false,
            ),
        }
    }
}

impl FormSpec for PostponeForm {
    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(&'static str, &dyn Field)> {
        vec![("datum", &self.due)]
    }

    fn fields_mut(&mut self) -> Vec<(&'static str, &mut dyn Field)> {
        vec![("datum", &mut self.due)]
    }

    fn apply(&self, app: &mut App) -> Result<Vec<Effect>, FormError> {
        let (mi, meeting_date) = meeting_at(app)?;
        let due = date(&self.due, app.today)?;
        if due <= app.today {
            return Err(FormError::NotAfterToday);
        }
        let team = app.team_data_mut().ok_or(FormError::NoMeeting)?;
        let open = session::actions_to_review(&team.meetings, meeting_date);
        session::review_action(
            &mut team.meetings[mi],
            &open,
            &self.number,
            ReviewOutcome::Doorgeschoven(due),
        )?;
        Ok(vec![Effect::SaveMeeting(meeting_date)])
    }
}

/// What is skipped: the whole regie check, or one of its points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipTarget {
    Check,
    Point(RegieCheckPoint),
}

/// Skipping the regie check (or one point of it), with a reason.
#[derive(Debug, Clone)]
pub struct SkipForm {
    title: String,
    pub item: usize,
    pub target: SkipTarget,
    pub reason: TextField,
}

impl SkipForm {
    pub fn build(app: &App, item: usize, target: SkipTarget) -> Self {
        let lang = app.lang;
        let title = match target {
            SkipTarget::Check => T::SkipCheck.text(lang).to_string(),
            SkipTarget::Point(p) => {
                format!("{}: {}", T::Skipped.text(lang), check_question(p, lang))
            }
        };
        SkipForm {
            title,
            item,
            target,
            reason: TextField::new(T::Reason.text(lang), "", false),
        }
    }
}

impl FormSpec for SkipForm {
    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(&'static str, &dyn Field)> {
        vec![("reden", &self.reason)]
    }

    fn fields_mut(&mut self) -> Vec<(&'static str, &mut dyn Field)> {
        vec![("reden", &mut self.reason)]
    }

    fn apply(&self, app: &mut App) -> Result<Vec<Effect>, FormError> {
        let (mi, date) = meeting_at(app)?;
        let reason = required(&self.reason)?;
        let team = app.team_data_mut().ok_or(FormError::NoMeeting)?;
        let m = &mut team.meetings[mi];
        match self.target {
            SkipTarget::Check => session::skip_check(m, self.item, &reason)?,
            SkipTarget::Point(p) => {
                session::answer_check(m, self.item, p, CheckAnswer::Overgeslagen(reason))?
            }
        }
        Ok(vec![Effect::SaveMeeting(date)])
    }
}

/// The next evaluation of the case of an item.
#[derive(Debug, Clone)]
pub struct EvaluationForm {
    title: String,
    pub item: usize,
    pub date: TextField,
}

impl EvaluationForm {
    /// Filled in with the date agreed in this meeting, else the case's current one.
    pub fn build(app: &App, item: usize) -> Option<Self> {
        let m = app.current_meeting()?;
        let ItemKind::Casus(d) = &m.agenda.get(item)?.kind else {
            return None;
        };
        let current = d
            .next_evaluation
            .or_else(|| app.team_data()?.case(&d.case)?.next_evaluation)
            .map(|d| d.format("%d-%m-%Y").to_string())
            .unwrap_or_default();
        Some(EvaluationForm {
            title: T::NextEvaluation.text(app.lang).into(),
            item,
            date: TextField::new(T::DateField.text(app.lang), &current, false),
        })
    }
}

impl FormSpec for EvaluationForm {
    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(&'static str, &dyn Field)> {
        vec![("datum", &self.date)]
    }

    fn fields_mut(&mut self) -> Vec<(&'static str, &mut dyn Field)> {
        vec![("datum", &mut self.date)]
    }

    fn draft_key(&self) -> Option<(&'static str, Option<usize>, Option<usize>)> {
        Some((EVALUATION, Some(self.item), None))
    }

    fn apply(&self, app: &mut App) -> Result<Vec<Effect>, FormError> {
        let (mi, date) = meeting_at(app)?;
        let d = optional_date(&self.date, app.today)?;
        let team = app.team_data_mut().ok_or(FormError::NoMeeting)?;
        session::set_next_evaluation(&mut team.meetings[mi], self.item, d)?;
        Ok(vec![Effect::SaveMeeting(date)])
    }
}

/// The date of the next meeting, on the close screen.
#[derive(Debug, Clone)]
pub struct NextMeetingForm {
    title: String,
    pub date: TextField,
}

impl NextMeetingForm {
    /// Filled in with the date set, else the one from the rhythm.
    pub fn build(app: &App) -> Option<Self> {
        let m = app.current_meeting()?;
        let team = app.team_data()?;
        let next = session::summary(m, &team.team, &team.cases).next_meeting;
        Some(NextMeetingForm {
            title: T::NextMeeting.text(app.lang).into(),
            date: TextField::new(
                T::DateField.text(app.lang),
                &next
                    .map(|d| d.format("%d-%m-%Y").to_string())
                    .unwrap_or_default(),
                false,
            ),
        })
    }
}

impl FormSpec for NextMeetingForm {
    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(&'static str, &dyn Field)> {
        vec![("datum", &self.date)]
    }

    fn fields_mut(&mut self) -> Vec<(&'static str, &mut dyn Field)> {
        vec![("datum", &mut self.date)]
    }

    fn apply(&self, app: &mut App) -> Result<Vec<Effect>, FormError> {
        let (mi, date_of_meeting) = meeting_at(app)?;
        let d = date(&self.date, app.today)?;
        let team = app.team_data_mut().ok_or(FormError::NoMeeting)?;
        session::set_next_meeting(&mut team.meetings[mi], d)?;
        Ok(vec![Effect::SaveMeeting(date_of_meeting)])
    }
}

/// A text in the meeting that is edited in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextTarget {
    Question(usize),
    Clarifying(usize),
    Notes(usize),
    Lesson(usize),
    PreviousRemarks,
    /// The one reason of a herverdeling item.
    HerverdelingReason(usize),
}

impl TextTarget {
    /// The label of the text.
    pub fn label(self) -> T {
        match self {
            TextTarget::Question(_) => T::Question,
            TextTarget::Clarifying(_) => T::Clarifying,
            TextTarget::Notes(_) => T::Notes,
            TextTarget::Lesson(_) => T::Lesson,
            TextTarget::PreviousRemarks => T::Remarks,
            TextTarget::HerverdelingReason(_) => T::HerverdelingReason,
        }
    }

    /// The text as it is in the meeting now.
    pub fn current(self, m: &crate::domain::Meeting) -> Option<String> {
        let disc = |i: usize| match &m.agenda.get(i)?.kind {
            ItemKind::Casus(d) => Some(d),
            _ => None,
        };
        match self {
            TextTarget::Question(i) => disc(i).map(|d| d.question.clone()),
            TextTarget::Clarifying(i) => disc(i).map(|d| d.clarifying_notes.clone()),
            TextTarget::Lesson(i) => disc(i).map(|d| d.lesson.clone().unwrap_or_default()),
            TextTarget::Notes(i) => m.agenda.get(i).map(|it| it.notes.clone()),
            TextTarget::PreviousRemarks => m.previous_minutes.as_ref().map(|p| p.remarks.clone()),
            TextTarget::HerverdelingReason(i) => m
                .agenda
                .get(i)
                .and_then(|it| it.herverdeling.as_ref())
                .map(|h| h.reason.clone()),
        }
    }
}

/// One text written into the meeting at every key (nothing is lost; it is saved on a pause
/// in typing and when the form closes).
#[derive(Debug, Clone)]
pub struct TextForm {
    title: String,
    pub target: TextTarget,
    pub text: TextField,
}

impl TextForm {
    pub fn build(app: &App, target: TextTarget) -> Self {
        let label = target.label().text(app.lang);
        let value = app
            .current_meeting()
            .and_then(|m| target.current(m))
            .unwrap_or_default();
        TextForm {
            title: label.to_string(),
            target,
            text: TextField::new(label, &value, true),
        }
    }

    fn write(&self, app: &mut App) -> Result<(), FormError> {
        let text = self.text.value();
        let m = app.current_meeting_mut().ok_or(FormError::NoMeeting)?;
        match self.target {
            TextTarget::Question(i) => session::discussion_mut(m, i).map(|d| d.question = text)?,
            TextTarget::Clarifying(i) => {
                session::discussion_mut(m, i).map(|d| d.clarifying_notes = text)?
            }
            TextTarget::Lesson(i) => session::set_lesson(m, i, &text)?,
            TextTarget::Notes(i) => session::item_mut(m, i).map(|it| it.notes = text)?,
            TextTarget::PreviousRemarks => {
                if let Some(p) = m.previous_minutes.as_mut() {
                    p.remarks = text;
                }
            }
            TextTarget::HerverdelingReason(i) => session::set_herverdeling_reason(m, i, &text)?,
        }
        Ok(())
    }
}

impl FormSpec for TextForm {
    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(&'static str, &dyn Field)> {
        vec![("tekst", &self.text)]
    }

    fn fields_mut(&mut self) -> Vec<(&'static str, &mut dyn Field)> {
        vec![("tekst", &mut self.text)]
    }

    fn apply(&self, app: &mut App) -> Result<Vec<Effect>, FormError> {
        self.write(app)?;
        let date = app.meeting.ok_or(FormError::NoMeeting)?;
        Ok(vec![Effect::SaveMeeting(date)])
    }

    fn writes_through(&self) -> bool {
        true
    }

    fn write_through(&self, app: &mut App) -> bool {
        match self.write(app) {
            Ok(()) => true,
            Err(e) => {
                app.error(e.message(app.lang));
                false
            }
        }
    }
}

/// A note on an open action from an earlier meeting, with a new due date if agreed (the
/// action stays open; past meeting files are never rewritten).
#[derive(Debug, Clone)]
pub struct ReviewNoteForm {
    title: String,
    pub number: String,
    pub note: TextField,
    pub due: TextField,
}

impl ReviewNoteForm {
    pub fn build(app: &App, number: &str) -> Self {
        let lang = app.lang;
        ReviewNoteForm {
            title: format!("{} {number}", T::Notes.text(lang)),
            number: number.to_string(),
            note: TextField::new(T::Notes.text(lang), "", true),
            due: TextField::new(T::NewDueOptional.text(lang), "", false),
        }
    }
}

impl FormSpec for ReviewNoteForm {
    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(&'static str, &dyn Field)> {
        vec![("notitie", &self.note), ("datum", &self.due)]
    }

    fn fields_mut(&mut self) -> Vec<(&'static str, &mut dyn Field)> {
        vec![("notitie", &mut self.note), ("datum", &mut self.due)]
    }

    fn apply(&self, app: &mut App) -> Result<Vec<Effect>, FormError> {
        let (mi, meeting_date) = meeting_at(app)?;
        let note = required(&self.note)?;
        let due = optional_date(&self.due, app.today)?;
        if due.is_some_and(|d| d <= app.today) {
            return Err(FormError::NotAfterToday);
        }
        let team = app.team_data_mut().ok_or(FormError::NoMeeting)?;
        let open = session::actions_to_review(&team.meetings, meeting_date);
        session::note_action(&mut team.meetings[mi], &open, &self.number, &note, due)?;
        Ok(vec![Effect::SaveMeeting(meeting_date)])
    }
}
