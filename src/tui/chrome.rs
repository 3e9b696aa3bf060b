//! Drawing the whole app: the header, the screen, the status line and the footer, then the
//! popups on top. Pure functions of `&App`; every style comes from the theme and meaning is
//! never carried by colour alone.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::app::{App, Status};
use super::keymap::Action;
use super::screen;
use super::widgets::{ellipsize, fmt_date};
use crate::i18n::tui::T;

/// Draws the whole app.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    frame.render_widget(Block::new().style(app.styles.base), area);
    let [header, body, status, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(frame, app, header);
    screen::draw(frame, app, body);
    draw_status(frame, app, status);
    draw_footer(frame, app, footer);
    for popup in &app.popups {
        popup.draw(frame, app, body);
    }
}

fn draw_header(frame: &mut Frame, app: &App, area: Rect) {
    let s = &app.styles;
    let mut spans = vec![Span::styled(" overleg ", s.selected)];
    if let Some(t) = app.team_data() {
        spans.push(Span::styled(format!(" {} ", t.team.name), s.title));
        if !t.team.municipality.is_empty() {
            spans.push(Span::styled(format!("· {}", t.team.municipality), s.muted));
        }
    }
    spans.push(Span::styled(format!("  {}", fmt_date(app.today)), s.muted));
    if app.others_loading {
        let mark = crate::i18n::tui::status::others_loading(app.lang);
        spans.push(Span::styled(format!("  · {mark}"), s.muted));
    }
    // Writes waiting for the database: the chair keeps working, and sees that it waits —
    // first after the name, so that it is never the part cut off on a narrow terminal.
    let waiting = app.store.pending();
    if waiting > 0 {
        let mark = crate::i18n::db::offline(waiting, app.lang);
        spans.insert(1, Span::styled(format!(" ⚠ {mark} "), s.warning));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_status(frame: &mut Frame, app: &App, area: Rect) {
    let s = &app.styles;
    let width = usize::from(area.width);
    let line = match &app.status {
        Some(Status::Info(t)) => {
            Line::from(Span::styled(ellipsize(&format!(" ✓ {t}"), width), s.ok))
        }
        Some(Status::Error(t)) => {
            let label = format!(" ⚠ {} ", T::Attention.text(app.lang));
            let room = width.saturating_sub(label.chars().count() + 1);
            Line::from(vec![
                Span::styled(label, s.danger),
                Span::styled(format!(" {}", ellipsize(t, room)), s.warning),
            ])
        }
        None => Line::default(),
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// Footer hints from the live key map: the actions of the top popup, or of the screen.
fn draw_footer(frame: &mut Frame, app: &App, area: Rect) {
    let actions = match app.popups.last() {
        Some(p) => p.actions(),
        None => screen::actions(app),
    };
    let s = &app.styles;
    let lang = app.lang;
    let mut spans = Vec::new();
    // Arrows are obvious and stay in the help screen; help itself is always shown.
    let shown: Vec<Action> = actions
        .into_iter()
        .filter(|a| !matches!(a, Action::Up | Action::Down | Action::Help))
        .collect();
    let piece = |a: Action| {
        let key = app.keys.first_key(a, lang);
        let label = a.label(lang);
        (key.chars().count() + label.chars().count() + 3, key, label)
    };
    let (help_w, help_key, help_label) = piece(Action::Help);
    let max = (area.width as usize).saturating_sub(help_w);
    let mut width = 0usize;
    for a in shown {
        let (w, key, label) = piece(a);
        if width + w > max {
            break;
        }
        width += w;
        spans.push(Span::styled(format!(" {key}"), s.key));
        spans.push(Span::styled(format!(" {label} "), s.muted));
    }
    spans.push(Span::styled(format!(" {help_key}"), s.key));
    spans.push(Span::styled(format!(" {help_label} "), s.muted));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
