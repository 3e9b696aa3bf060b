//! Crash safety: the real binary on a copy of the demo, a meeting driven by scripted keys, and
//! a SIGKILL at a random (seeded) moment. After every kill:
//! - every file of the workspace loads and checks clean (`storage::load_workspace` finds no
//!   problem);
//! - every entry the screen showed as saved before the kill is in the meeting file;
//! - a restart takes over the dead process's lock (no read-only mode) and resumes;
//! - in rounds that close the meeting (every demo case item has a regie hand-over prepared
//!   before the start): a close the screen showed as done ("Overleg gesloten") is complete on
//!   disk — meeting closed, every hand-over in its case file, the minutes written — and an
//!   exported minutes file shown as written exists; any other close state is counted as
//!   "half closed", which fails the soak (the interface commits the close as one change set;
//!   `SOAK_LENIENT_CLOSE=1` only counts it, to compare with a build that did not);
//! - in rounds with an observer, a second chair started read-only before the kill takes the
//!   dead chair's lock over ("Niet meer alleen lezen").
//!
//! "Showed as saved": the loop of the interface carries out the save effects of a key before it
//! draws again, and a failed save puts "Bewaren mislukt" in the status line. So an entry counts
//! as saved once its form is closed, its list shows the new count and the entry itself, and the
//! status line shows no failed save.
//!
//! `cargo test` runs a few kills; `scripts/soak.sh` runs the long soak (the ignored test).

// Unix only: the soak kills the program with SIGKILL through `kill -9` in a Unix pseudo-terminal.
#![cfg(unix)]

mod pty;
mod soak_close;

use std::path::Path;
use std::time::{Duration, Instant};

use pty::{CTRL_C, CTRL_S, DOWN, DemoCopy, ENTER, ESC, Session, TAB, UP, Waited};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Agenda items of the demo meeting on 2026-11-24: items 4 to 7 discuss a case.
const ITEMS: usize = 10;
const FIRST_CASE_ITEM: usize = 4;
const LAST_CASE_ITEM: usize = 7;
const MEETING_FILE: &str = "meetings/2026-11-24.ron";
const SAVE_FAILED: &str = "Bewaren mislukt";
/// The first column of the item pane (right of the agenda pane) at 120 columns.
const ITEM_PANE_X: usize = 34;
/// The kind of the entries added after the scripted part, in a list that outgrows the screen.
const EXTRA: &str = "extra";

/// What one round found.
#[derive(Debug, Default)]
struct Round {
    /// Entries the screen showed as saved.
    saved: Vec<String>,
    /// Files with problems after the kill.
    corrupt: Vec<String>,
    /// Saved entries missing from the files after the kill.
    lost: Vec<String>,
    /// Saved entries missing after the restart.
    lost_after_restart: Vec<String>,
    /// The restart went read-only (the dead lock was not taken over).
    read_only_after_restart: bool,
    /// Temp files of interrupted writes left in the team folder (harmless: never `*.ron`).
    temp_files: usize,
    /// What the round did after the case items.
    plan: Plan,
    /// What the screen showed of the close and the export.
    shown: soak_close::Shown,
    /// The close state after the restart (close rounds only).
    close: Option<soak_close::CloseState>,
    /// The observer took the dead chair's lock over (observer rounds only).
    took_over: Option<bool>,
}

/// What a round does once the case items are done.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Plan {
    /// Keep adding actions until the kill.
    #[default]
    Extras,
    /// Close the meeting and export the minutes.
    Close,
    /// Close, with a second chair watching read-only that must take the lock over.
    CloseObserved,
}

/// Temp files of interrupted atomic writes (`.overleg-*.tmp`) in the team folder.
fn temp_files(team: &Path) -> usize {
    ["", "cases", "meetings", "minutes"]
        .iter()
        .filter_map(|sub| std::fs::read_dir(team.join(sub)).ok())
        .flat_map(|d| d.flatten())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            name.starts_with(".overleg-") && name.ends_with(".tmp")
        })
        .count()
}

/// Footers of a popup: a form, or the regie check.
fn popup_open(sc: &str) -> bool {
    sc.contains("Tab volgend veld") || sc.contains(" y ja ")
}

/// Selects the list and opens its form. If the screen raced ahead of the keys and Enter opened
/// another popup, it is closed with Esc and the list selected again.
fn open_form(s: &mut Session, list: &str, form: &str) -> Option<()> {
    for _ in 0..5 {
        if goto(s, list) == Waited::Killed {
            return None;
        }
        s.send(ENTER);
        if s.wait_or_kill(|sc| sc.contains(form) || popup_open(sc)) == Waited::Killed {
            return None;
        }
        if s.screen().contains(form) {
            return Some(());
        }
        s.send(ESC);
        if s.wait_or_kill(|sc| !popup_open(sc)) == Waited::Killed {
            return None;
        }
    }
    panic!("{form:?} never opened; the screen shows:\n{}", s.screen());
}

/// Adds one entry through a form; returns whether the screen showed it as saved.
/// `list` is the label of the list ("Adviezen"), `count` its count after the entry. The entry
/// itself must show too, except in long lists (`Extra`), where it scrolls out of sight.
fn add(s: &mut Session, form: &str, tab: bool, text: &str, list: &str, count: usize) -> Option<()> {
    let show = !text.ends_with(EXTRA);
    open_form(s, list, form)?;
    if tab {
        s.send(TAB);
    }
    s.send(text);
    if s.wait_or_kill(|sc| sc.contains(text)) == Waited::Killed {
        return None;
    }
    if s.screen().contains(&format!("Zoek: {text}")) {
        // The Tab raced the form: the text went into the member search. Drop this form (it
        // saved nothing) and try once more.
        s.send(ESC);
        if s.wait_or_kill(|sc| !popup_open(sc)) == Waited::Killed {
            return None;
        }
        return add(s, form, tab, text, list, count);
    }
    s.send(CTRL_S);
    let shown = format!("{list} ({count})");
    let waited = s.wait_or_kill(|sc| {
        sc.contains(&shown) && (!show || sc.contains(text)) && !sc.contains(form)
            || sc.contains(SAVE_FAILED)
    });
    if waited == Waited::Killed || s.screen().contains(SAVE_FAILED) {
        return None;
    }
    Some(())
}

/// Where the selection markers are on the screen.
fn markers(screen: &str) -> Vec<(usize, usize)> {
    screen
        .lines()
        .enumerate()
        .flat_map(|(y, l)| {
            l.chars()
                .enumerate()
                .filter(|(_, c)| *c == '▶')
                .map(move |(x, _)| (y, x))
        })
        .collect()
}

/// The row of the item pane's selection marker, when exactly one is drawn (a frame half
/// drawn can show none or two).
fn item_marker(screen: &str) -> Option<usize> {
    let rows: Vec<usize> = markers(screen)
        .into_iter()
        .filter(|&(_, x)| x >= ITEM_PANE_X)
        .map(|(y, _)| y)
        .collect();
    match rows[..] {
        [y] => Some(y),
        _ => None,
    }
}

/// Moves the selection in the item pane to the list `label` ("Besluiten"): up or down,
/// whichever way it is. Entries are rows of their own, so the number of presses varies.
fn goto(s: &mut Session, label: &str) -> Waited {
    let header = format!("{label} (");
    let target = format!("▶ {header}");
    for _ in 0..200 {
        let screen = s.screen();
        if screen.contains(&target) {
            return Waited::Seen;
        }
        let lines: Vec<&str> = screen.lines().collect();
        let want = lines.iter().position(|l| l.contains(&header));
        let before = item_marker(&screen);
        let key = match (want, before) {
            (Some(w), Some(a)) if a > w => UP,
            _ => DOWN,
        };
        s.send(key);
        // One key, one move: wait until a whole frame shows the marker on its new row, so no
        // key is ever sent ahead of the screen (the clock redraws the screen too).
        let moved = |sc: &str| {
            let now = item_marker(sc);
            now.is_some() && now != before
        };
        if s.wait_or_kill(moved) == Waited::Killed {
            return Waited::Killed;
        }
    }
    panic!(
        "never reached {target:?}; the screen shows:\n{}",
        s.screen()
    );
}

/// Drives the meeting until the kill; records every entry shown as saved.
fn drive(
    s: &mut Session,
    round: u64,
    saved: &mut Vec<String>,
    (plan, after_confirm): (Plan, Option<Duration>),
    shown: &mut soak_close::Shown,
) {
    let mut n = 0;
    let mut mark = |kind: &str| {
        n += 1;
        format!("Merk r{round} n{n} {kind}")
    };
    if s.wait_or_kill(|sc| sc.contains("Casussen die om bespreking vragen")) == Waited::Killed
        || s.step_or_kill("a", "Gepland") == Waited::Killed
        || s.step_or_kill("o", "Overleg openen?") == Waited::Killed
        || s.step_or_kill(ENTER, &format!("1/{ITEMS}")) == Waited::Killed
    {
        return;
    }
    for item in 2..=LAST_CASE_ITEM {
        if s.step_or_kill("n", &format!("{item}/{ITEMS}")) == Waited::Killed {
            return;
        }
        if item < FIRST_CASE_ITEM {
            continue;
        }
        if goto(s, "Adviezen") == Waited::Killed {
            return;
        }
        for k in 1..=2 {
            let text = mark("advies");
            if add(s, "Advies toevoegen", true, &text, "Adviezen", k).is_none() {
                return;
            }
            saved.push(text);
        }
        if goto(s, "Besluiten") == Waited::Killed {
            return;
        }
        let text = mark("besluit");
        if add(s, "Besluit vastleggen", false, &text, "Besluiten", 1).is_none() {
            return;
        }
        saved.push(text);
        if goto(s, "Acties") == Waited::Killed {
            return;
        }
        let text = mark("actie");
        if add(s, "Actie toevoegen", false, &text, "Acties", 1).is_none() {
            return;
        }
        saved.push(text);
    }
    if plan != Plan::Extras {
        if soak_close::close_and_export(s, shown, after_confirm).is_none() {
            return;
        }
        if s.kill_at.is_some() {
            s.kill_hard();
        }
        return;
    }
    // Keep working in the last case until the kill comes.
    for k in 2..200 {
        let text = mark(EXTRA);
        if add(s, "Actie toevoegen", false, &text, "Acties", k).is_none() {
            return;
        }
        saved.push(text);
    }
    if s.kill_at.is_some() {
        s.kill_hard();
    }
}

/// Problems of the workspace, and the saved entries missing from the meeting file. Right
/// after a kill (`restarted: false`) a change set cut short is the designed state, not a
/// corrupt file: the next start completes it, and after the restart none may be left.
fn check(
    data: &Path,
    team: &Path,
    saved: &[String],
    restarted: bool,
) -> (Vec<String>, Vec<String>) {
    let loaded = overleg::storage::load_workspace(data);
    let corrupt = loaded
        .problems
        .iter()
        .filter(|p| {
            restarted
                || !matches!(
                    p.kind,
                    overleg::storage::ProblemKind::UnfinishedChange { .. }
                )
        })
        .map(|p| p.to_string())
        .collect();
    let text = std::fs::read_to_string(team.join(MEETING_FILE)).unwrap_or_default();
    let lost = saved
        .iter()
        .filter(|m| !text.contains(m.as_str()))
        .cloned()
        .collect();
    (corrupt, lost)
}

/// One round: fresh copy, drive, kill after `delay`, check, restart, check again.
fn round(round_no: u64, delay: Duration, plan: Plan, after_confirm: Option<Duration>) -> Round {
    let demo = DemoCopy::new();
    let team = demo.team_dir();
    let mut out = Round {
        plan,
        ..Round::default()
    };
    let expected = match plan {
        Plan::Extras => Vec::new(),
        Plan::Close | Plan::CloseObserved => soak_close::prepare_handovers(&team),
    };
    let started = Instant::now();
    let mut s = Session::start(&demo.args(), &demo.home());
    s.kill_at = Some(started + delay);
    let mut observer = None;
    let mut killed_early = false;
    if plan == Plan::CloseObserved {
        // The observer starts once the first chair holds the lock (its start screen).
        match s.wait_or_kill(|sc| sc.contains("Casussen die om bespreking vragen")) {
            Waited::Seen => {
                let mut b = Session::start(&demo.args(), &demo.home());
                b.wait_for("Alleen lezen");
                observer = Some(b);
            }
            Waited::Killed => killed_early = true,
        }
    }
    if !killed_early {
        drive(
            &mut s,
            round_no,
            &mut out.saved,
            (plan, after_confirm),
            &mut out.shown,
        );
    }
    let history = std::mem::take(&mut s.history);
    let last_screen = s.screen();
    drop(s);
    if let Some(mut b) = observer {
        // The first chair is gone: the observer takes its lock over within a few seconds.
        b.kill_at = Some(Instant::now() + Duration::from_secs(20));
        let seen = b.wait_or_kill(|sc| sc.contains("Niet meer alleen lezen"));
        out.took_over = Some(seen == Waited::Seen);
        if seen == Waited::Seen {
            b.send(CTRL_C);
            b.wait_exit();
        }
    }
    if std::env::var_os("SOAK_TRACE").is_some() {
        eprintln!(
            "  done or killed after {} ms",
            started.elapsed().as_millis()
        );
    }
    (out.corrupt, out.lost) = check(&demo.data(), &team, &out.saved, false);
    out.temp_files = temp_files(&team);
    if !(out.corrupt.is_empty() && out.lost.is_empty()) {
        keep_evidence(round_no, &demo, &history, &last_screen);
    }

    // A restart takes over the dead lock, resumes, and loses nothing when it quits.
    let mut again = Session::start(&demo.args(), &demo.home());
    again.wait_for(" ? hulp");
    out.read_only_after_restart = again.screen().contains("Alleen lezen");
    if out.read_only_after_restart {
        let lock = std::fs::read_to_string(team.join(overleg::storage::lock::LOCK_FILE));
        eprintln!(
            "  restart read-only; the lock: {lock:?}; the screen:\n{}",
            again.screen()
        );
    }
    again.send(CTRL_C);
    again.wait_exit();
    let (corrupt, lost) = check(&demo.data(), &team, &out.saved, true);
    out.corrupt.extend(corrupt);
    out.lost_after_restart = lost;
    if plan != Plan::Extras {
        let state = soak_close::close_state(&team, &expected);
        if out.shown.closed && state != soak_close::CloseState::Complete {
            out.lost_after_restart
                .push(format!("close shown as done, on disk: {state:?}"));
        }
        if out.shown.exported && !team.join(soak_close::MINUTES_FILE).is_file() {
            out.lost_after_restart
                .push("minutes shown as written are missing".into());
        }
        out.close = Some(state);
    }
    out
}

/// With `SOAK_TRACE` set, keeps what a failed round left behind for reading: the data folder
/// as the kill left it and every key sent with the screen before it, under
/// `$TMPDIR/overleg-soak/r<round>/`.
fn keep_evidence(round_no: u64, demo: &DemoCopy, history: &[String], last_screen: &str) {
    if std::env::var_os("SOAK_TRACE").is_none() {
        return;
    }
    let dir = std::env::temp_dir()
        .join("overleg-soak")
        .join(format!("r{round_no}"));
    let _ = std::fs::remove_dir_all(&dir);
    pty::copy_dir(&demo.data(), &dir.join("data"));
    let mut trace = history.join("\n");
    trace.push_str(&format!("\n--- the last screen:\n{last_screen}\n"));
    std::fs::write(dir.join("trace.txt"), trace).expect("write the trace");
    eprintln!("  evidence kept in {}", dir.display());
}

/// Totals over a run of kills.
#[derive(Debug, Default)]
struct Summary {
    kills: usize,
    corrupt: usize,
    lost: usize,
    saved: usize,
    read_only: usize,
    temp_files: usize,
    /// Rounds that closed the meeting: shown as closed, complete / not closed / half on disk.
    closes: usize,
    shown_closed: usize,
    complete: usize,
    not_closed: usize,
    half_closed: usize,
    exports: usize,
    /// Observer rounds, and how many took the lock over.
    observed: usize,
    took_over: usize,
}

fn soak(kills: u64, seed: u64, max_delay_ms: u64) -> Summary {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut sum = Summary::default();
    for r in 0..kills {
        let delay = Duration::from_millis(rng.random_range(0..max_delay_ms));
        let plan = match rng.random_range(0..3u8) {
            0 => Plan::Extras,
            1 => Plan::Close,
            _ => Plan::CloseObserved,
        };
        // Half of the closing rounds are killed 0–30 ms after the close is confirmed, where
        // the files of the close are being written.
        let after_confirm = (plan != Plan::Extras && rng.random_range(0..2u8) == 0)
            .then(|| Duration::from_micros(rng.random_range(0..30_000)));
        if std::env::var_os("SOAK_TRACE").is_some() {
            eprintln!(
                "round {r}: {plan:?}, kill after {delay:?} or {after_confirm:?} after the close"
            );
        }
        let got = round(r, delay, plan, after_confirm);
        if let Some(state) = &got.close {
            sum.closes += 1;
            sum.shown_closed += usize::from(got.shown.closed);
            sum.exports += usize::from(got.shown.exported);
            match state {
                soak_close::CloseState::Complete => sum.complete += 1,
                soak_close::CloseState::NotClosed => sum.not_closed += 1,
                soak_close::CloseState::Half(missing) => {
                    sum.half_closed += 1;
                    eprintln!("  half closed: {missing:?}");
                }
            }
        }
        if let Some(t) = got.took_over {
            sum.observed += 1;
            sum.took_over += usize::from(t);
        }
        sum.kills += 1;
        sum.saved += got.saved.len();
        sum.corrupt += got.corrupt.len();
        sum.lost += got.lost.len() + got.lost_after_restart.len();
        sum.read_only += usize::from(got.read_only_after_restart);
        sum.temp_files += got.temp_files;
        eprintln!(
            "kill {r}: {:?} after {} ms{}, {} saved, {} corrupt, {} lost{}",
            got.plan,
            delay.as_millis(),
            after_confirm
                .map(|d| format!(" or {} µs after the close", d.as_micros()))
                .unwrap_or_default(),
            got.saved.len(),
            got.corrupt.len(),
            got.lost.len() + got.lost_after_restart.len(),
            match &got.close {
                Some(st) => format!(
                    ", close {}{}",
                    st.label(),
                    if got.shown.closed {
                        " (shown closed)"
                    } else {
                        ""
                    }
                ),
                None => String::new(),
            }
        );
        for p in got
            .corrupt
            .iter()
            .chain(&got.lost)
            .chain(&got.lost_after_restart)
        {
            eprintln!("  {p}");
        }
    }
    eprintln!(
        "soak: {} kills, {} corrupt files, {} lost saved entries ({} entries shown as saved, {} restarts read-only, {} temp files left by interrupted writes, seed {seed})",
        sum.kills, sum.corrupt, sum.lost, sum.saved, sum.read_only, sum.temp_files
    );
    eprintln!(
        "soak closes: {} rounds closed the meeting ({} shown as closed, {} exports shown): {} complete, {} not closed, {} half closed; lock take-overs by an observer: {} of {}",
        sum.closes,
        sum.shown_closed,
        sum.exports,
        sum.complete,
        sum.not_closed,
        sum.half_closed,
        sum.took_over,
        sum.observed
    );
    sum
}

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn assert_clean(sum: &Summary) {
    assert_eq!(sum.corrupt, 0, "corrupt files after a kill");
    assert_eq!(sum.lost, 0, "entries shown as saved were lost");
    assert_eq!(
        sum.read_only, 0,
        "a restart did not take over the dead lock"
    );
    assert_eq!(
        sum.took_over, sum.observed,
        "an observer did not take the lock over"
    );
    // The interface commits the close as one change set: a close left half done after a
    // restart is a failure (`SOAK_LENIENT_CLOSE=1` only counts it, for comparing old builds).
    if std::env::var_os("SOAK_LENIENT_CLOSE").is_none() {
        assert_eq!(
            sum.half_closed, 0,
            "a close was left half done after a restart"
        );
    }
}

/// A handful of kills in every test run.
#[test]
fn a_few_kills_lose_nothing_that_was_shown_as_saved() {
    let sum = soak(5, 7, 8000);
    assert_clean(&sum);
}

/// The long soak: `SOAK_KILLS` (200), `SOAK_SEED` (1), `SOAK_MAX_DELAY_MS` (8000).
/// Run it with `scripts/soak.sh`.
#[test]
#[ignore = "long: run with scripts/soak.sh"]
fn soak_many_kills() {
    let sum = soak(
        env_u64("SOAK_KILLS", 200),
        env_u64("SOAK_SEED", 1),
        env_u64("SOAK_MAX_DELAY_MS", 8000).max(1),
    );
    assert_clean(&sum);
}
