//! Popups: help (generated from the key map), messages, confirmations, pickers, the regie
//! check, and forms with the real editor widget.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph, Wrap};

use super::{block, centered};
use crate::domain::{CheckAnswer, ItemKind, RegieCheckPoint};
use crate::i18n::tui::{T, action_label, check_question};
use crate::session;
use crate::tui::app::{App, Confirm, Entry, Popup};
use crate::tui::form::{FieldKind, Form};
use crate::tui::keymap::Action;
use crate::tui::picker::Picker;

pub(super) fn draw(frame: &mut Frame, app: &App, popup: &Popup, body: Rect) {
    match popup {
        Popup::Search(p) => crate::tui::lookups::view::draw_search(frame, app, p, body),
        Popup::Help => help(frame, app, body),
        Popup::Messages { title, lines } => {
            let area = centered(body, 100, body.height.saturating_sub(2));
            frame.render_widget(Clear, area);
            let text: Vec<Line> = lines
                .iter()
                .map(|l| Line::styled(format!("⚠ {l}"), app.styles.warning))
                .collect();
            // Never scroll past the last message.
            let scroll = app
                .views
                .help_scroll
                .min(text.len().saturating_sub(1) as u16);
            frame.render_widget(
                Paragraph::new(text)
                    .wrap(Wrap { trim: false })
                    .scroll((scroll, 0))
                    .block(block(app, title.clone(), true)),
                area,
            );
        }
        Popup::Confirm(c) => confirm(frame, app, *c, body),
        Popup::CasePicker(p) => picker(frame, app, T::ChooseCase.text(app.lang), p, body),
        Popup::KindPicker(p) => picker(frame, app, T::ChooseKind.text(app.lang), p, body),
        Popup::ExportPicker { date, picker: p } => {
            let title = format!(
                "{} {}",
                T::ChooseExport.text(app.lang),
                date.format("%d-%m-%Y")
            );
            picker(frame, app, &title, p, body)
        }
        Popup::RolePicker { role, picker: p } => {
            let title = match role {
                crate::tui::app::Role::Voorzitter => T::Voorzitter,
                crate::tui::app::Role::Notulist => T::Notulist,
            };
            picker(frame, app, title.text(app.lang), p, body)
        }
        Popup::RegieCheck { item, selected } => regie_check(frame, app, *item, *selected, body),
        Popup::Form(f) => form(frame, app, f, body),
    }
}

fn help(frame: &mut Frame, app: &App, body: Rect) {
    let area = centered(body, 90, body.height);
    frame.render_widget(Clear, area);
    let s = &app.styles;
    let lang = app.lang;
    use Action::*;
    let groups: [(T, &[Action]); 7] = [
        (
            T::HelpGeneral,
            &[Help, Quit, ForceQuit, Up, Down, Select, Back],
        ),
        (
            T::HelpStart,
            &[Prepare, AddSignalled, Reopen, SwitchTeam, Minutes],
        ),
        (
            T::Agenda,
            &[
                AddCase,
                AddItem,
                MoveUp,
                MoveDown,
                LongerTime,
                ShorterTime,
                Remove,
                OpenMeeting,
            ],
        ),
        (
            T::Meeting,
            &[
                NextItem,
                PrevItem,
                CyclePresence,
                AddGuest,
                ReviewDone,
                ReviewPostpone,
                ReviewDrop,
                ReviewUndo,
                ToClose,
                NextMeetingDate,
            ],
        ),
        (
            T::RegieCheck,
            &[CheckYes, CheckNo, CheckNotApplicable, CheckSkip],
        ),
        (T::HelpForms, &[NextField, PrevField, Save]),
        (
            T::HelpLookups,
            &[
                Search,
                Caseload,
                CaseloadSort,
                CaseloadRole,
                CaseloadAboveNorm,
            ],
        ),
    ];
    let mut lines = Vec::new();
    for (title, actions) in groups {
        lines.push(Line::styled(title.text(lang).to_string(), s.heading));
        for a in actions {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<16}", app.keys.keys_label(*a)), s.key),
                Span::styled(action_label(*a, lang).to_string(), s.base),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        T::HelpKeysFile.text(lang).to_string(),
        s.muted,
    ));
    // Never scroll past the last line.
    let scroll = app
        .views
        .help_scroll
        .min(lines.len().saturating_sub(1) as u16);
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((scroll, 0))
            .block(block(app, T::Help.text(lang), true)),
        area,
    );
}

fn confirm(frame: &mut Frame, app: &App, c: Confirm, body: Rect) {
    let lang = app.lang;
    let q = match c {
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
            return confirm_text(
                frame,
                app,
                crate::i18n::tui::confirm_remove(entry, what.as_deref(), lang),
                body,
            );
        }
        Confirm::OpenMeeting => T::ConfirmOpen,
        Confirm::CloseMeeting => T::ConfirmClose,
        Confirm::Reopen => T::ConfirmReopen,
        Confirm::Quit => T::ConfirmQuit,
    };
    confirm_text(frame, app, q.text(lang).to_string(), body);
}

fn confirm_text(frame: &mut Frame, app: &App, q: String, body: Rect) {
    let lang = app.lang;
    let area = centered(body, 60, 6);
    frame.render_widget(Clear, area);
    let mut keys = super::hint(app, Action::Select);
    keys.push(Span::raw("   "));
    keys.extend(super::hint(app, Action::Back));
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(q, app.styles.base),
            Line::default(),
            Line::from(keys),
        ])
        .wrap(Wrap { trim: false })
        .block(block(app, T::Confirm.text(lang), true)),
        area,
    );
}

fn picker(frame: &mut Frame, app: &App, title: &str, p: &Picker, body: Rect) {
    let area = centered(body, 70, body.height.saturating_sub(2).max(8));
    frame.render_widget(Clear, area);
    let s = &app.styles;
    let outer = block(app, title.to_string(), true);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [q, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!("{}: ", T::Search.text(app.lang)), s.muted),
            Span::styled(format!("{}▏", p.query), s.base),
        ])),
        q,
    );
    let m = p.matches();
    let items: Vec<ListItem> = m
        .iter()
        .map(|&i| ListItem::new(p.options[i].label.clone()))
        .collect();
    let mut st = ListState::default()
        .with_selected((!m.is_empty()).then_some(p.selected.min(m.len().saturating_sub(1))));
    frame.render_stateful_widget(
        List::new(items)
            .highlight_style(s.selected)
            .highlight_symbol("▶ "),
        list,
        &mut st,
    );
}

fn regie_check(frame: &mut Frame, app: &App, item: usize, selected: usize, body: Rect) {
    let area = centered(body, 96, 14);
    frame.render_widget(Clear, area);
    let s = &app.styles;
    let lang = app.lang;
    let disc = app
        .current_meeting()
        .and_then(|m| m.agenda.get(item))
        .and_then(|i| match &i.kind {
            ItemKind::Casus(d) => Some(d),
            _ => None,
        });
    let items: Vec<ListItem> = RegieCheckPoint::ALL
        .iter()
        .map(|p| {
            let ans = disc.and_then(|d| session::check_answer(d, *p));
            let (mark, style) = match ans {
                Some(CheckAnswer::Ja) => (format!("✓ {}", T::Yes.text(lang)), s.ok),
                Some(CheckAnswer::Nee) => (format!("✗ {}", T::No.text(lang)), s.warning),
                Some(CheckAnswer::NietVanToepassing) => ("n.v.t.".to_string(), s.muted),
                Some(CheckAnswer::Overgeslagen(_)) => {
                    (format!("– {}", T::Skipped.text(lang)), s.muted)
                }
                None => ("?".to_string(), s.muted),
            };
            ListItem::new(Line::from(vec![
                Span::styled(format!("{mark:<14}"), style),
                Span::styled(check_question(*p, lang).to_string(), s.base),
            ]))
        })
        .collect();
    let skipped = disc
        .and_then(|d| d.regie_check.as_ref())
        .and_then(|c| c.skipped.clone());
    let title = match skipped {
        Some(r) => format!(
            "{} — {}: {r}",
            T::RegieCheck.text(lang),
            T::Skipped.text(lang)
        ),
        None => format!(
            "{} — {}",
            T::RegieCheck.text(lang),
            T::CheckRemoveToSkip.text(lang)
        ),
    };
    let mut st = ListState::default().with_selected(Some(selected));
    frame.render_stateful_widget(
        List::new(items)
            .block(block(app, title, true))
            .highlight_style(s.selected)
            .highlight_symbol("▶ "),
        area,
        &mut st,
    );
}

fn form(frame: &mut Frame, app: &App, f: &Form, body: Rect) {
    let s = &app.styles;
    let heights: Vec<u16> = f
        .fields
        .iter()
        .map(|fl| match &fl.kind {
            FieldKind::Text {
                multiline: true, ..
            } => 6,
            FieldKind::Text { .. } => 3,
            FieldKind::Pick(_) => 7,
        })
        .collect();
    let total: u16 = heights.iter().sum::<u16>() + 3;
    let area = centered(body, 90, total.min(body.height));
    frame.render_widget(Clear, area);
    let outer = block(app, f.title.clone(), true);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let mut constraints: Vec<Constraint> = heights.iter().map(|h| Constraint::Max(*h)).collect();
    constraints.push(Constraint::Length(1));
    let areas = Layout::vertical(constraints).split(inner);
    for (i, field) in f.fields.iter().enumerate() {
        let focused = i == f.focus;
        let b = block(app, field.label.clone(), focused);
        match &field.kind {
            FieldKind::Text { area: ta, .. } => {
                let mut ta = (**ta).clone();
                ta.set_block(b);
                ta.set_style(s.base);
                ta.set_cursor_line_style(s.base);
                if focused {
                    ta.set_cursor_style(s.selected);
                } else {
                    ta.set_cursor_style(s.base);
                }
                frame.render_widget(&ta, areas[i]);
            }
            FieldKind::Pick(p) => {
                let inner = b.inner(areas[i]);
                frame.render_widget(b, areas[i]);
                let m = p.matches();
                let mut lines = vec![Line::from(vec![
                    Span::styled(format!("{}: ", T::Search.text(app.lang)), s.muted),
                    Span::styled(p.query.clone(), s.base),
                ])];
                let sel = p.selected.min(m.len().saturating_sub(1));
                if inner.height < 2 {
                    // One line only (a long form on a small screen): the choice, then the search.
                    let label = m.get(sel).map_or("", |&oi| p.options[oi].label.as_str());
                    let mut one = vec![Span::styled(
                        format!("▶ {label}"),
                        if focused { s.selected } else { s.heading },
                    )];
                    if !p.query.is_empty() {
                        one.push(Span::styled(
                            format!("   {}: {}", T::Search.text(app.lang), p.query),
                            s.muted,
                        ));
                    }
                    frame.render_widget(Paragraph::new(Line::from(one)), inner);
                    continue;
                }
                let visible = inner.height.saturating_sub(1) as usize;
                let start = sel.saturating_sub(visible.saturating_sub(1));
                for (k, &oi) in m.iter().enumerate().skip(start).take(visible) {
                    let on = k == sel;
                    lines.push(Line::styled(
                        format!("{}{}", if on { "▶ " } else { "  " }, p.options[oi].label),
                        if on && focused {
                            s.selected
                        } else if on {
                            s.heading
                        } else {
                            s.base
                        },
                    ));
                }
                frame.render_widget(Paragraph::new(lines), inner);
            }
        }
    }
    if let Some(last) = areas.last() {
        let line = match &f.error {
            Some(e) => Line::styled(format!("⚠ {e}"), s.warning),
            None => {
                let mut v = super::hint(app, Action::Save);
                v.push(Span::raw("  "));
                v.extend(super::hint(app, Action::NextField));
                v.push(Span::raw("  "));
                v.extend(super::hint(app, Action::Back));
                Line::from(v)
            }
        };
        frame.render_widget(Paragraph::new(line), *last);
    }
}
