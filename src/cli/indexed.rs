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
