//! A problem found while loading: what is wrong, and exactly where (`path:line:column`).
//!
//! Messages live in `crate::i18n::problems`, in Dutch and English; `Display` is Dutch.

use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::domain::Weekday;
use crate::i18n::Lang;

/// One problem in one file, located at a 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub kind: ProblemKind,
}

impl Problem {
    /// A problem at a known position.
    pub fn new(path: impl Into<PathBuf>, line: usize, column: usize, kind: ProblemKind) -> Self {
        Problem {
            path: path.into(),
            line: line.max(1),
            column: column.max(1),
            kind,
        }
    }

    /// A problem about the file as a whole, placed at 1:1.
    pub fn at_start(path: impl Into<PathBuf>, kind: ProblemKind) -> Self {
        Problem::new(path, 1, 1, kind)
    }

    /// `path:line:column: message` in the given language.
    pub fn render(&self, lang: Lang) -> String {
        format!(
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.kind.message(lang)
        )
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::Nl))
    }
}

impl std::error::Error for Problem {}

/// Something that has a start date and an end date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Voorziening,
    Maatregel,
    Plan,
}

/// What is wrong. Render it with [`ProblemKind::message`].
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    // --- folders and files ---
    /// The `--data` folder does not exist.
    DataDirMissing,
    /// Neither a `team.ron` nor a subfolder with one.
    NoTeams,
    /// The file could not be read (permissions, I/O error).
    Unreadable { error: String },
    /// The file is larger than [`crate::storage::MAX_FILE_BYTES`]; it was not read.
    TooLarge { size: u64, limit: u64 },
    /// The file is empty or holds only white space.
    Empty,
    /// The file holds bytes that are not UTF-8 text.
    NotUtf8,
    /// The file holds NUL bytes: a binary file, not text.
    Binary,
    /// The file starts with a UTF-16 byte-order mark (saved as "Unicode" by Notepad or Word).
    Utf16,
    /// Not a regular file (a FIFO, device, socket or folder, maybe behind a symlink): it was
    /// not opened, so reading it cannot hang.
    NotRegularFile {
        kind: crate::storage::FileKind,
        via_symlink: bool,
    },
    /// A change set (e.g. the close of a meeting) was interrupted: its intent file is still
    /// there and some of its files may not be written yet.
    UnfinishedChange { parts: usize },
    /// A conflict copy: overleg's own `<file>.conflict` or another tool's copy of a file
    /// (`(conflicted copy …)`, `.sync-conflict-…`, `-HOSTNAME.ron`, `(1).ron`, `..path1`).
    ConflictCopy { original: Option<PathBuf> },

    // --- syntax and types ---
    /// A syntax or type error as reported by the RON parser.
    Parse(ron::Error),
    /// A date that does not exist or is not written `YYYY-MM-DD`.
    InvalidDate { text: String },
    /// A time that is not written `HH:MM:SS`.
    InvalidTime { text: String },

    // --- meaning ---
    /// `version` is not one this program reads.
    UnsupportedVersion { found: u32, supported: u32 },
    /// A case code not of the form `YYYY-NNNN`.
    InvalidCaseCode { code: String },
    /// A member's fte not above 0 or above 1.5 (or not a number).
    FteOutOfRange { member: String, fte: f32 },
    /// A number outside what the field allows (or NaN / infinite); `min_excluded`: the
    /// value must be above `min`, not equal to it.
    NumberOutOfRange {
        field: &'static str,
        value: f64,
        min: f64,
        max: f64,
        min_excluded: bool,
    },
    /// Two members with one id in a team.
    DuplicateMemberId { id: String },
    /// The rhythm's anchor date is not on the rhythm's weekday.
    AnchorNotOnWeekday { anchor: NaiveDate, weekday: Weekday },
    /// The rhythm's `interval_weeks` is 0.
    IntervalZero,
    /// Two team folders with the same team id.
    DuplicateTeamId { id: String, other: PathBuf },
    /// A member id that is not in `team.ron`; `field` names where it was used.
    UnknownMember { field: &'static str, id: String },
    /// Advice or dissent by someone who is neither a member nor a guest of the meeting.
    UnknownPerson { field: &'static str, name: String },
    /// A case code with no case file in the team.
    UnknownCase { code: String },
    /// Two case files with the same code.
    DuplicateCaseCode { code: String, other: PathBuf },
    /// Case file name does not match the case code.
    CaseFileName { code: String, file: String },
    /// Meeting file name does not match the meeting date.
    MeetingFileName { date: NaiveDate, file: String },
    /// Two meeting files with the same date in one team.
    DuplicateMeetingDate { date: NaiveDate, other: PathBuf },
    /// The meeting's `team` is not the id of the team folder it is in.
    MeetingTeamMismatch { found: String, expected: String },
    /// An action (or a postponement) due before the meeting that agreed it.
    DueBeforeMeeting {
        action: String,
        due: NaiveDate,
        meeting: NaiveDate,
    },
    /// `regisseur` differs from the `to` of the latest `regie_history` entry.
    TwoRegisseurs { regisseur: String, last_to: String },
    /// An end date before its start date.
    EndBeforeStart {
        what: Period,
        name: String,
        start: NaiveDate,
        end: NaiveDate,
    },
    /// A decision number used twice in a team.
    DuplicateDecisionNumber { number: String, other: PathBuf },
    /// An action number used twice in a team.
    DuplicateActionNumber { number: String, other: PathBuf },
    /// A review of an action number that no earlier meeting agreed.
    UnknownReviewedAction { number: String },
}

impl ProblemKind {
    /// "What is wrong — how to fix it", in the given language.
    pub fn message(&self, lang: Lang) -> String {
        crate::i18n::problems::message(self, lang)
    }
}
