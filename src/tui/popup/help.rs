//! The help screen: every action of every screen and popup with its keys, from the live key
//! map, so it can never drift from what the keys do.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::Reply;
use crate::i18n::tui::{T, help_keys_file};
use crate::tui::app::App;
use crate::tui::keymap::Action;
use crate::tui::widgets::{block, centered};

/// The actions of the help and message popups.
pub const ACTIONS: [Action; 3] = [Action::Up, Action::Down, Action::Back];

/// A titled group of actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub title: String,
    pub actions: Vec<Action>,
}

/// The help popup: the groups to list (handed in by whoever opens it) and the scroll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Help {
    pub groups: Vec<Group>,
    pub scroll: u16,
}

/// Scrolls on Up/Down; closes on Back, Select, Help or Quit. `true` when it closes.
pub fn scroll_key(app: &App, key: &KeyEvent, scroll: &mut u16) -> bool {
    let keys = &app.keys;
    match keys.action_for(
        key,
        &[
            Action::Up,
            Action::Down,
            Action::Back,
            Action::Select,
            Action::Help,
            Action::Quit,
        ],
    ) {
        Some(Action::Up) => *scroll = scroll.saturating_sub(1),
        Some(Action::Down) => *scroll = scroll.saturating_add(1),
        Some(_) => return true,
        None => {}
    }
    false
}

impl Help {
    pub fn new(groups: Vec<Group>) -> Self {
        Help { groups, scroll: 0 }
    }

    pub fn on_key(&mut self, app: &mut App, key: &KeyEvent) -> Reply {
        if scroll_key(app, key, &mut self.scroll) {
            Reply::close()
        } else {
            Reply::keep()
        }
    }

    /// Every line of the help, as drawn.
    pub fn lines(&self, app: &App) -> Vec<Line<'static>> {
        let s = &app.styles;
        let lang = app.lang;
        let mut lines = Vec::new();
        for g in &self.groups {
            lines.push(Line::styled(g.title.clone(), s.heading));
            for a in &g.actions {
                lines.push(Line::from(vec![
                    Span::styled(format!("  {:<16}", app.keys.keys_label(*a, lang)), s.key),
                    Span::styled(a.label(lang).to_string(), s.base),
                ]));
            }
        }
        lines.push(Line::default());
        lines.push(Line::styled(
            help_keys_file(app.keys_file.as_deref(), lang),
            s.muted,
        ));
        lines
    }

    pub fn draw(&self, frame: &mut Frame, app: &App, body: Rect) {
        let area = centered(body, 90, body.height);
        frame.render_widget(Clear, area);
        let lines = self.lines(app);
        // Never scroll past the last line.
        let scroll = self.scroll.min(lines.len().saturating_sub(1) as u16);
        frame.render_widget(
            Paragraph::new(lines).scroll((scroll, 0)).block(block(
                app,
                T::Help.text(app.lang),
                true,
            )),
            area,
        );
    }
}
