//! The team's week in the interface: the start screen's verdeellijst, hand-overs and leavers;
//! the team screen (a new member, leave, the rhythm); a herverdeling item from the agenda;
//! changing a case from the case card; pickers without those who are not in the team.

use crossterm::event::KeyCode;

use super::*;
use crate::domain::{CaseStatus, ItemKind, Weekday};
use crate::tui::app::{Screen, Status};
use crate::tui::form::FormKind;

/// The test team on 17-03-2026 with an aanmelding waiting since 20-02 (25 days) and Saskia
/// Bakker leaving on 31-03, the day of the meeting after the next.
fn week_app() -> App {
    let mut app = new_app();
    let t = app.team_data_mut().expect("team");
    let c = t
        .cases
        .iter_mut()
        .find(|c| c.code == "2026-0011")
        .expect("case");
    c.status = CaseStatus::Aanmelding;
    c.registered = d(2026, 2, 20);
    c.regisseur = None;
    c.coach = None;
    let m = t
        .team
        .members
        .iter_mut()
        .find(|m| m.id == "sbakker")
        .expect("member");
    m.end = Some(d(2026, 3, 31));
    app
}

fn status_text(app: &App) -> String {
    match &app.status {
        Some(Status::Info(t) | Status::Error(t)) => t.clone(),
        other => format!("{other:?}"),
    }
}

fn clear(app: &mut App) {
    for _ in 0..40 {
        press(app, KeyCode::Backspace);
    }
}

#[test]
fn the_start_screen_shows_the_week() {
    let app = week_app();
    let text = screen_text(&app, 120, 36);
    assert!(
        text.contains("Verdeellijst: 1 aanmelding, oudste 25 dagen"),
        "{text}"
    );
    assert!(
        text.contains("Saskia Bakker") && text.contains("(31-03-2026) — herverdeling"),
        "{text}"
    );
    snap("start_week", &app);
}

#[test]
fn the_team_screen_adds_a_member_and_sets_leave() {
    let mut app = week_app();
    ch(&mut app, 'T');
    assert_eq!(app.screen, Screen::Team);
    let text = screen_text(&app, 120, 36);
    assert!(text.contains("uit dienst per 31-03-2026"), "{text}");
    assert!(text.contains("geen jeugd"), "Jan de Vries: {text}");
    snap("team_screen", &app);

    // Leave for Jan de Vries (the second member), from today to the end of April.
    press(&mut app, KeyCode::Down);
    ch(&mut app, 'v');
    assert!(matches!(form(&app).kind, FormKind::Leave(_)));
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "30-04-2026");
    assert_eq!(ctrl(&mut app, 's'), vec![Effect::SaveTeam]);
    let jan = |app: &App| {
        app.team_data()
            .and_then(|t| t.team.member("jdevries").cloned())
            .expect("jan")
    };
    assert_eq!(jan(&app).leave.len(), 1);
    assert!(screen_text(&app, 120, 36).contains("met verlof tot en met 30-04-2026"));

    // A new member.
    ch(&mut app, '+');
    typ(&mut app, "Rıza Yılmaz");
    assert_eq!(ctrl(&mut app, 's'), vec![Effect::SaveTeam]);
    let t = app.team_data().expect("team");
    assert_eq!(t.team.members.len(), 5);
    assert!(t.team.member("ryilmaz").is_some(), "{:?}", t.team.members);

    // Pickers on the meeting day leave out who is on leave, keep who leaves later.
    let offered: Vec<String> = crate::tui::form::member_choices(&app)
        .into_iter()
        .map(|c| c.label)
        .collect();
    assert!(!offered.iter().any(|n| n == "Jan de Vries"), "{offered:?}");
    assert!(offered.iter().any(|n| n == "Saskia Bakker"), "{offered:?}");

    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Start);
}

#[test]
fn the_rhythm_refuses_a_weekend_and_moves_to_the_day_given() {
    let mut app = week_app();
    ch(&mut app, 'T');
    ch(&mut app, 'r');
    assert!(matches!(form(&app).kind, FormKind::Rhythm(_)));
    clear(&mut app);
    typ(&mut app, "21-03-2026");
    assert!(ctrl(&mut app, 's').is_empty());
    assert!(
        form(&app)
            .error
            .as_deref()
            .unwrap_or("")
            .contains("weekend"),
        "{:?}",
        form(&app).error
    );
    clear(&mut app);
    typ(&mut app, "19-03-2026");
    press(&mut app, KeyCode::Tab);
    clear(&mut app);
    typ(&mut app, "13.30");
    assert_eq!(ctrl(&mut app, 's'), vec![Effect::SaveTeam]);
    let r = &app.team_data().expect("team").team.rhythm;
    assert_eq!(r.weekday, Weekday::Donderdag);
    assert_eq!(r.start.format("%H:%M").to_string(), "13:30");
}

#[test]
fn h_on_the_agenda_adds_one_herverdeling_for_those_who_leave() {
    let mut app = week_app();
    ch(&mut app, 'a');
    assert_eq!(app.screen, Screen::Agenda);
    let fx = ch(&mut app, 'h');
    assert_eq!(fx, vec![Effect::SaveMeeting(d(2026, 3, 17))]);
    let m = meeting(&app);
    let item = m
        .agenda
        .iter()
        .find(|i| i.herverdeling.is_some())
        .expect("herverdeling item");
    assert!(matches!(item.kind, ItemKind::Organisatorisch));
    let h = item.herverdeling.as_ref().expect("plan");
    assert!(
        h.households.iter().any(|x| x.case == "2026-0012"),
        "{:?}",
        h.households
    );
    assert!(status_text(&app).contains("Herverdeling op de agenda"));
    // Once is enough.
    assert!(ch(&mut app, 'h').is_empty());
    assert!(status_text(&app).contains("al een herverdeling"));
}

#[test]
fn h_says_so_when_nobody_leaves() {
    let mut app = new_app();
    ch(&mut app, 'a');
    assert!(ch(&mut app, 'h').is_empty());
    assert!(status_text(&app).contains("Niemand vertrekt"));
    assert!(
        meeting(&app)
            .agenda
            .iter()
            .all(|i| i.herverdeling.is_none())
    );
}

#[test]
fn the_case_card_changes_its_own_teams_case_only() {
    let mut app = week_app();
    app.views.card = Some((0, "2026-0012".into()));
    app.views.back_to = Some(Screen::Start);
    app.screen = Screen::CaseCard;
    assert!(screen_text(&app, 120, 36).contains("e casus wijzigen"));
    ch(&mut app, 'e');
    assert!(matches!(form(&app).kind, FormKind::CaseEdit(_)));
    // uitvoering → evaluatie, with a reason: saved at once, in the card's changes.
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "evaluatie");
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Halverwege het plan");
    let fx = ctrl(&mut app, 's');
    assert!(fx.contains(&Effect::SaveCase("2026-0012".into())), "{fx:?}");
    assert!(app.popups.is_empty(), "{:?}", app.popups.last());
    let text = screen_text(&app, 120, 36);
    assert!(text.contains("Wijzigingen"), "{text}");
    assert!(text.contains("Halverwege het plan"), "{text}");
    // An aanmelding's card says how long it waits.
    app.views.card = Some((0, "2026-0011".into()));
    assert!(screen_text(&app, 120, 36).contains("Op de verdeellijst, wacht 25 dagen"));
    // A case of another team (found with /) is for reading.
    let mut other = app.workspace.teams[0].clone();
    other.team.id = "ander".into();
    app.workspace.teams.push(other);
    app.views.card = Some((1, "2026-0012".into()));
    assert!(!screen_text(&app, 120, 36).contains("e casus wijzigen"));
    ch(&mut app, 'e');
    assert!(app.popups.is_empty());
}

#[test]
fn an_aanmelding_waits_while_the_other_teams_load_then_gets_a_code_free_in_all() {
    let mut app = week_app();
    app.others_loading = true;
    let before = app.team_data().expect("team").cases.len();
    // Another team of the municipality, still loading, holds the next code of this team.
    let mut other = app.team_data().expect("team").clone();
    other.dir = "/elders/west".into();
    other.team.id = "west".into();
    other.team.name = "Wijkteam West".into();
    let mut taken = other.cases[0].clone();
    taken.code = "2026-0014".into();
    other.cases = vec![taken];
    let text = screen_text(&app, 120, 36);
    assert!(text.contains("andere teams laden"), "{text}");

    ch(&mut app, 'N');
    typ(&mut app, "Fam. W.");
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    typ(&mut app, "wmo");
    let fx = ctrl(&mut app, 's');
    assert!(fx.is_empty(), "nothing written while loading: {fx:?}");
    assert_eq!(app.team_data().expect("team").cases.len(), before);
    let shown = screen_text(&app, 120, 36);
    assert!(shown.contains("andere teams worden nog geladen"), "{shown}");

    // The other teams arrive; the same form goes through with a code free in both.
    let mut ws = app.workspace.clone();
    ws.teams.push(other);
    crate::tui::update::update(
        &mut app,
        crate::tui::msg::Msg::Others(Box::new(crate::tui::msg::Others {
            workspace: ws,
            seen: vec![],
            problems: vec![],
            parts: vec![],
        })),
    );
    assert!(!screen_text(&app, 120, 36).contains("andere teams laden"));
    let fx = ctrl(&mut app, 's');
    assert!(
        matches!(fx.as_slice(), [crate::tui::msg::Effect::CreateCase(code)] if code == "2026-0015"),
        "{fx:?}"
    );
}
