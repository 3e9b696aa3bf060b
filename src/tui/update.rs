//! The one place where state changes: `update(&mut App, Msg) -> Vec<Effect>`. Keys are routed
//! force-quit → popup → screen (with the global actions: help, search, minutes, quit); every
//! key goes through the key map.

use chrono::{Duration, NaiveDateTime};
use crossterm::event::{KeyEvent, KeyEventKind};

use super::app::App;
use super::keymap::Action;
use super::msg::{Effect, LockEvent, Msg, TakeOver};
use super::popup::choose::Choose;
use super::popup::confirm::Confirm;
use super::popup::form::restore_draft;
use super::popup::help::{Group, Help};
use super::popup::messages::Messages;
use super::popup::search::SearchPopup;
use super::popup::{self, Popup};
use super::screen;
use crate::domain::MeetingState;
use crate::i18n::tui::status;

/// Applies one message; returns the work for the loop, in order.
pub fn update(app: &mut App, msg: Msg) -> Vec<Effect> {
    let fx = match msg {
        Msg::Tick(now) => tick(app, now),
        Msg::Failed(text) => {
            app.error(text);
            vec![]
        }
        Msg::Done(text) => {
            if let Some(t) = text {
                app.info(t);
            }
            vec![]
        }
        Msg::Key(key) if key.kind != KeyEventKind::Release => on_key(app, key),
        Msg::Key(_) => vec![],
        Msg::Terminate => {
            app.quit = true;
            save_and_quit(app)
        }
        Msg::Lock(event) => lock(app, event),
        Msg::Closed(c) => {
            closed(app, *c);
            vec![]
        }
        Msg::Problems { title, lines } => {
            app.error(title.clone());
            app.open(Popup::Messages(Messages::new(title, lines)));
            vec![]
        }
        Msg::Others(o) => {
            super::others::merge(app, *o);
            vec![]
        }
    };
    // A save of the meeting writes the typed text with it.
    if let Some(u) = app.unsaved
        && fx.contains(&Effect::SaveMeeting(u.date))
    {
        app.unsaved = None;
    }
    fx
}

/// Longest gap between two ticks that still counts (a suspended laptop does not count).
const MAX_TICK_SECONDS: i64 = 5;
/// The clock is saved at least this often (seconds of meeting time).
const SAVE_CLOCK_EVERY: u32 = 10;
/// Typed text is saved after this pause in typing…
const SAVE_AFTER_PAUSE: Duration = Duration::seconds(2);
/// …and at least this often while typing goes on.
const SAVE_TYPING_EVERY: Duration = Duration::seconds(10);

fn tick(app: &mut App, now: NaiveDateTime) -> Vec<Effect> {
    let last = app.last_tick.replace(now);
    app.now = now;
    let mut fx = Vec::new();
    if let Some(u) = app.unsaved
        && (now - u.last >= SAVE_AFTER_PAUSE || now - u.since >= SAVE_TYPING_EVERY)
    {
        app.unsaved = None;
        fx.push(Effect::SaveMeeting(u.date));
    }
    let Some(last) = last else {
        return fx;
    };
    let secs = (now - last).num_seconds().clamp(0, MAX_TICK_SECONDS) as u32;
    let Some(m) = app.clock_meeting_mut() else {
        return fx;
    };
    if m.state != MeetingState::Geopend || secs == 0 {
        return fx;
    }
    crate::session::tick(m, secs);
    let date = m.date;
    app.unsaved_seconds += secs;
    if app.unsaved_seconds >= SAVE_CLOCK_EVERY {
        app.unsaved_seconds = 0;
        if !fx.contains(&Effect::SaveMeeting(date)) {
            fx.push(Effect::SaveMeeting(date));
        }
    }
    fx
}

fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    // The status line shows what the last key did.
    app.status = None;
    if app.keys.is(&key, Action::ForceQuit) {
        app.quit = true;
        return save_and_quit(app);
    }
    if !app.popups.is_empty() {
        return popup::on_key(app, &key);
    }
    let actions = screen::actions(app);
    let Some(action) = app.keys.action_for(&key, &actions) else {
        return vec![];
    };
    match action {
        Action::Help => {
            app.open(Popup::Help(help(app.lang)));
            vec![]
        }
        Action::Quit => {
            if app.meeting_running() {
                app.open(Popup::Confirm(Confirm::Quit));
                vec![]
            } else {
                app.quit = true;
                save_and_quit(app)
            }
        }
        Action::Search => {
            let p = SearchPopup::new(app);
            app.open(Popup::Search(Box::new(p)));
            vec![]
        }
        Action::Minutes => {
            if let Some(date) = screen::minutes_date(app) {
                let p = Popup::Choose(Choose::export(app, date));
                app.open(p);
            }
            vec![]
        }
        Action::Suspend => {
            let mut fx = app.flush_unsaved();
            fx.push(Effect::Suspend);
            fx
        }
        _ => screen::on_action(app, action),
    }
}

/// The help popup: every screen's and popup's actions.
pub fn help(lang: crate::i18n::Lang) -> Help {
    Help::new(
        screen::catalog()
            .into_iter()
            .chain(popup::catalog())
            .map(|(t, actions)| Group {
                title: t.text(lang).to_string(),
                actions,
            })
            .collect(),
    )
}

/// What the lock keeper found out.
fn lock(app: &mut App, event: LockEvent) -> Vec<Effect> {
    let lang = app.lang;
    match event {
        LockEvent::Held => app.read_only = false,
        LockEvent::Refused(holder) => {
            app.read_only = true;
            let text = crate::i18n::tui::status::read_only_explain(lang);
            app.open(Popup::Messages(Messages::new(
                status::read_only_title(lang),
                vec![holder.clone(), text],
            )));
            app.error(holder);
        }
        LockEvent::TookOver(t) => took_over(app, *t),
        LockEvent::Reloaded(t) => reloaded(app, *t),
        LockEvent::Recovered(t, lines) => {
            let read_only = app.read_only;
            replace_team(app, *t);
            app.read_only = read_only;
            if !lines.is_empty() {
                app.open(Popup::Messages(Messages::new(
                    status::recovered_title(lang),
                    lines,
                )));
            }
        }
        LockEvent::Lost(holder) => {
            app.read_only = true;
            let text = status::lock_lost_explain(&holder, lang);
            app.open(Popup::Messages(Messages::new(
                status::lock_lost_title(lang),
                vec![text.clone()],
            )));
            app.error(text);
        }
        LockEvent::HeartbeatFailed(why) => app.error(status::heartbeat_failed(&why, lang)),
        LockEvent::Reconnected => return vec![Effect::Replay],
    }
    vec![]
}

/// Puts the team as it is on disk in place of what this process had, with its fingerprints.
fn replace_team(app: &mut App, t: TakeOver) {
    let Some(slot) = app.workspace.teams.get_mut(t.team) else {
        return;
    };
    *slot = t.data;
    app.data_gen += 1;
    for (path, fp) in t.seen {
        app.seen.insert(path, fp);
    }
    app.watched.insert(t.team);
}

/// A read-only chair sees what the writer saved: the data is replaced, where the user is
/// stays (the meeting's current item follows the writer).
fn reloaded(app: &mut App, t: TakeOver) {
    replace_team(app, t);
    app.read_only = true;
    let items = app.current_meeting().map_or(0, |m| m.agenda.len());
    app.views.agenda = app.views.agenda.min(items.saturating_sub(1));
}

/// The other chair stopped: work on from the files as they are now, no longer read-only.
fn took_over(app: &mut App, mut t: TakeOver) {
    let problems = std::mem::take(&mut t.problems);
    let team = t.team;
    replace_team(app, t);
    app.read_only = false;
    app.popups.clear();
    app.unsaved = None;
    // The "in use by …" warning no longer holds.
    app.status = None;
    let lang = app.lang;
    app.choose_team(team);
    restore_draft(app);
    let mut lines = vec![status::took_over_explain(lang)];
    lines.extend(problems);
    app.open(Popup::Messages(Messages::new(
        status::took_over_title(lang),
        lines,
    )));
}

/// Every part of the close is on disk: the memory follows.
fn closed(app: &mut App, c: crate::tui::msg::Closed) {
    let lang = app.lang;
    let Some(team) = app.team_data_mut() else {
        return;
    };
    for case in c.cases {
        if let Some(slot) = team.cases.iter_mut().find(|x| x.code == case.code) {
            *slot = case;
        }
    }
    if let Some(slot) = team.meetings.iter_mut().find(|m| m.date == c.meeting.date) {
        *slot = c.meeting;
    }
    app.unsaved = None;
    app.popups.clear();
    app.screen = crate::tui::app::Screen::Start;
    app.views.start = 0;
    app.info(status::closed_minutes_at(&c.minutes, lang));
}

/// Saves the meeting (if any, with any typed text) and stops.
pub fn save_and_quit(app: &App) -> Vec<Effect> {
    let mut out: Vec<Effect> = app.meeting.map(Effect::SaveMeeting).into_iter().collect();
    out.push(Effect::Quit);
    out
}
