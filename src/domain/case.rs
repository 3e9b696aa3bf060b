//! A case: one household with its situation, its regisseur and everything around it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::team::MemberId;

/// Case code such as `"2026-0142"`: year of registration and a serial number.
pub type CaseCode = String;

/// One household, as stored in `cases/<code>.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub version: u32,
    pub code: CaseCode,
    /// How the household is named in the team, e.g. "Fam. A." or "Mw. D.".
    pub pseudonym: String,
    /// Date of the aanmelding (referral).
    pub registered: NaiveDate,
    pub status: CaseStatus,
    pub laws: Vec<Law>,
    pub kader: Kader,
    pub complexity: Complexity,
    #[serde(default)]
    pub leefgebieden: Vec<Leefgebied>,
    #[serde(default)]
    pub household: Vec<HouseholdMember>,
    #[serde(default)]
    pub consent: Consent,
    pub signal_source: SignalSource,
    /// The wijkcoach who holds the case file (casushouder). Usually also the regisseur.
    #[serde(default)]
    pub coach: Option<MemberId>,
    /// Who directs the household's plan now; `None` is a warning sign.
    #[serde(default)]
    pub regisseur: Option<Regisseur>,
    /// Every hand-over of regie, oldest first. `regisseur` follows the last one in force when
    /// it was recorded; a dated one (`effective`) takes over later (see `lifecycle`).
    #[serde(default)]
    pub regie_history: Vec<RegieChange>,
    #[serde(default)]
    pub betrokkenen: Vec<Betrokkene>,
    #[serde(default)]
    pub voorzieningen: Vec<Voorziening>,
    /// Support plans; "1 gezin, 1 plan": more than one current plan is a warning sign.
    #[serde(default)]
    pub plans: Vec<Plan>,
    #[serde(default)]
    pub next_evaluation: Option<NaiveDate>,
    /// Concerns about safety (child safety, domestic violence).
    #[serde(default)]
    pub safety_flag: bool,
    /// The situation as it was at the aanmelding.
    #[serde(default)]
    pub situation_at_registration: String,
    /// The situation now.
    #[serde(default)]
    pub situation_now: String,
    /// Notes for the team only; never in a shareable export.
    #[serde(default)]
    pub confidential_notes: String,
    /// Every change in the case's life (status, closing, safety flag, coach, evaluation,
    /// provision end), oldest first; see `lifecycle`. (Always written: the parse cache encodes
    /// cases with postcard, which cannot skip fields.)
    #[serde(default)]
    pub history: Vec<super::lifecycle::CaseEvent>,
}

impl Case {
    /// Is the case still running (not closed)?
    pub fn is_open(&self) -> bool {
        self.status != CaseStatus::Afgesloten
    }

    /// The member holding regie, if the regisseur is a team member.
    pub fn regisseur_member(&self) -> Option<&str> {
        match &self.regisseur {
            Some(Regisseur::Lid(id)) => Some(id),
            _ => None,
        }
    }

    /// Plans that are still current.
    pub fn current_plans(&self) -> impl Iterator<Item = &Plan> {
        self.plans.iter().filter(|p| p.ended.is_none())
    }

    /// The household members whose name may be used (consent given and a name recorded).
    pub fn consented_names(&self) -> impl Iterator<Item = &str> {
        let ok = self.consent.discuss_with_name;
        self.household
            .iter()
            .filter_map(move |m| if ok { m.name.as_deref() } else { None })
    }
}

/// Life-cycle of a case (DOMAIN.md §4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CaseStatus {
    Aanmelding,
    Onderzoek,
    Plan,
    Uitvoering,
    Evaluatie,
    Afgesloten,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 6] = [
        CaseStatus::Aanmelding,
        CaseStatus::Onderzoek,
        CaseStatus::Plan,
        CaseStatus::Uitvoering,
        CaseStatus::Evaluatie,
        CaseStatus::Afgesloten,
    ];

    /// Dutch display label.
    pub fn label(self) -> &'static str {
        match self {
            CaseStatus::Aanmelding => "aanmelding",
            CaseStatus::Onderzoek => "onderzoek",
            CaseStatus::Plan => "plan",
            CaseStatus::Uitvoering => "uitvoering",
            CaseStatus::Evaluatie => "evaluatie",
            CaseStatus::Afgesloten => "afgesloten",
        }
    }
}

/// The law (track) under which support is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Law {
    Wmo,
    Jeugdwet,
    Participatiewet,
}

impl Law {
    pub const ALL: [Law; 3] = [Law::Wmo, Law::Jeugdwet, Law::Participatiewet];

    /// Dutch display label.
    pub fn label(self) -> &'static str {
        match self {
            Law::Wmo => "Wmo",
            Law::Jeugdwet => "Jeugdwet",
            Law::Participatiewet => "Participatiewet",
        }
    }
}

/// Voluntary support, or a court measure (gedwongen kader) run by a certified institution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Kader {
    Vrijwillig,
    Gedwongen(Maatregel),
}

/// A court measure in the gedwongen kader.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Maatregel {
    /// Kind of measure, e.g. "ondertoezichtstelling (OTS)".
    pub measure: String,
    /// The certified institution (GI), e.g. "Jeugdbescherming Oost".
    pub gi: String,
    /// Name of the gezinsvoogd at the GI.
    pub gezinsvoogd: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

/// Complexity of a case, used to weight the caseload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Complexity {
    Licht,
    Midden,
    Zwaar,
}

impl Complexity {
    pub const ALL: [Complexity; 3] = [Complexity::Licht, Complexity::Midden, Complexity::Zwaar];

    /// Dutch display label.
    pub fn label(self) -> &'static str {
        match self {
            Complexity::Licht => "licht",
            Complexity::Midden => "midden",
            Complexity::Zwaar => "zwaar",
        }
    }
}

/// Life domains in which the household has problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Leefgebied {
    Opvoeding,
    GeestelijkeGezondheid,
    LichamelijkeGezondheid,
    Huisvesting,
    VerstandelijkeBeperking,
    FinancienEnSchulden,
    JustitieEnVeiligheid,
    HuiselijkeRelaties,
    SociaalNetwerk,
    Participatie,
    WerkEnInkomen,
    Onderwijs,
}

impl Leefgebied {
    pub const ALL: [Leefgebied; 12] = [
        Leefgebied::Opvoeding,
        Leefgebied::GeestelijkeGezondheid,
        Leefgebied::LichamelijkeGezondheid,
        Leefgebied::Huisvesting,
        Leefgebied::VerstandelijkeBeperking,
        Leefgebied::FinancienEnSchulden,
        Leefgebied::JustitieEnVeiligheid,
        Leefgebied::HuiselijkeRelaties,
        Leefgebied::SociaalNetwerk,
        Leefgebied::Participatie,
        Leefgebied::WerkEnInkomen,
        Leefgebied::Onderwijs,
    ];

    /// Dutch display label.
    pub fn label(self) -> &'static str {
        match self {
            Leefgebied::Opvoeding => "opvoeding",
            Leefgebied::GeestelijkeGezondheid => "geestelijke gezondheid",
            Leefgebied::LichamelijkeGezondheid => "lichamelijke gezondheid",
            Leefgebied::Huisvesting => "huisvesting",
            Leefgebied::VerstandelijkeBeperking => "verstandelijke beperking",
            Leefgebied::FinancienEnSchulden => "financiën en schulden",
            Leefgebied::JustitieEnVeiligheid => "justitie en veiligheid",
            Leefgebied::HuiselijkeRelaties => "huiselijke relaties",
            Leefgebied::SociaalNetwerk => "sociaal netwerk",
            Leefgebied::Participatie => "participatie",
            Leefgebied::WerkEnInkomen => "werk en inkomen",
            Leefgebied::Onderwijs => "onderwijs",
        }
    }
}

/// One person in the household. A name is recorded only with consent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HouseholdMember {
    /// e.g. "moeder", "vader", "kind", "oma".
    pub role: String,
    #[serde(default)]
    pub age: Option<u8>,
    #[serde(default)]
    pub name: Option<String>,
}

/// Consent (toestemming) of the household.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// May the household be discussed by name in the team?
    pub discuss_with_name: bool,
    /// May information be shared with partners (betrokkenen)?
    #[serde(default)]
    pub share_with_partners: bool,
    #[serde(default)]
    pub date: Option<NaiveDate>,
}

/// Where the signal about the household came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SignalSource {
    Inwoner,
    School,
    Huisarts,
    Woningcorporatie,
    VeiligThuis,
    Politie,
    Wijkagent,
    Schuldhulp,
    Ggz,
    Anders,
}

impl SignalSource {
    /// Dutch display label.
    pub fn label(self) -> &'static str {
        match self {
            SignalSource::Inwoner => "inwoner zelf",
            SignalSource::School => "school",
            SignalSource::Huisarts => "huisarts",
            SignalSource::Woningcorporatie => "woningcorporatie",
            SignalSource::VeiligThuis => "Veilig Thuis",
            SignalSource::Politie => "politie",
            SignalSource::Wijkagent => "wijkagent",
            SignalSource::Schuldhulp => "schuldhulpverlening",
            SignalSource::Ggz => "GGZ",
            SignalSource::Anders => "anders",
        }
    }
}

/// Who directs the household's plan.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Regisseur {
    /// A member of the team, by id.
    Lid(MemberId),
    /// A professional outside the team, e.g. the gezinsvoogd or a partner organisation.
    Extern(ExternalProfessional),
    /// Deliberately the household itself ("inwoner in regie").
    Huishouden,
}

/// A professional outside the team.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExternalProfessional {
    pub name: String,
    pub organisation: String,
    /// e.g. "gezinsvoogd", "casemanager GGZ".
    pub function: String,
}

/// One hand-over of regie.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegieChange {
    pub date: NaiveDate,
    #[serde(default)]
    pub from: Option<Regisseur>,
    /// `None` when regie lapsed (e.g. the coach left) and nobody took it yet.
    pub to: Option<Regisseur>,
    pub reason: String,
    /// The meeting in which it was agreed, if any.
    #[serde(default)]
    pub meeting: Option<NaiveDate>,
    /// The first day the hand-over is in force, when later than `date` (e.g. the day an OTS
    /// ends); `None`: in force from `date`. (Always written, see `Case::history`.)
    #[serde(default)]
    pub effective: Option<NaiveDate>,
}

/// A professional or organisation involved with the household.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Betrokkene {
    pub name: String,
    pub organisation: String,
    /// What they do for the household, e.g. "schuldhulpverlening", "mentor school".
    pub role: String,
    /// Do they know the other betrokkenen (part of the regie check)?
    #[serde(default)]
    pub known_to_others: bool,
}

/// A provision (voorziening) granted by beschikking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Voorziening {
    /// e.g. "ambulante gezinsbegeleiding", "huishoudelijke hulp".
    pub name: String,
    pub provider: String,
    pub law: Law,
    pub start: NaiveDate,
    /// The day the beschikking lapses; `None` for open-ended provisions.
    #[serde(default)]
    pub end: Option<NaiveDate>,
}

/// An ondersteuningsplan with its goals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub title: String,
    pub made: NaiveDate,
    /// Set when the plan was closed or replaced.
    #[serde(default)]
    pub ended: Option<NaiveDate>,
    #[serde(default)]
    pub goals: Vec<Goal>,
}

/// A goal in a plan, with the one party responsible for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    pub text: String,
    /// Who is responsible (a member id or an organisation); empty when nobody is yet.
    #[serde(default)]
    pub responsible: String,
    #[serde(default)]
    pub achieved: bool,
}
