//! Why a form was not saved, and why a typed date is not a date: one sentence each, saying
//! what to type instead.

use crate::i18n::Lang;

/// A required field left empty.
pub fn required(field: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Vul ‘{field}’ in."),
        Lang::En => format!("Fill in ‘{field}’."),
    }
}

/// A people picker whose text matches nobody in the team (and guests are not allowed there).
pub fn no_such_member(typed: &str, lang: Lang) -> String {
    match (typed.trim().is_empty(), lang) {
        (true, Lang::Nl) => "Kies iemand uit het team.".into(),
        (true, Lang::En) => "Choose someone from the team.".into(),
        (false, Lang::Nl) => {
            format!("Niemand in het team heet ‘{typed}’; kies iemand uit de lijst.")
        }
        (false, Lang::En) => {
            format!("Nobody in the team is called ‘{typed}’; choose from the list.")
        }
    }
}

/// A time box that is not a number of minutes.
pub fn bad_minutes(lang: Lang) -> String {
    lang.pick("Tijd in minuten, 1 tot 240.", "Time in minutes, 1 to 240.")
        .into()
}

/// The ways a date may be typed, for every date error.
fn date_forms(lang: Lang) -> &'static str {
    lang.pick(
        "bijvoorbeeld 8-12, 8-12-2026, 8/12/2026 of 2026-12-08",
        "for example 8-12, 8-12-2026, 8/12/2026 or 2026-12-08",
    )
}

/// A date that could not be read at all.
pub fn date_unreadable(typed: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "‘{typed}’ is geen datum; typ dag-maand(-jaar), {}.",
            date_forms(lang)
        ),
        Lang::En => format!(
            "‘{typed}’ is not a date; type day-month(-year), {}.",
            date_forms(lang)
        ),
    }
}

/// A month outside 1–12.
pub fn date_bad_month(month: u32, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Maand {month} bestaat niet (1 tot 12)."),
        Lang::En => format!("There is no month {month} (1 to 12)."),
    }
}

/// A day the month does not have (31-04, 29-02 outside a leap year).
pub fn date_bad_day(day: u32, month: u32, year: i32, days_in_month: u32, lang: Lang) -> String {
    let name = month_name(month, lang);
    match lang {
        Lang::Nl => format!("{name} {year} heeft {days_in_month} dagen, geen {day}."),
        Lang::En => format!("{name} {year} has {days_in_month} days, not {day}."),
    }
}

/// A year that is clearly a typing slip.
pub fn date_bad_year(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Jaar {year} ligt buiten 2000–2100."),
        Lang::En => format!("Year {year} is outside 2000–2100."),
    }
}

/// The name of a month (1–12).
pub fn month_name(month: u32, lang: Lang) -> &'static str {
    const NL: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let i = (month.clamp(1, 12) - 1) as usize;
    lang.pick(NL[i], EN[i])
}

/// A due date before the meeting that agrees it.
pub fn due_before_meeting(lang: Lang) -> String {
    lang.pick(
        "De deadline ligt vóór dit overleg.",
        "The due date is before this meeting.",
    )
    .into()
}

/// A new date for a postponed action that is not after today.
pub fn not_after_today(lang: Lang) -> String {
    lang.pick(
        "De nieuwe datum moet na vandaag liggen.",
        "The new date must be after today.",
    )
    .into()
}
