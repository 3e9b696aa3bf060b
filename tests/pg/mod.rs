//! A PostgreSQL cluster of its own for a test: `initdb` in a temporary folder, the server on
//! a Unix socket there (no TCP port), trust authentication for local logins (the roles and
//! row-level security are what is tested, not passwords), pgaudit preloaded when installed.
//! Stopped (immediately) when dropped.
//!
//! Skipped with a printed reason when the PostgreSQL binaries are absent — unless
//! `OVERLEG_REQUIRE_PG` is set (CI sets it), then that is a failure.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use overleg::domain::Case;
use overleg::storage::guard::Seen;
use overleg::store::pg::{self, Target};

pub struct Cluster {
    _tmp: tempfile::TempDir,
    pub dir: PathBuf,
    bin: PathBuf,
    pub pgaudit: bool,
    run_as: Option<String>,
}

fn bin_dir() -> Option<PathBuf> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path().join("bin"))
        .filter(|p| p.join("initdb").is_file())
        .collect();
    versions.sort();
    if let Some(b) = versions.pop() {
        return Some(b);
    }
    let out = Command::new("pg_config").arg("--bindir").output().ok()?;
    let dir = PathBuf::from(String::from_utf8(out.stdout).ok()?.trim());
    dir.join("initdb").is_file().then_some(dir)
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

impl Cluster {
    /// Starts a cluster, or says why not (`None`: skip the test).
    pub fn start(name: &str) -> Option<Cluster> {
        let Some(bin) = bin_dir() else {
            let why = "PostgreSQL's initdb/pg_ctl not found (apt-get install postgresql)";
            if std::env::var_os("OVERLEG_REQUIRE_PG").is_some() {
                panic!("{why}");
            }
            eprintln!("SKIPPED {name}: {why}");
            return None;
        };
        let tmp = tempfile::Builder::new()
            .prefix("overleg-pg-")
            .tempdir()
            .expect("tempdir");
        let dir = tmp.path().to_path_buf();
        // initdb refuses to run as root: run the server as the `postgres` account then.
        let run_as = is_root().then(|| "postgres".to_string());
        if let Some(user) = &run_as {
            let ok = Command::new("chown")
                .arg(format!("{user}:"))
                .arg(&dir)
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "chown of the cluster folder to {user}");
        }
        let pgaudit = Path::new(
            &String::from_utf8_lossy(
                &Command::new(bin.join("pg_config"))
                    .arg("--pkglibdir")
                    .output()
                    .map(|o| o.stdout)
                    .unwrap_or_default(),
            )
            .trim()
            .to_string(),
        )
        .join("pgaudit.so")
        .is_file();
        let c = Cluster {
            _tmp: tmp,
            dir,
            bin,
            pgaudit,
            run_as,
        };
        c.run(
            "initdb",
            &[
                "-D",
                c.data().to_str().unwrap(),
                "-U",
                "overleg_admin",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ],
        );
        c.pg_ctl_start();
        c.admin_sql("postgres", "CREATE DATABASE overleg");
        Some(c)
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    /// A PostgreSQL tool, as the account that owns the cluster.
    fn command(&self, tool: &str) -> Command {
        let exe = self.bin.join(tool);
        match &self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(exe);
                c
            }
            None => Command::new(exe),
        }
    }

    fn run(&self, tool: &str, args: &[&str]) {
        let out = self.command(tool).args(args).output().expect(tool);
        assert!(
            out.status.success(),
            "{tool} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn pg_ctl_start(&self) {
        let mut opts = format!(
            "-k {} -c listen_addresses='' -c fsync=off -c max_connections=40",
            self.dir.display()
        );
        if self.pgaudit {
            opts.push_str(" -c shared_preload_libraries=pgaudit");
        }
        let log = self.dir.join("server.log");
        self.run(
            "pg_ctl",
            &[
                "-D",
                self.data().to_str().unwrap(),
                "-l",
                log.to_str().unwrap(),
                "-o",
                &opts,
                "-w",
                "start",
            ],
        );
    }

    /// Stops the server (the "database went away" of a test).
    pub fn stop(&self) {
        self.run(
            "pg_ctl",
            &[
                "-D",
                self.data().to_str().unwrap(),
                "-m",
                "fast",
                "-w",
                "stop",
            ],
        );
    }

    /// Starts it again.
    pub fn restart(&self) {
        self.pg_ctl_start();
    }

    /// The server's log (pgaudit writes there).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("server.log")).unwrap_or_default()
    }

    /// The connection string for a login.
    pub fn url(&self, user: &str) -> String {
        format!(
            "host={} port=5432 user={user} dbname=overleg",
            self.dir.display()
        )
    }

    pub fn target(&self, user: &str) -> Target {
        Target::parse(&self.url(user)).expect("target")
    }

    pub fn client(&self, user: &str) -> postgres::Client {
        pg::connect(&self.target(user)).expect("connect")
    }

    fn admin_sql(&self, db: &str, sql: &str) {
        let url = format!(
            "host={} port=5432 user=overleg_admin dbname={db}",
            self.dir.display()
        );
        let mut c = pg::connect(&Target::parse(&url).unwrap()).expect("connect as admin");
        c.batch_execute(sql).expect("admin sql");
    }

    /// Runs SQL through `psql` as `user`; stdout (unaligned, tuples only) or the error text.
    pub fn psql(&self, user: &str, sql: &str) -> Result<String, String> {
        let out = Command::new(self.bin.join("psql"))
            .args(["-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h"])
            .arg(&self.dir)
            .args(["-p", "5432", "-U", user, "-d", "overleg", "-c", sql])
            .output()
            .expect("psql");
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
        } else {
            Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.data();
        let args = ["-D", data.to_str().unwrap_or(""), "-m", "immediate", "stop"];
        let _ = self.command("pg_ctl").args(args).output();
    }
}

/// A municipality of `teams` teams written as a RON folder.
pub fn demo_folder(out: &Path, teams: usize, cases: usize, seed: u64) {
    let spec = overleg::demo::DemoSpec {
        teams,
        cases,
        seed,
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    };
    let ws = overleg::demo::generate(&spec);
    overleg::demo::write_workspace(&ws, out).expect("demo");
}

/// A cluster with the schema, the demo's teams imported, and logins: `anna` (first team),
/// `bram` (second), `tcoach` (both), `mgr` (the overview only), `audit` (the audit log).
pub struct Municipality {
    pub cluster: Cluster,
    pub folder: tempfile::TempDir,
    pub teams: Vec<String>,
}

pub fn municipality(name: &str, cases: usize) -> Option<Municipality> {
    let cluster = Cluster::start(name)?;
    let folder = tempfile::tempdir().unwrap();
    let data = folder.path().join("gemeente");
    demo_folder(&data, 2, cases, 11);
    let ws = overleg::storage::load_workspace(&data);
    assert!(ws.problems.is_empty(), "{:?}", ws.problems);
    let teams: Vec<String> = ws
        .workspace
        .teams
        .iter()
        .map(|t| t.team.id.clone())
        .collect();
    let mut admin = cluster.client("overleg_admin");
    pg::admin::init(&mut admin, &teams, None).expect("init");
    pg::admin::import(&mut admin, &ws.workspace, &data).expect("import");
    pg::admin::set_user(&mut admin, "anna", &teams[..1], false, false).unwrap();
    pg::admin::set_user(&mut admin, "bram", &teams[1..2], false, false).unwrap();
    pg::admin::set_user(&mut admin, "tcoach", &teams, false, false).unwrap();
    pg::admin::set_user(&mut admin, "mgr", &[], true, false).unwrap();
    pg::admin::set_user(&mut admin, "audit", &[], false, true).unwrap();
    Some(Municipality {
        cluster,
        folder,
        teams,
    })
}

/// Runs the overleg binary with `args` and `--db` for `user`; exit status, stdout, stderr.
pub fn overleg(
    cluster: &Cluster,
    user: &str,
    args: &[&str],
    db_home: &Path,
) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_overleg"))
        .args(args)
        .args(["--db", &cluster.url(user)])
        .env("OVERLEG_DB_HOME", db_home)
        .output()
        .expect("overleg");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

impl Municipality {
    pub fn data(&self) -> PathBuf {
        self.folder.path().join("gemeente")
    }

    /// An open store for a login, with its own local folder.
    pub fn store(&self, user: &str, local: &Path) -> pg::PgStore {
        pg::PgStore::open(self.cluster.target(user), local.join(user)).expect("open store")
    }
}

/// The fingerprints of a load, as the interface remembers them.
pub fn seen_of(outcome: &overleg::storage::LoadOutcome) -> Seen {
    let mut seen = Seen::default();
    for (p, fp) in &outcome.fingerprints {
        seen.insert(p.clone(), *fp);
    }
    seen
}

/// A case with another `situation_now`, as the canonical RON a save writes.
pub fn edited(case: &Case, text: &str) -> (std::path::PathBuf, Vec<u8>, Case) {
    let mut c = case.clone();
    c.situation_now = text.to_string();
    let bytes = overleg::storage::to_ron(&c).unwrap().into_bytes();
    (std::path::PathBuf::new(), bytes, c)
}
