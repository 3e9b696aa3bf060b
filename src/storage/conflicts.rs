//! Conflict copies: overleg's own `<file>.conflict` (written when a save was refused because
//! the file changed outside overleg) and the copies sync tools make when two laptops changed
//! one file — Dropbox and Nextcloud `… (conflicted copy …).ron`, Syncthing
//! `….sync-conflict-….ron`, OneDrive `…-HOSTNAME.ron`, Google Drive and browsers `… (1).ron`,
//! and names like `….ron..path1`. None of them is data the loader reads; every one is
//! reported, because it may hold work that is nowhere else.

use std::fs;
use std::path::{Path, PathBuf};

/// One conflict copy found in a team folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictCopy {
    pub path: PathBuf,
    /// The file it is a copy of, when the name says so.
    pub original: Option<PathBuf>,
}

/// The sub folders of a team folder that hold data files.
const DATA_DIRS: [&str; 3] = ["", "cases", "meetings"];

/// Every conflict copy in a team folder (the folder itself, `cases/`, `meetings/`), sorted.
pub fn find_conflict_copies(team_dir: &Path) -> Vec<ConflictCopy> {
    let mut out: Vec<ConflictCopy> = DATA_DIRS
        .iter()
        .filter_map(|sub| fs::read_dir(team_dir.join(sub)).ok())
        .flat_map(|d| d.flatten())
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            let dir = e.path().parent()?.to_path_buf();
            let original = original_name(&name, &dir)?;
            Some(ConflictCopy {
                path: e.path(),
                original: original.map(|o| dir.join(o)),
            })
        })
        .collect();
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// The conflict copies of one file (`cases/2026-0001.ron` → `cases/2026-0001 (1).ron`, …).
pub fn copies_of(path: &Path) -> Vec<PathBuf> {
    let Some(dir) = path.parent() else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = find_in(dir)
        .into_iter()
        .filter(|c| c.original.as_deref() == Some(path))
        .map(|c| c.path)
        .collect();
    out.sort();
    out
}

fn find_in(dir: &Path) -> Vec<ConflictCopy> {
    fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            let original = original_name(&name, dir)?;
            Some(ConflictCopy {
                path: e.path(),
                original: original.map(|o| dir.join(o)),
            })
        })
        .collect()
}

/// Is a `*.ron` file name in `dir` a conflict copy rather than data? (The loader skips it.)
pub(crate) fn is_conflict_copy(name: &str, dir: &Path) -> bool {
    original_name(name, dir).is_some()
}

/// `Some(original)` when `name` is a conflict copy (`Some(None)`: a copy of an unknown file),
/// `None` when it is not one.
fn original_name(name: &str, dir: &Path) -> Option<Option<String>> {
    // `x.ron.conflict`, `x.ron..path1`: anything after a `.ron.` is not a data file.
    if let Some(at) = name.find(".ron.") {
        return Some(Some(name[..at + 4].to_string()));
    }
    let stem = name.strip_suffix(".ron")?;
    // Dropbox, Nextcloud: "x (conflicted copy 2026-03-17).ron", "x (Jan's conflicted copy …).ron"
    if let Some(at) = stem.find(" (") {
        let inner = &stem[at + 2..];
        if inner.contains("conflicted copy") || inner.contains("conflict") {
            return Some(Some(format!("{}.ron", &stem[..at])));
        }
        // Google Drive, browsers, OneDrive: "x (1).ron"
        if let Some(num) = inner.strip_suffix(')')
            && !num.is_empty()
            && num.chars().all(|c| c.is_ascii_digit())
        {
            return Some(Some(format!("{}.ron", &stem[..at])));
        }
    }
    // Syncthing: "x.sync-conflict-20260317-101010-ABCDEFG.ron"
    if let Some(at) = stem.find(".sync-conflict-") {
        return Some(Some(format!("{}.ron", &stem[..at])));
    }
    // OneDrive: "2026-03-17-LAPTOP.ron", "2026-0142-LAPTOP.ron": a data name plus "-HOST".
    let folder = dir.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let base_len = match folder {
        "meetings" => 10,
        "cases" => 9,
        _ => return None,
    };
    let base = stem.get(..base_len)?;
    let rest = stem.get(base_len..)?;
    let is_base = match folder {
        "meetings" => chrono::NaiveDate::parse_from_str(base, "%Y-%m-%d").is_ok(),
        _ => super::is_case_code(base),
    };
    if is_base && rest.len() > 1 && rest.starts_with('-') {
        return Some(Some(format!("{base}.ron")));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_copies_of_every_known_tool_are_found_and_data_files_are_not() {
        let tmp = tempfile::tempdir().expect("tmp");
        let team = tmp.path();
        for sub in ["cases", "meetings"] {
            fs::create_dir_all(team.join(sub)).expect("mkdir");
        }
        let copies = [
            "meetings/2026-03-17.ron.conflict",
            "meetings/2026-03-17.ron..path1",
            "meetings/2026-03-17 (conflicted copy 2026-03-18).ron",
            "cases/2026-0001 (Jan's conflicted copy 2026-03-18).ron",
            "cases/2026-0001.sync-conflict-20260318-101010-ABCDEFG.ron",
            "meetings/2026-03-17-LAPTOP-7.ron",
            "cases/2026-0001-WERKPLEK.ron",
            "cases/2026-0001 (1).ron",
            "team.ron.conflict",
        ];
        let data = [
            "meetings/2026-03-17.ron",
            "cases/2026-0001.ron",
            "cases/2026-0002.ron",
            "team.ron",
            "cases/notes (draft).ron",
        ];
        for f in copies.iter().chain(data.iter()) {
            fs::write(team.join(f), "()").expect("write");
        }
        let found = find_conflict_copies(team);
        let names: Vec<String> = found
            .iter()
            .map(|c| {
                c.path
                    .strip_prefix(team)
                    .expect("in team")
                    .display()
                    .to_string()
            })
            .collect();
        let mut want: Vec<String> = copies.iter().map(|s| s.to_string()).collect();
        want.sort();
        let mut got = names.clone();
        got.sort();
        assert_eq!(got, want);
        let of_meeting = copies_of(&team.join("meetings/2026-03-17.ron"));
        assert_eq!(of_meeting.len(), 4, "{of_meeting:?}");
        assert_eq!(copies_of(&team.join("cases/2026-0001.ron")).len(), 4);
        assert!(copies_of(&team.join("cases/2026-0002.ron")).is_empty());
    }
}
