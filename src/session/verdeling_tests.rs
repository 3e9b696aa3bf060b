//! The verdeling on a small team of four: who is offered, in which order and why, and what
//! the close does with it.

use super::*;
use crate::domain::{CaseStatus, Leefgebied, MeetingState, RegieChange, Regisseur};
use crate::i18n::Lang;
use crate::session::fixture::{case, d, team_data};
use crate::session::{add_item, close_meeting, open_meeting, set_presence};

fn aanmelding(code: &str, laws: Vec<Law>, lg: Vec<Leefgebied>) -> Case {
    let mut c = case(code, None);
    c.status = CaseStatus::Aanmelding;
    c.registered = d(2026, 3, 1);
    c.laws = laws;
    c.leefgebieden = lg;
    c
}

fn setup() -> (TeamData, Meeting, usize) {
    let mut td = team_data(std::path::Path::new("velve"));
    td.team.members[0].expertise = vec!["schulden".into()]; // aozdemir
    td.team.members[3].expertise = vec!["opvoeding".into()]; // wnguyen
    td.cases.push(aanmelding(
        "2026-0020",
        vec![Law::Jeugdwet],
        vec![Leefgebied::FinancienEnSchulden],
    ));
    td.cases
        .push(aanmelding("2026-0021", vec![Law::Wmo], vec![]));
    td.cases.sort_by(|a, b| a.code.cmp(&b.code));
    let mut m = crate::session::new_meeting(&td.team, d(2026, 3, 17), td.meetings.first());
    let at = add_item(&mut m, ItemKind::Verdeling, "Verdeling", 10).expect("item");
    open_meeting(
        &mut m,
        &td.team,
        d(2026, 3, 17).and_hms_opt(9, 30, 0).expect("t"),
    )
    .expect("open");
    (td, m, at)
}

#[test]
fn candidates_are_the_present_members_in_an_order_that_explains_itself() {
    let (td, mut m, at) = setup();
    set_presence(&mut m, "sbakker", Presence::AfwezigMetKennisgeving);
    let rows = verdeling_view(&td, &m, at).expect("view");
    let codes: Vec<&str> = rows.iter().map(|r| r.wachtend.code.as_str()).collect();
    assert_eq!(codes, ["2026-0020", "2026-0021"]);
    let first = &rows[0];
    let order: Vec<&str> = first.candidates.iter().map(|c| c.member.as_str()).collect();
    // Sanne is absent; Jan may not take a Jeugdwet case and comes last; Ayşe knows schulden.
    assert_eq!(order, ["aozdemir", "wnguyen", "jdevries"]);
    assert_eq!(
        crate::i18n::week::reasons(&first.candidates[0].reasons, Lang::Nl),
        "ruimte, kent schulden"
    );
    assert!(!first.candidates[2].youth_ok);
    assert!(
        first.candidates[2]
            .reasons
            .contains(&Reason::NoYouthAuthority)
    );
}

#[test]
fn assigning_warns_in_names_and_the_close_gives_regie_and_onderzoek() {
    let (td, mut m, at) = setup();
    let jeugd = td.case("2026-0020").expect("case").clone();
    let w = assign(&mut m, at, &td, &jeugd, "jdevries", "ruimte", Lang::Nl).expect("assign");
    assert_eq!(
        w.iter()
            .map(|w| crate::i18n::week::warning(w, Lang::Nl))
            .collect::<Vec<_>>(),
        ["Jan de Vries mag geen jeugdcasussen aannemen"]
    );
    // The team changes its mind: Ayşe takes it; the outcome is replaced, not added.
    assign(
        &mut m,
        at,
        &td,
        &jeugd,
        "aozdemir",
        "ruimte, kent schulden",
        Lang::Nl,
    )
    .expect("assign");
    park(&mut m, at, "2026-0021", "wacht op intake").expect("park");
    assert_eq!(m.agenda[at].verdeling.len(), 2);
    assert!(m.agenda[at].has_record());
    assert_eq!(
        assign(&mut m, 0, &td, &jeugd, "aozdemir", "", Lang::Nl),
        Err(SessionError::NotAVerdeling(0))
    );
    // Room counts the household just given.
    let rows = verdeling_view(&td, &m, at).expect("view");
    let ayse = rows[1]
        .candidates
        .iter()
        .find(|c| c.member == "aozdemir")
        .expect("ayse");
    assert!(ayse.reasons.contains(&Reason::AlreadyGiven(1)));

    let now = d(2026, 3, 17).and_hms_opt(11, 0, 0).expect("t");
    let out = close_meeting(&mut m, &td.team, &td.cases, now).expect("close");
    assert_eq!(m.state, MeetingState::Gesloten);
    let c = out
        .changed_cases
        .iter()
        .find(|c| c.code == "2026-0020")
        .expect("changed");
    assert_eq!(c.regisseur, Some(Regisseur::Lid("aozdemir".into())));
    assert_eq!(c.coach.as_deref(), Some("aozdemir"));
    assert_eq!(c.status, CaseStatus::Onderzoek);
    assert_eq!(
        c.regie_history
            .last()
            .map(|h: &RegieChange| h.reason.as_str()),
        Some("verdeling 17-03-2026: ruimte, kent schulden")
    );
    assert_eq!(c.history.len(), 1);
    assert!(c.regisseur_matches_history());
    assert!(
        !out.changed_cases.iter().any(|c| c.code == "2026-0021"),
        "a parked household stays as it is"
    );

    // Reopen and close again on the saved cases: nothing new.
    let mut cases = td.cases.clone();
    for c in &out.changed_cases {
        if let Some(slot) = cases.iter_mut().find(|x| x.code == c.code) {
            *slot = c.clone();
        }
    }
    let mut ms = vec![m];
    crate::session::reopen_meeting(&mut ms, 0, d(2026, 3, 18)).expect("reopen");
    let again = close_meeting(&mut ms[0], &td.team, &cases, now).expect("close");
    assert!(again.changed_cases.is_empty());
}

#[test]
fn leavers_and_members_on_leave_are_not_offered() {
    let (mut td, m, at) = setup();
    td.team.members[0].end = Some(d(2026, 3, 17));
    td.team.members[3].leave.push(crate::domain::Leave {
        from: d(2026, 3, 1),
        until: None,
    });
    let rows = verdeling_view(&td, &m, at).expect("view");
    let offered: Vec<&str> = rows[1]
        .candidates
        .iter()
        .map(|c| c.member.as_str())
        .collect();
    assert_eq!(offered, ["jdevries", "sbakker"]);
}

#[test]
fn someone_leaving_before_the_next_meeting_is_not_offered_a_new_household() {
    let (mut td, m, at) = setup();
    // Leaves on 25-03, before the meeting of 31-03: no new households.
    td.team.members[0].end = Some(d(2026, 3, 25));
    // Goes on leave after the next meeting: still offered.
    td.team.members[3].leave.push(crate::domain::Leave {
        from: d(2026, 4, 20),
        until: None,
    });
    let rows = verdeling_view(&td, &m, at).expect("view");
    let offered: Vec<&str> = rows[1]
        .candidates
        .iter()
        .map(|c| c.member.as_str())
        .collect();
    assert!(!offered.contains(&"aozdemir"), "{offered:?}");
    assert!(offered.contains(&"wnguyen"), "{offered:?}");
}
