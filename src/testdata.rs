//! A small hand-built team for tests and examples: four members, seven fictional households
//! (with Özdemir, Şahin and Eén among the consented names, and one name without consent),
//! two meetings with a decision, actions and a review. "Today" is [`TODAY`].

use chrono::{NaiveDate, NaiveTime};

use crate::domain::{
    ActionItem, ActionReview, Advice, AgendaItem, Case, CaseDiscussion, CaseStatus, CaseloadNorm,
    Complexity, Consent, Decision, ExternalProfessional, HouseholdMember, ItemKind, Kader, Law,
    Leefgebied, Meeting, MeetingRhythm, MeetingState, Member, RegieChange, Regisseur,
    ReviewOutcome, Role, SignalSource, Team, TeamData, Voorziening, Weekday, Workspace,
};

/// The date the fixture treats as today.
pub fn today() -> NaiveDate {
    date(2026, 5, 1)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn member(id: &str, name: &str, role: Role, fte: f32) -> Member {
    Member {
        id: id.into(),
        name: name.into(),
        roles: vec![role],
        fte,
        expertise: vec![],
        youth_authority: true,
        mandate_eur: None,
        start: None,
        end: None,
        leave: vec![],
    }
}

/// The team "noord" with a low norm (3 households per FTE) so loads above norm show up.
pub fn team() -> Team {
    let mut yilmaz = member("ayilmaz", "Ayşe Yılmaz", Role::Wijkcoach, 0.5);
    yilmaz.expertise = vec!["schulden".into()];
    Team {
        version: crate::domain::FORMAT_VERSION,
        id: "noord".into(),
        name: "Wijkteam Stroïnkslanden".into(),
        municipality: "Enschede".into(),
        members: vec![
            member("sbakker", "Sanne Bakker", Role::Wijkcoach, 1.0),
            yilmaz,
            member("jdevries", "Joost de Vries", Role::Jeugdprofessional, 0.8),
            member("mvisser", "Marieke Visser", Role::Wijkteammanager, 1.0),
        ],
        rhythm: MeetingRhythm {
            weekday: Weekday::Dinsdag,
            start: NaiveTime::from_hms_opt(9, 30, 0).unwrap_or_default(),
            duration_minutes: 90,
            interval_weeks: 2,
            anchor: date(2026, 3, 10),
            place: "Wijkcentrum De Bron".into(),
        },
        shared_folder: false,
        caseload_norm: CaseloadNorm {
            cases_per_fte: 3.0,
            ..CaseloadNorm::default()
        },
    }
}

fn person(role: &str, name: Option<&str>) -> HouseholdMember {
    HouseholdMember {
        role: role.into(),
        age: None,
        name: name.map(Into::into),
    }
}

/// A minimal open case; tests adjust the fields they care about.
pub fn case(code: &str, pseudonym: &str, complexity: Complexity) -> Case {
    Case {
        version: crate::domain::FORMAT_VERSION,
        code: code.into(),
        pseudonym: pseudonym.into(),
        registered: date(2026, 1, 5),
        status: CaseStatus::Uitvoering,
        laws: vec![Law::Wmo],
        kader: Kader::Vrijwillig,
        complexity,
        leefgebieden: vec![],
        household: vec![],
        consent: Consent::default(),
        signal_source: SignalSource::Inwoner,
        coach: None,
        regisseur: None,
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

fn lid(id: &str) -> Option<Regisseur> {
    Some(Regisseur::Lid(id.into()))
}

fn consented(mut c: Case, names: &[(&str, &str)]) -> Case {
    c.consent.discuss_with_name = true;
    c.household = names.iter().map(|(r, n)| person(r, Some(n))).collect();
    c
}

/// The seven households.
pub fn cases() -> Vec<Case> {
    let mut a = consented(
        case("2026-0001", "Fam. Ö.", Complexity::Zwaar),
        &[("moeder", "Elif Özdemir"), ("kind", "Deniz Özdemir")],
    );
    a.coach = Some("sbakker".into());
    a.regisseur = lid("sbakker");
    a.leefgebieden = vec![Leefgebied::Opvoeding, Leefgebied::FinancienEnSchulden];
    a.next_evaluation = Some(date(2026, 4, 24));
    a.situation_at_registration = "Huurachterstand, zorgen over school.".into();
    a.situation_now = "Schuldhulp loopt, kinderen gaan weer naar school.".into();
    a.regie_history = vec![RegieChange {
        date: date(2026, 1, 20),
        from: None,
        to: lid("sbakker"),
        reason: "Nieuwe aanmelding".into(),
        meeting: None,
        effective: None,
    }];
    a.voorzieningen = vec![Voorziening {
        name: "ambulante gezinsbegeleiding".into(),
        provider: "Stichting De Kern".into(),
        law: Law::Jeugdwet,
        start: date(2026, 2, 1),
        end: Some(date(2026, 5, 20)),
    }];

    let mut b = consented(
        case("2026-0002", "Fam. Ş.", Complexity::Midden),
        &[("vader", "Mehmet Şahin")],
    );
    b.coach = Some("ayilmaz".into());
    b.regisseur = lid("ayilmaz");
    b.next_evaluation = Some(date(2026, 5, 20));

    let mut c = consented(
        case("2026-0003", "Mw. E.", Complexity::Licht),
        &[("moeder", "Fleur Eén")],
    );
    c.coach = Some("jdevries".into());
    c.regie_history = vec![RegieChange {
        date: date(2026, 3, 1),
        from: lid("jdevries"),
        to: None,
        reason: "Coach vertrokken".into(),
        meeting: None,
        effective: None,
    }];

    // No consent: the name is recorded but must never be findable.
    let mut d = case("2026-0004", "Fam. K.", Complexity::Licht);
    d.household = vec![person("moeder", Some("Piotr Kowalczyk"))];
    d.regisseur = lid("sbakker");
    d.coach = Some("sbakker".into());
    d.next_evaluation = Some(date(2026, 5, 15));

    let mut e = case("2026-0005", "Dhr. V.", Complexity::Midden);
    e.status = CaseStatus::Afgesloten;
    e.regisseur = lid("sbakker");

    let mut f = case("2026-0006", "Fam. B.", Complexity::Zwaar);
    f.coach = Some("jdevries".into());
    f.regisseur = Some(Regisseur::Extern(ExternalProfessional {
        name: "Tom Wolters".into(),
        organisation: "Jeugdbescherming Oost".into(),
        function: "gezinsvoogd".into(),
    }));

    let mut g = case("2026-0007", "Mw. L.", Complexity::Licht);
    g.regisseur = Some(Regisseur::Huishouden);

    vec![a, b, c, d, e, f, g]
}

fn meeting(d: NaiveDate) -> Meeting {
    Meeting {
        version: crate::domain::FORMAT_VERSION,
        team: "noord".into(),
        date: d,
        start: NaiveTime::from_hms_opt(9, 30, 0).unwrap_or_default(),
        duration_minutes: 90,
        place: String::new(),
        state: MeetingState::Gesloten,
        minutes_status: Default::default(),
        voorzitter: Some("mvisser".into()),
        notulist: None,
        attendance: vec![],
        guests: vec![],
        previous_minutes: None,
        action_reviews: vec![],
        agenda: vec![],
        next_meeting: None,
        progress: Default::default(),
        withdrawn_numbers: vec![],
        cancelled: None,
    }
}

fn action(number: &str, text: &str, owner: &str, due: NaiveDate, case: &str) -> ActionItem {
    ActionItem {
        number: number.into(),
        text: text.into(),
        owner: owner.into(),
        due,
        case: Some(case.into()),
        status: Default::default(),
        postponed: 0,
    }
}

/// Two closed meetings: in March the Özdemir household was discussed (advice, a decision,
/// three actions); in April one action was reviewed as done.
pub fn meetings() -> Vec<Meeting> {
    let mut march = meeting(date(2026, 3, 10));
    march.agenda = vec![AgendaItem {
        title: "Casus 2026-0001".into(),
        kind: ItemKind::Casus(CaseDiscussion {
            case: "2026-0001".into(),
            inbrenger: "sbakker".into(),
            question: "Hoe krijgen we de schulden in beeld?".into(),
            clarifying_notes: String::new(),
            advice: vec![Advice {
                by: "ayilmaz".into(),
                text: "Schakel de kredietbank in.".into(),
            }],
            regie: None,
            regie_check: None,
            next_evaluation: None,
            lesson: None,
            confidential_notes: String::new(),
        }),
        time_box_minutes: 15,
        elapsed_seconds: 0,
        done: true,
        notes: String::new(),
        decisions: vec![Decision {
            number: "2026-001".into(),
            text: "Inzet schuldhulpverlening via de kredietbank".into(),
            decided_by: "sbakker".into(),
            grounds: "Huurachterstand loopt op".into(),
            consultation: None,
            dissent: vec![],
        }],
        actions: vec![
            action(
                "A2026-001",
                "Aanmelden bij kredietbank",
                "sbakker",
                date(2026, 3, 24),
                "2026-0001",
            ),
            action(
                "A2026-002",
                "Gesprek met school",
                "ayilmaz",
                date(2026, 6, 1),
                "2026-0001",
            ),
            action(
                "A2026-003",
                "Huisbezoek plannen",
                "sbakker",
                date(2026, 3, 20),
                "2026-0001",
            ),
        ],
        verdeling: vec![],
        herverdeling: None,
        case_changes: vec![],
    }];
    let mut april = meeting(date(2026, 4, 7));
    april.action_reviews = vec![ActionReview {
        action: "A2026-003".into(),
        outcome: ReviewOutcome::Gedaan,
        note: String::new(),
        new_owner: None,
    }];
    vec![march, april]
}

/// The team with its cases and meetings, in folder `dir`.
pub fn team_data(dir: &std::path::Path) -> TeamData {
    TeamData {
        dir: dir.to_path_buf(),
        team: team(),
        cases: cases(),
        meetings: meetings(),
    }
}

/// A workspace holding only the fixture team.
pub fn workspace() -> Workspace {
    Workspace {
        municipality: Some("Enschede".into()),
        teams: vec![team_data(std::path::Path::new("noord"))],
    }
}
