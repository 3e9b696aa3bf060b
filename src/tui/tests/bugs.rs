//! One test per bug found by trying the interface (issue "One module per screen and popup"):
//! each failed on the code before the restructuring.

use chrono::Duration;
use crossterm::event::KeyCode;

use super::*;
use crate::domain::ItemKind;
use crate::session::fixture::member;
use crate::tui::app::Screen;
use crate::tui::form::Person;
use crate::tui::popup::confirm::Confirm;
use crate::tui::popup::form::Mode;
use crate::tui::screen::meeting::ItemRow;

/// Bug 1: The clock no longer empties an open search: after two seconds of ticks in a running
/// meeting, `ozdem` still finds Ayşe Özdemir, and Enter opens what the hit points at.
#[test]
fn search_keeps_its_hits_while_the_clock_runs() {
    let (mut app, _) = at_case();
    update(&mut app, Msg::Tick(start_time()));
    ch(&mut app, '/');
    for s in 1..=4 {
        update(
            &mut app,
            Msg::Tick(start_time() + Duration::milliseconds(500 * s)),
        );
    }
    typ(&mut app, "ozdem");
    for s in 5..=8 {
        update(
            &mut app,
            Msg::Tick(start_time() + Duration::milliseconds(500 * s)),
        );
    }
    let Some(Popup::Search(p)) = app.popups.last() else {
        panic!("search still open");
    };
    assert!(p.results.total > 0, "hits after the clock ticked");
    let first = p.results.hits[0].clone();
    assert!(first.text.contains("Özdemir"), "{}", first.text);
    press(&mut app, KeyCode::Enter);
    match (&first.location.case, app.screen) {
        (Some(code), Screen::CaseCard) => {
            assert_eq!(
                app.views.card.as_ref().map(|c| c.1.as_str()),
                Some(code.as_ref())
            )
        }
        (None, Screen::Caseload) => {}
        other => panic!("Enter opened the wrong thing: {other:?}"),
    }
}

/// Bug 2: `/` works mid-discussion and what is typed is the query, not commands; the case card of
/// the case being discussed is one key away, and Back returns to the same item.
#[test]
fn search_and_the_case_card_work_in_the_middle_of_a_meeting() {
    let (mut app, item) = at_case();
    let before = meeting(&app).clone();
    ch(&mut app, '/');
    typ(&mut app, "mnpxS");
    let Some(Popup::Search(p)) = app.popups.last() else {
        panic!("search popup");
    };
    assert_eq!(p.query, "mnpxS");
    assert_eq!(app.popups.len(), 1);
    assert_eq!(meeting(&app).agenda, before.agenda, "no command ran");
    assert_eq!(app.current_item(), Some(item));
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'f');
    assert_eq!(app.screen, Screen::CaseCard);
    let code = match &meeting(&app).agenda[item].kind {
        ItemKind::Casus(d) => d.case.clone(),
        _ => panic!("case item"),
    };
    assert_eq!(app.views.card.as_ref().map(|c| &c.1), Some(&code));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.screen, Screen::Meeting);
    assert_eq!(app.current_item(), Some(item));
}

/// Bug 3: `j` (Down) never answers a question with yes; the yes key does.
#[test]
fn a_navigation_key_never_answers_yes() {
    let (mut app, item) = at_case();
    go_to(&mut app, ItemRow::Decisions);
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "Gezinscoach inzetten");
    ctrl(&mut app, 's');
    go_to(&mut app, ItemRow::DecisionEntry(0));
    ch(&mut app, 'x');
    assert!(matches!(
        app.popups.last(),
        Some(Popup::Confirm(Confirm::RemoveEntry { .. }))
    ));
    assert!(ch(&mut app, 'j').is_empty());
    assert!(ch(&mut app, 'k').is_empty());
    assert_eq!(meeting(&app).agenda[item].decisions.len(), 1, "still there");
    assert!(matches!(app.popups.last(), Some(Popup::Confirm(_))));
    ch(&mut app, 'y');
    assert!(meeting(&app).agenda[item].decisions.is_empty());
    // Closing the meeting is not answered by j either.
    ch(&mut app, 'S');
    press(&mut app, KeyCode::Enter);
    ch(&mut app, 'j');
    assert_eq!(app.screen, Screen::Close);
    assert!(app.meeting_running());
}

fn team_with_hard_names() -> App {
    let mut app = new_app();
    if let Some(t) = app.team_data_mut() {
        t.team.members.extend([
            member("ryilmaz", "Rıza Yılmaz", true),
            member("eaydin", "Elif Aydın", true),
            member("feen", "Fenna Eén", true),
            member("rwessels", "Renske Wessels", true),
        ]);
    }
    app
}

/// Bug 4: People pickers use the one accent fold and the start of words: `riza`, `yilmaz`,
/// `aydin`, `een` find their person; `kees` picks nobody and offers a guest, who gives the
/// advice when it is saved.
#[test]
fn people_pickers_find_turkish_and_dutch_names_and_offer_a_guest() {
    let mut app = team_with_hard_names();
    ch(&mut app, 'a');
    ch(&mut app, 'c');
    press(&mut app, KeyCode::Enter);
    for (typed, id) in [
        ("riza", "ryilmaz"),
        ("yilmaz", "ryilmaz"),
        ("aydin", "eaydin"),
        ("een", "feen"),
    ] {
        for _ in 0..10 {
            press(&mut app, KeyCode::Backspace);
        }
        typ(&mut app, typed);
        let f = form(&app);
        assert_eq!(f.value(0), format!("lid:{id}"), "{typed}");
    }
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);
    // In a meeting: advice by someone nobody in the team is.
    let mut app = team_with_hard_names();
    ch(&mut app, 'a');
    ch(&mut app, 'c');
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Wie?");
    ctrl(&mut app, 's');
    ch(&mut app, 'o');
    press(&mut app, KeyCode::Enter);
    while !matches!(
        app.current_item().map(|i| &meeting(&app).agenda[i].kind),
        Some(ItemKind::Casus(_))
    ) {
        ch(&mut app, 'n');
    }
    let item = app.current_item().expect("case item");
    go_to(&mut app, ItemRow::Advice);
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "kees");
    let Some(Popup::Form(f)) = app.popups.last() else {
        panic!("form");
    };
    let crate::tui::form::FormKind::Advice(a) = &f.kind else {
        panic!("advice form");
    };
    assert_eq!(a.by.value(), Some(Person::NewGuest("kees".into())));
    assert!(screen_text(&app, 120, 36).contains("kees als gast toevoegen"));
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Vraag het de buurvrouw");
    ctrl(&mut app, 's');
    let m = meeting(&app);
    assert!(m.guests.iter().any(|g| g.name == "kees"));
    let ItemKind::Casus(d) = &m.agenda[item].kind else {
        panic!("case");
    };
    assert_eq!(d.advice[0].by, "kees");
    // Where only members may be chosen, nobody is picked and the form says why.
    go_to(&mut app, ItemRow::Actions);
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "Bel de school");
    press(&mut app, KeyCode::Tab);
    for _ in 0..20 {
        press(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "kees");
    assert!(ctrl(&mut app, 's').is_empty());
    let err = form(&app).error.clone().unwrap_or_default();
    assert!(err.contains("kees"), "{err}");
}

/// Bug 5: Esc with typed text asks first; No goes back to the form, Yes throws it away. A
/// half-typed advice rides along in the autosave, and a resumed meeting opens it again.
#[test]
fn typed_text_is_never_thrown_away_without_asking_and_survives_a_quit() {
    let (mut app, item) = at_case();
    go_to(&mut app, ItemRow::Advice);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Betrek oma bij de opvoeding");
    press(&mut app, KeyCode::Esc);
    assert_eq!(form(&app).mode, Mode::ConfirmDiscard);
    assert!(screen_text(&app, 80, 24).contains("weggooien"));
    ch(&mut app, 'n');
    assert_eq!(form(&app).mode, Mode::Editing);
    assert_eq!(form(&app).value(1), "Betrek oma bij de opvoeding");
    // The draft is in the meeting; Ctrl-C saves it with the meeting.
    let draft = meeting(&app).progress.draft.clone().expect("a draft");
    assert_eq!(draft.form, "advies");
    assert_eq!(draft.item, Some(item));
    let fx = ctrl(&mut app, 'c');
    assert!(fx.contains(&Effect::SaveMeeting(d(2026, 3, 17))));
    // The next start resumes the meeting with the form as it was.
    let mut again = App::new(app.workspace.clone(), Lang::Nl, start_time());
    crate::tui::popup::form::restore_draft(&mut again);
    assert_eq!(again.screen, Screen::Meeting);
    assert_eq!(form(&again).value(1), "Betrek oma bij de opvoeding");
    // Throwing it away: asked, yes, gone — also from the autosave.
    press(&mut again, KeyCode::Esc);
    ch(&mut again, 'y');
    assert!(again.popups.is_empty());
    assert!(meeting(&again).progress.draft.is_none());
    // A form without typed text closes at once.
    go_to(&mut again, ItemRow::Advice);
    press(&mut again, KeyCode::Enter);
    press(&mut again, KeyCode::Esc);
    assert!(again.popups.is_empty());
}

/// Bug 6: Walking past a case with nothing recorded does not make it discussed: it shows as
/// "niet besproken" on the close screen; a case without a question is not added.
#[test]
fn a_case_walked_past_is_not_discussed() {
    let (mut app, item) = at_case();
    ch(&mut app, 'n');
    assert!(
        !meeting(&app).agenda[item].done,
        "nothing recorded, not done"
    );
    ch(&mut app, 'S');
    let text = screen_text(&app, 120, 36);
    assert!(text.contains("Niet besproken (1): 2026-0011"), "{text}");
    let fx = {
        press(&mut app, KeyCode::Enter);
        press(&mut app, KeyCode::Enter)
    };
    let _tmp = on_disk(&mut app, fx);
    let closed = app
        .team_data()
        .and_then(|t| t.meeting(d(2026, 3, 17)))
        .expect("meeting");
    assert!(!closed.agenda[item].has_record());

    let mut app = prepared_app();
    ch(&mut app, 'c');
    typ(&mut app, "Öztürk");
    press(&mut app, KeyCode::Enter);
    let before = meeting(&app).agenda.len();
    assert!(ctrl(&mut app, 's').is_empty());
    assert!(form(&app).error.as_deref().unwrap_or("").contains("vraag"));
    assert_eq!(meeting(&app).agenda.len(), before);
}

/// Bug 7: Texts that said one thing and did another.
#[test]
fn hints_say_what_the_keys_do() {
    // The regie check: no title that names a key the footer gives another meaning.
    let (mut app, _) = at_case();
    go_to(&mut app, ItemRow::Check);
    press(&mut app, KeyCode::Enter);
    let text = screen_text(&app, 160, 48);
    assert!(!text.contains("x: hele check"), "{text}");
    assert!(text.contains("x hele check overslaan"), "{text}");
    // A yes/no question says yes and no.
    let mut app = opened_app();
    ch(&mut app, 'q');
    let text = screen_text(&app, 80, 24);
    assert!(
        text.contains("Enter ja") && text.contains("Esc nee"),
        "{text}"
    );
    assert!(!text.contains("Enter kiezen"), "{text}");
    // Correcting a regie outcome: typing replaces the old reason instead of adding to it.
    let (mut app, item) = at_case();
    go_to(&mut app, ItemRow::Regie);
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "Wendy");
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "vertrek lo per 1-4");
    ctrl(&mut app, 's');
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "vertrek lo per 1-4");
    ctrl(&mut app, 's');
    let ItemKind::Casus(d) = &meeting(&app).agenda[item].kind else {
        panic!("case");
    };
    let Some(crate::domain::RegieOutcome::Overgedragen(h)) = &d.regie else {
        panic!("hand-over");
    };
    assert_eq!(h.reason, "vertrek lo per 1-4");
}

/// Bug 7: English mode has no Dutch words in keys, answers and defaults.
#[test]
fn english_mode_speaks_english() {
    let mut app = opened_app();
    app.lang = Lang::En;
    let text = screen_text(&app, 160, 48);
    assert!(text.contains("Space"), "{text}");
    assert!(!text.contains("Spatie"), "{text}");
    ch(&mut app, 'g');
    assert_eq!(form(&app).value(1), "expert by experience");
    press(&mut app, KeyCode::Esc);
    let (mut app, _) = at_case();
    app.lang = Lang::En;
    let text = screen_text(&app, 160, 48);
    assert!(
        text.contains("left") && !text.contains("Meeting: left"),
        "{text}"
    );
    go_to(&mut app, ItemRow::Check);
    press(&mut app, KeyCode::Enter);
    ch(&mut app, '0');
    let text = screen_text(&app, 160, 48);
    assert!(text.contains("n/a") && !text.contains("n.v.t."), "{text}");
}

/// Bug 7: Text cut to fit ends in an ellipsis.
#[test]
fn cut_text_shows_an_ellipsis() {
    let mut app = opened_app();
    if let Some(m) = app.current_meeting_mut() {
        m.agenda[1].title =
            "Vaststellen van het verslag van het vorige overleg met alle bijlagen".into();
    }
    let text = screen_text(&app, 120, 36);
    assert!(text.contains('…'), "{text}");
}

/// Bug 8: Typing in a notes field does not rewrite the meeting at every key: it is saved on a
/// pause in typing (or every ten seconds while typing goes on).
#[test]
fn notes_are_saved_on_a_pause_not_at_every_key() {
    let (mut app, item) = at_case();
    update(&mut app, Msg::Tick(start_time()));
    go_to(
        &mut app,
        ItemRow::Text(crate::tui::form::small::TextTarget::Clarifying(item)),
    );
    press(&mut app, KeyCode::Enter);
    let fx = typ(&mut app, "Oma woont om de hoek");
    assert!(fx.is_empty(), "{fx:?}");
    let fx = update(&mut app, Msg::Tick(start_time() + Duration::seconds(1)));
    assert!(fx.is_empty(), "still typing: {fx:?}");
    let fx = update(&mut app, Msg::Tick(start_time() + Duration::seconds(3)));
    assert_eq!(fx, vec![Effect::SaveMeeting(d(2026, 3, 17))]);
    assert!(app.unsaved.is_none());
    // Nothing new typed: no more saves of the text (the clock saves every 10 s on its own).
    let fx = update(&mut app, Msg::Tick(start_time() + Duration::seconds(4)));
    assert!(fx.is_empty(), "{fx:?}");
    let ItemKind::Casus(d) = &meeting(&app).agenda[item].kind else {
        panic!("case");
    };
    assert_eq!(d.clarifying_notes, "Oma woont om de hoek");
}

/// Bug 8: The field shows the typed characters the discard question counts.
#[test]
fn the_discard_question_counts_what_would_be_lost() {
    let (mut app, _) = at_case();
    go_to(&mut app, ItemRow::Advice);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "abc");
    let f = form(&app);
    let typed: usize = f.kind.spec().fields().iter().map(|(_, f)| f.typed()).sum();
    assert_eq!(typed, 3);
}
