//! The application state: the loaded data, where the user is (screen, popups), and the view
//! state of each screen. Panes hold selections and scroll positions, never case data.

use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::KeyEvent;

use super::form::Form;
use super::keymap::KeyMap;
use super::picker::Picker;
use super::theme::Styles;
use crate::domain::{Meeting, TeamData, Workspace};
use crate::i18n::Lang;

/// The screens, in the order of a meeting. To add a screen, see the module docs of `tui`.
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
}

/// Something to confirm with Enter (or cancel with Esc).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    RemoveItem(usize),
    /// Remove one recorded entry of an item (a slip of the notulist).
    RemoveEntry {
        item: usize,
        entry: Entry,
    },
    OpenMeeting,
    CloseMeeting,
    Reopen,
    Quit,
}

/// One recorded entry of an item, by its position in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Advice(usize),
    Decision(usize),
    Action(usize),
    /// The regie outcome of a case item.
    Regie,
}

/// Popups, drawn over the screen; the top one gets the keys.
#[derive(Debug, Clone)]
pub enum Popup {
    Help,
    /// Problems found while loading, or another list of messages.
    Messages {
        title: String,
        lines: Vec<String>,
    },
    Confirm(Confirm),
    /// Pick a case for the agenda.
    CasePicker(Picker),
    /// Pick the kind of a new agenda item.
    KindPicker(Picker),
    /// Pick the format and profile of minutes to write for the meeting on `date`.
    ExportPicker {
        date: NaiveDate,
        picker: Picker,
    },
    /// Pick a member for a role in the meeting.
    RolePicker {
        role: Role,
        picker: Picker,
    },
    /// The regie check of one case item; `selected` is the point.
    RegieCheck {
        item: usize,
        selected: usize,
    },
    Form(Box<Form>),
    /// Search everything under `--data` (`/`).
    Search(Box<super::lookups::SearchPopup>),
}

/// Roles in the meeting that are picked from the team.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Voorzitter,
    Notulist,
}

/// A message in the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Info(String),
    Error(String),
}

/// A read-only chair got the lock after the other chair stopped: the team as it is on disk
/// now, with the fingerprints of its files, replaces what this process had in memory.
#[derive(Debug, Clone, PartialEq)]
pub struct TakeOver {
    pub team: usize,
    pub data: TeamData,
    pub seen: Vec<(std::path::PathBuf, crate::storage::guard::Fingerprint)>,
    /// Problems found while loading it again.
    pub problems: Vec<String>,
}

/// Input to [`super::update::update`].
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Key(KeyEvent),
    /// The clock, read by the loop (tests pass any time they like).
    Tick(NaiveDateTime),
    /// An effect failed; the text is shown and the meeting goes on.
    Failed(String),
    /// An effect succeeded; the text (if any) is shown.
    Done(Option<String>),
    /// The process was asked to stop (SIGTERM, or SIGHUP when the terminal window closed):
    /// save and stop, so the lock is released instead of left behind.
    Terminate,
    /// The other chair stopped and this one holds the lock now.
    TookOver(Box<TakeOver>),
}

/// Work for the loop: the only place that touches the disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save the meeting on `date` of the current team.
    SaveMeeting(NaiveDate),
    /// Save a case file of the current team.
    SaveCase(String),
    /// Write the minutes of the meeting on `date` (Markdown, intern), when it closes.
    WriteMinutes(NaiveDate),
    /// Write the minutes or the invitation of the meeting on `date` as the chair chose.
    ExportMinutes(NaiveDate, Export),
    Quit,
}

/// What to write from the minutes popup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    Minutes(crate::minutes::Format, crate::minutes::Profile),
    /// The `.ics` invitation for the next meeting.
    Invitation,
}

impl Export {
    /// Every choice, in the order the popup lists them.
    pub fn all() -> Vec<Export> {
        use crate::minutes::{Format, Profile};
        let mut v = Vec::new();
        for profile in [Profile::Intern, Profile::Deelbaar] {
            for format in [Format::Md, Format::Docx, Format::Html] {
                v.push(Export::Minutes(format, profile));
            }
        }
        v.push(Export::Invitation);
        v
    }

    /// Stable key for the picker.
    pub fn key(self) -> String {
        format!("{self:?}")
    }
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
    pub help_scroll: u16,
    /// Selected member on the caseload screen.
    pub caseload: usize,
    /// Order and filters of the caseload screen.
    pub caseload_view: CaseloadView,
    /// The case on the case card: team index and case code.
    pub card: Option<(usize, String)>,
    pub card_scroll: u16,
    /// The screen the case card or caseload returns to with Back.
    pub back_to: Option<Screen>,
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
    pub popups: Vec<Popup>,
    pub views: Views,
    pub keys: KeyMap,
    pub styles: Styles,
    pub status: Option<Status>,
    /// Clock seconds counted but not yet saved.
    pub unsaved_seconds: u32,
    pub last_tick: Option<NaiveDateTime>,
    /// Another chair holds the team folder: nothing is written.
    pub read_only: bool,
    /// The files as last loaded or written, so a save notices a hand edit.
    pub seen: crate::storage::guard::Seen,
    pub quit: bool,
    /// The search index, built the first time `/` is pressed and kept until the data changes
    /// (every mutable access to a team drops it, see [`App::team_data_mut`]).
    pub search_index: Option<std::sync::Arc<crate::search::SearchIndex>>,
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
            keys: KeyMap::default(),
            styles: Styles::default(),
            status: None,
            unsaved_seconds: 0,
            last_tick: None,
            read_only: false,
            seen: crate::storage::guard::Seen::default(),
            quit: false,
            search_index: None,
        };
        // One team, or one team with a running meeting: go straight there (resume).
        let running: Vec<usize> = app
            .workspace
            .teams
            .iter()
            .enumerate()
            .filter(|(_, t)| {
                t.meetings
                    .iter()
                    .any(|m| m.state == crate::domain::MeetingState::Geopend)
            })
            .map(|(i, _)| i)
            .collect();
        if app.workspace.teams.len() == 1 {
            app.choose_team(0);
        } else if let [only] = running[..] {
            app.choose_team(only);
        }
        app
    }

    /// Chooses a team: resumes its running meeting, or shows its start screen.
    pub fn choose_team(&mut self, index: usize) {
        if index >= self.workspace.teams.len() {
            return;
        }
        self.team = Some(index);
        self.views = Views::default();
        self.screen = Screen::Start;
        self.meeting = None;
        let running = self.workspace.teams[index]
            .meetings
            .iter()
            .find(|m| m.state == crate::domain::MeetingState::Geopend)
            .map(|m| (m.date, m.progress.current_item));
        if let Some((date, _)) = running {
            self.meeting = Some(date);
            self.screen = Screen::Meeting;
            self.status = Some(Status::Info(crate::i18n::tui::resumed(date, self.lang)));
        }
    }

    /// The chosen team.
    pub fn team_data(&self) -> Option<&TeamData> {
        self.team.and_then(|i| self.workspace.teams.get(i))
    }

    /// The chosen team, for changing it; drops the search index, which is rebuilt on the next
    /// `/` from the changed data.
    pub fn team_data_mut(&mut self) -> Option<&mut TeamData> {
        self.search_index = None;
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

    pub fn current_meeting_mut(&mut self) -> Option<&mut Meeting> {
        let i = self.meeting_index()?;
        self.team_data_mut()?.meetings.get_mut(i)
    }

    /// The agenda item being discussed.
    pub fn current_item(&self) -> Option<usize> {
        self.current_meeting()?.progress.current_item
    }

    /// Shows a message in the status line.
    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status::Info(text.into()));
    }

    /// Shows an error in the status line; the meeting goes on.
    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status::Error(text.into()));
    }
}
