//! The team itself: add a member, change FTE, roles, expertise or youth authority, set an end
//! date ("uit dienst per") or a leave, and change the meeting rhythm and the caseload norm.
//! Every function returns the new `Team`; save it with `storage::save_team`, which never
//! overwrites a `team.ron` that fails to parse (a hand edit would be lost).

use chrono::{Datelike, NaiveDate};

use crate::domain::{CaseloadNorm, Leave, MeetingRhythm, Member, MemberId, Role, Team};

/// Largest FTE accepted (the same bound `overleg check` uses).
pub const MAX_FTE: f32 = 1.5;

/// Why a change to the team was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum TeamEditError {
    #[error("the name is empty")]
    EmptyName,
    #[error("no role given")]
    NoRole,
    #[error("fte {0} out of range")]
    FteOutOfRange(f32),
    #[error("unknown team member {0}")]
    UnknownMember(String),
    #[error("the end lies before the start")]
    EndBeforeStart,
    #[error("the rhythm cannot happen")]
    BadRhythm,
    #[error("the norm must be positive")]
    BadNorm,
}

/// A new member as entered.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMember {
    pub name: String,
    pub roles: Vec<Role>,
    pub fte: f32,
    pub expertise: Vec<String>,
    pub youth_authority: bool,
    pub start: Option<NaiveDate>,
}

fn check_fte(fte: f32) -> Result<(), TeamEditError> {
    if (0.0..=MAX_FTE).contains(&fte) {
        Ok(())
    } else {
        Err(TeamEditError::FteOutOfRange(fte))
    }
}

fn with_member(
    team: &Team,
    id: &str,
    change: impl FnOnce(&mut Member) -> Result<(), TeamEditError>,
) -> Result<Team, TeamEditError> {
    let mut t = team.clone();
    let m = t
        .members
        .iter_mut()
        .find(|m| m.id == id)
        .ok_or_else(|| TeamEditError::UnknownMember(id.into()))?;
    change(m)?;
    Ok(t)
}

/// Adds a member with a new stable id made from the name (`Team::new_member_id`); returns the
/// new team and the id.
pub fn add_member(team: &Team, new: NewMember) -> Result<(Team, MemberId), TeamEditError> {
    let name = new.name.trim().to_string();
    if name.is_empty() {
        return Err(TeamEditError::EmptyName);
    }
    if new.roles.is_empty() {
        return Err(TeamEditError::NoRole);
    }
    check_fte(new.fte)?;
    let id = team.new_member_id(&name);
    let mut t = team.clone();
    t.members.push(Member {
        id: id.clone(),
        name,
        roles: new.roles,
        fte: new.fte,
        expertise: new
            .expertise
            .into_iter()
            .map(|e| e.trim().to_string())
            .filter(|e| !e.is_empty())
            .collect(),
        youth_authority: new.youth_authority,
        mandate_eur: None,
        start: new.start,
        end: None,
        leave: vec![],
    });
    Ok((t, id))
}

/// Changes a member's FTE.
pub fn set_fte(team: &Team, id: &str, fte: f32) -> Result<Team, TeamEditError> {
    check_fte(fte)?;
    with_member(team, id, |m| {
        m.fte = fte;
        Ok(())
    })
}

/// Changes a member's roles (at least one).
pub fn set_roles(team: &Team, id: &str, roles: Vec<Role>) -> Result<Team, TeamEditError> {
    if roles.is_empty() {
        return Err(TeamEditError::NoRole);
    }
    with_member(team, id, |m| {
        m.roles = roles;
        Ok(())
    })
}

/// Changes a member's expertise (free text, one field per entry).
pub fn set_expertise(team: &Team, id: &str, expertise: Vec<String>) -> Result<Team, TeamEditError> {
    with_member(team, id, |m| {
        m.expertise = expertise
            .into_iter()
            .map(|e| e.trim().to_string())
            .filter(|e| !e.is_empty())
            .collect();
        Ok(())
    })
}

/// May the member take Jeugdwet cases?
pub fn set_youth_authority(team: &Team, id: &str, yes: bool) -> Result<Team, TeamEditError> {
    with_member(team, id, |m| {
        m.youth_authority = yes;
        Ok(())
    })
}

/// Sets (or clears) the end date: the first day the member no longer works in the team.
pub fn set_end(team: &Team, id: &str, end: Option<NaiveDate>) -> Result<Team, TeamEditError> {
    with_member(team, id, |m| {
        if let (Some(s), Some(e)) = (m.start, end)
            && e <= s
        {
            return Err(TeamEditError::EndBeforeStart);
        }
        m.end = end;
        Ok(())
    })
}

/// Adds a period of long leave (`until` inclusive, open-ended without it).
pub fn add_leave(
    team: &Team,
    id: &str,
    from: NaiveDate,
    until: Option<NaiveDate>,
) -> Result<Team, TeamEditError> {
    if until.is_some_and(|u| u < from) {
        return Err(TeamEditError::EndBeforeStart);
    }
    with_member(team, id, |m| {
        m.leave.push(Leave { from, until });
        Ok(())
    })
}

/// Ends a leave early or removes it: sets the last day of leave `index` (`None` removes it).
pub fn end_leave(
    team: &Team,
    id: &str,
    index: usize,
    until: Option<NaiveDate>,
) -> Result<Team, TeamEditError> {
    with_member(team, id, |m| {
        let l = m
            .leave
            .get_mut(index)
            .ok_or_else(|| TeamEditError::UnknownMember(id.into()))?;
        match until {
            Some(u) if u < l.from => return Err(TeamEditError::EndBeforeStart),
            Some(u) => l.until = Some(u),
            None => {
                m.leave.remove(index);
            }
        }
        Ok(())
    })
}

/// Changes the meeting rhythm; the anchor must fall on the weekday, the interval be at least
/// one week and the length 15–480 minutes.
pub fn set_rhythm(team: &Team, rhythm: MeetingRhythm) -> Result<Team, TeamEditError> {
    if rhythm.anchor.weekday() != rhythm.weekday.to_chrono()
        || rhythm.interval_weeks == 0
        || !(15..=480).contains(&rhythm.duration_minutes)
    {
        return Err(TeamEditError::BadRhythm);
    }
    let mut t = team.clone();
    t.rhythm = rhythm;
    Ok(t)
}

/// Changes the caseload norm; households per FTE and every weight must be above 0.
pub fn set_norm(team: &Team, norm: CaseloadNorm) -> Result<Team, TeamEditError> {
    let ok = [
        norm.cases_per_fte,
        norm.weight_licht,
        norm.weight_midden,
        norm.weight_zwaar,
    ]
    .iter()
    .all(|x| x.is_finite() && *x > 0.0);
    if !ok {
        return Err(TeamEditError::BadNorm);
    }
    let mut t = team.clone();
    t.caseload_norm = norm;
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::fixture::{d, team};

    fn new(name: &str) -> NewMember {
        NewMember {
            name: name.into(),
            roles: vec![Role::Wijkcoach],
            fte: 0.8,
            expertise: vec![" schulden ".into(), "".into()],
            youth_authority: false,
            start: Some(d(2026, 12, 1)),
        }
    }

    #[test]
    fn a_new_member_gets_a_stable_unique_id() {
        let (t, id) = add_member(&team(), new("Rıza Yılmaz")).expect("added");
        assert_eq!(id, "ryilmaz");
        let m = t.member(&id).expect("member");
        assert_eq!(m.expertise, ["schulden"]);
        assert!(!m.is_active_on(d(2026, 11, 30)), "starts in December");
        let (t2, id2) = add_member(&t, new("Rob Yilmaz")).expect("added");
        assert_eq!(id2, "ryilmaz2");
        assert_eq!(t2.members.len(), team().members.len() + 2);
        assert_eq!(add_member(&team(), new(" ")), Err(TeamEditError::EmptyName));
        let mut bad = new("X Y");
        bad.fte = 2.0;
        assert_eq!(
            add_member(&team(), bad),
            Err(TeamEditError::FteOutOfRange(2.0))
        );
    }

    #[test]
    fn fte_roles_end_leave_rhythm_and_norm() {
        let t = set_fte(&team(), "sbakker", 0.5).expect("fte");
        assert_eq!(t.member("sbakker").map(|m| m.fte), Some(0.5));
        assert!(set_fte(&t, "nobody", 0.5).is_err());
        assert_eq!(set_roles(&t, "sbakker", vec![]), Err(TeamEditError::NoRole));
        let t = set_end(&t, "sbakker", Some(d(2026, 12, 1))).expect("end");
        assert!(!t.is_active("sbakker", d(2026, 12, 1)));
        let t = add_leave(&t, "aozdemir", d(2026, 11, 1), Some(d(2026, 12, 31))).expect("leave");
        assert!(!t.is_active("aozdemir", d(2026, 11, 15)));
        let t = end_leave(&t, "aozdemir", 0, Some(d(2026, 11, 10))).expect("shorter");
        assert!(t.is_active("aozdemir", d(2026, 11, 15)));
        assert!(add_leave(&t, "aozdemir", d(2026, 11, 1), Some(d(2026, 10, 1))).is_err());
        let mut r = t.rhythm.clone();
        r.anchor = d(2026, 1, 7); // a Wednesday, the rhythm says Tuesday
        assert_eq!(set_rhythm(&t, r), Err(TeamEditError::BadRhythm));
        let mut n = t.caseload_norm.clone();
        n.cases_per_fte = 0.0;
        assert_eq!(set_norm(&t, n), Err(TeamEditError::BadNorm));
    }
}
