//! Three coaches leave: twelve households and three open actions move on in one item.

use super::*;
use crate::domain::{
    ActionItem, ActionLedger, ActionStatus, Case, CaseStatus, Law, Leefgebied, MeetingState,
    Regisseur,
};
use crate::i18n::Lang;
use crate::session::fixture::{case, d, member, team_data};
use crate::session::{close_meeting, new_meeting, open_meeting};

const LEAVERS: [&str; 3] = ["kleaver", "lleaver", "mleaver"];

fn setup() -> (TeamData, Meeting) {
    let mut td = team_data(std::path::Path::new("velve"));
    for (i, id) in LEAVERS.iter().enumerate() {
        let mut m = member(id, &format!("Vertrekker {}", i + 1), true);
        m.end = Some(d(2026, 4, 1));
        td.team.members.push(m);
    }
    td.team.members[0].expertise = vec!["schulden".into()];
    td.team.caseload_norm.cases_per_fte = 30.0;
    // Twelve households: regie and coach with a leaver, or only coach (the GI directs).
    for n in 0..12u32 {
        let leaver = LEAVERS[n as usize % 3];
        let mut c: Case = case(&format!("2026-{:04}", 100 + n), Some(leaver));
        c.status = CaseStatus::Uitvoering;
        c.laws = vec![if n % 2 == 0 { Law::Jeugdwet } else { Law::Wmo }];
        if n == 0 {
            c.leefgebieden = vec![Leefgebied::FinancienEnSchulden];
        }
        if n == 11 {
            c.regisseur = Some(Regisseur::Huishouden);
        }
        td.cases.push(c);
    }
    td.cases.sort_by(|a, b| a.code.cmp(&b.code));
    // Three open actions of the leavers from the closed meeting of 3 March.
    for (i, leaver) in LEAVERS.iter().enumerate() {
        td.meetings[0].agenda[2].actions.push(ActionItem {
            number: format!("A2026-{:03}", 10 + i),
            text: "Bel de school".into(),
            owner: leaver.to_string(),
            due: d(2026, 3, 31),
            case: (i == 0).then(|| "2026-0100".to_string()),
            status: ActionStatus::Open,
            postponed: 0,
        });
    }
    let mut m = new_meeting(&td.team, d(2026, 3, 17), td.meetings.first());
    open_meeting(
        &mut m,
        &td.team,
        d(2026, 3, 17).and_hms_opt(9, 30, 0).expect("t"),
    )
    .expect("open");
    (td, m)
}

#[test]
fn leavers_are_found_before_the_date() {
    let (td, _) = setup();
    let ids: Vec<&str> = leavers(&td, d(2026, 3, 17), d(2026, 3, 31))
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert!(ids.is_empty(), "they leave on 1 April");
    let ids: Vec<&str> = leavers(&td, d(2026, 3, 17), d(2026, 4, 1))
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(ids, LEAVERS);
}

#[test]
fn a_herverdeling_leaves_nothing_behind() {
    let (td, mut m) = setup();
    let leavers: Vec<String> = LEAVERS.iter().map(|s| s.to_string()).collect();
    let at = add_herverdeling_item(&mut m, &td, &leavers, Lang::Nl).expect("item");
    assert_eq!(m.agenda[at].kind, ItemKind::Organisatorisch);
    assert_eq!(
        m.agenda[at].title,
        "Herverdeling: Vertrekker 1, Vertrekker 2, Vertrekker 3"
    );
    let plan = m.agenda[at].herverdeling.clone().expect("plan");
    assert_eq!(plan.households.len(), 12);
    assert_eq!(plan.actions.len(), 3);
    assert!(plan.households.iter().all(|h| h.proposed.is_some()));
    // Proposals: never a leaver, never a Jeugdwet case to Jan (no youth authority), spread.
    for h in &plan.households {
        let p = h.proposed.as_deref().expect("proposal");
        assert!(!LEAVERS.contains(&p));
        let c = td.case(&h.case).expect("case");
        if c.laws.contains(&Law::Jeugdwet) {
            assert_ne!(p, "jdevries");
        }
    }
    let to_one = |id: &str| {
        plan.households
            .iter()
            .filter(|h| h.proposed.as_deref() == Some(id))
            .count()
    };
    assert!(
        to_one("aozdemir") < 12 && to_one("jdevries") > 0,
        "spread by room"
    );
    assert_eq!(
        plan.households[0].proposed.as_deref(),
        Some("aozdemir"),
        "knows schulden"
    );
    assert!(plan.households[11].coach && !plan.households[11].regie);
    // The action about 2026-0100 goes with its household.
    assert_eq!(plan.actions[0].proposed, plan.households[0].proposed);
    assert_eq!(herverdeling_warnings(&td, &plan).len(), 15);

    // Change one, accept the rest in one go, give one reason.
    set_new_owner(&mut m, at, &td, HandOverRef::Household(1), "sbakker").expect("pick");
    assert_eq!(accept_all(&mut m, at).expect("all"), 14);
    set_herverdeling_reason(&mut m, at, "vertrek per 1 april").expect("reason");
    let h = m.agenda[at].herverdeling.clone().expect("plan");
    assert!(h.is_complete());
    assert!(herverdeling_warnings(&td, &h).is_empty());
    assert_eq!(
        accept_proposal(&mut m, 0, &td, HandOverRef::Household(0)),
        Err(SessionError::NotAHerverdeling(0))
    );

    let out = close_meeting(
        &mut m,
        &td.team,
        &td.cases,
        d(2026, 3, 17).and_hms_opt(11, 0, 0).expect("t"),
    )
    .expect("close");
    assert_eq!(m.state, MeetingState::Gesloten);
    assert_eq!(out.changed_cases.len(), 12);
    for c in &out.changed_cases {
        let regie = c.regisseur_member_on(d(2026, 3, 17));
        assert!(
            !LEAVERS.iter().any(|l| regie.as_deref() == Some(l)),
            "{}",
            c.code
        );
        assert!(
            !LEAVERS.iter().any(|l| c.coach.as_deref() == Some(l)),
            "{}",
            c.code
        );
        assert!(c.regisseur_matches_history());
    }
    let household = out
        .changed_cases
        .iter()
        .find(|c| c.code == "2026-0111")
        .expect("c");
    assert_eq!(
        household.regisseur,
        Some(Regisseur::Huishouden),
        "the household keeps regie"
    );
    let b = out
        .changed_cases
        .iter()
        .find(|c| c.code == "2026-0101")
        .expect("c");
    assert_eq!(b.regisseur_member(), Some("sbakker"));
    assert_eq!(
        b.regie_history.last().map(|r| r.reason.as_str()),
        Some("vertrek per 1 april")
    );
    let mut meetings = td.meetings.clone();
    meetings.push(m);
    let ledger = ActionLedger::from_meetings(&meetings, None);
    for a in ledger.open() {
        assert!(
            !LEAVERS.contains(&a.item.owner.as_str()),
            "{}",
            a.item.number
        );
    }
    assert_eq!(
        ledger.get("A2026-010").map(|a| a.owner_history.len()),
        Some(1)
    );
}

#[test]
fn unknown_leavers_and_lines_are_refused() {
    let (td, mut m) = setup();
    assert_eq!(
        add_herverdeling_item(&mut m, &td, &["nobody".into()], Lang::Nl),
        Err(SessionError::UnknownMember("nobody".into()))
    );
    let at = add_herverdeling_item(&mut m, &td, &["kleaver".into()], Lang::Nl).expect("item");
    assert_eq!(
        set_new_owner(&mut m, at, &td, HandOverRef::Action(9), "sbakker"),
        Err(SessionError::NoSuchEntry(9))
    );
    let w = set_new_owner(&mut m, at, &td, HandOverRef::Household(0), "jdevries").expect("pick");
    assert!(matches!(w.as_slice(), [Warning::NoYouthAuthority { .. }]));
    let lines = line_warnings(&td, &m, at).expect("lines");
    assert_eq!(
        lines.len(),
        1,
        "only the line given to Jan warns: {lines:?}"
    );
    assert_eq!(lines[0].0, HandOverRef::Household(0));
    crate::session::set_presence(
        &mut m,
        "aozdemir",
        crate::domain::Presence::AfwezigMetKennisgeving,
    );
    set_new_owner(&mut m, at, &td, HandOverRef::Action(0), "aozdemir").expect("pick");
    let lines = line_warnings(&td, &m, at).expect("lines");
    assert!(
        lines.iter().any(|(r, w)| *r == HandOverRef::Action(0)
            && matches!(w.as_slice(), [Warning::Absent { .. }]))
    );
    clear_new_owner(&mut m, at, HandOverRef::Household(0)).expect("clear");
    assert_eq!(
        m.agenda[at]
            .herverdeling
            .as_ref()
            .and_then(|h| h.households[0].to.clone()),
        None
    );
}

#[test]
fn the_week_overview_names_leavers_and_the_close_summary_counts() {
    let (mut td, mut m) = setup();
    let w = crate::session::week_overview(&td, d(2026, 3, 20));
    assert_eq!(w.next_meeting, d(2026, 3, 31));
    // Leaving on 01-04, the day after the next meeting: that meeting is the last chance.
    assert_eq!(w.leavers.len(), 3);
    for m in &mut td.team.members {
        if m.end.is_some() {
            m.end = Some(d(2026, 4, 20));
        }
    }
    let w = crate::session::week_overview(&td, d(2026, 3, 20));
    assert!(
        w.leavers.is_empty(),
        "they leave after the meeting after next"
    );
    td.team.members[4].end = Some(d(2026, 3, 31));
    let w = crate::session::week_overview(&td, d(2026, 3, 20));
    assert_eq!(w.leavers, ["kleaver"]);
    let at = add_herverdeling_item(&mut m, &td, &["kleaver".into()], Lang::Nl).expect("item");
    accept_proposal(&mut m, at, &td, HandOverRef::Household(0)).expect("one");
    let s = crate::session::summary(&m, &td.team, &td.cases);
    assert_eq!(s.handed_over, 1);
    // kleaver had four households and one action; one household is given.
    assert_eq!(
        s.warnings.len(),
        4,
        "three households and one action still open"
    );
}
