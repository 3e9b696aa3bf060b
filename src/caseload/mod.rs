//! Caseload per professional: the households where they hold regie (by complexity), their FTE,
//! the team norm, the load weighted by complexity against norm × FTE, overdue actions and
//! evaluations due; team totals; and the cases without a regisseur.
//!
//! DOMAIN.md §5: load is shown in context, never as a league table. There are deliberately no
//! rank numbers here; a [`LoadBand`] says whether there is room, the load is around the norm,
//! or above it. No terminal here: the TUI screen and `overleg caseload` sit on top.

use chrono::{Duration, NaiveDate};
use rayon::prelude::*;
use serde::Serialize;

use crate::domain::{
    ActionLedger, Case, CaseloadNorm, Complexity, Regisseur, Role, Team, TeamData, Workspace,
};

pub mod facts;
#[cfg(test)]
mod tests;

/// Evaluations within this many days (or already past) count as due.
pub const EVALUATION_HORIZON_DAYS: i64 = 28;

/// Weighted load relative to the norm, in words rather than a position in a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LoadBand {
    /// Below 90 % of norm × FTE: room for new households.
    Ruimte,
    /// 90–110 % of norm × FTE.
    RondNorm,
    /// Above 110 % of norm × FTE.
    BovenNorm,
    /// No FTE recorded: a load cannot be related to a norm.
    Onbekend,
    /// A role that does not hold cases (teamleider, gedragswetenschapper, …) and no regie:
    /// their FTE is not room for households, so no percentage is shown.
    GeenCasushouder,
    /// Left the team or on long leave today: counts no longer in the norm. Shown only while
    /// households are still with them.
    NietInTeam,
}

impl LoadBand {
    /// The band of a load percentage.
    pub fn of(percent: Option<f32>) -> LoadBand {
        match percent {
            None => LoadBand::Onbekend,
            Some(p) if p > 110.0 => LoadBand::BovenNorm,
            Some(p) if p >= 90.0 => LoadBand::RondNorm,
            Some(_) => LoadBand::Ruimte,
        }
    }
}

/// Open cases per complexity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ByComplexity {
    pub licht: u32,
    pub midden: u32,
    pub zwaar: u32,
}

impl ByComplexity {
    fn add(&mut self, c: Complexity) {
        match c {
            Complexity::Licht => self.licht += 1,
            Complexity::Midden => self.midden += 1,
            Complexity::Zwaar => self.zwaar += 1,
        }
    }

    /// All cases together.
    pub fn total(&self) -> u32 {
        self.licht + self.midden + self.zwaar
    }

    /// Load weighted by the norm's complexity weights.
    pub fn weighted(&self, norm: &CaseloadNorm) -> f32 {
        self.licht as f32 * norm.weight_licht
            + self.midden as f32 * norm.weight_midden
            + self.zwaar as f32 * norm.weight_zwaar
    }
}

/// An evaluation that is due soon or overdue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvaluationDue {
    pub case: String,
    pub date: NaiveDate,
    pub overdue: bool,
}

/// An open action past its due date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverdueAction {
    pub number: String,
    pub text: String,
    pub due: NaiveDate,
    pub case: Option<String>,
    pub postponed: u32,
}

/// The load of one team member.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemberLoad {
    pub id: String,
    pub name: String,
    pub roles: Vec<Role>,
    pub fte: f32,
    /// Codes of the open cases where this member holds regie.
    pub regie_cases: Vec<String>,
    pub by_complexity: ByComplexity,
    /// Load weighted by complexity.
    pub weighted: f32,
    /// What the norm allows for this FTE: `cases_per_fte × fte`.
    pub capacity: f32,
    /// `weighted / capacity` as a percentage; `None` without FTE.
    pub load_percent: Option<f32>,
    pub band: LoadBand,
    pub overdue_actions: Vec<OverdueAction>,
    pub evaluations_due: Vec<EvaluationDue>,
    /// Works in the team today (not gone, not on leave).
    pub active: bool,
}

/// A case that nobody directs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unassigned {
    pub case: String,
    pub pseudonym: String,
    pub complexity: Complexity,
    /// The coach holding the file, if any.
    pub coach: Option<String>,
    /// When regie lapsed, if the history says so.
    pub since: Option<NaiveDate>,
}

/// Totals over the team.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Totals {
    pub open_cases: u32,
    /// Open cases with a member of this team as regisseur.
    pub regie_in_team: u32,
    /// Open cases directed by an external professional (gezinsvoogd, partner).
    pub regie_extern: u32,
    /// Open cases where the household itself directs ("inwoner in regie").
    pub regie_huishouden: u32,
    /// Open cases with a regisseur id that is not a member of this team.
    pub regie_unknown_member: u32,
    pub without_regisseur: u32,
    pub by_complexity: ByComplexity,
    pub weighted: f32,
    pub capacity: f32,
    pub load_percent: Option<f32>,
    pub overdue_actions: u32,
    pub evaluations_due: u32,
}

/// The caseload of one team.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamCaseload {
    pub team: String,
    pub team_name: String,
    pub norm: CaseloadNorm,
    pub members: Vec<MemberLoad>,
    pub totals: Totals,
    pub without_regisseur: Vec<Unassigned>,
    /// The verdeellijst: aanmeldingen waiting for a regisseur, oldest first.
    pub verdeellijst: Vec<crate::domain::Wachtend>,
    /// Regie hand-overs agreed but not yet in force today.
    pub pending_handovers: Vec<PendingHandOver>,
}

/// A hand-over that is agreed but starts on a later date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PendingHandOver {
    pub case: String,
    /// The regisseur until then (a display name).
    pub until_then: Option<String>,
    /// The first day of the new regisseur.
    pub from: NaiveDate,
    /// The new regisseur (a display name).
    pub then: Option<String>,
}

/// Every hand-over of the team's open cases that is agreed but not in force on `on`, and
/// starts on or before `until` (all when `None`); soonest first. For the start screen
/// ("starts before the next meeting") and the caseload.
pub fn pending_handovers(
    team: &Team,
    cases: &[Case],
    on: NaiveDate,
    until: Option<NaiveDate>,
) -> Vec<PendingHandOver> {
    let mut out = Vec::new();
    for c in cases.iter().filter(|c| c.is_open()) {
        let mut before = c.regisseur_on(on);
        for h in c.pending_handovers(on) {
            let from = h.in_force_from();
            if until.is_some_and(|u| from > u) {
                break;
            }
            let label = |r: &Option<Regisseur>| {
                r.as_ref()
                    .map(|r| crate::casecard::regisseur_label(r, team))
            };
            out.push(PendingHandOver {
                case: c.code.clone(),
                until_then: label(&before),
                from,
                then: label(&h.to),
            });
            before = h.to.clone();
        }
    }
    out.sort_by(|a, b| a.from.cmp(&b.from).then(a.case.cmp(&b.case)));
    out
}

/// Order of the member list. None of these is a ranking: the order is for finding people.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortKey {
    /// Alphabetical by name.
    #[default]
    Name,
    /// Highest weighted load relative to norm first.
    Load,
    /// Most overdue actions first.
    Overdue,
}

/// What to compute and show.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub today: NaiveDate,
    pub sort: SortKey,
    /// Only members with this role.
    pub role: Option<Role>,
    /// Only members whose load is above the norm ([`LoadBand::BovenNorm`]).
    pub only_above_norm: bool,
}

impl Options {
    /// Defaults for a date: sorted by name, no filters.
    pub fn new(today: NaiveDate) -> Options {
        Options {
            today,
            sort: SortKey::Name,
            role: None,
            only_above_norm: false,
        }
    }
}

fn percent(weighted: f32, capacity: f32) -> Option<f32> {
    // A norm out of range (NaN, a negative weight, infinity) is reported by `check`; it must
    // not turn into a NaN or negative percentage here.
    let usable = capacity.is_finite() && capacity > 0.0 && weighted.is_finite() && weighted >= 0.0;
    usable.then(|| weighted / capacity * 100.0)
}

/// The caseload of one team. Totals always cover the whole team; filters only narrow the
/// member list.
pub fn team_caseload(td: &TeamData, opts: &Options) -> TeamCaseload {
    let ledger = ActionLedger::from_meetings(&td.meetings, None);
    caseload_of(&td.team, &td.cases, &ledger, opts)
}

/// The caseload of `team` with these cases and actions (see [`team_caseload`]; the facts of
/// [`facts::TeamFacts`] hold just these).
fn caseload_of(team: &Team, cases: &[Case], ledger: &ActionLedger, opts: &Options) -> TeamCaseload {
    let norm = &team.caseload_norm;
    let today = opts.today;
    let horizon = today + Duration::days(EVALUATION_HORIZON_DAYS);
    let open: Vec<&Case> = cases.iter().filter(|c| c.is_open()).collect();

    let mut totals = Totals::default();
    let mut without = Vec::new();
    // The regisseur in force today: a dated hand-over counts from its date.
    let in_force: Vec<Option<Regisseur>> = open.iter().map(|c| c.regisseur_on(today)).collect();
    let member_of = |i: usize| match &in_force[i] {
        Some(Regisseur::Lid(id)) => Some(id.as_str()),
        _ => None,
    };
    for (i, c) in open.iter().enumerate() {
        totals.open_cases += 1;
        match &in_force[i] {
            None => {
                totals.without_regisseur += 1;
                without.push(Unassigned {
                    case: c.code.clone(),
                    pseudonym: c.pseudonym.clone(),
                    complexity: c.complexity,
                    coach: c.coach.as_ref().map(|id| team.member_name(id).to_string()),
                    since: c
                        .regie_history
                        .last()
                        .filter(|h| h.to.is_none())
                        .map(|h| h.date),
                });
            }
            Some(Regisseur::Lid(id)) if team.member(id).is_some() => totals.regie_in_team += 1,
            Some(Regisseur::Lid(_)) => totals.regie_unknown_member += 1,
            Some(Regisseur::Extern(_)) => totals.regie_extern += 1,
            Some(Regisseur::Huishouden) => totals.regie_huishouden += 1,
        }
    }

    let mut members: Vec<MemberLoad> = team
        .members
        .iter()
        .filter_map(|m| {
            let mine: Vec<&&Case> = open
                .iter()
                .enumerate()
                .filter(|(i, _)| member_of(*i) == Some(m.id.as_str()))
                .map(|(_, c)| c)
                .collect();
            let active = m.is_active_on(today);
            if !active && mine.is_empty() {
                // Left or on leave, with nothing left: not part of today's team.
                return None;
            }
            let mut by = ByComplexity::default();
            mine.iter().for_each(|c| by.add(c.complexity));
            let weighted = by.weighted(norm);
            let holder = m.roles.iter().any(|r| r.holds_cases()) || !mine.is_empty();
            let capacity = if holder && active {
                norm.cases_per_fte * m.fte
            } else {
                0.0
            };
            let load_percent = percent(weighted, capacity);
            let band = if !active {
                LoadBand::NietInTeam
            } else if holder {
                LoadBand::of(load_percent)
            } else {
                LoadBand::GeenCasushouder
            };
            let mut evaluations_due: Vec<EvaluationDue> = mine
                .iter()
                .filter_map(|c| {
                    let d = c.next_evaluation?;
                    (d <= horizon).then(|| EvaluationDue {
                        case: c.code.clone(),
                        date: d,
                        overdue: d < today,
                    })
                })
                .collect();
            evaluations_due.sort_by(|a, b| a.date.cmp(&b.date).then(a.case.cmp(&b.case)));
            let overdue_actions: Vec<OverdueAction> = ledger
                .overdue(today)
                .filter(|a| a.item.owner == m.id)
                .map(|a| OverdueAction {
                    number: a.item.number.clone(),
                    text: a.item.text.clone(),
                    due: a.due,
                    case: a.item.case.clone(),
                    postponed: a.postponed,
                })
                .collect();
            Some(MemberLoad {
                active,
                id: m.id.clone(),
                name: m.name.clone(),
                roles: m.roles.clone(),
                fte: m.fte,
                regie_cases: mine.iter().map(|c| c.code.clone()).collect(),
                by_complexity: by,
                weighted,
                capacity,
                load_percent,
                band,
                overdue_actions,
                evaluations_due,
            })
        })
        .collect();

    for m in &members {
        totals.by_complexity.licht += m.by_complexity.licht;
        totals.by_complexity.midden += m.by_complexity.midden;
        totals.by_complexity.zwaar += m.by_complexity.zwaar;
        totals.weighted += m.weighted;
        // Only case holders add capacity: a manager's FTE is not room for households.
        totals.capacity += m.capacity;
        totals.overdue_actions += m.overdue_actions.len() as u32;
        totals.evaluations_due += m.evaluations_due.len() as u32;
    }
    totals.load_percent = percent(totals.weighted, totals.capacity);

    members.retain(|m| {
        opts.role.is_none_or(|r| m.roles.contains(&r))
            && (!opts.only_above_norm || m.band == LoadBand::BovenNorm)
    });
    sort_members(&mut members, opts.sort);

    TeamCaseload {
        team: team.id.clone(),
        team_name: team.name.clone(),
        norm: norm.clone(),
        members,
        totals,
        without_regisseur: without,
        verdeellijst: crate::domain::verdeellijst(cases, today),
        pending_handovers: pending_handovers(team, cases, today, None),
    }
}

fn sort_members(members: &mut [MemberLoad], key: SortKey) {
    let by_name = |a: &MemberLoad, b: &MemberLoad| a.name.cmp(&b.name).then(a.id.cmp(&b.id));
    match key {
        SortKey::Name => members.sort_by(by_name),
        SortKey::Load => members.sort_by(|a, b| {
            let pa = a.load_percent.unwrap_or(f32::NEG_INFINITY);
            let pb = b.load_percent.unwrap_or(f32::NEG_INFINITY);
            pb.total_cmp(&pa).then_with(|| by_name(a, b))
        }),
        SortKey::Overdue => members.sort_by(|a, b| {
            b.overdue_actions
                .len()
                .cmp(&a.overdue_actions.len())
                .then_with(|| by_name(a, b))
        }),
    }
}

/// The caseload of every team (or of the team with id `team`), teams in parallel.
pub fn caseload(ws: &Workspace, team: Option<&str>, opts: &Options) -> Vec<TeamCaseload> {
    ws.teams
        .par_iter()
        .filter(|t| team.is_none_or(|id| t.team.id == id))
        .map(|t| team_caseload(t, opts))
        .collect()
}
