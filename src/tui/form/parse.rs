//! Reading what was typed, once and leniently: dates as people write them in the Netherlands
//! (`8-12`, `8-12-2026`, `8/12/26`, `8.12.2026`, `2026-12-08`), and a time box in minutes.

use chrono::{Datelike, NaiveDate};

/// Why typed text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not day-month(-year) or year-month-day at all.
    Unreadable(String),
    /// A month outside 1–12.
    Month(u32),
    /// A day the month does not have.
    Day {
        day: u32,
        month: u32,
        year: i32,
        days_in_month: u32,
    },
    /// A year far outside any meeting.
    Year(i32),
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let first = NaiveDate::from_ymd_opt(year, month, 1);
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    match (first, next) {
        (Some(a), Some(b)) => (b - a).num_days() as u32,
        _ => 31,
    }
}

fn build(year: i32, month: u32, day: u32) -> Result<NaiveDate, DateError> {
    if !(2000..=2100).contains(&year) {
        return Err(DateError::Year(year));
    }
    if !(1..=12).contains(&month) {
        return Err(DateError::Month(month));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::Day {
        day,
        month,
        year,
        days_in_month: days_in_month(year, month),
    })
}

/// Parses a typed date. Without a year, the year that puts the date nearest to `today`
/// (within half a year either way), so `8-1` typed in December is next January. Two-digit
/// years are this century.
pub fn parse_date(text: &str, today: NaiveDate) -> Result<NaiveDate, DateError> {
    let t = text.trim();
    let unreadable = || DateError::Unreadable(t.to_string());
    let parts: Vec<&str> = t
        .split(['-', '/', '.', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() || parts.len() > 3 {
        return Err(unreadable());
    }
    let mut nums = Vec::with_capacity(3);
    for p in &parts {
        if p.len() > 4 || !p.chars().all(|c| c.is_ascii_digit()) {
            return Err(unreadable());
        }
        nums.push(p.parse::<i64>().map_err(|_| unreadable())?);
    }
    let as_u32 = |n: i64| u32::try_from(n).map_err(|_| unreadable());
    match nums[..] {
        // 2026-12-08
        [y, m, d] if parts[0].len() == 4 => build(y as i32, as_u32(m)?, as_u32(d)?),
        // 8-12-2026, 8-12-26
        [d, m, y] => {
            let year = if parts[2].len() <= 2 { 2000 + y } else { y };
            build(year as i32, as_u32(m)?, as_u32(d)?)
        }
        // 8-12
        [d, m] => {
            let (d, m) = (as_u32(d)?, as_u32(m)?);
            let this = build(today.year(), m, d);
            let Ok(date) = this else {
                // 29-2 in a year without it: try the next year before giving up.
                return build(today.year() + 1, m, d).or(this);
            };
            let half_year = chrono::Duration::days(183);
            if date < today - half_year {
                build(today.year() + 1, m, d)
            } else if date > today + half_year {
                build(today.year() - 1, m, d)
            } else {
                Ok(date)
            }
        }
        _ => Err(unreadable()),
    }
}

/// A time box of 1 to 240 minutes.
pub fn parse_minutes(text: &str) -> Option<u32> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|m| (1..=240).contains(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn every_common_way_of_writing_the_8th_of_december() {
        let today = d(2026, 12, 1);
        for typed in [
            "8-12",
            "8-12-2026",
            "08-12-2026",
            "8/12/2026",
            "8.12.2026",
            "2026-12-08",
            "8-12-26",
            " 8 12 2026 ",
        ] {
            assert_eq!(parse_date(typed, today), Ok(d(2026, 12, 8)), "{typed}");
        }
    }

    #[test]
    fn a_date_without_year_is_the_nearest_one() {
        assert_eq!(parse_date("8-1", d(2026, 12, 1)), Ok(d(2027, 1, 8)));
        assert_eq!(parse_date("20-11", d(2026, 12, 1)), Ok(d(2026, 11, 20)));
        assert_eq!(parse_date("28-12", d(2027, 1, 5)), Ok(d(2026, 12, 28)));
    }

    #[test]
    fn an_impossible_date_says_why() {
        let today = d(2026, 12, 1);
        assert_eq!(
            parse_date("31-02-2026", today),
            Err(DateError::Day {
                day: 31,
                month: 2,
                year: 2026,
                days_in_month: 28
            })
        );
        assert_eq!(parse_date("8-13-2026", today), Err(DateError::Month(13)));
        assert_eq!(parse_date("8-12-1926", today), Err(DateError::Year(1926)));
        assert!(matches!(
            parse_date("volgende week", today),
            Err(DateError::Unreadable(_))
        ));
        assert!(matches!(
            parse_date("", today),
            Err(DateError::Unreadable(_))
        ));
    }

    #[test]
    fn minutes_are_a_plain_number_in_range() {
        assert_eq!(parse_minutes(" 20 "), Some(20));
        assert_eq!(parse_minutes("0"), None);
        assert_eq!(parse_minutes("9999"), None);
        assert_eq!(parse_minutes("15 min"), None);
    }
}
