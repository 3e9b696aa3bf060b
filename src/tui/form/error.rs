//! Why a form was not saved: a typed error that keeps the real reason, shown in the form in
//! the user's language.

use super::parse::DateError;
use crate::i18n::Lang;
use crate::i18n::tui::{T, forms};
use crate::session::SessionError;

/// Why a form stays open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormError {
    /// A required field (by its label) is empty.
    Required(String),
    /// A people field matched nobody who may be chosen there (what was typed).
    NoSuchMember(String),
    Date(DateError),
    Minutes,
    DueBeforeMeeting,
    NotAfterToday,
    ExternalNeeded,
    ReasonNeeded,
    QuestionNeeded,
    NoMeeting,
    /// The meeting refused the change.
    Session(SessionError),
    /// A reason already in the user's language (from the domain's own messages).
    Text(String),
}

impl From<DateError> for FormError {
    fn from(e: DateError) -> Self {
        FormError::Date(e)
    }
}

impl From<SessionError> for FormError {
    fn from(e: SessionError) -> Self {
        FormError::Session(e)
    }
}

impl FormError {
    /// The reason, for the line under the form.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FormError::Required(label) => forms::required(label, lang),
            FormError::NoSuchMember(typed) => forms::no_such_member(typed, lang),
            FormError::Date(DateError::Unreadable(t)) => forms::date_unreadable(t, lang),
            FormError::Date(DateError::Month(m)) => forms::date_bad_month(*m, lang),
            FormError::Date(DateError::Day {
                day,
                month,
                year,
                days_in_month,
            }) => forms::date_bad_day(*day, *month, *year, *days_in_month, lang),
            FormError::Date(DateError::Year(y)) => forms::date_bad_year(*y, lang),
            FormError::Minutes => forms::bad_minutes(lang),
            FormError::DueBeforeMeeting => forms::due_before_meeting(lang),
            FormError::NotAfterToday => forms::not_after_today(lang),
            FormError::ExternalNeeded => T::ExternalNeeded.text(lang).into(),
            FormError::ReasonNeeded => T::ReasonNeeded.text(lang).into(),
            FormError::QuestionNeeded => T::QuestionNeeded.text(lang).into(),
            FormError::NoMeeting => T::NoMeeting.text(lang).into(),
            FormError::Session(e) => e.message(lang),
            FormError::Text(t) => t.clone(),
        }
    }
}
