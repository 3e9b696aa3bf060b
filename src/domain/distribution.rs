//! What a meeting records when it hands out work: the verdeling of new aanmeldingen, the
//! herverdeling of the households and actions of members who leave, and changes in a case's
//! life made under an item. These live on the agenda item (`AgendaItem::verdeling`,
//! `herverdeling`, `case_changes`); closing the meeting applies the verdeling and the
//! herverdeling to the case files, and the ledger replays the actions' new owners.
//!
//! The herverdeling is a typed record on an `Organisatorisch` item rather than a new item kind:
//! it is an organisational item, and every existing file, screen and minutes section that knows
//! the kinds keeps working. One item covers any number of leavers, with one reason.

use serde::{Deserialize, Serialize};

use super::case::CaseCode;
use super::lifecycle::CaseEvent;
use super::team::MemberId;

/// The outcome of the verdeling for one aanmelding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerdelingOutcome {
    pub case: CaseCode,
    pub result: VerdelingResult,
}

/// A regisseur, or back on the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum VerdelingResult {
    /// This member takes regie (and the file); the case goes to onderzoek at the close.
    Toegewezen {
        to: MemberId,
        /// The reason in the regie history, e.g. "verdeling: ruimte, kent schulden".
        reason: String,
    },
    /// "Blijft op de lijst", with why (nobody has room, wait for the intake, …).
    BlijftOpLijst { reason: String },
}

/// The herverdeling of one or more leavers' work, with one reason for the whole item.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Herverdeling {
    /// The members who leave (or go on long leave).
    pub leavers: Vec<MemberId>,
    /// One reason for every hand-over, e.g. "vertrek per 1 december".
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub households: Vec<HouseholdHandOver>,
    #[serde(default)]
    pub actions: Vec<ActionHandOver>,
}

impl Herverdeling {
    /// Has anything been agreed yet?
    pub fn has_record(&self) -> bool {
        !self.reason.trim().is_empty()
            || self.households.iter().any(|h| h.to.is_some())
            || self.actions.iter().any(|a| a.to.is_some())
    }

    /// Is every household and every action given a new owner?
    pub fn is_complete(&self) -> bool {
        self.households.iter().all(|h| h.to.is_some())
            && self.actions.iter().all(|a| a.to.is_some())
    }
}

/// One household of a leaver.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HouseholdHandOver {
    pub case: CaseCode,
    /// The leaver.
    pub from: MemberId,
    /// The leaver holds regie.
    #[serde(default)]
    pub regie: bool,
    /// The leaver is the coach (casushouder).
    #[serde(default)]
    pub coach: bool,
    /// Who overleg proposed, by room and expertise.
    #[serde(default)]
    pub proposed: Option<MemberId>,
    /// Who takes it, as agreed; `None` while still open.
    #[serde(default)]
    pub to: Option<MemberId>,
}

/// One open action of a leaver, from an earlier meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionHandOver {
    /// Number in the actielijst, e.g. "A2026-014".
    pub action: String,
    pub from: MemberId,
    #[serde(default)]
    pub proposed: Option<MemberId>,
    #[serde(default)]
    pub to: Option<MemberId>,
}

/// A change in a case's life made under an agenda item (already saved in the case file).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseChangeRecord {
    pub case: CaseCode,
    pub event: CaseEvent,
}
