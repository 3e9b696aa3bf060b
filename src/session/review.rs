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
            new_owner: None,
        }),
    }
    Ok(())
}

/// Gives an open action from an earlier meeting a new actiehouder, from this meeting on. The
/// outcome recorded so far stays (none yet: "genoteerd", still open). Past meeting files are
/// not touched: the ledger replays this review.
pub fn reassign_action(
    meeting: &mut Meeting,
    open: &[ActionState],
    team: &crate::domain::Team,
    number: &str,
    to: &str,
) -> Result<(), SessionError> {
    if team.member(to).is_none() {
        return Err(SessionError::UnknownMember(to.into()));
    }
    let r = review_entry(meeting, open, number)?;
    r.new_owner = Some(to.into());
    Ok(())
}

/// Records a note on an open action; with `due`, the action is also postponed to that date
/// (doorgeschoven), else it stays open as it is ("genoteerd" when not reviewed otherwise).
pub fn note_action(
    meeting: &mut Meeting,
    open: &[ActionState],
    number: &str,
    note: &str,
    due: Option<NaiveDate>,
) -> Result<(), SessionError> {
    let r = review_entry(meeting, open, number)?;
    r.note = note.trim().into();
    if let Some(d) = due {
        r.outcome = ReviewOutcome::Doorgeschoven(d);
    }
    Ok(())
}

/// This meeting's review of `number`, made ("genoteerd") when there is none yet.
fn review_entry<'a>(
    meeting: &'a mut Meeting,
    open: &[ActionState],
    number: &str,
) -> Result<&'a mut ActionReview, SessionError> {
    if !open.iter().any(|a| a.item.number == number) {
        return Err(SessionError::NoSuchAction(number.into()));
    }
    let at = match meeting
        .action_reviews
        .iter()
        .position(|r| r.action == number)
    {
        Some(i) => i,
        None => {
            meeting.action_reviews.push(ActionReview {
                action: number.into(),
                outcome: ReviewOutcome::Genoteerd,
                note: String::new(),
                new_owner: None,
            });
            meeting.action_reviews.len() - 1
        }
    };
    Ok(&mut meeting.action_reviews[at])
}

/// This meeting's full review record of an action (outcome, note, new owner), if any.
pub fn review_record<'a>(meeting: &'a Meeting, number: &str) -> Option<&'a ActionReview> {
    meeting.action_reviews.iter().find(|r| r.action == number)
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
    fn a_review_reassigns_without_rewriting_the_earlier_meeting() {
        let earlier = with_action(d(2026, 3, 3), "A2026-001");
        let before = earlier.clone();
        let mut now = new_meeting(&team(), d(2026, 3, 17), None);
        let open = actions_to_review(std::slice::from_ref(&earlier), now.date);
        reassign_action(&mut now, &open, &team(), "A2026-001", "aozdemir").expect("reassign");
        assert_eq!(
            reassign_action(&mut now, &open, &team(), "A2026-001", "nobody"),
            Err(SessionError::UnknownMember("nobody".into()))
        );
        note_action(&mut now, &open, "A2026-001", " school belt terug ", None).expect("note");
        assert_eq!(
            review_of(&now, "A2026-001"),
            Some(&ReviewOutcome::Genoteerd)
        );
        let ledger = ActionLedger::from_meetings([&earlier, &now], None);
        let a = ledger.get("A2026-001").expect("action");
        assert_eq!(a.item.owner, "aozdemir", "the current owner");
        assert_eq!(a.first_owner(), "sbakker");
        assert_eq!(a.owner_history.len(), 1);
        assert_eq!(a.status, ActionStatus::Open);
        assert_eq!(a.postponed, 0, "a note alone is no postponement");
        assert_eq!(a.notes, [(d(2026, 3, 17), "school belt terug".to_string())]);
        // A new due date with a note; the new owner stays.
        note_action(
            &mut now,
            &open,
            "A2026-001",
            "na de vakantie",
            Some(d(2026, 4, 14)),
        )
        .expect("note");
        let ledger = ActionLedger::from_meetings([&earlier, &now], None);
        let a = ledger.get("A2026-001").expect("action");
        assert_eq!((a.due, a.postponed), (d(2026, 4, 14), 1));
        assert_eq!(a.item.owner, "aozdemir");
        assert_eq!(earlier, before, "the earlier meeting is never rewritten");
        // Before this meeting, the ledger still shows the first owner.
        let then = ActionLedger::from_meetings([&earlier, &now], Some(d(2026, 3, 16)));
        assert_eq!(
            then.get("A2026-001").map(|a| a.item.owner.as_str()),
            Some("sbakker")
        );
    }

    #[test]
    fn actions_of_the_meeting_itself_are_not_reviewed() {
        let now = with_action(d(2026, 3, 17), "A2026-002");
        let open = actions_to_review(std::slice::from_ref(&now), now.date);
        assert!(open.is_empty());
    }
}
