//! Preparing the agenda: the items with their time boxes and start times, and the planned
//! total against the meeting's length.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use super::{block, fmt_date};
use crate::domain::{ItemKind, MeetingState};
use crate::i18n::tui::{T, kind_label};
use crate::session;
use crate::tui::app::App;

pub(super) fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let (Some(m), Some(team)) = (app.current_meeting(), app.team_data()) else {
        return;
    };
    let s = &app.styles;
    let lang = app.lang;
    let [list_area, total_area] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(2)]).areas(area);
    let mut start = m.start;
    let items: Vec<ListItem> = m
        .agenda
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let at = start.format("%H:%M").to_string();
            start += chrono::Duration::minutes(i64::from(item.time_box_minutes));
            let mut first = vec![
                Span::styled(format!("{at} "), s.muted),
                Span::styled(format!("{:>3} min ", item.time_box_minutes), s.heading),
                Span::styled(format!("{}. {}", i + 1, item.title), s.base),
            ];
            if !matches!(item.kind, ItemKind::Casus(_)) {
                first.push(Span::styled(
                    format!("  [{}]", kind_label(&item.kind, lang)),
                    s.muted,
                ));
            }
            if item.done {
                first.push(Span::styled(format!(" ✓ {}", T::Done.text(lang)), s.ok));
            }
            let mut lines = vec![Line::from(first)];
            if let ItemKind::Casus(d) = &item.kind {
                lines.push(Line::styled(
                    format!(
                        "           {} {} · {}: {}",
                        d.case,
                        team.team.member_name(&d.inbrenger),
                        T::Question.text(lang),
                        d.question.lines().next().unwrap_or("—")
                    ),
                    s.muted,
                ));
            }
            ListItem::new(lines)
        })
        .collect();
    let mut title = format!("{} {}", T::Agenda.text(lang), fmt_date(m.date));
    if m.state == MeetingState::Geopend {
        title = format!("{title} {}", T::StateRunning.text(lang));
    }
    let list = List::new(items)
        .block(block(app, title, true))
        .highlight_style(s.selected)
        .highlight_symbol("▶ ");
    let sel = app.views.agenda.min(m.agenda.len().saturating_sub(1));
    let mut st = ListState::default().with_selected(Some(sel));
    frame.render_stateful_widget(list, list_area, &mut st);

    let check = session::plan_check(m);
    let line = if check.fits() {
        Line::from(vec![
            Span::styled(format!(" ✓ {} ", T::Planned.text(lang)), s.ok),
            Span::styled(
                format!(
                    "{} / {} min · {} {} min",
                    check.planned_minutes,
                    check.available_minutes,
                    T::Left.text(lang),
                    check.available_minutes - check.planned_minutes
                ),
                s.base,
            ),
        ])
    } else {
        Line::from(vec![
            Span::styled(format!(" ⚠ {} ", T::TooLong.text(lang)), s.danger),
            Span::styled(
                format!(
                    " {} / {} min: {} min {}",
                    check.planned_minutes,
                    check.available_minutes,
                    check.over_by(),
                    T::TooMuch.text(lang)
                ),
                s.warning,
            ),
        ])
    };
    frame.render_widget(Paragraph::new(vec![Line::default(), line]), total_area);
}
