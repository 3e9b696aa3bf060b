//! Reading and writing the team folder: `team.ron`, `cases/<code>.ron`,
//! `meetings/<date>.ron`, `minutes/`. A municipality folder holds several team folders.
//!
//! STUB: the foundation issue replaces the loader with one that reports located problems.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Serialize, de::DeserializeOwned};

use crate::domain::{Case, Meeting, Team, TeamData, Workspace};

/// RON extensions every file is written and read with.
pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_default_extension(ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES)
}

/// Stable, pretty RON for a value, ending in a newline.
pub fn to_ron<T: Serialize>(value: &T) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ".to_string())
        .struct_names(false);
    let mut s = ron_options().to_string_pretty(value, config)?;
    s.push('\n');
    Ok(s)
}

/// Parses RON text with the project's extensions.
pub fn from_ron<T: DeserializeOwned>(text: &str) -> Result<T, ron::error::SpannedError> {
    ron_options().from_str(text)
}

/// Writes `bytes` to `path` atomically: temp file in the same folder, fsync, rename, fsync dir.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
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
pub fn save_team(team_dir: &Path, team: &Team) -> io::Result<()> {
    write_ron(&team_dir.join("team.ron"), team)
}

/// Saves one case file.
pub fn save_case(team_dir: &Path, case: &Case) -> io::Result<()> {
    write_ron(&case_path(team_dir, &case.code), case)
}

/// Saves one meeting file.
pub fn save_meeting(team_dir: &Path, meeting: &Meeting) -> io::Result<()> {
    write_ron(&meeting_path(team_dir, meeting.date), meeting)
}

fn write_ron<T: Serialize>(path: &Path, value: &T) -> io::Result<()> {
    let text = to_ron(value).map_err(io::Error::other)?;
    write_atomic(path, text.as_bytes())
}

/// What loading a folder produced: everything that loaded, and every problem found.
#[derive(Debug, Default)]
pub struct LoadOutcome {
    pub workspace: Workspace,
    /// Problems as `path:line:column: message` lines (STUB: becomes a typed list).
    pub problems: Vec<String>,
}

/// Loads a team folder or a municipality folder (STUB: no located semantic checks yet).
pub fn load_workspace(dir: &Path) -> LoadOutcome {
    let mut out = LoadOutcome::default();
    let team_dirs: Vec<PathBuf> = if dir.join("team.ron").exists() {
        vec![dir.to_path_buf()]
    } else {
        let mut v: Vec<PathBuf> = fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.join("team.ron").exists())
            .collect();
        v.sort();
        v
    };
    for team_dir in team_dirs {
        let Some(team) = read::<Team>(&team_dir.join("team.ron"), &mut out.problems) else {
            continue;
        };
        let mut cases: Vec<Case> = ron_files(&team_dir.join("cases"))
            .iter()
            .filter_map(|p| read(p, &mut out.problems))
            .collect();
        cases.sort_by(|a, b| a.code.cmp(&b.code));
        let mut meetings: Vec<Meeting> = ron_files(&team_dir.join("meetings"))
            .iter()
            .filter_map(|p| read(p, &mut out.problems))
            .collect();
        meetings.sort_by_key(|m| m.date);
        out.workspace.teams.push(TeamData {
            dir: team_dir,
            team,
            cases,
            meetings,
        });
    }
    out
}

fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    v.sort();
    v
}

fn read<T: DeserializeOwned>(path: &Path, problems: &mut Vec<String>) -> Option<T> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            problems.push(format!("{}:1:1: {e}", path.display()));
            return None;
        }
    };
    match from_ron(&text) {
        Ok(v) => Some(v),
        Err(e) => {
            problems.push(format!("{}:{}", path.display(), e));
            None
        }
    }
}
pub mod guard;
pub mod lock;
