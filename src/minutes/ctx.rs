//! The shared context of one document: the team, the profile, the texts, and how members,
//! cases, regisseurs and free text are shown in that profile.

use chrono::NaiveDate;

use crate::domain::{ActionStatus, Presence, Regisseur, TeamData};
use crate::i18n::minutes::Texts;

use super::privacy::{Profile, household_names, redact_names};

/// Formats a date the Dutch way: 12-03-2026.
pub fn date(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// Shared context of one document: who reads it and how names are shown.
pub(crate) struct Ctx<'a> {
    pub team: &'a TeamData,
    pub profile: Profile,
    pub t: &'static Texts,
    /// Household names to redact in `deelbaar`; empty for `intern`.
    names: Vec<String>,
}

impl<'a> Ctx<'a> {
    pub fn new(team: &'a TeamData, profile: Profile, t: &'static Texts) -> Self {
        let names = match profile {
            Profile::Intern => Vec::new(),
            Profile::Deelbaar => household_names(&team.cases),
        };
        Ctx {
            team,
            profile,
            t,
            names,
        }
    }

    /// Is this the shareable (`deelbaar`) version?
    pub fn shareable(&self) -> bool {
        self.profile == Profile::Deelbaar
    }

    /// Free text as it may appear in this profile.
    pub fn text(&self, s: &str) -> String {
        let s = s.trim();
        if self.names.is_empty() {
            s.to_string()
        } else {
            redact_names(s, &self.names)
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

    /// How a case is named: code and pseudonym, or the code only when shared.
    pub fn case_label(&self, code: &str) -> String {
        match (self.shareable(), self.team.case(code)) {
            (false, Some(c)) if !c.pseudonym.trim().is_empty() => {
                format!("{code} — {}", c.pseudonym.trim())
            }
            _ => code.to_string(),
        }
    }

    pub fn regisseur(&self, r: &Regisseur) -> String {
        match r {
            Regisseur::Lid(id) => self.who(id),
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
