//! Generation of fictional teams: members with roles, FTE, expertise and authority, and a
//! fortnightly meeting rhythm.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;
use unicode_normalization::UnicodeNormalization;

use super::names::{self, pick};
use crate::domain::{CaseloadNorm, MeetingRhythm, Member, Role, Team, Weekday};

/// An ASCII member id from a name: first letter of the given name plus the family name,
/// without diacritics or spaces, e.g. "Hatice Özdemir" → "hozdemir".
pub fn member_id(name: &str, taken: &[Member]) -> String {
    let mut parts = name.split_whitespace();
    let first: String = parts.next().unwrap_or("x").chars().take(1).collect();
    let rest: String = parts.collect();
    let base: String = format!("{first}{rest}")
        .nfd()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    let base = if base.is_empty() {
        "lid".to_string()
    } else {
        base
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken.iter().any(|m| m.id == id) {
        id = format!("{base}{n}");
        n += 1;
    }
    id
}

/// Builds a member.
pub fn member(
    name: &str,
    roles: &[Role],
    fte: f32,
    expertise: &[&str],
    youth_authority: bool,
    mandate_eur: Option<u32>,
    taken: &[Member],
) -> Member {
    Member {
        id: member_id(name, taken),
        name: name.into(),
        roles: roles.to_vec(),
        fte,
        expertise: expertise.iter().map(|s| (*s).to_string()).collect(),
        youth_authority,
        mandate_eur,
        start: None,
        end: None,
        leave: vec![],
    }
}

/// A rhythm on `weekday` whose next meeting after `today` is within two weeks.
pub fn rhythm(
    weekday: Weekday,
    start: NaiveTime,
    place: &str,
    today: NaiveDate,
    shift: i64,
) -> MeetingRhythm {
    let mut anchor = today + Duration::days(1);
    while anchor.weekday() != weekday.to_chrono() {
        anchor += Duration::days(1);
    }
    MeetingRhythm {
        weekday,
        start,
        duration_minutes: 90,
        interval_weeks: 2,
        anchor: anchor + Duration::days(7 * shift),
        place: place.into(),
    }
}

/// Generates team number `index` with 8–20 members.
pub fn generate_team(rng: &mut ChaCha8Rng, index: usize, today: NaiveDate) -> Team {
    let wijk = names::WIJKEN[index % names::WIJKEN.len()];
    let round = index / names::WIJKEN.len();
    let name = if round == 0 {
        format!("Wijkteam {wijk}")
    } else {
        format!("Wijkteam {wijk} {}", round + 1)
    };
    let slug: String = wijk
        .nfd()
        .filter(|c| c.is_ascii_alphanumeric() || *c == ' ')
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-");
    let id = if round == 0 {
        slug
    } else {
        format!("{slug}-{}", round + 1)
    };

    let size = rng.random_range(8..=20);
    let mut members: Vec<Member> = Vec::new();
    let staff: [(Role, Option<u32>); 3] = [
        (Role::Wijkteammanager, Some(50_000)),
        (Role::Transformatiecoach, None),
        (Role::Gedragswetenschapper, None),
    ];
    for (role, mandate) in staff {
        let n = format!("{} {}", pick(rng, names::GIVEN), pick(rng, names::FAMILY));
        let m = member(
            &n,
            &[role],
            *pick(rng, &[0.8, 0.89, 1.0]),
            &[],
            true,
            mandate,
            &members,
        );
        members.push(m);
    }
    while members.len() < size {
        let n = format!("{} {}", pick(rng, names::GIVEN), pick(rng, names::FAMILY));
        let role = *pick(
            rng,
            &[
                Role::Wijkcoach,
                Role::Wijkcoach,
                Role::Jeugdprofessional,
                Role::Consulent,
                Role::SociaalWerker,
            ],
        );
        let exp = [*pick(rng, names::EXPERTISE), *pick(rng, names::EXPERTISE)];
        let exp: &[&str] = if exp[0] == exp[1] { &exp[..1] } else { &exp };
        let youth = role == Role::Jeugdprofessional || members.len() % 5 != 4;
        let fte = *pick(rng, &[0.56, 0.67, 0.78, 0.89, 0.89, 1.0]);
        let m = member(&n, &[role], fte, exp, youth, None, &members);
        members.push(m);
    }
    let weekday = *pick(
        rng,
        &[
            Weekday::Maandag,
            Weekday::Dinsdag,
            Weekday::Woensdag,
            Weekday::Donderdag,
        ],
    );
    let (h, min) = *pick(rng, &[(9, 0), (9, 30), (10, 0), (10, 30)]);
    let start = NaiveTime::from_hms_opt(h, min, 0).unwrap_or_default();
    let place = *pick(rng, names::PLACES);
    Team {
        version: crate::domain::FORMAT_VERSION,
        id,
        name,
        municipality: super::MUNICIPALITY.into(),
        members,
        rhythm: rhythm(weekday, start, place, today, rng.random_range(0..2) - 1),
        shared_folder: false,
        caseload_norm: CaseloadNorm::default(),
    }
}
