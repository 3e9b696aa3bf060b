//! Yes/no questions before something that is hard to undo: removing an item or an entry,
//! opening, closing or reopening a meeting, quitting a running meeting. Yes and no are keys
//! of their own in the key map, never navigation keys.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::Reply;
use crate::domain::ItemKind;
use crate::i18n::tui::phrases::EntryKind;
use crate::i18n::tui::{T, confirm_remove, removed};
use crate::session;
use crate::tui::app::{App, Screen};
use crate::tui::keymap::Action;
use crate::tui::msg::Effect;
use crate::tui::widgets::{block, centered, hints};

/// The actions of a question.
pub const ACTIONS: [Action; 2] = [Action::Yes, Action::No];

/// One recorded entry of an item, by its position in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Advice(usize),
    Decision(usize),
    Action(usize),
    /// The regie outcome of a case item.
    Regie,
}

impl Entry {
    fn kind(self) -> EntryKind {
        match self {
            Entry::Advice(_) => EntryKind::Advice,
            Entry::Decision(_) => EntryKind::Decision,
            Entry::Action(_) => EntryKind::Action,
            Entry::Regie => EntryKind::Regie,
        }
    }
}

/// What is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    RemoveItem(usize),
    /// Remove one recorded entry of an item (a slip of the notulist).
    RemoveEntry {
        item: usize,
        entry: Entry,
    },
    OpenMeeting,
    CloseMeeting,
    Reopen,
    Quit,
}

impl Confirm {
    pub fn on_key(&mut self, app: &mut App, key: &KeyEvent) -> Reply {
        match app.keys.action_for(key, &ACTIONS) {
            Some(Action::Yes) => Reply::close_with(self.carry_out(app)),
            Some(_) => Reply::close(),
            None => Reply::keep(),
        }
    }

    fn carry_out(self, app: &mut App) -> Vec<Effect> {
        let date = app.meeting;
        let save = || {
            date.map(Effect::SaveMeeting)
                .into_iter()
                .collect::<Vec<_>>()
        };
        match self {
            Confirm::Quit => {
                app.quit = true;
                let mut fx = save();
                fx.push(Effect::Quit);
                fx
            }
            Confirm::RemoveItem(i) => {
                if let Some(m) = app.current_meeting_mut()
                    && session::remove_item(m, i).is_ok()
                {
                    app.views.agenda = i.saturating_sub(1);
                    return save();
                }
                vec![]
            }
            Confirm::RemoveEntry { item, entry } => remove_entry(app, item, entry),
            Confirm::OpenMeeting => open(app),
            Confirm::CloseMeeting => close(app),
            Confirm::Reopen => reopen(app),
        }
    }

    /// The question, with the number or name of what it is about.
    fn question(self, app: &App) -> String {
        let lang = app.lang;
        let q = match self {
            Confirm::RemoveItem(_) => T::ConfirmRemove,
            Confirm::RemoveEntry { item, entry } => {
                let it = app.current_meeting().and_then(|m| m.agenda.get(item));
                let what = match entry {
                    Entry::Decision(k) => it
                        .and_then(|i| i.decisions.get(k))
                        .map(|d| d.number.clone()),
                    Entry::Action(k) => it.and_then(|i| i.actions.get(k)).map(|a| a.number.clone()),
                    Entry::Advice(k) => it
                        .and_then(|i| match &i.kind {
                            ItemKind::Casus(d) => d.advice.get(k),
                            _ => None,
                        })
                        .zip(app.team_data())
                        .map(|(a, t)| t.team.member_name(&a.by).to_string()),
                    Entry::Regie => None,
                };
                return confirm_remove(entry.kind(), what.as_deref(), lang);
            }
            Confirm::OpenMeeting => T::ConfirmOpen,
            Confirm::CloseMeeting => T::ConfirmClose,
            Confirm::Reopen => T::ConfirmReopen,
            Confirm::Quit => T::ConfirmQuit,
        };
        q.text(lang).to_string()
    }

    pub fn draw(&self, frame: &mut Frame, app: &App, body: Rect) {
        let detail = match self {
            Confirm::CloseMeeting => app
                .team_data()
                .zip(app.current_meeting())
                .map(|(t, m)| crate::minutes::intern_findings(t, m, app.lang).len())
                .filter(|n| *n > 0)
                .map(|n| crate::i18n::tui::close_findings(n, app.lang)),
            _ => None,
        };
        draw_question(frame, app, &self.question(app), detail.as_deref(), body);
    }
}

/// Draws a yes/no question (with an optional detail line) and its keys.
pub fn draw_question(frame: &mut Frame, app: &App, q: &str, detail: Option<&str>, body: Rect) {
    let area = centered(body, 64, if detail.is_some() { 8 } else { 6 });
    frame.render_widget(Clear, area);
    let mut lines = vec![Line::styled(q.to_string(), app.styles.base)];
    if let Some(d) = detail {
        lines.push(Line::styled(d.to_string(), app.styles.muted));
    }
    lines.push(Line::default());
    lines.push(Line::from(hints(app, &ACTIONS)));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(app, T::Confirm.text(app.lang), true)),
        area,
    );
}

/// Removes one entry; a decision or action number is withdrawn, never given again.
fn remove_entry(app: &mut App, item: usize, entry: Entry) -> Vec<Effect> {
    let lang = app.lang;
    let Some(m) = app.current_meeting_mut() else {
        return vec![];
    };
    let date = m.date;
    let removed_number = match entry {
        Entry::Advice(k) => session::remove_advice(m, item, k).map(|_| None),
        Entry::Decision(k) => session::remove_decision(m, item, k).map(|d| Some(d.number)),
        Entry::Action(k) => session::remove_action(m, item, k).map(|a| Some(a.number)),
        Entry::Regie => session::clear_regie(m, item).map(|()| None),
    };
    let left = match entry {
        Entry::Advice(_) => session::discussion_mut(m, item).map_or(0, |d| d.advice.len()),
        Entry::Decision(_) => session::item_mut(m, item).map_or(0, |i| i.decisions.len()),
        Entry::Action(_) => session::item_mut(m, item).map_or(0, |i| i.actions.len()),
        Entry::Regie => usize::MAX,
    };
    match removed_number {
        Ok(number) => {
            // The last entry of a list went: keep the selection in that list, one row up.
            if let Entry::Advice(k) | Entry::Decision(k) | Entry::Action(k) = entry
                && k >= left
            {
                app.views.item_row = app.views.item_row.saturating_sub(1);
            }
            app.info(removed(entry.kind(), number.as_deref(), lang));
            vec![Effect::SaveMeeting(date)]
        }
        Err(e) => {
            app.error(e.message(lang));
            vec![]
        }
    }
}

fn open(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    let lang = app.lang;
    let Some(team) = app.team_data().map(|t| t.team.clone()) else {
        return vec![];
    };
    let Some(m) = app.current_meeting_mut() else {
        return vec![];
    };
    let date = m.date;
    match session::open_meeting(m, &team, now) {
        Ok(()) => {
            app.screen = Screen::Meeting;
            app.enter_item();
            app.last_tick = Some(now);
            vec![Effect::SaveMeeting(date)]
        }
        Err(e) => {
            app.error(e.message(lang));
            vec![]
        }
    }
}

fn reopen(app: &mut App) -> Vec<Effect> {
    let today = app.today;
    let lang = app.lang;
    let Some(team) = app.team_data_mut() else {
        return vec![];
    };
    let Some(last) = team.last_closed_meeting().map(|m| m.date) else {
        return vec![];
    };
    let Some(i) = team.meetings.iter().position(|m| m.date == last) else {
        return vec![];
    };
    match session::reopen_meeting(&mut team.meetings, i, today) {
        Ok(()) => {
            app.meeting = Some(last);
            app.screen = Screen::Meeting;
            app.enter_item();
            vec![Effect::SaveMeeting(last)]
        }
        Err(e) => {
            app.error(e.message(lang));
            vec![]
        }
    }
}

/// Closing is one change set, carried out by the loop ([`Effect::Close`]): nothing in
/// memory changes until every part is on disk (then [`crate::tui::msg::Msg::Closed`]).
fn close(app: &mut App) -> Vec<Effect> {
    app.meeting.map(Effect::Close).into_iter().collect()
}
