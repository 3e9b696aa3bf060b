//! The plain synchronous loop: draw, read one event, act. The terminal is always restored,
//! also on panic (`ratatui::init` installs the hook). Only the loop, the effects and the lock
//! keeper touch the disk; each reports what happened as a [`Msg`] for `update`.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use anyhow::{Context, bail};
use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::{self, Event, KeyEvent, KeyEventKind};
#[cfg(unix)]
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use super::app::App;
use super::chrome::draw;
use super::effects::{execute, fingerprints};
use super::keymap::KeyMap;
use super::msg::{Effect, LockEvent, Msg, TakeOver};
use super::popup::Popup;
use super::popup::form::restore_draft;
use super::popup::messages::Messages;
use super::theme::Theme;
use super::update::update;
use crate::i18n::Lang;
use crate::i18n::tui::status;

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

/// Loads the data and builds the app, without a terminal. Only the chosen team's files are
/// fingerprinted now; another team's when it is chosen.
pub fn build_app(opts: &TuiOptions) -> anyhow::Result<App> {
    let lang = opts.lang;
    let outcome = crate::storage::load_workspace_quick(&opts.data);
    if outcome.workspace.teams.is_empty() {
        bail!(status::no_team_in(&opts.data.display().to_string(), lang));
    }
    let theme = Theme::named(&opts.theme).context("--theme")?;
    let styles = theme.styles().context("--theme")?;
    let mut app = App::new(outcome.workspace, lang, clock(opts.today));
    app.styles = styles;
    let user_file = KeyMap::user_file();
    let (keys, key_problem) = KeyMap::load(user_file.as_deref());
    app.keys = Arc::new(keys);
    app.keys_file = user_file.map(|p| p.display().to_string());
    if let Some(id) = &opts.team {
        let Some(i) = app.workspace.teams.iter().position(|t| &t.team.id == id) else {
            let known: Vec<&str> = app
                .workspace
                .teams
                .iter()
                .map(|t| t.team.id.as_str())
                .collect();
            bail!(status::unknown_team(id, &known, lang));
        };
        app.choose_team(i);
    }
    if let Some(t) = app.team {
        execute(&mut app, &Effect::Fingerprint(t));
    }
    restore_draft(&mut app);
    let mut problems: Vec<String> = outcome.problems.iter().map(|p| p.render(lang)).collect();
    problems.extend(key_problem.map(|(path, why)| status::key_file_problem(&path, &why, lang)));
    if !problems.is_empty() {
        app.open(Popup::Messages(Messages::new(
            status::load_problems_title(lang),
            problems,
        )));
    }
    Ok(app)
}

/// Runs the interface until the user quits.
pub fn run(opts: TuiOptions) -> anyhow::Result<()> {
    let mut app = build_app(&opts)?;
    let mut lock = LockKeeper::default();
    for msg in lock.follow(&app) {
        let fx = update(&mut app, msg);
        carry_out(&mut app, fx);
    }
    // SIGTERM, SIGHUP (the terminal window closed) and an outside SIGINT end the loop the
    // way Ctrl-C does: save, release the lock, restore the terminal.
    let stop = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register(signal, Arc::clone(&stop)).context("signal handler")?;
    }
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
            msgs.extend(lock.follow(&app));
            for msg in msgs {
                let effects = update(&mut app, msg);
                for left in carry_out(&mut app, effects) {
                    if left == Effect::Suspend {
                        suspend(&mut terminal)?;
                    }
                }
            }
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

/// Holds the lock of the chosen team folder (one chair at a time) and keeps it fresh. It only
/// does the I/O; what follows (read only, a take-over, a warning) is decided by `update`
/// from the [`LockEvent`]s it sends.
#[derive(Default)]
struct LockKeeper {
    held: Option<(usize, crate::storage::lock::TeamLock)>,
    last_beat: Option<chrono::DateTime<chrono::Utc>>,
    /// The team whose lock was refused, and when it was last tried.
    refused: Option<(usize, chrono::DateTime<chrono::Utc>)>,
}

/// How often a read-only chair checks whether the other chair has gone.
const RETRY_LOCK_SECS: i64 = 3;
/// How often the holder refreshes the lock.
const HEARTBEAT_SECS: i64 = 30;

impl LockKeeper {
    /// Takes, keeps or retries the lock of the chosen team; says what happened.
    fn follow(&mut self, app: &App) -> Vec<Msg> {
        let now = chrono::Utc::now();
        let lang = app.lang;
        let Some(team) = app.team else {
            self.held = None;
            return vec![];
        };
        if let Some((held, lock)) = &mut self.held
            && *held == team
        {
            if self
                .last_beat
                .is_none_or(|b| now - b > chrono::Duration::seconds(HEARTBEAT_SECS))
            {
                self.last_beat = Some(now);
                if let Err(e) = lock.heartbeat(now) {
                    let why = crate::i18n::errors::io_message(&e, lang);
                    return vec![Msg::Lock(LockEvent::HeartbeatFailed(why))];
                }
            }
            return vec![];
        }
        let retry = match self.refused {
            Some((t, at)) if t == team => {
                if now - at < chrono::Duration::seconds(RETRY_LOCK_SECS) {
                    return vec![];
                }
                true
            }
            _ => false,
        };
        self.held = None;
        let Some(dir) = app.team_data().map(|t| t.dir.clone()) else {
            return vec![];
        };
        match crate::storage::lock::TeamLock::acquire(&dir, now) {
            Ok(l) => {
                // Now the only writer here: clear what killed writers left behind.
                crate::storage::remove_stale_temp_files(&dir, std::time::Duration::from_secs(60));
                let msg = if retry {
                    // The other chair wrote while this one only looked: start from the disk.
                    let Some(msg) = reload(team, &dir, lang) else {
                        self.refused = Some((team, now));
                        return vec![];
                    };
                    msg
                } else {
                    Msg::Lock(LockEvent::Held)
                };
                self.held = Some((team, l));
                self.refused = None;
                self.last_beat = Some(now);
                vec![msg]
            }
            Err(_) if retry => {
                self.refused = Some((team, now));
                vec![]
            }
            Err(e) => {
                self.refused = Some((team, now));
                vec![Msg::Lock(LockEvent::Refused(e.message(lang)))]
            }
        }
    }
}

/// The team folder as it is on disk now, for a chair that takes over; `None` when its
/// `team.ron` no longer loads (the chair stays read-only and tries again later).
fn reload(team: usize, dir: &std::path::Path, lang: Lang) -> Option<Msg> {
    let outcome = crate::storage::load_workspace(dir);
    let data = outcome.workspace.teams.into_iter().next()?;
    Some(Msg::Lock(LockEvent::TookOver(Box::new(TakeOver {
        team,
        seen: fingerprints(&data),
        data,
        problems: outcome.problems.iter().map(|p| p.render(lang)).collect(),
    }))))
}

/// Carries out effects and feeds their outcome back into `update`; the effects of those
/// follow-up messages are carried out too, in order. Returns the effects only the loop can
/// carry out (those on the terminal: [`Effect::Suspend`]).
pub fn carry_out(app: &mut App, effects: Vec<Effect>) -> Vec<Effect> {
    let mut queue: VecDeque<Effect> = effects.into();
    let mut left = Vec::new();
    while let Some(effect) = queue.pop_front() {
        match effect {
            Effect::Quit => app.quit = true,
            Effect::Suspend => left.push(effect),
            _ => {
                if let Some(msg) = execute(app, &effect) {
                    queue.extend(update(app, msg));
                }
            }
        }
    }
    left
}

/// Ctrl-Z: gives the terminal back and stops the process until the shell resumes it (`fg`),
/// then takes the terminal again. The lock is not refreshed while stopped; after a long stop
/// another chair may have taken over, which the next heartbeat notices.
#[cfg(unix)]
fn suspend(terminal: &mut ratatui::DefaultTerminal) -> anyhow::Result<()> {
    ratatui::try_restore().context("terminal")?;
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP).context("SIGTSTP")?;
    // Here again after SIGCONT.
    *terminal = ratatui::init();
    terminal.clear()?;
    Ok(())
}

/// No job control on Windows: the key does nothing.
#[cfg(not(unix))]
fn suspend(_terminal: &mut ratatui::DefaultTerminal) -> anyhow::Result<()> {
    Ok(())
}
