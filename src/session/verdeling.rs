//! The verdeling of new aanmeldingen in the meeting: "wie heeft er ruimte, en welke zou je
//! graag willen?" For each household on the verdeellijst, the members present with their room
//! (the caseload band), how their expertise meets the leefgebieden and whether they may take a
//! Jeugdwet case — in a suggested order that says why, never an automatic choice and never a
//! league table (no ranks, no scores). The team gives the household a regisseur, or parks it
//! ("blijft op de lijst", with why). Closing the meeting applies the outcomes (see
//! `close::apply_verdeling`).

use chrono::NaiveDate;

use super::SessionError;
use super::discussion::item_mut;
use super::warnings::{Warning, assignment_warnings};
use crate::caseload::{LoadBand, Options, team_caseload};
use crate::domain::{
    Case, Complexity, ExpertiseMatch, ItemKind, Law, Leefgebied, Meeting, MemberId, Presence,
    TeamData, VerdelingOutcome, VerdelingResult, Wachtend, expertise_matches, verdeellijst,
};

/// One part of why a member is suggested (or further down).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Room, around the norm, above it.
    Band(LoadBand),
    /// Knows this field (the member's own words).
    Knows(String),
    /// May not take a Jeugdwet case.
    NoYouthAuthority,
    /// Not at the meeting.
    Absent,
    /// Already given this many households in this meeting.
    AlreadyGiven(u32),
}

/// One member as a possible regisseur for a household.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub member: MemberId,
    pub name: String,
    /// Room today, counting the households already given in this meeting.
    pub band: LoadBand,
    pub matches: Vec<ExpertiseMatch>,
    /// May take this household (false: a Jeugdwet case and no youth authority).
    pub youth_ok: bool,
    /// Why the member stands where they stand: "ruimte, kent schulden".
    pub reasons: Vec<Reason>,
}

/// Room of the team's case holders today: weighted load and capacity per member.
#[derive(Debug, Clone, PartialEq)]
pub struct Room {
    members: Vec<(MemberId, String, f32, f32)>,
    weights: [f32; 3],
}

impl Room {
    /// The room of every active case holder of the team on `today`.
    pub fn of(td: &TeamData, today: NaiveDate) -> Room {
        let load = team_caseload(td, &Options::new(today));
        let n = &td.team.caseload_norm;
        Room {
            members: load
                .members
                .iter()
                .filter(|m| m.active && m.band != LoadBand::GeenCasushouder)
                .map(|m| (m.id.clone(), m.name.clone(), m.weighted, m.capacity))
                .collect(),
            weights: [n.weight_licht, n.weight_midden, n.weight_zwaar],
        }
    }

    /// The band of `member` with `extra` weight added.
    pub fn band(&self, member: &str, extra: f32) -> Option<LoadBand> {
        self.members
            .iter()
            .find(|m| m.0 == member)
            .map(|(_, _, w, c)| LoadBand::of((*c > 0.0).then(|| (w + extra) / c * 100.0)))
    }

    /// The weight of a household of complexity `c`.
    pub fn weight(&self, c: Complexity) -> f32 {
        match c {
            Complexity::Licht => self.weights[0],
            Complexity::Midden => self.weights[1],
            Complexity::Zwaar => self.weights[2],
        }
    }

    /// Load fraction of `member` with `extra` weight (for ordering within a band).
    fn fraction(&self, member: &str, extra: f32) -> f32 {
        self.members
            .iter()
            .find(|m| m.0 == member)
            .map_or(f32::INFINITY, |(_, _, w, c)| {
                if *c > 0.0 {
                    (w + extra) / c
                } else {
                    f32::INFINITY
                }
            })
    }
}

/// The candidates for a household with `laws` and `leefgebieden`, in suggested order: those
/// who may take it first, then more room, then more matching expertise, then by name. Only
/// active case holders; members not present at `meeting`, and those who leave or go on leave
/// before the meeting after it, are left out. `extra` is weight
/// already given to a member in this meeting (member id → weight).
pub fn candidates(
    td: &TeamData,
    room: &Room,
    meeting: Option<&Meeting>,
    laws: &[Law],
    leefgebieden: &[Leefgebied],
    extra: &[(MemberId, f32, u32)],
) -> Vec<Candidate> {
    let youth = laws.contains(&Law::Jeugdwet);
    let mut out: Vec<(Candidate, f32)> = room
        .members
        .iter()
        .filter(|(id, ..)| {
            meeting.is_none_or(|m| m.presence(id).is_none_or(|p| p == Presence::Aanwezig))
        })
        .filter_map(|(id, name, ..)| {
            let member = td.team.member(id)?;
            // Who leaves or goes on leave before the next meeting takes no new household.
            if meeting.is_some_and(|m| member.leaves_by(m.date, td.team.rhythm.next_after(m.date)))
            {
                return None;
            }
            let (w, given) = extra
                .iter()
                .find(|e| &e.0 == id)
                .map_or((0.0, 0), |e| (e.1, e.2));
            let band = room.band(id, w).unwrap_or(LoadBand::Onbekend);
            let matches = expertise_matches(member, leefgebieden);
            let youth_ok = !youth || member.youth_authority;
            let mut reasons = vec![Reason::Band(band)];
            reasons.extend(matches.iter().map(|m| Reason::Knows(m.phrase.clone())));
            if given > 0 {
                reasons.push(Reason::AlreadyGiven(given));
            }
            if !youth_ok {
                reasons.push(Reason::NoYouthAuthority);
            }
            Some((
                Candidate {
                    member: id.clone(),
                    name: name.clone(),
                    band,
                    matches,
                    youth_ok,
                    reasons,
                },
                room.fraction(id, w),
            ))
        })
        .collect();
    out.sort_by(|(a, fa), (b, fb)| {
        b.youth_ok
            .cmp(&a.youth_ok)
            .then(a.band.cmp(&b.band))
            .then(b.matches.len().cmp(&a.matches.len()))
            .then(fa.total_cmp(fb))
            .then(a.name.cmp(&b.name))
    });
    out.into_iter().map(|(c, _)| c).collect()
}

/// One household on the verdeellijst as the verdeling item shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct VerdelingRow {
    pub wachtend: Wachtend,
    pub candidates: Vec<Candidate>,
    /// What the meeting agreed so far, if anything.
    pub outcome: Option<VerdelingResult>,
}

/// Everything the verdeling item at `index` shows: the verdeellijst on the meeting day plus
/// the households this item already handled, each with candidates. Room counts the
/// households already given in this item.
pub fn verdeling_view(
    td: &TeamData,
    meeting: &Meeting,
    index: usize,
) -> Result<Vec<VerdelingRow>, SessionError> {
    let item = meeting
        .agenda
        .get(index)
        .ok_or(SessionError::NoSuchItem(index))?;
    if item.kind != ItemKind::Verdeling {
        return Err(SessionError::NotAVerdeling(index));
    }
    let on = meeting.date;
    let room = Room::of(td, on);
    let extra = given_weights(td, &room, &item.verdeling);
    let mut list = verdeellijst(&td.cases, on);
    for o in &item.verdeling {
        // Already applied by a close (then reopened): still show it.
        if !list.iter().any(|w| w.code == o.case)
            && let Some(c) = td.case(&o.case)
        {
            list.extend(verdeellijst(&[aanmelding_view(c)], on));
        }
    }
    Ok(list
        .into_iter()
        .map(|w| {
            let outcome = item
                .verdeling
                .iter()
                .find(|o| o.case == w.code)
                .map(|o| o.result.clone());
            let candidates = candidates(td, &room, Some(meeting), &w.laws, &w.leefgebieden, &extra);
            VerdelingRow {
                wachtend: w,
                candidates,
                outcome,
            }
        })
        .collect())
}

fn aanmelding_view(c: &Case) -> Case {
    let mut c = c.clone();
    c.status = crate::domain::CaseStatus::Aanmelding;
    c.regisseur = None;
    c.regie_history.clear();
    c
}

/// Weight and count already given per member in `outcomes`.
fn given_weights(
    td: &TeamData,
    room: &Room,
    outcomes: &[VerdelingOutcome],
) -> Vec<(MemberId, f32, u32)> {
    let mut out: Vec<(MemberId, f32, u32)> = Vec::new();
    for o in outcomes {
        let VerdelingResult::Toegewezen { to, .. } = &o.result else {
            continue;
        };
        // Once applied, the case already counts in the caseload.
        let Some(c) = td.case(&o.case).filter(|c| c.regisseur.is_none()) else {
            continue;
        };
        let w = room.weight(c.complexity);
        match out.iter_mut().find(|e| &e.0 == to) {
            Some(e) => {
                e.1 += w;
                e.2 += 1;
            }
            None => out.push((to.clone(), w, 1)),
        }
    }
    out
}

fn record(
    meeting: &mut Meeting,
    index: usize,
    outcome: VerdelingOutcome,
) -> Result<(), SessionError> {
    let item = item_mut(meeting, index)?;
    if item.kind != ItemKind::Verdeling {
        return Err(SessionError::NotAVerdeling(index));
    }
    match item.verdeling.iter_mut().find(|o| o.case == outcome.case) {
        Some(o) => *o = outcome,
        None => item.verdeling.push(outcome),
    }
    Ok(())
}

/// Gives the household `case` to `to` in the verdeling item at `index`. `why` is the spoken
/// reason (the suggestion's reasons, or what the team said); the regie history gets
/// "verdeling <date>: <why>". Returns the warnings in names (absent, above the norm, no youth
/// authority, not in the team). The case file changes when the meeting closes.
pub fn assign(
    meeting: &mut Meeting,
    index: usize,
    td: &TeamData,
    case: &Case,
    to: &str,
    why: &str,
    lang: crate::i18n::Lang,
) -> Result<Vec<Warning>, SessionError> {
    if td.team.member(to).is_none() {
        return Err(SessionError::UnknownMember(to.into()));
    }
    let room = Room::of(td, meeting.date);
    let item = meeting
        .agenda
        .get(index)
        .ok_or(SessionError::NoSuchItem(index))?;
    let extra = given_weights(td, &room, &item.verdeling);
    let w = extra.iter().find(|e| e.0 == to).map_or(0.0, |e| e.1);
    let band = room.band(to, w);
    let warnings = assignment_warnings(&td.team, Some(meeting), &case.laws, to, band, meeting.date);
    let reason = crate::i18n::week::verdeling_reason(meeting.date, why, lang);
    record(
        meeting,
        index,
        VerdelingOutcome {
            case: case.code.clone(),
            result: VerdelingResult::Toegewezen {
                to: to.into(),
                reason,
            },
        },
    )?;
    Ok(warnings)
}

/// Parks the household: it stays on the verdeellijst, with why.
pub fn park(
    meeting: &mut Meeting,
    index: usize,
    case: &str,
    reason: &str,
) -> Result<(), SessionError> {
    record(
        meeting,
        index,
        VerdelingOutcome {
            case: case.into(),
            result: VerdelingResult::BlijftOpLijst {
                reason: reason.trim().into(),
            },
        },
    )
}

/// Forgets what the item agreed for `case`; `true` when there was something.
pub fn undo_verdeling(
    meeting: &mut Meeting,
    index: usize,
    case: &str,
) -> Result<bool, SessionError> {
    let item = item_mut(meeting, index)?;
    let before = item.verdeling.len();
    item.verdeling.retain(|o| o.case != case);
    Ok(before != item.verdeling.len())
}

#[cfg(test)]
#[path = "verdeling_tests.rs"]
mod tests;
