//! A list of messages (problems found while loading, read-only, a take-over), each marked ⚠.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::Reply;
use super::help::scroll_key;
use crate::tui::app::App;
use crate::tui::widgets::{block, centered};

/// A titled list of messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Messages {
    pub title: String,
    pub lines: Vec<String>,
    pub scroll: u16,
}

impl Messages {
    pub fn new(title: impl Into<String>, lines: Vec<String>) -> Self {
        Messages {
            title: title.into(),
            lines,
            scroll: 0,
        }
    }

    pub fn on_key(&mut self, app: &mut App, key: &KeyEvent) -> Reply {
        if scroll_key(app, key, &mut self.scroll) {
            Reply::close()
        } else {
            Reply::keep()
        }
    }

    pub fn draw(&self, frame: &mut Frame, app: &App, body: Rect) {
        let area = centered(body, 100, body.height.saturating_sub(2));
        frame.render_widget(Clear, area);
        let text: Vec<Line> = self
            .lines
            .iter()
            .map(|l| Line::styled(format!("⚠ {l}"), app.styles.warning))
            .collect();
        // Never scroll past the last message.
        let scroll = self.scroll.min(text.len().saturating_sub(1) as u16);
        frame.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: false })
                .scroll((scroll, 0))
                .block(block(app, self.title.clone(), true)),
            area,
        );
    }
}
