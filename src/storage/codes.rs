//! Case codes in use on disk, for numbering a new aanmelding (`domain::next_case_code`), and
//! writing a new case file without ever replacing one.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::domain::Case;

use super::save::{SaveError, case_path, save_case};

/// Every case code in use under the municipality folder: the stems of all `cases/*.ron` of
/// every team folder (also files that fail to load, and teams whose `team.ron` fails). A team
/// folder inside a municipality folder (one with `gemeente.ron`) counts its sibling teams too.
pub fn case_codes_in_use(data: &Path) -> BTreeSet<String> {
    let mut roots: Vec<PathBuf> = vec![data.to_path_buf()];
    let is_team = data.join(super::TEAM_FILE).is_file();
    if is_team
        && let Some(parent) = data.parent()
        && parent.join(super::MUNICIPALITY_FILE).is_file()
    {
        roots = vec![parent.to_path_buf()];
    }
    let mut out = BTreeSet::new();
    for root in roots {
        let mut team_dirs = vec![root.clone()];
        if let Ok(entries) = std::fs::read_dir(&root) {
            team_dirs.extend(entries.flatten().map(|e| e.path()).filter(|p| p.is_dir()));
        }
        for dir in team_dirs {
            let Ok(files) = std::fs::read_dir(dir.join("cases")) else {
                continue;
            };
            for f in files.flatten() {
                let p = f.path();
                if p.extension().is_some_and(|e| e == "ron")
                    && let Some(stem) = p.file_stem()
                {
                    out.insert(stem.to_string_lossy().into_owned());
                }
            }
        }
    }
    out
}

/// Writes a brand-new case file: refuses (`SaveError::Io` with `AlreadyExists`) when a file
/// with that code is already there, so a code given twice at the same moment never replaces a
/// household.
pub fn save_new_case(team_dir: &Path, case: &Case) -> Result<(), SaveError> {
    let path = case_path(team_dir, &case.code);
    if path.exists() {
        return Err(SaveError::Io(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!("{} bestaat al", path.display()),
        )));
    }
    save_case(team_dir, case)
}
