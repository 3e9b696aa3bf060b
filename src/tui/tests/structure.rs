//! The shape of the interface, checked: the help lists every action of every screen and
//! popup; no two actions of one screen or popup share a key; modules do not reach into
//! their siblings; texts come from `i18n`; no file grows into the app.

use std::collections::BTreeSet;
use std::path::Path;

use crossterm::event::KeyCode;

use super::*;
use crate::tui::keymap::{Action, KeyMap};
use crate::tui::screen;
use crate::tui::screen::meeting::ItemRow;

/// Apps on every screen, each kind of item, and with each popup open.
fn states() -> Vec<App> {
    let mut v = vec![new_app()];
    let mut app = prepared_app();
    v.push(app.clone());
    ch(&mut app, 'o');
    v.push(app.clone());
    press(&mut app, KeyCode::Enter);
    for _ in 0..6 {
        v.push(app.clone());
        ch(&mut app, 'n');
    }
    let (mut app, _) = at_case();
    for row in [
        ItemRow::Advice,
        ItemRow::Decisions,
        ItemRow::Regie,
        ItemRow::Actions,
        ItemRow::Check,
    ] {
        let mut a = app.clone();
        go_to(&mut a, row);
        press(&mut a, KeyCode::Enter);
        v.push(a);
    }
    ch(&mut app, '/');
    v.push(app.clone());
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'f');
    v.push(app.clone());
    press(&mut app, KeyCode::Esc);
    ch(&mut app, 'S');
    v.push(app.clone());
    let mut start = new_app();
    ch(&mut start, 'l');
    v.push(start.clone());
    ch(&mut start, '?');
    v.push(start);
    v
}

fn catalog() -> BTreeSet<Action> {
    screen::catalog()
        .into_iter()
        .chain(crate::tui::popup::catalog())
        .flat_map(|(_, a)| a)
        .collect()
}

#[test]
fn the_help_lists_every_action_that_works_anywhere() {
    let listed = catalog();
    for app in states() {
        let actions = match app.popups.last() {
            Some(p) => p.actions(),
            None => screen::actions(&app),
        };
        for a in actions {
            assert!(
                listed.contains(&a),
                "{a:?} on {:?} is not in the help",
                app.screen
            );
        }
    }
    // And the help shows each with its keys.
    let mut app = new_app();
    ch(&mut app, '?');
    let Some(Popup::Help(h)) = app.popups.last() else {
        panic!("help");
    };
    let text: String = h.lines(&app).iter().map(|l| l.to_string() + "\n").collect();
    for a in listed {
        assert!(text.contains(a.label(Lang::Nl)), "{a:?} missing in help");
    }
    // Where the key file is on this system, not a Linux path everywhere.
    let mut app = new_app();
    app.keys_file = Some("C:\\Users\\saskia\\AppData\\Roaming\\overleg\\keys.ron".into());
    ch(&mut app, '?');
    let Some(Popup::Help(h)) = app.popups.last() else {
        panic!("help");
    };
    let last = h
        .lines(&app)
        .last()
        .map(|l| l.to_string())
        .unwrap_or_default();
    assert!(last.contains("AppData"), "{last}");
}

#[test]
fn no_two_actions_of_a_screen_or_popup_share_a_key() {
    let keys = KeyMap::default();
    for app in states() {
        let actions = match app.popups.last() {
            Some(p) => p.actions(),
            None => screen::actions(&app),
        };
        let mut seen = Vec::new();
        for a in &actions {
            for b in keys.bindings(*a) {
                if let Some((other, _)) = seen.iter().find(|(_, k)| k == b) {
                    panic!("{a:?} and {other:?} share a key on {:?}", app.screen);
                }
                seen.push((*a, *b));
            }
        }
    }
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(sources(&p));
        } else if p.extension().is_some_and(|x| x == "rs") {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            out.push((p.display().to_string().replace('\\', "/"), text));
        }
    }
    out
}

/// The code of a file without its test module (tests may import what they like).
fn code(text: &str) -> &str {
    text.split("#[cfg(test)]").next().unwrap_or(text)
}

#[test]
fn modules_use_the_layers_above_them_never_a_siblings_internals() {
    let files = sources(Path::new("src/tui"));
    assert!(files.len() > 20, "sources found");
    for (path, text) in &files {
        if path.contains("/tests/") {
            continue;
        }
        let body = code(text);
        if let Some(name) = path.strip_prefix("src/tui/screen/") {
            let me = name.split('/').next().unwrap_or("").trim_end_matches(".rs");
            for other in [
                "team_picker",
                "start",
                "agenda",
                "meeting",
                "close",
                "caseload",
                "case_card",
            ] {
                if other != me {
                    assert!(
                        !body.contains(&format!("screen::{other}")),
                        "{path} reaches into screen::{other}"
                    );
                }
            }
        }
        if path.starts_with("src/tui/popup/") {
            assert!(
                !body.contains("tui::screen"),
                "{path} reaches into a screen"
            );
        }
        if path.starts_with("src/tui/form/") {
            assert!(!body.contains("tui::popup"), "{path} opens popups");
            assert!(
                !body.contains("tui::screen"),
                "{path} reaches into a screen"
            );
        }
        for leaf in ["keymap.rs", "theme.rs", "widgets.rs", "msg.rs"] {
            if path.ends_with(&format!("src/tui/{leaf}")) {
                for upper in ["tui::popup", "tui::screen", "tui::form", "tui::update"] {
                    assert!(!body.contains(upper), "{path} uses {upper}");
                }
            }
        }
    }
    for (path, text) in sources(Path::new("src/i18n")) {
        assert!(
            !code(&text).contains("crate::tui"),
            "{path} imports the interface"
        );
    }
}

#[test]
fn texts_come_from_i18n_and_no_file_grows_into_the_app() {
    for (path, text) in sources(Path::new("src")) {
        let lines = text.lines().count();
        if !path.starts_with("src/i18n") && !path.contains("/tests/") {
            assert!(
                !code(&text).contains(".pick("),
                "{path}: lang.pick outside i18n"
            );
        }
        if path.starts_with("src/tui") {
            assert!(lines <= 620, "{path} has {lines} lines");
        }
    }
    // The domain, storage, minutes and search know no terminal.
    for dir in [
        "src/domain",
        "src/storage",
        "src/minutes",
        "src/search",
        "src/session",
    ] {
        for (path, text) in sources(Path::new(dir)) {
            assert!(
                !text.contains("ratatui") && !text.contains("crossterm"),
                "{path} knows the terminal"
            );
        }
    }
}
