//! The team picker and the start screen: the next meeting, open actions, and the cases that
//! ask for discussion with their reasons.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use super::{block, fmt_date, hint};
use crate::domain::signals::cases_needing_discussion;
use crate::domain::{ActionLedger, MeetingState};
use crate::i18n::tui::{T, weekday};
use crate::session;
use crate::tui::app::App;
use crate::tui::keymap::Action;

pub(super) fn draw_team_picker(frame: &mut Frame, app: &App, area: Rect) {
    let items: Vec<ListItem> = app
        .workspace
        .teams
        .iter()
        .map(|t| {
            ListItem::new(Line::from(vec![
                Span::styled(t.team.name.clone(), app.styles.base),
                Span::styled(
                    format!(
                        "  {} · {} {}",
                        t.team.id,
                        t.cases.len(),
                        T::Cases.text(app.lang)
                    ),
                    app.styles.muted,
                ),
            ]))
        })
        .collect();
    let title = match &app.workspace.municipality {
        Some(m) => format!("{} — {}", T::ChooseTeam.text(app.lang), m),
        None => T::ChooseTeam.text(app.lang).to_string(),
    };
    let list = List::new(items)
        .block(block(app, title, true))
        .highlight_style(app.styles.selected)
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(Some(app.views.team_picker));
    frame.render_stateful_widget(list, area, &mut state);
}

pub(super) fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(team) = app.team_data() else {
        return;
    };
    let lang = app.lang;
    let s = &app.styles;
    let wide = area.width >= 120;
    let [left, right] = if wide {
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area)
    } else {
        Layout::vertical([Constraint::Length(10), Constraint::Min(5)]).areas(area)
    };

    // The next meeting and the open actions.
    let mut lines = Vec::new();
    let next = session::current_meeting(team, app.today)
        .map(|i| &team.meetings[i])
        .map(|m| (m.date, Some(m)))
        .unwrap_or_else(|| (session::planned_meeting_date(team, app.today), None));
    let r = &team.team.rhythm;
    let end = r.start + chrono::Duration::minutes(i64::from(r.duration_minutes));
    lines.push(Line::from(vec![
        Span::styled(format!("{}: ", T::NextMeeting.text(lang)), s.heading),
        Span::styled(
            format!(
                "{} {} {}–{}",
                weekday(next.0, lang),
                fmt_date(next.0),
                r.start.format("%H:%M"),
                end.format("%H:%M")
            ),
            s.base,
        ),
    ]));
    if !r.place.is_empty() {
        lines.push(Line::styled(format!("  {}", r.place), s.muted));
    }
    let state = match next.1 {
        Some(m) if m.state == MeetingState::Geopend => T::StateRunning.text(lang).to_string(),
        Some(m) => format!(
            "{} · {} {} · {}/{} min",
            T::AgendaPrepared.text(lang),
            m.agenda.len(),
            T::Items.text(lang),
            m.planned_minutes(),
            m.duration_minutes
        ),
        None => T::AgendaNotPrepared.text(lang).to_string(),
    };
    lines.push(Line::styled(format!("  {state}"), s.base));
    let mut l = vec![Span::raw("  ")];
    l.extend(hint(app, Action::Prepare));
    if super::super::update::screen_actions(app).contains(&Action::Reopen) {
        l.push(Span::raw("   "));
        l.extend(hint(app, Action::Reopen));
    }
    lines.push(Line::from(l));
    lines.push(Line::default());
    let ledger = ActionLedger::from_meetings(&team.meetings, None);
    let open: Vec<_> = ledger.open().collect();
    lines.push(Line::styled(
        format!("{} ({})", T::OpenActions.text(lang), open.len()),
        s.heading,
    ));
    for a in &open {
        let overdue = a.is_overdue(app.today);
        let mut spans = vec![
            Span::styled(format!(" {} ", a.item.number), s.muted),
            Span::styled(a.due.format("%d-%m ").to_string(), s.base),
        ];
        if overdue {
            spans.push(Span::styled(
                format!("⚠ {} ", T::Overdue.text(lang)),
                s.warning,
            ));
        }
        spans.push(Span::styled(
            format!("{}: ", team.team.member_name(&a.item.owner)),
            s.muted,
        ));
        spans.push(Span::styled(
            a.item.text.lines().next().unwrap_or("").to_string(),
            s.base,
        ));
        lines.push(Line::from(spans));
    }
    if open.is_empty() {
        lines.push(Line::styled(
            format!(" {}", T::NoOpenActions.text(lang)),
            s.muted,
        ));
    }
    frame.render_widget(
        Paragraph::new(lines).block(block(app, T::Team.text(lang), false)),
        left,
    );

    // The cases that ask for discussion.
    let attention = cases_needing_discussion(team, app.today, Default::default());
    let items: Vec<ListItem> = attention
        .iter()
        .map(|a| {
            let coach = a
                .case
                .coach
                .as_deref()
                .map(|c| team.team.member_name(c))
                .unwrap_or("—");
            let reasons: Vec<String> = a.signals.iter().map(|sg| sg.describe(lang)).collect();
            ListItem::new(vec![
                Line::from(vec![
                    Span::styled(format!("{} ", a.case.code), s.heading),
                    Span::styled(a.case.pseudonym.clone(), s.base),
                    Span::styled(format!("  ({coach})"), s.muted),
                ]),
                Line::styled(format!("   ⚑ {}", reasons.join(" · ")), s.warning),
            ])
        })
        .collect();
    let title = format!("{} ({})", T::AskForDiscussion.text(lang), attention.len());
    let list = List::new(items)
        .block(block(app, title, true))
        .highlight_style(s.selected)
        .highlight_symbol("▶ ");
    let mut st = ListState::default().with_selected(
        (!attention.is_empty()).then(|| app.views.start.min(attention.len().saturating_sub(1))),
    );
    frame.render_stateful_widget(list, right, &mut st);
}
