//! Texts of the team screen, the rhythm form and the team's week on the start screen.

use chrono::NaiveDate;

use crate::i18n::Lang;

fn date(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// A fixed text of the team screen and the week lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamScreen {
    Title,
    Members,
    Rhythm,
    Norm,
    EveryWeek,
    NoMembers,
    RhythmForm,
    NextDate,
    StartTime,
    Duration,
    Interval,
    Place,
    BadTime,
    BadNumber,
    Weekend,
    Saved,
    NoLeavers,
    HerverdelingThere,
    NothingToHandOver,
    HandOversComing,
    OtherTeam,
}

impl TeamScreen {
    pub fn text(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            TeamScreen::Title => ("Team", "Team"),
            TeamScreen::Members => ("Teamleden", "Members"),
            TeamScreen::Rhythm => ("Overleg", "Meeting"),
            TeamScreen::Norm => ("Caseloadnorm", "Caseload norm"),
            TeamScreen::EveryWeek => ("elke week", "every week"),
            TeamScreen::NoMembers => (
                "Nog geen teamleden: + voegt er een toe.",
                "No members yet: + adds one.",
            ),
            TeamScreen::RhythmForm => ("Ritme van het overleg", "Meeting rhythm"),
            TeamScreen::NextDate => (
                "Een overlegdatum (bepaalt dag en weken)",
                "A meeting date (sets the day and the weeks)",
            ),
            TeamScreen::StartTime => ("Begintijd (bv. 09:30)", "Start time (e.g. 09:30)"),
            TeamScreen::Duration => ("Duur in minuten", "Length in minutes"),
            TeamScreen::Interval => ("Om de … weken", "Every … weeks"),
            TeamScreen::Place => ("Plaats", "Place"),
            TeamScreen::BadTime => (
                "Schrijf de begintijd als 09:30.",
                "Write the start time as 09:30.",
            ),
            TeamScreen::BadNumber => (
                "Duur en interval zijn hele getallen, bv. 90 en 2.",
                "Length and interval are whole numbers, e.g. 90 and 2.",
            ),
            TeamScreen::Weekend => (
                "Die datum valt in het weekend; kies maandag tot en met vrijdag.",
                "That date is in the weekend; choose Monday to Friday.",
            ),
            TeamScreen::Saved => ("Team bewaard.", "Team saved."),
            TeamScreen::NoLeavers => (
                "Niemand vertrekt of gaat met verlof voor het volgende overleg.",
                "Nobody leaves or goes on leave before the next meeting.",
            ),
            TeamScreen::HerverdelingThere => (
                "Er staat al een herverdeling op de agenda.",
                "There is a herverdeling on the agenda already.",
            ),
            TeamScreen::NothingToHandOver => (
                "Wie vertrekt heeft geen huishoudens of open acties meer.",
                "Those who leave have no households or open actions left.",
            ),
            TeamScreen::HandOversComing => (
                "Overdrachten voor het volgende overleg",
                "Hand-overs before the next meeting",
            ),
            TeamScreen::OtherTeam => (
                "Deze casus hoort bij een ander team; wijzig hem vanuit dat team.",
                "This case belongs to another team; change it from that team.",
            ),
        };
        lang.pick(nl, en)
    }
}

/// "dinsdag 09:30–11:00, om de 2 weken · Wijkcentrum De Bron".
pub fn rhythm_line(day: &str, from: &str, to: &str, weeks: u32, place: &str, lang: Lang) -> String {
    let every = match (weeks, lang) {
        (1, _) => TeamScreen::EveryWeek.text(lang).to_string(),
        (n, Lang::Nl) => format!("om de {n} weken"),
        (n, Lang::En) => format!("every {n} weeks"),
    };
    let mut s = format!("{day} {from}–{to}, {every}");
    if !place.trim().is_empty() {
        s.push_str(&format!(" · {}", place.trim()));
    }
    s
}

/// "30 huishoudens per FTE · licht 0,6 · midden 1 · zwaar 3".
pub fn norm_line(per_fte: f32, licht: f32, midden: f32, zwaar: f32, lang: Lang) -> String {
    let n = |x: f32| {
        let s = format!("{}", (x * 100.0).round() / 100.0);
        match lang {
            Lang::Nl => s.replace('.', ","),
            Lang::En => s,
        }
    };
    match lang {
        Lang::Nl => format!(
            "{} huishoudens per FTE · licht {} · midden {} · zwaar {}",
            n(per_fte),
            n(licht),
            n(midden),
            n(zwaar)
        ),
        Lang::En => format!(
            "{} households per FTE · light {} · medium {} · heavy {}",
            n(per_fte),
            n(licht),
            n(midden),
            n(zwaar)
        ),
    }
}

/// A member's FTE as the team screen shows it ("0,8 FTE").
pub fn fte(x: f32, lang: Lang) -> String {
    let s = format!("{}", (x * 100.0).round() / 100.0);
    match lang {
        Lang::Nl => format!("{} FTE", s.replace('.', ",")),
        Lang::En => format!("{s} FTE"),
    }
}

/// Where a member stands on `today`: "vanaf 01-01-2027", "uit dienst per 31-12-2026",
/// "uit dienst sinds …", "met verlof tot …"; empty when simply in the team.
pub fn member_state(
    start: Option<NaiveDate>,
    end: Option<NaiveDate>,
    leave: Option<(NaiveDate, Option<NaiveDate>)>,
    today: NaiveDate,
    lang: Lang,
) -> String {
    let mut parts = Vec::new();
    if let Some(s) = start.filter(|s| *s > today) {
        parts.push(match lang {
            Lang::Nl => format!("begint {}", date(s)),
            Lang::En => format!("starts {}", date(s)),
        });
    }
    if let Some(e) = end {
        parts.push(match (lang, e <= today) {
            (Lang::Nl, true) => format!("uit dienst sinds {}", date(e)),
            (Lang::En, true) => format!("left on {}", date(e)),
            (Lang::Nl, false) => format!("uit dienst per {}", date(e)),
            (Lang::En, false) => format!("leaves on {}", date(e)),
        });
    }
    if let Some((from, until)) = leave {
        let until = until.map(date);
        parts.push(match (lang, from <= today, until) {
            (Lang::Nl, true, Some(u)) => format!("met verlof tot en met {u}"),
            (Lang::Nl, true, None) => "met verlof".to_string(),
            (Lang::Nl, false, Some(u)) => format!("verlof {} – {u}", date(from)),
            (Lang::Nl, false, None) => format!("verlof vanaf {}", date(from)),
            (Lang::En, true, Some(u)) => format!("on leave until {u}"),
            (Lang::En, true, None) => "on leave".to_string(),
            (Lang::En, false, Some(u)) => format!("leave {} – {u}", date(from)),
            (Lang::En, false, None) => format!("leave from {}", date(from)),
        });
    }
    parts.join(" · ")
}

/// "Vertrekt of gaat met verlof: Saskia Bakker (31-03-2026) — herverdeling: h op de agenda";
/// `people` are names with the day they go.
pub fn leavers_line(people: &[(&str, Option<NaiveDate>)], lang: Lang) -> String {
    let names: Vec<String> = people
        .iter()
        .map(|(n, d)| match d {
            Some(d) => format!("{n} ({})", date(*d)),
            None => n.to_string(),
        })
        .collect();
    match lang {
        Lang::Nl => format!(
            "Vertrekt of gaat met verlof: {} — herverdeling: h op de agenda",
            names.join(", ")
        ),
        Lang::En => format!(
            "Leaving or going on leave: {} — herverdeling: h on the agenda",
            names.join(", ")
        ),
    }
}

/// "07-04-2026 2026-0031: regie naar Marieke Jansen".
pub fn handover_line(from: NaiveDate, case: &str, to: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{} {case}: regie naar {to}", date(from)),
        Lang::En => format!("{} {case}: regie to {to}", date(from)),
    }
}

/// After adding a herverdeling item.
pub fn herverdeling_added(households: usize, actions: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Herverdeling op de agenda: {households} huishouden(s), {actions} open actie(s)."
        ),
        Lang::En => format!(
            "Herverdeling on the agenda: {households} household(s), {actions} open action(s)."
        ),
    }
}

/// Close summary: "Verdeling: 3 huishoudens met een regisseur, 1 blijft op de lijst".
pub fn verdeling_summary(given: usize, parked: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Verdeling: {given} {} met een regisseur, {parked} {} op de lijst",
            if given == 1 {
                "huishouden"
            } else {
                "huishoudens"
            },
            if parked == 1 { "blijft" } else { "blijven" }
        ),
        Lang::En => format!(
            "Distribution: {given} household(s) given a regisseur, {parked} stay on the list"
        ),
    }
}

/// Close summary: "Herverdeling: 16 overdrachten".
pub fn herverdeling_summary(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Herverdeling: {n} {}",
            if n == 1 { "overdracht" } else { "overdrachten" }
        ),
        Lang::En => format!("Herverdeling: {n} hand-over(s)"),
    }
}
