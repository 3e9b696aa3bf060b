//! Opening the meeting and moving through it: attendance, guests, voorzitter and notulist,
//! adopting the previous minutes, the current item and its clock.

use chrono::NaiveDateTime;

use super::SessionError;
use crate::domain::{
    AgendaItem, Attendance, Guest, ItemKind, Meeting, MeetingState, MemberId, MinutesStatus,
    Presence, Team,
};

/// Opens a planned meeting at `now`: everyone in the team on the meeting's day present by
/// default (a member on long leave absent with notice; one who left or has not started yet
/// not listed), the first item current.
pub fn open_meeting(
    meeting: &mut Meeting,
    team: &Team,
    now: NaiveDateTime,
) -> Result<(), SessionError> {
    if meeting.state != MeetingState::Gepland {
        return Err(SessionError::WrongState(meeting.state));
    }
    meeting.state = MeetingState::Geopend;
    meeting.progress.opened_at = Some(now);
    meeting.progress.current_item = (!meeting.agenda.is_empty()).then_some(0);
    let day = meeting.date;
    for m in &team.members {
        let in_team = m.start.is_none_or(|s| s <= day) && m.end.is_none_or(|e| day < e);
        if in_team && meeting.presence(&m.id).is_none() {
            let presence = if m.on_leave(day) {
                Presence::AfwezigMetKennisgeving
            } else {
                Presence::Aanwezig
            };
            meeting.attendance.push(Attendance {
                member: m.id.clone(),
                presence,
            });
        }
    }
    Ok(())
}

/// Records a member's presence.
pub fn set_presence(meeting: &mut Meeting, member: &str, presence: Presence) {
    match meeting.attendance.iter_mut().find(|a| a.member == member) {
        Some(a) => a.presence = presence,
        None => meeting.attendance.push(Attendance {
            member: member.into(),
            presence,
        }),
    }
}

/// Aanwezig → afwezig met kennisgeving → afwezig zonder kennisgeving → aanwezig.
pub fn cycle_presence(meeting: &mut Meeting, member: &str) -> Presence {
    let next = match meeting.presence(member) {
        None | Some(Presence::AfwezigZonderKennisgeving) => Presence::Aanwezig,
        Some(Presence::Aanwezig) => Presence::AfwezigMetKennisgeving,
        Some(Presence::AfwezigMetKennisgeving) => Presence::AfwezigZonderKennisgeving,
    };
    set_presence(meeting, member, next);
    next
}

/// Adds a guest (ervaringsdeskundige, partner, …).
pub fn add_guest(meeting: &mut Meeting, name: &str, role: &str) {
    meeting.guests.push(Guest {
        name: name.trim().into(),
        role: role.trim().into(),
    });
}

/// Removes the guest at `index`, if there is one.
pub fn remove_guest(meeting: &mut Meeting, index: usize) -> Option<Guest> {
    (index < meeting.guests.len()).then(|| meeting.guests.remove(index))
}

fn known(team: &Team, member: &str) -> Result<MemberId, SessionError> {
    team.member(member)
        .map(|m| m.id.clone())
        .ok_or_else(|| SessionError::UnknownMember(member.into()))
}

/// Names the voorzitter (chair).
pub fn set_voorzitter(
    meeting: &mut Meeting,
    team: &Team,
    member: &str,
) -> Result<(), SessionError> {
    meeting.voorzitter = Some(known(team, member)?);
    Ok(())
}

/// Names the notulist (minute taker).
pub fn set_notulist(meeting: &mut Meeting, team: &Team, member: &str) -> Result<(), SessionError> {
    meeting.notulist = Some(known(team, member)?);
    Ok(())
}

/// Adopts (or un-adopts) the previous meeting's minutes: concept → vastgesteld. Updates both
/// this meeting's record and the previous meeting's `minutes_status`.
pub fn adopt_previous_minutes(meeting: &mut Meeting, previous: &mut Meeting, adopted: bool) {
    let record = meeting
        .previous_minutes
        .get_or_insert_with(|| crate::domain::PreviousMinutes {
            date: previous.date,
            adopted,
            remarks: String::new(),
        });
    record.date = previous.date;
    record.adopted = adopted;
    previous.minutes_status = if adopted {
        MinutesStatus::Vastgesteld
    } else {
        MinutesStatus::Concept
    };
}

/// Makes `index` the current item; the item left behind is marked done when `finish` is set.
pub fn go_to_item(meeting: &mut Meeting, index: usize, finish: bool) -> Result<(), SessionError> {
    if meeting.state != MeetingState::Geopend {
        return Err(SessionError::WrongState(meeting.state));
    }
    if index >= meeting.agenda.len() {
        return Err(SessionError::NoSuchItem(index));
    }
    if finish
        && let Some(cur) = meeting.progress.current_item
        && let Some(item) = meeting.agenda.get_mut(cur)
    {
        finish_item(item);
    }
    meeting.progress.current_item = Some(index);
    Ok(())
}

/// Marks an item done as the chair moves past it — except a case item with nothing
/// recorded: walking past it is not discussing it, so it stays open and shows as "niet
/// besproken" (see [`AgendaItem::has_record`]).
pub fn finish_item(item: &mut AgendaItem) {
    if matches!(item.kind, ItemKind::Casus(_)) && !item.has_record() {
        return;
    }
    item.done = true;
}

/// Adds `seconds` to the current item's clock (only while the meeting runs).
pub fn tick(meeting: &mut Meeting, seconds: u32) {
    if meeting.state != MeetingState::Geopend {
        return;
    }
    if let Some(item) = meeting
        .progress
        .current_item
        .and_then(|i| meeting.agenda.get_mut(i))
    {
        item.elapsed_seconds = item.elapsed_seconds.saturating_add(seconds);
    }
}

/// The clock of one item against its time box.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemClock {
    pub elapsed_seconds: u32,
    pub time_box_seconds: u32,
}

impl ItemClock {
    /// Seconds over the time box (0 while within it).
    pub fn over_seconds(&self) -> u32 {
        self.elapsed_seconds.saturating_sub(self.time_box_seconds)
    }

    /// Is the item over its time box?
    pub fn is_over(&self) -> bool {
        self.over_seconds() > 0
    }
}

/// The clock of the item at `index`.
pub fn item_clock(meeting: &Meeting, index: usize) -> Option<ItemClock> {
    meeting.agenda.get(index).map(|i| ItemClock {
        elapsed_seconds: i.elapsed_seconds,
        time_box_seconds: i.time_box_minutes.saturating_mul(60),
    })
}

/// Seconds of the meeting left: its length minus the time spent on items (negative when the
/// meeting runs over). Independent of the wall clock, so a resumed meeting keeps its time.
pub fn meeting_seconds_left(meeting: &Meeting) -> i64 {
    let spent: i64 = meeting
        .agenda
        .iter()
        .map(|i| i64::from(i.elapsed_seconds))
        .sum();
    i64::from(meeting.duration_minutes) * 60 - spent
}

#[cfg(test)]
mod tests {
    use super::super::agenda::new_meeting;
    use super::super::fixture::*;
    use super::*;

    fn at(h: u32, m: u32) -> NaiveDateTime {
        d(2026, 3, 17).and_hms_opt(h, m, 0).expect("time")
    }

    #[test]
    fn a_leaver_is_not_listed_and_someone_on_leave_is_absent_with_notice() {
        let mut team = team();
        let ids: Vec<String> = team.members.iter().map(|m| m.id.clone()).collect();
        team.members[0].end = Some(d(2026, 3, 17));
        team.members[1].leave.push(crate::domain::Leave {
            from: d(2026, 3, 1),
            until: None,
        });
        team.members[2].start = Some(d(2026, 4, 1));
        let mut m = new_meeting(&team, d(2026, 3, 17), None);
        open_meeting(&mut m, &team, at(9, 30)).expect("open");
        assert_eq!(m.presence(&ids[0]), None, "left on the day itself");
        assert_eq!(m.presence(&ids[1]), Some(Presence::AfwezigMetKennisgeving));
        assert_eq!(m.presence(&ids[2]), None, "starts later");
        assert_eq!(m.attendance.len(), team.members.len() - 2);
    }

    #[test]
    fn opening_marks_everyone_present_and_starts_at_the_first_item() {
        let team = team();
        let mut m = new_meeting(&team, d(2026, 3, 17), None);
        open_meeting(&mut m, &team, at(9, 30)).expect("open");
        assert_eq!(m.state, MeetingState::Geopend);
        assert_eq!(m.progress.current_item, Some(0));
        assert_eq!(m.attendance.len(), team.members.len());
        assert_eq!(m.presence("jdevries"), Some(Presence::Aanwezig));
        assert_eq!(
            open_meeting(&mut m, &team, at(9, 31)),
            Err(SessionError::WrongState(MeetingState::Geopend))
        );
    }

    #[test]
    fn presence_cycles_through_the_three_states() {
        let team = team();
        let mut m = new_meeting(&team, d(2026, 3, 17), None);
        open_meeting(&mut m, &team, at(9, 30)).expect("open");
        assert_eq!(
            cycle_presence(&mut m, "sbakker"),
            Presence::AfwezigMetKennisgeving
        );
        assert_eq!(
            cycle_presence(&mut m, "sbakker"),
            Presence::AfwezigZonderKennisgeving
        );
        assert_eq!(cycle_presence(&mut m, "sbakker"), Presence::Aanwezig);
    }

    #[test]
    fn roles_must_be_team_members_and_guests_are_kept() {
        let team = team();
        let mut m = new_meeting(&team, d(2026, 3, 17), None);
        set_voorzitter(&mut m, &team, "aozdemir").expect("chair");
        assert_eq!(m.voorzitter.as_deref(), Some("aozdemir"));
        assert!(set_notulist(&mut m, &team, "nobody").is_err());
        add_guest(&mut m, " Fenna Ünal ", "ervaringsdeskundige");
        assert_eq!(m.guests[0].name, "Fenna Ünal");
        assert!(remove_guest(&mut m, 5).is_none());
        assert!(remove_guest(&mut m, 0).is_some());
    }

    #[test]
    fn adopting_previous_minutes_updates_both_meetings() {
        let team = team();
        let mut prev = new_meeting(&team, d(2026, 3, 3), None);
        prev.state = MeetingState::Gesloten;
        let mut m = new_meeting(&team, d(2026, 3, 17), Some(&prev));
        adopt_previous_minutes(&mut m, &mut prev, true);
        assert_eq!(prev.minutes_status, MinutesStatus::Vastgesteld);
        assert_eq!(m.previous_minutes.as_ref().map(|p| p.adopted), Some(true));
        adopt_previous_minutes(&mut m, &mut prev, false);
        assert_eq!(prev.minutes_status, MinutesStatus::Concept);
    }

    #[test]
    fn the_clock_counts_on_the_current_item_and_shows_overrun() {
        let team = team();
        let mut m = new_meeting(&team, d(2026, 3, 17), None);
        tick(&mut m, 10);
        assert_eq!(m.agenda[0].elapsed_seconds, 0, "no clock before opening");
        open_meeting(&mut m, &team, at(9, 30)).expect("open");
        tick(&mut m, 299);
        assert!(!item_clock(&m, 0).expect("clock").is_over());
        tick(&mut m, 2);
        assert_eq!(item_clock(&m, 0).expect("clock").over_seconds(), 1);
        go_to_item(&mut m, 1, true).expect("next");
        assert!(m.agenda[0].done);
        tick(&mut m, 60);
        assert_eq!(m.agenda[1].elapsed_seconds, 60);
        assert_eq!(meeting_seconds_left(&m), 90 * 60 - 361);
        assert!(go_to_item(&mut m, 42, true).is_err());
    }
}
