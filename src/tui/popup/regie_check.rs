//! The short regie check of a case item, point by point: ja, nee, n.v.t., a point skipped with
//! a reason, or the whole check skipped with a reason.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState};

use super::form::FormPopup;
use super::{Popup, Reply};
use crate::domain::{CheckAnswer, ItemKind, RegieCheckPoint};
use crate::i18n::tui::{T, check_answer_label, check_question};
use crate::session;
use crate::tui::app::App;
use crate::tui::form::FormKind;
use crate::tui::form::small::{SkipForm, SkipTarget};
use crate::tui::keymap::Action;
use crate::tui::msg::Effect;
use crate::tui::widgets::{block, centered};

/// The actions of the regie check.
pub const ACTIONS: [Action; 8] = [
    Action::Up,
    Action::Down,
    Action::CheckYes,
    Action::CheckNo,
    Action::CheckNotApplicable,
    Action::CheckSkip,
    Action::SkipWholeCheck,
    Action::Back,
];

/// The check of case item `item`, with the point selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RegieCheck {
    pub item: usize,
    pub selected: usize,
}

impl RegieCheck {
    pub fn new(item: usize) -> Self {
        RegieCheck { item, selected: 0 }
    }

    fn point(&self) -> Option<RegieCheckPoint> {
        RegieCheckPoint::ALL.get(self.selected).copied()
    }

    pub fn on_key(&mut self, app: &mut App, key: &KeyEvent) -> Reply {
        let last = RegieCheckPoint::ALL.len() - 1;
        let mut candidates = ACTIONS.to_vec();
        candidates.push(Action::Select);
        let answer = match app.keys.action_for(key, &candidates) {
            Some(Action::Up) => {
                self.selected = self.selected.saturating_sub(1);
                return Reply::keep();
            }
            Some(Action::Down) => {
                self.selected = (self.selected + 1).min(last);
                return Reply::keep();
            }
            Some(Action::Back | Action::Select) => return Reply::close(),
            Some(Action::SkipWholeCheck) => {
                let form = SkipForm::build(app, self.item, SkipTarget::Check);
                return Reply::open(Popup::Form(Box::new(FormPopup::new(FormKind::Skip(form)))));
            }
            Some(Action::CheckSkip) => {
                let Some(p) = self.point() else {
                    return Reply::keep();
                };
                let form = SkipForm::build(app, self.item, SkipTarget::Point(p));
                return Reply::open(Popup::Form(Box::new(FormPopup::new(FormKind::Skip(form)))));
            }
            Some(Action::CheckYes) => CheckAnswer::Ja,
            Some(Action::CheckNo) => CheckAnswer::Nee,
            Some(Action::CheckNotApplicable) => CheckAnswer::NietVanToepassing,
            _ => return Reply::keep(),
        };
        let fx = self.answer(app, answer);
        self.selected = (self.selected + 1).min(last);
        Reply::keep_with(fx)
    }

    fn answer(&self, app: &mut App, answer: CheckAnswer) -> Vec<Effect> {
        let lang = app.lang;
        let Some(p) = self.point() else {
            return vec![];
        };
        let Some(m) = app.current_meeting_mut() else {
            return vec![];
        };
        let date = m.date;
        match session::answer_check(m, self.item, p, answer) {
            Ok(()) => vec![Effect::SaveMeeting(date)],
            Err(e) => {
                app.error(e.message(lang));
                vec![]
            }
        }
    }

    pub fn draw(&self, frame: &mut Frame, app: &App, body: Rect) {
        let area = centered(body, 96, 14);
        frame.render_widget(Clear, area);
        let s = &app.styles;
        let lang = app.lang;
        let disc = app
            .current_meeting()
            .and_then(|m| m.agenda.get(self.item))
            .and_then(|i| match &i.kind {
                ItemKind::Casus(d) => Some(d),
                _ => None,
            });
        let items: Vec<ListItem> = RegieCheckPoint::ALL
            .iter()
            .map(|p| {
                let ans = disc.and_then(|d| session::check_answer(d, *p));
                let style = match ans {
                    Some(CheckAnswer::Ja) => s.ok,
                    Some(CheckAnswer::Nee) => s.warning,
                    _ => s.muted,
                };
                let mark = match ans {
                    Some(a @ CheckAnswer::Ja) => format!("✓ {}", check_answer_label(a, lang)),
                    Some(a @ CheckAnswer::Nee) => format!("✗ {}", check_answer_label(a, lang)),
                    Some(a @ CheckAnswer::Overgeslagen(_)) => {
                        format!("– {}", check_answer_label(a, lang))
                    }
                    Some(a) => check_answer_label(a, lang).to_string(),
                    None => "?".to_string(),
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
            None => T::RegieCheck.text(lang).to_string(),
        };
        let mut st = ListState::default().with_selected(Some(self.selected));
        frame.render_stateful_widget(
            List::new(items)
                .block(block(app, title, true))
                .highlight_style(s.selected)
                .highlight_symbol("▶ "),
            area,
            &mut st,
        );
    }
}
