//! The plain synchronous loop: draw, read one event, act. The terminal is always restored,
//! also on panic (`ratatui::init` installs the hook).

use std::path::PathBuf;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use anyhow::{Context, bail};
use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::{self, Event, KeyEvent, KeyEventKind};

use super::app::{App, Effect, Msg, Popup};
use super::keymap::KeyMap;
use super::theme::Theme;
use super::update::update;
use super::view::draw;
use crate::i18n::Lang;

/// How the interface was started.
#[derive(Debug, Clone)]
pub struct TuiOptions {
    pub data: PathBuf,
    pub team: Option<String>,
    pub lang: Lang,
    /// `--today`: the date to treat as today (the time of day stays real).
    pub today: Option<NaiveDate>,
    pub theme: String,
}

fn clock(today: Option<NaiveDate>) -> NaiveDateTime {
    let now = chrono::Local::now().naive_local();
    match today {
        Some(d) => d.and_time(now.time()),
        None => now,
    }
}

/// Loads the data and builds the app, without a terminal.
pub fn build_app(opts: &TuiOptions) -> anyhow::Result<App> {
    let outcome = crate::storage::load_workspace_quick(&opts.data);
    if outcome.workspace.teams.is_empty() {
        bail!(
            "{} {}",
            opts.lang.pick("Geen team gevonden in", "No team found in"),
            opts.data.display()
        );
    }
    let theme = Theme::named(&opts.theme).context("--theme")?;
    let styles = theme.styles().context("--theme")?;
    let mut app = App::new(outcome.workspace, opts.lang, clock(opts.today));
    // Only files that loaded: one that failed to parse is never overwritten.
    let seen: Vec<_> = app.workspace.teams.iter().flat_map(fingerprints).collect();
    for (path, fp) in seen {
        app.seen.insert(path, fp);
    }
    app.styles = styles;
    let (keys, key_problem) = KeyMap::load(KeyMap::user_file().as_deref());
    app.keys = keys;
    if let Some(id) = &opts.team {
        let Some(i) = app.workspace.teams.iter().position(|t| &t.team.id == id) else {
            bail!("{} {id}", opts.lang.pick("Onbekend team", "Unknown team"));
        };
        app.choose_team(i);
    }
    let mut problems: Vec<String> = outcome.problems.iter().map(|p| p.to_string()).collect();
    problems.extend(key_problem);
    if !problems.is_empty() {
        app.popups.push(Popup::Messages {
            title: opts
                .lang
                .pick("Problemen bij het laden", "Problems while loading")
                .into(),
            lines: problems,
        });
    }
    Ok(app)
}

/// Runs the interface until the user quits.
pub fn run(opts: TuiOptions) -> anyhow::Result<()> {
    let mut app = build_app(&opts)?;
    let mut lock = LockKeeper::default();
    lock.follow(&mut app);
    // SIGTERM, SIGHUP (the terminal window closed) and an outside SIGINT end the loop the
    // way Ctrl-C does: save, release the lock, restore the terminal.
    // On Windows: a closed console window, Ctrl-Break, logoff and shutdown.
    let signals = crate::platform::signals::register_stop().context("signal handler")?;
    let stop = signals.flag();
    let mut terminal = ratatui::init();
    let events = spawn_event_reader();
    let result = (|| -> anyhow::Result<()> {
        while !app.quit && !stop.load(Ordering::Relaxed) {
            terminal.draw(|f| draw(f, &app))?;
            let mut msgs = Vec::new();
            match events.recv_timeout(Duration::from_millis(250)) {
                Ok(Some(k)) => msgs.push(Msg::Key(k)),
                // Another event (a resize): just draw again.
                Ok(None) | Err(RecvTimeoutError::Timeout) => {}
                // The terminal is gone: stop as after SIGHUP.
                Err(RecvTimeoutError::Disconnected) => stop.store(true, Ordering::Relaxed),
            }
            let now = clock(opts.today);
            if app
                .last_tick
                .is_none_or(|t| (now - t).num_milliseconds() >= 1000)
            {
                msgs.push(Msg::Tick(now));
            }
            for msg in msgs {
                let effects = update(&mut app, msg);
                carry_out(&mut app, effects);
            }
            lock.follow(&mut app);
        }
        Ok(())
    })();
    // After a signal — also when the closed terminal already made drawing or reading fail —
    // save and stop like Ctrl-C (the effects only write files).
    if stop.load(Ordering::Relaxed) && !app.quit {
        let effects = update(&mut app, Msg::Terminate);
        carry_out(&mut app, effects);
    }
    // Release the team before touching the terminal, which may be gone (a closed window).
    drop(lock);
    // A Windows close handler waits for this before it lets the process end.
    signals.released();
    // Not `ratatui::restore`, nor dropping a terminal that cannot be restored: both report the
    // failure with `eprintln!`, which panics when there is no terminal to print to.
    if ratatui::try_restore().is_err() {
        std::mem::forget(terminal);
    }
    result
}

/// Reads terminal events on a thread of its own and passes key presses on (`None` for any
/// other event). The loop waits on the channel, never inside crossterm: on a terminal that
/// has gone (the window closed), crossterm's `event::poll` can spin without ever returning
/// (crossterm issue #793), and the loop must still see the SIGHUP, save and release the lock.
/// The thread ends when reading fails; it is not joined (it may be stuck in that spin, and
/// ends with the process).
fn spawn_event_reader() -> Receiver<Option<KeyEvent>> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        loop {
            let sent = match event::read() {
                Ok(Event::Key(k)) if k.kind == KeyEventKind::Press => tx.send(Some(k)),
                Ok(Event::Key(_)) => Ok(()),
                Ok(_) => tx.send(None),
                Err(_) => break,
            };
            if sent.is_err() {
                break;
            }
        }
    });
    rx
}

/// Holds the lock of the chosen team folder (one chair at a time) and keeps it fresh.
#[derive(Default)]
struct LockKeeper {
    held: Option<(usize, crate::storage::lock::TeamLock)>,
    last_beat: Option<chrono::DateTime<chrono::Utc>>,
    /// The team whose lock was refused, and when it was last tried.
    refused: Option<(usize, chrono::DateTime<chrono::Utc>)>,
}

/// How often a read-only chair checks whether the other chair has gone.
const RETRY_LOCK_SECS: i64 = 3;

impl LockKeeper {
    fn follow(&mut self, app: &mut App) {
        let now = chrono::Utc::now();
        let Some(team) = app.team else {
            self.held = None;
            return;
        };
        if let Some((held, lock)) = &mut self.held
            && *held == team
        {
            if self
                .last_beat
                .is_none_or(|b| now - b > chrono::Duration::seconds(30))
            {
                self.last_beat = Some(now);
                let _ = lock.heartbeat(now);
            }
            return;
        }
        let retry = match self.refused {
            Some((t, at)) if t == team => {
                if now - at < chrono::Duration::seconds(RETRY_LOCK_SECS) {
                    return;
                }
                true
            }
            _ => false,
        };
        self.held = None;
        let Some(dir) = app.team_data().map(|t| t.dir.clone()) else {
            return;
        };
        match crate::storage::lock::TeamLock::acquire(&dir, now) {
            Ok(l) => {
                // Now the only writer here: clear what killed writers left behind.
                crate::storage::remove_stale_temp_files(&dir, std::time::Duration::from_secs(60));
                if retry {
                    // The other chair wrote while this one only looked: start from the disk.
                    let Some(msg) = reload(team, &dir) else {
                        self.refused = Some((team, now));
                        return;
                    };
                    update(app, msg);
                }
                self.held = Some((team, l));
                self.refused = None;
                self.last_beat = Some(now);
                app.read_only = false;
            }
            Err(_) if retry => self.refused = Some((team, now)),
            Err(e) => {
                app.read_only = true;
                app.popups.push(Popup::Messages {
                    title: app.lang.pick("Alleen lezen", "Read only").into(),
                    lines: vec![
                        e.to_string(),
                        app.lang
                            .pick(
                                "Je kunt kijken, maar wijzigingen worden niet bewaard.",
                                "You can look around, but changes are not saved.",
                            )
                            .into(),
                    ],
                });
                self.refused = Some((team, now));
                app.error(e.to_string());
            }
        }
    }
}

/// The team folder as it is on disk now, for a chair that takes over; `None` when its
/// `team.ron` no longer loads (the chair stays read-only and tries again later).
fn reload(team: usize, dir: &std::path::Path) -> Option<Msg> {
    let outcome = crate::storage::load_workspace(dir);
    let data = outcome.workspace.teams.into_iter().next()?;
    Some(Msg::TookOver(Box::new(super::app::TakeOver {
        team,
        seen: fingerprints(&data),
        data,
        problems: outcome.problems.iter().map(|p| p.to_string()).collect(),
    })))
}

/// The fingerprints of a team's case and meeting files as they are on disk now, for
/// [`App::seen`]: what a later save compares with to notice a change by someone else.
fn fingerprints(
    td: &crate::domain::TeamData,
) -> Vec<(PathBuf, crate::storage::guard::Fingerprint)> {
    use crate::storage::{case_path, guard::Fingerprint, meeting_path};
    let cases = td.cases.iter().map(|c| case_path(&td.dir, &c.code));
    let meetings = td.meetings.iter().map(|m| meeting_path(&td.dir, m.date));
    cases
        .chain(meetings)
        .filter_map(|path| {
            let fp = Fingerprint::of_file(&path).ok()??;
            Some((path, fp))
        })
        .collect()
}

/// Carries out effects and feeds their outcome back into `update`.
pub fn carry_out(app: &mut App, effects: Vec<Effect>) {
    for effect in effects {
        if effect == Effect::Quit {
            app.quit = true;
            continue;
        }
        if let Some(msg) = super::effects::execute(app, &effect) {
            update(app, msg);
        }
    }
}
