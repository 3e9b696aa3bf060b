//! Drawing: pure functions of `&App` into a frame. Every style comes from the theme's
//! [`Styles`](crate::tui::theme::Styles); meaning is never carried by colour alone.

mod agenda;
mod close;
mod meeting;
mod popups;
mod start;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};

use super::app::{App, Screen, Status};
use super::keymap::Action;
use super::update::{popup_actions, screen_actions};
use crate::i18n::tui::{T, action_label};

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
    match app.screen {
        Screen::TeamPicker => start::draw_team_picker(frame, app, body),
        Screen::Start => start::draw(frame, app, body),
        Screen::Agenda => agenda::draw(frame, app, body),
        Screen::Meeting => meeting::draw(frame, app, body),
        Screen::Close => close::draw(frame, app, body),
        Screen::Caseload => super::lookups::view::draw_caseload(frame, app, body),
        Screen::CaseCard => super::lookups::view::draw_case_card(frame, app, body),
    }
    draw_status(frame, app, status);
    draw_footer(frame, app, footer);
    for popup in &app.popups {
        popups::draw(frame, app, popup, body);
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
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_status(frame: &mut Frame, app: &App, area: Rect) {
    let s = &app.styles;
    let line = match &app.status {
        Some(Status::Info(t)) => Line::from(Span::styled(format!(" ✓ {t}"), s.ok)),
        Some(Status::Error(t)) => Line::from(vec![
            Span::styled(format!(" ⚠ {} ", T::Attention.text(app.lang)), s.danger),
            Span::styled(format!(" {t}"), s.warning),
        ]),
        None => Line::default(),
    };
    frame.render_widget(Paragraph::new(line), area);
}

/// Footer hints from the live key map: the actions of the top popup, or of the screen.
fn draw_footer(frame: &mut Frame, app: &App, area: Rect) {
    let actions = match app.popups.last() {
        Some(p) => popup_actions(p),
        None => screen_actions(app),
    };
    let s = &app.styles;
    let mut spans = Vec::new();
    // Arrows are obvious and stay in the help screen; help itself is always shown.
    let shown: Vec<Action> = actions
        .into_iter()
        .filter(|a| !matches!(a, Action::Up | Action::Down | Action::Help))
        .collect();
    let piece = |a: Action| {
        let key = app.keys.first_key(a);
        let label = action_label(a, app.lang);
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

/// A bordered block with a title.
pub(crate) fn block<'a>(app: &App, title: impl Into<String>, focused: bool) -> Block<'a> {
    let s = &app.styles;
    Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(if focused { s.border_focused } else { s.border })
        .title(Span::styled(format!(" {} ", title.into()), s.title))
}

/// "17-03-2026".
pub fn fmt_date(d: chrono::NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// "12:03" from seconds (with a minus sign when negative).
pub fn fmt_clock(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.abs();
    format!("{sign}{}:{:02}", s / 60, s % 60)
}

/// A centred rectangle of at most `w`×`h` inside `area`.
pub(crate) fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// A key hint span pair, for inline hints.
pub(super) fn hint<'a>(app: &App, action: Action) -> Vec<Span<'a>> {
    vec![
        Span::styled(app.keys.first_key(action), app.styles.key),
        Span::styled(
            format!(" {}", action_label(action, app.lang)),
            app.styles.muted,
        ),
    ]
}
