//! The meeting flow over the domain, without any terminal: prepare the agenda of the next
//! meeting, open it, review the open actions, record what is advised, decided and agreed per
//! item (and correct it), keep the item clock, and close (or reopen) the meeting.
//!
//! Every function works on plain domain values and returns typed errors; the TUI calls these
//! and saves what changed. See `agenda`, `open`, `review`, `discussion`, `edit` and `close`;
//! the team's week (issue 11) in `verdeling`, `herverdeling`, `lifecycle`, `team_edit`,
//! `facts` and `warnings`.

pub mod agenda;
pub mod close;
mod close_apply;
pub mod discussion;
pub mod edit;
pub mod facts;
pub mod herverdeling;
pub mod lifecycle;
pub mod open;
pub mod review;
pub mod team_edit;
pub mod verdeling;
pub mod warnings;

pub use agenda::*;
pub use close::*;
pub use discussion::*;
pub use edit::*;
pub use facts::{CaseFacts, ComingHandOver, case_facts};
pub use herverdeling::*;
pub use lifecycle::*;
pub use open::*;
pub use review::*;
pub use team_edit::*;
pub use verdeling::*;
pub use warnings::{Warning, assignment_warnings, regie_warnings_for};

use crate::domain::MeetingState;

/// What can go wrong when the flow is used out of order or with a stale index.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    #[error("the meeting is {0:?}; this step needs another state")]
    WrongState(MeetingState),
    #[error("there is no agenda item {0}")]
    NoSuchItem(usize),
    #[error("agenda item {0} is not a case discussion")]
    NotACase(usize),
    #[error("no open action numbered {0}")]
    NoSuchAction(String),
    #[error("the meeting can no longer be reopened: the next meeting ({0}) has started")]
    TooLateToReopen(chrono::NaiveDate),
    #[error("unknown team member {0}")]
    UnknownMember(String),
    #[error("there is no entry {0} in that list")]
    NoSuchEntry(usize),
    #[error("the next meeting ({0}) must come after this one")]
    NextMeetingTooEarly(chrono::NaiveDate),
    #[error("there is a meeting on {0} already")]
    DateTaken(chrono::NaiveDate),
    #[error("{0} has passed")]
    DateInPast(chrono::NaiveDate),
    #[error("a reason is needed")]
    ReasonRequired,
    #[error("agenda item {0} is not a verdeling")]
    NotAVerdeling(usize),
    #[error("agenda item {0} is not a herverdeling")]
    NotAHerverdeling(usize),
    #[error("line {0} has no proposal")]
    NoProposal(usize),
}

#[doc(hidden)]
pub mod fixture;
