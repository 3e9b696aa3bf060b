//! The life of a case after its aanmelding: status transitions with date and reason, closing
//! with an afsluitreden and reopening, the safety flag, the coach, the next evaluation and a
//! provision's end date — each change one [`CaseEvent`] in `Case::history`, with the meeting it
//! was made in. And regie over time: a hand-over can be agreed now and take effect later
//! ([`RegieChange::effective`]); [`Case::regisseur_on`] says who directs on a given day.
//!
//! The rule between `regisseur` and `regie_history` (checked by `overleg check`): `regisseur`
//! is the regisseur *as last saved*; it equals the `to` of the last hand-over already in force
//! when it was recorded (no `effective`, or `effective` on or before `date`), or the `to` of a
//! dated hand-over after that one (once it came into force and the file was saved again). A
//! dated hand-over does not change `regisseur` when it is recorded; readers that need the
//! regisseur of a day use [`Case::regisseur_on`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::case::{Case, CaseStatus, RegieChange, Regisseur};
use super::team::MemberId;

/// One change in the life of a case, as kept in `Case::history`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseEvent {
    /// The day the change was made.
    pub date: NaiveDate,
    pub change: CaseChange,
    /// Why; may be empty for a plain correction of a date.
    #[serde(default)]
    pub reason: String,
    /// The meeting in which it was agreed; `None` when changed from the case card.
    #[serde(default)]
    pub meeting: Option<NaiveDate>,
}

/// What changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CaseChange {
    /// A step in the life-cycle (also back, e.g. evaluatie → uitvoering).
    Status { from: CaseStatus, to: CaseStatus },
    /// The case was closed, for this reason.
    Afgesloten {
        from: CaseStatus,
        reden: Afsluitreden,
    },
    /// A closed case was opened again, in this status.
    Heropend { to: CaseStatus },
    /// The safety flag was switched on (`true`) or off.
    Veiligheid(bool),
    /// Another coach (casushouder), or none.
    Coach {
        from: Option<MemberId>,
        to: Option<MemberId>,
    },
    /// The next evaluation was set, moved or cleared.
    Evaluatie {
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
    /// The end date of a provision (by name) was set, moved or cleared.
    VoorzieningEinde {
        voorziening: String,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    },
}

/// Why a case was closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Afsluitreden {
    /// The goals of the plan were reached.
    DoelenBereikt,
    /// Support continues elsewhere (a partner, specialist care, another team).
    Overgedragen,
    /// The household moved out of the area.
    Verhuisd,
    /// The household no longer wants support.
    GeenHulpvraag,
    /// No contact could be made.
    GeenContact,
    /// Any other reason (say which in the reason text).
    Anders,
}

impl Afsluitreden {
    pub const ALL: [Afsluitreden; 6] = [
        Afsluitreden::DoelenBereikt,
        Afsluitreden::Overgedragen,
        Afsluitreden::Verhuisd,
        Afsluitreden::GeenHulpvraag,
        Afsluitreden::GeenContact,
        Afsluitreden::Anders,
    ];

    /// Dutch display label.
    pub fn label(self) -> &'static str {
        match self {
            Afsluitreden::DoelenBereikt => "doelen bereikt",
            Afsluitreden::Overgedragen => "overgedragen aan andere hulp",
            Afsluitreden::Verhuisd => "verhuisd",
            Afsluitreden::GeenHulpvraag => "geen hulpvraag meer",
            Afsluitreden::GeenContact => "geen contact",
            Afsluitreden::Anders => "anders",
        }
    }
}

/// A status change that the life-cycle does not allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("de casus heeft al status {0:?}")]
    Unchanged(CaseStatus),
    #[error("van {from:?} naar {to:?} kan niet")]
    NotAllowed { from: CaseStatus, to: CaseStatus },
    #[error("afsluiten gaat met een afsluitreden")]
    CloseNeedsReason,
    #[error("de casus is afgesloten; heropen hem eerst")]
    Closed,
    #[error("de casus is niet afgesloten")]
    NotClosed,
    #[error("heropenen gaat naar onderzoek, plan, uitvoering of evaluatie")]
    ReopenTo(CaseStatus),
}

impl CaseStatus {
    /// May an open case go from `self` to `to` with a plain status change? One step on
    /// (aanmelding → onderzoek → plan → uitvoering → evaluatie), or back from evaluatie to
    /// uitvoering or plan (a new round), or from onderzoek back to aanmelding (back on the
    /// verdeellijst). Closing has its own function (it needs an afsluitreden), so does
    /// reopening.
    pub fn can_move_to(self, to: CaseStatus) -> Result<(), TransitionError> {
        use CaseStatus::*;
        if self == to {
            return Err(TransitionError::Unchanged(to));
        }
        if self == Afgesloten {
            return Err(TransitionError::Closed);
        }
        if to == Afgesloten {
            return Err(TransitionError::CloseNeedsReason);
        }
        let ok = matches!(
            (self, to),
            (Aanmelding, Onderzoek)
                | (Onderzoek, Plan)
                | (Plan, Uitvoering)
                | (Uitvoering, Evaluatie)
                | (Evaluatie, Uitvoering)
                | (Evaluatie, Plan)
                | (Onderzoek, Aanmelding)
        );
        if ok {
            Ok(())
        } else {
            Err(TransitionError::NotAllowed { from: self, to })
        }
    }
}

impl RegieChange {
    /// The first day this hand-over is in force: `effective`, or the day it was recorded.
    pub fn in_force_from(&self) -> NaiveDate {
        self.effective.unwrap_or(self.date)
    }

    /// Recorded now but in force only later (on `effective`), as seen on `on`.
    pub fn is_pending_on(&self, on: NaiveDate) -> bool {
        self.in_force_from() > on
    }
}

impl Case {
    /// Who directs the household's plan on `on`: the `to` of the last hand-over in force on
    /// that day (by in-force date, then in recorded order). When none is in force yet, the
    /// regisseur as saved (all hand-overs are still to come), or the `from` of the first one.
    pub fn regisseur_on(&self, on: NaiveDate) -> Option<Regisseur> {
        let mut order: Vec<&RegieChange> = self.regie_history.iter().collect();
        order.sort_by_key(|c| c.in_force_from());
        match order.iter().rev().find(|c| c.in_force_from() <= on) {
            Some(c) => c.to.clone(),
            None if order.iter().all(|c| c.effective.is_some()) => self.regisseur.clone(),
            None => order.first().and_then(|c| c.from.clone()),
        }
    }

    /// The member holding regie on `on`, if the regisseur then is a team member.
    pub fn regisseur_member_on(&self, on: NaiveDate) -> Option<MemberId> {
        match self.regisseur_on(on) {
            Some(Regisseur::Lid(id)) => Some(id),
            _ => None,
        }
    }

    /// Hand-overs recorded but not yet in force on `on`, in the order they take effect.
    pub fn pending_handovers(&self, on: NaiveDate) -> Vec<&RegieChange> {
        let mut out: Vec<&RegieChange> = self
            .regie_history
            .iter()
            .filter(|c| c.is_pending_on(on))
            .collect();
        out.sort_by_key(|c| c.in_force_from());
        out
    }

    /// Brings `regisseur` up to date with the hand-overs in force on `on`; `true` when it
    /// changed (then the case should be saved).
    pub fn settle_regie(&mut self, on: NaiveDate) -> bool {
        let now = self.regisseur_on(on);
        if now != self.regisseur {
            self.regisseur = now;
            true
        } else {
            false
        }
    }

    /// Is the regisseur field consistent with the history (see the module docs)?
    pub fn regisseur_matches_history(&self) -> bool {
        let Some(last_immediate) = self
            .regie_history
            .iter()
            .rposition(|c| c.effective.is_none_or(|e| e <= c.date))
        else {
            // Only dated hand-overs: the saved regisseur may be the one before them, or any
            // of theirs.
            return self.regie_history.is_empty()
                || self.regie_history.iter().any(|c| c.from == self.regisseur)
                || self.regie_history.iter().any(|c| c.to == self.regisseur);
        };
        std::iter::once(&self.regie_history[last_immediate])
            .chain(
                self.regie_history[last_immediate + 1..]
                    .iter()
                    .filter(|c| c.effective.is_some()),
            )
            .any(|c| c.to == self.regisseur)
    }

    /// Why the case was closed, when it is closed.
    pub fn afsluitreden(&self) -> Option<Afsluitreden> {
        if self.is_open() {
            return None;
        }
        self.history.iter().rev().find_map(|e| match e.change {
            CaseChange::Afgesloten { reden, .. } => Some(reden),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::fixture::{case, d};

    fn handover(
        date: NaiveDate,
        effective: Option<NaiveDate>,
        from: Option<&str>,
        to: &str,
    ) -> RegieChange {
        RegieChange {
            date,
            from: from.map(|f| Regisseur::Lid(f.into())),
            to: Some(Regisseur::Lid(to.into())),
            reason: "einde OTS".into(),
            meeting: Some(date),
            effective,
        }
    }

    #[test]
    fn the_life_cycle_goes_one_step_on_and_a_few_back() {
        use CaseStatus::*;
        assert!(Aanmelding.can_move_to(Onderzoek).is_ok());
        assert!(Evaluatie.can_move_to(Uitvoering).is_ok());
        assert!(Onderzoek.can_move_to(Aanmelding).is_ok());
        assert_eq!(
            Aanmelding.can_move_to(Uitvoering),
            Err(TransitionError::NotAllowed {
                from: Aanmelding,
                to: Uitvoering
            })
        );
        assert_eq!(
            Plan.can_move_to(Afgesloten),
            Err(TransitionError::CloseNeedsReason)
        );
        assert_eq!(Afgesloten.can_move_to(Plan), Err(TransitionError::Closed));
        assert_eq!(
            Plan.can_move_to(Plan),
            Err(TransitionError::Unchanged(Plan))
        );
    }

    #[test]
    fn a_dated_hand_over_is_in_force_only_from_its_date() {
        let mut c = case("2026-0001", Some("gi"));
        c.regie_history.push(handover(
            d(2026, 3, 3),
            Some(d(2026, 4, 7)),
            Some("gi"),
            "mjansen",
        ));
        assert!(c.regisseur_matches_history());
        let gi = Some(Regisseur::Lid("gi".into()));
        let mj = Some(Regisseur::Lid("mjansen".into()));
        assert_eq!(c.regisseur_on(d(2026, 3, 3)), gi);
        assert_eq!(c.regisseur_on(d(2026, 4, 6)), gi);
        assert_eq!(c.regisseur_on(d(2026, 4, 7)), mj);
        assert_eq!(c.pending_handovers(d(2026, 4, 6)).len(), 1);
        assert!(c.pending_handovers(d(2026, 4, 7)).is_empty());
        assert!(!c.settle_regie(d(2026, 4, 6)));
        assert!(c.settle_regie(d(2026, 4, 8)));
        assert_eq!(c.regisseur, mj);
        assert!(c.regisseur_matches_history(), "settled is consistent too");
    }

    #[test]
    fn a_case_survives_the_parse_cache_encoding() {
        // The parse cache stores cases with postcard, which cannot skip fields: a case with
        // and without history and dated hand-overs must come back equal.
        let plain = case("2026-0001", Some("sbakker"));
        let mut full = plain.clone();
        full.regie_history.push(handover(
            d(2026, 3, 3),
            Some(d(2026, 4, 7)),
            Some("sbakker"),
            "mjansen",
        ));
        full.history.push(CaseEvent {
            date: d(2026, 3, 3),
            change: CaseChange::Afgesloten {
                from: CaseStatus::Evaluatie,
                reden: Afsluitreden::Verhuisd,
            },
            reason: "naar Zwolle".into(),
            meeting: None,
        });
        for c in [plain, full] {
            let bytes = postcard::to_allocvec(&c).expect("encode");
            let back: Case = postcard::from_bytes(&bytes).expect("decode");
            assert_eq!(back, c);
        }
    }

    #[test]
    fn the_saved_regisseur_must_follow_the_history() {
        let mut c = case("2026-0001", Some("sbakker"));
        c.regie_history
            .push(handover(d(2026, 1, 6), None, None, "sbakker"));
        assert!(c.regisseur_matches_history());
        c.regie_history
            .push(handover(d(2026, 2, 3), None, Some("sbakker"), "aozdemir"));
        assert!(
            !c.regisseur_matches_history(),
            "an immediate hand-over not applied"
        );
        c.regisseur = Some(Regisseur::Lid("aozdemir".into()));
        assert!(c.regisseur_matches_history());
        assert_eq!(
            c.regisseur_on(d(2026, 1, 20)),
            Some(Regisseur::Lid("sbakker".into()))
        );
        assert_eq!(
            c.regisseur_on(d(2025, 12, 1)),
            None,
            "before the first hand-over"
        );
    }
}
