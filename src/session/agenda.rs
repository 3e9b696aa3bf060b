//! Preparing the agenda: the next meeting from the team's rhythm with its standing items, and
//! adding, moving and removing items within the meeting's length.

use chrono::NaiveDate;

use super::SessionError;
use crate::domain::{
    AgendaItem, CaseDiscussion, ItemKind, Meeting, MeetingState, MemberId, MinutesStatus,
    PreviousMinutes, Progress, Team, TeamData,
};

/// Minutes given to a standing item by default.
pub fn default_time_box(kind: &ItemKind) -> u32 {
    match kind {
        ItemKind::Opening | ItemKind::VorigVerslag | ItemKind::Rondvraag => 5,
        ItemKind::Actiepunten => 10,
        ItemKind::Casus(_) => 15,
        ItemKind::Mededelingen | ItemKind::Organisatorisch | ItemKind::Verdeling => 10,
    }
}

fn item(title: &str, kind: ItemKind, time_box_minutes: u32) -> AgendaItem {
    AgendaItem {
        title: title.into(),
        kind,
        time_box_minutes,
        elapsed_seconds: 0,
        done: false,
        notes: String::new(),
        decisions: vec![],
        actions: vec![],
        verdeling: vec![],
        herverdeling: None,
        case_changes: vec![],
    }
}

/// The date of the next meeting on or after `today`, from the team's rhythm.
pub fn next_meeting_date(team: &Team, today: NaiveDate) -> NaiveDate {
    team.rhythm.next_on_or_after(today)
}

/// The date of the next meeting on or after `today`: the date the last closed meeting agreed
/// (the chair may have moved it off the rhythm), else the team's rhythm.
pub fn planned_meeting_date(team: &TeamData, today: NaiveDate) -> NaiveDate {
    team.meetings
        .iter()
        .filter(|m| m.state == MeetingState::Gesloten)
        .max_by_key(|m| m.date)
        .and_then(|m| m.next_meeting)
        .filter(|&n| n >= today)
        .unwrap_or_else(|| next_meeting_date(&team.team, today))
}

/// What the start screen shows of the team's week on `today`, up to the next meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekOverview {
    pub next_meeting: NaiveDate,
    /// The verdeellijst, oldest first ("Verdeellijst: 7 aanmeldingen, oudste 23 dagen").
    pub verdeellijst: Vec<crate::domain::Wachtend>,
    /// Regie hand-overs that start after today and on or before the next meeting.
    pub handovers: Vec<crate::caseload::PendingHandOver>,
    /// Members who leave or go on leave before the meeting after the next one: the next
    /// meeting is the last one to hand their work over in (a herverdeling).
    pub leavers: Vec<MemberId>,
}

/// The week overview of the team on `today` (see [`WeekOverview`]).
pub fn week_overview(team: &TeamData, today: NaiveDate) -> WeekOverview {
    let next = planned_meeting_date(team, today);
    WeekOverview {
        next_meeting: next,
        verdeellijst: crate::domain::verdeellijst(&team.cases, today),
        handovers: crate::caseload::pending_handovers(&team.team, &team.cases, today, Some(next)),
        leavers: super::herverdeling::leavers(team, today, team.team.rhythm.next_after(next))
            .into_iter()
            .map(|m| m.id.clone())
            .collect(),
    }
}

/// The meeting the chair prepares for `date`: [`new_meeting`] after the last one held
/// before it, with a verdeling item when households wait on the verdeellijst.
pub fn prepare_meeting(td: &TeamData, date: NaiveDate) -> Meeting {
    let previous = previous_meeting(&td.meetings, date);
    let mut m = new_meeting(&td.team, date, previous);
    if !crate::domain::verdeellijst(&td.cases, date).is_empty() {
        // A new meeting is editable: this cannot fail.
        let _ = add_item(
            &mut m,
            ItemKind::Verdeling,
            "Verdeling nieuwe aanmeldingen",
            10,
        );
    }
    m
}

/// A new meeting on `date` with the standing items: opening and attendance, the previous
/// minutes, the open actions, and the rondvraag at the end. `previous` is the last meeting
/// held before it, whose minutes are to be adopted.
pub fn new_meeting(team: &Team, date: NaiveDate, previous: Option<&Meeting>) -> Meeting {
    let standing = [
        ("Opening en presentie", ItemKind::Opening),
        ("Vaststellen verslag vorig overleg", ItemKind::VorigVerslag),
        ("Actiepunten", ItemKind::Actiepunten),
        ("Rondvraag", ItemKind::Rondvraag),
    ];
    Meeting {
        version: crate::domain::FORMAT_VERSION,
        team: team.id.clone(),
        date,
        start: team.rhythm.start,
        duration_minutes: team.rhythm.duration_minutes,
        place: team.rhythm.place.clone(),
        state: MeetingState::Gepland,
        minutes_status: MinutesStatus::Concept,
        voorzitter: None,
        notulist: None,
        attendance: vec![],
        guests: vec![],
        previous_minutes: previous.map(|p| PreviousMinutes {
            date: p.date,
            adopted: p.minutes_status == MinutesStatus::Vastgesteld,
            remarks: String::new(),
        }),
        action_reviews: vec![],
        agenda: standing
            .into_iter()
            .map(|(t, k)| {
                let m = default_time_box(&k);
                item(t, k, m)
            })
            .collect(),
        next_meeting: None,
        withdrawn_numbers: vec![],
        cancelled: None,
        progress: Progress::default(),
    }
}

/// The meeting to prepare or resume for the team on `today`: a meeting that is running, else
/// the planned meeting on the next meeting date, else `None` (create one with
/// [`new_meeting`]). Returns an index into `team.meetings`.
pub fn current_meeting(team: &TeamData, today: NaiveDate) -> Option<usize> {
    if let Some(i) = team
        .meetings
        .iter()
        .position(|m| m.state == MeetingState::Geopend)
    {
        return Some(i);
    }
    team.meetings
        .iter()
        .position(|m| m.state == MeetingState::Gepland && m.date >= today)
}

/// A planned meeting whose date has passed without it being opened (the latest, if several):
/// it is shown with a warning and moved or cancelled, never silently replaced by a new
/// agenda.
pub fn overdue_planned(team: &TeamData, today: NaiveDate) -> Option<usize> {
    team.meetings
        .iter()
        .enumerate()
        .filter(|(_, m)| m.state == MeetingState::Gepland && m.date < today)
        .max_by_key(|(_, m)| m.date)
        .map(|(i, _)| i)
}

/// Moves planned meeting `at` to `to` (today or later, a day without another meeting), with
/// its agenda; keeps `meetings` sorted by date. Returns the old date.
pub fn move_meeting(
    meetings: &mut Vec<Meeting>,
    at: usize,
    to: NaiveDate,
    today: NaiveDate,
) -> Result<NaiveDate, SessionError> {
    let m = meetings.get(at).ok_or(SessionError::NoSuchItem(at))?;
    if m.state != MeetingState::Gepland {
        return Err(SessionError::WrongState(m.state));
    }
    if to < today {
        return Err(SessionError::DateInPast(to));
    }
    if meetings.iter().any(|o| o.date == to) {
        return Err(SessionError::DateTaken(to));
    }
    let mut m = meetings.remove(at);
    let from = m.date;
    m.date = to;
    let pos = meetings.partition_point(|o| o.date < to);
    meetings.insert(pos, m);
    Ok(from)
}

/// Calls off a planned meeting, with a reason; it stays in the team's history.
pub fn cancel_meeting(
    meeting: &mut Meeting,
    reason: &str,
    today: NaiveDate,
) -> Result<(), SessionError> {
    if meeting.state != MeetingState::Gepland {
        return Err(SessionError::WrongState(meeting.state));
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(SessionError::ReasonRequired);
    }
    meeting.state = MeetingState::Geannuleerd;
    meeting.cancelled = Some(crate::domain::Cancellation {
        on: today,
        reason: reason.to_string(),
    });
    Ok(())
}

/// The last meeting held (opened or closed) before `date`.
pub fn previous_meeting(meetings: &[Meeting], date: NaiveDate) -> Option<&Meeting> {
    meetings
        .iter()
        .filter(|m| m.date < date && m.state.held())
        .max_by_key(|m| m.date)
}

/// Where new items go: before the rondvraag at the end, if there is one.
fn insert_position(meeting: &Meeting) -> usize {
    match meeting.agenda.last() {
        Some(last) if last.kind == ItemKind::Rondvraag => meeting.agenda.len() - 1,
        _ => meeting.agenda.len(),
    }
}

fn editable(meeting: &Meeting) -> Result<(), SessionError> {
    match meeting.state {
        MeetingState::Gesloten => Err(SessionError::WrongState(meeting.state)),
        _ => Ok(()),
    }
}

/// Adds a case brought in by `inbrenger` with a question and a time box; returns its index.
pub fn add_case(
    meeting: &mut Meeting,
    case: &str,
    title: &str,
    inbrenger: MemberId,
    question: String,
    time_box_minutes: u32,
) -> Result<usize, SessionError> {
    editable(meeting)?;
    let discussion = CaseDiscussion {
        case: case.into(),
        inbrenger,
        question,
        clarifying_notes: String::new(),
        advice: vec![],
        regie: None,
        regie_check: None,
        next_evaluation: None,
        lesson: None,
        confidential_notes: String::new(),
    };
    let at = insert_position(meeting);
    meeting.agenda.insert(
        at,
        item(title, ItemKind::Casus(discussion), time_box_minutes),
    );
    Ok(at)
}

/// Adds a non-case item (mededelingen, organisatorisch, verdeling, …); returns its index.
pub fn add_item(
    meeting: &mut Meeting,
    kind: ItemKind,
    title: &str,
    time_box_minutes: u32,
) -> Result<usize, SessionError> {
    editable(meeting)?;
    let at = insert_position(meeting);
    meeting
        .agenda
        .insert(at, item(title, kind, time_box_minutes));
    Ok(at)
}

/// Moves an item one place up (`-1`) or down (`+1`); returns its new index.
pub fn move_item(meeting: &mut Meeting, index: usize, delta: i32) -> Result<usize, SessionError> {
    editable(meeting)?;
    if index >= meeting.agenda.len() {
        return Err(SessionError::NoSuchItem(index));
    }
    let target = index as i64 + i64::from(delta);
    if target < 0 || target >= meeting.agenda.len() as i64 {
        return Ok(index);
    }
    let target = target as usize;
    meeting.agenda.swap(index, target);
    if let Some(cur) = meeting.progress.current_item {
        if cur == index {
            meeting.progress.current_item = Some(target);
        } else if cur == target {
            meeting.progress.current_item = Some(index);
        }
    }
    Ok(target)
}

/// Removes an item and returns it. The current item pointer stays on the same item.
pub fn remove_item(meeting: &mut Meeting, index: usize) -> Result<AgendaItem, SessionError> {
    editable(meeting)?;
    if index >= meeting.agenda.len() {
        return Err(SessionError::NoSuchItem(index));
    }
    let removed = meeting.agenda.remove(index);
    if let Some(cur) = meeting.progress.current_item {
        let len = meeting.agenda.len();
        let new = if cur > index { cur - 1 } else { cur };
        meeting.progress.current_item = (len > 0).then(|| new.min(len - 1));
    }
    Ok(removed)
}

/// Changes an item's time box by `delta` minutes (at least 1 minute).
pub fn adjust_time_box(
    meeting: &mut Meeting,
    index: usize,
    delta: i32,
) -> Result<u32, SessionError> {
    editable(meeting)?;
    let item = meeting
        .agenda
        .get_mut(index)
        .ok_or(SessionError::NoSuchItem(index))?;
    let new = (i64::from(item.time_box_minutes) + i64::from(delta)).clamp(1, 240) as u32;
    item.time_box_minutes = new;
    Ok(new)
}

/// The planned total against the meeting's length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanCheck {
    pub planned_minutes: u32,
    pub available_minutes: u32,
}

impl PlanCheck {
    /// Minutes planned beyond the meeting's length (0 when it fits).
    pub fn over_by(&self) -> u32 {
        self.planned_minutes.saturating_sub(self.available_minutes)
    }

    /// Does the agenda fit?
    pub fn fits(&self) -> bool {
        self.over_by() == 0
    }
}

/// Checks the planned total of the agenda against `duration_minutes`.
pub fn plan_check(meeting: &Meeting) -> PlanCheck {
    PlanCheck {
        planned_minutes: meeting.planned_minutes(),
        available_minutes: meeting.duration_minutes,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::*;
    use super::*;

    #[test]
    fn a_prepared_meeting_gets_a_verdeling_item_only_when_households_wait() {
        let mut td = crate::session::fixture::team_data(std::path::Path::new("t"));
        let date = d(2026, 3, 17);
        let kinds = |m: &Meeting| m.agenda.iter().map(|i| i.kind.clone()).collect::<Vec<_>>();
        assert!(!kinds(&prepare_meeting(&td, date)).contains(&ItemKind::Verdeling));
        td.cases[0].status = crate::domain::CaseStatus::Aanmelding;
        td.cases[0].regisseur = None;
        let m = prepare_meeting(&td, date);
        let k = kinds(&m);
        assert_eq!(k.iter().filter(|k| **k == ItemKind::Verdeling).count(), 1);
        assert_eq!(k.last(), Some(&ItemKind::Rondvraag), "before the rondvraag");
    }

    #[test]
    fn new_meeting_has_standing_items_and_the_previous_minutes() {
        let team = team();
        let mut prev = new_meeting(&team, d(2026, 3, 3), None);
        prev.state = MeetingState::Gesloten;
        let m = new_meeting(&team, d(2026, 3, 17), Some(&prev));
        let kinds: Vec<_> = m.agenda.iter().map(|i| i.kind.clone()).collect();
        assert_eq!(
            kinds,
            vec![
                ItemKind::Opening,
                ItemKind::VorigVerslag,
                ItemKind::Actiepunten,
                ItemKind::Rondvraag
            ]
        );
        assert_eq!(m.duration_minutes, 90);
        assert_eq!(m.previous_minutes.as_ref().map(|p| p.date), Some(prev.date));
        assert_eq!(m.state, MeetingState::Gepland);
    }

    #[test]
    fn next_date_follows_the_rhythm() {
        let team = team();
        // Anchor Tue 6 Jan 2026, every two weeks: 20 Jan, 3 Feb, …
        assert_eq!(next_meeting_date(&team, d(2026, 1, 14)), d(2026, 1, 20));
        assert_eq!(next_meeting_date(&team, d(2026, 1, 20)), d(2026, 1, 20));
    }

    #[test]
    fn a_moved_next_meeting_date_wins_over_the_rhythm() {
        let mut data = crate::session::fixture::team_data(std::path::Path::new("x"));
        // The fixture's closed meeting of 3 March agreed 17 March (on the rhythm).
        assert_eq!(planned_meeting_date(&data, d(2026, 3, 5)), d(2026, 3, 17));
        let last = data.meetings.iter_mut().find(|m| m.date == d(2026, 3, 3));
        last.expect("fixture meeting").next_meeting = Some(d(2026, 3, 19));
        assert_eq!(planned_meeting_date(&data, d(2026, 3, 5)), d(2026, 3, 19));
        // Once that date has passed, the rhythm takes over again.
        assert_eq!(planned_meeting_date(&data, d(2026, 3, 20)), d(2026, 3, 31));
    }

    #[test]
    fn items_go_before_the_rondvraag_and_can_be_moved_and_removed() {
        let team = team();
        let mut m = new_meeting(&team, d(2026, 3, 17), None);
        let a = add_case(
            &mut m,
            "2026-0001",
            "Fam. Ë.",
            "sbakker".into(),
            "Q?".into(),
            20,
        )
        .expect("add");
        assert_eq!(a, 3);
        let b = add_item(&mut m, ItemKind::Mededelingen, "Mededelingen", 5).expect("add");
        assert_eq!(b, 4);
        assert_eq!(m.agenda.last().map(|i| &i.kind), Some(&ItemKind::Rondvraag));
        let moved = move_item(&mut m, 4, -1).expect("move");
        assert_eq!(moved, 3);
        assert_eq!(m.agenda[3].kind, ItemKind::Mededelingen);
        assert_eq!(move_item(&mut m, 0, -1), Ok(0));
        let removed = remove_item(&mut m, 3).expect("remove");
        assert_eq!(removed.kind, ItemKind::Mededelingen);
        assert_eq!(remove_item(&mut m, 99), Err(SessionError::NoSuchItem(99)));
    }

    #[test]
    fn plan_check_reports_overrun() {
        let team = team();
        let mut m = new_meeting(&team, d(2026, 3, 17), None);
        assert_eq!(plan_check(&m).planned_minutes, 25);
        assert!(plan_check(&m).fits());
        for i in 0..4 {
            add_case(
                &mut m,
                &format!("2026-000{i}"),
                "x",
                "sbakker".into(),
                String::new(),
                20,
            )
            .expect("add");
        }
        let check = plan_check(&m);
        assert_eq!(check.planned_minutes, 105);
        assert_eq!(check.over_by(), 15);
        assert!(!check.fits());
        assert_eq!(adjust_time_box(&mut m, 0, -10), Ok(1));
    }

    #[test]
    fn closed_meeting_agenda_is_frozen() {
        let team = team();
        let mut m = new_meeting(&team, d(2026, 3, 17), None);
        m.state = MeetingState::Gesloten;
        assert!(add_item(&mut m, ItemKind::Rondvraag, "x", 5).is_err());
    }

    #[test]
    fn current_meeting_prefers_a_running_one() {
        let team = team();
        let mut data = TeamData {
            dir: "x".into(),
            team: team.clone(),
            cases: vec![],
            meetings: vec![],
        };
        assert_eq!(current_meeting(&data, d(2026, 3, 17)), None);
        data.meetings.push(new_meeting(&team, d(2026, 3, 3), None));
        data.meetings.push(new_meeting(&team, d(2026, 3, 17), None));
        assert_eq!(current_meeting(&data, d(2026, 3, 10)), Some(1));
        data.meetings[0].state = MeetingState::Geopend;
        assert_eq!(current_meeting(&data, d(2026, 3, 10)), Some(0));
    }

    #[test]
    fn an_overdue_planned_meeting_is_moved_or_cancelled_not_replaced() {
        let team = team();
        let mut data = TeamData {
            dir: std::path::PathBuf::from("/x"),
            team: team.clone(),
            cases: vec![],
            meetings: vec![new_meeting(&team, d(2026, 3, 3), None)],
        };
        let today = d(2026, 3, 10);
        assert_eq!(current_meeting(&data, today), None);
        assert_eq!(overdue_planned(&data, today), Some(0));
        // Not into the past, not onto a day with a meeting.
        assert_eq!(
            move_meeting(&mut data.meetings, 0, d(2026, 3, 9), today),
            Err(SessionError::DateInPast(d(2026, 3, 9)))
        );
        data.meetings.push(new_meeting(&team, d(2026, 3, 31), None));
        assert_eq!(
            move_meeting(&mut data.meetings, 0, d(2026, 3, 31), today),
            Err(SessionError::DateTaken(d(2026, 3, 31)))
        );
        assert_eq!(
            move_meeting(&mut data.meetings, 0, d(2026, 3, 17), today),
            Ok(d(2026, 3, 3))
        );
        assert_eq!(data.meetings[0].date, d(2026, 3, 17));
        assert_eq!(overdue_planned(&data, today), None);
        assert_eq!(current_meeting(&data, today), Some(0));
        // Cancelling needs a reason and keeps the meeting in the history, not as held.
        let m = &mut data.meetings[0];
        assert_eq!(
            cancel_meeting(m, "  ", today),
            Err(SessionError::ReasonRequired)
        );
        cancel_meeting(m, "Teamdag", today).expect("cancel");
        assert_eq!(m.state, MeetingState::Geannuleerd);
        assert!(!m.state.held());
        assert_eq!(
            m.cancelled.as_ref().map(|c| c.reason.as_str()),
            Some("Teamdag")
        );
        assert!(previous_meeting(&data.meetings, d(2026, 4, 1)).is_none());
        assert_eq!(current_meeting(&data, today), Some(1));
    }
}
