//! The herverdeling when members leave or go on long leave: one organisational item lists
//! every household where a leaver holds regie or is coach, and every open action of theirs
//! from earlier meetings, each with a proposed new owner by room and expertise. The team
//! accepts a proposal, changes it, or accepts all; one reason covers the whole item. Closing
//! the meeting hands everything over (`close::apply_herverdeling`); the ledger gives the
//! actions their new owner from this meeting on.
//!
//! Built to be driven with few keys: one item covers any number of leavers; "accept all" is
//! one call.

use chrono::NaiveDate;

use super::SessionError;
use super::agenda::add_item;
use super::discussion::item_mut;
use super::review::actions_to_review;
use super::verdeling::{Room, candidates};
use super::warnings::{Warning, assignment_warnings};
use crate::domain::{
    ActionHandOver, Herverdeling, HouseholdHandOver, ItemKind, Law, Meeting, Member, MemberId,
    TeamData,
};

/// Members whose work must move before `until`: gone or on leave by then, seen from `on`.
pub fn leavers(td: &TeamData, on: NaiveDate, until: NaiveDate) -> Vec<&Member> {
    td.team
        .members
        .iter()
        .filter(|m| m.leaves_by(on, until))
        .collect()
}

/// The work of `leavers` on the meeting's day, each with a proposal. Households: open cases
/// where a leaver holds regie (in force on the meeting day) or is coach. Actions: open actions
/// of a leaver from earlier meetings (as the ledger stands before this meeting). Proposals go
/// to active case holders present at the meeting who are not leaving: who may take the case
/// (youth authority), then most room — counting what was proposed before in the same list —
/// then matching expertise. An action about a handed-over household goes with the household.
pub fn plan_herverdeling(td: &TeamData, meeting: &Meeting, leavers: &[MemberId]) -> Herverdeling {
    let on = meeting.date;
    let room = Room::of(td, on);
    let mut given: Vec<(MemberId, f32, u32)> = Vec::new();
    let mut households = Vec::new();
    for c in td.cases.iter().filter(|c| c.is_open()) {
        let regie = c.regisseur_member_on(on);
        let Some(from) = leavers.iter().find(|l| {
            regie.as_deref() == Some(l.as_str()) || c.coach.as_deref() == Some(l.as_str())
        }) else {
            continue;
        };
        let proposed = candidates(td, &room, Some(meeting), &c.laws, &c.leefgebieden, &given)
            .into_iter()
            .find(|k| k.youth_ok && !leavers.contains(&k.member))
            .map(|k| k.member);
        if let Some(p) = &proposed {
            let w = room.weight(c.complexity);
            match given.iter_mut().find(|g| &g.0 == p) {
                Some(g) => {
                    g.1 += w;
                    g.2 += 1;
                }
                None => given.push((p.clone(), w, 1)),
            }
        }
        households.push(HouseholdHandOver {
            case: c.code.clone(),
            from: from.clone(),
            regie: regie.as_deref() == Some(from.as_str()),
            coach: c.coach.as_deref() == Some(from.as_str()),
            proposed,
            to: None,
        });
    }
    let mut actions = Vec::new();
    for a in actions_to_review(&td.meetings, on) {
        if !leavers.contains(&a.item.owner) {
            continue;
        }
        let with_case = a.item.case.as_ref().and_then(|code| {
            households
                .iter()
                .find(|h| &h.case == code)
                .and_then(|h| h.proposed.clone())
        });
        let proposed = with_case.or_else(|| {
            candidates(td, &room, Some(meeting), &[], &[], &given)
                .into_iter()
                .find(|k| !leavers.contains(&k.member))
                .map(|k| k.member)
        });
        actions.push(ActionHandOver {
            action: a.item.number.clone(),
            from: a.item.owner.clone(),
            proposed,
            to: None,
        });
    }
    Herverdeling {
        leavers: leavers.to_vec(),
        reason: String::new(),
        households,
        actions,
    }
}

/// Adds a herverdeling item for `leavers` (an organisational item with the plan); returns its
/// index.
pub fn add_herverdeling_item(
    meeting: &mut Meeting,
    td: &TeamData,
    leavers: &[MemberId],
    lang: crate::i18n::Lang,
) -> Result<usize, SessionError> {
    if let Some(l) = leavers.iter().find(|l| td.team.member(l).is_none()) {
        return Err(SessionError::UnknownMember(l.clone()));
    }
    let plan = plan_herverdeling(td, meeting, leavers);
    let names: Vec<&str> = leavers.iter().map(|l| td.team.member_name(l)).collect();
    let title = crate::i18n::week::herverdeling_title(&names, lang);
    let index = add_item(meeting, ItemKind::Organisatorisch, &title, 10)?;
    item_mut(meeting, index)?.herverdeling = Some(plan);
    Ok(index)
}

/// Which line of a herverdeling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandOverRef {
    Household(usize),
    Action(usize),
}

fn herverdeling_mut(
    meeting: &mut Meeting,
    index: usize,
) -> Result<&mut Herverdeling, SessionError> {
    item_mut(meeting, index)?
        .herverdeling
        .as_mut()
        .ok_or(SessionError::NotAHerverdeling(index))
}

/// Gives line `which` to `to` (the picker); returns the warnings in names.
pub fn set_new_owner(
    meeting: &mut Meeting,
    index: usize,
    td: &TeamData,
    which: HandOverRef,
    to: &str,
) -> Result<Vec<Warning>, SessionError> {
    if td.team.member(to).is_none() {
        return Err(SessionError::UnknownMember(to.into()));
    }
    let on = meeting.date;
    let room = Room::of(td, on);
    let laws: Vec<Law> = match which {
        HandOverRef::Household(i) => {
            let h = herverdeling_mut(meeting, index)?;
            let line = h.households.get(i).ok_or(SessionError::NoSuchEntry(i))?;
            td.case(&line.case)
                .map(|c| c.laws.clone())
                .unwrap_or_default()
        }
        HandOverRef::Action(_) => vec![],
    };
    let warnings = assignment_warnings(&td.team, Some(meeting), &laws, to, room.band(to, 0.0), on);
    let h = herverdeling_mut(meeting, index)?;
    let slot = match which {
        HandOverRef::Household(i) => h.households.get_mut(i).map(|l| &mut l.to),
        HandOverRef::Action(i) => h.actions.get_mut(i).map(|l| &mut l.to),
    };
    let i = match which {
        HandOverRef::Household(i) | HandOverRef::Action(i) => i,
    };
    *slot.ok_or(SessionError::NoSuchEntry(i))? = Some(to.into());
    Ok(warnings)
}

/// Accepts the proposal of line `which`; returns the warnings in names.
pub fn accept_proposal(
    meeting: &mut Meeting,
    index: usize,
    td: &TeamData,
    which: HandOverRef,
) -> Result<Vec<Warning>, SessionError> {
    let h = herverdeling_mut(meeting, index)?;
    let proposed = match which {
        HandOverRef::Household(i) => h.households.get(i).map(|l| l.proposed.clone()),
        HandOverRef::Action(i) => h.actions.get(i).map(|l| l.proposed.clone()),
    };
    let i = match which {
        HandOverRef::Household(i) | HandOverRef::Action(i) => i,
    };
    match proposed.ok_or(SessionError::NoSuchEntry(i))? {
        Some(p) => set_new_owner(meeting, index, td, which, &p),
        None => Err(SessionError::NoProposal(i)),
    }
}

/// Accepts every proposal of lines still open; returns how many were accepted.
pub fn accept_all(meeting: &mut Meeting, index: usize) -> Result<usize, SessionError> {
    let h = herverdeling_mut(meeting, index)?;
    let mut n = 0;
    for l in h.households.iter_mut().filter(|l| l.to.is_none()) {
        if let Some(p) = &l.proposed {
            l.to = Some(p.clone());
            n += 1;
        }
    }
    for l in h.actions.iter_mut().filter(|l| l.to.is_none()) {
        if let Some(p) = &l.proposed {
            l.to = Some(p.clone());
            n += 1;
        }
    }
    Ok(n)
}

/// Undoes the choice on line `which` (the proposal stays).
pub fn clear_new_owner(
    meeting: &mut Meeting,
    index: usize,
    which: HandOverRef,
) -> Result<(), SessionError> {
    let h = herverdeling_mut(meeting, index)?;
    match which {
        HandOverRef::Household(i) => h.households.get_mut(i).map(|l| l.to = None),
        HandOverRef::Action(i) => h.actions.get_mut(i).map(|l| l.to = None),
    }
    .ok_or(SessionError::NoSuchEntry(match which {
        HandOverRef::Household(i) | HandOverRef::Action(i) => i,
    }))
}

/// The one reason for the whole item, e.g. "vertrek per 1 december".
pub fn set_herverdeling_reason(
    meeting: &mut Meeting,
    index: usize,
    reason: &str,
) -> Result<(), SessionError> {
    herverdeling_mut(meeting, index)?.reason = reason.trim().into();
    Ok(())
}

/// The warnings in names for every line's chosen owner (or, while open, its proposal): absent,
/// above the norm (counting what this item already gives them), no youth authority, not in
/// the team. Lines without warnings are left out.
pub fn line_warnings(
    td: &TeamData,
    meeting: &Meeting,
    index: usize,
) -> Result<Vec<(HandOverRef, Vec<Warning>)>, SessionError> {
    let h = meeting
        .agenda
        .get(index)
        .ok_or(SessionError::NoSuchItem(index))?
        .herverdeling
        .as_ref()
        .ok_or(SessionError::NotAHerverdeling(index))?;
    let on = meeting.date;
    let room = Room::of(td, on);
    let mut given: Vec<(MemberId, f32)> = Vec::new();
    let mut out = Vec::new();
    for (i, l) in h.households.iter().enumerate() {
        let Some(to) = l.to.as_ref().or(l.proposed.as_ref()) else {
            continue;
        };
        let case = td.case(&l.case);
        let w = case.map_or(0.0, |c| room.weight(c.complexity));
        let extra = match given.iter_mut().find(|g| &g.0 == to) {
            Some(g) => {
                g.1 += w;
                g.1
            }
            None => {
                given.push((to.clone(), w));
                w
            }
        };
        let laws = case.map(|c| c.laws.clone()).unwrap_or_default();
        let warnings =
            assignment_warnings(&td.team, Some(meeting), &laws, to, room.band(to, extra), on);
        if !warnings.is_empty() {
            out.push((HandOverRef::Household(i), warnings));
        }
    }
    for (i, l) in h.actions.iter().enumerate() {
        let Some(to) = l.to.as_ref().or(l.proposed.as_ref()) else {
            continue;
        };
        let warnings = assignment_warnings(&td.team, Some(meeting), &[], to, None, on);
        if !warnings.is_empty() {
            out.push((HandOverRef::Action(i), warnings));
        }
    }
    Ok(out)
}

/// Lines still without a new owner, as warnings in names.
pub fn herverdeling_warnings(td: &TeamData, h: &Herverdeling) -> Vec<Warning> {
    let from = |id: &str| td.team.member_name(id).to_string();
    h.households
        .iter()
        .filter(|l| l.to.is_none())
        .map(|l| Warning::NotHandedOver {
            what: l.case.clone(),
            from: from(&l.from),
        })
        .chain(
            h.actions
                .iter()
                .filter(|l| l.to.is_none())
                .map(|l| Warning::NotHandedOver {
                    what: l.action.clone(),
                    from: from(&l.from),
                }),
        )
        .collect()
}

#[cfg(test)]
#[path = "herverdeling_tests.rs"]
mod tests;
