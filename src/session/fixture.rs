//! A small fictional team for tests (unit tests, screen snapshots, the end-to-end test).
//! Every name is invented.

use chrono::{NaiveDate, NaiveTime};

use crate::domain::*;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

pub fn member(id: &str, name: &str, youth: bool) -> Member {
    Member {
        id: id.into(),
        name: name.into(),
        roles: vec![Role::Wijkcoach],
        fte: 0.89,
        expertise: vec![],
        youth_authority: youth,
        mandate_eur: None,
        start: None,
        end: None,
        leave: vec![],
    }
}

pub fn team() -> Team {
    Team {
        version: 1,
        id: "velve".into(),
        name: "Wijkteam Velve-Lindenhof".into(),
        municipality: "Enschede".into(),
        members: vec![
            member("aozdemir", "Ayşe Özdemir", true),
            member("jdevries", "Jan de Vries", false),
            member("sbakker", "Saskia Bakker", true),
            member("wnguyen", "Wendy Nguyễn", true),
        ],
        rhythm: MeetingRhythm {
            weekday: Weekday::Dinsdag,
            start: NaiveTime::from_hms_opt(9, 30, 0).expect("time"),
            duration_minutes: 90,
            interval_weeks: 2,
            anchor: d(2026, 1, 6),
            place: "Wijkcentrum De Bron".into(),
        },
        shared_folder: false,
        caseload_norm: CaseloadNorm::default(),
    }
}

pub fn case(code: &str, regisseur: Option<&str>) -> Case {
    Case {
        version: 1,
        code: code.into(),
        pseudonym: "Fam. Ë.".into(),
        registered: d(2025, 9, 1),
        status: CaseStatus::Uitvoering,
        laws: vec![Law::Jeugdwet],
        kader: Kader::Vrijwillig,
        complexity: Complexity::Midden,
        leefgebieden: vec![],
        household: vec![],
        consent: Consent::default(),
        signal_source: SignalSource::School,
        coach: regisseur.map(String::from),
        regisseur: regisseur.map(|r| Regisseur::Lid(r.into())),
        regie_history: vec![],
        betrokkenen: vec![],
        voorzieningen: vec![],
        plans: vec![],
        next_evaluation: None,
        safety_flag: false,
        situation_at_registration: String::new(),
        situation_now: String::new(),
        confidential_notes: String::new(),
        history: vec![],
    }
}

/// A complete team folder's content: four members, three cases (one without a regisseur),
/// and a closed meeting on 3 March 2026 with one decision and one open action.
pub fn team_data(dir: &std::path::Path) -> TeamData {
    let team = team();
    let mut cases = vec![
        case("2026-0011", None),
        case("2026-0012", Some("sbakker")),
        case("2026-0013", Some("aozdemir")),
    ];
    cases[0].pseudonym = "Fam. Öztürk".into();
    cases[1].pseudonym = "Mw. Çelik".into();
    cases[2].pseudonym = "Dhr. Ødegaard".into();
    cases[2].laws = vec![Law::Wmo];
    let mut prev = crate::session::new_meeting(&team, d(2026, 3, 3), None);
    prev.state = MeetingState::Gesloten;
    prev.next_meeting = Some(d(2026, 3, 17));
    crate::session::add_case(
        &mut prev,
        "2026-0012",
        "Casus 2026-0012 (Mw. Çelik)",
        "sbakker".into(),
        "Hoe houden we de schuldhulp op gang?".into(),
        15,
    )
    .ok();
    for item in &mut prev.agenda {
        item.done = true;
    }
    prev.agenda[3].decisions.push(Decision {
        number: "2026-004".into(),
        text: "Budgetcoach inzetten".into(),
        decided_by: "sbakker".into(),
        grounds: "4-ogen met Ayşe".into(),
        consultation: None,
        dissent: vec![],
    });
    prev.agenda[3].actions.push(ActionItem {
        number: "A2026-006".into(),
        text: "Aanvraag budgetcoach indienen".into(),
        owner: "sbakker".into(),
        due: d(2026, 3, 10),
        case: Some("2026-0012".into()),
        status: ActionStatus::Open,
        postponed: 0,
    });
    TeamData {
        dir: dir.to_path_buf(),
        team,
        cases,
        meetings: vec![prev],
    }
}

/// Writes [`team_data`] as a team folder under `dir`.
pub fn write_team_folder(dir: &std::path::Path) -> std::io::Result<()> {
    let data = team_data(dir);
    crate::storage::save_team(dir, &data.team)?;
    for c in &data.cases {
        crate::storage::save_case(dir, c)?;
    }
    for m in &data.meetings {
        crate::storage::save_meeting(dir, m)?;
    }
    Ok(())
}
