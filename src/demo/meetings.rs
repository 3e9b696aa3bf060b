//! Generation of meetings: past (closed) meetings with attendance, action reviews and the
//! agenda, and one upcoming meeting with a prepared agenda. The case discussions themselves are
//! made in `discussion`.

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::discussion::{discussion, redistribution};
use super::names::pick;
use super::texts::{self, Script, ScriptPicker};
use crate::domain::{
    ActionItem, ActionLedger, ActionReview, ActionStatus, AgendaItem, Attendance, Case,
    CaseDiscussion, CaseStatus, Guest, ItemKind, Meeting, MeetingState, MinutesStatus, Presence,
    PreviousMinutes, Progress, ReviewOutcome, Role, Team,
};

/// Continuous numbering of the besluitenlijst and actielijst of one team.
#[derive(Debug, Clone, Copy)]
pub struct Counters {
    pub decision: u32,
    pub action: u32,
}

impl Counters {
    /// The next decision number, e.g. "2026-031".
    pub(super) fn decision(&mut self, date: NaiveDate) -> String {
        self.decision += 1;
        format!("{}-{:03}", date.year(), self.decision)
    }
    /// The next action number, e.g. "A2026-014".
    pub(super) fn action(&mut self, date: NaiveDate) -> String {
        self.action += 1;
        format!("A{}-{:03}", date.year(), self.action)
    }
}

/// Dates of the `past` meetings before the next rhythm date after `today`, and that date.
pub fn meeting_dates(team: &Team, today: NaiveDate, past: usize) -> (Vec<NaiveDate>, NaiveDate) {
    let upcoming = team.rhythm.next_after(today);
    let step = 7 * i64::from(team.rhythm.interval_weeks.max(1));
    let dates = (1..=past as i64)
        .rev()
        .map(|k| upcoming - Duration::days(step * k))
        .collect();
    (dates, upcoming)
}

/// Generates `past` closed meetings and one upcoming meeting for a team, oldest first.
pub fn generate_meetings(
    rng: &mut ChaCha8Rng,
    team: &Team,
    cases: &mut [Case],
    today: NaiveDate,
    past: usize,
    counters: &mut Counters,
) -> Vec<Meeting> {
    let (dates, upcoming) = meeting_dates(team, today, past);
    let mut meetings: Vec<Meeting> = Vec::new();
    let mut discussed: BTreeSet<usize> = BTreeSet::new();
    let mut picker = ScriptPicker::default();
    for (i, &date) in dates.iter().enumerate() {
        let last = i + 1 == dates.len();
        let m = past_meeting(
            rng,
            team,
            cases,
            date,
            i,
            last,
            &meetings,
            counters,
            &mut discussed,
            &mut picker,
        );
        meetings.push(m);
    }
    meetings.push(upcoming_meeting(
        rng,
        team,
        cases,
        upcoming,
        &mut discussed,
        &mut picker,
    ));
    meetings
}

fn holders(team: &Team) -> Vec<&str> {
    team.members
        .iter()
        .filter(|m| m.roles.iter().any(|r| r.holds_cases()))
        .map(|m| m.id.as_str())
        .collect()
}

pub(super) fn manager(team: &Team) -> Option<&str> {
    team.members
        .iter()
        .find(|m| m.roles.contains(&Role::Wijkteammanager))
        .map(|m| m.id.as_str())
}

fn chair(team: &Team, present: &[String]) -> Option<String> {
    let by_role = |role: Role| {
        team.members
            .iter()
            .find(|m| m.roles.contains(&role) && present.contains(&m.id))
            .map(|m| m.id.clone())
    };
    by_role(Role::Wijkteammanager)
        .or_else(|| by_role(Role::Transformatiecoach))
        .or_else(|| present.first().cloned())
}

/// Picks cases to discuss: open, registered before the meeting, not yet discussed.
fn pick_cases(
    rng: &mut ChaCha8Rng,
    cases: &[Case],
    date: NaiveDate,
    n: usize,
    discussed: &BTreeSet<usize>,
) -> Vec<usize> {
    let candidates: Vec<usize> = (0..cases.len())
        .filter(|&i| {
            let c = &cases[i];
            c.is_open()
                && c.status != CaseStatus::Aanmelding
                && c.registered + Duration::days(7) < date
                && !discussed.contains(&i)
        })
        .collect();
    let mut chosen = Vec::new();
    for _ in 0..n * 4 {
        if chosen.len() == n || candidates.is_empty() {
            break;
        }
        let i = *pick(rng, &candidates);
        if !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    chosen
}

pub(super) fn standing(kind: ItemKind, title: &str, minutes: u32) -> AgendaItem {
    AgendaItem {
        title: title.into(),
        kind,
        time_box_minutes: minutes,
        elapsed_seconds: 0,
        done: false,
        notes: String::new(),
        decisions: Vec::new(),
        actions: Vec::new(),
        verdeling: vec![],
        herverdeling: None,
        case_changes: vec![],
    }
}

fn choose_script(picker: &mut ScriptPicker, rng: &mut ChaCha8Rng, case: &Case) -> Option<Script> {
    let kind = super::names::kind_of(&case.household, &case.pseudonym);
    picker.choose(rng, &case.leefgebieden, kind)
}

/// Up to `n` cases with a script each; only those are marked as discussed.
fn cases_with_scripts(
    rng: &mut ChaCha8Rng,
    cases: &[Case],
    date: NaiveDate,
    n: usize,
    discussed: &mut BTreeSet<usize>,
    picker: &mut ScriptPicker,
) -> Vec<(usize, Script)> {
    picker.next_meeting();
    let mut out = Vec::new();
    for ci in pick_cases(rng, cases, date, n * 3, discussed) {
        if out.len() == n {
            break;
        }
        if let Some(s) = choose_script(picker, rng, &cases[ci]) {
            discussed.insert(ci);
            out.push((ci, s));
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn past_meeting(
    rng: &mut ChaCha8Rng,
    team: &Team,
    cases: &mut [Case],
    date: NaiveDate,
    index: usize,
    last: bool,
    earlier: &[Meeting],
    counters: &mut Counters,
    discussed: &mut BTreeSet<usize>,
    picker: &mut ScriptPicker,
) -> Meeting {
    // Attendance: one excused, sometimes one absent without notice.
    let mut attendance: Vec<Attendance> = team
        .members
        .iter()
        .map(|m| Attendance {
            member: m.id.clone(),
            presence: Presence::Aanwezig,
        })
        .collect();
    let mgr = manager(team).map(str::to_string);
    let absentable: Vec<usize> = (0..attendance.len())
        .filter(|&i| Some(&attendance[i].member) != mgr.as_ref())
        .collect();
    if absentable.len() > 4 {
        let a = rng.random_range(0..absentable.len());
        attendance[absentable[a]].presence = Presence::AfwezigMetKennisgeving;
        if index == 1 || rng.random_bool(0.3) {
            let b = (a + 1 + rng.random_range(0..absentable.len() - 1)) % absentable.len();
            attendance[absentable[b]].presence = Presence::AfwezigZonderKennisgeving;
        }
    }
    let present: Vec<String> = attendance
        .iter()
        .filter(|a| a.presence == Presence::Aanwezig)
        .map(|a| a.member.clone())
        .collect();
    let present_holders: Vec<String> = holders(team)
        .into_iter()
        .filter(|h| present.iter().any(|p| p == h))
        .map(str::to_string)
        .collect();
    let voorzitter = chair(team, &present);
    let notulist = (!present_holders.is_empty())
        .then(|| present_holders[index % present_holders.len()].clone());

    let mut guests = Vec::new();
    if index == 0 {
        guests.push(Guest {
            name: super::cases::person_name(rng),
            role: "ervaringsdeskundige".into(),
        });
    } else if rng.random_bool(0.3) {
        guests.push(Guest {
            name: super::cases::person_name(rng),
            role: "woonconsulent Woonstichting De Veste".into(),
        });
    }

    // Review open actions of earlier meetings.
    let ledger = ActionLedger::from_meetings(earlier.iter(), None);
    let mut action_reviews = Vec::new();
    for state in ledger.open() {
        let (kind, note) = *pick(rng, texts::REVIEW_NOTES);
        let outcome = match kind {
            0 => ReviewOutcome::Gedaan,
            1 => ReviewOutcome::Doorgeschoven(date + Duration::days(14)),
            _ => ReviewOutcome::Vervallen,
        };
        action_reviews.push(ActionReview {
            action: state.item.number.clone(),
            outcome,
            note: note.into(),
            new_owner: None,
        });
    }

    let n_cases = rng.random_range(4..=7);
    let chosen = cases_with_scripts(rng, cases, date, n_cases, discussed, picker);
    let case_box = (60 / chosen.len().max(1) as u32).clamp(8, 15);
    let mut agenda = vec![
        standing(ItemKind::Opening, "Opening en presentie", 3),
        standing(ItemKind::VorigVerslag, "Verslag vorig overleg", 2),
        standing(ItemKind::Actiepunten, "Actielijst", 8),
    ];
    if let Some(p) = earlier.last() {
        agenda[1].notes = format!("Verslag van {} vastgesteld.", p.date.format("%d-%m-%Y"));
    }
    for (k, &(ci, script)) in chosen.iter().enumerate() {
        let item = discussion(
            rng,
            script,
            team,
            &mut cases[ci],
            date,
            &present,
            &present_holders,
            &guests,
            k,
            counters,
            last && k == 0,
        );
        let mut item = item;
        item.time_box_minutes = case_box;
        agenda.push(item);
    }
    if index == 1 {
        agenda.push(redistribution(
            rng,
            team,
            cases,
            date,
            &present_holders,
            counters,
        ));
    }
    let mut verdeling = standing(
        ItemKind::Verdeling,
        "Nieuwe aanmeldingen: wie heeft er ruimte?",
        8,
    );
    verdeling.notes = pick(rng, texts::VERDELING).to_string();
    if let Some(m) = &mgr {
        verdeling.actions.push(ActionItem {
            number: counters.action(date),
            text: "Nieuwe aanmeldingen toewijzen en terugkoppelen in de teamapp".into(),
            owner: m.clone(),
            due: date + Duration::days(3),
            case: None,
            status: ActionStatus::Open,
            postponed: 0,
        });
    }
    agenda.push(verdeling);
    let mut mededelingen = standing(ItemKind::Mededelingen, "Mededelingen", 4);
    mededelingen.notes = texts::MEDEDELINGEN[index % texts::MEDEDELINGEN.len()].into();
    agenda.push(mededelingen);
    let mut rondvraag = standing(ItemKind::Rondvraag, "Rondvraag en sluiting", 3);
    rondvraag.notes = pick(rng, texts::RONDVRAAG).to_string();
    agenda.push(rondvraag);
    for item in &mut agenda {
        item.done = true;
        let secs = item.time_box_minutes * 60;
        item.elapsed_seconds = rng.random_range(secs * 7 / 10..=secs * 14 / 10);
    }

    let start = date.and_time(team.rhythm.start);
    let overrun = rng.random_range(-5i64..15);
    Meeting {
        version: crate::domain::FORMAT_VERSION,
        team: team.id.clone(),
        date,
        start: team.rhythm.start,
        duration_minutes: team.rhythm.duration_minutes,
        place: team.rhythm.place.clone(),
        state: MeetingState::Gesloten,
        minutes_status: if last {
            MinutesStatus::Concept
        } else {
            MinutesStatus::Vastgesteld
        },
        voorzitter,
        notulist,
        attendance,
        guests,
        previous_minutes: Some(PreviousMinutes {
            date: date - Duration::days(7 * i64::from(team.rhythm.interval_weeks.max(1))),
            adopted: true,
            remarks: pick(rng, texts::MINUTES_REMARKS).to_string(),
        }),
        action_reviews,
        agenda,
        next_meeting: Some(team.rhythm.next_after(date)),
        withdrawn_numbers: vec![],
        cancelled: None,
        progress: Progress {
            opened_at: Some(start),
            closed_at: Some(
                start + Duration::minutes(i64::from(team.rhythm.duration_minutes) + overrun),
            ),
            current_item: None,
            draft: None,
        },
    }
}

/// The next meeting, with its agenda prepared but nothing decided yet.
fn upcoming_meeting(
    rng: &mut ChaCha8Rng,
    team: &Team,
    cases: &[Case],
    date: NaiveDate,
    discussed: &mut BTreeSet<usize>,
    picker: &mut ScriptPicker,
) -> Meeting {
    let n = rng.random_range(4..=5);
    let chosen = cases_with_scripts(rng, cases, date, n, discussed, picker);
    let mut agenda = vec![
        standing(ItemKind::Opening, "Opening en presentie", 3),
        standing(ItemKind::VorigVerslag, "Verslag vorig overleg", 2),
        standing(ItemKind::Actiepunten, "Actielijst", 8),
    ];
    let all: Vec<String> = team.members.iter().map(|m| m.id.clone()).collect();
    let hs: Vec<String> = holders(team).into_iter().map(str::to_string).collect();
    for &(ci, script) in &chosen {
        let case = &cases[ci];
        let inbrenger = case
            .coach
            .clone()
            .or_else(|| hs.first().cloned())
            .unwrap_or_default();
        agenda.push(AgendaItem {
            title: format!("Casus {} ({})", case.code, case.pseudonym),
            kind: ItemKind::Casus(CaseDiscussion {
                case: case.code.clone(),
                inbrenger,
                question: script.question.into(),
                clarifying_notes: String::new(),
                advice: Vec::new(),
                regie: None,
                regie_check: None,
                next_evaluation: None,
                lesson: None,
                confidential_notes: String::new(),
            }),
            time_box_minutes: if chosen.len() > 4 { 12 } else { 15 },
            elapsed_seconds: 0,
            done: false,
            notes: String::new(),
            decisions: Vec::new(),
            actions: Vec::new(),
            verdeling: vec![],
            herverdeling: None,
            case_changes: vec![],
        });
    }
    agenda.push(standing(
        ItemKind::Verdeling,
        "Nieuwe aanmeldingen: wie heeft er ruimte?",
        8,
    ));
    agenda.push(standing(ItemKind::Mededelingen, "Mededelingen", 4));
    agenda.push(standing(ItemKind::Rondvraag, "Rondvraag en sluiting", 3));
    Meeting {
        version: crate::domain::FORMAT_VERSION,
        team: team.id.clone(),
        date,
        start: team.rhythm.start,
        duration_minutes: team.rhythm.duration_minutes,
        place: team.rhythm.place.clone(),
        state: MeetingState::Gepland,
        minutes_status: MinutesStatus::Concept,
        voorzitter: chair(team, &all),
        notulist: None,
        attendance: Vec::new(),
        guests: Vec::new(),
        previous_minutes: None,
        action_reviews: Vec::new(),
        agenda,
        withdrawn_numbers: vec![],
        cancelled: None,
        next_meeting: None,
        progress: Progress::default(),
    }
}
