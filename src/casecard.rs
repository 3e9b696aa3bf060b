//! The case card: one household on one screen. The situation at aanmelding and now, the
//! regisseur and its history, every discussion across meetings with its advice, decisions and
//! actions (actions in their current state), provisions with end dates, the next evaluation and
//! the signals that ask for attention. No terminal here.

use chrono::NaiveDate;

use crate::domain::signals::{self, Signal, SignalSettings};
use crate::domain::{
    ActionLedger, ActionState, Case, CaseDiscussion, Decision, Meeting, RegieChange, TeamData,
    Voorziening,
};

/// One discussion of the case in a meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Discussion<'a> {
    pub meeting: &'a Meeting,
    pub discussion: &'a CaseDiscussion,
    pub decisions: &'a [Decision],
    /// Actions agreed in this discussion, in their current state.
    pub actions: Vec<ActionState>,
}

/// A provision with where it stands on `today`.
#[derive(Debug, Clone, PartialEq)]
pub struct Provision<'a> {
    pub voorziening: &'a Voorziening,
    /// The end date has passed.
    pub ended: bool,
    /// Ends within the signal horizon (four weeks).
    pub ending_soon: bool,
}

/// Everything about one household.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseCard<'a> {
    pub team: &'a TeamData,
    pub case: &'a Case,
    pub regie_history: &'a [RegieChange],
    /// Oldest first.
    pub discussions: Vec<Discussion<'a>>,
    /// Actions about this case agreed outside a discussion of it (e.g. under rondvraag).
    pub other_actions: Vec<ActionState>,
    pub provisions: Vec<Provision<'a>>,
    pub next_evaluation: Option<NaiveDate>,
    pub signals: Vec<Signal>,
    /// The regisseur in force on the card's day (a dated hand-over counts from its date).
    pub regisseur_today: Option<crate::domain::Regisseur>,
    /// Hand-overs agreed but not yet in force: (first day, new regisseur).
    pub coming_handovers: Vec<(NaiveDate, Option<crate::domain::Regisseur>)>,
    /// Where the household stands on the verdeellijst, when it waits there.
    pub waiting: Option<crate::domain::Wachtend>,
}

impl<'a> CaseCard<'a> {
    /// The card of case `code` in a team, on `today`; `None` when the team has no such case.
    pub fn build(team: &'a TeamData, code: &str, today: NaiveDate) -> Option<CaseCard<'a>> {
        let case = team.case(code)?;
        let settings = SignalSettings::default();
        let ledger = ActionLedger::from_meetings(&team.meetings, None);
        let state_of = |number: &str| ledger.get(number).cloned();

        let mut discussions = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for meeting in &team.meetings {
            for item in &meeting.agenda {
                let crate::domain::ItemKind::Casus(d) = &item.kind else {
                    continue;
                };
                if d.case != code {
                    continue;
                }
                seen.extend(item.actions.iter().map(|a| a.number.as_str()));
                discussions.push(Discussion {
                    meeting,
                    discussion: d,
                    decisions: &item.decisions,
                    actions: item
                        .actions
                        .iter()
                        .filter_map(|a| state_of(&a.number))
                        .collect(),
                });
            }
        }
        discussions.sort_by_key(|d| d.meeting.date);
        let other_actions = ledger
            .actions
            .iter()
            .filter(|a| a.item.case.as_deref() == Some(code))
            .filter(|a| !seen.contains(&a.item.number.as_str()))
            .cloned()
            .collect();

        let horizon = today + chrono::Duration::days(settings.horizon_days);
        let provisions = case
            .voorzieningen
            .iter()
            .map(|v| Provision {
                voorziening: v,
                ended: v.end.is_some_and(|e| e < today),
                ending_soon: v.end.is_some_and(|e| e >= today && e <= horizon),
            })
            .collect();

        let last = signals::last_discussed(&team.meetings).get(code).copied();
        let carried = signals::carried_over(&team.meetings).get(code).copied();
        let signals = signals::case_signals(case, last, carried, today, settings);

        Some(CaseCard {
            team,
            case,
            regie_history: &case.regie_history,
            discussions,
            other_actions,
            provisions,
            next_evaluation: case.next_evaluation,
            signals,
            regisseur_today: case.regisseur_on(today),
            coming_handovers: case
                .pending_handovers(today)
                .into_iter()
                .map(|h| (h.in_force_from(), h.to.clone()))
                .collect(),
            waiting: crate::domain::verdeellijst(std::slice::from_ref(case), today)
                .into_iter()
                .next(),
        })
    }

    /// The display name of the regisseur in force on the card's day, or `None` when nobody
    /// directs the plan.
    pub fn regisseur_name(&self) -> Option<String> {
        self.regisseur_today
            .as_ref()
            .map(|r| regisseur_label(r, &self.team.team))
    }

    /// The regisseur with a hand-over that starts later: "R. Bakker (GI) tot 07-04-2026,
    /// daarna Marieke Jansen"; just the name without one; `None` when nobody directs.
    pub fn regisseur_line(&self, lang: crate::i18n::Lang) -> Option<String> {
        let now = self.regisseur_name();
        let Some((from, then)) = self.coming_handovers.first() else {
            return now;
        };
        let name = |r: Option<String>| r.unwrap_or_else(|| crate::i18n::week::nobody(lang).into());
        let then = then.as_ref().map(|r| regisseur_label(r, &self.team.team));
        Some(crate::i18n::week::regie_until_then(
            &name(now),
            *from,
            &name(then),
            lang,
        ))
    }
}

/// A regisseur as a short text: member name, "name (organisation)", or "huishouden".
pub fn regisseur_label(r: &crate::domain::Regisseur, team: &crate::domain::Team) -> String {
    use crate::domain::Regisseur;
    match r {
        Regisseur::Lid(id) => team.member_name(id).to_string(),
        Regisseur::Extern(p) => format!("{} ({}, {})", p.name, p.function, p.organisation),
        Regisseur::Huishouden => "huishouden zelf".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ActionStatus;
    use crate::testdata;

    #[test]
    fn card_gathers_the_trail_of_one_household() {
        let td = testdata::team_data(std::path::Path::new("noord"));
        let card = CaseCard::build(&td, "2026-0001", testdata::today()).expect("case exists");
        assert_eq!(card.regisseur_name().as_deref(), Some("Sanne Bakker"));
        assert_eq!(card.discussions.len(), 1);
        let d = &card.discussions[0];
        assert_eq!(d.discussion.advice.len(), 1);
        assert_eq!(d.decisions[0].number, "2026-001");
        let states: Vec<(&str, ActionStatus)> = d
            .actions
            .iter()
            .map(|a| (a.item.number.as_str(), a.status))
            .collect();
        assert_eq!(
            states,
            vec![
                ("A2026-001", ActionStatus::Open),
                ("A2026-002", ActionStatus::Open),
                ("A2026-003", ActionStatus::Gedaan),
            ]
        );
        assert!(card.other_actions.is_empty());
        assert_eq!(card.provisions.len(), 1);
        assert!(card.provisions[0].ending_soon);
        assert!(!card.provisions[0].ended);
        assert!(
            card.signals
                .iter()
                .any(|s| matches!(s, Signal::EvaluationOverdue(_)))
        );
    }

    #[test]
    fn a_dated_hand_over_shows_until_then_and_after() {
        use crate::domain::{ExternalProfessional, RegieChange, Regisseur};
        let mut td = testdata::team_data(std::path::Path::new("noord"));
        let today = testdata::today();
        let gi = Regisseur::Extern(ExternalProfessional {
            name: "R. Bakker".into(),
            organisation: "GI".into(),
            function: "gezinsvoogd".into(),
        });
        let start = today + chrono::Duration::days(10);
        let c = td
            .cases
            .iter_mut()
            .find(|c| c.code == "2026-0001")
            .expect("case");
        c.regisseur = Some(gi.clone());
        c.regie_history.push(RegieChange {
            date: today - chrono::Duration::days(30),
            from: None,
            to: Some(gi),
            reason: "OTS".into(),
            meeting: None,
            effective: None,
        });
        c.regie_history.push(RegieChange {
            date: today,
            from: c.regisseur.clone(),
            to: Some(Regisseur::Lid("sbakker".into())),
            reason: "einde OTS".into(),
            meeting: None,
            effective: Some(start),
        });
        let card = CaseCard::build(&td, "2026-0001", today).expect("card");
        assert_eq!(
            card.regisseur_line(crate::i18n::Lang::Nl).as_deref(),
            Some("R. Bakker (gezinsvoogd, GI) tot 11-05-2026, daarna Sanne Bakker")
        );
        let later = CaseCard::build(&td, "2026-0001", start).expect("card");
        assert_eq!(later.regisseur_name().as_deref(), Some("Sanne Bakker"));
        assert!(later.coming_handovers.is_empty());
        assert!(card.waiting.is_none());
    }

    #[test]
    fn unknown_case_has_no_card() {
        let td = testdata::team_data(std::path::Path::new("noord"));
        assert!(CaseCard::build(&td, "2099-9999", testdata::today()).is_none());
    }

    #[test]
    fn case_without_regisseur_says_so() {
        let td = testdata::team_data(std::path::Path::new("noord"));
        let card = CaseCard::build(&td, "2026-0003", testdata::today()).expect("case exists");
        assert_eq!(card.regisseur_name(), None);
        assert!(card.signals.contains(&Signal::NoRegisseur));
        assert_eq!(card.regie_history.len(), 1);
    }
}
