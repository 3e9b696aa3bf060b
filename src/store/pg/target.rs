//! Which database to open: a connection string from `--db` or the config file, completed
//! from the libpq environment (`PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`), a service file
//! (`service=NAME`: `PGSERVICEFILE` or `~/.pg_service.conf`) and the password file
//! (`PGPASSFILE` or `~/.pgpass`). A password in the string itself is refused: it would be in
//! the shell history and in every process listing.

use std::path::{Path, PathBuf};

use postgres::config::Host;

/// Why a connection string cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    #[error("password on the command line")]
    PasswordGiven,
    #[error("unreadable connection string: {0}")]
    Syntax(String),
    #[error("service {0} not found")]
    NoService(String),
}

/// A database to connect to, without its password in the string.
#[derive(Clone)]
pub struct Target {
    pub config: postgres::Config,
}

impl std::fmt::Debug for Target {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Target({})", self.describe())
    }
}

impl Target {
    /// Parses `--db` (a `postgres://` URL or `key=value` words), completes it and looks up the
    /// password file.
    pub fn parse(text: &str) -> Result<Target, TargetError> {
        let text = with_service(text.trim())?;
        let mut config: postgres::Config = text
            .parse()
            .map_err(|e: postgres::Error| TargetError::Syntax(e.to_string()))?;
        if config.get_password().is_some() {
            return Err(TargetError::PasswordGiven);
        }
        complete_from_env(&mut config);
        if let Some(pw) = password_from_file(&config) {
            config.password(pw);
        }
        config.application_name("overleg");
        Ok(Target { config })
    }

    /// Host, port, database and user, for messages (never a password).
    pub fn describe(&self) -> String {
        let host = match self.config.get_hosts().first() {
            Some(Host::Tcp(h)) => h.clone(),
            #[cfg(unix)]
            Some(Host::Unix(p)) => p.display().to_string(),
            None => "localhost".into(),
        };
        let port = self.config.get_ports().first().copied().unwrap_or(5432);
        format!(
            "{}@{host}:{port}/{}",
            self.config.get_user().unwrap_or("?"),
            self.config.get_dbname().unwrap_or("?")
        )
    }

    /// The login name.
    pub fn user(&self) -> &str {
        self.config.get_user().unwrap_or("")
    }

    /// A short stable name for local files of this database and user (the offline journal):
    /// a hash, so that no host or user name is in a file name.
    pub fn local_name(&self) -> String {
        use sha2::{Digest, Sha256};
        let d = Sha256::digest(self.describe().as_bytes());
        d[..8].iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Replaces `service=NAME` by the words of that section of the service file.
fn with_service(text: &str) -> Result<String, TargetError> {
    let Some(name) = text
        .split_whitespace()
        .find_map(|w| w.strip_prefix("service="))
    else {
        return Ok(text.to_string());
    };
    let rest: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !w.starts_with("service="))
        .collect();
    let files = [
        std::env::var_os("PGSERVICEFILE").map(PathBuf::from),
        dirs::home_dir().map(|h| h.join(".pg_service.conf")),
    ];
    for file in files.into_iter().flatten() {
        let Ok(body) = std::fs::read_to_string(&file) else {
            continue;
        };
        if let Some(words) = service_section(&body, name) {
            let mut all = words;
            all.extend(rest.iter().map(|w| w.to_string()));
            return Ok(all.join(" "));
        }
    }
    Err(TargetError::NoService(name.to_string()))
}

/// The `key=value` lines of section `[name]` of a service file.
fn service_section(body: &str, name: &str) -> Option<Vec<String>> {
    let mut inside = false;
    let mut found = None::<Vec<String>>;
    for line in body.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(section) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            inside = section.trim() == name;
            if inside {
                found.get_or_insert_with(Vec::new);
            }
            continue;
        }
        if inside && let Some((k, v)) = line.split_once('=') {
            let v = v.trim().replace('\'', "");
            found
                .get_or_insert_with(Vec::new)
                .push(format!("{}='{}'", k.trim(), v));
        }
    }
    found
}

/// Fills what libpq would take from the environment.
fn complete_from_env(config: &mut postgres::Config) {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
    if config.get_hosts().is_empty() {
        match var("PGHOST") {
            Some(h) => {
                config.host(&h);
            }
            None => default_host(config),
        }
    }
    if config.get_ports().is_empty()
        && let Some(p) = var("PGPORT").and_then(|p| p.parse().ok())
    {
        config.port(p);
    }
    if config.get_user().is_none() {
        let user = var("PGUSER").unwrap_or_else(|| whoami_name().unwrap_or_default());
        config.user(&user);
    }
    if config.get_dbname().is_none() {
        let db = var("PGDATABASE").unwrap_or_else(|| config.get_user().unwrap_or("").into());
        config.dbname(&db);
    }
}

#[cfg(unix)]
fn default_host(config: &mut postgres::Config) {
    // libpq's default: the local socket folder of Debian's packages.
    config.host_path("/var/run/postgresql");
}

#[cfg(not(unix))]
fn default_host(config: &mut postgres::Config) {
    config.host("localhost");
}

fn whoami_name() -> Option<String> {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
}

/// The password for this host, port, database and user from the password file, as libpq
/// reads it (`host:port:database:user:password`, `*` matches anything, `\` escapes). On
/// Unix a file that others may read is ignored, as libpq does.
fn password_from_file(config: &postgres::Config) -> Option<String> {
    let file = std::env::var_os("PGPASSFILE")
        .map(PathBuf::from)
        .or_else(|| dirs::home_dir().map(|h| h.join(".pgpass")))?;
    if !private_enough(&file) {
        return None;
    }
    let body = std::fs::read_to_string(&file).ok()?;
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(h)) => h.clone(),
        #[cfg(unix)]
        Some(Host::Unix(_)) => "localhost".into(),
        None => "localhost".into(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let want = [
        host.as_str(),
        port.as_str(),
        config.get_dbname().unwrap_or(""),
        config.get_user().unwrap_or(""),
    ];
    body.lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .find_map(|line| {
            let fields = split_pgpass(line);
            if fields.len() != 5 {
                return None;
            }
            let matches = fields[..4]
                .iter()
                .zip(want)
                .all(|(f, w)| f == "*" || f == w || (f == "localhost" && w.starts_with('/')));
            matches.then(|| fields[4].clone())
        })
}

fn split_pgpass(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    fields.last_mut().expect("one field").push(n);
                }
            }
            ':' => fields.push(String::new()),
            c => fields.last_mut().expect("one field").push(c),
        }
    }
    fields
}

#[cfg(unix)]
fn private_enough(file: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(file).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o077 == 0)
}

#[cfg(not(unix))]
fn private_enough(file: &Path) -> bool {
    file.is_file()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_in_the_string_is_refused() {
        for s in [
            "postgres://anna:geheim@db.example/overleg",
            "host=db.example user=anna password=geheim dbname=overleg",
        ] {
            assert_eq!(Target::parse(s).unwrap_err(), TargetError::PasswordGiven);
        }
    }

    #[test]
    fn the_description_never_holds_a_password() {
        let t = Target::parse("postgres://anna@db.example:5433/overleg").unwrap();
        assert_eq!(t.describe(), "anna@db.example:5433/overleg");
        assert_eq!(t.local_name().len(), 16);
    }

    #[test]
    fn pgpass_fields_split_with_escapes() {
        assert_eq!(
            split_pgpass(r"db\:1:5432:*:anna:pa\:ss"),
            vec!["db:1", "5432", "*", "anna", "pa:ss"]
        );
    }

    #[test]
    fn a_service_section_gives_its_words() {
        let body = "# x\n[overleg]\nhost=db.example\nport = 5433\n[other]\nhost=x\n";
        assert_eq!(
            service_section(body, "overleg").unwrap(),
            vec!["host='db.example'", "port='5433'"]
        );
        assert!(service_section(body, "missing").is_none());
    }
}
