//! A small fictional team for the session tests.

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
        ],
        rhythm: MeetingRhythm {
            weekday: Weekday::Dinsdag,
            start: NaiveTime::from_hms_opt(9, 30, 0).expect("time"),
            duration_minutes: 90,
            interval_weeks: 2,
            anchor: d(2026, 1, 6),
            place: "Wijkcentrum De Bron".into(),
        },
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
    }
}
