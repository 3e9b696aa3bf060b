//! The application state: the loaded data, where the user is (screen, popups), and the view
//! state of each screen. Panes hold selections and scroll positions, never case data.
//!
//! State changes only inside [`super::update::update`]; the helpers here are what its
//! handlers share (the chosen team, the current meeting, the status line, the unsaved text).

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime};

use super::keymap::KeyMap;
use super::msg::Effect;
use super::popup::Popup;
use super::theme::Styles;
use crate::domain::{Meeting, MeetingState, TeamData, Workspace};
use crate::i18n::Lang;
use rayon::prelude::*;

use crate::search::SearchIndex;

/// The screens, in the order of a meeting. Each has its module in `screen/` (actions, keys,
/// drawing); to add one, add a variant here and its arms in `screen/mod.rs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Choose a team when the data folder holds several.
    TeamPicker,
    /// The team, the next meeting, open actions and the cases that ask for discussion.
    Start,
    /// Prepare the agenda of the next meeting.
    Agenda,
    /// The running meeting: one agenda item at a time, with the clock.
    Meeting,
    /// The summary before closing.
    Close,
    /// Caseload of the team: load per member in context, cases without a regisseur.
    Caseload,
    /// One household on one screen (the case in `Views::card`).
    CaseCard,
    /// The team itself: members (roles, FTE, start, end, leave), the rhythm and the norm.
    Team,
}

/// A message in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Info(String),
    Error(String),
}

/// Order and filters of the caseload screen; kept while the app runs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CaseloadView {
    pub sort: crate::caseload::SortKey,
    pub role: Option<crate::domain::Role>,
    pub only_above_norm: bool,
}

/// View state of the screens.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Views {
    pub team_picker: usize,
    pub start: usize,
    pub agenda: usize,
    /// Selected row in the current item's pane.
    pub item_row: usize,
    pub close_scroll: u16,
    /// Selected member on the caseload screen.
    pub caseload: usize,
    /// The team the caseload screen shows, when not the chosen team (a member found with
    /// `/` in another team).
    pub caseload_team: Option<usize>,
    /// Order and filters of the caseload screen.
    pub caseload_view: CaseloadView,
    /// The case on the case card: team index and case code.
    pub card: Option<(usize, String)>,
    pub card_scroll: u16,
    /// Selected member on the team screen.
    pub team_member: usize,
    /// The screen the case card or caseload returns to with Back.
    pub back_to: Option<Screen>,
}

/// Text typed into the meeting (a live notes field, a form's draft) that is not on disk yet:
/// it is saved on a pause in typing, not at every key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsaved {
    /// The meeting it belongs to.
    pub date: NaiveDate,
    /// The first unsaved change.
    pub since: NaiveDateTime,
    /// The last key that changed it.
    pub last: NaiveDateTime,
}

/// The search index and the data generation it was built from.
#[derive(Debug, Clone, Default)]
pub struct SearchState {
    pub index: Option<Arc<SearchIndex>>,
    pub built_from: u64,
    /// Kept index parts (`.overleg-index`) of teams loaded in the background, by team folder,
    /// for the first build while the data is still of generation `parts_from`; taken by it.
    pub parts: Vec<(std::path::PathBuf, crate::search::TeamPart)>,
    pub parts_from: u64,
}

/// Everything the app knows.
#[derive(Debug, Clone)]
pub struct App {
    pub lang: Lang,
    pub today: NaiveDate,
    /// The last clock time seen.
    pub now: NaiveDateTime,
    pub workspace: Workspace,
    /// Index of the chosen team in `workspace.teams`.
    pub team: Option<usize>,
    /// Date of the meeting being prepared or run.
    pub meeting: Option<NaiveDate>,
    pub screen: Screen,
    /// Popups, drawn over the screen; the last one gets the keys.
    pub popups: Vec<Popup>,
    pub views: Views,
    pub keys: Arc<KeyMap>,
    pub styles: Styles,
    pub status: Option<Status>,
    /// Clock seconds counted but not yet saved.
    pub unsaved_seconds: u32,
    pub last_tick: Option<NaiveDateTime>,
    /// Typed text not yet saved.
    pub unsaved: Option<Unsaved>,
    /// Another chair holds the team folder: nothing is written.
    pub read_only: bool,
    /// The files as last loaded or written, so a save notices a hand edit.
    pub seen: crate::storage::guard::Seen,
    /// Where saves go: the team folder, or the database (see [`crate::store`]).
    pub store: crate::store::StoreHandle,
    /// Case codes of teams this login cannot see (database only): a new code avoids them.
    pub codes_elsewhere: Vec<String>,
    /// Teams whose files were fingerprinted into `seen`.
    pub watched: BTreeSet<usize>,
    /// The chosen team is shown; the other teams of the municipality are still loading (they
    /// arrive as [`super::msg::Msg::Others`]).
    pub others_loading: bool,
    pub quit: bool,
    /// Changes whenever loaded data changes in a way search sees.
    pub data_gen: u64,
    pub search: SearchState,
    /// Where the user's key file is, for the help screen.
    pub keys_file: Option<String>,
}

impl App {
    /// A new app on loaded data; opens the only team, or resumes a running meeting.
    pub fn new(workspace: Workspace, lang: Lang, now: NaiveDateTime) -> Self {
        let mut app = App {
            lang,
            today: now.date(),
            now,
            workspace,
            team: None,
            meeting: None,
            screen: Screen::TeamPicker,
            popups: Vec::new(),
            views: Views::default(),
            keys: Arc::new(KeyMap::default()),
            styles: Styles::default(),
            status: None,
            unsaved_seconds: 0,
            last_tick: None,
            unsaved: None,
            read_only: false,
            seen: crate::storage::guard::Seen::default(),
            store: crate::store::StoreHandle::default(),
            codes_elsewhere: Vec::new(),
            watched: BTreeSet::new(),
            others_loading: false,
            quit: false,
            data_gen: 0,
            search: SearchState::default(),
            keys_file: None,
        };
        // One team, or one team with a running meeting: go straight there (resume).
        let running: Vec<usize> = app
            .workspace
            .teams
            .iter()
            .enumerate()
            .filter(|(_, t)| t.meetings.iter().any(|m| m.state == MeetingState::Geopend))
            .map(|(i, _)| i)
            .collect();
        if app.workspace.teams.len() == 1 {
            app.choose_team(0);
        } else if let [only] = running[..] {
            app.choose_team(only);
        }
        app
    }

    /// Chooses a team: resumes its running meeting, or shows its start screen. Returns the
    /// effect that fingerprints its files the first time.
    pub fn choose_team(&mut self, index: usize) -> Vec<Effect> {
        if index >= self.workspace.teams.len() {
            return vec![];
        }
        self.team = Some(index);
        self.views = Views::default();
        self.screen = Screen::Start;
        self.meeting = None;
        let running = self.workspace.teams[index]
            .meetings
            .iter()
            .find(|m| m.state == MeetingState::Geopend)
            .map(|m| m.date);
        if let Some(date) = running {
            self.meeting = Some(date);
            self.screen = Screen::Meeting;
            self.enter_item();
            self.info(crate::i18n::tui::resumed(date, self.lang));
        }
        if self.watched.contains(&index) {
            vec![]
        } else {
            vec![Effect::Fingerprint(index)]
        }
    }

    /// The chosen team.
    pub fn team_data(&self) -> Option<&TeamData> {
        self.team.and_then(|i| self.workspace.teams.get(i))
    }

    /// The chosen team, for changing it (search sees the change on the next `/`).
    pub fn team_data_mut(&mut self) -> Option<&mut TeamData> {
        self.data_gen += 1;
        self.team.and_then(|i| self.workspace.teams.get_mut(i))
    }

    /// Index of the current meeting in the team's meetings.
    pub fn meeting_index(&self) -> Option<usize> {
        let date = self.meeting?;
        self.team_data()?
            .meetings
            .iter()
            .position(|m| m.date == date)
    }

    /// The meeting being prepared or run.
    pub fn current_meeting(&self) -> Option<&Meeting> {
        let i = self.meeting_index()?;
        self.team_data()?.meetings.get(i)
    }

    /// The meeting being prepared or run, for changing it.
    pub fn current_meeting_mut(&mut self) -> Option<&mut Meeting> {
        let i = self.meeting_index()?;
        self.team_data_mut()?.meetings.get_mut(i)
    }

    /// The current meeting for the clock only: time spent is not something search finds, so
    /// this does not touch the data generation (a tick must never disturb a search).
    pub fn clock_meeting_mut(&mut self) -> Option<&mut Meeting> {
        let i = self.meeting_index()?;
        let t = self.team?;
        self.workspace.teams.get_mut(t)?.meetings.get_mut(i)
    }

    /// Is the current meeting running?
    pub fn meeting_running(&self) -> bool {
        self.current_meeting()
            .is_some_and(|m| m.state == MeetingState::Geopend)
    }

    /// The agenda item being discussed.
    pub fn current_item(&self) -> Option<usize> {
        self.current_meeting()?.progress.current_item
    }

    /// Puts the cursor on the first row of the current item: in a case discussion past the
    /// facts (the first row, see `screen::meeting::item_rows`; they stay in view, one Up
    /// away), so that the first Enter writes the question.
    pub fn enter_item(&mut self) {
        let case = self
            .current_item()
            .and_then(|i| self.current_meeting()?.agenda.get(i))
            .is_some_and(|i| matches!(i.kind, crate::domain::ItemKind::Casus(_)));
        self.views.item_row = usize::from(case);
    }

    /// Opens a popup on top of the others.
    pub fn open(&mut self, popup: Popup) {
        self.popups.push(popup);
    }

    /// Shows a message in the status line.
    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status::Info(text.into()));
    }

    /// Shows an error in the status line; the meeting goes on.
    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status::Error(text.into()));
    }

    /// Notes that typed text changed the current meeting in memory; it is saved on a pause.
    pub fn mark_unsaved(&mut self) {
        let Some(date) = self.meeting else {
            return;
        };
        let now = self.now;
        self.unsaved = Some(match self.unsaved {
            Some(u) if u.date == date => Unsaved { last: now, ..u },
            _ => Unsaved {
                date,
                since: now,
                last: now,
            },
        });
    }

    /// The save of typed text not yet on disk (before leaving the meeting or the team).
    pub fn flush_unsaved(&mut self) -> Vec<Effect> {
        self.unsaved
            .take()
            .map(|u| Effect::SaveMeeting(u.date))
            .into_iter()
            .collect()
    }

    /// The team the caseload screen shows.
    pub fn caseload_team(&self) -> Option<usize> {
        self.views.caseload_team.or(self.team)
    }

    /// The caseload of the team on the caseload screen, in the order and with the filters
    /// chosen there.
    pub fn caseload(&self) -> Option<crate::caseload::TeamCaseload> {
        let td = self.workspace.teams.get(self.caseload_team()?)?;
        let v = self.views.caseload_view;
        let opts = crate::caseload::Options {
            sort: v.sort,
            role: v.role,
            only_above_norm: v.only_above_norm,
            ..crate::caseload::Options::new(self.today)
        };
        Some(crate::caseload::team_caseload(td, &opts))
    }

    /// The search index of the current data, built when there is none or the data changed.
    pub fn search_index(&mut self) -> Arc<SearchIndex> {
        match &self.search.index {
            Some(ix) if self.search.built_from == self.data_gen => Arc::clone(ix),
            _ => {
                let ix = Arc::new(self.build_index());
                self.search = SearchState {
                    index: Some(Arc::clone(&ix)),
                    built_from: self.data_gen,
                    ..SearchState::default()
                };
                ix
            }
        }
    }

    /// The index of the workspace: from the kept parts of the teams that have one, while
    /// nothing changed since they were taken in, and built for the others; else built whole.
    fn build_index(&mut self) -> SearchIndex {
        let parts = std::mem::take(&mut self.search.parts);
        if parts.is_empty() || self.search.parts_from != self.data_gen {
            return SearchIndex::build(&self.workspace);
        }
        let mut kept: std::collections::HashMap<std::path::PathBuf, crate::search::TeamPart> =
            parts.into_iter().collect();
        let found: Vec<Option<crate::search::TeamPart>> = self
            .workspace
            .teams
            .iter()
            .map(|td| kept.remove(&td.dir))
            .collect();
        let parts = self
            .workspace
            .teams
            .par_iter()
            .zip(found)
            .map(|(td, part)| part.unwrap_or_else(|| SearchIndex::team_part(td)))
            .collect();
        SearchIndex::from_parts(parts)
    }
}
