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

    /// The first meeting day on or after `from`; `from` itself when the rhythm has none (its
    /// anchor is not on its weekday) or the next one lies beyond the calendar.
    pub fn next_on_or_after(&self, from: NaiveDate) -> NaiveDate {
        if self.anchor.weekday() != self.weekday.to_chrono() {
            return from;
        }
        // Days from the anchor are a multiple of the period on a meeting day: step straight
        // to the next multiple (an interval of 4294967295 weeks must not loop or overflow).
        let period = 7 * i64::from(self.interval_weeks.max(1));
        let behind = (from - self.anchor).num_days().rem_euclid(period);
        let ahead = (period - behind) % period;
        from.checked_add_signed(Duration::days(ahead))
            .filter(|d| self.is_meeting_day(*d))
            .unwrap_or(from)
    }

    /// The first meeting day strictly after `date`.
    pub fn next_after(&self, date: NaiveDate) -> NaiveDate {
        match date.succ_opt() {
            Some(next) => self.next_on_or_after(next),
            None => date,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Weekday;

    fn rhythm(interval_weeks: u32) -> MeetingRhythm {
        MeetingRhythm {
            weekday: Weekday::Dinsdag,
            start: chrono::NaiveTime::from_hms_opt(9, 30, 0).expect("time"),
            duration_minutes: 90,
            interval_weeks,
            anchor: NaiveDate::from_ymd_opt(2026, 3, 3).expect("date"),
            place: String::new(),
        }
    }

    #[test]
    fn next_meeting_days_follow_the_interval() {
        let r = rhythm(2);
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).expect("date");
        assert_eq!(r.next_on_or_after(d(3, 3)), d(3, 3));
        assert_eq!(r.next_after(d(3, 3)), d(3, 17));
        assert_eq!(r.next_on_or_after(d(3, 4)), d(3, 17));
        assert_eq!(r.next_on_or_after(d(2, 20)), d(3, 3));
        assert_eq!(rhythm(1).next_after(d(3, 3)), d(3, 10));
    }

    #[test]
    fn an_absurd_interval_neither_loops_nor_panics() {
        let r = rhythm(u32::MAX);
        let d = NaiveDate::from_ymd_opt(2026, 3, 4).expect("date");
        // The next meeting lies beyond the calendar: the date itself comes back.
        assert_eq!(r.next_on_or_after(d), d);
        assert_eq!(r.next_after(NaiveDate::MAX), NaiveDate::MAX);
        let mut off = rhythm(2);
        off.anchor = NaiveDate::from_ymd_opt(2026, 3, 4).expect("a Wednesday");
        assert_eq!(off.next_on_or_after(d), d);
    }
}
