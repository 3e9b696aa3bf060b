//! The plain synchronous loop: draw, read one event, act. The terminal is always restored,
//! also on panic (`ratatui::init` installs the hook). Only the loop, the effects and the lock
//! keeper touch the disk; each reports what happened as a [`Msg`] for `update`.

use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::time::Duration;

use anyhow::{Context, bail};
use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::{self, Event, KeyEvent, KeyEventKind};

use super::app::App;
use super::chrome::draw;
use super::effects::execute;
use super::keymap::KeyMap;
use super::msg::{Effect, LockEvent, Msg, Others, TakeOver};
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
    /// `--db`: the PostgreSQL store instead of the folder.
    pub db: Option<String>,
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

/// Loads the data and builds the app, without a terminal. With `--team` in a municipality
/// folder only that team is loaded; the app then
/// has `others_loading` set, and [`load_others`] brings the rest.
pub fn build_app(opts: &TuiOptions) -> anyhow::Result<App> {
    build(opts).map(|(app, _)| app)
}

/// The other teams of the municipality, for [`Msg::Others`]: a read-only lookup load (a file
/// whose full stamp matches the parse cache is not read), with the problems not among `shown`.
pub fn load_others(data: &std::path::Path, shown: &[String], lang: Lang) -> Others {
    // The keys before the load: a kept index part is used only for a folder that did not
    // change while it was loaded. After a clean load the lookups' files are kept, as `zoek`
    // and `caseload` keep them.
    let keys = crate::cli::indexed::Keys::of(data);
    let outcome = crate::storage::load_workspace_lookup(data);
    let parts = if outcome.problems.is_empty() {
        keys.store_taking_parts(&outcome.workspace)
    } else {
        Vec::new()
    };
    let problems = outcome
        .problems
        .iter()
        .map(|p| p.render(lang))
        .filter(|p| !shown.contains(p))
        .collect();
    Others {
        workspace: outcome.workspace,
        seen: outcome.fingerprints,
        problems,
        parts,
    }
}

/// Loads the other teams on a thread of its own; the loop takes them in when they are there.
fn spawn_others(data: PathBuf, shown: Vec<String>, lang: Lang) -> Receiver<Others> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(load_others(&data, &shown, lang));
    });
    rx
}

/// The app and the problems it shows at the start.
fn build(opts: &TuiOptions) -> anyhow::Result<(App, Vec<String>)> {
    let lang = opts.lang;
    let first = opts
        .team
        .as_deref()
        .and_then(|id| crate::storage::team_folder_of(&opts.data, id));
    // A lookup load: a case file whose full stamp matches the parse cache is not read. Safe
    // for the saves that follow: what `seen` remembers is the fingerprint of the bytes the
    // cached case was parsed from, and every save compares the file on disk with it, so even
    // a cache entry that were somehow stale leads to a refused save, never to an overwrite.
    let (outcome, store, first) = match &opts.db {
        Some(db) => {
            let (outcome, store) = open_db(db, lang)?;
            (outcome, store, None)
        }
        None => {
            let store = crate::store::FolderStore::new(&opts.data);
            let outcome =
                crate::storage::load_workspace_lookup(first.as_deref().unwrap_or(&opts.data));
            (
                outcome,
                crate::store::StoreHandle::new(Box::new(store)),
                first,
            )
        }
    };
    if outcome.workspace.teams.is_empty() {
        let place = opts
            .db
            .clone()
            .unwrap_or_else(|| opts.data.display().to_string());
        let mut why = status::no_team_in(&place, lang);
        if let Some(p) = outcome.problems.first() {
            why = format!("{why}\n{}", p.render(lang));
        }
        bail!(why);
    }
    let theme = Theme::named(&opts.theme).context("--theme")?;
    let styles = theme.styles().context("--theme")?;
    let mut app = App::new(outcome.workspace, lang, clock(opts.today));
    app.codes_elsewhere = store.with(|s| s.codes_elsewhere());
    app.store = store;
    app.others_loading = first.is_some();
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
    // What the loader parsed, byte for byte: a later save compares with exactly that, so a
    // change made after this load is never overwritten (no second read of the files).
    for (path, fp) in outcome.fingerprints {
        app.seen.insert(path, fp);
    }
    app.watched = (0..app.workspace.teams.len()).collect();
    restore_draft(&mut app);
    let mut problems: Vec<String> = outcome.problems.iter().map(|p| p.render(lang)).collect();
    if opts.db.is_none()
        && let Some(client) = crate::storage::synced::sync_client_of(&opts.data)
    {
        problems.insert(0, crate::i18n::db::synced_folder(client.name(), lang));
    }
    problems.extend(key_problem.map(|(path, why)| status::key_file_problem(&path, &why, lang)));
    if !problems.is_empty() {
        app.open(Popup::Messages(Messages::new(
            status::load_problems_title(lang),
            problems.clone(),
        )));
    }
    Ok((app, problems))
}

/// Opens the database store (`--db`): every team the login may see, with the fingerprints
/// of their rows. The whole team is in memory from here on, so the chair can open every
/// case card of the agenda while the database is away.
fn open_db(
    db: &str,
    lang: Lang,
) -> anyhow::Result<(crate::storage::LoadOutcome, crate::store::StoreHandle)> {
    use crate::store::Store;
    let target = crate::store::pg::Target::parse(db)
        .map_err(|e| anyhow::anyhow!(crate::store::pg::DbError::from(e).message(lang)))?;
    let root = crate::store::pg::local_root(&target);
    let (mut store, replayed) = crate::store::pg::PgStore::open_and_replay(target, root)
        .map_err(|e| anyhow::anyhow!(e.message(lang)))?;
    let mut outcome = store.load(&crate::store::Scope::All);
    // Changes an earlier session left offline that someone else overtook meanwhile: named
    // as problems (their versions are in the database's conflict table).
    if let Some(r) = replayed {
        for (path, kept) in r.conflicts {
            outcome.problems.push(crate::storage::Problem::at_start(
                path,
                crate::storage::ProblemKind::Unreadable {
                    error: crate::i18n::db::replay_conflict(kept.as_deref(), lang),
                },
            ));
        }
    }
    Ok((outcome, crate::store::StoreHandle::new(Box::new(store))))
}

/// The folder's lock or the database's lease.
enum Keeper {
    Folder(Box<LockKeeper>),
    Db(Box<super::lease::LeaseKeeper>),
}

impl Keeper {
    fn follow(&mut self, app: &App) -> Vec<Msg> {
        match self {
            Keeper::Folder(k) => k.follow(app),
            Keeper::Db(k) => k.follow(app),
        }
    }
}

/// Runs the interface until the user quits.
pub fn run(opts: TuiOptions) -> anyhow::Result<()> {
    let (mut app, shown) = build(&opts)?;
    let others = app
        .others_loading
        .then(|| spawn_others(opts.data.clone(), shown, opts.lang));
    let mut lock = match opts.db.as_deref().map(crate::store::pg::Target::parse) {
        Some(Ok(t)) => Keeper::Db(Box::new(super::lease::LeaseKeeper::new(t))),
        _ => Keeper::Folder(Box::default()),
    };
    for msg in lock.follow(&app) {
        let fx = update(&mut app, msg);
        carry_out(&mut app, fx);
    }
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
            msgs.extend(lock.follow(&app));
            if app.others_loading
                && let Some(rx) = &others
            {
                match rx.try_recv() {
                    Ok(o) => msgs.push(Msg::Others(Box::new(o))),
                    Err(TryRecvError::Empty) => {}
                    // The loading thread failed: go on with the chosen team alone, and say so.
                    Err(TryRecvError::Disconnected) => msgs.push(Msg::Others(Box::new(Others {
                        workspace: crate::domain::Workspace::default(),
                        seen: Vec::new(),
                        problems: vec![status::others_failed(opts.lang)],
                        parts: Vec::new(),
                    }))),
                }
            }
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

/// Holds the lock of the chosen team folder (one chair at a time) and keeps it fresh. It only
/// does the I/O; what follows (read only, a take-over, a warning) is decided by `update`
/// from the [`LockEvent`]s it sends.
///
/// - Holding: a heartbeat every [`HEARTBEAT_EVERY`]; a lock found gone or someone else's
///   ([`HeartbeatOutcome::Lost`]) makes this chair read-only at once.
/// - Read only: every few seconds the observer looks at the lock; it is taken when free, or
///   taken over when its heartbeat stood still for longer than the stale limit on this
///   machine's clock (never because it was unreadable). Meanwhile the team is loaded again
///   whenever its files change, so the screen is never an old copy.
/// - On taking the lock: an unfinished change set (a close cut short) is completed first,
///   and the team reloaded from disk when it was.
#[derive(Default)]
struct LockKeeper {
    held: Option<(usize, crate::storage::lock::TeamLock)>,
    last_beat: Option<std::time::Instant>,
    /// Read only on this team: the observer and when it last looked.
    watching: Option<Watching>,
}

struct Watching {
    team: usize,
    observer: crate::storage::lock::LockObserver,
    last: std::time::Instant,
    /// The files of the team as last seen (size and time), to notice the writer's saves.
    signature: Vec<(PathBuf, u64, Option<std::time::SystemTime>)>,
}

/// How often a read-only chair looks at the lock and the files.
const WATCH_EVERY: Duration = Duration::from_secs(3);

/// Size and modification time of the team's own files: cheap to take every few seconds.
fn signature(dir: &std::path::Path) -> Vec<(PathBuf, u64, Option<std::time::SystemTime>)> {
    let mut out = Vec::new();
    let mut add = |p: PathBuf| {
        if let Ok(m) = std::fs::metadata(&p) {
            out.push((p, m.len(), m.modified().ok()));
        }
    };
    add(dir.join(crate::storage::TEAM_FILE));
    for sub in ["cases", "meetings"] {
        if let Ok(entries) = std::fs::read_dir(dir.join(sub)) {
            for e in entries.flatten() {
                add(e.path());
            }
        }
    }
    out.sort();
    out
}

impl LockKeeper {
    /// Takes, keeps or watches the lock of the chosen team; says what happened.
    fn follow(&mut self, app: &App) -> Vec<Msg> {
        use crate::storage::lock::{HeartbeatOutcome, LockObserver, Observation, TeamLock};
        let now = chrono::Utc::now();
        let local = std::time::Instant::now();
        let lang = app.lang;
        let Some(team) = app.team else {
            self.held = None;
            self.watching = None;
            return vec![];
        };
        let Some(dir) = app.team_data().map(|t| t.dir.clone()) else {
            return vec![];
        };
        if let Some((held, lock)) = &mut self.held
            && *held == team
        {
            if self
                .last_beat
                .is_some_and(|b| local.duration_since(b) < crate::storage::lock::HEARTBEAT_EVERY)
            {
                return vec![];
            }
            self.last_beat = Some(local);
            return match lock.heartbeat(now) {
                HeartbeatOutcome::Renewed => vec![],
                HeartbeatOutcome::Failed(e) => {
                    let why = crate::i18n::errors::io_message(&e, lang);
                    vec![Msg::Lock(LockEvent::HeartbeatFailed(why))]
                }
                HeartbeatOutcome::Lost(owner) => {
                    let holder = owner.map_or_else(
                        || status::lock_gone(lang),
                        |o| crate::i18n::errors::lock_holder(&o, lang),
                    );
                    self.held = None;
                    self.watching = Some(Watching {
                        team,
                        observer: LockObserver::new(),
                        last: local,
                        signature: signature(&dir),
                    });
                    vec![Msg::Lock(LockEvent::Lost(holder))]
                }
            };
        }
        self.held = None;
        if let Some(w) = &mut self.watching
            && w.team == team
        {
            if local.duration_since(w.last) < WATCH_EVERY {
                return vec![];
            }
            w.last = local;
            let taken = match w.observer.observe(&dir, local) {
                Observation::Free => TeamLock::acquire(&dir, now).ok(),
                Observation::TakeOverAllowed(stale) => TeamLock::take_over(&dir, &stale, now).ok(),
                Observation::HeldBy(_) | Observation::Unreadable(_) => None,
            };
            if let Some(lock) = taken {
                let msgs = self.start_holding(team, lock, &dir, lang, true);
                return msgs;
            }
            // Still read only: show what the writer saved.
            let sig = signature(&dir);
            if sig != w.signature {
                w.signature = sig;
                if let Some(t) = reload(team, &dir, lang) {
                    return vec![Msg::Lock(LockEvent::Reloaded(Box::new(t)))];
                }
            }
            return vec![];
        }
        match TeamLock::acquire(&dir, now) {
            Ok(lock) => self.start_holding(team, lock, &dir, lang, false),
            Err(e) => {
                self.watching = Some(Watching {
                    team,
                    observer: LockObserver::new(),
                    last: local,
                    signature: signature(&dir),
                });
                vec![Msg::Lock(LockEvent::Refused(e.message(lang)))]
            }
        }
    }

    /// The lock is ours: clear what killed writers left, finish a change cut short, and say
    /// so (with the team as it is on disk when that is needed).
    fn start_holding(
        &mut self,
        team: usize,
        lock: crate::storage::lock::TeamLock,
        dir: &std::path::Path,
        lang: Lang,
        after_watching: bool,
    ) -> Vec<Msg> {
        // Now the only writer here: clear what killed writers left behind.
        crate::storage::remove_stale_temp_files(dir, Duration::from_secs(60));
        let recovered = crate::storage::changeset::recover(dir);
        self.held = Some((team, lock));
        self.watching = None;
        self.last_beat = Some(std::time::Instant::now());
        let lines = match &recovered {
            None => vec![],
            Some(Ok(report)) => report.lines(lang),
            Some(Err(e)) => vec![status::intent_unreadable(&e.to_string(), lang)],
        };
        if !after_watching && recovered.is_none() {
            return vec![Msg::Lock(LockEvent::Held)];
        }
        match reload(team, dir, lang) {
            Some(t) if after_watching => vec![Msg::Lock(LockEvent::TookOver(Box::new(t)))],
            Some(t) => vec![Msg::Lock(LockEvent::Recovered(Box::new(t), lines))],
            None => vec![Msg::Lock(LockEvent::Held)],
        }
    }
}

/// The team folder as it is on disk now, for a chair that takes over or only watches; `None`
/// when its `team.ron` no longer loads.
fn reload(team: usize, dir: &std::path::Path, lang: Lang) -> Option<TakeOver> {
    TakeOver::from_outcome(team, crate::storage::load_workspace(dir), lang)
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
