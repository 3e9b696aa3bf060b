//! A wijkteam: its members, its meeting rhythm and its caseload norm.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// Short stable identifier of a team member, e.g. `"sbakker"`. Cases and meetings refer to
/// members by this id, never by name.
pub type MemberId = String;

/// One wijkteam, as stored in `team.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    pub version: u32,
    /// Short stable identifier, e.g. `"noord"`.
    pub id: String,
    /// Display name, e.g. `"Wijkteam Stroïnkslanden"`.
    pub name: String,
    /// Name of the municipality the team works for.
    #[serde(default)]
    pub municipality: String,
    pub members: Vec<Member>,
    pub rhythm: MeetingRhythm,
    /// The team folder is a shared group folder ("gedeelde map"): several colleagues'
    /// accounts in one group work in it. Everything overleg writes there is then readable
    /// and writable by that group (0660, folders 02770) instead of by its owner only.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub shared_folder: bool,
    pub caseload_norm: CaseloadNorm,
}

impl Team {
    /// Finds a member by id.
    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }

    /// The display name of a member id, or the id itself when unknown.
    pub fn member_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.member(id).map_or(id, |m| m.name.as_str())
    }
}

/// A professional in the team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub id: MemberId,
    pub name: String,
    pub roles: Vec<Role>,
    /// Contract size as a fraction of a full-time job (0.0–1.0, e.g. 0.89 for 32 hours).
    pub fte: f32,
    /// Fields this member knows well, e.g. "schulden", "LVB", "huiselijk geweld".
    #[serde(default)]
    pub expertise: Vec<String>,
    /// May this member take youth (Jeugdwet) cases? Some adult units may not.
    #[serde(default = "yes")]
    pub youth_authority: bool,
    /// Amount in euro up to which this member may sign a beschikking (managers only).
    #[serde(default)]
    pub mandate_eur: Option<u32>,
    /// First day in the team; `None`: always was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// "Uit dienst per": the first day the member no longer works in the team. From this day
    /// the member counts no longer in the norm and is not offered in pickers; the name stays
    /// in the history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    /// Periods of long leave (verlof, ziekte), during which the member takes no households.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub leave: Vec<Leave>,
}

/// A period of long leave: from `from` up to and including `until` (open-ended without it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Leave {
    pub from: NaiveDate,
    #[serde(default)]
    pub until: Option<NaiveDate>,
}

fn yes() -> bool {
    true
}

/// The roles of DOMAIN.md §2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    Wijkcoach,
    Consulent,
    SociaalWerker,
    Jeugdprofessional,
    Wijkteammanager,
    Transformatiecoach,
    Gedragswetenschapper,
}

impl Role {
    /// Dutch display label.
    pub fn label(self) -> &'static str {
        match self {
            Role::Wijkcoach => "wijkcoach",
            Role::Consulent => "consulent",
            Role::SociaalWerker => "sociaal werker",
            Role::Jeugdprofessional => "jeugdprofessional",
            Role::Wijkteammanager => "wijkteammanager",
            Role::Transformatiecoach => "transformatiecoach",
            Role::Gedragswetenschapper => "gedragswetenschapper",
        }
    }

    /// Does this role usually hold cases (and so count in the caseload)?
    pub fn holds_cases(self) -> bool {
        matches!(
            self,
            Role::Wijkcoach | Role::Consulent | Role::SociaalWerker | Role::Jeugdprofessional
        )
    }
}

/// Day of the week in Dutch, as written in `team.ron`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Weekday {
    Maandag,
    Dinsdag,
    Woensdag,
    Donderdag,
    Vrijdag,
}

impl Weekday {
    /// The meeting day of a chrono weekday; `None` in the weekend.
    pub fn from_chrono(d: chrono::Weekday) -> Option<Weekday> {
        match d {
            chrono::Weekday::Mon => Some(Weekday::Maandag),
            chrono::Weekday::Tue => Some(Weekday::Dinsdag),
            chrono::Weekday::Wed => Some(Weekday::Woensdag),
            chrono::Weekday::Thu => Some(Weekday::Donderdag),
            chrono::Weekday::Fri => Some(Weekday::Vrijdag),
            chrono::Weekday::Sat | chrono::Weekday::Sun => None,
        }
    }

    /// The chrono weekday.
    pub fn to_chrono(self) -> chrono::Weekday {
        match self {
            Weekday::Maandag => chrono::Weekday::Mon,
            Weekday::Dinsdag => chrono::Weekday::Tue,
            Weekday::Woensdag => chrono::Weekday::Wed,
            Weekday::Donderdag => chrono::Weekday::Thu,
            Weekday::Vrijdag => chrono::Weekday::Fri,
        }
    }
}

/// When the casuïstiekoverleg takes place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingRhythm {
    pub weekday: Weekday,
    /// Start time, e.g. `"09:30:00"`.
    pub start: NaiveTime,
    pub duration_minutes: u32,
    /// 2 for every two weeks.
    pub interval_weeks: u32,
    /// Any date on which a meeting took or takes place; fixes which weeks are meeting weeks.
    pub anchor: NaiveDate,
    /// Where the team meets, e.g. "Wijkcentrum De Bron, zaal 2".
    #[serde(default)]
    pub place: String,
}

/// How many households a full-time professional can carry, weighted by complexity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseloadNorm {
    /// Households per full-time job at weight 1.0 (Enschede: 30).
    pub cases_per_fte: f32,
    pub weight_licht: f32,
    pub weight_midden: f32,
    pub weight_zwaar: f32,
}

impl Default for CaseloadNorm {
    fn default() -> Self {
        // "10 heavy cases can be a full load, 40 light ones can stretch to 50" (DOMAIN.md §1, §5).
        CaseloadNorm {
            cases_per_fte: 30.0,
            weight_licht: 0.6,
            weight_midden: 1.0,
            weight_zwaar: 3.0,
        }
    }
}
