//! Loading a municipality of 40 teams and 50,000 cases from PostgreSQL against the RON
//! folder, in one run on one machine: `cargo bench --bench pg_load`.
//!
//! Starts a PostgreSQL cluster of its own (as the tests do), writes the demo municipality,
//! imports it, and times, alternating, (a) the RON folder with a warm parse cache (what the
//! interface and the lookups do), (b) the RON folder parsed from scratch (`OVERLEG_NO_CACHE`'s
//! path, what `overleg check` does), (c) the PostgreSQL store as a login that is a member of
//! all 40 teams (row-level security on, reads recorded in the audit table), and (d) the cases
//! alone from the store's `json` column and from a `jsonb` copy (the layouts compared). Prints medians
//! and ratios with the date, nproc and load average. `OVERLEG_BENCH_CASES` changes the size.

#[cfg(unix)]
#[path = "../tests/pg/mod.rs"]
mod pg;

#[cfg(unix)]
use std::time::{Duration, Instant};

#[cfg(unix)]
use overleg::store::{Scope, Store};

#[cfg(unix)]
fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// The test cluster needs Unix sockets and `initdb`/`pg_ctl` as Debian installs them.
#[cfg(not(unix))]
fn main() {
    println!("pg_load: runs on Linux and macOS only");
}

#[cfg(unix)]
fn main() {
    let cases: usize = std::env::var("OVERLEG_BENCH_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(50_000);
    let rounds = 5;
    let Some(cluster) = pg::Cluster::start("pg_load") else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("gemeente");
    pg::demo_folder(&data, 40, cases, 7);
    let folder = overleg::storage::load_workspace(&data);
    assert!(folder.problems.is_empty());
    let teams: Vec<String> = folder
        .workspace
        .teams
        .iter()
        .map(|t| t.team.id.clone())
        .collect();
    let mut admin = cluster.client("overleg_admin");
    overleg::store::pg::admin::init(&mut admin, &teams, None).unwrap();
    let t = Instant::now();
    overleg::store::pg::admin::import(&mut admin, &folder.workspace, &data).unwrap();
    let import = t.elapsed();
    overleg::store::pg::admin::set_user(&mut admin, "coach", &teams, false, false).unwrap();
    // The JSON-as-text layout beside the JSONB one, same rows.
    admin
        .batch_execute(
            "CREATE TABLE public.cases_jsonb AS SELECT team, code, doc::jsonb AS doc, fingerprint FROM overleg.cases; \
             GRANT SELECT ON public.cases_jsonb TO coach;",
        )
        .unwrap();
    admin.batch_execute("VACUUM ANALYZE").unwrap();
    drop(folder);
    let cache_dir = tempfile::tempdir().unwrap();
    // Warm the parse cache once.
    overleg::storage::load_workspace_cached_lookup(&data, cache_dir.path());
    let local = tempfile::tempdir().unwrap();
    let mut store =
        overleg::store::pg::PgStore::open(cluster.target("coach"), local.path().into()).unwrap();
    let mut coach = cluster.client("coach");
    let (mut warm, mut cold, mut db, mut as_jsonb, mut as_json) =
        (vec![], vec![], vec![], vec![], vec![]);
    for _ in 0..rounds {
        let t = Instant::now();
        let o = overleg::storage::load_workspace_cached_lookup(&data, cache_dir.path());
        warm.push(t.elapsed());
        assert_eq!(o.workspace.case_count(), cases);
        drop(o);
        let t = Instant::now();
        let o = overleg::storage::load_workspace(&data);
        cold.push(t.elapsed());
        drop(o);
        let t = Instant::now();
        let o = store.load(&Scope::All);
        db.push(t.elapsed());
        assert_eq!(o.workspace.case_count(), cases, "{:?}", o.problems.first());
        drop(o);
        // The decode alone, per layout: rows fetched and turned into cases.
        let t = Instant::now();
        let n = coach
            .query("SELECT doc FROM public.cases_jsonb", &[])
            .unwrap()
            .iter()
            .map(|r| {
                r.get::<_, postgres::types::Json<overleg::domain::Case>>(0)
                    .0
            })
            .collect::<Vec<_>>()
            .len();
        as_jsonb.push(t.elapsed());
        assert_eq!(n, cases);
        let t = Instant::now();
        let n = coach
            .query("SELECT doc FROM overleg.cases", &[])
            .unwrap()
            .iter()
            .map(|r| {
                r.get::<_, postgres::types::Json<overleg::domain::Case>>(0)
                    .0
            })
            .collect::<Vec<_>>()
            .len();
        as_json.push(t.elapsed());
        assert_eq!(n, cases);
    }
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let (warm, cold, db, as_jsonb, as_json) = (
        median(warm),
        median(cold),
        median(db),
        median(as_jsonb),
        median(as_json),
    );
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "pg_load: {} , nproc {}, load average {}",
        chrono::Utc::now().format("%Y-%m-%d %H:%M UTC"),
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    );
    println!("{cases} cases, 40 teams, median of {rounds} alternating rounds");
    println!(
        "import into PostgreSQL (once)        {:>9.0} ms",
        ms(import)
    );
    println!("RON folder, warm parse cache         {:>9.0} ms", ms(warm));
    println!("RON folder, parsed from scratch      {:>9.0} ms", ms(cold));
    println!(
        "PostgreSQL store (RLS, audit)        {:>9.0} ms  = {:.2}x warm folder, {:.2}x parsed folder",
        ms(db),
        ms(db) / ms(warm),
        ms(db) / ms(cold)
    );
    println!(
        "cases only: json column (the store) {:>9.0} ms; the same in a jsonb column {:.0} ms ({:.2}x)",
        ms(as_json),
        ms(as_jsonb),
        ms(as_jsonb) / ms(as_json)
    );
}
