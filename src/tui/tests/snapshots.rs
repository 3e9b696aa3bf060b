//! Every screen and popup drawn into a `TestBackend` at 80×24 and 160×48, compared with insta
//! snapshots; a custom theme (with a map of the styles), a custom key map; and a check that
//! "over time" is carried by a word and a symbol, not colour only.

use std::sync::Arc;

use chrono::Duration;
use crossterm::event::KeyCode;
use ratatui::style::Modifier;

use super::*;
use crate::tui::keymap::KeyMap;
use crate::tui::msg::LockEvent;
use crate::tui::popup::messages::Messages;
use crate::tui::screen::meeting::ItemRow;
use crate::tui::theme::{Styles, Theme};

#[test]
fn team_picker() {
    let ws = Workspace {
        municipality: Some("Wijkerveen".into()),
        teams: vec![
            team_data(std::path::Path::new("/a")),
            team_data(std::path::Path::new("/b")),
        ],
    };
    let app = App::new(ws, Lang::Nl, start_time());
    snap("team_picker", &app);
}

#[test]
fn start_screen() {
    snap("start", &new_app());
    let mut en = new_app();
    en.lang = Lang::En;
    snap("start_en", &en);
}

#[test]
fn agenda_screens() {
    let mut app = prepared_app();
    snap("agenda", &app);
    for _ in 0..12 {
        ch(&mut app, '>');
    }
    snap("agenda_too_long", &app);
}

#[test]
fn meeting_items() {
    let mut app = opened_app();
    snap("meeting_opening", &app);
    ch(&mut app, 'n');
    snap("meeting_previous_minutes", &app);
    ch(&mut app, 'n');
    snap("meeting_actions_review", &app);
    ch(&mut app, 'n');
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::Enter);
    typ(
        &mut app,
        "Oma woont om de hoek; school ziet het kind elke dag.",
    );
    press(&mut app, KeyCode::Esc);
    snap("meeting_case", &app);
    ch(&mut app, 'n');
    snap("meeting_other_item", &app);
}

#[test]
fn pickers_and_agenda_forms() {
    let mut app = prepared_app();
    ch(&mut app, 'c');
    snap("case_picker", &app);
    press(&mut app, KeyCode::Enter);
    snap("add_case_form", &app);
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'i');
    snap("kind_picker", &app);
    typ(&mut app, "zzz");
    snap("kind_picker_nothing", &app);
}

#[test]
fn popups() {
    let mut app = new_app();
    ch(&mut app, '?');
    snap("help", &app);

    let mut app = opened_app();
    ch(&mut app, 'q');
    snap("confirm_quit", &app);

    let mut app = new_app();
    app.open(Popup::Messages(Messages::new(
        "Problemen bij het laden",
        vec!["cases/2026-0099.ron:3:5: onbekend veld `naam`".into()],
    )));
    snap("load_problems", &app);

    let mut app = new_app();
    ch(&mut app, 'm');
    snap("minutes_export", &app);

    let mut app = prepared_app();
    ch(&mut app, 'o');
    snap("confirm_open", &app);
}

#[test]
fn meeting_forms() {
    let (mut app, _) = at_case();
    go_to(&mut app, ItemRow::Check);
    press(&mut app, KeyCode::Enter);
    ch(&mut app, 'y');
    snap("regie_check", &app);
    ch(&mut app, 'x');
    snap("skip_check_form", &app);

    let (mut app, _) = at_case();
    go_to(&mut app, ItemRow::Decisions);
    press(&mut app, KeyCode::Enter);
    snap("decision_form", &app);

    let (mut app, _) = at_case();
    go_to(&mut app, ItemRow::Advice);
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "Kees");
    snap("advice_form_new_guest", &app);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Bel de school");
    press(&mut app, KeyCode::Esc);
    snap("confirm_discard", &app);

    let (mut app, _) = at_case();
    go_to(&mut app, ItemRow::Actions);
    press(&mut app, KeyCode::Enter);
    snap("action_form", &app);

    let (mut app, _) = at_case();
    go_to(&mut app, ItemRow::Regie);
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "extern");
    snap("regie_form_external", &app);

    let (mut app, _) = at_case();
    go_to(&mut app, ItemRow::Evaluation);
    press(&mut app, KeyCode::Enter);
    snap("evaluation_form", &app);

    let mut app = opened_app();
    ch(&mut app, 'g');
    snap("guest_form", &app);
    press(&mut app, KeyCode::Esc);
    go_to(&mut app, ItemRow::Voorzitter);
    press(&mut app, KeyCode::Enter);
    snap("role_picker", &app);

    let mut app = opened_app();
    ch(&mut app, 'n');
    ch(&mut app, 'n');
    ch(&mut app, 's');
    snap("postpone_form", &app);
}

#[test]
fn close_screen() {
    let mut app = opened_app();
    ch(&mut app, 'S');
    snap("close", &app);
    ch(&mut app, 'd');
    snap("next_meeting_form", &app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter);
    snap("confirm_close", &app);
}

#[test]
fn lock_popups() {
    let mut app = opened_app();
    update(
        &mut app,
        Msg::Lock(LockEvent::Refused(
            "Dit team is in gebruik door saskia op laptop-2 (proces 4242).".into(),
        )),
    );
    snap("read_only", &app);
    let mut app = opened_app();
    update(
        &mut app,
        Msg::Lock(LockEvent::Lost("jan op laptop-7 (proces 99)".into())),
    );
    snap("lock_lost", &app);
}

/// An item over its time box shows "OVER TIJD" and a ⚠, in the reversed danger style.
#[test]
fn over_time_is_a_word_and_a_symbol() {
    let mut app = opened_app();
    let t0 = start_time();
    update(&mut app, Msg::Tick(t0));
    // 5 minutes and 5 seconds on a 5-minute item (ticks count at most 5 s each).
    for i in 1..=61 {
        update(&mut app, Msg::Tick(t0 + Duration::seconds(5 * i)));
    }
    let t = render(&app, 80, 24);
    let buf = t.backend().buffer();
    let row: String = (0..80).map(|x| buf[(x, 1)].symbol().to_string()).collect();
    assert!(row.contains("⚠ OVER TIJD +0:05"), "row: {row}");
    let x = row
        .find("OVER")
        .map(|b| row[..b].chars().count())
        .expect("word");
    let cell = &buf[(x as u16, 1)];
    assert!(cell.modifier.contains(Modifier::REVERSED));
    snap("meeting_over_time", &app);
}

/// A team without cases that ask for discussion draws an empty list (no panic).
#[test]
fn start_screen_without_signals() {
    let mut app = new_app();
    if let Some(t) = app.team_data_mut() {
        t.cases.clear();
    }
    assert!(screen_text(&app, 80, 24).contains("(0)"));
}

/// Recorded entries are rows of their own; a selected decision, the question before removing
/// it, and its edit form.
#[test]
fn recorded_entries() {
    let (mut app, _) = at_case();
    go_to(&mut app, ItemRow::Advice);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, "Betrek de school bij het plan");
    ctrl(&mut app, 's');
    go_to(&mut app, ItemRow::Decisions);
    for text in ["Gezinscoach inzetten", "Schuldhulp aanvragen"] {
        press(&mut app, KeyCode::Enter);
        typ(&mut app, text);
        press(&mut app, KeyCode::Tab);
        press(&mut app, KeyCode::Tab);
        typ(&mut app, "Zorg om de kinderen");
        ctrl(&mut app, 's');
    }
    go_to(&mut app, ItemRow::Actions);
    press(&mut app, KeyCode::Enter);
    typ(&mut app, "Huisbezoek met de school");
    ctrl(&mut app, 's');
    go_to(&mut app, ItemRow::DecisionEntry(1));
    snap("meeting_entries", &app);
    ch(&mut app, 'x');
    snap("confirm_remove_decision", &app);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Enter);
    snap("edit_decision_form", &app);
}

/// A letter per cell saying which style of the theme it has, so a snapshot shows where
/// meaning is carried by style (k: key and heading share a style).
fn style_map(app: &App, w: u16, h: u16) -> String {
    let t = render(app, w, h);
    let buf = t.backend().buffer();
    let s: &Styles = &app.styles;
    let classes = [
        ('s', s.selected),
        ('d', s.danger),
        ('w', s.warning),
        ('k', s.key),
        ('t', s.title),
        ('o', s.ok),
        ('f', s.border_focused),
        ('r', s.border),
        ('m', s.muted),
        ('b', s.base),
    ];
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            let cell = &buf[(x, y)];
            let c = classes
                .iter()
                .find(|(_, st)| {
                    st.fg == Some(cell.fg)
                        && st.bg.is_none_or(|bg| bg == cell.bg)
                        && cell.modifier.contains(st.add_modifier)
                })
                .map_or('?', |(c, _)| *c);
            out.push(if cell.symbol() == " " && c == 'b' {
                ' '
            } else {
                c
            });
        }
        out.push('\n');
    }
    out
}

#[test]
fn a_custom_theme_changes_colours_not_meaning() {
    let theme = Theme::from_ron(
        r##"(text: "#dddddd", muted: "#777777", background: "#101010", primary: "#00aaff",
            accent: "#ffaa00", ok: "#00cc66", warning: "#ffdd00", danger: "#ff3344",
            border: "#444444", border_focused: "#00aaff", selection_fg: "#000000",
            selection_bg: "#ffaa00")"##,
    )
    .expect("theme");
    let mut app = opened_app();
    app.styles = theme.styles().expect("styles");
    let t = render(&app, 80, 24);
    let buf = t.backend().buffer();
    // The selected row is drawn in the theme's selection colours.
    assert!(
        buf.content()
            .iter()
            .any(|c| c.bg == ratatui::style::Color::Rgb(0xff, 0xaa, 0x00)),
        "selection background of the theme"
    );
    insta::assert_snapshot!("custom_theme_styles_80x24", style_map(&app, 80, 24));
    snap("custom_theme", &app);
}

#[test]
fn a_custom_key_map_shows_in_footer_help_and_questions() {
    let keys =
        KeyMap::with_overrides(r#"{ NextItem: ["right"], Quit: ["ctrl-q"], Yes: ["j", "enter"] }"#)
            .expect("key map");
    let mut app = opened_app();
    app.keys = Arc::new(keys);
    snap("custom_keys_meeting", &app);
    // The question on quitting takes the user's yes key.
    ctrl(&mut app, 'q');
    snap("custom_keys_confirm", &app);
    ch(&mut app, 'j');
    assert!(app.quit, "j is this user's yes");
    let mut app = opened_app();
    app.keys = Arc::new(KeyMap::with_overrides(r#"{ NextItem: ["right"] }"#).expect("key map"));
    // The old key does nothing now; the new one moves on.
    assert!(ch(&mut app, 'n').is_empty());
    assert_eq!(app.current_item(), Some(0));
    press(&mut app, KeyCode::Right);
    assert_eq!(app.current_item(), Some(1));
    ch(&mut app, '?');
    let help = screen_text(&app, 160, 48);
    assert!(help.contains("→"), "{help}");
}
