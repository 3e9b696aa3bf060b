//! Loading a team folder or a municipality folder in one parallel pass that collects every
//! problem in every file. Loading never writes.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::domain::{Case, FORMAT_VERSION, Meeting, Municipality, Team, TeamData, Workspace};

use super::cache::{CacheAt, Stamp, TeamCache};
use super::locate::{Anchor, resolve_all};
use super::problem::{Problem, ProblemKind};
use super::read::{load_file, read_text};
use super::validate::{Finding, TeamFiles, check_team_files, stem};

/// File name of a team's own file.
pub const TEAM_FILE: &str = "team.ron";
/// File name of the optional municipality file.
pub const MUNICIPALITY_FILE: &str = "gemeente.ron";

/// What loading a folder produced: everything that loaded, and every problem found.
#[derive(Debug, Default)]
pub struct LoadOutcome {
    pub workspace: Workspace,
    /// Every problem, sorted by path, line and column.
    pub problems: Vec<Problem>,
}

impl LoadOutcome {
    /// No problems at all.
    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Loads a team folder (it holds `team.ron`) or a municipality folder (its subfolders hold
/// one). A file that fails is reported and left alone; everything else still loads. A team
/// whose `team.ron` fails is left out, but its cases and meetings are still checked.
pub fn load_workspace(dir: &Path) -> LoadOutcome {
    load(dir, None)
}

/// Like [`load_workspace`], but unchanged case files that parsed cleanly before come from a
/// parse cache kept in `cache_root` (see [`super::cache`]) instead of being parsed again. The
/// outcome is the same; the only write is the cache itself, never the data. For tests and
/// benchmarks: the program keeps its cache in the team folder ([`load_workspace_quick`]).
pub fn load_workspace_cached(dir: &Path, cache_root: &Path) -> LoadOutcome {
    load(dir, Some(CacheAt::Root(cache_root)))
}

/// [`load_workspace`] with the parse cache in each team folder (the hidden file
/// `.overleg-cache`), or uncached when `OVERLEG_NO_CACHE` is set. Removes caches that older
/// versions left in the user's cache folder. For lookups and the interface; `overleg check`
/// always parses every file.
pub fn load_workspace_quick(dir: &Path) -> LoadOutcome {
    super::cache::remove_stale_user_caches();
    let at = super::cache::cache_enabled().then_some(CacheAt::TeamFolder);
    load(dir, at)
}

fn load(dir: &Path, cache: Option<CacheAt<'_>>) -> LoadOutcome {
    let mut problems = Vec::new();
    if !dir.is_dir() {
        problems.push(Problem::at_start(dir, ProblemKind::DataDirMissing));
        return LoadOutcome {
            workspace: Workspace::default(),
            problems,
        };
    }
    let is_team = dir.join(TEAM_FILE).is_file();
    let mut municipality = None;
    let team_dirs = if is_team {
        vec![dir.to_path_buf()]
    } else {
        let file = dir.join(MUNICIPALITY_FILE);
        if file.is_file() {
            match load_file::<Municipality>(&file) {
                Ok(m) => {
                    if m.version != FORMAT_VERSION {
                        problems.push(version_problem(&file, m.version));
                    }
                    municipality = Some(m.name);
                }
                Err(p) => problems.push(p),
            }
        }
        subfolders_with_team(dir)
    };
    if team_dirs.is_empty() {
        problems.push(Problem::at_start(dir, ProblemKind::NoTeams));
    }

    let mut loaded: Vec<(TeamFiles, Vec<Problem>, Vec<Finding>)> = team_dirs
        .into_par_iter()
        .map(|d| load_team(d, cache))
        .collect();

    let mut findings: Vec<Finding> = Vec::new();
    check_across_teams(&loaded, &mut findings);
    for (_, p, f) in &mut loaded {
        problems.append(p);
        findings.append(f);
    }
    problems.extend(locate(findings));
    problems.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));

    let teams: Vec<TeamData> = loaded
        .into_iter()
        .filter_map(|(files, _, _)| {
            let team = files.team?;
            Some(TeamData {
                dir: files.dir,
                team,
                cases: files.cases.into_iter().map(|(_, c)| c).collect(),
                meetings: files.meetings.into_iter().map(|(_, m)| m).collect(),
            })
        })
        .collect();
    if municipality.is_none() && !is_team {
        municipality = common_municipality(&teams);
    }
    LoadOutcome {
        workspace: Workspace {
            municipality,
            teams,
        },
        problems,
    }
}

fn version_problem(path: &Path, found: u32) -> Problem {
    let kind = ProblemKind::UnsupportedVersion {
        found,
        supported: FORMAT_VERSION,
    };
    let finding = Finding {
        path: path.to_path_buf(),
        anchor: Anchor::TopField("version"),
        kind: kind.clone(),
    };
    locate(vec![finding])
        .pop()
        .unwrap_or_else(|| Problem::at_start(path, kind))
}

/// The municipality all teams name, if they agree and name one.
fn common_municipality(teams: &[TeamData]) -> Option<String> {
    let first = teams.first()?.team.municipality.clone();
    (!first.is_empty() && teams.iter().all(|t| t.team.municipality == first)).then_some(first)
}

/// Subfolders holding a `team.ron`, sorted by name.
fn subfolders_with_team(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join(TEAM_FILE).is_file())
        .collect();
    v.sort();
    v
}

/// `*.ron` files in a folder, sorted; a missing folder is simply empty.
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

/// Loads and checks one team folder: its files in parallel, then the per-team checks.
fn load_team(dir: PathBuf, cache: Option<CacheAt<'_>>) -> (TeamFiles, Vec<Problem>, Vec<Finding>) {
    let team_path = dir.join(TEAM_FILE);
    let meeting_paths = ron_files(&dir.join("meetings"));
    let ((team, (cases, cached)), meetings) = rayon::join(
        || rayon::join(|| load_file::<Team>(&team_path), || load_cases(&dir, cache)),
        || load_all::<Meeting>(meeting_paths),
    );
    let mut problems = Vec::new();
    let team = team.map_err(|p| problems.push(p)).ok();
    let mut files = TeamFiles {
        dir,
        team,
        cases: Vec::with_capacity(cases.len()),
        meetings: Vec::with_capacity(meetings.len()),
        broken_case_stems: Vec::new(),
    };
    for (path, result) in cases {
        match result {
            Ok(case) => files.cases.push((path, case)),
            Err(p) => {
                files.broken_case_stems.push(stem(&path));
                problems.push(p);
            }
        }
    }
    for (path, result) in meetings {
        match result {
            Ok(meeting) => files.meetings.push((path, meeting)),
            Err(p) => problems.push(p),
        }
    }
    if let Some((cache, stamps)) = cached {
        let clean = files.cases.iter().filter_map(|(path, case)| {
            let name = path.file_name()?.to_str()?;
            Some((name, (*stamps.get(name)?)?, case))
        });
        cache.store(clean);
    }
    let findings = check_team_files(&mut files, &team_path);
    (files, problems, findings)
}

type Loaded<T> = Vec<(PathBuf, Result<T, Problem>)>;
/// The team's parse cache and the stamps of its case files, when loading with a cache.
type Cached = Option<(TeamCache, HashMap<String, Option<Stamp>>)>;

/// Loads the case files of a team: from the parse cache where a file is unchanged, else
/// read and parsed in parallel.
fn load_cases(dir: &Path, cache: Option<CacheAt<'_>>) -> (Loaded<Case>, Cached) {
    let cases_dir = dir.join("cases");
    let Some(root) = cache else {
        return (load_all::<Case>(ron_files(&cases_dir)), None);
    };
    let mut cache = TeamCache::open(root, dir);
    let mut stamps: HashMap<String, Option<Stamp>> = HashMap::new();
    let mut out: Loaded<Case> = Vec::new();
    let mut misses: Vec<PathBuf> = Vec::new();
    let mut entries: Vec<(PathBuf, Option<Stamp>)> = fs::read_dir(&cases_dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "ron"))
        .map(|e| (e.path(), e.metadata().ok().and_then(|m| Stamp::of(&m))))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, stamp) in entries {
        let Some(name) = path
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string)
        else {
            misses.push(path);
            continue;
        };
        match cache.take(&name, stamp) {
            Some(case) => out.push((path, Ok(case))),
            None => {
                cache.missed();
                misses.push(path);
            }
        }
        stamps.insert(name, stamp);
    }
    out.extend(load_all::<Case>(misses));
    (out, Some((cache, stamps)))
}

fn load_all<T: serde::de::DeserializeOwned + Send>(paths: Vec<PathBuf>) -> Loaded<T> {
    paths
        .into_par_iter()
        .map(|p| {
            let r = load_file::<T>(&p);
            (p, r)
        })
        .collect()
}

/// Checks that need all teams: unique team ids and case codes unique in the municipality.
fn check_across_teams(loaded: &[(TeamFiles, Vec<Problem>, Vec<Finding>)], out: &mut Vec<Finding>) {
    if loaded.len() < 2 {
        return;
    }
    let mut ids: HashMap<&str, &Path> = HashMap::new();
    let mut codes: HashMap<&str, &Path> = HashMap::new();
    for (files, _, _) in loaded {
        if let Some(team) = &files.team {
            let team_path = files.dir.join(TEAM_FILE);
            if let Some(other) = ids.get(team.id.as_str()) {
                out.push(Finding {
                    path: team_path,
                    anchor: Anchor::TopField("id"),
                    kind: ProblemKind::DuplicateTeamId {
                        id: team.id.clone(),
                        other: other.to_path_buf(),
                    },
                });
            } else {
                ids.insert(team.id.as_str(), files.dir.as_path());
            }
        }
        // Within a team duplicates were already dropped; here only other teams count.
        let mut mine: Vec<(&str, &Path)> = Vec::new();
        for (path, case) in &files.cases {
            match codes.get(case.code.as_str()) {
                Some(other) => out.push(Finding {
                    path: path.clone(),
                    anchor: Anchor::TopField("code"),
                    kind: ProblemKind::DuplicateCaseCode {
                        code: case.code.clone(),
                        other: other.to_path_buf(),
                    },
                }),
                None => mine.push((case.code.as_str(), path.as_path())),
            }
        }
        codes.extend(mine);
    }
}

/// Turns findings into located problems: each affected file is read once more and the
/// values are looked up in its text (in parallel over files).
fn locate(findings: Vec<Finding>) -> Vec<Problem> {
    let mut by_file: BTreeMap<PathBuf, Vec<Finding>> = BTreeMap::new();
    for f in findings {
        by_file.entry(f.path.clone()).or_default().push(f);
    }
    by_file
        .into_par_iter()
        .flat_map_iter(|(path, group)| {
            let positions = match read_text(&path) {
                Ok(text) => {
                    let anchors: Vec<&Anchor> = group.iter().map(|f| &f.anchor).collect();
                    resolve_all(&text, &anchors)
                }
                Err(_) => vec![(1, 1); group.len()],
            };
            group
                .into_iter()
                .zip(positions)
                .map(|(f, (line, column))| Problem::new(f.path, line, column, f.kind))
                .collect::<Vec<_>>()
        })
        .collect()
}
