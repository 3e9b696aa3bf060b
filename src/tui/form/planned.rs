//! A planned meeting whose date has passed without it being held: move it (with its prepared
//! agenda) to a new date, or cancel it with a reason.

use chrono::NaiveDate;

use super::{Field, FormError, FormSpec, TextField, date, required};
use crate::i18n::tui::T;
use crate::session;
use crate::tui::app::App;
use crate::tui::msg::Effect;

/// Move the planned meeting of `from` to a new date.
#[derive(Debug, Clone)]
pub struct MoveMeetingForm {
    title: String,
    pub from: NaiveDate,
    pub to: TextField,
}

impl MoveMeetingForm {
    /// Proposes the next meeting date from the team's rhythm.
    pub fn build(app: &App, from: NaiveDate) -> Option<Self> {
        let team = app.team_data()?;
        let proposed = session::next_meeting_date(&team.team, app.today);
        Some(MoveMeetingForm {
            title: crate::i18n::tui::move_meeting_title(from, app.lang),
            from,
            to: TextField::new(
                T::DateField.text(app.lang),
                &proposed.format("%d-%m-%Y").to_string(),
                false,
            ),
        })
    }
}

impl FormSpec for MoveMeetingForm {
    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(&'static str, &dyn Field)> {
        vec![("datum", &self.to)]
    }

    fn fields_mut(&mut self) -> Vec<(&'static str, &mut dyn Field)> {
        vec![("datum", &mut self.to)]
    }

    fn apply(&self, app: &mut App) -> Result<Vec<Effect>, FormError> {
        let to = date(&self.to, app.today)?;
        let today = app.today;
        let team = app.team_data_mut().ok_or(FormError::NoMeeting)?;
        let at = team
            .meetings
            .iter()
            .position(|m| m.date == self.from)
            .ok_or(FormError::NoMeeting)?;
        session::move_meeting(&mut team.meetings, at, to, today)?;
        app.meeting = Some(to);
        Ok(vec![Effect::MoveMeeting {
            from: self.from,
            to,
        }])
    }
}

/// Cancel the planned meeting of `date`, with a reason.
#[derive(Debug, Clone)]
pub struct CancelMeetingForm {
    title: String,
    pub date: NaiveDate,
    pub reason: TextField,
}

impl CancelMeetingForm {
    pub fn build(app: &App, date: NaiveDate) -> Self {
        CancelMeetingForm {
            title: crate::i18n::tui::cancel_meeting_title(date, app.lang),
            date,
            reason: TextField::new(T::Reason.text(app.lang), "", false),
        }
    }
}

impl FormSpec for CancelMeetingForm {
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
        let reason = required(&self.reason)?;
        let today = app.today;
        let team = app.team_data_mut().ok_or(FormError::NoMeeting)?;
        let m = team
            .meetings
            .iter_mut()
            .find(|m| m.date == self.date)
            .ok_or(FormError::NoMeeting)?;
        session::cancel_meeting(m, &reason, today)?;
        Ok(vec![Effect::SaveMeeting(self.date)])
    }
}
