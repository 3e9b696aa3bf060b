//! Giving work to someone: a household on the verdeellijst to a regisseur (the members
//! present, in a suggested order that says why — never a ranking), a leaver's household or
//! action to a colleague in the herverdeling, an open action from an earlier meeting to a new
//! owner. Typing filters, arrows choose, Select gives it; warnings speak in names.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph};

use super::Reply;
use crate::domain::MemberId;
use crate::i18n::tui::T;
use crate::i18n::week::{AssignText, reasons, warning};
use crate::session::{self, HandOverRef, Warning};
use crate::tui::app::App;
use crate::tui::form::{Choice, Matching, Picker};
use crate::tui::keymap::Action;
use crate::tui::msg::Effect;
use crate::tui::widgets::{block, centered};

/// The actions of the popup.
pub const ACTIONS: [Action; 2] = [Action::Select, Action::Back];

/// What is given to whom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Household `code` of the verdeling item `item`.
    Verdeling { item: usize, code: String },
    /// A line of the herverdeling item `item`.
    HandOver { item: usize, line: HandOverRef },
    /// Open action `number` under review.
    Action { number: String },
}

/// The popup: its target and the members to choose from (value: id, and the reasons shown).
#[derive(Debug, Clone)]
pub struct Assign {
    pub target: Target,
    pub picker: Picker<MemberId>,
    title: String,
    /// Why each member stands where they stand (verdeling only), by id.
    why: Vec<(MemberId, String)>,
}

impl Assign {
    /// Members for household `code` of the verdeling item, in the suggested order.
    pub fn verdeling(app: &App, item: usize, code: &str) -> Option<Self> {
        let lang = app.lang;
        let td = app.team_data()?;
        let m = app.current_meeting()?;
        let rows = session::verdeling_view(td, m, item).ok()?;
        let row = rows.into_iter().find(|r| r.wachtend.code == code)?;
        let mut why = Vec::new();
        let options = row
            .candidates
            .iter()
            .map(|c| {
                let r = reasons(&c.reasons, lang);
                why.push((c.member.clone(), r.clone()));
                Choice::new(c.member.clone(), format!("{} — {r}", c.name))
            })
            .collect();
        Some(Assign {
            target: Target::Verdeling {
                item,
                code: code.to_string(),
            },
            picker: Picker::new(options, Matching::WordStart),
            title: AssignText::Regisseur.text(lang).replace(
                "{case}",
                &format!("{} {}", row.wachtend.code, row.wachtend.pseudonym),
            ),
            why,
        })
    }

    /// The active members for a herverdeling line or a reviewed action, the proposal first.
    pub fn other(app: &App, target: Target, proposed: Option<&str>) -> Option<Self> {
        let lang = app.lang;
        let td = app.team_data()?;
        let on = app.meeting.unwrap_or(app.today);
        let mut members: Vec<_> = td.team.active_members(on).collect();
        members.sort_by_key(|m| Some(m.id.as_str()) != proposed);
        let options = members
            .into_iter()
            .map(|m| Choice::new(m.id.clone(), m.name.clone()))
            .collect();
        let title = match &target {
            Target::Action { number } => AssignText::Owner.text(lang).replace("{what}", number),
            _ => AssignText::NewOwner.text(lang).to_string(),
        };
        Some(Assign {
            target,
            picker: Picker::new(options, Matching::WordStart),
            title,
            why: vec![],
        })
    }

    pub fn on_key(&mut self, app: &mut App, key: &KeyEvent) -> Reply {
        match app.keys.action_for(key, &ACTIONS) {
            Some(Action::Back) => return Reply::close(),
            Some(_) => {
                return match self.picker.value().cloned() {
                    Some(to) => Reply::close_with(self.give(app, &to)),
                    None => Reply::keep(),
                };
            }
            None => {}
        }
        let p = &mut self.picker;
        match key.code {
            KeyCode::Up => p.up(),
            KeyCode::Down => p.down(),
            KeyCode::Backspace => p.backspace(),
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                p.type_char(c)
            }
            _ => {}
        }
        Reply::keep()
    }

    /// Gives the target to `to`; warnings in the status line.
    fn give(&self, app: &mut App, to: &str) -> Vec<Effect> {
        let lang = app.lang;
        let Some(mi) = app.meeting_index() else {
            return vec![];
        };
        let Some(td) = app.team_data() else {
            return vec![];
        };
        let mut m = td.meetings[mi].clone();
        let date = m.date;
        let result: Result<Vec<Warning>, session::SessionError> = match &self.target {
            Target::Verdeling { item, code } => match td.case(code) {
                Some(case) => {
                    let why = self
                        .why
                        .iter()
                        .find(|(id, _)| id == to)
                        .map(|(_, w)| w.clone())
                        .unwrap_or_default();
                    session::assign(&mut m, *item, td, case, to, &why, lang)
                }
                None => Ok(vec![]),
            },
            Target::HandOver { item, line } => session::set_new_owner(&mut m, *item, td, *line, to),
            Target::Action { number } => {
                let open = session::actions_to_review(&td.meetings, date);
                session::reassign_action(&mut m, &open, &td.team, number, to).map(|()| vec![])
            }
        };
        match result {
            Ok(warnings) => {
                if let Some(t) = app.team_data_mut() {
                    t.meetings[mi] = m;
                }
                show_warnings(app, &warnings);
                // On to the next household or line of the list, as the chair would.
                if !matches!(self.target, Target::Action { .. }) {
                    app.views.item_row += 1;
                }
                vec![Effect::SaveMeeting(date)]
            }
            Err(e) => {
                app.error(e.message(lang));
                vec![]
            }
        }
    }

    pub fn draw(&self, frame: &mut Frame, app: &App, body: Rect) {
        let area = centered(body, 90, body.height.saturating_sub(2).max(8));
        frame.render_widget(Clear, area);
        let s = &app.styles;
        let outer = block(app, self.title.clone(), true);
        let inner = outer.inner(area);
        frame.render_widget(outer, area);
        let [q, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(format!("{}: ", T::Search.text(app.lang)), s.muted),
                Span::styled(format!("{}▏", self.picker.query()), s.base),
            ])),
            q,
        );
        let mut items: Vec<ListItem> = self
            .picker
            .visible()
            .map(|c| ListItem::new(c.label.clone()))
            .collect();
        if items.is_empty() {
            items.push(ListItem::new(Line::styled(
                format!("  {}", T::NobodyFound.text(app.lang)),
                s.muted,
            )));
        }
        let mut st = ListState::default()
            .with_selected((self.picker.match_count() > 0).then_some(self.picker.selected()));
        frame.render_stateful_widget(
            List::new(items)
                .highlight_style(s.selected)
                .highlight_symbol("▶ "),
            list,
            &mut st,
        );
    }
}

/// Shows warnings in names in the status line (all of them, joined).
pub fn show_warnings(app: &mut App, warnings: &[Warning]) {
    if warnings.is_empty() {
        return;
    }
    let text: Vec<String> = warnings.iter().map(|w| warning(w, app.lang)).collect();
    app.error(text.join(" · "));
}
