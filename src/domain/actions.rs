//! The actielijst and besluitenlijst across meetings: the current state of every action, and
//! the next free numbers.
//!
//! An action is written once, in the meeting where it was agreed. Later meetings only add
//! `ActionReview`s; the current state is found by replaying those reviews in date order. Past
//! meeting files therefore never need to change.

use chrono::NaiveDate;

use super::meeting::{ActionItem, ActionStatus, Meeting, ReviewOutcome};
use super::team::MemberId;

/// An action as it stands after a number of meetings.
#[derive(Debug, Clone, PartialEq)]
pub struct ActionState {
    /// The action as agreed, except `item.owner`: that is the *current* actiehouder, after
    /// every hand-over in later meetings (the earlier ones are in `owner_history`).
    pub item: ActionItem,
    /// Date of the meeting where the action was agreed.
    pub agreed_in: NaiveDate,
    pub status: ActionStatus,
    /// Current due date (moved on by every postponement).
    pub due: NaiveDate,
    pub postponed: u32,
    /// Date of the meeting that last reviewed it.
    pub last_review: Option<NaiveDate>,
    /// Every change of actiehouder, oldest first.
    pub owner_history: Vec<OwnerChange>,
    /// Notes of the reviews (with the meeting date), oldest first.
    pub notes: Vec<(NaiveDate, String)>,
}

/// An action handed to another actiehouder in a later meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerChange {
    /// The meeting where it was agreed.
    pub meeting: NaiveDate,
    pub from: MemberId,
    pub to: MemberId,
}

impl ActionState {
    fn hand_over(&mut self, meeting: NaiveDate, to: &str) {
        if self.item.owner != to {
            self.owner_history.push(OwnerChange {
                meeting,
                from: std::mem::replace(&mut self.item.owner, to.to_string()),
                to: to.to_string(),
            });
        }
    }

    /// The actiehouder when the action was agreed.
    pub fn first_owner(&self) -> &str {
        self.owner_history
            .first()
            .map_or(self.item.owner.as_str(), |c| c.from.as_str())
    }

    /// Open and past its due date on `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.status == ActionStatus::Open && self.due < today
    }
}

/// All actions of one team, with reviews applied.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActionLedger {
    pub actions: Vec<ActionState>,
}

impl ActionLedger {
    /// Replays every meeting (in date order) up to and including `until`, or all when `None`.
    pub fn from_meetings<'a>(
        meetings: impl IntoIterator<Item = &'a Meeting>,
        until: Option<NaiveDate>,
    ) -> Self {
        let mut sorted: Vec<&Meeting> = meetings
            .into_iter()
            .filter(|m| until.is_none_or(|u| m.date <= u))
            .collect();
        sorted.sort_by_key(|m| m.date);
        let mut ledger = ActionLedger::default();
        for meeting in sorted {
            for review in &meeting.action_reviews {
                if let Some(state) = ledger.get_mut(&review.action) {
                    state.last_review = Some(meeting.date);
                    match review.outcome {
                        ReviewOutcome::Gedaan => state.status = ActionStatus::Gedaan,
                        ReviewOutcome::Vervallen => state.status = ActionStatus::Vervallen,
                        ReviewOutcome::Doorgeschoven(new_due) => {
                            state.status = ActionStatus::Open;
                            state.due = new_due;
                            state.postponed += 1;
                        }
                        ReviewOutcome::Genoteerd => {}
                    }
                    if !review.note.trim().is_empty() {
                        state
                            .notes
                            .push((meeting.date, review.note.trim().to_string()));
                    }
                    if let Some(to) = &review.new_owner {
                        state.hand_over(meeting.date, to);
                    }
                }
            }
            for h in meeting
                .agenda
                .iter()
                .filter_map(|i| i.herverdeling.as_ref())
            {
                for a in &h.actions {
                    if let (Some(to), Some(state)) = (&a.to, ledger.get_mut(&a.action)) {
                        state.hand_over(meeting.date, to);
                    }
                }
            }
            for item in meeting.actions() {
                ledger.actions.push(ActionState {
                    item: item.clone(),
                    agreed_in: meeting.date,
                    status: item.status,
                    due: item.due,
                    postponed: item.postponed,
                    last_review: None,
                    owner_history: vec![],
                    notes: vec![],
                });
            }
        }
        ledger
    }

    /// Looks up an action by number.
    pub fn get(&self, number: &str) -> Option<&ActionState> {
        self.actions.iter().find(|a| a.item.number == number)
    }

    fn get_mut(&mut self, number: &str) -> Option<&mut ActionState> {
        self.actions.iter_mut().find(|a| a.item.number == number)
    }

    /// Actions still open.
    pub fn open(&self) -> impl Iterator<Item = &ActionState> {
        self.actions
            .iter()
            .filter(|a| a.status == ActionStatus::Open)
    }

    /// Open actions past their due date.
    pub fn overdue(&self, today: NaiveDate) -> impl Iterator<Item = &ActionState> {
        self.actions.iter().filter(move |a| a.is_overdue(today))
    }
}

/// Highest serial used in numbers of the form `<prefix><year>-<serial>` for `year`.
fn max_serial<'a>(numbers: impl Iterator<Item = &'a str>, prefix: &str, year: i32) -> u32 {
    let head = format!("{prefix}{year}-");
    numbers
        .filter_map(|n| n.strip_prefix(&head))
        .filter_map(|s| s.parse::<u32>().ok())
        .max()
        .unwrap_or(0)
}

/// The withdrawn numbers of a meeting (decision and action numbers differ by their "A").
fn withdrawn(m: &Meeting) -> impl Iterator<Item = &str> {
    m.withdrawn_numbers.iter().map(String::as_str)
}

/// Next number for the besluitenlijst, e.g. "2026-032": continuous per team and year. A number
/// once given is never given again: withdrawn numbers (`Meeting::withdrawn_numbers`) count as
/// used, so removing the highest decision leaves a gap instead of a reused number.
pub fn next_decision_number<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    year: i32,
) -> String {
    let max = max_serial(
        meetings
            .into_iter()
            .flat_map(|m| m.decisions().map(|d| d.number.as_str()).chain(withdrawn(m))),
        "",
        year,
    );
    format!("{year}-{:03}", max + 1)
}

/// Next number for the actielijst, e.g. "A2026-015": continuous per team and year; withdrawn
/// numbers count as used, as for decisions.
pub fn next_action_number<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    year: i32,
) -> String {
    let max = max_serial(
        meetings
            .into_iter()
            .flat_map(|m| m.actions().map(|a| a.number.as_str()).chain(withdrawn(m))),
        "A",
        year,
    );
    format!("A{year}-{:03}", max + 1)
}
