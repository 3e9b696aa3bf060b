//! A casuïstiekoverleg: attendance, agenda, and what was advised, decided and agreed.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::case::{CaseCode, Regisseur};
use super::team::MemberId;

/// One meeting, as stored in `meetings/<date>.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub version: u32,
    /// Id of the team that holds the meeting.
    pub team: String,
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub duration_minutes: u32,
    #[serde(default)]
    pub place: String,
    pub state: MeetingState,
    /// Status of the minutes of this meeting: concept until adopted at the next meeting.
    #[serde(default)]
    pub minutes_status: MinutesStatus,
    #[serde(default)]
    pub voorzitter: Option<MemberId>,
    #[serde(default)]
    pub notulist: Option<MemberId>,
    #[serde(default)]
    pub attendance: Vec<Attendance>,
    #[serde(default)]
    pub guests: Vec<Guest>,
    /// Adoption of the previous meeting's minutes.
    #[serde(default)]
    pub previous_minutes: Option<PreviousMinutes>,
    /// Outcomes of the review of open actions from earlier meetings.
    #[serde(default)]
    pub action_reviews: Vec<ActionReview>,
    #[serde(default)]
    pub agenda: Vec<AgendaItem>,
    #[serde(default)]
    pub next_meeting: Option<NaiveDate>,
    /// Decision and action numbers given in this meeting and then removed (a slip of the
    /// notulist). They stay gaps in the besluitenlijst and actielijst: a number is never given
    /// twice, so the lists stay continuous across meetings (see `next_decision_number`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub withdrawn_numbers: Vec<String>,
    /// Where the chair was, so an interrupted meeting resumes exactly there.
    #[serde(default)]
    pub progress: Progress,
}

impl Meeting {
    /// All decisions taken in this meeting, in agenda order.
    pub fn decisions(&self) -> impl Iterator<Item = &Decision> {
        self.agenda.iter().flat_map(|i| i.decisions.iter())
    }

    /// All actions agreed in this meeting, in agenda order.
    pub fn actions(&self) -> impl Iterator<Item = &ActionItem> {
        self.agenda.iter().flat_map(|i| i.actions.iter())
    }

    /// The case discussions on the agenda.
    pub fn case_discussions(&self) -> impl Iterator<Item = &CaseDiscussion> {
        self.agenda.iter().filter_map(|i| match &i.kind {
            ItemKind::Casus(d) => Some(d),
            _ => None,
        })
    }

    /// Planned minutes of all agenda items together.
    pub fn planned_minutes(&self) -> u32 {
        self.agenda.iter().map(|i| i.time_box_minutes).sum()
    }

    /// Presence of a member, if recorded.
    pub fn presence(&self, member: &str) -> Option<Presence> {
        self.attendance
            .iter()
            .find(|a| a.member == member)
            .map(|a| a.presence)
    }
}

/// Where a meeting is in its life.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum MeetingState {
    /// The agenda is being prepared.
    #[default]
    Gepland,
    /// The meeting is running.
    Geopend,
    /// The meeting was closed; minutes can be written.
    Gesloten,
}

/// Status of minutes (DOMAIN.md §6).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum MinutesStatus {
    #[default]
    Concept,
    Vastgesteld,
}

/// Position of the chair in a running meeting.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// When the meeting was opened.
    #[serde(default)]
    pub opened_at: Option<NaiveDateTime>,
    /// When the meeting was closed.
    #[serde(default)]
    pub closed_at: Option<NaiveDateTime>,
    /// Index into `agenda` of the item being discussed.
    #[serde(default)]
    pub current_item: Option<usize>,
}

/// Presence of one team member.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    pub member: MemberId,
    pub presence: Presence,
}

/// Aanwezig, afwezig met kennisgeving (excused) or zonder kennisgeving.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Presence {
    Aanwezig,
    AfwezigMetKennisgeving,
    AfwezigZonderKennisgeving,
}

impl Presence {
    /// Dutch display label.
    pub fn label(self) -> &'static str {
        match self {
            Presence::Aanwezig => "aanwezig",
            Presence::AfwezigMetKennisgeving => "afwezig met kennisgeving",
            Presence::AfwezigZonderKennisgeving => "afwezig zonder kennisgeving",
        }
    }
}

/// A guest: an ervaringsdeskundige, a partner from a woningcorporatie, school, GGZ, …
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guest {
    pub name: String,
    /// e.g. "ervaringsdeskundige", "woningcorporatie Domijn".
    pub role: String,
}

/// Adoption of the previous meeting's minutes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PreviousMinutes {
    /// Date of the meeting whose minutes are adopted.
    pub date: NaiveDate,
    pub adopted: bool,
    /// Corrections asked for, if any.
    #[serde(default)]
    pub remarks: String,
}

/// The outcome of reviewing one open action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionReview {
    /// Number of the action reviewed, e.g. "A2026-014".
    pub action: String,
    pub outcome: ReviewOutcome,
    #[serde(default)]
    pub note: String,
}

/// Gedaan, doorschuiven (with a new date) or vervallen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ReviewOutcome {
    Gedaan,
    Doorgeschoven(NaiveDate),
    Vervallen,
}

/// One item on the agenda.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub title: String,
    pub kind: ItemKind,
    /// Time box in minutes.
    pub time_box_minutes: u32,
    /// Time actually spent, in seconds (counts while the item is current).
    #[serde(default)]
    pub elapsed_seconds: u32,
    #[serde(default)]
    pub done: bool,
    /// Free notes of the discussion.
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    #[serde(default)]
    pub actions: Vec<ActionItem>,
}

impl AgendaItem {
    /// Did the meeting record anything for this item? A case item counts as discussed when it
    /// has notes, clarifying notes, advice, a decision, a regie outcome, an action, a regie
    /// check, a next evaluation or a lesson; the question alone (written when the agenda was
    /// prepared) does not count. Items without anything recorded are "niet besproken" in the
    /// close summary and the minutes, even when the chair moved past them.
    pub fn has_record(&self) -> bool {
        let common =
            !self.notes.trim().is_empty() || !self.decisions.is_empty() || !self.actions.is_empty();
        match &self.kind {
            ItemKind::Casus(d) => {
                common
                    || !d.clarifying_notes.trim().is_empty()
                    || !d.advice.is_empty()
                    || d.regie.is_some()
                    || d.regie_check.is_some()
                    || d.next_evaluation.is_some()
                    || d.lesson.as_deref().is_some_and(|l| !l.trim().is_empty())
                    || !d.confidential_notes.trim().is_empty()
            }
            _ => common,
        }
    }
}

/// What kind of item; standing items come first in a typical agenda.
// A meeting holds a few dozen items at most; boxing the discussion would only complicate use.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ItemKind {
    /// Opening and attendance.
    Opening,
    /// Adopting the previous minutes.
    VorigVerslag,
    /// Review of open actions.
    Actiepunten,
    /// A case brought in.
    Casus(CaseDiscussion),
    Mededelingen,
    Organisatorisch,
    /// Distribution of new referrals ("wie heeft er ruimte?").
    Verdeling,
    Rondvraag,
}

impl ItemKind {
    /// Dutch display label of the kind.
    pub fn label(&self) -> &'static str {
        match self {
            ItemKind::Opening => "opening en presentie",
            ItemKind::VorigVerslag => "vorig verslag",
            ItemKind::Actiepunten => "actiepunten",
            ItemKind::Casus(_) => "casus",
            ItemKind::Mededelingen => "mededelingen",
            ItemKind::Organisatorisch => "organisatorisch",
            ItemKind::Verdeling => "verdeling nieuwe aanmeldingen",
            ItemKind::Rondvraag => "rondvraag",
        }
    }
}

/// A case brought in for discussion, and what came of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseDiscussion {
    pub case: CaseCode,
    /// Member who brings the case in.
    pub inbrenger: MemberId,
    /// The question to the team.
    pub question: String,
    /// Notes of the verdiepende (clarifying) questions.
    #[serde(default)]
    pub clarifying_notes: String,
    #[serde(default)]
    pub advice: Vec<Advice>,
    #[serde(default)]
    pub regie: Option<RegieOutcome>,
    #[serde(default)]
    pub regie_check: Option<RegieCheck>,
    /// Next evaluation date agreed for the case.
    #[serde(default)]
    pub next_evaluation: Option<NaiveDate>,
    /// An anonymised lesson that may be shared beyond the team.
    #[serde(default)]
    pub lesson: Option<String>,
    /// Notes for the team only; never in a shareable export.
    #[serde(default)]
    pub confidential_notes: String,
}

/// Advice by a colleague or guest. Advice is not a decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    /// Member id, or the name of a guest.
    pub by: String,
    pub text: String,
}

/// A decision: what, who decided, on what grounds, and who dissented.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Number in the besluitenlijst, continuous across meetings, e.g. "2026-031".
    pub number: String,
    pub text: String,
    /// Member id of who decided (the regisseur, or a manager with mandate).
    pub decided_by: MemberId,
    pub grounds: String,
    #[serde(default)]
    pub consultation: Option<Consultation>,
    #[serde(default)]
    pub dissent: Vec<Dissent>,
}

/// How many were consulted (4-, 6- or 20-eyes principle).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Consultation {
    VierOgen,
    ZesOgen,
    TwintigOgen,
}

impl Consultation {
    /// Dutch display label.
    pub fn label(self) -> &'static str {
        match self {
            Consultation::VierOgen => "4-ogenprincipe",
            Consultation::ZesOgen => "6-ogenprincipe",
            Consultation::TwintigOgen => "20-ogenprincipe (heel team)",
        }
    }
}

/// A recorded dissent with a decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dissent {
    pub by: String,
    pub note: String,
}

/// What was agreed about regie for the case.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RegieOutcome {
    /// The current regisseur keeps regie.
    Behouden(Regisseur),
    /// Regie goes to someone (from nobody, or from the current regisseur).
    Overgedragen(RegieHandOver),
}

/// A hand-over agreed in a meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegieHandOver {
    #[serde(default)]
    pub from: Option<Regisseur>,
    pub to: Regisseur,
    pub reason: String,
}

/// The short regie check of DOMAIN.md §3; skippable as a whole or per point, with a reason.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegieCheck {
    /// Reason the whole check was skipped.
    #[serde(default)]
    pub skipped: Option<String>,
    #[serde(default)]
    pub answers: Vec<RegieCheckAnswer>,
}

/// The answer to one point of the regie check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegieCheckAnswer {
    pub point: RegieCheckPoint,
    pub answer: CheckAnswer,
    #[serde(default)]
    pub note: String,
}

/// The points of the regie check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RegieCheckPoint {
    RegisseurBenoemd,
    PlanMetDoelen,
    EenVerantwoordelijkePerDoel,
    BetrokkenenKennenElkaar,
    EvaluatiedatumGepland,
    VeiligheidOverwogen,
    GedwongenKaderAfgestemd,
}

impl RegieCheckPoint {
    pub const ALL: [RegieCheckPoint; 7] = [
        RegieCheckPoint::RegisseurBenoemd,
        RegieCheckPoint::PlanMetDoelen,
        RegieCheckPoint::EenVerantwoordelijkePerDoel,
        RegieCheckPoint::BetrokkenenKennenElkaar,
        RegieCheckPoint::EvaluatiedatumGepland,
        RegieCheckPoint::VeiligheidOverwogen,
        RegieCheckPoint::GedwongenKaderAfgestemd,
    ];

    /// The question, in Dutch.
    pub fn question(self) -> &'static str {
        match self {
            RegieCheckPoint::RegisseurBenoemd => "Is er een regisseur benoemd?",
            RegieCheckPoint::PlanMetDoelen => "Is er een ondersteuningsplan met doelen?",
            RegieCheckPoint::EenVerantwoordelijkePerDoel => {
                "Heeft elk doel één verantwoordelijke (geen overlap)?"
            }
            RegieCheckPoint::BetrokkenenKennenElkaar => "Zijn alle betrokkenen bij elkaar bekend?",
            RegieCheckPoint::EvaluatiedatumGepland => "Is de volgende evaluatiedatum gepland?",
            RegieCheckPoint::VeiligheidOverwogen => {
                "Veiligheid: is een veiligheidsplan of melding (Raad, Veilig Thuis) overwogen?"
            }
            RegieCheckPoint::GedwongenKaderAfgestemd => {
                "Gedwongen kader: is duidelijk wie wat regisseert?"
            }
        }
    }
}

/// Ja, nee, niet van toepassing, or skipped with a reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CheckAnswer {
    Ja,
    Nee,
    NietVanToepassing,
    Overgeslagen(String),
}

/// An action: who does what by when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    /// Number in the actielijst, continuous across meetings, e.g. "A2026-014".
    pub number: String,
    pub text: String,
    /// Member id of the actiehouder.
    pub owner: MemberId,
    pub due: NaiveDate,
    /// The case the action is about, if any.
    #[serde(default)]
    pub case: Option<CaseCode>,
    /// Status when agreed; later reviews (see `ActionReview`) move it on.
    #[serde(default)]
    pub status: ActionStatus,
    /// Times postponed when agreed; later reviews add to it.
    #[serde(default)]
    pub postponed: u32,
}

/// Status of an action.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionStatus {
    #[default]
    Open,
    Gedaan,
    Vervallen,
}

impl ActionStatus {
    /// Dutch display label.
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::Gedaan => "gedaan",
            ActionStatus::Vervallen => "vervallen",
        }
    }
}
