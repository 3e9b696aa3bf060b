//! Search everything under `--data` (`/`), on every screen and in the middle of a meeting:
//! typing edits the query, the arrows choose a hit, Select opens its case card (or, for a
//! member, the caseload of their team), Back closes. The popup keeps the index it opened
//! with, so nothing that happens meanwhile (the clock, an autosave) can empty its hits.

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph};

use super::Reply;
use crate::i18n::caseload::{Card, card};
use crate::i18n::{self};
use crate::search::{HitKind, Location, Results, SearchIndex, Searcher};
use crate::tui::app::{App, Screen};
use crate::tui::keymap::Action;
use crate::tui::widgets::{block, centered, fit_spans};

/// The actions of the search popup (typing and the arrows aside).
pub const ACTIONS: [Action; 2] = [Action::Select, Action::Back];

/// Hits kept for the list.
pub const LIMIT: usize = 50;

/// The query being typed, its hits and the selected hit.
#[derive(Debug, Clone)]
pub struct SearchPopup {
    pub query: String,
    pub results: Results,
    pub selected: usize,
    searcher: Searcher,
    index: Arc<SearchIndex>,
}

impl SearchPopup {
    /// A search over the current data (the index is built if the data changed since).
    pub fn new(app: &mut App) -> Self {
        SearchPopup {
            query: String::new(),
            results: Results::default(),
            selected: 0,
            searcher: Searcher::default(),
            index: app.search_index(),
        }
    }

    fn refresh(&mut self) {
        self.results = self.searcher.search(&self.index, &self.query, LIMIT);
        self.selected = 0;
    }

    pub fn on_key(&mut self, app: &mut App, key: &KeyEvent) -> Reply {
        match app.keys.action_for(key, &ACTIONS) {
            Some(Action::Back) => return Reply::close(),
            Some(_) => {
                if let Some(hit) = self.results.hits.get(self.selected) {
                    jump(app, hit.kind, &hit.location);
                    return Reply::close();
                }
                return Reply::keep();
            }
            None => {}
        }
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match key.code {
            KeyCode::Up => self.selected = self.selected.saturating_sub(1),
            KeyCode::Down if self.selected + 1 < self.results.hits.len() => self.selected += 1,
            KeyCode::Backspace => {
                self.query.pop();
                self.refresh();
            }
            KeyCode::Char(c) if plain => {
                self.query.push(c);
                self.refresh();
            }
            _ => {}
        }
        Reply::keep()
    }

    pub fn draw(&self, frame: &mut Frame, app: &App, body: Rect) {
        let lang = app.lang;
        let s = &app.styles;
        let area = centered(body, body.width.saturating_sub(4).max(20), body.height);
        frame.render_widget(Clear, area);
        let outer = block(app, i18n::search::popup_title(lang), true);
        let inner = outer.inner(area);
        frame.render_widget(outer, area);
        let [q, info, list] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(1),
        ])
        .areas(inner);
        frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(
                    format!("{} ", app.keys.first_key(Action::Search, lang)),
                    s.key,
                ),
                Span::styled(format!("{}▏", self.query), s.base),
            ])),
            q,
        );
        let info_text = if self.query.trim().is_empty() {
            card(Card::SearchEmpty, lang).to_string()
        } else if self.results.total == 0 {
            i18n::search::no_hits(&self.query, lang)
        } else {
            i18n::search::summary(self.results.total, self.results.hits.len(), lang)
        };
        frame.render_widget(Paragraph::new(Span::styled(info_text, s.muted)), info);
        // Room for a hit after the selection marker.
        let width = usize::from(list.width.saturating_sub(2));
        // Matched letters: bold and underlined on top of the base style, so they show without
        // colour too.
        let matched = s.key.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        let items: Vec<ListItem> = self
            .results
            .hits
            .iter()
            .map(|h| {
                let mut spans = vec![Span::styled(
                    format!("{:<10} ", i18n::search::kind(h.kind, lang)),
                    s.muted,
                )];
                for (m, piece) in h.segments() {
                    spans.push(Span::styled(
                        piece.to_string(),
                        if m { matched } else { s.base },
                    ));
                }
                if self.index.team_count() > 1 {
                    spans.push(Span::styled(
                        format!("  · {}", self.index.team_name(h.location.team)),
                        s.muted,
                    ));
                }
                ListItem::new(Line::from(fit_spans(spans, width)))
            })
            .collect();
        let mut st = ListState::default()
            .with_selected((!self.results.hits.is_empty()).then_some(self.selected));
        frame.render_stateful_widget(
            List::new(items)
                .highlight_style(s.selected)
                .highlight_symbol("▶ "),
            list,
            &mut st,
        );
    }
}

/// From a hit to its case card, or for a member to the caseload of their team. The chosen
/// team and a running meeting stay as they are; Back returns to where the search began.
fn jump(app: &mut App, kind: HitKind, loc: &Location) {
    let team = loc.team as usize;
    if team >= app.workspace.teams.len() {
        return;
    }
    let from = match app.screen {
        Screen::CaseCard | Screen::Caseload => app.views.back_to,
        s => Some(s),
    };
    if let Some(code) = &loc.case {
        app.views.card = Some((team, code.to_string()));
        app.views.card_scroll = 0;
        app.views.back_to = from;
        app.screen = Screen::CaseCard;
    } else if kind == HitKind::Member {
        // The member must be in the list: drop the filters (the order stays).
        app.views.caseload_view.role = None;
        app.views.caseload_view.only_above_norm = false;
        app.views.caseload_team = Some(team);
        let pos = app
            .caseload()
            .and_then(|t| {
                t.members
                    .iter()
                    .position(|m| Some(m.id.as_str()) == loc.member.as_deref())
            })
            .unwrap_or(0);
        app.views.caseload = pos;
        app.views.back_to = from;
        app.screen = Screen::Caseload;
    }
}
