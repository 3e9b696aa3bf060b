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

/// The index of every team under `data` with the number of teams and cases, when each
/// team's persisted part is there and current.
pub fn open(data: &Path) -> Option<(SearchIndex, usize, usize)> {
    if !cache_enabled() {
        return None;
    }
    let (dirs, municipality) = team_folders(data)?;
    if dirs.is_empty() {
        return None;
    }
    let parts: Option<Vec<TeamPart>> = dirs
        .par_iter()
        .map(|d| {
            let key = folder_key(d, municipality.as_deref())?;
            TeamPart::decode(&read_index(d, &key)?)
        })
        .collect();
    let parts = parts?;
    let cases = parts.iter().map(|p| p.cases).sum();
    Some((SearchIndex::from_parts(parts), dirs.len(), cases))
}

/// The keys of the team folders under `data` before a load: a team's index is written only
/// when its key is the same after the load (nothing changed while it was read).
pub fn keys_before(data: &Path) -> Vec<(PathBuf, Option<[u8; 32]>)> {
    let Some((dirs, municipality)) = team_folders(data).filter(|_| cache_enabled()) else {
        return Vec::new();
    };
    dirs.into_par_iter()
        .map(|d| {
            let key = folder_key(&d, municipality.as_deref());
            (d, key)
        })
        .collect()
}

/// After a load of `data` that found no problem: keeps each team's part of the index, for
/// the teams whose folders did not change during the load.
pub fn store(data: &Path, ws: &Workspace, before: &[(PathBuf, Option<[u8; 32]>)]) {
    let Some((dirs, municipality)) = team_folders(data) else {
        return;
    };
    if dirs.len() != ws.teams.len() || before.len() != dirs.len() {
        return;
    }
    dirs.par_iter()
        .zip(&ws.teams)
        .zip(before)
        .for_each(|((dir, td), (was_dir, was))| {
            if td.dir != *dir || was_dir != dir {
                return;
            }
            let Some(key) = folder_key(dir, municipality.as_deref()) else {
                return;
            };
            if *was != Some(key) || read_index(dir, &key).is_some() {
                return;
            }
            if let Some(body) = SearchIndex::team_part(td).encode() {
                write_index(dir, &key, &body);
            }
        });
}
