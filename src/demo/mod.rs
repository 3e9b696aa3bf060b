//! A realistic, deterministic, fictional municipality for trying the app and for benchmarks.
//!
//! [`generate`] builds a synthetic municipality of any size from a seed; [`shipped_demo`] builds
//! the hand-tuned story shipped in `data/`; [`write_workspace`] writes either to disk through
//! the storage layer. Every name is made up and no text holds a run of nine digits.

mod cases;
mod discussion;
mod meetings;
mod names;
mod story;
mod teams;
mod texts;
mod week;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use crate::domain::{Case, TeamData, Workspace};
use crate::storage;

pub use story::{MAIN_TEAM, MUNICIPALITY, shipped_demo};

/// What to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSpec {
    /// Number of teams (at least 1 is used).
    pub teams: usize,
    /// Total number of cases, spread over the teams.
    pub cases: usize,
    pub seed: u64,
    /// The date the demo is built around: meetings before it, one after it.
    pub today: NaiveDate,
}

/// Errors while writing a demo.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot serialise {0}")]
    Serialise(String),
}

/// An independent random stream per purpose and team, so teams can be built in parallel.
fn rng_for(seed: u64, stream: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream);
    rng
}

/// Generates a synthetic municipality; the same spec always gives the same workspace.
pub fn generate(spec: &DemoSpec) -> Workspace {
    let n_teams = spec.teams.max(1);
    let team_list: Vec<_> = (0..n_teams)
        .map(|i| {
            let mut rng = rng_for(spec.seed, 1 + i as u64);
            teams::generate_team(&mut rng, i, spec.today)
        })
        .collect();
    let per_team: Vec<usize> = (0..n_teams)
        .map(|i| spec.cases / n_teams + usize::from(i < spec.cases % n_teams))
        .collect();
    let mut case_lists: Vec<Vec<Case>> = team_list
        .par_iter()
        .enumerate()
        .map(|(i, team)| {
            let mut rng = rng_for(spec.seed, 100_000 + i as u64);
            (0..per_team[i])
                .map(|_| cases::generate_case(&mut rng, String::new(), &team.members, spec.today))
                .collect()
        })
        .collect();
    assign_codes(&mut case_lists);
    let teams: Vec<TeamData> = team_list
        .into_par_iter()
        .zip(case_lists.into_par_iter())
        .enumerate()
        .map(|(i, (team, mut cases))| {
            let mut rng = rng_for(spec.seed, 200_000 + i as u64);
            let mut counters = meetings::Counters {
                decision: 10 + (i as u32 % 20),
                action: 20 + (i as u32 % 30),
            };
            let meetings = meetings::generate_meetings(
                &mut rng,
                &team,
                &mut cases,
                spec.today,
                3,
                &mut counters,
            );
            TeamData {
                dir: PathBuf::from(format!("wijkteam-{}", team.id)),
                team,
                cases,
                meetings,
            }
        })
        .collect();
    Workspace {
        municipality: Some(MUNICIPALITY.to_string()),
        teams,
    }
}

/// Gives every case a municipality-wide unique code `YYYY-NNNN`, numbered per registration
/// year in registration order. A year holds at most 9999 codes; in a very large synthetic
/// municipality the overflow takes free numbers of earlier years. Each team's cases end up
/// sorted by code.
fn assign_codes(lists: &mut [Vec<Case>]) {
    const PER_YEAR: usize = 9999;
    let mut next: BTreeMap<i32, usize> = BTreeMap::new();
    for list in lists.iter_mut() {
        list.sort_by_key(|c| c.registered);
        for c in list.iter_mut() {
            let mut year = c.registered.year();
            while next.get(&year).is_some_and(|&n| n >= PER_YEAR) {
                year -= 1;
            }
            let n = next.entry(year).or_insert(0);
            *n += 1;
            c.code = format!("{year}-{:04}", *n);
        }
        list.sort_by(|a, b| a.code.cmp(&b.code));
    }
}

/// The folder of a team under `out`.
fn team_dir(out: &Path, team: &TeamData) -> PathBuf {
    if team.dir.is_absolute() {
        out.join(team.dir.file_name().unwrap_or(team.dir.as_os_str()))
    } else {
        out.join(&team.dir)
    }
}

/// Writes a workspace as a municipality folder: `gemeente.ron` and one folder per team with
/// `team.ron`, `cases/`, `meetings/` and an empty `minutes/`. Every file is written atomically.
pub fn write_workspace(ws: &Workspace, out: &Path) -> Result<(), DemoError> {
    write_workspace_progress(ws, out, &|| {})
}

/// [`write_workspace`], calling `on_file` after each case or meeting file (for a progress
/// bar; it is called from several threads).
pub fn write_workspace_progress(
    ws: &Workspace,
    out: &Path,
    on_file: &(dyn Fn() + Sync),
) -> Result<(), DemoError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source: std::io::Error| DemoError::Io { path, source }
    };
    let saved = |path: &Path| {
        let path = path.to_path_buf();
        move |e: storage::SaveError| DemoError::Io {
            path,
            source: e.into(),
        }
    };
    std::fs::create_dir_all(out).map_err(io(out))?;
    if let Some(name) = &ws.municipality {
        let municipality = crate::domain::Municipality {
            version: crate::domain::FORMAT_VERSION,
            name: name.clone(),
        };
        storage::save_municipality(out, &municipality)
            .map_err(saved(&out.join(storage::MUNICIPALITY_FILE)))?;
    }
    for team in &ws.teams {
        let dir = team_dir(out, team);
        for sub in ["cases", "meetings", "minutes"] {
            let p = dir.join(sub);
            std::fs::create_dir_all(&p).map_err(io(&p))?;
        }
        storage::save_team(&dir, &team.team).map_err(saved(&dir.join(storage::TEAM_FILE)))?;
        team.cases.par_iter().try_for_each(|c| {
            storage::save_case(&dir, c).map_err(saved(&storage::case_path(&dir, &c.code)))?;
            on_file();
            Ok(())
        })?;
        team.meetings.par_iter().try_for_each(|m| {
            storage::save_meeting(&dir, m).map_err(saved(&storage::meeting_path(&dir, m.date)))?;
            on_file();
            Ok(())
        })?;
    }
    Ok(())
}

/// Is `dir` missing or an empty folder?
pub fn is_empty_dir(dir: &Path) -> bool {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => entries.next().is_none(),
        Err(_) => !dir.exists(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_stay_four_digits_and_unique_when_a_year_overflows() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let mut rng = rng_for(1, 1);
        let team = teams::generate_team(&mut rng, 0, today);
        let mut case = cases::generate_case(&mut rng, String::new(), &team.members, today);
        case.registered = today;
        let mut lists = vec![vec![case.clone(); 6000], vec![case; 6000]];
        assign_codes(&mut lists);
        let codes: std::collections::BTreeSet<&str> =
            lists.iter().flatten().map(|c| c.code.as_str()).collect();
        assert_eq!(codes.len(), 12_000);
        assert!(
            codes
                .iter()
                .all(|c| c.len() == 9 && c.as_bytes()[4] == b'-')
        );
        assert!(codes.contains("2026-9999"));
        assert!(codes.contains("2025-2001"));
        assert!(!codes.contains("2025-2002"));
    }
}
