//! Life-cycle changes from the case card and from a meeting, and dated hand-overs.

use super::*;
use crate::domain::{ItemKind, Law, Voorziening};
use crate::session::fixture::{case, d, team};
use crate::session::{add_item, new_meeting};

#[test]
fn status_steps_closing_and_reopening_are_recorded_with_reasons() {
    let t = team();
    let mut c = case("2026-0001", Some("sbakker"));
    c.status = CaseStatus::Plan;
    let on = d(2026, 3, 20);
    let c1 = edit_case(
        &c,
        &t,
        &CaseEdit::Status(CaseStatus::Uitvoering),
        "plan getekend",
        on,
        None,
    )
    .expect("step");
    assert_eq!(c1.status, CaseStatus::Uitvoering);
    assert_eq!(c1.history.len(), 1);
    assert_eq!(c1.history[0].meeting, None);
    assert_eq!(
        edit_case(
            &c1,
            &t,
            &CaseEdit::Status(CaseStatus::Aanmelding),
            "terug",
            on,
            None
        ),
        Err(CaseEditError::Transition(TransitionError::NotAllowed {
            from: CaseStatus::Uitvoering,
            to: CaseStatus::Aanmelding
        }))
    );
    assert_eq!(
        edit_case(
            &c1,
            &t,
            &CaseEdit::Status(CaseStatus::Evaluatie),
            " ",
            on,
            None
        ),
        Err(CaseEditError::ReasonNeeded)
    );
    let closed = edit_case(
        &c1,
        &t,
        &CaseEdit::Close(Afsluitreden::DoelenBereikt),
        "klaar",
        on,
        None,
    )
    .expect("close");
    assert!(!closed.is_open());
    assert_eq!(closed.afsluitreden(), Some(Afsluitreden::DoelenBereikt));
    assert_eq!(
        edit_case(
            &closed,
            &t,
            &CaseEdit::Status(CaseStatus::Plan),
            "x",
            on,
            None
        ),
        Err(CaseEditError::Transition(TransitionError::Closed))
    );
    assert_eq!(
        edit_case(
            &closed,
            &t,
            &CaseEdit::Reopen(CaseStatus::Aanmelding),
            "x",
            on,
            None
        ),
        Err(CaseEditError::Transition(TransitionError::ReopenTo(
            CaseStatus::Aanmelding
        )))
    );
    let again = edit_case(
        &closed,
        &t,
        &CaseEdit::Reopen(CaseStatus::Onderzoek),
        "nieuwe zorgen",
        on,
        None,
    )
    .expect("reopen");
    assert_eq!(again.status, CaseStatus::Onderzoek);
    assert_eq!(again.afsluitreden(), None);
    assert_eq!(again.history.len(), 3);
}

#[test]
fn flag_coach_evaluation_and_provision_end() {
    let t = team();
    let mut c = case("2026-0001", Some("sbakker"));
    c.voorzieningen.push(Voorziening {
        name: "ambulante gezinsbegeleiding".into(),
        provider: "Zorgaanbieder Noord".into(),
        law: Law::Jeugdwet,
        start: d(2026, 1, 1),
        end: Some(d(2026, 6, 30)),
    });
    let on = d(2026, 3, 20);
    assert_eq!(
        edit_case(&c, &t, &CaseEdit::Safety(true), "", on, None),
        Err(CaseEditError::ReasonNeeded)
    );
    let c = edit_case(&c, &t, &CaseEdit::Safety(true), "melding school", on, None).expect("flag");
    assert!(c.safety_flag);
    assert_eq!(
        edit_case(&c, &t, &CaseEdit::Safety(true), "nog eens", on, None),
        Err(CaseEditError::Unchanged)
    );
    let c = edit_case(
        &c,
        &t,
        &CaseEdit::Coach(Some("aozdemir".into())),
        "",
        on,
        None,
    )
    .expect("coach");
    assert_eq!(c.coach.as_deref(), Some("aozdemir"));
    assert!(
        edit_case(
            &c,
            &t,
            &CaseEdit::Coach(Some("nobody".into())),
            "",
            on,
            None
        )
        .is_err()
    );
    let c = edit_case(
        &c,
        &t,
        &CaseEdit::NextEvaluation(Some(d(2026, 5, 1))),
        "",
        on,
        None,
    )
    .expect("eval");
    assert_eq!(c.next_evaluation, Some(d(2026, 5, 1)));
    assert_eq!(
        edit_case(
            &c,
            &t,
            &CaseEdit::ProvisionEnd {
                index: 0,
                end: Some(d(2025, 1, 1))
            },
            "",
            on,
            None
        ),
        Err(CaseEditError::EndBeforeStart)
    );
    let c = edit_case(
        &c,
        &t,
        &CaseEdit::ProvisionEnd {
            index: 0,
            end: Some(d(2026, 12, 31)),
        },
        "verlengd",
        on,
        None,
    )
    .expect("end");
    assert_eq!(c.voorzieningen[0].end, Some(d(2026, 12, 31)));
    assert_eq!(c.history.len(), 4);
    assert_eq!(
        edit_case(
            &c,
            &t,
            &CaseEdit::ProvisionEnd {
                index: 3,
                end: None
            },
            "",
            on,
            None
        ),
        Err(CaseEditError::NoSuchProvision(3))
    );
}

#[test]
fn a_change_in_a_meeting_is_saved_and_recorded_on_the_item() {
    let t = team();
    let mut m = new_meeting(&t, d(2026, 3, 17), None);
    let at = add_item(&mut m, ItemKind::Organisatorisch, "Afsluiten", 5).expect("item");
    let mut c = case("2026-0001", Some("sbakker"));
    c.status = CaseStatus::Evaluatie;
    let changed = edit_case_in_meeting(
        &mut m,
        at,
        &c,
        &t,
        &CaseEdit::Close(Afsluitreden::Verhuisd),
        "naar Zwolle",
    )
    .expect("closed");
    assert_eq!(changed.history[0].meeting, Some(d(2026, 3, 17)));
    assert_eq!(m.agenda[at].case_changes.len(), 1);
    assert_eq!(m.agenda[at].case_changes[0].event, changed.history[0]);
    assert!(m.agenda[at].has_record());
    assert!(matches!(
        edit_case_in_meeting(&mut m, 42, &c, &t, &CaseEdit::Safety(true), "x"),
        Err(MeetingEditError::Session(SessionError::NoSuchItem(42)))
    ));
}

#[test]
fn a_dated_hand_over_from_the_case_card() {
    let gi = Regisseur::Lid("sbakker".into());
    let c = case("2026-0001", Some("sbakker"));
    let mj = Some(Regisseur::Lid("aozdemir".into()));
    let c = hand_over_regie(
        &c,
        mj.clone(),
        "einde OTS",
        d(2026, 3, 3),
        Some(d(2026, 4, 7)),
        None,
    )
    .expect("dated");
    assert_eq!(
        c.regisseur,
        Some(gi.clone()),
        "recorded now, in force later"
    );
    assert_eq!(c.regisseur_on(d(2026, 4, 6)), Some(gi));
    assert_eq!(c.regisseur_on(d(2026, 4, 7)), mj);
    assert!(c.regisseur_matches_history());
    assert_eq!(
        hand_over_regie(&c, mj, "x", d(2026, 4, 8), None, None),
        Err(CaseEditError::Unchanged)
    );
}
