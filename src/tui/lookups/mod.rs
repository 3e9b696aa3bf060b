//! Lookups in the TUI: the search popup on `/`, the caseload screen and the case card. State
//! changes here are called from `update`; drawing lives in [`view`].

pub mod view;

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::{App, Popup, Screen};
use super::keymap::Action;
use crate::caseload::{self, Options, SortKey, TeamCaseload};
use crate::domain::Role;
use crate::search::{HitKind, Results, SearchIndex, Searcher};

/// Hits kept for the popup list.
pub const LIMIT: usize = 50;

/// The search popup: the query being typed, its hits and the selected hit.
#[derive(Debug, Clone)]
pub struct SearchPopup {
    pub query: String,
    pub results: Results,
    pub selected: usize,
    searcher: Searcher,
}

impl SearchPopup {
    fn refresh(&mut self, index: &SearchIndex) {
        self.results = self.searcher.search(index, &self.query, LIMIT);
        self.selected = 0;
    }
}

/// Opens the search popup over the current screen; builds the index only when there is none
/// (first `/`, or the data changed since).
pub fn open_search(app: &mut App) {
    if app.search_index.is_none() {
        app.search_index = Some(Arc::new(SearchIndex::build(&app.workspace)));
    }
    app.popups.push(Popup::Search(Box::new(SearchPopup {
        query: String::new(),
        results: Results::default(),
        selected: 0,
        searcher: Searcher::default(),
    })));
}

/// Keys in the search popup: typing edits the query, arrows choose, Enter jumps, Esc closes.
pub fn search_key(app: &mut App, mut p: SearchPopup, key: &KeyEvent) {
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Esc => return,
        KeyCode::Enter => {
            if let Some(hit) = p.results.hits.get(p.selected) {
                jump(app, hit.kind, &hit.location);
            }
            return;
        }
        KeyCode::Up => p.selected = p.selected.saturating_sub(1),
        KeyCode::Down if p.selected + 1 < p.results.hits.len() => p.selected += 1,
        KeyCode::Backspace => {
            p.query.pop();
            if let Some(index) = app.search_index.clone() {
                p.refresh(&index);
            }
        }
        KeyCode::Char(c) if plain => {
            p.query.push(c);
            if let Some(index) = app.search_index.clone() {
                p.refresh(&index);
            }
        }
        _ => {}
    }
    app.popups.push(Popup::Search(Box::new(p)));
}

/// From a hit to its case card, or for a member to the caseload of their team.
fn jump(app: &mut App, kind: HitKind, loc: &crate::search::Location) {
    let team = loc.team as usize;
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
        if app.team != Some(team) && team < app.workspace.teams.len() {
            app.team = Some(team);
        }
        // The member must be in the list: drop the filters (the order stays).
        app.views.caseload_view.role = None;
        app.views.caseload_view.only_above_norm = false;
        let rows = caseload_of(app);
        let pos = rows
            .as_ref()
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

/// Shows the caseload of the current team.
pub fn open_caseload(app: &mut App) {
    app.views.caseload = 0;
    app.views.back_to = Some(app.screen);
    app.screen = Screen::Caseload;
}

/// The caseload of the current team, in the order and with the filters chosen on the screen.
pub fn caseload_of(app: &App) -> Option<TeamCaseload> {
    let td = app.team_data()?;
    let v = app.views.caseload_view;
    let opts = Options {
        sort: v.sort,
        role: v.role,
        only_above_norm: v.only_above_norm,
        ..Options::new(app.today)
    };
    Some(caseload::team_caseload(td, &opts))
}

/// The next order: naam → belasting → achterstand → naam.
fn next_sort(sort: SortKey) -> SortKey {
    match sort {
        SortKey::Name => SortKey::Load,
        SortKey::Load => SortKey::Overdue,
        SortKey::Overdue => SortKey::Name,
    }
}

/// The next role filter: all → each role someone in the team has (in role order) → all.
fn next_role(app: &App, role: Option<Role>) -> Option<Role> {
    let mut roles: Vec<Role> = app
        .team_data()
        .map(|td| {
            td.team
                .members
                .iter()
                .flat_map(|m| m.roles.iter().copied())
                .collect()
        })
        .unwrap_or_default();
    roles.sort();
    roles.dedup();
    match role {
        None => roles.first().copied(),
        Some(r) => roles.into_iter().find(|x| *x > r),
    }
}

/// Actions on the caseload screen and the case card.
pub fn on_action(app: &mut App, action: Action) -> Vec<super::app::Effect> {
    match (app.screen, action) {
        (Screen::Caseload, Action::Up) => {
            app.views.caseload = app.views.caseload.saturating_sub(1);
        }
        (Screen::Caseload, Action::Down) => {
            let n = caseload_of(app).map_or(0, |t| t.members.len() + t.without_regisseur.len());
            if app.views.caseload + 1 < n {
                app.views.caseload += 1;
            }
        }
        (Screen::Caseload, Action::CaseloadSort) => {
            let v = &mut app.views.caseload_view;
            v.sort = next_sort(v.sort);
            app.views.caseload = 0;
        }
        (Screen::Caseload, Action::CaseloadRole) => {
            app.views.caseload_view.role = next_role(app, app.views.caseload_view.role);
            app.views.caseload = 0;
        }
        (Screen::Caseload, Action::CaseloadAboveNorm) => {
            let v = &mut app.views.caseload_view;
            v.only_above_norm = !v.only_above_norm;
            app.views.caseload = 0;
        }
        (Screen::Caseload, Action::Select) => {
            // Rows are the members, then the cases without a regisseur.
            if let (Some(t), Some(team)) = (caseload_of(app), app.team) {
                let i = app.views.caseload;
                if let Some(u) = i
                    .checked_sub(t.members.len())
                    .and_then(|j| t.without_regisseur.get(j))
                {
                    app.views.card = Some((team, u.case.clone()));
                    app.views.card_scroll = 0;
                    app.views.back_to = Some(Screen::Caseload);
                    app.screen = Screen::CaseCard;
                }
            }
        }
        (Screen::CaseCard, Action::Up) => {
            app.views.card_scroll = app.views.card_scroll.saturating_sub(1);
        }
        (Screen::CaseCard, Action::Down) => {
            app.views.card_scroll = app.views.card_scroll.saturating_add(1);
        }
        (_, Action::Back) => {
            app.screen = match app.views.back_to.take() {
                Some(s) if s != app.screen => s,
                _ => Screen::Start,
            };
            if app.screen == Screen::TeamPicker && app.team.is_some() {
                app.screen = Screen::Start;
            }
        }
        _ => {}
    }
    vec![]
}

#[cfg(test)]
mod tests;
