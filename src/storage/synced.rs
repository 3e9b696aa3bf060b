//! Noticing a team folder inside a sync client's folder (Nextcloud, ownCloud, OneDrive,
//! Dropbox, Google Drive, iCloud). Those tools copy files between laptops seconds to minutes
//! apart, have no create-new across machines, may leave dot files (the lock) behind and put
//! conflict copies next to the files: the lock cannot protect such a folder, so the
//! interface warns at start and points at the database.

use std::path::Path;

/// A sync client recognised around a folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncClient {
    Nextcloud,
    OneDrive,
    Dropbox,
    GoogleDrive,
    ICloud,
}

impl SyncClient {
    pub fn name(self) -> &'static str {
        match self {
            SyncClient::Nextcloud => "Nextcloud/ownCloud",
            SyncClient::OneDrive => "OneDrive",
            SyncClient::Dropbox => "Dropbox",
            SyncClient::GoogleDrive => "Google Drive",
            SyncClient::ICloud => "iCloud Drive",
        }
    }
}

/// The sync client whose folder holds `dir`: by the client's own files in `dir` or a folder
/// above it (`.sync_*.db`, `.owncloudsync.log`, `.dropbox`), or by the folder names the
/// clients use (`OneDrive`, `OneDrive - Gemeente X`, `Nextcloud`, `Dropbox`, `Google Drive`,
/// `iCloud Drive`).
pub fn sync_client_of(dir: &Path) -> Option<SyncClient> {
    let full = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    for a in full.ancestors() {
        if let Some(c) = by_name(a) {
            return Some(c);
        }
        if let Some(c) = by_marker(a) {
            return Some(c);
        }
    }
    None
}

fn by_name(dir: &Path) -> Option<SyncClient> {
    let name = dir.file_name()?.to_str()?.to_lowercase();
    if name == "onedrive" || name.starts_with("onedrive - ") {
        Some(SyncClient::OneDrive)
    } else if name == "nextcloud" || name == "owncloud" {
        Some(SyncClient::Nextcloud)
    } else if name == "dropbox" || name.starts_with("dropbox (") {
        Some(SyncClient::Dropbox)
    } else if name == "google drive" || name == "my drive" || name == "googledrive" {
        Some(SyncClient::GoogleDrive)
    } else if name == "icloud drive" || name == "mobile documents" {
        Some(SyncClient::ICloud)
    } else {
        None
    }
}

fn by_marker(dir: &Path) -> Option<SyncClient> {
    let entries = std::fs::read_dir(dir).ok()?;
    for e in entries.flatten().take(10_000) {
        let name = e.file_name();
        let Some(name) = name.to_str() else { continue };
        let sync_db =
            (name.starts_with(".sync_") || name.starts_with("._sync_")) && name.ends_with(".db");
        if sync_db || name == ".owncloudsync.log" || name == ".nextcloudsync.log" {
            return Some(SyncClient::Nextcloud);
        }
        if name == ".dropbox" || name == ".dropbox.cache" {
            return Some(SyncClient::Dropbox);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_clients_are_recognised_by_their_files_and_folder_names() {
        let tmp = tempfile::tempdir().unwrap();
        let plain = tmp.path().join("teams/oost");
        std::fs::create_dir_all(&plain).unwrap();
        assert_eq!(sync_client_of(&plain), None);

        let nc = tmp.path().join("nc");
        std::fs::create_dir_all(nc.join("wijkteams/oost")).unwrap();
        std::fs::write(nc.join(".sync_4f2a9c.db"), b"").unwrap();
        assert_eq!(
            sync_client_of(&nc.join("wijkteams/oost")),
            Some(SyncClient::Nextcloud)
        );

        let oc = tmp.path().join("oc/oost");
        std::fs::create_dir_all(&oc).unwrap();
        std::fs::write(oc.join(".owncloudsync.log"), b"").unwrap();
        assert_eq!(sync_client_of(&oc), Some(SyncClient::Nextcloud));

        let od = tmp.path().join("OneDrive - Gemeente Wijkerveen/Teams/oost");
        std::fs::create_dir_all(&od).unwrap();
        assert_eq!(sync_client_of(&od), Some(SyncClient::OneDrive));

        let db = tmp.path().join("Dropbox/oost");
        std::fs::create_dir_all(&db).unwrap();
        assert_eq!(sync_client_of(&db), Some(SyncClient::Dropbox));
    }
}
