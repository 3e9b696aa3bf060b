//! The shared context of one document: the team, the profile, the partner, the texts, and
//! how members, cases, regisseurs and free text are shown in that profile.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::domain::{ActionItem, ActionStatus, Guest, Presence, Regisseur, TeamData};
use crate::i18n::minutes::Texts;

use super::privacy::{Profile, Redactor, guest_is_household, household_parts};
use super::share::Partner;

/// Formats a date the Dutch way: 12-03-2026.
pub fn date(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// Shared context of one document: who reads it and how names are shown.
pub(crate) struct Ctx<'a> {
    pub team: &'a TeamData,
    pub t: &'static Texts,
    /// What a shareable document needs; `None` for `intern`.
    share: Option<Share>,
}

struct Share {
    redactor: Redactor,
    /// Redact free text (off only to scan the text as typed).
    redact: bool,
    partner: Option<Partner>,
    /// Folded name parts of household members, to recognise a guest from a household.
    household: HashSet<String>,
}

impl<'a> Ctx<'a> {
    /// The context of a document about `team` with these guests (of the meeting, if any),
    /// for a partner when one is given (only with `deelbaar`).
    pub fn new(
        team: &'a TeamData,
        profile: Profile,
        partner: Option<Partner>,
        guests: &[Guest],
        t: &'static Texts,
    ) -> Self {
        let share = (profile == Profile::Deelbaar).then(|| {
            let shown = |code: &str| shown(team, partner.as_ref(), code);
            Share {
                redactor: Redactor::for_team(team, guests, &shown),
                redact: true,
                household: household_parts(&team.cases),
                partner,
            }
        });
        Ctx { team, t, share }
    }

    /// Turns the redaction of free text off or on again. Off, a shareable document holds
    /// free text as typed: only to scan it, so that a name redacted inside an e-mail address
    /// or a street does not hide the address from the scan.
    pub fn set_redaction(&mut self, on: bool) {
        if let Some(s) = &mut self.share {
            s.redact = on;
        }
    }

    /// Is this the shareable (`deelbaar`) version?
    pub fn shareable(&self) -> bool {
        self.share.is_some()
    }

    /// The partner the document is for, if any.
    pub fn partner(&self) -> Option<&Partner> {
        self.share.as_ref().and_then(|s| s.partner.as_ref())
    }

    /// May this household's content be in the document?
    pub fn case_shown(&self, code: &str) -> bool {
        match &self.share {
            None => true,
            Some(s) => shown(self.team, s.partner.as_ref(), code),
        }
    }

    /// May this action be in the document? `item_case` is the case of the item it was agreed
    /// in, for an action without a case of its own.
    pub fn action_shown(&self, a: &ActionItem, item_case: Option<&str>) -> bool {
        let Some(share) = &self.share else {
            return true;
        };
        match (a.case.as_deref().or(item_case), &share.partner) {
            (None, partner) => partner.is_none(),
            (Some(code), None) => self.case_shown(code),
            (Some(code), Some(p)) => {
                self.case_shown(code) && self.team.case(code).is_some_and(|c| p.addressed(c, a))
            }
        }
    }

    /// Free text as it may appear in this profile.
    pub fn text(&self, s: &str) -> String {
        let s = s.trim();
        match &self.share {
            None => s.to_string(),
            Some(share) if share.redact => share.redactor.redact(s),
            Some(_) => s.to_string(),
        }
    }

    /// A member id shown as a name (or a guest name as written).
    /// A team member's name is shown as is, also when a household member shares a first name
    /// with them; anything else (a guest, an unknown id) goes through the redaction.
    pub fn who(&self, id: &str) -> String {
        match self.team.team.member(id) {
            Some(m) => m.name.trim().to_string(),
            None => self.text(id),
        }
    }

    /// A guest's name as shown: `[gast]` in a shareable document (the role says who).
    pub fn guest_name(&self, g: &Guest) -> String {
        if self.shareable() {
            format!("[{}]", self.t.guest)
        } else {
            self.text(&g.name)
        }
    }

    /// A guest's role as shown: in a shareable document a guest from a household is only
    /// "inwoner", whatever the role says.
    pub fn guest_role(&self, g: &Guest) -> String {
        match &self.share {
            Some(s) if guest_is_household(g, &s.household) => self.t.resident.to_string(),
            _ => self.text(&g.role),
        }
    }

    /// How a case is named: code and pseudonym, or the code only when shared.
    pub fn case_label(&self, code: &str) -> String {
        match (self.shareable(), self.team.case(code)) {
            (false, Some(c)) if !c.pseudonym.trim().is_empty() => {
                format!("{code} — {}", c.pseudonym.trim())
            }
            _ => code.to_string(),
        }
    }

    /// A regisseur as shown; an external one by function and organisation only when shared.
    pub fn regisseur(&self, r: &Regisseur) -> String {
        match r {
            Regisseur::Lid(id) => self.who(id),
            Regisseur::Extern(p) if self.shareable() => {
                self.text(&format!("{} ({})", p.function, p.organisation))
            }
            Regisseur::Extern(p) => {
                self.text(&format!("{} ({}, {})", p.name, p.function, p.organisation))
            }
            Regisseur::Huishouden => self.t.household.to_string(),
        }
    }

    pub fn presence(&self, p: Presence) -> &'static str {
        match p {
            Presence::Aanwezig => self.t.aanwezig,
            Presence::AfwezigMetKennisgeving => self.t.afwezig_met,
            Presence::AfwezigZonderKennisgeving => self.t.afwezig_zonder,
        }
    }

    pub fn action_status(&self, s: ActionStatus) -> &'static str {
        match s {
            ActionStatus::Open => self.t.open,
            ActionStatus::Gedaan => self.t.done,
            ActionStatus::Vervallen => self.t.dropped,
        }
    }
}

/// Is a household in a shareable document: it loaded, consented to sharing with partners,
/// and (with a partner) the partner is involved with it.
fn shown(team: &TeamData, partner: Option<&Partner>, code: &str) -> bool {
    team.case(code)
        .is_some_and(|c| c.consent.share_with_partners && partner.is_none_or(|p| p.involved(c)))
}
