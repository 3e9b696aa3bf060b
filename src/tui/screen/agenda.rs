//! Preparing the agenda: the items with their time boxes and start times, and the planned
//! total against the meeting's length.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use crate::domain::{ItemKind, MeetingState};
use crate::i18n::tui::team::{self as team_txt, TeamScreen};
use crate::i18n::tui::{T, kind_label};
use crate::session;
use crate::tui::app::{App, Screen};
use crate::tui::form::FormKind;
use crate::tui::form::agenda::{CaseItemForm, OtherItemForm};
use crate::tui::keymap::Action;
use crate::tui::msg::Effect;
use crate::tui::popup::Popup;
use crate::tui::popup::choose::Choose;
use crate::tui::popup::confirm::Confirm;
use crate::tui::popup::form::FormPopup;
use crate::tui::widgets::{block, ellipsize, fmt_date};

/// Every action of the agenda screen.
pub const ALL: [Action; 13] = [
    Action::AddCase,
    Action::AddItem,
    Action::AddHerverdeling,
    Action::OpenMeeting,
    Action::Select,
    Action::MoveUp,
    Action::MoveDown,
    Action::LongerTime,
    Action::ShorterTime,
    Action::Remove,
    Action::Up,
    Action::Down,
    Action::Back,
];

pub fn on_action(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(len) = app.current_meeting().map(|m| m.agenda.len()) else {
        app.screen = Screen::Start;
        return vec![];
    };
    let sel = app.views.agenda.min(len.saturating_sub(1));
    let save = || {
        app.meeting
            .map(Effect::SaveMeeting)
            .into_iter()
            .collect::<Vec<_>>()
    };
    let save = save();
    match action {
        Action::Up => app.views.agenda = sel.saturating_sub(1),
        Action::Down => app.views.agenda = (sel + 1).min(len.saturating_sub(1)),
        Action::AddCase => {
            let p = Popup::Choose(Choose::case(app));
            app.open(p);
        }
        Action::AddItem => {
            let p = Popup::Choose(Choose::kind(app));
            app.open(p);
        }
        Action::AddHerverdeling => return add_herverdeling(app),
        Action::Select => {
            let form = CaseItemForm::edit(app, sel)
                .map(FormKind::CaseItem)
                .or_else(|| OtherItemForm::edit(app, sel).map(FormKind::OtherItem));
            if let Some(kind) = form {
                app.open(FormPopup::popup(kind));
            }
        }
        Action::MoveUp | Action::MoveDown => {
            let delta = if action == Action::MoveUp { -1 } else { 1 };
            let lang = app.lang;
            if let Some(m) = app.current_meeting_mut() {
                match session::move_item(m, sel, delta) {
                    Ok(new) => {
                        app.views.agenda = new;
                        return save;
                    }
                    Err(e) => app.error(e.message(lang)),
                }
            }
        }
        Action::LongerTime | Action::ShorterTime => {
            let delta = if action == Action::LongerTime { 5 } else { -5 };
            if let Some(m) = app.current_meeting_mut()
                && session::adjust_time_box(m, sel, delta).is_ok()
            {
                return save;
            }
        }
        Action::Remove if len > 0 => app.open(Popup::Confirm(Confirm::RemoveItem(sel))),
        Action::OpenMeeting => {
            if app.meeting_running() {
                app.screen = Screen::Meeting;
            } else {
                app.open(Popup::Confirm(Confirm::OpenMeeting));
            }
        }
        Action::Back => {
            app.screen = if app.meeting_running() {
                Screen::Meeting
            } else {
                Screen::Start
            };
        }
        _ => {}
    }
    vec![]
}

/// Adds one herverdeling item for everyone who leaves or goes on leave before the meeting
/// after this one, with a proposal for each of their households and open actions. Says why
/// when there is nothing to add.
fn add_herverdeling(app: &mut App) -> Vec<Effect> {
    let lang = app.lang;
    let (Some(td), Some(m)) = (app.team_data(), app.current_meeting()) else {
        return vec![];
    };
    if m.agenda.iter().any(|i| i.herverdeling.is_some()) {
        app.info(TeamScreen::HerverdelingThere.text(lang));
        return vec![];
    }
    let until = td.team.rhythm.next_after(m.date);
    let leavers: Vec<String> = session::leavers(td, m.date, until)
        .into_iter()
        .map(|l| l.id.clone())
        .collect();
    if leavers.is_empty() {
        app.info(TeamScreen::NoLeavers.text(lang));
        return vec![];
    }
    let mut changed = m.clone();
    let index = match session::add_herverdeling_item(&mut changed, td, &leavers, lang) {
        Ok(i) => i,
        Err(e) => {
            app.error(e.message(lang));
            return vec![];
        }
    };
    let (households, actions) = changed.agenda[index]
        .herverdeling
        .as_ref()
        .map_or((0, 0), |h| (h.households.len(), h.actions.len()));
    if households + actions == 0 {
        app.info(TeamScreen::NothingToHandOver.text(lang));
        return vec![];
    }
    let date = changed.date;
    if let Some(m) = app.current_meeting_mut() {
        *m = changed;
    }
    app.views.agenda = index;
    app.info(team_txt::herverdeling_added(households, actions, lang));
    vec![Effect::SaveMeeting(date)]
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let (Some(m), Some(team)) = (app.current_meeting(), app.team_data()) else {
        return;
    };
    let s = &app.styles;
    let lang = app.lang;
    let width = usize::from(area.width.saturating_sub(4));
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
                let detail = format!(
                    "           {} {} · {}: {}",
                    d.case,
                    team.team.member_name(&d.inbrenger),
                    T::Question.text(lang),
                    d.question.lines().next().unwrap_or("—")
                );
                lines.push(Line::styled(ellipsize(&detail, width), s.muted));
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
