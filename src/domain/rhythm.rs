//! Meeting dates from a team's rhythm.

use chrono::{Datelike, Duration, NaiveDate};

use super::team::MeetingRhythm;

impl MeetingRhythm {
    /// Is `date` a meeting day in this rhythm?
    pub fn is_meeting_day(&self, date: NaiveDate) -> bool {
        if date.weekday() != self.weekday.to_chrono() {
            return false;
        }
        let period = 7 * i64::from(self.interval_weeks.max(1));
        (date - self.anchor).num_days().rem_euclid(period) == 0
    }

    /// The first meeting day on or after `from`.
    pub fn next_on_or_after(&self, from: NaiveDate) -> NaiveDate {
        let mut day = from;
        // At most interval_weeks * 7 days ahead; bounded to stay safe on odd input.
        for _ in 0..(7 * self.interval_weeks.max(1) as usize + 7) {
            if self.is_meeting_day(day) {
                return day;
            }
            day += Duration::days(1);
        }
        from
    }

    /// The first meeting day strictly after `date`.
    pub fn next_after(&self, date: NaiveDate) -> NaiveDate {
        self.next_on_or_after(date + Duration::days(1))
    }
}
