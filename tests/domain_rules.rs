//! Rules of the domain that other parts rely on: the action ledger, decision and action
//! numbering, meeting dates from the rhythm, and attention signals.

use chrono::{NaiveDate, NaiveTime};
use overleg::domain::signals::{Signal, SignalSettings, case_signals, cases_needing_discussion};
use overleg::domain::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn meeting(date: NaiveDate, state: MeetingState) -> Meeting {
    Meeting {
        version: FORMAT_VERSION,
        team: "zuid".into(),
        date,
        start: NaiveTime::from_hms_opt(9, 30, 0).unwrap(),
        duration_minutes: 90,
        place: String::new(),
        state,
        minutes_status: MinutesStatus::Concept,
        voorzitter: None,
        notulist: None,
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

fn item(kind: ItemKind) -> AgendaItem {
    AgendaItem {
        title: "Casus".into(),
        kind,
        time_box_minutes: 15,
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

fn action(number: &str, due: NaiveDate) -> ActionItem {
    ActionItem {
        number: number.into(),
        text: "Bellen met school".into(),
        owner: "sbakker".into(),
        due,
        case: None,
        status: ActionStatus::Open,
        postponed: 0,
    }
}

fn review(action: &str, outcome: ReviewOutcome) -> ActionReview {
    ActionReview {
        action: action.into(),
        outcome,
        note: String::new(),
        new_owner: None,
    }
}

fn discussion(code: &str) -> ItemKind {
    ItemKind::Casus(CaseDiscussion {
        case: code.into(),
        inbrenger: "sbakker".into(),
        question: "Wie neemt de regie?".into(),
        clarifying_notes: String::new(),
        advice: vec![],
        regie: None,
        regie_check: None,
        next_evaluation: None,
        lesson: None,
        confidential_notes: String::new(),
    })
}

fn case(code: &str) -> Case {
    Case {
        version: FORMAT_VERSION,
        code: code.into(),
        pseudonym: "Fam. Özdemir".into(),
        registered: d(2026, 1, 5),
        status: CaseStatus::Uitvoering,
        laws: vec![Law::Jeugdwet],
        kader: Kader::Vrijwillig,
        complexity: Complexity::Midden,
        leefgebieden: vec![Leefgebied::Opvoeding],
        household: vec![],
        consent: Consent::default(),
        signal_source: SignalSource::School,
        coach: Some("sbakker".into()),
        regisseur: Some(Regisseur::Lid("sbakker".into())),
        regie_history: vec![],
        betrokkenen: vec![],
        voorzieningen: vec![],
        plans: vec![],
        next_evaluation: Some(d(2026, 12, 15)),
        safety_flag: false,
        situation_at_registration: String::new(),
        situation_now: String::new(),
        confidential_notes: String::new(),
        history: vec![],
    }
}

#[test]
fn ledger_replays_reviews_in_date_order() {
    let mut m1 = meeting(d(2026, 10, 20), MeetingState::Gesloten);
    let mut it = item(discussion("2026-0001"));
    it.actions = vec![
        action("A2026-001", d(2026, 11, 1)),
        action("A2026-002", d(2026, 11, 1)),
    ];
    m1.agenda.push(it);
    let mut m2 = meeting(d(2026, 11, 3), MeetingState::Gesloten);
    m2.action_reviews = vec![
        review("A2026-001", ReviewOutcome::Doorgeschoven(d(2026, 11, 15))),
        review("A2026-002", ReviewOutcome::Gedaan),
    ];
    let mut m3 = meeting(d(2026, 11, 17), MeetingState::Gesloten);
    m3.action_reviews = vec![review(
        "A2026-001",
        ReviewOutcome::Doorgeschoven(d(2026, 12, 1)),
    )];

    // Given out of order on purpose.
    let all = [m3.clone(), m1.clone(), m2.clone()];
    let ledger = ActionLedger::from_meetings(&all, None);
    let a1 = ledger.get("A2026-001").unwrap();
    assert_eq!(
        (a1.status, a1.due, a1.postponed),
        (ActionStatus::Open, d(2026, 12, 1), 2)
    );
    assert_eq!(a1.last_review, Some(d(2026, 11, 17)));
    assert_eq!(
        ledger.get("A2026-002").unwrap().status,
        ActionStatus::Gedaan
    );
    assert_eq!(ledger.open().count(), 1);
    assert_eq!(ledger.overdue(d(2026, 12, 2)).count(), 1);
    assert_eq!(ledger.overdue(d(2026, 11, 30)).count(), 0);

    // As it stood at the second meeting.
    let then = ActionLedger::from_meetings(&all, Some(d(2026, 11, 3)));
    let a1 = then.get("A2026-001").unwrap();
    assert_eq!((a1.due, a1.postponed), (d(2026, 11, 15), 1));
}

#[test]
fn numbers_continue_across_meetings_and_restart_per_year() {
    let mut m1 = meeting(d(2026, 10, 20), MeetingState::Gesloten);
    let mut it = item(ItemKind::Organisatorisch);
    it.decisions.push(Decision {
        number: "2026-030".into(),
        text: "Casussen van vertrekkende collega's herverdeeld".into(),
        decided_by: "mdejong".into(),
        grounds: "Teamoverleg".into(),
        consultation: None,
        dissent: vec![],
    });
    it.actions.push(action("A2026-041", d(2026, 11, 1)));
    m1.agenda.push(it);
    let ms = [m1];
    assert_eq!(next_decision_number(&ms, 2026), "2026-031");
    assert_eq!(next_decision_number(&ms, 2027), "2027-001");
    assert_eq!(next_action_number(&ms, 2026), "A2026-042");
    assert_eq!(next_action_number(&[], 2026), "A2026-001");
}

#[test]
fn rhythm_gives_every_other_tuesday() {
    let rhythm = MeetingRhythm {
        weekday: Weekday::Dinsdag,
        start: NaiveTime::from_hms_opt(9, 30, 0).unwrap(),
        duration_minutes: 90,
        interval_weeks: 2,
        anchor: d(2026, 11, 3),
        place: String::new(),
    };
    assert!(rhythm.is_meeting_day(d(2026, 11, 17)));
    assert!(!rhythm.is_meeting_day(d(2026, 11, 10)));
    assert!(
        rhythm.is_meeting_day(d(2026, 10, 20)),
        "before the anchor too"
    );
    assert_eq!(rhythm.next_on_or_after(d(2026, 11, 23)), d(2026, 12, 1));
    assert_eq!(rhythm.next_on_or_after(d(2026, 12, 1)), d(2026, 12, 1));
    assert_eq!(rhythm.next_after(d(2026, 12, 1)), d(2026, 12, 15));
}

#[test]
fn signals_name_each_reason() {
    let today = d(2026, 11, 23);
    let s = SignalSettings::default();
    let mut c = case("2026-0001");
    assert_eq!(
        case_signals(&c, Some(d(2026, 11, 3)), None, today, s),
        vec![]
    );

    c.regisseur = None;
    c.next_evaluation = Some(d(2026, 11, 1));
    c.kader = Kader::Gedwongen(Maatregel {
        measure: "ondertoezichtstelling (OTS)".into(),
        gi: "Jeugdbescherming Oost".into(),
        gezinsvoogd: "R. Ünal".into(),
        start: d(2025, 12, 10),
        end: d(2026, 12, 10),
    });
    c.voorzieningen.push(Voorziening {
        name: "ambulante gezinsbegeleiding".into(),
        provider: "Zorgaanbieder De Linde".into(),
        law: Law::Jeugdwet,
        start: d(2026, 6, 1),
        end: Some(d(2026, 12, 31)),
    });
    let got = case_signals(&c, Some(d(2026, 6, 2)), Some(d(2026, 11, 17)), today, s);
    assert_eq!(
        got,
        vec![
            Signal::NoRegisseur,
            Signal::MeasureEnding(d(2026, 12, 10)),
            Signal::EvaluationOverdue(d(2026, 11, 1)),
            Signal::CarriedOver(d(2026, 11, 17)),
            Signal::NotDiscussedSince(Some(d(2026, 6, 2))),
        ],
        "provision ending after the four-week horizon is not signalled"
    );

    c.status = CaseStatus::Afgesloten;
    assert!(case_signals(&c, None, None, today, s).is_empty());
}

#[test]
fn team_attention_list_uses_meetings_and_sorts_by_urgency() {
    let mut quiet = case("2026-0002");
    quiet.registered = d(2026, 11, 1);
    let mut no_regie = case("2026-0003");
    no_regie.regisseur = None;
    no_regie.registered = d(2026, 11, 1);
    let old = case("2026-0001");
    let mut forgotten = case("2026-0004");
    forgotten.registered = d(2025, 1, 6);
    let mut earlier = meeting(d(2026, 5, 12), MeetingState::Gesloten);
    earlier.agenda.push(item(discussion("2026-0004")));

    let mut m = meeting(d(2026, 11, 17), MeetingState::Gesloten);
    let mut unfinished = item(discussion("2026-0002"));
    unfinished.done = false;
    m.agenda.push(unfinished);
    let planned = meeting(d(2026, 12, 1), MeetingState::Gepland);

    let team = TeamData {
        dir: "zuid".into(),
        team: Team {
            version: FORMAT_VERSION,
            id: "zuid".into(),
            name: "Wijkteam Zuid".into(),
            municipality: String::new(),
            members: vec![],
            rhythm: MeetingRhythm {
                weekday: Weekday::Dinsdag,
                start: NaiveTime::from_hms_opt(9, 30, 0).unwrap(),
                duration_minutes: 90,
                interval_weeks: 2,
                anchor: d(2026, 11, 3),
                place: String::new(),
            },
            shared_folder: false,
            caseload_norm: CaseloadNorm::default(),
        },
        cases: vec![old, quiet, no_regie, forgotten],
        meetings: vec![earlier, m, planned],
    };
    let list = cases_needing_discussion(&team, d(2026, 11, 23), SignalSettings::default());
    let codes: Vec<&str> = list.iter().map(|a| a.case.code.as_str()).collect();
    // 2026-0001 was never discussed: that alone is no reason to bring it in.
    assert_eq!(codes, ["2026-0003", "2026-0002", "2026-0004"]);
    assert_eq!(list[1].signals, vec![Signal::CarriedOver(d(2026, 11, 17))]);
    assert_eq!(
        list[2].signals,
        vec![Signal::NotDiscussedSince(Some(d(2026, 5, 12)))]
    );
    assert_eq!(
        list[2].signals[0].describe(overleg::i18n::Lang::Nl),
        "niet besproken sinds 12-05-2026"
    );
}
