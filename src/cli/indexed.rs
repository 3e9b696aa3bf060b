//! `overleg zoek` and `overleg caseload` on their derived files (`storage::derived`): when
//! every team under `--data` has a current search index (for `zoek`) or caseload facts (for
//! `caseload`), no case file is read and no case decoded in full; otherwise they load as
//! before and, after a load without any problem, keep each team's index and facts for the
//! next time (either command writes both).

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::caseload::facts::{TeamFacts, TeamView};
use crate::domain::{TeamData, Workspace};
use crate::search::{SearchIndex, TeamPart};
use crate::storage::derived::{Derived, distinct, folder_key, read_derived, write_derived};
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
            .map(|(dir, key)| {
                TeamPart::decode(&read_derived(Derived::SearchIndex, dir, key.as_ref()?)?)
            })
            .collect();
        let parts = parts?;
        if !distinct(parts.iter().map(|p| (&*p.id, &p.code_hashes[..]))) {
            return None;
        }
        let cases = parts.iter().map(|p| p.cases).sum();
        Some((SearchIndex::from_parts(parts), self.teams.len(), cases))
    }

    /// The caseload's facts of every team, when each team's are there, written for its key,
    /// and no team id or case code occurs in two teams (facts kept from loads of single
    /// teams could hide what a load of all of them reports).
    pub fn open_caseload(&self) -> Option<Vec<TeamView>> {
        if self.teams.is_empty() {
            return None;
        }
        let views: Option<Vec<TeamView>> = self
            .teams
            .par_iter()
            .map(|(dir, key)| {
                TeamFacts::decode(&read_derived(Derived::CaseloadFacts, dir, key.as_ref()?)?)
            })
            .collect();
        let views = views?;
        distinct(
            views
                .iter()
                .map(|v| (v.team.id.as_str(), &v.code_hashes[..])),
        )
        .then_some(views)
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
        // The caseload facts as bytes: encoded at once, so that memory does not hold every
        // team's facts as structures until the end (at 200,000 cases that doubled the peak).
        type Loaded = (TeamPart, Option<Vec<u8>>, String, Vec<String>);
        let loaded: Option<Vec<Loaded>> = self
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
                Some((
                    SearchIndex::team_part(td),
                    TeamFacts::of(td).and_then(|f| f.encode()),
                    td.team.id.clone(),
                    codes,
                ))
            })
            .collect();
        let loaded = loaded?;
        if !unique(
            loaded
                .iter()
                .map(|(_, _, id, cs)| (id.as_str(), cs.iter().map(String::as_str))),
        ) {
            return None;
        }
        // Only now, with no problem anywhere, is each part kept (for the teams whose folder
        // did not change meanwhile).
        loaded
            .par_iter()
            .zip(&self.teams)
            .for_each(|((part, facts, _, _), (dir, before))| {
                if let Some(key) = before
                    && folder_key(dir, muni) == Some(*key)
                {
                    keep(Derived::SearchIndex, dir, key, || part.encode());
                    keep(Derived::CaseloadFacts, dir, key, || facts.clone());
                }
            });
        let teams = loaded.len();
        let parts: Vec<TeamPart> = loaded.into_iter().map(|(p, _, _, _)| p).collect();
        let cases = parts.iter().map(|p| p.cases).sum();
        Some((SearchIndex::from_parts(parts), teams, cases))
    }

    /// After a load that found no problem: keeps each team's part of the index and its
    /// caseload facts, for the teams whose folders did not change during the load (same key
    /// before and after).
    pub fn store(&self, ws: &Workspace) {
        self.keep_loaded(ws, &self.unchanged());
    }

    /// [`Keys::store`], returning first the search index parts that were already kept for the
    /// folders that did not change during the load, with their folders (for the interface,
    /// which then builds only the other teams' parts from what it loaded). One listing of the
    /// folders after the load serves both.
    pub fn store_taking_parts(&self, ws: &Workspace) -> Vec<(PathBuf, TeamPart)> {
        let now = self.unchanged();
        let parts = self
            .teams
            .par_iter()
            .zip(&now)
            .filter_map(|((dir, _), key)| {
                let body = read_derived(Derived::SearchIndex, dir, key.as_ref()?)?;
                Some((dir.clone(), TeamPart::decode(&body)?))
            })
            .collect();
        self.keep_loaded(ws, &now);
        parts
    }

    /// Each folder's key if it is still the one from before (else `None`).
    fn unchanged(&self) -> Vec<Option<[u8; 32]>> {
        self.teams
            .par_iter()
            .map(|(dir, before)| {
                let before = (*before)?;
                (folder_key(dir, self.municipality.as_deref()) == Some(before)).then_some(before)
            })
            .collect()
    }

    /// Keeps the files of each loaded team whose folder has a key in `now`.
    fn keep_loaded(&self, ws: &Workspace, now: &[Option<[u8; 32]>]) {
        if self.teams.len() != ws.teams.len() {
            return;
        }
        self.teams
            .par_iter()
            .zip(now)
            .zip(&ws.teams)
            .for_each(|(((dir, _), key), td)| {
                if let Some(key) = key
                    && td.dir == *dir
                {
                    keep_both(dir, key, td);
                }
            });
    }
}

/// No team id and no case code occurs in two teams: the checks across teams a load makes,
/// which a team-by-team load must make itself (exactly, on the codes; opening kept files
/// checks their code hashes, `storage::derived::distinct`).
fn unique<'a, C: Iterator<Item = &'a str>>(teams: impl Iterator<Item = (&'a str, C)>) -> bool {
    let mut ids = std::collections::HashSet::new();
    let mut codes = std::collections::HashSet::new();
    for (id, mut cs) in teams {
        if !ids.insert(id) || !cs.all(|c| codes.insert(c)) {
            return false;
        }
    }
    true
}

/// Keeps the search index and the caseload facts of a loaded team for `key`.
fn keep_both(dir: &Path, key: &[u8; 32], td: &TeamData) {
    keep(Derived::SearchIndex, dir, key, || {
        SearchIndex::team_part(td).encode()
    });
    keep(Derived::CaseloadFacts, dir, key, || {
        TeamFacts::of(td)?.encode()
    });
}

/// Writes `kind` for `key` unless a current one is there already (made only then).
fn keep(kind: Derived, dir: &Path, key: &[u8; 32], body: impl FnOnce() -> Option<Vec<u8>>) {
    if read_derived(kind, dir, key).is_none()
        && let Some(body) = body()
    {
        write_derived(kind, dir, key, &body);
    }
}
