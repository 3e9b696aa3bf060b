//! The team's week in the minutes, built through the session functions on a small team: a
//! verdeling table (one household given, one parked, an action it produced), a herverdeling
//! in one table (a household and an action of a leaver), a review that gives an action a new
//! owner, a case closed under an item — and the actielijst with current owners and history.

use overleg::domain::*;
use overleg::i18n::Lang;
use overleg::minutes::{self, Format, Profile};
use overleg::session::{self, fixture::*};

fn week() -> (TeamData, Meeting) {
    let mut td = team_data(std::path::Path::new("/tmp/velve"));
    td.team.members[0].expertise = vec!["schulden".into()];
    td.team.members[2].end = Some(d(2026, 4, 1)); // Saskia Bakker leaves
    let mut a = case("2026-0020", None);
    a.status = CaseStatus::Aanmelding;
    a.pseudonym = "Fam. Ş.".into();
    a.leefgebieden = vec![Leefgebied::FinancienEnSchulden];
    let mut b = case("2026-0021", None);
    b.status = CaseStatus::Aanmelding;
    b.pseudonym = "Mw. Ö.".into();
    b.laws = vec![Law::Wmo];
    td.cases.extend([a, b]);
    td.cases.sort_by(|x, y| x.code.cmp(&y.code));
    td.meetings[0].agenda[2].actions.push(ActionItem {
        number: "A2026-007".into(),
        text: "Wijkagent bellen".into(),
        owner: "wnguyen".into(),
        due: d(2026, 3, 16),
        case: None,
        status: ActionStatus::Open,
        postponed: 0,
    });

    let mut m = session::new_meeting(&td.team, d(2026, 3, 17), td.meetings.first());
    let v = session::add_item(&mut m, ItemKind::Verdeling, "Nieuwe aanmeldingen", 10).expect("v");
    let h = session::add_herverdeling_item(&mut m, &td, &["sbakker".into()], Lang::Nl).expect("h");
    let o = session::add_item(&mut m, ItemKind::Mededelingen, "Mededelingen", 5).expect("o");
    session::open_meeting(
        &mut m,
        &td.team,
        d(2026, 3, 17).and_hms_opt(9, 30, 0).expect("t"),
    )
    .expect("open");
    session::set_presence(&mut m, "jdevries", Presence::AfwezigMetKennisgeving);

    let rows = session::verdeling_view(&td, &m, v).expect("view");
    let first = &rows[0];
    let pick = &first.candidates[0];
    let why = overleg::i18n::week::reasons(&pick.reasons, Lang::Nl);
    let case = td.case(&first.wachtend.code).expect("case").clone();
    session::assign(&mut m, v, &td, &case, &pick.member.clone(), &why, Lang::Nl).expect("assign");
    session::park(&mut m, v, "2026-0021", "wacht op intake met de huisarts").expect("park");
    let mut ms = vec![td.meetings[0].clone(), m];
    session::add_action(
        &mut ms,
        1,
        v,
        "Kennismaking plannen met Fam. Ş.",
        "aozdemir".into(),
        d(2026, 3, 31),
    )
    .expect("action");
    let mut m = ms.pop().expect("meeting");

    session::accept_all(&mut m, h).expect("all");
    session::set_herverdeling_reason(&mut m, h, "Saskia vertrekt per 1 april").expect("reason");

    let open = session::actions_to_review(&td.meetings, m.date);
    session::reassign_action(&mut m, &open, &td.team, "A2026-007", "aozdemir").expect("reassign");
    session::note_action(
        &mut m,
        &open,
        "A2026-007",
        "wijkagent is met verlof",
        Some(d(2026, 3, 31)),
    )
    .expect("note");

    let closing = td.case("2026-0013").expect("case").clone();
    let closed = session::edit_case_in_meeting(
        &mut m,
        o,
        &closing,
        &td.team,
        &session::CaseEdit::Close(Afsluitreden::DoelenBereikt),
        "doelen bereikt, gezin redt zich",
    )
    .expect("closed");

    let out = session::close_meeting(
        &mut m,
        &td.team,
        &td.cases,
        d(2026, 3, 17).and_hms_opt(11, 0, 0).expect("t"),
    )
    .expect("close");
    for c in out.changed_cases.into_iter().chain([closed]) {
        if let Some(slot) = td.cases.iter_mut().find(|x| x.code == c.code) {
            *slot = c;
        }
    }
    td.meetings.push(m.clone());
    (td, m)
}

fn md(lang: Lang) -> String {
    let (td, m) = week();
    let bytes = minutes::render(&td, &m, Format::Md, Profile::Intern, lang).expect("render");
    String::from_utf8(bytes).expect("utf-8")
}

#[test]
fn minutes_of_a_verdeling_and_a_herverdeling() {
    insta::assert_snapshot!(md(Lang::Nl));
}

#[test]
fn minutes_of_the_week_in_english() {
    let text = md(Lang::En);
    assert!(text.contains("New regisseur"));
    assert!(text.contains("stays on the list"));
    assert!(text.contains("Case or action"));
}

#[test]
fn the_week_leaves_the_files_consistent() {
    let (td, _) = week();
    let dir = tempfile::tempdir().expect("tmp");
    overleg::storage::save_team(dir.path(), &td.team).expect("team");
    for c in &td.cases {
        overleg::storage::save_case(dir.path(), c).expect("case");
    }
    for m in &td.meetings {
        overleg::storage::save_meeting(dir.path(), m).expect("meeting");
    }
    let loaded = overleg::storage::load_workspace(dir.path());
    let problems: Vec<String> = loaded.problems.iter().map(|p| p.render(Lang::Nl)).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let back = &loaded.workspace.teams[0];
    assert_eq!(back.team, td.team, "members' end dates round-trip");
    assert_eq!(back.cases, td.cases, "history and regie round-trip");
    assert_eq!(
        back.meetings, td.meetings,
        "verdeling, herverdeling, reviews round-trip"
    );
    let c = back.case("2026-0012").expect("case");
    assert_ne!(c.regisseur_member(), Some("sbakker"));
}
