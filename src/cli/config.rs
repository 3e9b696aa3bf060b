//! The config file in the platform's config folder (`config.ron`, see
//! `platform::paths::config_file`): the default data folder, language and theme. Command-line
//! flags win over it. A file that does not parse is reported as `path:line:column: …` and
//! ignored — overleg starts with its defaults, never half a config.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// What the config file may set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// The team or municipality folder to open without `--data`.
    #[serde(default)]
    pub data: Option<PathBuf>,
    /// `Nl` or `En`.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// `default`, `licht`, `hoog-contrast`, or a path to a theme file.
    #[serde(default)]
    pub theme: Option<String>,
    /// A PostgreSQL connection string (without password) to use instead of the folder.
    #[serde(default)]
    pub db: Option<String>,
}

/// The config, and a message when the file was there but could not be used.
pub fn load() -> (Config, Option<String>) {
    match crate::platform::paths::config_file() {
        Some(path) => load_from(&path),
        None => (Config::default(), None),
    }
}

/// Reads a config file; a missing file is an empty config.
pub fn load_from(path: &Path) -> (Config, Option<String>) {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Config::default(), None),
        Err(e) => return (Config::default(), Some(format!("{}: {e}", path.display()))),
    };
    match crate::storage::from_ron::<Config>(&text) {
        Ok(c) => (c, None),
        Err(e) => (
            Config::default(),
            Some(format!(
                "{}:{}:{}: {}",
                path.display(),
                e.span.start.line,
                e.span.start.col,
                e.code
            )),
        ),
    }
}

/// The message for a config file that was ignored.
pub fn ignored(problem: &str, lang: Lang) -> String {
    format!("{problem} — {}", crate::i18n::cli::config_ignored(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_good_a_missing_and_a_broken_config() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("config.ron");
        assert_eq!(load_from(&p), (Config::default(), None));
        std::fs::write(
            &p,
            "(data: Some(\"/teams/oost\"), lang: Some(En), theme: Some(\"licht\"))",
        )
        .unwrap();
        let (c, problem) = load_from(&p);
        assert_eq!(problem, None);
        assert_eq!(c.lang, Some(Lang::En));
        assert_eq!(c.data.as_deref(), Some(Path::new("/teams/oost")));
        std::fs::write(&p, "(\n    data: Some(\"x\"),\n    taal: Some(En),\n)").unwrap();
        let (c, problem) = load_from(&p);
        assert_eq!(c, Config::default());
        let problem = problem.unwrap();
        assert!(
            problem.starts_with(&format!("{}:3:5: ", p.display())),
            "{problem}"
        );
    }
}
