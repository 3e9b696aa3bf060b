//! What goes into `update` ([`Msg`]) and what comes out for the loop to carry out
//! ([`Effect`]). Plain data: no terminal, no disk.

use chrono::{NaiveDate, NaiveDateTime};
use crossterm::event::KeyEvent;

use crate::domain::{TeamData, Workspace};
use crate::storage::guard::Fingerprint;

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
    /// What the lock keeper found out about the team lock.
    Lock(LockEvent),
    /// The meeting was closed on disk, every part of it: the closed meeting and the cases it
    /// changed, for the memory to follow, and where the minutes went.
    Closed(Box<Closed>),
    /// An effect was refused for reasons the user must see one by one (the possible personal
    /// data in minutes, with where each is): shown in a popup, not only the status line.
    Problems {
        title: String,
        lines: Vec<String>,
    },
    /// The other teams of the municipality, loaded in the background after the chosen team
    /// was shown.
    Others(Box<Others>),
}

/// What the background load of a municipality found, for [`super::others::merge`].
#[derive(Debug, Clone, PartialEq)]
pub struct Others {
    /// Every team, the chosen one included (its copy here is not used: the app's own, maybe
    /// changed meanwhile, stays).
    pub workspace: Workspace,
    /// The fingerprints of the files as loaded.
    pub seen: Vec<(std::path::PathBuf, Fingerprint)>,
    /// Problems the first load did not show (the other teams', and those only a look across
    /// teams finds), rendered.
    pub problems: Vec<String>,
    /// The kept search index parts (`.overleg-index`) of the team folders that did not change
    /// while they were loaded; only after a load without any problem.
    pub parts: Vec<(std::path::PathBuf, crate::search::TeamPart)>,
}

/// News from the lock keeper, which only does the I/O; `update` decides what follows.
#[derive(Debug, Clone, PartialEq)]
pub enum LockEvent {
    /// This process holds the lock of the chosen team: it may write.
    Held,
    /// Another chair holds it (described for the user): read only.
    Refused(String),
    /// The other chair stopped and this one holds the lock now, with the team as it is on
    /// disk.
    TookOver(Box<TakeOver>),
    /// The lock this process held is gone or belongs to someone else now (described).
    Lost(String),
    /// Still read only, but the writer saved: the team as it is on disk now.
    Reloaded(Box<TakeOver>),
    /// The lock was taken and a change cut short (a close) was completed or reported (the
    /// lines): the team as it is on disk now.
    Recovered(Box<TakeOver>, Vec<String>),
    /// Refreshing the lock failed (the reason, for the user).
    HeartbeatFailed(String),
    /// The database answers again (after being away, or with writes waiting): apply the
    /// offline journal.
    Reconnected,
}

/// What a close wrote, every part on disk.
#[derive(Debug, Clone, PartialEq)]
pub struct Closed {
    pub meeting: crate::domain::Meeting,
    pub cases: Vec<crate::domain::Case>,
    /// The minutes file, as shown (inside the team folder).
    pub minutes: String,
}

/// A read-only chair got the lock after the other chair stopped: the team as it is on disk
/// now, with the fingerprints of its files, replaces what this process had in memory.
#[derive(Debug, Clone, PartialEq)]
pub struct TakeOver {
    pub team: usize,
    pub data: TeamData,
    pub seen: Vec<(std::path::PathBuf, Fingerprint)>,
    /// Problems found while loading it again.
    pub problems: Vec<String>,
}

impl TakeOver {
    /// The one team a reload of team `team` brought (folder or database); `None` when its
    /// team document no longer loads.
    pub fn from_outcome(
        team: usize,
        outcome: crate::storage::LoadOutcome,
        lang: crate::i18n::Lang,
    ) -> Option<TakeOver> {
        let problems = outcome.problems.iter().map(|p| p.render(lang)).collect();
        let data = outcome.workspace.teams.into_iter().next()?;
        Some(TakeOver {
            team,
            seen: outcome.fingerprints,
            data,
            problems,
        })
    }
}

/// Work for the loop: the only place that touches the disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save the meeting on `date` of the current team.
    SaveMeeting(NaiveDate),
    /// Save a case file of the current team.
    SaveCase(String),
    /// Write the file of a case just registered (an aanmelding); never over an existing file.
    CreateCase(String),
    /// Save `team.ron` of the current team (never over a file that fails to parse).
    SaveTeam,
    /// Write the minutes of the meeting on `date` (Markdown, intern), when it closes.
    WriteMinutes(NaiveDate),
    /// Close the running meeting on `date` as one change: the meeting, every case it changed
    /// and the minutes are all written, or the meeting stays open and every part that failed
    /// is listed.
    Close(NaiveDate),
    /// Write the minutes or the invitation of the meeting on `date` as the chair chose.
    ExportMinutes(NaiveDate, Export),
    /// A planned meeting moved to another date: write it under its new date, then remove
    /// the file of the old one.
    MoveMeeting {
        from: NaiveDate,
        to: NaiveDate,
    },
    /// Ctrl-Z: give the terminal back and stop until the shell resumes the program.
    Suspend,
    /// Remember how the files of team `index` are on disk now, so a later save notices a
    /// change made by someone else. Done once per team, when it is first chosen.
    Fingerprint(usize),
    /// Apply the writes that waited for the database (the offline journal).
    Replay,
    Quit,
}

/// What to write from the minutes popup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Export {
    Minutes(crate::minutes::Format, crate::minutes::Profile),
    /// The shareable version for one partner organisation: only its households (with
    /// consent) and only its part.
    ForPartner(crate::minutes::Format, String),
    /// The `.ics` invitation for the next meeting.
    Invitation,
}

impl Export {
    /// The choices that need no further question, in the order the popup lists them.
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

    /// The label in the minutes popup.
    pub fn label(&self, lang: crate::i18n::Lang) -> String {
        match self {
            Export::Minutes(f, p) => crate::i18n::tui::export_label(Some((*f, *p)), lang),
            Export::ForPartner(f, partner) => crate::i18n::tui::partner_label(*f, partner, lang),
            Export::Invitation => crate::i18n::tui::export_label(None, lang),
        }
    }
}
