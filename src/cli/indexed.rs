//! `overleg zoek` on the persisted search index (`storage::search_cache`): when every team
//! under `--data` has an index file that is current, the search needs no case decoded at all;
//! otherwise it loads as before and, after a load without any problem, keeps each team's part
//! for the next time.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::domain::Workspace;
use crate::search::{SearchIndex, TeamPart};
use crate::storage::search_cache::{folder_key, read_index, write_index};
use crate::storage::{cache_enabled, team_folders};

/// The team folders under `--data` with their keys as they were before anything was read
/// (`None`: that folder cannot be keyed now). Computed once per `zoek`: it is what opens the
/// index, and what a load must still match afterwards before its index is kept.
pub struct Keys {
    municipality: Option<PathBuf>,
    teams: Vec<(PathBuf, Option<[u8; 32]>)>,
}

impl Keys {
    /// The keys of every team folder under `data` (none with the cache turned off).
    pub fn of(data: &Path) -> Keys {
        let Some((dirs, municipality)) = team_folders(data).filter(|_| cache_enabled()) else {
            return Keys {
                municipality: None,
                teams: Vec::new(),
            };
        };
        let teams = dirs
            .into_par_iter()
            .map(|d| {
                let key = folder_key(&d, municipality.as_deref());
                (d, key)
            })
            .collect();
        Keys {
            municipality,
            teams,
        }
    }

    /// The index of every team with the number of teams and cases, when each team's
    /// persisted part is there and written for its key.
    pub fn open(&self) -> Option<(SearchIndex, usize, usize)> {
        if self.teams.is_empty() {
            return None;
        }
        let parts: Option<Vec<TeamPart>> = self
            .teams
            .par_iter()
            .map(|(dir, key)| TeamPart::decode(&read_index(dir, key.as_ref()?)?))
            .collect();
        let parts = parts?;
        let cases = parts.iter().map(|p| p.cases).sum();
        Some((SearchIndex::from_parts(parts), self.teams.len(), cases))
    }

    /// The first search on a folder without a current index, team by team: each team folder
    /// is loaded on its own, its part of the index taken (and kept, as [`Keys::store`] does)
    /// and its cases dropped before the next, so that memory holds the index and about one
    /// team per core instead of every case of the municipality. `None` — and the caller
    /// loads the whole folder as before, so every problem is reported exactly as then —
    /// when any team has a problem, a team id or case code occurs in two teams, or
    /// `gemeente.ron` does not load.
    pub fn build_team_by_team(&self) -> Option<(SearchIndex, usize, usize)> {
        if self.teams.is_empty() {
            return None;
        }
        if let Some(file) = &self.municipality {
            let m = crate::storage::load_municipality(file.parent()?)?;
            if m.version != crate::domain::FORMAT_VERSION {
                return None;
            }
        }
        let muni = self.municipality.as_deref();
        let loaded: Option<Vec<(TeamPart, String, Vec<String>)>> = self
            .teams
            .par_iter()
            .with_max_len(1)
            .map(|(dir, _)| {
                let outcome = crate::storage::load_workspace_lookup(dir);
                if !outcome.problems.is_empty() || outcome.workspace.teams.len() != 1 {
                    return None;
                }
                let td = &outcome.workspace.teams[0];
                let codes = td.cases.iter().map(|c| c.code.clone()).collect();
                Some((SearchIndex::team_part(td), td.team.id.clone(), codes))
            })
            .collect();
        let loaded = loaded?;
        let mut ids = std::collections::HashSet::new();
        let mut codes = std::collections::HashSet::new();
        for (_, id, cs) in &loaded {
            if !ids.insert(id.as_str()) {
                return None;
            }
            for c in cs {
                if !codes.insert(c.as_str()) {
                    return None;
                }
            }
        }
        // Only now, with no problem anywhere, is each part kept (for the teams whose folder
        // did not change meanwhile).
        loaded
            .par_iter()
            .zip(&self.teams)
            .for_each(|((part, _, _), (dir, before))| {
                if let Some(key) = before
                    && folder_key(dir, muni) == Some(*key)
                    && read_index(dir, key).is_none()
                    && let Some(body) = part.encode()
                {
                    write_index(dir, key, &body);
                }
            });
        let teams = loaded.len();
        let parts: Vec<TeamPart> = loaded.into_iter().map(|(p, _, _)| p).collect();
        let cases = parts.iter().map(|p| p.cases).sum();
        Some((SearchIndex::from_parts(parts), teams, cases))
    }

    /// After a load that found no problem: keeps each team's part of the index, for the
    /// teams whose folders did not change during the load (same key before and after).
    pub fn store(&self, ws: &Workspace) {
        if self.teams.len() != ws.teams.len() {
            return;
        }
        self.teams
            .par_iter()
            .zip(&ws.teams)
            .for_each(|((dir, before), td)| {
                if td.dir != *dir {
                    return;
                }
                let Some(key) = folder_key(dir, self.municipality.as_deref()) else {
                    return;
                };
                if *before != Some(key) || read_index(dir, &key).is_some() {
                    return;
                }
                if let Some(body) = SearchIndex::team_part(td).encode() {
                    write_index(dir, &key, &body);
                }
            });
    }
}
