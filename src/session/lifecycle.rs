//! Changing a case's life from the case card or from within a meeting: status steps, closing
//! with an afsluitreden and reopening, the safety flag, the coach, the next evaluation, a
//! provision's end date, and a regie hand-over that may start on a later date. Every function
//! returns the changed `Case` to save at once; each change is one `CaseEvent` in the case's
//! history with the meeting it was made in. From a meeting, the change is also recorded on the
//! item, so the minutes show it.

use chrono::NaiveDate;

use super::SessionError;
use super::discussion::item_mut;
use crate::domain::{
    Afsluitreden, Case, CaseChange, CaseChangeRecord, CaseEvent, CaseStatus, Meeting, MemberId,
    RegieChange, Regisseur, Team, TransitionError,
};

/// One change to a case.
#[derive(Debug, Clone, PartialEq)]
pub enum CaseEdit {
    /// A step in the life-cycle (see `CaseStatus::can_move_to`).
    Status(CaseStatus),
    /// Close with an afsluitreden.
    Close(Afsluitreden),
    /// Reopen a closed case in this status.
    Reopen(CaseStatus),
    /// The safety flag on or off.
    Safety(bool),
    /// Another coach, or none.
    Coach(Option<MemberId>),
    /// The next evaluation.
    NextEvaluation(Option<NaiveDate>),
    /// The end date of provision `index` in `Case::voorzieningen`.
    ProvisionEnd {
        index: usize,
        end: Option<NaiveDate>,
    },
}

/// Why a change was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CaseEditError {
    #[error("{0}")]
    Transition(#[from] TransitionError),
    #[error("this change needs a reason")]
    ReasonNeeded,
    #[error("no provision {0}")]
    NoSuchProvision(usize),
    #[error("unknown team member {0}")]
    UnknownMember(String),
    #[error("nothing changes")]
    Unchanged,
    #[error("the end date lies before the start")]
    EndBeforeStart,
}

/// Applies `edit` to a copy of `case`, on `date`, agreed in `meeting` (if any). Status
/// changes, closing, reopening and the safety flag need a reason.
pub fn edit_case(
    case: &Case,
    team: &Team,
    edit: &CaseEdit,
    reason: &str,
    date: NaiveDate,
    meeting: Option<NaiveDate>,
) -> Result<Case, CaseEditError> {
    let reason = reason.trim();
    let needs_reason = matches!(
        edit,
        CaseEdit::Status(_) | CaseEdit::Close(_) | CaseEdit::Reopen(_) | CaseEdit::Safety(_)
    );
    if needs_reason && reason.is_empty() {
        return Err(CaseEditError::ReasonNeeded);
    }
    let mut c = case.clone();
    let change = match edit {
        CaseEdit::Status(to) => {
            c.status.can_move_to(*to)?;
            let from = std::mem::replace(&mut c.status, *to);
            CaseChange::Status { from, to: *to }
        }
        CaseEdit::Close(reden) => {
            if !c.is_open() {
                return Err(TransitionError::Closed.into());
            }
            let from = std::mem::replace(&mut c.status, CaseStatus::Afgesloten);
            CaseChange::Afgesloten {
                from,
                reden: *reden,
            }
        }
        CaseEdit::Reopen(to) => {
            if c.is_open() {
                return Err(TransitionError::NotClosed.into());
            }
            if matches!(to, CaseStatus::Aanmelding | CaseStatus::Afgesloten) {
                return Err(TransitionError::ReopenTo(*to).into());
            }
            c.status = *to;
            CaseChange::Heropend { to: *to }
        }
        CaseEdit::Safety(on) => {
            if c.safety_flag == *on {
                return Err(CaseEditError::Unchanged);
            }
            c.safety_flag = *on;
            CaseChange::Veiligheid(*on)
        }
        CaseEdit::Coach(to) => {
            if let Some(id) = to
                && team.member(id).is_none()
            {
                return Err(CaseEditError::UnknownMember(id.clone()));
            }
            if c.coach == *to {
                return Err(CaseEditError::Unchanged);
            }
            let from = std::mem::replace(&mut c.coach, to.clone());
            CaseChange::Coach {
                from,
                to: to.clone(),
            }
        }
        CaseEdit::NextEvaluation(to) => {
            if c.next_evaluation == *to {
                return Err(CaseEditError::Unchanged);
            }
            let from = std::mem::replace(&mut c.next_evaluation, *to);
            CaseChange::Evaluatie { from, to: *to }
        }
        CaseEdit::ProvisionEnd { index, end } => {
            let v = c
                .voorzieningen
                .get_mut(*index)
                .ok_or(CaseEditError::NoSuchProvision(*index))?;
            if end.is_some_and(|e| e < v.start) {
                return Err(CaseEditError::EndBeforeStart);
            }
            if v.end == *end {
                return Err(CaseEditError::Unchanged);
            }
            let from = std::mem::replace(&mut v.end, *end);
            CaseChange::VoorzieningEinde {
                voorziening: v.name.clone(),
                from,
                to: *end,
            }
        }
    };
    c.history.push(CaseEvent {
        date,
        change,
        reason: reason.to_string(),
        meeting,
    });
    Ok(c)
}

/// Error of a change made in a meeting.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MeetingEditError {
    #[error(transparent)]
    Session(#[from] SessionError),
    #[error(transparent)]
    Edit(#[from] CaseEditError),
}

/// The same change made under agenda item `index` of a running meeting: the case changes
/// (save it at once) and the item records it for the minutes.
pub fn edit_case_in_meeting(
    meeting: &mut Meeting,
    index: usize,
    case: &Case,
    team: &Team,
    edit: &CaseEdit,
    reason: &str,
) -> Result<Case, MeetingEditError> {
    item_mut(meeting, index)?;
    let changed = edit_case(case, team, edit, reason, meeting.date, Some(meeting.date))?;
    if let Some(event) = changed.history.last() {
        item_mut(meeting, index)?
            .case_changes
            .push(CaseChangeRecord {
                case: case.code.clone(),
                event: event.clone(),
            });
    }
    Ok(changed)
}

/// Hands regie over outside a meeting (from the case card): recorded on `date`, in force from
/// `effective` when that is later (e.g. the day the OTS ends). `regisseur` changes only when
/// the hand-over is in force on `date`.
pub fn hand_over_regie(
    case: &Case,
    to: Option<Regisseur>,
    reason: &str,
    date: NaiveDate,
    effective: Option<NaiveDate>,
    meeting: Option<NaiveDate>,
) -> Result<Case, CaseEditError> {
    if reason.trim().is_empty() {
        return Err(CaseEditError::ReasonNeeded);
    }
    let mut c = case.clone();
    let effective = effective.filter(|e| *e > date);
    // The one before this hand-over: the last in force on the day it starts.
    let from = c.regisseur_on(effective.unwrap_or(date));
    if from == to {
        return Err(CaseEditError::Unchanged);
    }
    c.regie_history.push(RegieChange {
        date,
        from,
        to: to.clone(),
        reason: reason.trim().to_string(),
        meeting,
        effective,
    });
    if effective.is_none() {
        c.regisseur = to;
    }
    Ok(c)
}

#[cfg(test)]
#[path = "lifecycle_tests.rs"]
mod tests;
