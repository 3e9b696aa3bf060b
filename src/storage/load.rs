//! Loading a team folder or a municipality folder in one parallel pass that collects every
//! problem in every file. Loading never writes.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::domain::{Case, FORMAT_VERSION, Meeting, Municipality, Team, TeamData, Workspace};

use super::cache::{CacheAt, CacheUse, Clean, Stamp, TeamCache, Trust, Verdict};
use super::guard::Fingerprint;
use super::locate::{Anchor, resolve_all};
use super::problem::{Problem, ProblemKind};
use super::read::{load_file, load_file_fp, parse_text, read_fingerprinted, read_text};
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
    /// The fingerprint of the bytes every loaded `team.ron`, case and meeting file was
    /// parsed from: what [`crate::storage::guard::Seen`] must remember, so that a save
    /// notices any change made after this load (taken from the bytes read, not by reading the
    /// file again later).
    pub fingerprints: Vec<(PathBuf, Fingerprint)>,
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
    load(
        dir,
        Some(CacheUse {
            at: CacheAt::Root(cache_root),
            trust: Trust::Content,
        }),
    )
}

/// [`load_workspace_cached`] for a read-only lookup: a case file whose full stamp (size,
/// modification time, inode, change time) matches the cache is not read (see
/// [`super::cache`]). For tests and benchmarks; the program uses [`load_workspace_lookup`].
pub fn load_workspace_cached_lookup(dir: &Path, cache_root: &Path) -> LoadOutcome {
    load(
        dir,
        Some(CacheUse {
            at: CacheAt::Root(cache_root),
            trust: Trust::Stamp,
        }),
    )
}

/// [`load_workspace`] with the parse cache in each team folder (the hidden file
/// `.overleg-cache`), or uncached when `OVERLEG_NO_CACHE` is set. Removes caches that older
/// versions left in the user's cache folder. Every case file is read and compared with the
/// cache (for the importer's plan); lookups and the interface use [`load_workspace_lookup`],
/// and `overleg check` always parses every file.
pub fn load_workspace_quick(dir: &Path) -> LoadOutcome {
    load_in_folder(dir, Trust::Content)
}

/// [`load_workspace_quick`] trusting a full stamp: a case file whose size, modification time,
/// inode and change time match the cache is taken from it without being read (see
/// [`super::cache`] for why a save that follows is still safe). For `zoek`, `caseload`, the
/// lists and the interface.
pub fn load_workspace_lookup(dir: &Path) -> LoadOutcome {
    load_in_folder(dir, Trust::Stamp)
}

fn load_in_folder(dir: &Path, trust: Trust) -> LoadOutcome {
    super::cache::remove_stale_user_caches();
    let cache = super::cache::cache_enabled().then_some(CacheUse {
        at: CacheAt::TeamFolder,
        trust,
    });
    load(dir, cache)
}

fn load(dir: &Path, cache: Option<CacheUse<'_>>) -> LoadOutcome {
    let mut problems = Vec::new();
    if !dir.is_dir() {
        problems.push(Problem::at_start(dir, ProblemKind::DataDirMissing));
        return LoadOutcome {
            workspace: Workspace::default(),
            problems,
            fingerprints: Vec::new(),
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

    let mut loaded: Vec<Loaded3> = team_dirs
        .into_par_iter()
        .map(|d| load_team(d, cache))
        .collect();

    let mut findings: Vec<Finding> = Vec::new();
    check_across_teams(&loaded, &mut findings);
    let mut fingerprints = Vec::new();
    for (files, p, f) in &mut loaded {
        problems.append(p);
        findings.append(f);
        fingerprints.append(&mut files.fingerprints);
    }
    problems.extend(locate(findings));
    problems.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));

    let teams: Vec<TeamData> = loaded
        .into_iter()
        .filter_map(|(files, _, _)| {
            let files = files.files;
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
        fingerprints,
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

/// The team folder of the team `id` in a municipality folder, found by reading only the
/// subfolders' `team.ron` files (not their cases): for the interface, which shows the chosen
/// team first and loads the others after. `None` when `dir` is itself a team folder, or no
/// readable `team.ron` names `id` (the full load then says what is wrong).
pub fn team_folder_of(dir: &Path, id: &str) -> Option<PathBuf> {
    if dir.join(TEAM_FILE).is_file() {
        return None;
    }
    // Parsed only where the id occurs as a string at all (a 40-team municipality need not
    // parse 20 team files to find one).
    let quoted = format!("\"{id}\"");
    subfolders_with_team(dir).into_iter().find(|d| {
        let file = d.join(TEAM_FILE);
        fs::read_to_string(&file).is_ok_and(|t| t.contains(&quoted))
            && load_file::<Team>(&file).is_ok_and(|t| t.id == id && t.version == FORMAT_VERSION)
    })
}

/// The team folders a load of `dir` reads, in the order of [`Workspace::teams`], and the
/// municipality file it reads, if any (for the persisted search index, which must describe
/// exactly what a load would find). `None` when `dir` is no folder.
pub fn team_folders(dir: &Path) -> Option<(Vec<PathBuf>, Option<PathBuf>)> {
    if !dir.is_dir() {
        return None;
    }
    if dir.join(TEAM_FILE).is_file() {
        return Some((vec![dir.to_path_buf()], None));
    }
    let file = dir.join(MUNICIPALITY_FILE);
    Some((subfolders_with_team(dir), file.is_file().then_some(file)))
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

/// [`ron_files`] with each file's stamp, read relative to the open folder (fstatat) rather
/// than by walking each file's whole path again: for a cached load, where the stamps of
/// 50,000 files are most of the work.
fn ron_files_stamped(dir: &Path) -> Vec<(PathBuf, Option<Stamp>)> {
    let mut v: Vec<(PathBuf, Option<Stamp>)> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let p = e.path();
            is_data_file(&p).then(|| (p, e.metadata().ok().and_then(|m| Stamp::of(&m))))
        })
        .collect();
    // One folder: by name, as a path sort would, without comparing every component.
    v.sort_by(|a, b| a.0.file_name().cmp(&b.0.file_name()));
    v
}

/// A `*.ron` file a load reads (not a conflict or sync copy).
fn is_data_file(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "ron") && !is_copy(p)
}

/// `*.ron` files in a folder, sorted; a missing folder is simply empty.
fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| is_data_file(p))
        .collect();
    v.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    v
}

/// Is this `*.ron` path a conflict copy (reported, never loaded as data)?
fn is_copy(path: &Path) -> bool {
    let (Some(name), Some(dir)) = (path.file_name().and_then(|n| n.to_str()), path.parent()) else {
        return false;
    };
    super::conflicts::is_conflict_copy(name, dir)
}

/// The files of one team folder with the fingerprints of what was parsed.
struct Fingerprinted {
    files: TeamFiles,
    fingerprints: Vec<(PathBuf, Fingerprint)>,
}

type Loaded3 = (Fingerprinted, Vec<Problem>, Vec<Finding>);

/// Problems about the folder as a whole: an unfinished change set, conflict copies.
fn folder_problems(dir: &Path) -> Vec<Problem> {
    let mut out = Vec::new();
    let intent = super::changeset::intent_path(dir);
    if fs::symlink_metadata(&intent).is_ok() {
        let parts = super::changeset::pending(dir)
            .ok()
            .flatten()
            .map_or(0, |c| c.parts.len());
        out.push(Problem::at_start(
            &intent,
            ProblemKind::UnfinishedChange { parts },
        ));
    }
    for copy in super::conflicts::find_conflict_copies(dir) {
        out.push(Problem::at_start(
            &copy.path,
            ProblemKind::ConflictCopy {
                original: copy.original,
            },
        ));
    }
    out
}

/// Loads and checks one team folder: its files in parallel, then the per-team checks.
fn load_team(dir: PathBuf, cache: Option<CacheUse<'_>>) -> Loaded3 {
    let team_path = dir.join(TEAM_FILE);
    let meeting_paths = ron_files(&dir.join("meetings"));
    let ((team, (cases, cached)), meetings) = rayon::join(
        || {
            rayon::join(
                || load_file_fp::<Team>(&team_path),
                || load_cases(&dir, cache),
            )
        },
        || load_all::<Meeting>(meeting_paths),
    );
    let mut problems = folder_problems(&dir);
    let mut fingerprints = Vec::with_capacity(cases.len() + meetings.len() + 1);
    let team = match team {
        Ok((t, fp)) => {
            fingerprints.push((team_path.clone(), fp));
            let sharing = if t.shared_folder {
                super::perm::Sharing::Group
            } else {
                super::perm::Sharing::Private
            };
            super::perm::register_team(&dir, sharing);
            Some(t)
        }
        Err(p) => {
            problems.push(p);
            None
        }
    };
    let mut files = TeamFiles {
        dir,
        team,
        cases: Vec::with_capacity(cases.len()),
        meetings: Vec::with_capacity(meetings.len()),
        broken_case_stems: Vec::new(),
    };
    for (path, result) in cases {
        match result {
            Ok((case, fp)) => {
                fingerprints.push((path.clone(), fp));
                files.cases.push((path, case));
            }
            Err(p) => {
                files.broken_case_stems.push(stem(&path));
                problems.push(p);
            }
        }
    }
    for (path, result) in meetings {
        match result {
            Ok((meeting, fp)) => {
                fingerprints.push((path.clone(), fp));
                files.meetings.push((path, meeting));
            }
            Err(p) => problems.push(p),
        }
    }
    // Only a cache that will be written needs the maps (most warm loads write nothing).
    if let Some((cache, entries)) = cached
        && cache.is_stale()
    {
        let stamps: HashMap<&str, Option<Stamp>> = entries
            .iter()
            .filter_map(|(p, s)| Some((p.file_name()?.to_str()?, *s)))
            .collect();
        let fps: HashMap<&Path, Fingerprint> = fingerprints
            .iter()
            .map(|(p, f)| (p.as_path(), *f))
            .collect();
        let clean = files.cases.iter().filter_map(|(path, case)| {
            let name = path.file_name()?.to_str()?;
            Some(Clean {
                name,
                stamp: (*stamps.get(name)?)?,
                fingerprint: *fps.get(path.as_path())?,
                case,
            })
        });
        cache.store(clean);
    }
    let findings = check_team_files(&mut files, &team_path);
    (
        Fingerprinted {
            files,
            fingerprints,
        },
        problems,
        findings,
    )
}

type Loaded<T> = Vec<(PathBuf, Result<(T, Fingerprint), Problem>)>;
/// What one case file gave in a cached load.
enum CaseRead {
    /// The cache supplies it, with the fingerprint of the bytes it was parsed from; `true`
    /// when its entry could now be trusted without reading (write the cache again).
    Hit(Fingerprint, bool),
    /// Read and parsed (or failed); boxed, as most files of a warm load are hits.
    Read(Box<Result<(Case, Fingerprint), Problem>>),
}
/// The team's parse cache and the stamps of its case files, when loading with a cache.
type Cached = Option<(TeamCache, Vec<(PathBuf, Option<Stamp>)>)>;

/// Loads the case files of a team, in parallel. With [`Trust::Content`] every file is still
/// read and its content compared, and only the parsing of an unchanged file is skipped; with
/// [`Trust::Stamp`] a file whose full stamp matches is not read at all.
fn load_cases(dir: &Path, cache: Option<CacheUse<'_>>) -> (Loaded<Case>, Cached) {
    let cases_dir = dir.join("cases");
    let Some(CacheUse { at, trust }) = cache else {
        return (load_all::<Case>(ron_files(&cases_dir)), None);
    };
    let mut cache = TeamCache::open(at, dir);
    let entries = ron_files_stamped(&cases_dir);
    let shared = &cache;
    let out: Vec<CaseRead> = entries
        .par_iter()
        .map(|(path, stamp)| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if trust == Trust::Stamp
                && let Some(fp) = shared.trusted(name, *stamp)
            {
                return CaseRead::Hit(fp, false);
            }
            let (text, fp) = match read_fingerprinted(path) {
                Ok(r) => r,
                Err(p) => return CaseRead::Read(Box::new(Err(p))),
            };
            match shared.matches(name, *stamp, fp) {
                Verdict::Hit => return CaseRead::Hit(fp, false),
                Verdict::HitToTrust => return CaseRead::Hit(fp, true),
                Verdict::Miss => {}
            }
            CaseRead::Read(Box::new(parse_text::<Case>(path, &text).map(|c| (c, fp))))
        })
        .collect();
    let hits = out
        .iter()
        .filter(|r| matches!(r, CaseRead::Hit(..)))
        .count();
    cache.hits(hits, out.len());
    if out.iter().any(|r| matches!(r, CaseRead::Hit(_, true))) {
        cache.refresh();
    }
    let mut loaded = Vec::with_capacity(out.len());
    for ((path, _), read) in entries.iter().zip(out) {
        let result = match read {
            CaseRead::Read(r) => *r,
            CaseRead::Hit(fp, _) => {
                let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
                match cache.take(name) {
                    Some(case) => Ok((case, fp)),
                    // Not reachable (a hit has an entry); parse it rather than lose it.
                    None => load_file_fp::<Case>(path),
                }
            }
        };
        loaded.push((path.clone(), result));
    }
    (loaded, Some((cache, entries)))
}

fn load_all<T: serde::de::DeserializeOwned + Send>(paths: Vec<PathBuf>) -> Loaded<T> {
    paths
        .into_par_iter()
        .map(|p| {
            let r = load_file_fp::<T>(&p);
            (p, r)
        })
        .collect()
}

/// Checks that need all teams: unique team ids and case codes unique in the municipality.
fn check_across_teams(loaded: &[Loaded3], out: &mut Vec<Finding>) {
    if loaded.len() < 2 {
        return;
    }
    let mut ids: HashMap<&str, &Path> = HashMap::new();
    let mut codes: HashMap<&str, &Path> = HashMap::new();
    for (files, _, _) in loaded {
        let files = &files.files;
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
