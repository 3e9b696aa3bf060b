//! Signals that a case asks for the team's attention: no regisseur, an overdue evaluation, a
//! provision or court measure ending soon, not discussed for months, carried over from the
//! last meeting. Used by the start screen (cases to bring in) and by caseload lookups.

use std::collections::HashMap;

use chrono::{Months, NaiveDate};

use super::case::{Case, Kader};
use super::meeting::{ItemKind, Meeting, MeetingState};
use super::workspace::TeamData;

/// Why a case asks for discussion.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Signal {
    /// Nobody directs the household's plan.
    NoRegisseur,
    /// A safety concern is flagged.
    SafetyFlag,
    /// A court measure ends on this date (the GI must warn ≥ 4 weeks ahead).
    MeasureEnding(NaiveDate),
    /// The evaluation date has passed.
    EvaluationOverdue(NaiveDate),
    /// A provision (by name) lapses on this date.
    ProvisionEnding(String, NaiveDate),
    /// On the agenda of the last meeting but not finished there.
    CarriedOver(NaiveDate),
    /// More than one current support plan ("1 gezin, 1 plan").
    TwoPlans,
    /// Last discussed on this date, longer ago than the threshold (`None` is kept for
    /// callers that want to mark cases never discussed; [`case_signals`] does not produce it).
    NotDiscussedSince(Option<NaiveDate>),
}

/// Thresholds for signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignalSettings {
    /// Provisions and measures ending within this many days are signalled.
    pub horizon_days: i64,
    /// Open cases not discussed for this many months are signalled.
    pub not_discussed_months: u32,
}

impl Default for SignalSettings {
    fn default() -> Self {
        SignalSettings {
            horizon_days: 28,
            not_discussed_months: 3,
        }
    }
}

/// One case with the reasons it asks for discussion.
#[derive(Debug, Clone, PartialEq)]
pub struct Attention<'a> {
    pub case: &'a Case,
    pub signals: Vec<Signal>,
}

/// Date each case was last discussed in a meeting that has taken place (opened or closed).
pub fn last_discussed(meetings: &[Meeting]) -> HashMap<&str, NaiveDate> {
    let mut map: HashMap<&str, NaiveDate> = HashMap::new();
    for m in meetings.iter().filter(|m| m.state.held()) {
        for d in m.case_discussions() {
            let e = map.entry(d.case.as_str()).or_insert(m.date);
            *e = (*e).max(m.date);
        }
    }
    map
}

/// Case codes left unfinished on the agenda of the last closed meeting, with its date.
pub fn carried_over(meetings: &[Meeting]) -> HashMap<&str, NaiveDate> {
    let last = meetings
        .iter()
        .filter(|m| m.state == MeetingState::Gesloten)
        .max_by_key(|m| m.date);
    let mut map = HashMap::new();
    if let Some(m) = last {
        for item in m.agenda.iter().filter(|i| !i.done) {
            if let ItemKind::Casus(d) = &item.kind {
                map.insert(d.case.as_str(), m.date);
            }
        }
    }
    map
}

/// The signals of one open case on `today`; empty for closed cases.
pub fn case_signals(
    case: &Case,
    last: Option<NaiveDate>,
    carried: Option<NaiveDate>,
    today: NaiveDate,
    settings: SignalSettings,
) -> Vec<Signal> {
    let mut out = Vec::new();
    if !case.is_open() {
        return out;
    }
    let horizon = today + chrono::Duration::days(settings.horizon_days);
    if case.regisseur.is_none() {
        out.push(Signal::NoRegisseur);
    }
    if case.safety_flag {
        out.push(Signal::SafetyFlag);
    }
    if let Kader::Gedwongen(m) = &case.kader
        && m.end >= today
        && m.end <= horizon
    {
        out.push(Signal::MeasureEnding(m.end));
    }
    if let Some(ev) = case.next_evaluation
        && ev < today
    {
        out.push(Signal::EvaluationOverdue(ev));
    }
    for v in &case.voorzieningen {
        if let Some(end) = v.end
            && end >= today
            && end <= horizon
        {
            out.push(Signal::ProvisionEnding(v.name.clone(), end));
        }
    }
    if let Some(d) = carried {
        out.push(Signal::CarriedOver(d));
    }
    if case.current_plans().count() > 1 {
        out.push(Signal::TwoPlans);
    }
    let threshold = today
        .checked_sub_months(Months::new(settings.not_discussed_months))
        .unwrap_or(today);
    // Most households never need the team; only a case the team discussed before and then
    // lost sight of is signalled, or it would drown the list.
    if let Some(d) = last
        && d < threshold
    {
        out.push(Signal::NotDiscussedSince(Some(d)));
    }
    out
}

/// Open cases of a team that ask for discussion, most urgent first (by their first signal,
/// then by code).
pub fn cases_needing_discussion(
    team: &TeamData,
    today: NaiveDate,
    settings: SignalSettings,
) -> Vec<Attention<'_>> {
    let last = last_discussed(&team.meetings);
    let carried = carried_over(&team.meetings);
    let mut out: Vec<Attention<'_>> = team
        .cases
        .iter()
        .filter_map(|c| {
            let signals = case_signals(
                c,
                last.get(c.code.as_str()).copied(),
                carried.get(c.code.as_str()).copied(),
                today,
                settings,
            );
            (!signals.is_empty()).then_some(Attention { case: c, signals })
        })
        .collect();
    out.sort_by(|a, b| {
        a.signals[0]
            .rank()
            .cmp(&b.signals[0].rank())
            .then_with(|| a.case.code.cmp(&b.case.code))
    });
    out
}

impl Signal {
    /// Urgency order: lower is more urgent.
    pub fn rank(&self) -> u8 {
        match self {
            Signal::NoRegisseur => 0,
            Signal::SafetyFlag => 1,
            Signal::MeasureEnding(_) => 2,
            Signal::EvaluationOverdue(_) => 3,
            Signal::ProvisionEnding(..) => 4,
            Signal::CarriedOver(_) => 5,
            Signal::TwoPlans => 6,
            Signal::NotDiscussedSince(_) => 7,
        }
    }

    /// Short description for lists, in the given language.
    pub fn describe(&self, lang: crate::i18n::Lang) -> String {
        crate::i18n::signals::describe(self, lang)
    }
}
