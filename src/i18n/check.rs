//! Texts of `overleg check` and of the overview shown when no command is given.

use chrono::NaiveDate;

use crate::domain::Weekday;
use crate::i18n::Lang;

/// "1 casus" / "3 casussen".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Number of teams.
pub fn teams(n: usize, lang: Lang) -> String {
    count(n, "team", lang.pick("teams", "teams"))
}

/// Number of members.
pub fn members(n: usize, lang: Lang) -> String {
    count(
        n,
        lang.pick("medewerker", "member"),
        lang.pick("medewerkers", "members"),
    )
}

/// Number of cases.
pub fn cases(n: usize, lang: Lang) -> String {
    count(
        n,
        lang.pick("casus", "case"),
        lang.pick("casussen", "cases"),
    )
}

/// Number of meetings.
pub fn meetings(n: usize, lang: Lang) -> String {
    count(
        n,
        lang.pick("overleg", "meeting"),
        lang.pick("overleggen", "meetings"),
    )
}

/// Number of problems.
pub fn problems(n: usize, lang: Lang) -> String {
    count(
        n,
        lang.pick("probleem", "problem"),
        lang.pick("problemen", "problems"),
    )
}

/// The one-line summary of a clean check.
pub fn all_good(teams: &str, members: &str, cases: &str, meetings: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("In orde: {teams}, {members}, {cases}, {meetings}."),
        Lang::En => format!("All good: {teams}, {members}, {cases}, {meetings}."),
    }
}

/// The last line when problems were found.
pub fn found(problems: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{problems} gevonden."),
        Lang::En => format!("{problems} found."),
    }
}

/// Heading of the overview of a municipality.
pub fn municipality(name: &str, teams: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{name} ({teams})"),
        Lang::En => format!("{name} ({teams})"),
    }
}

/// "42 casussen (38 open)".
pub fn cases_open(total: usize, open: usize, lang: Lang) -> String {
    format!("{} ({open} open)", cases(total, lang))
}

/// "volgend overleg: dinsdag 24-11-2026 09:30".
pub fn next_meeting(date: NaiveDate, weekday: Weekday, start: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "volgend overleg: {} {} {start}",
            weekday_name(weekday, lang),
            date.format("%d-%m-%Y")
        ),
        Lang::En => format!(
            "next meeting: {} {} {start}",
            weekday_name(weekday, lang),
            date.format("%Y-%m-%d")
        ),
    }
}

/// Dutch or English name of a weekday.
pub fn weekday_name(day: Weekday, lang: Lang) -> &'static str {
    match day {
        Weekday::Maandag => lang.pick("maandag", "Monday"),
        Weekday::Dinsdag => lang.pick("dinsdag", "Tuesday"),
        Weekday::Woensdag => lang.pick("woensdag", "Wednesday"),
        Weekday::Donderdag => lang.pick("donderdag", "Thursday"),
        Weekday::Vrijdag => lang.pick("vrijdag", "Friday"),
    }
}

/// Pointer to `overleg check` under an overview with problems.
pub fn see_check(lang: Lang) -> &'static str {
    lang.pick(
        "Herstel de bestanden en draai `overleg check` opnieuw.",
        "Fix the files and run `overleg check` again.",
    )
}
