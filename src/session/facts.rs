//! The facts of a case in front of the chair during its item: kader and end of the measure,
//! the safety flag, current plans (with the warning when there are two), provisions with end
//! dates, betrokkenen, the regisseur (with a hand-over that starts later), and what the last
//! discussion decided and left open. Data only; the interface draws it.

use chrono::NaiveDate;

use crate::domain::{
    ActionLedger, ActionState, ActionStatus, Betrokkene, Case, Decision, ItemKind, Kader,
    Maatregel, Plan, RegieChange, Regisseur, TeamData, Voorziening,
};

/// A hand-over agreed but not yet in force.
#[derive(Debug, Clone, PartialEq)]
pub struct ComingHandOver {
    pub from: NaiveDate,
    pub to: Option<Regisseur>,
    pub reason: String,
}

/// What the pane of a case item shows.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseFacts<'a> {
    pub case: &'a Case,
    /// The court measure, when in gedwongen kader.
    pub maatregel: Option<&'a Maatregel>,
    /// The measure ends within four weeks (the GI must have warned by now).
    pub maatregel_ends_soon: bool,
    pub safety_flag: bool,
    pub current_plans: Vec<&'a Plan>,
    /// More than one current plan ("1 gezin, 1 plan").
    pub two_plans: bool,
    /// Provisions still running or ended less than four weeks ago, soonest end first.
    pub provisions: Vec<&'a Voorziening>,
    pub betrokkenen: &'a [Betrokkene],
    /// Regisseur in force on the day.
    pub regisseur: Option<Regisseur>,
    /// Hand-overs that start later.
    pub coming: Vec<ComingHandOver>,
    /// Date of the last earlier meeting that discussed the case.
    pub last_discussed: Option<NaiveDate>,
    /// The decisions of that discussion.
    pub last_decisions: Vec<&'a Decision>,
    /// Open actions about the case (current state, current owner).
    pub open_actions: Vec<ActionState>,
}

/// The facts of case `code` on `on` (the meeting day): the last discussion is the latest in a
/// meeting before `on`. `None` when the team has no such case.
pub fn case_facts<'a>(td: &'a TeamData, code: &str, on: NaiveDate) -> Option<CaseFacts<'a>> {
    let case = td.case(code)?;
    let horizon = on + chrono::Duration::days(28);
    let maatregel = match &case.kader {
        Kader::Gedwongen(m) => Some(m),
        Kader::Vrijwillig => None,
    };
    let current_plans: Vec<&Plan> = case.current_plans().collect();
    let mut provisions: Vec<&Voorziening> = case
        .voorzieningen
        .iter()
        .filter(|v| v.end.is_none_or(|e| e + chrono::Duration::days(28) >= on))
        .collect();
    provisions.sort_by_key(|v| v.end.unwrap_or(NaiveDate::MAX));
    let mut last: Option<(NaiveDate, Vec<&Decision>)> = None;
    for m in td.meetings.iter().filter(|m| m.date < on) {
        for item in &m.agenda {
            if matches!(&item.kind, ItemKind::Casus(d) if d.case == code)
                && last.as_ref().is_none_or(|(d, _)| *d <= m.date)
            {
                last = Some((m.date, item.decisions.iter().collect()));
            }
        }
    }
    let ledger = ActionLedger::from_meetings(td.meetings.iter().filter(|m| m.date < on), None);
    let open_actions = ledger
        .actions
        .iter()
        .filter(|a| a.status == ActionStatus::Open && a.item.case.as_deref() == Some(code))
        .cloned()
        .collect();
    let coming = case
        .pending_handovers(on)
        .into_iter()
        .map(|h: &RegieChange| ComingHandOver {
            from: h.in_force_from(),
            to: h.to.clone(),
            reason: h.reason.clone(),
        })
        .collect();
    let (last_discussed, last_decisions) = last.map_or((None, vec![]), |(d, x)| (Some(d), x));
    Some(CaseFacts {
        case,
        maatregel,
        maatregel_ends_soon: maatregel.is_some_and(|m| m.end >= on && m.end <= horizon),
        safety_flag: case.safety_flag,
        two_plans: current_plans.len() > 1,
        current_plans,
        provisions,
        betrokkenen: &case.betrokkenen,
        regisseur: case.regisseur_on(on),
        coming,
        last_discussed,
        last_decisions,
        open_actions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testdata;

    #[test]
    fn facts_show_the_last_discussion_and_open_actions() {
        let td = testdata::team_data(std::path::Path::new("noord"));
        let f = case_facts(&td, "2026-0001", testdata::today()).expect("case");
        assert_eq!(f.last_decisions.len(), 1);
        assert!(f.last_discussed.is_some());
        let open: Vec<&str> = f
            .open_actions
            .iter()
            .map(|a| a.item.number.as_str())
            .collect();
        assert_eq!(open, ["A2026-001", "A2026-002"]);
        assert!(!f.two_plans);
        assert!(f.coming.is_empty());
        assert!(case_facts(&td, "2099-0001", testdata::today()).is_none());
    }
}
