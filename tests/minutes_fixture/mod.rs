//! Fixed fictional test data for the minutes: one team of six with Unicode names, three
//! households and two closed meetings. Everything here is invented.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};
use overleg::domain::*;

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn member(id: &str, name: &str, roles: Vec<Role>) -> Member {
    Member {
        id: id.into(),
        name: name.into(),
        roles,
        fte: 0.89,
        expertise: vec![],
        youth_authority: true,
        mandate_eur: None,
        start: None,
        end: None,
        leave: vec![],
    }
}

pub fn team() -> Team {
    let mut manager = member("sbakker", "Sanne Bakker", vec![Role::Wijkteammanager]);
    manager.mandate_eur = Some(50_000);
    Team {
        version: FORMAT_VERSION,
        id: "helmerhoek".into(),
        name: "Wijkteam Helmerhoek-Stroïnkslanden".into(),
        municipality: "Enschede".into(),
        members: vec![
            member("aozdemir", "Ayşe Özdemir", vec![Role::Wijkcoach]),
            member("msahin", "Mehmet Şahin", vec![Role::Jeugdprofessional]),
            manager,
            member("jdevries", "Joost de Vries", vec![Role::Consulent]),
            member(
                "lheijden",
                "Lotte van der Heijden",
                vec![Role::Gedragswetenschapper],
            ),
            member("cjanssen", "Chloë Janssen", vec![Role::Transformatiecoach]),
        ],
        rhythm: MeetingRhythm {
            weekday: Weekday::Donderdag,
            start: NaiveTime::from_hms_opt(9, 30, 0).expect("time"),
            duration_minutes: 90,
            interval_weeks: 2,
            anchor: d("2026-03-05"),
            place: "Wijkcentrum De Bron, zaal 2".into(),
        },
        shared_folder: false,
        caseload_norm: CaseloadNorm::default(),
    }
}

fn case(code: &str, pseudonym: &str, laws: Vec<Law>) -> Case {
    Case {
        version: FORMAT_VERSION,
        code: code.into(),
        pseudonym: pseudonym.into(),
        registered: d("2026-01-12"),
        status: CaseStatus::Uitvoering,
        laws,
        kader: Kader::Vrijwillig,
        complexity: Complexity::Midden,
        leefgebieden: vec![Leefgebied::Opvoeding],
        household: vec![],
        consent: Consent::default(),
        signal_source: SignalSource::School,
        coach: Some("aozdemir".into()),
        regisseur: Some(Regisseur::Lid("aozdemir".into())),
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

/// Household names planted in the cases (and, in places, in free text).
pub const HOUSEHOLD_NAMES: [&str; 5] = ["Anouk", "Aydın", "Milan", "Dirkje", "Kuipers"];
/// Pseudonyms, which `deelbaar` must leave out too.
pub const PSEUDONYMS: [&str; 3] = ["Fam. A.", "Mw. D.", "Fam. K."];

pub fn cases() -> Vec<Case> {
    let mut a = case("2026-0142", "Fam. A.", vec![Law::Jeugdwet]);
    a.household = vec![
        HouseholdMember {
            role: "moeder".into(),
            age: Some(38),
            name: Some("Anouk Aydın".into()),
        },
        HouseholdMember {
            role: "kind".into(),
            age: Some(12),
            name: Some("Milan".into()),
        },
    ];
    a.consent.discuss_with_name = true;
    a.consent.share_with_partners = true;
    a.betrokkenen = vec![
        betrokkene("Marieke Smit", "Basisschool De Wegwijzer", "mentor"),
        betrokkene("Karin Veenstra", "Schuldhulp Oost", "schuldhulpverlener"),
    ];
    a.regie_history = vec![RegieChange {
        date: d("2026-01-20"),
        from: None,
        to: Some(Regisseur::Lid("aozdemir".into())),
        reason: "Aanmelding toegewezen".into(),
        meeting: None,
        effective: None,
    }];
    let mut b = case("2026-0157", "Mw. D.", vec![Law::Wmo, Law::Participatiewet]);
    b.household = vec![HouseholdMember {
        role: "bewoner".into(),
        age: Some(67),
        name: Some("Dirkje Dijkstra".into()),
    }];
    b.regisseur = Some(Regisseur::Lid("aozdemir".into()));
    b.consent.share_with_partners = true;
    b.betrokkenen = vec![
        betrokkene("Henk Visser", "Domijn Wonen", "woonconsulent"),
        betrokkene("Karin Veenstra", "Schuldhulp Oost", "schuldhulpverlener"),
    ];
    b.regie_history = vec![
        RegieChange {
            date: d("2026-01-15"),
            from: None,
            to: Some(Regisseur::Lid("jdevries".into())),
            reason: "Aanmelding toegewezen".into(),
            meeting: None,
            effective: None,
        },
        RegieChange {
            date: d("2026-03-19"),
            from: Some(Regisseur::Lid("jdevries".into())),
            to: Some(Regisseur::Lid("aozdemir".into())),
            reason: "Joost vertrekt per 1 april".into(),
            meeting: Some(d("2026-03-19")),
            effective: None,
        },
    ];
    let mut c = case("2025-0988", "Fam. K.", vec![Law::Jeugdwet]);
    c.household = vec![HouseholdMember {
        role: "vader".into(),
        age: Some(44),
        name: Some("Kees Kuipers".into()),
    }];
    c.kader = Kader::Gedwongen(Maatregel {
        measure: "ondertoezichtstelling (OTS)".into(),
        gi: "Jeugdbescherming Oost".into(),
        gezinsvoogd: "Pieter Jansen".into(),
        start: d("2025-09-01"),
        end: d("2026-09-01"),
    });
    c.regisseur = Some(gezinsvoogd());
    let mut v = vec![a, b, c];
    v.sort_by(|x, y| x.code.cmp(&y.code));
    v
}

fn betrokkene(name: &str, organisation: &str, role: &str) -> Betrokkene {
    Betrokkene {
        name: name.into(),
        organisation: organisation.into(),
        role: role.into(),
        known_to_others: true,
    }
}

fn gezinsvoogd() -> Regisseur {
    Regisseur::Extern(ExternalProfessional {
        name: "Pieter Jansen".into(),
        organisation: "Jeugdbescherming Oost".into(),
        function: "gezinsvoogd".into(),
    })
}

fn item(title: &str, kind: ItemKind, minutes: u32) -> AgendaItem {
    AgendaItem {
        title: title.into(),
        kind,
        time_box_minutes: minutes,
        elapsed_seconds: 0,
        done: true,
        notes: String::new(),
        decisions: vec![],
        actions: vec![],
        verdeling: vec![],
        herverdeling: None,
        case_changes: vec![],
    }
}

fn discussion(code: &str, inbrenger: &str, question: &str) -> CaseDiscussion {
    CaseDiscussion {
        case: code.into(),
        inbrenger: inbrenger.into(),
        question: question.into(),
        clarifying_notes: String::new(),
        advice: vec![],
        regie: None,
        regie_check: None,
        next_evaluation: None,
        lesson: None,
        confidential_notes: String::new(),
    }
}

fn action(number: &str, text: &str, owner: &str, due: &str, case: Option<&str>) -> ActionItem {
    ActionItem {
        number: number.into(),
        text: text.into(),
        owner: owner.into(),
        due: d(due),
        case: case.map(str::to_string),
        status: ActionStatus::Open,
        postponed: 0,
    }
}

fn present(ids: &[(&str, Presence)]) -> Vec<Attendance> {
    ids.iter()
        .map(|(m, p)| Attendance {
            member: (*m).into(),
            presence: *p,
        })
        .collect()
}

fn meeting(date: &str) -> Meeting {
    Meeting {
        version: FORMAT_VERSION,
        team: "helmerhoek".into(),
        date: d(date),
        start: NaiveTime::from_hms_opt(9, 30, 0).expect("time"),
        duration_minutes: 90,
        place: "Wijkcentrum De Bron, zaal 2".into(),
        state: MeetingState::Gesloten,
        minutes_status: MinutesStatus::Concept,
        voorzitter: Some("sbakker".into()),
        notulist: Some("jdevries".into()),
        attendance: vec![],
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

/// The first meeting: adopted minutes, one youth case, one case in gedwongen kader.
pub fn meeting_one() -> Meeting {
    use Presence::*;
    let mut m = meeting("2026-03-05");
    m.minutes_status = MinutesStatus::Vastgesteld;
    m.attendance = present(&[
        ("aozdemir", Aanwezig),
        ("msahin", Aanwezig),
        ("sbakker", Aanwezig),
        ("jdevries", Aanwezig),
        ("lheijden", AfwezigMetKennisgeving),
        ("cjanssen", Aanwezig),
    ]);
    m.previous_minutes = Some(PreviousMinutes {
        date: d("2026-02-19"),
        adopted: true,
        remarks: String::new(),
    });
    let mut a = discussion(
        "2026-0142",
        "aozdemir",
        "Hoe krijgen we school en moeder weer aan één tafel?",
    );
    a.clarifying_notes = "Moeder Anouk voelt zich niet gehoord door de mentor.".into();
    a.advice = vec![
        Advice {
            by: "msahin".into(),
            text: "Plan een driegesprek op school, met Milan erbij.".into(),
        },
        Advice {
            by: "cjanssen".into(),
            text: "Vraag de leerplichtambtenaar pas later.".into(),
        },
    ];
    a.regie = Some(RegieOutcome::Behouden(Regisseur::Lid("aozdemir".into())));
    a.next_evaluation = Some(d("2026-04-16"));
    a.lesson = Some("Een driegesprek vroeg in het traject voorkomt escalatie.".into());
    a.confidential_notes = "Vader Aydın heeft een contactverbod; niet delen.".into();
    let mut ia = item("Fam. A.", ItemKind::Casus(a), 15);
    ia.notes = "Anouk wil geen melding bij leerplicht; school dringt aan.".into();
    ia.decisions = vec![Decision {
        number: "2026-030".into(),
        text: "Driegesprek op school voor de meivakantie".into(),
        decided_by: "aozdemir".into(),
        grounds: "Advies team; moeder stemt in".into(),
        consultation: Some(Consultation::VierOgen),
        dissent: vec![Dissent {
            by: "cjanssen".into(),
            note: "Liever eerst de leerplichtambtenaar informeren".into(),
        }],
    }];
    ia.actions = vec![
        action(
            "A2026-010",
            "Driegesprek met school plannen",
            "aozdemir",
            "2026-03-19",
            Some("2026-0142"),
        ),
        action(
            "A2026-011",
            "Mentor bellen over verzuim",
            "msahin",
            "2026-03-12",
            Some("2026-0142"),
        ),
    ];
    let mut k = discussion("2025-0988", "msahin", "Wie doet wat naast de gezinsvoogd?");
    k.regie = Some(RegieOutcome::Behouden(gezinsvoogd()));
    k.regie_check = Some(RegieCheck {
        skipped: Some("Gezinsvoogd niet aanwezig; volgende keer".into()),
        answers: vec![],
    });
    let ik = item("Fam. K.", ItemKind::Casus(k), 10);
    let mut org = item("Vertrek van twee collega's", ItemKind::Organisatorisch, 10);
    org.notes = "Joost vertrekt per 1 april. Zijn casussen worden verdeeld.".into();
    org.actions = vec![action(
        "A2026-012",
        "Overzicht casussen van Joost maken",
        "sbakker",
        "2026-03-19",
        None,
    )];
    m.agenda = vec![
        item("Opening", ItemKind::Opening, 5),
        item("Actiepunten", ItemKind::Actiepunten, 5),
        ia,
        ik,
        org,
    ];
    m.next_meeting = Some(d("2026-03-19"));
    m
}

/// The second meeting: a guest, absences, a regie hand-over, reviewed and postponed actions.
pub fn meeting_two() -> Meeting {
    use Presence::*;
    let mut m = meeting("2026-03-19");
    m.notulist = Some("msahin".into());
    m.attendance = present(&[
        ("aozdemir", Aanwezig),
        ("msahin", Aanwezig),
        ("sbakker", Aanwezig),
        ("lheijden", Aanwezig),
        ("jdevries", AfwezigZonderKennisgeving),
        ("cjanssen", AfwezigMetKennisgeving),
    ]);
    m.guests = vec![Guest {
        name: "Ineke Mulder".into(),
        role: "ervaringsdeskundige".into(),
    }];
    m.previous_minutes = Some(PreviousMinutes {
        date: d("2026-03-05"),
        adopted: true,
        remarks: "Bij besluit 2026-030 de afwijkende mening toegevoegd.".into(),
    });
    m.action_reviews = vec![
        ActionReview {
            action: "A2026-010".into(),
            outcome: ReviewOutcome::Doorgeschoven(d("2026-04-02")),
            note: "School reageert pas na de toetsweek".into(),
            new_owner: None,
        },
        ActionReview {
            action: "A2026-011".into(),
            outcome: ReviewOutcome::Gedaan,
            note: String::new(),
            new_owner: None,
        },
        ActionReview {
            action: "A2026-012".into(),
            outcome: ReviewOutcome::Vervallen,
            note: "Opgenomen in de verdeling".into(),
            new_owner: None,
        },
    ];
    let mut dd = discussion(
        "2026-0157",
        "aozdemir",
        "Hoe voorkomen we dat de huishoudelijke hulp stopt bij de verhuizing?",
    );
    dd.clarifying_notes = "Dirkje woont alleen; dochter in Hengelo helpt soms.".into();
    dd.advice = vec![
        Advice {
            by: "Ineke Mulder".into(),
            text: "Laat mevrouw zelf de nieuwe aanbieder kiezen.".into(),
        },
        Advice {
            by: "lheijden".into(),
            text: "Let op tekenen van vereenzaming na de verhuizing.".into(),
        },
    ];
    dd.regie = Some(RegieOutcome::Overgedragen(RegieHandOver {
        from: Some(Regisseur::Lid("jdevries".into())),
        to: Regisseur::Lid("aozdemir".into()),
        reason: "Joost vertrekt per 1 april; Ayşe heeft ruimte".into(),
        effective: None,
    }));
    dd.regie_check = Some(RegieCheck {
        skipped: None,
        answers: vec![
            RegieCheckAnswer {
                point: RegieCheckPoint::RegisseurBenoemd,
                answer: CheckAnswer::Ja,
                note: String::new(),
            },
            RegieCheckAnswer {
                point: RegieCheckPoint::PlanMetDoelen,
                answer: CheckAnswer::Nee,
                note: "Plan wordt na de verhuizing gemaakt".into(),
            },
            RegieCheckAnswer {
                point: RegieCheckPoint::GedwongenKaderAfgestemd,
                answer: CheckAnswer::NietVanToepassing,
                note: String::new(),
            },
        ],
    });
    dd.next_evaluation = Some(d("2026-05-14"));
    dd.lesson = Some("Regel de overdracht van voorzieningen vóór een verhuizing.".into());
    dd.confidential_notes = "Dirkje Dijkstra heeft schulden bij de woningcorporatie.".into();
    let mut id = item("Mw. D.", ItemKind::Casus(dd), 15);
    id.notes = "Verhuizing naar een seniorenwoning in mei.".into();
    id.decisions = vec![Decision {
        number: "2026-031".into(),
        text: "Huishoudelijke hulp loopt door tot en met de verhuizing".into(),
        decided_by: "sbakker".into(),
        grounds: "Binnen mandaat; geen onderbreking van zorg".into(),
        consultation: Some(Consultation::ZesOgen),
        dissent: vec![Dissent {
            by: "lheijden".into(),
            note: "Eerst een nieuwe indicatie afwachten".into(),
        }],
    }];
    id.actions = vec![action(
        "A2026-013",
        "Nieuwe aanbieder huishoudelijke hulp zoeken; Domijn vragen om voorrang",
        "aozdemir",
        "2026-04-30",
        Some("2026-0157"),
    )];
    let mut a = discussion("2026-0142", "aozdemir", "Is het driegesprek nog haalbaar?");
    a.advice = vec![Advice {
        by: "msahin".into(),
        text: "Anouk kan ook zonder Milan beginnen.".into(),
    }];
    a.regie = Some(RegieOutcome::Behouden(Regisseur::Lid("aozdemir".into())));
    let mut ia = item("Fam. A.", ItemKind::Casus(a), 10);
    ia.decisions = vec![Decision {
        number: "2026-032".into(),
        text: "Driegesprek uiterlijk 2 april".into(),
        decided_by: "aozdemir".into(),
        grounds: "School heeft tijd na de toetsweek".into(),
        consultation: None,
        dissent: vec![],
    }];
    let mut verdeling = item("Wie heeft er ruimte?", ItemKind::Verdeling, 10);
    verdeling.notes = "Vier nieuwe aanmeldingen; twee met jeugdvragen.".into();
    verdeling.decisions = vec![Decision {
        number: "2026-033".into(),
        text: "Mehmet neemt de twee jeugdaanmeldingen".into(),
        decided_by: "sbakker".into(),
        grounds: "Ruimte in caseload".into(),
        consultation: Some(Consultation::TwintigOgen),
        dissent: vec![],
    }];
    verdeling.actions = vec![action(
        "A2026-014",
        "Kennismaking bij de twee nieuwe gezinnen",
        "msahin",
        "2026-04-02",
        None,
    )];
    let mut rondvraag = item("Rondvraag", ItemKind::Rondvraag, 5);
    rondvraag.notes = "Lotte: scholing Signs of Safety op 9 april.".into();
    m.agenda = vec![
        item("Opening", ItemKind::Opening, 5),
        item("Vorig verslag", ItemKind::VorigVerslag, 5),
        item("Actiepunten", ItemKind::Actiepunten, 10),
        id,
        ia,
        verdeling,
        rondvraag,
    ];
    m.next_meeting = Some(d("2026-04-02"));
    m
}

/// The whole team folder in memory.
pub fn team_data(dir: &Path) -> TeamData {
    TeamData {
        dir: dir.to_path_buf(),
        team: team(),
        cases: cases(),
        meetings: vec![meeting_one(), meeting_two()],
    }
}

/// Writes the fixture to disk with the storage functions; returns the team folder.
pub fn write_fixture(root: &Path) -> PathBuf {
    let dir = root.join("helmerhoek");
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

/// A 9-digit number that passes the 11-proef, built from 8 leading digits so no BSN-like
/// literal is written in the repository.
pub fn valid_bsn(first8: &str) -> String {
    let s: u32 = first8
        .chars()
        .filter_map(|c| c.to_digit(10))
        .enumerate()
        .map(|(i, x)| x * (9 - i as u32))
        .sum();
    let check = s % 11;
    assert!(check < 10, "choose other leading digits");
    format!("{first8}{check}")
}

/// A 9-digit number that fails the 11-proef.
pub fn invalid_bsn(first8: &str) -> String {
    let good = valid_bsn(first8);
    let last = good
        .chars()
        .last()
        .and_then(|c| c.to_digit(10))
        .unwrap_or(0);
    format!("{first8}{}", (last + 1) % 10)
}

/// All visible text of a .docx: the text runs of `word/document.xml`, joined.
pub fn docx_xml(bytes: &[u8], part: &str) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("docx is a zip");
    let mut f = zip.by_name(part).expect("part in docx");
    let mut s = String::new();
    f.read_to_string(&mut s).expect("utf-8 xml");
    s
}

/// The text content of `<w:t>` elements in document order.
pub fn docx_text(bytes: &[u8]) -> String {
    let xml = docx_xml(bytes, "word/document.xml");
    let mut out = String::new();
    let mut rest = xml.as_str();
    while let Some(i) = rest.find("<w:t") {
        rest = &rest[i..];
        let Some(gt) = rest.find('>') else { break };
        let is_text = matches!(rest.as_bytes().get(4), Some(b'>' | b' '));
        if !is_text || rest[..gt].ends_with('/') {
            rest = &rest[gt..];
            continue;
        }
        let body = &rest[gt + 1..];
        let Some(end) = body.find("</w:t>") else {
            break;
        };
        out.push_str(
            &body[..end]
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&"),
        );
        out.push('\n');
        rest = &body[end..];
    }
    out
}
