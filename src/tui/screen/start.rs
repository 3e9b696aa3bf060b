//! The start screen: the next meeting, open actions, and the cases that ask for discussion
//! with their reasons.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use crate::domain::signals::cases_needing_discussion;
use crate::domain::{ActionLedger, MeetingState};
use crate::i18n::tui::team::{self as team_txt, TeamScreen};
use crate::i18n::tui::{T, weekday};
use crate::session;
use crate::tui::app::{App, Screen};
use crate::tui::form::FormKind;
use crate::tui::form::agenda::CaseItemForm;
use crate::tui::form::intake::IntakeForm;
use crate::tui::form::planned::{CancelMeetingForm, MoveMeetingForm};
use crate::tui::keymap::Action;
use crate::tui::msg::Effect;
use crate::tui::popup::Popup;
use crate::tui::popup::confirm::Confirm;
use crate::tui::popup::form::FormPopup;
use crate::tui::widgets::{block, ellipsize, fmt_date, hint, hints, wrap};

/// Every action of the start screen.
pub const ALL: [Action; 11] = [
    Action::Prepare,
    Action::Up,
    Action::Down,
    Action::AddSignalled,
    Action::NewAanmelding,
    Action::TeamScreen,
    Action::MoveMeeting,
    Action::CancelMeeting,
    Action::Reopen,
    Action::SwitchTeam,
    Action::Caseload,
];

/// A planned meeting whose date passed without it being held: its date and item count.
fn overdue(app: &App) -> Option<(chrono::NaiveDate, usize)> {
    let team = app.team_data()?;
    let i = session::overdue_planned(team, app.today)?;
    let m = &team.meetings[i];
    Some((m.date, m.agenda.len()))
}

/// The actions that work now (moving or cancelling only with a planned meeting in the past,
/// reopening only when the last meeting may still be reopened, another team only when there
/// is one).
pub fn actions(app: &App) -> Vec<Action> {
    let mut v = vec![
        Action::Prepare,
        Action::Up,
        Action::Down,
        Action::AddSignalled,
    ];
    if overdue(app).is_some() {
        v.extend([Action::MoveMeeting, Action::CancelMeeting]);
    }
    if can_reopen(app) {
        v.push(Action::Reopen);
    }
    v.extend([Action::NewAanmelding, Action::TeamScreen]);
    if app.workspace.teams.len() > 1 {
        v.push(Action::SwitchTeam);
    }
    v
}

/// Codes of the cases on the start screen, in display order.
pub fn signalled_codes(app: &App) -> Vec<String> {
    app.team_data()
        .map(|t| {
            cases_needing_discussion(t, app.today, Default::default())
                .into_iter()
                .map(|a| a.case.code.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// Whether the last closed meeting may still be reopened today.
pub fn can_reopen(app: &App) -> bool {
    let Some(team) = app.team_data() else {
        return false;
    };
    let Some(last) = team.last_closed_meeting() else {
        return false;
    };
    team.meetings
        .iter()
        .position(|m| m.date == last.date)
        .is_some_and(|i| session::can_reopen(&team.meetings, i, app.today).is_ok())
}

/// Finds or creates the meeting to prepare; returns the effects of creating it.
fn ensure_meeting(app: &mut App) -> Vec<Effect> {
    let today = app.today;
    let Some(team) = app.team_data_mut() else {
        return vec![];
    };
    if let Some(i) = session::current_meeting(team, today) {
        app.meeting = Some(team.meetings[i].date);
        return vec![];
    }
    let mut date = session::planned_meeting_date(team, today);
    while team.meeting(date).is_some() {
        date = team.team.rhythm.next_after(date);
    }
    let meeting = session::prepare_meeting(team, date);
    let at = team.meetings.partition_point(|m| m.date < date);
    team.meetings.insert(at, meeting);
    app.meeting = Some(date);
    vec![Effect::SaveMeeting(date)]
}

pub fn on_action(app: &mut App, action: Action) -> Vec<Effect> {
    let n = signalled_codes(app).len();
    match action {
        Action::Up => app.views.start = app.views.start.saturating_sub(1),
        Action::Down if app.views.start + 1 < n => app.views.start += 1,
        Action::Prepare | Action::AddSignalled | Action::MoveMeeting if overdue(app).is_some() => {
            // The prepared agenda of a meeting that was not held is moved, never replaced.
            if let Some((date, _)) = overdue(app)
                && let Some(f) = MoveMeetingForm::build(app, date)
            {
                app.open(FormPopup::popup(FormKind::MoveMeeting(f)));
            }
        }
        Action::CancelMeeting => {
            if let Some((date, _)) = overdue(app) {
                let f = CancelMeetingForm::build(app, date);
                app.open(FormPopup::popup(FormKind::CancelMeeting(f)));
            }
        }
        Action::Prepare => {
            let fx = ensure_meeting(app);
            app.screen = if app.meeting_running() {
                Screen::Meeting
            } else {
                Screen::Agenda
            };
            return fx;
        }
        Action::AddSignalled => {
            let Some(code) = signalled_codes(app).get(app.views.start).cloned() else {
                return vec![];
            };
            let fx = ensure_meeting(app);
            if app
                .current_meeting()
                .is_some_and(|m| m.state == MeetingState::Gesloten)
            {
                return fx;
            }
            app.screen = Screen::Agenda;
            if let Some(form) = CaseItemForm::add(app, &code) {
                app.open(Popup::Form(Box::new(FormPopup::new(FormKind::CaseItem(
                    form,
                )))));
            }
            return fx;
        }
        Action::Reopen if can_reopen(app) => app.open(Popup::Confirm(Confirm::Reopen)),
        Action::NewAanmelding => {
            let f = IntakeForm::build(app);
            app.open(FormPopup::popup(FormKind::Intake(f)));
        }
        Action::TeamScreen => {
            app.views.team_member = 0;
            app.views.back_to = Some(Screen::Start);
            app.screen = Screen::Team;
        }
        Action::SwitchTeam if app.workspace.teams.len() > 1 => {
            let fx = app.flush_unsaved();
            app.screen = Screen::TeamPicker;
            app.meeting = None;
            return fx;
        }
        Action::Caseload => {
            app.views.caseload = 0;
            app.views.caseload_team = None;
            app.views.back_to = Some(Screen::Start);
            app.screen = Screen::Caseload;
        }
        _ => {}
    }
    vec![]
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(team) = app.team_data() else {
        return;
    };
    let lang = app.lang;
    let s = &app.styles;
    let wide = area.width >= 120;
    let width = if wide {
        usize::from((area.width * 45 / 100).saturating_sub(2))
    } else {
        usize::from(area.width.saturating_sub(2))
    };
    // Narrow: the team's part above as tall as the week asks, at most half the screen.
    let top = (10 + week_lines(app, team, width).len() as u16).min(area.height / 2);
    let [left, right] = if wide {
        Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)]).areas(area)
    } else {
        Layout::vertical([Constraint::Length(top), Constraint::Min(5)]).areas(area)
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
        lines.push(Line::styled(
            ellipsize(&format!("  {}", r.place), width),
            s.muted,
        ));
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
    if let Some((date, items)) = overdue(app) {
        lines.push(Line::styled(
            ellipsize(&crate::i18n::tui::overdue_planned(date, items, lang), width),
            s.warning,
        ));
        let mut l = vec![Span::raw("  ")];
        l.extend(hints(app, &[Action::MoveMeeting, Action::CancelMeeting]));
        lines.push(Line::from(l));
    }
    let mut l = vec![Span::raw("  ")];
    l.extend(hint(app, Action::Prepare));
    if can_reopen(app) {
        l.push(Span::raw("   "));
        l.extend(hint(app, Action::Reopen));
    }
    lines.push(Line::from(l));
    lines.extend(week_lines(app, team, width));
    lines.push(Line::default());
    let ledger = ActionLedger::from_meetings(&team.meetings, None);
    let open: Vec<_> = ledger.open().collect();
    lines.push(Line::styled(
        format!("{} ({})", T::OpenActions.text(lang), open.len()),
        s.heading,
    ));
    for a in &open {
        let overdue = a.is_overdue(app.today);
        let mut head = format!(" {} {}", a.item.number, a.due.format("%d-%m "));
        if overdue {
            head.push_str(&format!("⚠ {} ", T::Overdue.text(lang)));
        }
        let who = format!("{}: ", team.team.member_name(&a.item.owner));
        let used = head.chars().count() + who.chars().count();
        let text = ellipsize(
            a.item.text.lines().next().unwrap_or(""),
            width.saturating_sub(used),
        );
        lines.push(Line::from(vec![
            Span::styled(head, if overdue { s.warning } else { s.muted }),
            Span::styled(who, s.muted),
            Span::styled(text, s.base),
        ]));
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
    let rwidth = usize::from(right.width.saturating_sub(4));
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
                Line::styled(
                    ellipsize(&format!("   ⚑ {}", reasons.join(" · ")), rwidth),
                    s.warning,
                ),
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

/// The team's week under the next meeting: the verdeellijst, regie hand-overs that start
/// before the next meeting, and who leaves or goes on leave by then.
fn week_lines<'a>(app: &App, team: &crate::domain::TeamData, width: usize) -> Vec<Line<'a>> {
    let lang = app.lang;
    let s = &app.styles;
    let w = session::week_overview(team, app.today);
    let mut out = Vec::new();
    let oldest = w.verdeellijst.iter().map(|x| x.waiting_days).max();
    out.push(Line::styled(
        ellipsize(
            &crate::i18n::week::verdeellijst_line(w.verdeellijst.len(), oldest, lang),
            width,
        ),
        // Over three weeks on the list is waiting too long (DOMAIN.md §4).
        if oldest.is_some_and(|d| d > 21) {
            s.warning
        } else {
            s.base
        },
    ));
    if !w.handovers.is_empty() {
        out.push(Line::styled(
            format!("{}:", TeamScreen::HandOversComing.text(lang)),
            s.heading,
        ));
        for h in &w.handovers {
            let to = h
                .then
                .clone()
                .unwrap_or_else(|| crate::i18n::week::nobody(lang).into());
            out.push(Line::styled(
                ellipsize(
                    &format!("  {}", team_txt::handover_line(h.from, &h.case, &to, lang)),
                    width,
                ),
                s.base,
            ));
        }
    }
    if !w.leavers.is_empty() {
        let people: Vec<(&str, Option<chrono::NaiveDate>)> = w
            .leavers
            .iter()
            .filter_map(|id| team.team.member(id))
            .map(|m| {
                let goes = m.leave.iter().map(|l| l.from).filter(|f| *f >= app.today);
                (m.name.as_str(), m.end.into_iter().chain(goes).min())
            })
            .collect();
        for l in wrap(&team_txt::leavers_line(&people, lang), width, "  ") {
            out.push(Line::styled(l, s.warning));
        }
    }
    out
}
