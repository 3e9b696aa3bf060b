//! Correcting what was recorded: edit or remove one advice, decision or action of an item,
//! clear a regie outcome, and change the next meeting date.
//!
//! Numbers are for life. An edited decision or action keeps its number; a removed one leaves a
//! gap (removing 2026-005 leaves 2026-004 and 2026-006): its number goes to
//! `Meeting::withdrawn_numbers`, and `next_decision_number` / `next_action_number` count it as
//! used, so it is never given to another decision or action — not in this meeting, nor later.
//! Renumbering would break every reference in earlier minutes and mails.

use chrono::NaiveDate;

use super::SessionError;
use super::discussion::{DecisionDraft, discussion_mut, item_mut};
use crate::domain::{ActionItem, Advice, Decision, Meeting, MemberId};

/// Replaces advice `entry` of case item `index`.
pub fn edit_advice(
    meeting: &mut Meeting,
    index: usize,
    entry: usize,
    by: &str,
    text: &str,
) -> Result<(), SessionError> {
    let a = discussion_mut(meeting, index)?
        .advice
        .get_mut(entry)
        .ok_or(SessionError::NoSuchEntry(entry))?;
    a.by = by.into();
    a.text = text.trim().into();
    Ok(())
}

/// Removes advice `entry` of case item `index`; returns it.
pub fn remove_advice(
    meeting: &mut Meeting,
    index: usize,
    entry: usize,
) -> Result<Advice, SessionError> {
    let d = discussion_mut(meeting, index)?;
    if entry >= d.advice.len() {
        return Err(SessionError::NoSuchEntry(entry));
    }
    Ok(d.advice.remove(entry))
}

/// Replaces the content of decision `entry` of item `index`; its number stays. The form edits
/// one dissent; any further dissents recorded earlier are kept after it.
pub fn edit_decision(
    meeting: &mut Meeting,
    index: usize,
    entry: usize,
    draft: DecisionDraft,
) -> Result<(), SessionError> {
    let d = item_mut(meeting, index)?
        .decisions
        .get_mut(entry)
        .ok_or(SessionError::NoSuchEntry(entry))?;
    let number = std::mem::take(&mut d.number);
    let further: Vec<_> = d.dissent.drain(..).skip(1).collect();
    *d = draft.into_decision(number);
    d.dissent.extend(further);
    Ok(())
}

/// Removes decision `entry` of item `index`; its number is withdrawn, never given again (a gap
/// in the besluitenlijst). Returns the removed decision.
pub fn remove_decision(
    meeting: &mut Meeting,
    index: usize,
    entry: usize,
) -> Result<Decision, SessionError> {
    let item = item_mut(meeting, index)?;
    if entry >= item.decisions.len() {
        return Err(SessionError::NoSuchEntry(entry));
    }
    let removed = item.decisions.remove(entry);
    meeting.withdrawn_numbers.push(removed.number.clone());
    Ok(removed)
}

/// Replaces what, who and when of action `entry` of item `index`; its number, case and status
/// stay.
pub fn edit_action(
    meeting: &mut Meeting,
    index: usize,
    entry: usize,
    text: &str,
    owner: MemberId,
    due: NaiveDate,
) -> Result<(), SessionError> {
    let a = item_mut(meeting, index)?
        .actions
        .get_mut(entry)
        .ok_or(SessionError::NoSuchEntry(entry))?;
    a.text = text.trim().into();
    a.owner = owner;
    a.due = due;
    Ok(())
}

/// Removes action `entry` of item `index`; its number is withdrawn, never given again (a gap in
/// the actielijst). Returns the removed action.
pub fn remove_action(
    meeting: &mut Meeting,
    index: usize,
    entry: usize,
) -> Result<ActionItem, SessionError> {
    let item = item_mut(meeting, index)?;
    if entry >= item.actions.len() {
        return Err(SessionError::NoSuchEntry(entry));
    }
    let removed = item.actions.remove(entry);
    meeting.withdrawn_numbers.push(removed.number.clone());
    Ok(removed)
}

/// Forgets the regie outcome of case item `index` (nothing agreed about regie after all).
pub fn clear_regie(meeting: &mut Meeting, index: usize) -> Result<(), SessionError> {
    discussion_mut(meeting, index)?.regie = None;
    Ok(())
}

/// Sets the date of the next meeting, which must come after this one.
pub fn set_next_meeting(meeting: &mut Meeting, date: NaiveDate) -> Result<(), SessionError> {
    if date <= meeting.date {
        return Err(SessionError::NextMeetingTooEarly(date));
    }
    meeting.next_meeting = Some(date);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::agenda::{add_case, new_meeting};
    use super::super::discussion::{add_action, add_advice, add_decision, set_regie};
    use super::super::fixture::*;
    use super::*;
    use crate::domain::{Consultation, RegieOutcome, Regisseur, next_decision_number};

    fn meetings() -> Vec<Meeting> {
        let mut m = new_meeting(&team(), d(2026, 3, 17), None);
        add_case(
            &mut m,
            "2026-0001",
            "Fam. Ë.",
            "sbakker".into(),
            "Wie?".into(),
            15,
        )
        .expect("add");
        vec![m]
    }

    fn draft(text: &str) -> DecisionDraft {
        DecisionDraft {
            text: text.into(),
            decided_by: "sbakker".into(),
            ..DecisionDraft::default()
        }
    }

    #[test]
    fn advice_is_edited_and_removed_by_position() {
        let mut ms = meetings();
        add_advice(&mut ms[0], 3, "jdevries", "Betrek oma").expect("a");
        add_advice(&mut ms[0], 3, "aozdemir", "Bel school").expect("a");
        edit_advice(&mut ms[0], 3, 0, "sbakker", " Betrek opa ").expect("edit");
        let removed = remove_advice(&mut ms[0], 3, 1).expect("remove");
        assert_eq!(removed.text, "Bel school");
        let d = discussion_mut(&mut ms[0], 3).expect("case");
        assert_eq!(d.advice.len(), 1);
        assert_eq!(d.advice[0].by, "sbakker");
        assert_eq!(d.advice[0].text, "Betrek opa");
        assert_eq!(
            remove_advice(&mut ms[0], 3, 5),
            Err(SessionError::NoSuchEntry(5))
        );
        assert_eq!(
            edit_advice(&mut ms[0], 0, 0, "x", "y"),
            Err(SessionError::NotACase(0))
        );
    }

    #[test]
    fn an_edited_decision_keeps_its_number() {
        let mut ms = meetings();
        add_decision(&mut ms, 0, 3, draft("Eerst")).expect("d");
        add_decision(&mut ms, 0, 3, draft("Tweede")).expect("d");
        let mut new = draft(" Indicatie ambulante hulp ");
        new.consultation = Some(Consultation::VierOgen);
        new.dissent = Some(("jdevries".into(), "te vroeg".into()));
        edit_decision(&mut ms[0], 3, 0, new).expect("edit");
        let dec = &ms[0].agenda[3].decisions[0];
        assert_eq!(dec.number, "2026-001");
        assert_eq!(dec.text, "Indicatie ambulante hulp");
        assert_eq!(dec.consultation, Some(Consultation::VierOgen));
        assert_eq!(dec.dissent[0].note, "te vroeg");
        assert_eq!(ms[0].agenda[3].decisions[1].number, "2026-002");
    }

    #[test]
    fn a_removed_number_is_never_given_again() {
        let mut ms = meetings();
        for t in ["a", "b", "c"] {
            add_decision(&mut ms, 0, 3, draft(t)).expect("d");
        }
        // Remove the middle one: a gap, the others keep their numbers.
        remove_decision(&mut ms[0], 3, 1).expect("remove");
        let nums: Vec<_> = ms[0].decisions().map(|d| d.number.clone()).collect();
        assert_eq!(nums, ["2026-001", "2026-003"]);
        // Remove the last one: its number is not reused either.
        remove_decision(&mut ms[0], 3, 1).expect("remove");
        assert_eq!(next_decision_number(&ms, 2026), "2026-004");
        let n = add_decision(&mut ms, 0, 3, draft("d")).expect("d");
        assert_eq!(n, "2026-004");
        assert_eq!(ms[0].withdrawn_numbers, ["2026-002", "2026-003"]);

        // Actions: the same rule, and a withdrawn decision number does not count for them.
        let a1 = add_action(&mut ms, 0, 3, "Bel", "sbakker".into(), d(2026, 3, 31)).expect("a");
        assert_eq!(a1, "A2026-001");
        let gone = remove_action(&mut ms[0], 3, 0).expect("remove");
        assert_eq!(gone.number, "A2026-001");
        let a2 = add_action(&mut ms, 0, 3, "Mail", "sbakker".into(), d(2026, 3, 31)).expect("a");
        assert_eq!(a2, "A2026-002");
        assert_eq!(
            remove_action(&mut ms[0], 3, 4),
            Err(SessionError::NoSuchEntry(4))
        );
    }

    #[test]
    fn an_edited_action_keeps_number_and_case() {
        let mut ms = meetings();
        add_action(&mut ms, 0, 3, "Bel", "sbakker".into(), d(2026, 3, 31)).expect("a");
        edit_action(
            &mut ms[0],
            3,
            0,
            " Bel GI ",
            "jdevries".into(),
            d(2026, 4, 7),
        )
        .expect("e");
        let a = &ms[0].agenda[3].actions[0];
        assert_eq!(a.number, "A2026-001");
        assert_eq!(a.text, "Bel GI");
        assert_eq!(a.owner, "jdevries");
        assert_eq!(a.due, d(2026, 4, 7));
        assert_eq!(a.case.as_deref(), Some("2026-0001"));
    }

    #[test]
    fn regie_can_be_cleared_and_the_next_meeting_moved() {
        let mut ms = meetings();
        let c = case("2026-0001", Some("sbakker"));
        let keep = RegieOutcome::Behouden(Regisseur::Lid("sbakker".into()));
        set_regie(&mut ms[0], 3, &team(), &c, keep).expect("regie");
        clear_regie(&mut ms[0], 3).expect("clear");
        assert_eq!(discussion_mut(&mut ms[0], 3).expect("case").regie, None);

        let m = &mut ms[0];
        assert_eq!(
            set_next_meeting(m, d(2026, 3, 17)),
            Err(SessionError::NextMeetingTooEarly(d(2026, 3, 17)))
        );
        assert_eq!(m.next_meeting, None);
        set_next_meeting(m, d(2026, 4, 2)).expect("next");
        assert_eq!(m.next_meeting, Some(d(2026, 4, 2)));
    }
}
