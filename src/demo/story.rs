//! The demo shipped in `data/`: the fictional Gemeente Wijkerveen with its main team
//! Wijkteam Stroïnkslanden-Zuid and two smaller teams. Built from the generators with a fixed
//! seed, then tuned so that every situation the app must show is present: a measure about to
//! end, a case without regisseur, overdue evaluations, provisions about to lapse, two plans.

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::{Duration, NaiveDate, NaiveTime};

use super::cases::generate_case;
use super::meetings::{self, Counters};
use super::teams::{self, member};
use super::{assign_codes, rng_for};
use crate::domain::{
    Case, CaseStatus, CaseloadNorm, ItemKind, Kader, Law, Member, Plan, RegieChange, Regisseur,
    Role, Team, TeamData, Weekday, Workspace,
};

/// Name of the fictional municipality.
pub const MUNICIPALITY: &str = "Gemeente Wijkerveen";
/// Id of the main team of the shipped demo.
pub const MAIN_TEAM: &str = "stroinkslanden-zuid";
const SEED: u64 = 20_261_123;

/// (name, role, fte, expertise, youth authority, mandate in euro)
type MemberRow = (
    &'static str,
    Role,
    f32,
    &'static [&'static str],
    bool,
    Option<u32>,
);

fn main_members() -> Vec<Member> {
    use Role::*;
    let rows: &[MemberRow] = &[
        (
            "Marieke Oude Egberink",
            Wijkteammanager,
            1.0,
            &["beschikkingen", "jeugd en opvoeding"],
            true,
            Some(50_000),
        ),
        (
            "Jeroen Kühn",
            Transformatiecoach,
            0.89,
            &["regie", "Signs of Safety"],
            true,
            None,
        ),
        (
            "Elif Çelik",
            Gedragswetenschapper,
            0.67,
            &["huiselijk geweld", "hechting"],
            true,
            None,
        ),
        (
            "Hatice Özdemir",
            Wijkcoach,
            0.89,
            &["schulden", "statushouders"],
            true,
            None,
        ),
        (
            "Bram Eén",
            Wijkcoach,
            1.0,
            &["LVB", "huisvesting"],
            true,
            None,
        ),
        (
            "Zeynep Şahin",
            Jeugdprofessional,
            0.78,
            &["jeugd en opvoeding", "Signs of Safety"],
            true,
            None,
        ),
        (
            "Umut Ünal",
            Jeugdprofessional,
            1.0,
            &["scheiding", "jeugd en opvoeding"],
            true,
            None,
        ),
        (
            "Sanne ter Horst",
            Wijkcoach,
            0.67,
            &["ouderen", "dementie", "mantelzorg"],
            true,
            None,
        ),
        (
            "Gerrit Lammerink",
            Consulent,
            1.0,
            &["werk en inkomen", "schulden"],
            false,
            None,
        ),
        (
            "Dewi Nijenhuis",
            Wijkcoach,
            0.89,
            &["GGZ", "verslaving"],
            true,
            None,
        ),
        (
            "Yusuf El Amrani",
            SociaalWerker,
            0.78,
            &["statushouders", "werk en inkomen"],
            true,
            None,
        ),
        (
            "Fleur Scholten",
            Jeugdprofessional,
            0.89,
            &["autisme", "onderwijs"],
            true,
            None,
        ),
        (
            "Anneloes Brinkers",
            Wijkcoach,
            0.56,
            &["mantelzorg", "ouderen"],
            true,
            None,
        ),
        (
            "Okke Haverkamp",
            Wijkcoach,
            1.0,
            &["huiselijk geweld", "Signs of Safety"],
            true,
            None,
        ),
        (
            "Renske Wessels",
            Wijkcoach,
            0.89,
            &["schulden", "huisvesting"],
            true,
            None,
        ),
    ];
    let mut members = Vec::new();
    for (name, role, fte, exp, youth, mandate) in rows {
        let m = member(name, &[*role], *fte, exp, *youth, *mandate, &members);
        members.push(m);
    }
    members
}

/// Builds the shipped demo around `today` (the committed `data/` uses 2026-11-23).
pub fn shipped_demo(today: NaiveDate) -> Workspace {
    let time = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
    let main = Team {
        version: crate::domain::FORMAT_VERSION,
        id: MAIN_TEAM.into(),
        name: "Wijkteam Stroïnkslanden-Zuid".into(),
        municipality: MUNICIPALITY.into(),
        members: main_members(),
        rhythm: teams::rhythm(
            Weekday::Dinsdag,
            time(9, 30),
            "Wijkcentrum De Bron, zaal 2",
            today,
            0,
        ),
        shared_folder: false,
        caseload_norm: CaseloadNorm::default(),
    };
    let mut rng = rng_for(SEED, 1);
    let mut centrum = teams::generate_team(&mut rng, 4, today);
    centrum.members.truncate(11);
    centrum.id = "wijkerveen-centrum".into();
    centrum.name = "Wijkteam Wijkerveen-Centrum".into();
    centrum.rhythm = teams::rhythm(
        Weekday::Donderdag,
        time(10, 0),
        "Stadskantoor, kamer 3.14",
        today,
        0,
    );
    let mut rng = rng_for(SEED, 2);
    let mut marssteden = teams::generate_team(&mut rng, 20, today);
    marssteden.members.truncate(9);
    marssteden.id = "de-marssteden".into();
    marssteden.name = "Wijkteam De Marssteden".into();
    marssteden.rhythm = teams::rhythm(
        Weekday::Maandag,
        time(9, 0),
        "Sociaal Huis De Wieken, ruimte Eik",
        today,
        0,
    );

    let plan: [(Team, usize, usize); 3] = [(main, 150, 3), (centrum, 40, 2), (marssteden, 25, 1)];
    let mut lists: Vec<Vec<Case>> = plan
        .iter()
        .enumerate()
        .map(|(i, (team, n, _))| {
            let mut rng = rng_for(SEED, 10 + i as u64);
            (0..*n)
                .map(|_| generate_case(&mut rng, String::new(), &team.members, today))
                .collect()
        })
        .collect();
    assign_codes(&mut lists);

    let mut teams_out = Vec::new();
    for (i, ((team, _, past), mut cases)) in plan.into_iter().zip(lists).enumerate() {
        let mut rng = rng_for(SEED, 20 + i as u64);
        let mut counters = Counters {
            decision: 24 + 7 * i as u32,
            action: 41 + 9 * i as u32,
        };
        let meetings =
            meetings::generate_meetings(&mut rng, &team, &mut cases, today, past, &mut counters);
        if i == 0 {
            let discussed: BTreeSet<String> = meetings
                .iter()
                .flat_map(|m| m.agenda.iter())
                .filter_map(|item| match &item.kind {
                    ItemKind::Casus(d) => Some(d.case.clone()),
                    _ => None,
                })
                .chain(
                    cases
                        .iter()
                        .filter(|c| c.regie_history.iter().any(|h| h.meeting.is_some()))
                        .map(|c| c.code.clone()),
                )
                .collect();
            tune_main_cases(&mut cases, &discussed, today);
        }
        let mut td = TeamData {
            dir: PathBuf::from(format!("wijkteam-{}", team.id)),
            team,
            cases,
            meetings,
        };
        if i == 0 {
            let discussed = discussed_codes(&td);
            super::week::tune_week(&mut td, &discussed, today);
        }
        teams_out.push(td);
    }
    Workspace {
        municipality: Some(MUNICIPALITY.into()),
        teams: teams_out,
    }
}

/// Codes of cases that any meeting discusses or that got regie in a meeting.
fn discussed_codes(td: &TeamData) -> BTreeSet<String> {
    td.meetings
        .iter()
        .flat_map(|m| m.agenda.iter())
        .flat_map(|item| {
            let case = match &item.kind {
                ItemKind::Casus(d) => Some(d.case.clone()),
                _ => None,
            };
            case.into_iter()
                .chain(item.actions.iter().filter_map(|a| a.case.clone()))
        })
        .chain(
            td.cases
                .iter()
                .filter(|c| c.regie_history.iter().any(|h| h.meeting.is_some()))
                .map(|c| c.code.clone()),
        )
        .collect()
}

/// Index of the first undiscussed case matching `pred` that was not tuned yet.
fn find(
    cases: &[Case],
    discussed: &BTreeSet<String>,
    used: &mut BTreeSet<usize>,
    pred: impl Fn(&Case) -> bool,
) -> Option<usize> {
    let i = (0..cases.len())
        .find(|&i| !used.contains(&i) && !discussed.contains(&cases[i].code) && pred(&cases[i]))?;
    used.insert(i);
    Some(i)
}

/// Is every regie change of the case before `date`?
fn before(c: &Case, date: NaiveDate) -> bool {
    c.regie_history.last().is_none_or(|h| h.date < date)
}

/// Makes sure every scenario the app must show is in the main team.
fn tune_main_cases(cases: &mut [Case], discussed: &BTreeSet<String>, today: NaiveDate) {
    let mut used = BTreeSet::new();
    let running = |c: &Case| matches!(c.status, CaseStatus::Uitvoering | CaseStatus::Evaluatie);
    let gedwongen = |c: &Case| matches!(c.kader, Kader::Gedwongen(_));

    // A court measure that ends within four weeks; the gezinsvoogd has warned the team.
    if let Some(i) = find(cases, discussed, &mut used, |c| gedwongen(c) && running(c)) {
        let c = &mut cases[i];
        if let Kader::Gedwongen(m) = &mut c.kader {
            m.end = today + Duration::days(19);
            c.situation_now = format!(
                "De gezinsvoogd ({}) heeft gemeld dat de {} op {} afloopt en niet wordt verlengd. Het gezin gaat door in het vrijwillig kader; de regie komt terug bij het wijkteam.",
                m.gezinsvoogd,
                m.measure,
                m.end.format("%d-%m-%Y")
            );
        }
        c.next_evaluation = Some(today + Duration::days(12));
    }
    // Two current plans: the wijkteam plan and the plan of the GI.
    if let Some(i) = find(cases, discussed, &mut used, |c| {
        gedwongen(c) && !c.plans.is_empty()
    }) {
        let c = &mut cases[i];
        if let Kader::Gedwongen(m) = &c.kader {
            c.plans.push(Plan {
                title: "Plan van aanpak gezinsvoogdij".into(),
                made: m.start + Duration::days(14),
                ended: None,
                goals: vec![crate::domain::Goal {
                    text: "Veilige thuissituatie voor de kinderen.".into(),
                    responsible: m.gi.clone(),
                    achieved: false,
                }],
            });
        }
    }
    // A case whose regisseur lapsed when the coach fell ill.
    if let Some(i) = find(cases, discussed, &mut used, |c| {
        running(c)
            && c.regisseur_member().is_some()
            && !gedwongen(c)
            && before(c, today - Duration::days(38))
    }) {
        let c = &mut cases[i];
        let date = today - Duration::days(38);
        c.regie_history.push(RegieChange {
            date,
            from: c.regisseur.clone(),
            to: None,
            reason: "Wijkcoach langdurig ziek; regie nog niet opnieuw belegd.".into(),
            meeting: None,
            effective: None,
        });
        c.regisseur = None;
    }
    // The household directs its own plan.
    if !cases
        .iter()
        .any(|c| c.regisseur == Some(Regisseur::Huishouden))
        && let Some(i) = find(cases, discussed, &mut used, |c| {
            running(c)
                && !c.laws.contains(&Law::Jeugdwet)
                && c.regisseur_member().is_some()
                && before(c, today - Duration::days(60))
        })
    {
        let c = &mut cases[i];
        c.regie_history.push(RegieChange {
            date: today - Duration::days(60),
            from: c.regisseur.clone(),
            to: Some(Regisseur::Huishouden),
            reason: "Inwoner pakt de regie weer zelf op; wijkcoach blijft op afstand betrokken."
                .into(),
            meeting: None,
            effective: None,
        });
        c.regisseur = Some(Regisseur::Huishouden);
    }
    // Evaluations overdue.
    for days in [12, 41] {
        if let Some(i) = find(cases, discussed, &mut used, |c| running(c) && !gedwongen(c)) {
            cases[i].next_evaluation = Some(today - Duration::days(days));
        }
    }
    // Provisions about to lapse.
    for days in [9, 23] {
        if let Some(i) = find(cases, discussed, &mut used, |c| {
            running(c) && c.voorzieningen.iter().any(|v| v.start < today)
        }) && let Some(v) = cases[i].voorzieningen.iter_mut().find(|v| v.start < today)
        {
            v.end = Some(today + Duration::days(days));
        }
    }
}
