//! Who may read what overleg writes: the one place that chooses file and folder permissions.
//!
//! By default everything overleg writes in a team folder is its owner's only (files 0600,
//! folders 0700): it holds case data. A team whose `team.ron` says `shared_folder: true`
//! works in a shared group folder (several colleagues' accounts, one group): there every file
//! overleg writes — meeting and case files, minutes, the lock, conflict copies, the intent of a
//! change set — is 0660 and every folder it makes 02770 (setgid, so what is made inside keeps
//! the group), with the group of the team folder. The loader registers each team's choice
//! ([`register_team`]); every writer asks [`sharing_for`] with the path it writes.
//!
//! On Windows the folder's own access list applies; the modes are a unix matter.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{OnceLock, RwLock};

/// Who may read and write the files of a team folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sharing {
    /// The owner only (0600 / 0700).
    #[default]
    Private,
    /// The owner and the team folder's group (0660 / 02770).
    Group,
}

impl Sharing {
    /// The unix mode of a file written under this sharing.
    pub fn file_mode(self) -> u32 {
        match self {
            Sharing::Private => 0o600,
            Sharing::Group => 0o660,
        }
    }

    /// The unix mode of a folder made under this sharing.
    pub fn dir_mode(self) -> u32 {
        match self {
            Sharing::Private => 0o700,
            Sharing::Group => 0o2770,
        }
    }
}

fn registry() -> &'static RwLock<HashMap<PathBuf, Sharing>> {
    static REG: OnceLock<RwLock<HashMap<PathBuf, Sharing>>> = OnceLock::new();
    REG.get_or_init(|| RwLock::new(HashMap::new()))
}

/// Remembers how a team folder is shared (the loader calls this for every `team.ron` that
/// loads; [`crate::storage::save_team`] too).
pub fn register_team(team_dir: &Path, sharing: Sharing) {
    let key = normal(team_dir);
    if let Ok(mut map) = registry().write() {
        map.insert(key, sharing);
    }
}

/// How the file at `path` must be shared: that of the team folder it is in (the folder
/// itself or up to two levels up: `cases/x.ron`), [`Sharing::Private`] when it is in no
/// registered team folder.
pub fn sharing_for(path: &Path) -> Sharing {
    let Ok(map) = registry().read() else {
        return Sharing::Private;
    };
    if map.is_empty() {
        return Sharing::Private;
    }
    let path = normal(path);
    path.ancestors()
        .take(4)
        .find_map(|a| map.get(a).copied())
        .unwrap_or_default()
}

/// An absolute, `.`-free form of a path for the registry (no symlinks resolved: the folder
/// may not exist yet).
fn normal(path: &Path) -> PathBuf {
    let abs = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    abs.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect()
}

/// Gives an open file the mode (and for a group folder the group of `dir`) that `path` must
/// have. Called on temp files before they are renamed into place, so the file is never
/// visible with other permissions.
pub(crate) fn apply_to_file(file: &fs::File, path: &Path, dir: &Path) -> io::Result<()> {
    let sharing = sharing_for(path);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        if sharing == Sharing::Group
            && let Ok(meta) = fs::metadata(dir)
        {
            // Best effort: allowed when the user is in the folder's group (a setgid folder
            // has given the file that group already).
            let _ = std::os::unix::fs::fchown(file, None, Some(meta.gid()));
        }
        file.set_permissions(fs::Permissions::from_mode(sharing.file_mode()))?;
    }
    #[cfg(not(unix))]
    {
        let _ = (file, dir, sharing);
    }
    Ok(())
}

/// Sets the mode (and group) of an existing file as the team folder it is in requires: for
/// writers that make a file some other way and must not leave it with another mode.
pub fn apply_to_path(path: &Path) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let file = fs::OpenOptions::new().read(true).open(path)?;
    apply_to_file(&file, path, dir)
}

/// Makes `dir` and its missing parents; folders made here get the mode of the team folder
/// they are in (0700, or 02770 with the team folder's group).
pub(crate) fn create_dir_all(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        let sharing = sharing_for(dir);
        fs::DirBuilder::new()
            .recursive(true)
            .mode(sharing.dir_mode() & 0o777)
            .create(dir)?;
        if sharing == Sharing::Group {
            // The mode of `mkdir` is cut by the umask and never sets setgid: set it after.
            use std::os::unix::fs::MetadataExt;
            if let Some(parent) = dir.parent()
                && let Ok(meta) = fs::metadata(parent)
            {
                let _ = std::os::unix::fs::chown(dir, None, Some(meta.gid()));
            }
            fs::set_permissions(dir, fs::Permissions::from_mode(sharing.dir_mode()))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    {
        fs::create_dir_all(dir)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_in_a_registered_group_folder_are_shared_and_others_private() {
        let tmp = tempfile::tempdir().expect("tmp");
        let team = tmp.path().join("gedeeld");
        register_team(&team, Sharing::Group);
        assert_eq!(
            sharing_for(&team.join("cases/2026-0001.ron")),
            Sharing::Group
        );
        assert_eq!(sharing_for(&team.join(".overleg.lock")), Sharing::Group);
        assert_eq!(sharing_for(&team.join("./minutes/x.md")), Sharing::Group);
        assert_eq!(
            sharing_for(&tmp.path().join("ander/team.ron")),
            Sharing::Private
        );
        register_team(&team, Sharing::Private);
        assert_eq!(
            sharing_for(&team.join("cases/2026-0001.ron")),
            Sharing::Private
        );
    }
}
