//! The platform's own folders for `overleg`: configuration (the config file and the user's
//! keys) and the parse cache. Linux follows XDG (`~/.config/overleg`, `~/.cache/overleg`),
//! macOS `~/Library/Application Support/overleg` and `~/Library/Caches/overleg`, Windows
//! `%APPDATA%\overleg` and `%LOCALAPPDATA%\overleg` — all through the `dirs` crate.

use std::path::PathBuf;

/// The name of the config file in [`config_dir`].
pub const CONFIG_FILE: &str = "config.ron";
/// The name of the user's key map in [`config_dir`].
pub const KEYS_FILE: &str = "keys.ron";

/// `overleg`'s configuration folder; `$OVERLEG_CONFIG_DIR` when set (tests, portable use).
pub fn config_dir() -> Option<PathBuf> {
    match std::env::var_os("OVERLEG_CONFIG_DIR") {
        Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
        _ => dirs::config_dir().map(|d| d.join("overleg")),
    }
}

/// The config file (default data folder, language, theme).
pub fn config_file() -> Option<PathBuf> {
    config_dir().map(|d| d.join(CONFIG_FILE))
}

/// The user's key map, overriding single entries of the default one.
pub fn keys_file() -> Option<PathBuf> {
    config_dir().map(|d| d.join(KEYS_FILE))
}

/// How this platform's config folder is written in help texts, with the variable a user
/// recognises rather than one user's home folder.
pub fn config_dir_hint() -> &'static str {
    if cfg!(windows) {
        r"%APPDATA%\overleg"
    } else if cfg!(target_os = "macos") {
        "~/Library/Application Support/overleg"
    } else {
        "~/.config/overleg"
    }
}

/// How this platform's cache folder is written in help texts.
pub fn cache_dir_hint() -> &'static str {
    if cfg!(windows) {
        r"%LOCALAPPDATA%\overleg"
    } else if cfg!(target_os = "macos") {
        "~/Library/Caches/overleg"
    } else {
        "~/.cache/overleg"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_sit_in_the_config_folder() {
        if let (Some(dir), Some(cfg), Some(keys)) = (config_dir(), config_file(), keys_file()) {
            assert_eq!(cfg.parent(), Some(dir.as_path()));
            assert_eq!(keys.file_name().unwrap(), KEYS_FILE);
        }
        assert!(config_dir_hint().ends_with("overleg"));
        assert!(cache_dir_hint().ends_with("overleg"));
    }
}
