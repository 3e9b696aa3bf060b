//! A small fictional team of its own for the privacy corpus and the partner tests: four
//! households (one without consent to share), a court measure with a gezinsvoogd whose
//! surname a team member shares, betrokkenen at four organisations, two guests (one of them
//! a household member) and one closed meeting that discusses all four. Everything here is
//! invented.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};
use overleg::domain::*;

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn member(id: &str, name: &str, role: Role) -> Member {
    Member {
        id: id.into(),
        name: name.into(),
        roles: vec![role],
        fte: 0.8,
        expertise: vec![],
        youth_authority: true,
        mandate_eur: None,
        start: None,
        end: None,
        leave: vec![],
    }
}

pub fn team() -> Team {
    Team {
        version: FORMAT_VERSION,
        id: "velve".into(),
        name: "Wijkteam Velve-Lindenhof".into(),
        municipality: "Gemeente Voorbeeld".into(),
        shared_folder: false,
        members: vec![
            member("sbakker", "Sanne Bakker", Role::Wijkteammanager),
            member("msahin", "Mehmet Şahin", Role::Jeugdprofessional),
            member(
                "lheijden",
                "Lotte van der Heijden",
                Role::Gedragswetenschapper,
            ),
            member("jdevries", "Joost de Vries", Role::Wijkcoach),
        ],
        rhythm: MeetingRhythm {
            weekday: Weekday::Dinsdag,
            start: NaiveTime::from_hms_opt(10, 0, 0).expect("time"),
            duration_minutes: 90,
            interval_weeks: 2,
            anchor: d("2026-05-12"),
            place: "Buurthuis Het Anker, zaal 1".into(),
        },
        caseload_norm: CaseloadNorm::default(),
    }
}

fn person(role: &str, age: u8, name: &str) -> HouseholdMember {
    HouseholdMember {
        role: role.into(),
        age: Some(age),
        name: Some(name.into()),
    }
}

pub fn betrokkene(name: &str, organisation: &str, role: &str) -> Betrokkene {
    Betrokkene {
        name: name.into(),
        organisation: organisation.into(),
        role: role.into(),
        known_to_others: true,
    }
}

fn case(code: &str, pseudonym: &str, share: bool) -> Case {
    Case {
        version: FORMAT_VERSION,
        code: code.into(),
        pseudonym: pseudonym.into(),
        registered: d("2026-02-02"),
        status: CaseStatus::Uitvoering,
        laws: vec![Law::Jeugdwet],
        kader: Kader::Vrijwillig,
        complexity: Complexity::Midden,
        leefgebieden: vec![Leefgebied::Opvoeding],
        household: vec![],
        consent: Consent {
            discuss_with_name: true,
            share_with_partners: share,
            date: Some(d("2026-02-09")),
        },
        signal_source: SignalSource::School,
        coach: Some("jdevries".into()),
        regisseur: Some(Regisseur::Lid("jdevries".into())),
        regie_history: vec![],
        betrokkenen: vec![],
        voorzieningen: vec![],
        plans: vec![],
        next_evaluation: None,
        safety_flag: false,
        situation_at_registration: String::new(),
        situation_now: String::new(),
        confidential_notes: "Vertrouwelijk: huiselijk geweld in 2025 gemeld.".into(),
        history: vec![],
    }
}

pub fn gezinsvoogd() -> Regisseur {
    Regisseur::Extern(ExternalProfessional {
        name: "R. Bakker".into(),
        organisation: "Jeugdbescherming Oost".into(),
        function: "gezinsvoogd".into(),
    })
}

/// Codes: Ö-family (consent), E. (consent), K.-family (NO consent), A.-family (consent).
pub const OZDEMIR: &str = "2026-0201";
pub const EEN: &str = "2026-0202";
pub const KRAMER: &str = "2026-0203";
pub const AYDIN: &str = "2026-0204";

pub fn cases() -> Vec<Case> {
    let mut a = case(OZDEMIR, "Fam. Ö.", true);
    a.household = vec![
        person("moeder", 39, "Ayşe Özdemir"),
        person("vader", 42, "Kerem Özdemir"),
        person("kind", 11, "Zeynep-Noor Özdemir"),
    ];
    a.kader = Kader::Gedwongen(Maatregel {
        measure: "ondertoezichtstelling (OTS)".into(),
        gi: "Jeugdbescherming Oost".into(),
        gezinsvoogd: "R. Bakker".into(),
        start: d("2026-01-01"),
        end: d("2027-01-01"),
    });
    a.regisseur = Some(gezinsvoogd());
    a.regie_history = vec![RegieChange {
        date: d("2026-01-05"),
        from: Some(Regisseur::Lid("jdevries".into())),
        to: Some(gezinsvoogd()),
        reason: "Ondertoezichtstelling uitgesproken".into(),
        meeting: None,
        effective: None,
    }];
    a.betrokkenen = vec![
        betrokkene("Marieke Smit", "Basisschool De Wegwijzer", "mentor"),
        betrokkene("Pieter Hendriks", "Schuldhulp Oost", "schuldhulpverlener"),
    ];
    let mut b = case(EEN, "Mw. E.", true);
    b.household = vec![person("bewoner", 71, "Els Kuipers")];
    b.betrokkenen = vec![betrokkene("Henk Visser", "Domijn Wonen", "woonconsulent")];
    let mut c = case(KRAMER, "Fam. K.", false);
    c.household = vec![
        person("vader", 45, "Tim Kramer"),
        person("kind", 9, "Noa Kramer"),
    ];
    c.betrokkenen = vec![betrokkene("Ria Jonker", "Domijn Wonen", "woonconsulent")];
    let mut e = case(AYDIN, "Gezin A.", true);
    e.household = vec![person("moeder", 33, "Anouk Aydın")];
    e.betrokkenen = vec![betrokkene(
        "Pieter Hendriks",
        "Schuldhulp Oost",
        "schuldhulpverlener",
    )];
    vec![a, b, c, e]
}

pub fn item(title: &str, kind: ItemKind) -> AgendaItem {
    AgendaItem {
        title: title.into(),
        kind,
        time_box_minutes: 10,
        elapsed_seconds: 300,
        done: true,
        notes: String::new(),
        decisions: vec![],
        actions: vec![],
        verdeling: vec![],
        herverdeling: None,
        case_changes: vec![],
    }
}

pub fn action(number: &str, text: &str, owner: &str, case: Option<&str>) -> ActionItem {
    ActionItem {
        number: number.into(),
        text: text.into(),
        owner: owner.into(),
        due: d("2026-05-26"),
        case: case.map(str::to_string),
        status: ActionStatus::Open,
        postponed: 0,
    }
}

pub fn decision(number: &str, text: &str, by: &str) -> Decision {
    Decision {
        number: number.into(),
        text: text.into(),
        decided_by: by.into(),
        grounds: "Advies van het team".into(),
        consultation: Some(Consultation::VierOgen),
        dissent: vec![Dissent {
            by: "lheijden".into(),
            note: "Eerst de school horen".into(),
        }],
    }
}

fn discussion(code: &str, question: &str) -> CaseDiscussion {
    CaseDiscussion {
        case: code.into(),
        inbrenger: "jdevries".into(),
        question: question.into(),
        clarifying_notes: "Verdiepende vragen gesteld.".into(),
        advice: vec![Advice {
            by: "msahin".into(),
            text: "Sluit aan bij wat het gezin zelf wil.".into(),
        }],
        regie: None,
        regie_check: None,
        next_evaluation: Some(d("2026-06-23")),
        lesson: Some("Vroeg afstemmen met de school werkt.".into()),
        confidential_notes: "Alleen voor het team.".into(),
    }
}

/// An earlier meeting with one open action for the action review.
pub fn earlier_meeting() -> Meeting {
    let mut m = meeting("2026-04-28");
    let mut a = item(
        "Fam. Ö.",
        ItemKind::Casus(discussion(OZDEMIR, "Hoe verder?")),
    );
    a.actions = vec![action(
        "A2026-040",
        "Schuldhulp Oost vragen om een budgetplan",
        "jdevries",
        Some(OZDEMIR),
    )];
    m.agenda = vec![a];
    m.next_meeting = Some(d("2026-05-12"));
    m
}

fn meeting(date: &str) -> Meeting {
    Meeting {
        version: FORMAT_VERSION,
        team: "velve".into(),
        date: d(date),
        start: NaiveTime::from_hms_opt(10, 0, 0).expect("time"),
        duration_minutes: 90,
        place: "Buurthuis Het Anker, zaal 1".into(),
        state: MeetingState::Gesloten,
        minutes_status: MinutesStatus::Concept,
        voorzitter: Some("sbakker".into()),
        notulist: Some("msahin".into()),
        attendance: ["sbakker", "msahin", "lheijden", "jdevries"]
            .iter()
            .map(|m| Attendance {
                member: (*m).into(),
                presence: Presence::Aanwezig,
            })
            .collect(),
        guests: vec![],
        previous_minutes: None,
        action_reviews: vec![],
        agenda: vec![],
        next_meeting: None,
        withdrawn_numbers: vec![],
        cancelled: None,
        progress: Progress::default(),
    }
}

/// The meeting of the corpus: every field a notulist types is filled with ordinary text, so
/// the corpus can plant into each one.
pub fn the_meeting() -> Meeting {
    let mut m = meeting("2026-05-12");
    m.guests = vec![
        Guest {
            name: "Kees Ünal".into(),
            role: "ervaringsdeskundige".into(),
        },
        Guest {
            name: "Ayşe Özdemir".into(),
            role: "moeder van het gezin".into(),
        },
    ];
    m.previous_minutes = Some(PreviousMinutes {
        date: d("2026-04-28"),
        adopted: true,
        remarks: "Geen opmerkingen.".into(),
    });
    m.action_reviews = vec![ActionReview {
        action: "A2026-040".into(),
        outcome: ReviewOutcome::Gedaan,
        note: "Budgetplan is er.".into(),
        new_owner: None,
    }];
    let mut da = discussion(OZDEMIR, "Hoe houden we school en gezinsvoogd op één lijn?");
    da.advice.push(Advice {
        by: "Kees Ünal".into(),
        text: "Vraag wat moeder zelf nodig heeft.".into(),
    });
    da.regie = Some(RegieOutcome::Overgedragen(RegieHandOver {
        from: Some(Regisseur::Lid("jdevries".into())),
        to: gezinsvoogd(),
        reason: "De maatregel is uitgesproken.".into(),
        effective: None,
    }));
    da.regie_check = Some(RegieCheck {
        skipped: None,
        answers: vec![
            RegieCheckAnswer {
                point: RegieCheckPoint::RegisseurBenoemd,
                answer: CheckAnswer::Ja,
                note: "Gezinsvoogd is regisseur.".into(),
            },
            RegieCheckAnswer {
                point: RegieCheckPoint::PlanMetDoelen,
                answer: CheckAnswer::Overgeslagen("Plan volgt na de zitting.".into()),
                note: String::new(),
            },
        ],
    });
    let mut ia = item("Fam. Ö.", ItemKind::Casus(da));
    ia.notes = "Bespreking verliep rustig.".into();
    ia.decisions = vec![decision(
        "2026-051",
        "Driegesprek met school en gezinsvoogd",
        "sbakker",
    )];
    ia.actions = vec![
        action(
            "A2026-050",
            "Mentor uitnodigen voor het driegesprek",
            "jdevries",
            Some(OZDEMIR),
        ),
        action(
            "A2026-051",
            "Verslag naar de gezinsvoogd sturen",
            "jdevries",
            Some(OZDEMIR),
        ),
        action(
            "A2026-052",
            "Schuldhulp Oost vragen om een vervolgafspraak",
            "msahin",
            Some(OZDEMIR),
        ),
    ];
    let mut ib = item(
        "Mw. E.",
        ItemKind::Casus(discussion(EEN, "Kan mevrouw thuis blijven wonen?")),
    );
    ib.decisions = vec![decision("2026-052", "Aanvraag woningaanpassing", "sbakker")];
    ib.actions = vec![action(
        "A2026-053",
        "Domijn vragen naar een traplift",
        "msahin",
        Some(EEN),
    )];
    let mut ic = item(
        "Fam. K.",
        ItemKind::Casus(discussion(
            KRAMER,
            "Wat doen we met de huurachterstand van vader?",
        )),
    );
    ic.decisions = vec![decision(
        "2026-053",
        "Melding bij de woningcorporatie",
        "sbakker",
    )];
    ic.actions = vec![action(
        "A2026-054",
        "Domijn bellen over de huurachterstand",
        "jdevries",
        Some(KRAMER),
    )];
    let mut ie = item(
        "Gezin A.",
        ItemKind::Casus(discussion(AYDIN, "Is schuldhulp nog nodig?")),
    );
    ie.actions = vec![action(
        "A2026-055",
        "Schuldhulp Oost om een eindverslag vragen",
        "jdevries",
        Some(AYDIN),
    )];
    let mut org = item("Bezetting in de zomer", ItemKind::Organisatorisch);
    org.notes = "Twee collega's met verlof in juli.".into();
    org.decisions = vec![decision("2026-054", "Zomerrooster vastgesteld", "sbakker")];
    org.actions = vec![action("A2026-056", "Rooster rondsturen", "sbakker", None)];
    let mut rondvraag = item("Rondvraag", ItemKind::Rondvraag);
    rondvraag.notes = "Scholing Signs of Safety op 9 juni.".into();
    m.agenda = vec![
        item("Opening", ItemKind::Opening),
        item("Vorig verslag", ItemKind::VorigVerslag),
        item("Actiepunten", ItemKind::Actiepunten),
        ia,
        ib,
        ic,
        ie,
        org,
        rondvraag,
    ];
    m.next_meeting = Some(d("2026-05-26"));
    m
}

pub fn team_data(dir: &Path) -> TeamData {
    let mut cases = cases();
    cases.sort_by(|a, b| a.code.cmp(&b.code));
    TeamData {
        dir: dir.to_path_buf(),
        team: team(),
        cases,
        meetings: vec![earlier_meeting(), the_meeting()],
    }
}

/// Writes the team to disk with the storage functions; returns the team folder.
pub fn write_team(root: &Path) -> PathBuf {
    let dir = root.join("velve");
    let data = team_data(&dir);
    overleg::storage::save_team(&dir, &data.team).expect("save team");
    for c in &data.cases {
        overleg::storage::save_case(&dir, c).expect("save case");
    }
    for m in &data.meetings {
        overleg::storage::save_meeting(&dir, m).expect("save meeting");
    }
    dir
}
