//! Shared test helpers: proptest strategies for teams, cases and meetings, and a way to copy
//! the fixture team folder into a temporary folder.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};
use overleg::domain::*;
use proptest::prelude::*;

/// The fictional fixture team (Dutch, Unicode names).
pub fn fixture_team() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wijkteam-oost")
}

/// Copies a folder tree.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A temporary copy of the fixture team; the folder inside is named `oost`.
pub fn fixture_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("oost");
    copy_dir(&fixture_team(), &dir);
    (tmp, dir)
}

/// Text with Unicode, quotes, backslashes and newlines.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,12}",
        "[a-zA-Zéëïöüçğış \"\\\\\n\t]{0,12}",
        Just("Özdemir".to_string()),
        Just("Şahin".to_string()),
    ]
}

pub fn id() -> impl Strategy<Value = String> {
    "[a-z]{1,8}"
}

pub fn date() -> impl Strategy<Value = NaiveDate> {
    (2000i32..2040, 1u32..=365).prop_map(|(y, d)| NaiveDate::from_yo_opt(y, d).unwrap_or_default())
}

pub fn time() -> impl Strategy<Value = NaiveTime> {
    (0u32..24, 0u32..60, 0u32..60)
        .prop_map(|(h, m, s)| NaiveTime::from_hms_opt(h, m, s).unwrap_or_default())
}

pub fn role() -> impl Strategy<Value = Role> {
    prop_oneof![
        Just(Role::Wijkcoach),
        Just(Role::Consulent),
        Just(Role::SociaalWerker),
        Just(Role::Jeugdprofessional),
        Just(Role::Wijkteammanager),
        Just(Role::Transformatiecoach),
        Just(Role::Gedragswetenschapper),
    ]
}

pub fn member() -> impl Strategy<Value = Member> {
    (
        id(),
        text(),
        prop::collection::vec(role(), 0..3),
        0.0f32..1.5,
        prop::collection::vec(text(), 0..3),
        any::<bool>(),
        prop::option::of(0u32..100_000),
        prop::option::of(date()),
        prop::collection::vec(
            (date(), prop::option::of(date())).prop_map(|(from, until)| Leave { from, until }),
            0..2,
        ),
    )
        .prop_map(
            |(id, name, roles, fte, expertise, youth_authority, mandate_eur, end, leave)| Member {
                id,
                name,
                roles,
                fte,
                expertise,
                youth_authority,
                mandate_eur,
                start: None,
                end,
                leave,
            },
        )
}

pub fn weekday() -> impl Strategy<Value = Weekday> {
    prop_oneof![
        Just(Weekday::Maandag),
        Just(Weekday::Dinsdag),
        Just(Weekday::Woensdag),
        Just(Weekday::Donderdag),
        Just(Weekday::Vrijdag),
    ]
}

pub fn team() -> impl Strategy<Value = Team> {
    (
        id(),
        text(),
        text(),
        prop::collection::vec(member(), 0..5),
        (weekday(), time(), 0u32..240, 1u32..5, date(), text()),
        (1.0f32..60.0, 0.0f32..5.0, 0.0f32..5.0, 0.0f32..5.0),
    )
        .prop_map(|(id, name, municipality, members, r, n)| Team {
            version: FORMAT_VERSION,
            id,
            name,
            municipality,
            members,
            rhythm: MeetingRhythm {
                weekday: r.0,
                start: r.1,
                duration_minutes: r.2,
                interval_weeks: r.3,
                anchor: r.4,
                place: r.5,
            },
            shared_folder: false,
            caseload_norm: CaseloadNorm {
                cases_per_fte: n.0,
                weight_licht: n.1,
                weight_midden: n.2,
                weight_zwaar: n.3,
            },
        })
}

pub fn regisseur() -> impl Strategy<Value = Regisseur> {
    prop_oneof![
        id().prop_map(Regisseur::Lid),
        (text(), text(), text()).prop_map(|(name, organisation, function)| {
            Regisseur::Extern(ExternalProfessional {
                name,
                organisation,
                function,
            })
        }),
        Just(Regisseur::Huishouden),
    ]
}

pub fn law() -> impl Strategy<Value = Law> {
    prop::sample::select(Law::ALL.to_vec())
}

pub fn kader() -> impl Strategy<Value = Kader> {
    prop_oneof![
        Just(Kader::Vrijwillig),
        (text(), text(), text(), date(), date()).prop_map(
            |(measure, gi, gezinsvoogd, start, end)| {
                Kader::Gedwongen(Maatregel {
                    measure,
                    gi,
                    gezinsvoogd,
                    start,
                    end,
                })
            }
        ),
    ]
}

pub fn signal_source() -> impl Strategy<Value = SignalSource> {
    prop::sample::select(vec![
        SignalSource::Inwoner,
        SignalSource::School,
        SignalSource::Huisarts,
        SignalSource::Woningcorporatie,
        SignalSource::VeiligThuis,
        SignalSource::Politie,
        SignalSource::Wijkagent,
        SignalSource::Schuldhulp,
        SignalSource::Ggz,
        SignalSource::Anders,
    ])
}

/// A case with the given code (codes must be unique in a team folder).
pub fn case(code: String) -> impl Strategy<Value = Case> {
    let people = (
        prop::collection::vec(
            (
                text(),
                prop::option::of(any::<u8>()),
                prop::option::of(text()),
            )
                .prop_map(|(role, age, name)| HouseholdMember { role, age, name }),
            0..3,
        ),
        (any::<bool>(), any::<bool>(), prop::option::of(date())).prop_map(
            |(discuss_with_name, share_with_partners, date)| Consent {
                discuss_with_name,
                share_with_partners,
                date,
            },
        ),
        prop::option::of(id()),
        prop::option::of(regisseur()),
        prop::collection::vec(
            (
                date(),
                prop::option::of(regisseur()),
                prop::option::of(regisseur()),
                text(),
                prop::option::of(date()),
                prop::option::of(date()),
            )
                .prop_map(|(date, from, to, reason, meeting, effective)| RegieChange {
                    date,
                    from,
                    to,
                    reason,
                    meeting,
                    effective,
                }),
            0..3,
        ),
    );
    let support = (
        prop::collection::vec(
            (text(), text(), text(), any::<bool>()).prop_map(
                |(name, organisation, role, known_to_others)| Betrokkene {
                    name,
                    organisation,
                    role,
                    known_to_others,
                },
            ),
            0..3,
        ),
        prop::collection::vec(
            (text(), text(), law(), date(), prop::option::of(date())).prop_map(
                |(name, provider, law, start, end)| Voorziening {
                    name,
                    provider,
                    law,
                    start,
                    end,
                },
            ),
            0..3,
        ),
        prop::collection::vec(
            (
                text(),
                date(),
                prop::option::of(date()),
                prop::collection::vec(
                    (text(), text(), any::<bool>()).prop_map(|(text, responsible, achieved)| {
                        Goal {
                            text,
                            responsible,
                            achieved,
                        }
                    }),
                    0..3,
                ),
            )
                .prop_map(|(title, made, ended, goals)| Plan {
                    title,
                    made,
                    ended,
                    goals,
                }),
            0..2,
        ),
    );
    let basics = (
        text(),
        date(),
        prop::sample::select(CaseStatus::ALL.to_vec()),
        prop::collection::vec(law(), 0..3),
        kader(),
        prop::sample::select(Complexity::ALL.to_vec()),
        prop::collection::vec(prop::sample::select(Leefgebied::ALL.to_vec()), 0..4),
        signal_source(),
    );
    let rest = (
        prop::option::of(date()),
        any::<bool>(),
        text(),
        text(),
        text(),
    );
    (basics, people, support, rest).prop_map(move |(b, p, s, r)| Case {
        version: FORMAT_VERSION,
        code: code.clone(),
        pseudonym: b.0,
        registered: b.1,
        status: b.2,
        laws: b.3,
        kader: b.4,
        complexity: b.5,
        leefgebieden: b.6,
        household: p.0,
        consent: p.1,
        signal_source: b.7,
        coach: p.2,
        regisseur: p.3,
        regie_history: p.4,
        betrokkenen: s.0,
        voorzieningen: s.1,
        plans: s.2,
        next_evaluation: r.0,
        safety_flag: r.1,
        situation_at_registration: r.2,
        situation_now: r.3,
        confidential_notes: r.4,
        history: vec![],
    })
}

/// Several cases with distinct codes `2026-0001`, `2026-0002`, ….
pub fn cases(max: usize) -> impl Strategy<Value = Vec<Case>> {
    (0..=max).prop_flat_map(|n| {
        (0..n)
            .map(|i| case(format!("2026-{:04}", i + 1)))
            .collect::<Vec<_>>()
    })
}

/// A meeting of team `team` on `date`, with one case discussion, a decision and an action.
pub fn meeting(team: String, on: NaiveDate) -> impl Strategy<Value = Meeting> {
    (
        time(),
        text(),
        prop::option::of(id()),
        prop::collection::vec(
            (text(), text()).prop_map(|(name, role)| Guest { name, role }),
            0..2,
        ),
        (
            text(),
            id(),
            text(),
            prop::collection::vec((id(), text()), 0..3),
        ),
        (text(), id(), text(), date(), prop::option::of(regisseur())),
    )
        .prop_map(move |(start, place, voorzitter, guests, d, x)| Meeting {
            version: FORMAT_VERSION,
            team: team.clone(),
            date: on,
            start,
            duration_minutes: 90,
            place,
            state: MeetingState::Gesloten,
            minutes_status: MinutesStatus::Concept,
            voorzitter,
            notulist: None,
            attendance: vec![],
            guests,
            previous_minutes: None,
            action_reviews: vec![ActionReview {
                action: "A2026-001".into(),
                outcome: ReviewOutcome::Doorgeschoven(x.3),
                note: d.0.clone(),
                new_owner: None,
            }],
            agenda: vec![AgendaItem {
                title: d.0.clone(),
                kind: ItemKind::Casus(CaseDiscussion {
                    case: "2026-0001".into(),
                    inbrenger: d.1.clone(),
                    question: d.2.clone(),
                    clarifying_notes: String::new(),
                    advice: d
                        .3
                        .iter()
                        .map(|(by, text)| Advice {
                            by: by.clone(),
                            text: text.clone(),
                        })
                        .collect(),
                    regie: x.4.clone().map(RegieOutcome::Behouden),
                    regie_check: Some(RegieCheck {
                        skipped: None,
                        answers: vec![RegieCheckAnswer {
                            point: RegieCheckPoint::RegisseurBenoemd,
                            answer: CheckAnswer::Overgeslagen(x.2.clone()),
                            note: String::new(),
                        }],
                    }),
                    next_evaluation: Some(x.3),
                    lesson: Some(x.0.clone()),
                    confidential_notes: String::new(),
                }),
                time_box_minutes: 15,
                elapsed_seconds: 0,
                done: false,
                notes: x.0.clone(),
                decisions: vec![Decision {
                    number: "2026-001".into(),
                    text: x.0.clone(),
                    decided_by: x.1.clone(),
                    grounds: x.2.clone(),
                    consultation: Some(Consultation::VierOgen),
                    dissent: vec![],
                }],
                actions: vec![ActionItem {
                    number: "A2026-001".into(),
                    text: x.2,
                    owner: x.1,
                    due: x.3,
                    case: Some("2026-0001".into()),
                    status: ActionStatus::Open,
                    postponed: 0,
                }],
                verdeling: vec![],
                herverdeling: None,
                case_changes: vec![],
            }],
            next_meeting: None,
            withdrawn_numbers: vec![],
            cancelled: None,
            progress: Progress::default(),
        })
}
