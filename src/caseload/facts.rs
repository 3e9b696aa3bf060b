//! What the caseload reads of one team, and nothing more: the team (members, FTE, norm), per
//! case only the fields the caseload, the verdeellijst and the hand-overs look at, and the
//! actions still open after every meeting's reviews. `overleg caseload` keeps these facts per
//! team folder (`storage::derived`), so that a warm run decodes a few kilobytes per team
//! instead of every case with its household, plans, notes and history (issue 15).
//!
//! The facts are derived and read-only: they are made from a [`TeamData`] that loaded without
//! any problem, give exactly the caseload [`super::team_caseload`] gives for it on every day,
//! and are never turned back into files. Texts the caseload does not show (the reason of a
//! regie hand-over, the situation, the notes, the household) are left out, so the file holds
//! less case data than the parse cache beside it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Options, TeamCaseload, caseload_of};
use crate::domain::{
    ActionItem, ActionLedger, ActionState, ActionStatus, Case, Consent, RegieChange, Team, TeamData,
};

/// The caseload's facts of one team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamFacts {
    /// `team.ron` as JSON: [`Team`] skips empty fields when written, which postcard (the
    /// encoding of the rest) cannot read back.
    team_json: String,
    /// Every case, with only what the caseload reads (see [`for_caseload`]).
    cases: Vec<Case>,
    /// The actions open after every meeting's reviews.
    open_actions: Vec<OpenAction>,
    /// The case codes as `storage::derived::code_hashes`, to find a code in two teams.
    code_hashes: Vec<u64>,
}

/// An action still open: as agreed (with its current actiehouder), its current due date and
/// how often it was postponed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct OpenAction {
    item: ActionItem,
    agreed_in: NaiveDate,
    due: NaiveDate,
    postponed: u32,
}

/// A team whose facts are decoded, ready to give its caseload for any day.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamView {
    pub team: Team,
    cases: Vec<Case>,
    ledger: ActionLedger,
    /// See [`TeamFacts`].
    pub code_hashes: Vec<u64>,
}

impl TeamFacts {
    /// The facts of a loaded team.
    pub fn of(td: &TeamData) -> Option<TeamFacts> {
        let ledger = ActionLedger::from_meetings(&td.meetings, None);
        Some(TeamFacts {
            team_json: serde_json::to_string(&td.team).ok()?,
            cases: td.cases.iter().map(for_caseload).collect(),
            open_actions: ledger
                .open()
                .map(|a| OpenAction {
                    item: a.item.clone(),
                    agreed_in: a.agreed_in,
                    due: a.due,
                    postponed: a.postponed,
                })
                .collect(),
            code_hashes: crate::storage::derived::code_hashes(
                td.cases.iter().map(|c| c.code.as_str()),
            ),
        })
    }

    /// The facts as bytes (postcard).
    pub fn encode(&self) -> Option<Vec<u8>> {
        postcard::to_allocvec(self).ok()
    }

    /// The facts from [`TeamFacts::encode`]'s bytes; `None` when they do not decode.
    pub fn decode(bytes: &[u8]) -> Option<TeamView> {
        let facts: TeamFacts = postcard::from_bytes(bytes).ok()?;
        let team: Team = serde_json::from_str(&facts.team_json).ok()?;
        let actions = facts
            .open_actions
            .into_iter()
            .map(|a| ActionState {
                item: a.item,
                agreed_in: a.agreed_in,
                status: ActionStatus::Open,
                due: a.due,
                postponed: a.postponed,
                last_review: None,
                owner_history: Vec::new(),
                notes: Vec::new(),
            })
            .collect();
        Some(TeamView {
            team,
            cases: facts.cases,
            ledger: ActionLedger { actions },
            code_hashes: facts.code_hashes,
        })
    }
}

impl TeamView {
    /// The caseload on `opts.today`, as [`super::team_caseload`] gives it for the team these
    /// facts were made of.
    pub fn caseload(&self, opts: &Options) -> TeamCaseload {
        caseload_of(&self.team, &self.cases, &self.ledger, opts)
    }
}

/// A case with only what the caseload reads: code, pseudonym, dates, status, laws,
/// leefgebieden, complexity, coach, regisseur with the hand-overs (without their reason),
/// next evaluation and the safety flag. Everything else is empty.
fn for_caseload(c: &Case) -> Case {
    Case {
        version: c.version,
        code: c.code.clone(),
        pseudonym: c.pseudonym.clone(),
        registered: c.registered,
        status: c.status,
        laws: c.laws.clone(),
        kader: c.kader.clone(),
        complexity: c.complexity,
        leefgebieden: c.leefgebieden.clone(),
        household: Vec::new(),
        consent: Consent::default(),
        signal_source: c.signal_source,
        coach: c.coach.clone(),
        regisseur: c.regisseur.clone(),
        regie_history: c
            .regie_history
            .iter()
            .map(|h| RegieChange {
                date: h.date,
                from: h.from.clone(),
                to: h.to.clone(),
                reason: String::new(),
                meeting: h.meeting,
                effective: h.effective,
            })
            .collect(),
        betrokkenen: Vec::new(),
        voorzieningen: Vec::new(),
        plans: Vec::new(),
        next_evaluation: c.next_evaluation,
        safety_flag: c.safety_flag,
        situation_at_registration: String::new(),
        situation_now: String::new(),
        confidential_notes: String::new(),
        history: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use chrono::Duration;

    use super::*;
    use crate::caseload::{SortKey, team_caseload};
    use crate::demo::{DemoSpec, generate};
    use crate::domain::Role;
    use crate::testdata;

    fn round_trip(td: &TeamData) -> (Vec<u8>, TeamView) {
        let bytes = TeamFacts::of(td).and_then(|f| f.encode()).expect("encoded");
        let view = TeamFacts::decode(&bytes).expect("decoded");
        (bytes, view)
    }

    /// Every day of two years around the team's today, every order and filter: the facts give
    /// what the whole team gives.
    fn same_caseload_every_day(td: &TeamData, around: NaiveDate) {
        let (_, view) = round_trip(td);
        let mut day = around - Duration::days(400);
        while day <= around + Duration::days(400) {
            for sort in [SortKey::Name, SortKey::Load, SortKey::Overdue] {
                for role in [None, Some(Role::Wijkcoach)] {
                    let opts = Options {
                        today: day,
                        sort,
                        role,
                        only_above_norm: day.to_string().ends_with('7'),
                    };
                    assert_eq!(view.caseload(&opts), team_caseload(td, &opts), "on {day}");
                }
            }
            day += Duration::days(3);
        }
    }

    #[test]
    fn the_facts_give_the_caseload_of_the_whole_team_on_every_day() {
        let fixture = testdata::team_data(std::path::Path::new("noord"));
        same_caseload_every_day(&fixture, testdata::today());
        let today = testdata::today();
        let demo = generate(&DemoSpec {
            teams: 2,
            cases: 300,
            seed: 11,
            today,
        });
        for td in &demo.teams {
            assert!(
                td.meetings
                    .iter()
                    .any(|m| !m.actions().collect::<Vec<_>>().is_empty())
            );
            same_caseload_every_day(td, today);
        }
    }

    #[test]
    fn the_facts_hold_no_text_the_caseload_does_not_show() {
        let demo = generate(&DemoSpec {
            teams: 1,
            cases: 200,
            seed: 3,
            today: testdata::today(),
        });
        let td = &demo.teams[0];
        let (bytes, _) = round_trip(td);
        let contains = |needle: &str| {
            !needle.is_empty() && bytes.windows(needle.len()).any(|w| w == needle.as_bytes())
        };
        let mut checked = 0;
        for c in &td.cases {
            let texts = [
                c.situation_at_registration.as_str(),
                c.situation_now.as_str(),
                c.confidential_notes.as_str(),
            ];
            let reasons = c.regie_history.iter().map(|h| h.reason.as_str());
            let names = c.household.iter().filter_map(|m| m.name.as_deref());
            for t in texts.into_iter().chain(reasons).chain(names) {
                // Short words (a first name, "ziek") may occur anywhere; long texts may not.
                if t.len() >= 12 {
                    assert!(!contains(t), "{} holds {t:?}", c.code);
                    checked += 1;
                }
            }
        }
        assert!(checked > 100, "only {checked} texts checked");
    }

    #[test]
    fn damaged_facts_do_not_decode() {
        let td = testdata::team_data(std::path::Path::new("noord"));
        let (bytes, _) = round_trip(&td);
        assert!(TeamFacts::decode(&bytes[..bytes.len() / 2]).is_none());
        assert!(TeamFacts::decode(&[]).is_none());
    }
}
