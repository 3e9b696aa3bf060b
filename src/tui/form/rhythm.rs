//! The meeting rhythm of the team: a meeting date (which fixes the weekday and the weeks),
//! the start time, the length, the interval and the place. Saved to `team.ron` like every
//! other team change.

use super::{Field, FormError, FormSpec, TextField, date};
use crate::domain::{MeetingRhythm, Weekday};
use crate::i18n::tui::team::TeamScreen;
use crate::session;
use crate::tui::app::App;
use crate::tui::msg::Effect;

/// The rhythm form, filled with the team's rhythm as it is.
#[derive(Debug, Clone)]
pub struct RhythmForm {
    title: String,
    pub anchor: TextField,
    pub start: TextField,
    pub duration: TextField,
    pub interval: TextField,
    pub place: TextField,
}

impl RhythmForm {
    pub fn build(app: &App) -> Option<Self> {
        let lang = app.lang;
        let td = app.team_data()?;
        let r = &td.team.rhythm;
        let t = |x: TeamScreen| x.text(lang);
        // The next meeting day of the rhythm as it is: changing it moves the rhythm.
        let next = crate::session::planned_meeting_date(td, app.today);
        Some(RhythmForm {
            title: t(TeamScreen::RhythmForm).into(),
            anchor: TextField::new(
                t(TeamScreen::NextDate),
                &next.format("%d-%m-%Y").to_string(),
                false,
            ),
            start: TextField::new(
                t(TeamScreen::StartTime),
                &r.start.format("%H:%M").to_string(),
                false,
            ),
            duration: TextField::new(
                t(TeamScreen::Duration),
                &r.duration_minutes.to_string(),
                false,
            ),
            interval: TextField::new(
                t(TeamScreen::Interval),
                &r.interval_weeks.to_string(),
                false,
            ),
            place: TextField::new(t(TeamScreen::Place), &r.place, false),
        })
    }
}

impl FormSpec for RhythmForm {
    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(&'static str, &dyn Field)> {
        vec![
            ("datum", &self.anchor),
            ("tijd", &self.start),
            ("duur", &self.duration),
            ("weken", &self.interval),
            ("plaats", &self.place),
        ]
    }

    fn fields_mut(&mut self) -> Vec<(&'static str, &mut dyn Field)> {
        vec![
            ("datum", &mut self.anchor),
            ("tijd", &mut self.start),
            ("duur", &mut self.duration),
            ("weken", &mut self.interval),
            ("plaats", &mut self.place),
        ]
    }

    fn apply(&self, app: &mut App) -> Result<Vec<Effect>, FormError> {
        use chrono::Datelike;
        let lang = app.lang;
        let err = |x: TeamScreen| FormError::Text(x.text(lang).into());
        let anchor = date(&self.anchor, app.today)?;
        let weekday = Weekday::from_chrono(anchor.weekday()).ok_or(err(TeamScreen::Weekend))?;
        let start = crate::domain::lenient::parse_time(&self.start.value())
            .ok_or(err(TeamScreen::BadTime))?;
        let whole = |f: &TextField| f.value().trim().parse::<u32>().ok();
        let (Some(duration_minutes), Some(interval_weeks)) =
            (whole(&self.duration), whole(&self.interval))
        else {
            return Err(err(TeamScreen::BadNumber));
        };
        let rhythm = MeetingRhythm {
            weekday,
            start,
            duration_minutes,
            interval_weeks,
            anchor,
            place: self.place.value().trim().to_string(),
        };
        let team = app.team_data().ok_or(FormError::NoMeeting)?.team.clone();
        let t = session::set_rhythm(&team, rhythm)
            .map_err(|e| FormError::Text(crate::i18n::week::team_edit_error(&e, lang)))?;
        let td = app.team_data_mut().ok_or(FormError::NoMeeting)?;
        td.team = t;
        Ok(vec![Effect::SaveTeam])
    }
}
