//! Random key sequences at random terminal sizes (1×1 up to 300×100) against the whole
//! interface: through the one `update` and drawn into ratatui's `TestBackend` after every
//! message. Never a panic.
//!
//! Keys are drawn from the ones the key map uses (letters, Enter, Esc, Tab, arrows, Ctrl-S …)
//! plus any character, so forms, pickers and popups are all reached; half of the sequences
//! first open the meeting, so the meeting screens get most of the keys. The clock ticks, saves
//! fail, and the terminal is resized in between.
//!
//! `KEY_FUZZ_CASES` sequences (default 48, sized for CI) of up to `KEY_FUZZ_LEN` steps
//! (default 80) each.

use std::sync::OnceLock;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use overleg::domain::Workspace;
use overleg::i18n::Lang;
use overleg::tui::app::App;
use overleg::tui::chrome::draw;
use overleg::tui::msg::Msg;
use overleg::tui::update::update;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn env_u32(name: &str, default: u32) -> u32 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// The shipped demo, loaded once.
fn demo() -> &'static Workspace {
    static DEMO: OnceLock<Workspace> = OnceLock::new();
    DEMO.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let out = overleg::storage::load_workspace(&dir);
        assert!(out.problems.is_empty(), "{:?}", out.problems);
        out.workspace
    })
}

fn start() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 23)
        .and_then(|d| d.and_hms_opt(9, 30, 0))
        .expect("time")
}

/// One thing that happens to the app.
#[derive(Debug, Clone)]
enum Step {
    Key(KeyEvent),
    /// The clock moves on by this many seconds.
    Tick(i64),
    /// The terminal gets a new size.
    Resize(u16, u16),
    /// A save failed.
    Failed,
}

fn key() -> impl Strategy<Value = KeyEvent> {
    let named = prop_oneof![
        Just(KeyCode::Enter),
        Just(KeyCode::Esc),
        Just(KeyCode::Tab),
        Just(KeyCode::BackTab),
        Just(KeyCode::Up),
        Just(KeyCode::Down),
        Just(KeyCode::Left),
        Just(KeyCode::Right),
        Just(KeyCode::Home),
        Just(KeyCode::End),
        Just(KeyCode::PageUp),
        Just(KeyCode::PageDown),
        Just(KeyCode::Backspace),
        Just(KeyCode::Delete),
        (1u8..=12).prop_map(KeyCode::F),
    ];
    let common = prop::sample::select(
        "aocinpSRKJxdgtqr?/ +<>-1234567890"
            .chars()
            .collect::<Vec<_>>(),
    )
    .prop_map(KeyCode::Char);
    let any_char = any::<char>().prop_map(KeyCode::Char);
    let code = prop_oneof![4 => named, 6 => common, 1 => any_char];
    let mods = prop_oneof![
        8 => Just(KeyModifiers::NONE),
        1 => Just(KeyModifiers::SHIFT),
        // Ctrl with a letter: Ctrl-S saves a form; Ctrl-C quits (the app goes on being driven).
        1 => Just(KeyModifiers::CONTROL),
        1 => Just(KeyModifiers::ALT),
    ];
    (code, mods).prop_map(|(c, m)| KeyEvent::new(c, m))
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        20 => key().prop_map(Step::Key),
        2 => (0i64..400).prop_map(Step::Tick),
        1 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Step::Resize(w, h)),
        1 => Just(Step::Failed),
    ]
}

fn press(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// Runs the steps on a fresh app; panics are the failures proptest looks for.
fn run(team: usize, open_first: bool, size: (u16, u16), steps: &[Step]) {
    let mut app = App::new(demo().clone(), Lang::Nl, start());
    app.choose_team(team);
    let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).expect("terminal");
    let mut now = start();
    let apply = |app: &mut App, msg: Msg, terminal: &mut Terminal<TestBackend>| {
        // Effects are the loop's business; `update` and drawing must cope with anything.
        let _effects = update(app, msg);
        terminal.draw(|f| draw(f, app)).expect("draw");
    };
    if open_first {
        for msg in [
            press('a'),
            press('o'),
            Msg::Key(KeyEvent::from(KeyCode::Enter)),
        ] {
            apply(&mut app, msg, &mut terminal);
        }
    }
    for s in steps {
        match s {
            Step::Key(k) => apply(&mut app, Msg::Key(*k), &mut terminal),
            Step::Tick(secs) => {
                now += Duration::seconds(*secs);
                apply(&mut app, Msg::Tick(now), &mut terminal);
            }
            Step::Resize(w, h) => {
                terminal.backend_mut().resize(*w, *h);
                terminal.draw(|f| draw(f, &app)).expect("draw");
            }
            Step::Failed => apply(
                &mut app,
                Msg::Failed("Bewaren mislukt (test)".into()),
                &mut terminal,
            ),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(env_u32("KEY_FUZZ_CASES", 48)))]

    #[test]
    fn random_keys_at_random_sizes_never_panic(
        team in 0usize..3,
        open_first in any::<bool>(),
        w in 1u16..=300,
        h in 1u16..=100,
        steps in prop::collection::vec(step(), 0..env_u32("KEY_FUZZ_LEN", 80) as usize),
    ) {
        run(team, open_first, (w, h), &steps);
    }
}

/// The extremes, every time: 1×1 and 300×100 with a fixed walk through the meeting.
#[test]
fn smallest_and_largest_terminal() {
    let walk: Vec<Step> = "aoc\tnnnn\r\r\x1bS\r?q"
        .chars()
        .map(|c| match c {
            '\r' => KeyCode::Enter,
            '\t' => KeyCode::Tab,
            '\x1b' => KeyCode::Esc,
            c => KeyCode::Char(c),
        })
        .map(|c| Step::Key(KeyEvent::from(c)))
        .collect();
    for size in [(1, 1), (2, 1), (1, 2), (300, 100), (300, 1), (1, 100)] {
        run(0, true, size, &walk);
        run(1, false, size, &walk);
    }
}
