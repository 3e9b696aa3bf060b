//! The team's week in the shipped demo: a verdeellijst of about eight waiting aanmeldingen
//! (the oldest over three weeks), one wijkcoach who leaves at the end of the month with open
//! actions, and one regie hand-over that starts the day after a court measure ends.

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate};

use crate::domain::{ActionLedger, CaseStatus, Kader, RegieChange, Regisseur, Role, TeamData};

/// Households waiting on the verdeellijst in the demo.
const WAITING: usize = 8;
/// The oldest waits this many days (over three weeks).
const OLDEST_DAYS: i64 = 24;

/// The first day of the month after `today`: a leaver "at the end of the month" is gone then.
pub fn first_of_next_month(today: NaiveDate) -> NaiveDate {
    let (y, m) = if today.month() == 12 {
        (today.year() + 1, 1)
    } else {
        (today.year(), today.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(today)
}

/// Tunes the main team for the week's scenarios; `discussed` are cases that meetings name.
pub fn tune_week(td: &mut TeamData, discussed: &BTreeSet<String>, today: NaiveDate) {
    verdeellijst(td, discussed, today);
    dated_hand_over(td, today);
    leaver(td, today);
}

fn verdeellijst(td: &mut TeamData, discussed: &BTreeSet<String>, today: NaiveDate) {
    let waiting =
        |c: &crate::domain::Case| c.status == CaseStatus::Aanmelding && c.regisseur.is_none();
    let mut n = td.cases.iter().filter(|c| waiting(c)).count();
    // Take aanmeldingen that got a regisseur in the generator, but were never discussed, back
    // to the list, oldest first.
    for c in td.cases.iter_mut() {
        if n >= WAITING {
            break;
        }
        if c.status == CaseStatus::Aanmelding
            && c.regisseur.is_some()
            && !discussed.contains(&c.code)
        {
            c.regisseur = None;
            c.coach = None;
            c.regie_history.clear();
            n += 1;
        }
    }
    if let Some(oldest) = td
        .cases
        .iter_mut()
        .filter(|c| waiting(c))
        .min_by_key(|c| c.registered)
    {
        oldest.registered = today - Duration::days(OLDEST_DAYS);
    }
}

/// The measure that ends soon: regie goes from the gezinsvoogd to the coach the day after.
fn dated_hand_over(td: &mut TeamData, today: NaiveDate) {
    let Some(c) = td.cases.iter_mut().find(|c| {
        c.is_open()
            && c.coach.is_some()
            && matches!(&c.kader, Kader::Gedwongen(m) if m.end > today && m.end <= today + Duration::days(28))
    }) else {
        return;
    };
    let Kader::Gedwongen(m) = &c.kader else {
        return;
    };
    let start = m.end + Duration::days(1);
    let to = c.coach.clone().map(Regisseur::Lid);
    let from = c.regisseur_on(start);
    if from == to {
        return;
    }
    c.regie_history.push(RegieChange {
        date: today - Duration::days(6),
        from,
        to,
        reason: format!(
            "De {} loopt af; het gezin gaat door in het vrijwillig kader en de regie komt terug bij de wijkcoach.",
            m.measure
        ),
        meeting: None,
        effective: Some(start),
    });
}

/// The wijkcoach with the most open actions leaves at the end of the month. The herverdeling
/// item is left to the team (the planned agenda stays within its 90 minutes).
fn leaver(td: &mut TeamData, today: NaiveDate) {
    let end = first_of_next_month(today);
    let ledger = ActionLedger::from_meetings(&td.meetings, None);
    let open = |id: &str| ledger.open().filter(|a| a.item.owner == id).count();
    let Some(id) = td
        .team
        .members
        .iter()
        .filter(|m| m.roles.contains(&Role::Wijkcoach) && m.end.is_none())
        .filter(|m| open(&m.id) > 0)
        .max_by_key(|m| (open(&m.id), std::cmp::Reverse(m.id.clone())))
        .map(|m| m.id.clone())
    else {
        return;
    };
    if let Some(m) = td.team.members.iter_mut().find(|m| m.id == id) {
        m.end = Some(end);
    }
}
