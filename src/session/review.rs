//! The review of open actions from earlier meetings: gedaan, doorschuiven (with a new date;
//! the postpone count goes up through the ledger), vervallen.

use chrono::NaiveDate;

use super::SessionError;
use crate::domain::{ActionLedger, ActionReview, ActionState, Meeting, ReviewOutcome};

/// The actions open before the meeting on `date`: agreed in, and reviewed by, earlier
/// meetings only. These are the actions this meeting reviews.
pub fn actions_to_review(meetings: &[Meeting], date: NaiveDate) -> Vec<ActionState> {
    let earlier = meetings.iter().filter(|m| m.date < date);
    ActionLedger::from_meetings(earlier, None)
        .open()
        .cloned()
        .collect()
}

/// Records (or replaces) this meeting's review of one action from `open`.
pub fn review_action(
    meeting: &mut Meeting,
    open: &[ActionState],
    number: &str,
    outcome: ReviewOutcome,
) -> Result<(), SessionError> {
    if !open.iter().any(|a| a.item.number == number) {
        return Err(SessionError::NoSuchAction(number.into()));
    }
    match meeting
        .action_reviews
        .iter_mut()
        .find(|r| r.action == number)
    {
        Some(r) => r.outcome = outcome,
        None => meeting.action_reviews.push(ActionReview {
            action: number.into(),
            outcome,
            note: String::new(),
        }),
    }
    Ok(())
}

/// Removes this meeting's review of an action (it stays open, unreviewed).
pub fn undo_review(meeting: &mut Meeting, number: &str) -> bool {
    let before = meeting.action_reviews.len();
    meeting.action_reviews.retain(|r| r.action != number);
    before != meeting.action_reviews.len()
}

/// This meeting's review of an action, if any.
pub fn review_of<'a>(meeting: &'a Meeting, number: &str) -> Option<&'a ReviewOutcome> {
    meeting
        .action_reviews
        .iter()
        .find(|r| r.action == number)
        .map(|r| &r.outcome)
}

#[cfg(test)]
mod tests {
    use super::super::agenda::new_meeting;
    use super::super::fixture::*;
    use super::*;
    use crate::domain::{ActionItem, ActionStatus, MeetingState};

    fn with_action(date: NaiveDate, number: &str) -> Meeting {
        let mut m = new_meeting(&team(), date, None);
        m.state = MeetingState::Gesloten;
        m.agenda[2].actions.push(ActionItem {
            number: number.into(),
            text: "Bel de school".into(),
            owner: "sbakker".into(),
            due: date + chrono::Duration::days(14),
            case: None,
            status: ActionStatus::Open,
            postponed: 0,
        });
        m
    }

    #[test]
    fn postponing_moves_the_date_and_counts() {
        let earlier = with_action(d(2026, 3, 3), "A2026-001");
        let mut now = new_meeting(&team(), d(2026, 3, 17), None);
        let meetings = vec![earlier.clone(), now.clone()];
        let open = actions_to_review(&meetings, now.date);
        assert_eq!(open.len(), 1);
        review_action(
            &mut now,
            &open,
            "A2026-001",
            ReviewOutcome::Doorgeschoven(d(2026, 3, 31)),
        )
        .expect("review");
        let ledger = ActionLedger::from_meetings([&earlier, &now], None);
        let state = ledger.get("A2026-001").expect("action");
        assert_eq!(state.postponed, 1);
        assert_eq!(state.due, d(2026, 3, 31));
        assert_eq!(state.status, ActionStatus::Open);
    }

    #[test]
    fn a_second_review_replaces_the_first_and_can_be_undone() {
        let earlier = with_action(d(2026, 3, 3), "A2026-001");
        let mut now = new_meeting(&team(), d(2026, 3, 17), None);
        let open = actions_to_review(std::slice::from_ref(&earlier), now.date);
        review_action(&mut now, &open, "A2026-001", ReviewOutcome::Gedaan).expect("review");
        review_action(&mut now, &open, "A2026-001", ReviewOutcome::Vervallen).expect("review");
        assert_eq!(now.action_reviews.len(), 1);
        assert_eq!(
            review_of(&now, "A2026-001"),
            Some(&ReviewOutcome::Vervallen)
        );
        assert!(undo_review(&mut now, "A2026-001"));
        assert!(review_of(&now, "A2026-001").is_none());
        assert_eq!(
            review_action(&mut now, &open, "A2026-999", ReviewOutcome::Gedaan),
            Err(SessionError::NoSuchAction("A2026-999".into()))
        );
    }

    #[test]
    fn actions_of_the_meeting_itself_are_not_reviewed() {
        let now = with_action(d(2026, 3, 17), "A2026-002");
        let open = actions_to_review(std::slice::from_ref(&now), now.date);
        assert!(open.is_empty());
    }
}
