//! Warnings that speak in names: before a household goes to a member (in the verdeling, the
//! herverdeling, a regie hand-over), and when a household would be left without a regisseur.
//! They warn; the team decides. The texts are in `crate::i18n::week::warning`.

use chrono::NaiveDate;

use crate::caseload::LoadBand;
use crate::domain::{CaseCode, Law, Meeting, MemberId, Presence, Team};

/// Something the chair should see before agreeing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The member is not at the meeting today.
    Absent { member: MemberId, name: String },
    /// The member's load is already above the norm.
    AboveNorm { member: MemberId, name: String },
    /// A Jeugdwet household to a member without youth authority.
    NoYouthAuthority { member: MemberId, name: String },
    /// The member has left the team or is on leave.
    NotInTeam { member: MemberId, name: String },
    /// The household would be (or is) without a regisseur.
    WithoutRegisseur { case: CaseCode },
    /// A leaver's household or action that has no new owner yet.
    NotHandedOver { what: String, from: String },
}

/// The warnings for giving a household with `laws` to `member`: absent at `meeting`, above
/// the norm (`band`), no youth authority, not in the team on `on`.
pub fn assignment_warnings(
    team: &Team,
    meeting: Option<&Meeting>,
    laws: &[Law],
    member: &str,
    band: Option<LoadBand>,
    on: NaiveDate,
) -> Vec<Warning> {
    let name = team.member_name(member).to_string();
    let who = || (member.to_string(), name.clone());
    let mut out = Vec::new();
    if !team.is_active(member, on) {
        let (member, name) = who();
        out.push(Warning::NotInTeam { member, name });
    }
    if let Some(m) = meeting
        && m.presence(member).is_some_and(|p| p != Presence::Aanwezig)
    {
        let (member, name) = who();
        out.push(Warning::Absent { member, name });
    }
    if band == Some(LoadBand::BovenNorm) {
        let (member, name) = who();
        out.push(Warning::AboveNorm { member, name });
    }
    if laws.contains(&Law::Jeugdwet) && team.member(member).is_some_and(|m| !m.youth_authority) {
        let (member, name) = who();
        out.push(Warning::NoYouthAuthority { member, name });
    }
    out
}

/// The warnings for handing regie of `case` to `to` on `on` (a case item, the case card):
/// nobody ([`Warning::WithoutRegisseur`]), or a member who is absent at `meeting`, above the
/// norm, without youth authority for a Jeugdwet case, or not in the team.
pub fn regie_warnings_for(
    td: &crate::domain::TeamData,
    meeting: Option<&Meeting>,
    case: &crate::domain::Case,
    to: Option<&crate::domain::Regisseur>,
    on: NaiveDate,
) -> Vec<Warning> {
    match to {
        None => vec![Warning::WithoutRegisseur {
            case: case.code.clone(),
        }],
        Some(crate::domain::Regisseur::Lid(id)) => {
            let room = super::verdeling::Room::of(td, on);
            assignment_warnings(&td.team, meeting, &case.laws, id, room.band(id, 0.0), on)
        }
        Some(_) => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::fixture::{d, team};
    use crate::session::{new_meeting, set_presence};

    #[test]
    fn warnings_name_the_member() {
        let mut t = team();
        t.members[1].name = "Rıza Yılmaz".into();
        t.members[3].end = Some(d(2026, 3, 1));
        let mut m = new_meeting(&t, d(2026, 3, 17), None);
        set_presence(&mut m, "jdevries", Presence::AfwezigMetKennisgeving);
        let w = assignment_warnings(
            &t,
            Some(&m),
            &[Law::Jeugdwet],
            "jdevries",
            Some(LoadBand::BovenNorm),
            m.date,
        );
        let name = "Rıza Yılmaz".to_string();
        let id = "jdevries".to_string();
        assert_eq!(
            w,
            [
                Warning::Absent {
                    member: id.clone(),
                    name: name.clone()
                },
                Warning::AboveNorm {
                    member: id.clone(),
                    name: name.clone()
                },
                Warning::NoYouthAuthority { member: id, name },
            ]
        );
        let gone = assignment_warnings(&t, None, &[Law::Wmo], "wnguyen", None, m.date);
        assert!(matches!(gone.as_slice(), [Warning::NotInTeam { .. }]));
        assert!(assignment_warnings(&t, Some(&m), &[Law::Wmo], "sbakker", None, m.date).is_empty());
    }

    #[test]
    fn regie_to_nobody_warns_that_the_household_is_left_without() {
        let td = crate::session::fixture::team_data(std::path::Path::new("velve"));
        let c = td.case("2026-0012").expect("case");
        let on = d(2026, 3, 17);
        let w = regie_warnings_for(&td, None, c, None, on);
        assert_eq!(
            crate::i18n::week::warning(&w[0], crate::i18n::Lang::Nl),
            "2026-0012 blijft zonder regisseur"
        );
        let jan = crate::domain::Regisseur::Lid("jdevries".into());
        let w = regie_warnings_for(&td, None, c, Some(&jan), on);
        assert!(matches!(w.as_slice(), [Warning::NoYouthAuthority { .. }]));
        assert!(
            regie_warnings_for(
                &td,
                None,
                c,
                Some(&crate::domain::Regisseur::Huishouden),
                on
            )
            .is_empty()
        );
    }
}
