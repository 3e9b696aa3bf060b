//! Everything loaded from a `--data` folder: one team, or all teams of a municipality.

use std::path::PathBuf;

use super::case::Case;
use super::meeting::Meeting;
use super::team::Team;

/// One team folder with what loaded from it.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamData {
    /// The team folder on disk (holds `team.ron`, `cases/`, `meetings/`, `minutes/`).
    pub dir: PathBuf,
    pub team: Team,
    /// Cases sorted by code.
    pub cases: Vec<Case>,
    /// Meetings sorted by date.
    pub meetings: Vec<Meeting>,
}

impl TeamData {
    /// Finds a case by code.
    pub fn case(&self, code: &str) -> Option<&Case> {
        self.cases
            .binary_search_by(|c| c.code.as_str().cmp(code))
            .ok()
            .map(|i| &self.cases[i])
    }

    /// The meeting on a date.
    pub fn meeting(&self, date: chrono::NaiveDate) -> Option<&Meeting> {
        self.meetings.iter().find(|m| m.date == date)
    }

    /// The most recent closed meeting.
    pub fn last_closed_meeting(&self) -> Option<&Meeting> {
        self.meetings
            .iter()
            .rev()
            .find(|m| m.state == super::meeting::MeetingState::Gesloten)
    }
}

/// A team or a municipality: the teams found under `--data`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Workspace {
    /// Municipality name, when the folder is a municipality folder.
    pub municipality: Option<String>,
    pub teams: Vec<TeamData>,
}

impl Workspace {
    /// Total number of cases over all teams.
    pub fn case_count(&self) -> usize {
        self.teams.iter().map(|t| t.cases.len()).sum()
    }

    /// Total number of meetings over all teams.
    pub fn meeting_count(&self) -> usize {
        self.teams.iter().map(|t| t.meetings.len()).sum()
    }

    /// Total number of member entries over all teams (a member in two teams counts twice).
    pub fn member_count(&self) -> usize {
        self.teams.iter().map(|t| t.team.members.len()).sum()
    }

    /// Finds a team by id.
    pub fn team(&self, id: &str) -> Option<&TeamData> {
        self.teams.iter().find(|t| t.team.id == id)
    }
}
