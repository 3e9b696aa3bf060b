//! Saving teams, cases and meetings: pretty RON, written atomically, and never over a file
//! that currently fails to parse (the user's hand edit would be lost).

use std::io;
use std::path::{Path, PathBuf};

use serde::{Serialize, de::DeserializeOwned};

use crate::domain::{Case, Meeting, Municipality, Team};

use super::atomic::write_atomic;
use super::load::{MUNICIPALITY_FILE, TEAM_FILE};
use super::problem::Problem;
use super::read::{parse_text, read_text};
use super::ron_io::to_ron;

/// Why a save did not happen.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The file on disk does not parse; overwriting it would lose what is in it.
    #[error("{} wordt niet overschreven: het bestand is nu onleesbaar ({problem}) — herstel het eerst met `overleg check`", path.display())]
    WouldOverwriteBroken {
        path: PathBuf,
        problem: Box<Problem>,
    },
    /// The file would grow past the size the loader reads ([`super::limit_for`]); not
    /// written, so that it does not vanish from the app at the next start.
    #[error("{} wordt niet opgeslagen: het zou te groot worden ({size} bytes, maximaal {limit})", path.display())]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// The value could not be turned into RON.
    #[error("kan niet omzetten naar RON: {0}")]
    Serialize(#[from] ron::Error),
    /// Writing failed.
    #[error("schrijven mislukt: {0}")]
    Io(#[from] io::Error),
}

impl From<SaveError> for io::Error {
    fn from(e: SaveError) -> io::Error {
        match e {
            SaveError::Io(e) => e,
            other => io::Error::other(other),
        }
    }
}

/// Path of a case file in a team folder.
pub fn case_path(team_dir: &Path, code: &str) -> PathBuf {
    team_dir.join("cases").join(format!("{code}.ron"))
}

/// Path of a meeting file in a team folder.
pub fn meeting_path(team_dir: &Path, date: chrono::NaiveDate) -> PathBuf {
    team_dir
        .join("meetings")
        .join(format!("{}.ron", date.format("%Y-%m-%d")))
}

/// Saves `team.ron`.
pub fn save_team(team_dir: &Path, team: &Team) -> Result<(), SaveError> {
    let sharing = if team.shared_folder {
        super::perm::Sharing::Group
    } else {
        super::perm::Sharing::Private
    };
    super::perm::register_team(team_dir, sharing);
    save_ron(&team_dir.join(TEAM_FILE), team)
}

/// Saves one case file, `cases/<code>.ron`.
pub fn save_case(team_dir: &Path, case: &Case) -> Result<(), SaveError> {
    save_ron(&case_path(team_dir, &case.code), case)
}

/// Saves one meeting file, `meetings/<YYYY-MM-DD>.ron`.
pub fn save_meeting(team_dir: &Path, meeting: &Meeting) -> Result<(), SaveError> {
    save_ron(&meeting_path(team_dir, meeting.date), meeting)
}

/// Saves `gemeente.ron` in a municipality folder.
pub fn save_municipality(dir: &Path, municipality: &Municipality) -> Result<(), SaveError> {
    save_ron(&dir.join(MUNICIPALITY_FILE), municipality)
}

/// Writes `value` to `path` unless the file there now fails to parse as `T`. Skips the write
/// when the bytes would not change.
fn save_ron<T: Serialize + DeserializeOwned>(path: &Path, value: &T) -> Result<(), SaveError> {
    let text = to_ron(value)?;
    let (size, limit) = (text.len() as u64, super::limit_for(path));
    if size > limit {
        return Err(SaveError::TooLarge {
            path: path.to_path_buf(),
            size,
            limit,
        });
    }
    if path.exists() {
        let existing = read_text(path).and_then(|old| parse_text::<T>(path, &old).map(|_| old));
        match existing {
            Ok(old) if old.as_bytes() == text.as_bytes() => return Ok(()),
            Ok(_) => {}
            Err(problem) => {
                return Err(SaveError::WouldOverwriteBroken {
                    path: path.to_path_buf(),
                    problem: Box::new(problem),
                });
            }
        }
    }
    write_atomic(path, text.as_bytes())?;
    Ok(())
}
