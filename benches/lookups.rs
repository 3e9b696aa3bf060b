//! Lookups at municipal scale: 50,000 cases in 40 teams made by `overleg::demo`.
//!
//! Measures (see `docs/performance.md`):
//! - `load/load_and_index`: the whole folder loaded and searchable (load + index build);
//! - `keystroke/*`: one search keystroke, with skim (fuzzy-matcher) and nucleo side by side,
//!   both from scratch and narrowed from the previous keystroke's hits;
//! - `caseload/*`: the caseload of one team and of all 40.
//!
//! The folder is written once under `target/bench-data/` and reused. At the end the peak
//! resident memory of the bench process (VmHWM) is printed.
//!
//! Run: `cargo bench --bench lookups`. Smaller: `OVERLEG_BENCH_CASES=5000 cargo bench …`.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group};
use overleg::caseload::{self, Options};
use overleg::demo::{DemoSpec, generate, write_workspace};
use overleg::search::{Engine, SearchIndex, Searcher};
use overleg::storage::load_workspace;

const TEAMS: usize = 40;
const SEED: u64 = 7;

fn cases() -> usize {
    std::env::var("OVERLEG_BENCH_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(50_000)
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap_or_default()
}

/// The benchmark folder, written on first use.
fn data_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target/bench-data")
        .join(format!("gemeente-{}-{TEAMS}-{SEED}", cases()));
    let done = dir.join(".complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        let spec = DemoSpec {
            teams: TEAMS,
            cases: cases(),
            seed: SEED,
            today: today(),
        };
        let ws = generate(&spec);
        write_workspace(&ws, &dir).expect("write bench folder");
        std::fs::write(&done, b"").expect("mark bench folder complete");
    }
    dir
}

const TYPED: &str = "ozdemir";

fn bench_load(c: &mut Criterion) {
    let dir = data_dir();
    let mut g = c.benchmark_group("load");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(30));
    g.bench_function("load_and_index", |b| {
        b.iter(|| {
            let outcome = load_workspace(&dir);
            let index = SearchIndex::build(&outcome.workspace);
            black_box((outcome.workspace.case_count(), index.len()))
        })
    });
    let outcome = load_workspace(&dir);
    g.bench_function("index_only", |b| {
        b.iter(|| black_box(SearchIndex::build(&outcome.workspace).len()))
    });
    g.finish();
}

fn bench_keystroke(c: &mut Criterion) {
    let outcome = load_workspace(&data_dir());
    let ws = outcome.workspace;
    let index = SearchIndex::build(&ws);
    eprintln!(
        "bench folder: {} teams, {} cases, {} meetings, {} index entries, {} problems",
        ws.teams.len(),
        ws.case_count(),
        ws.meeting_count(),
        index.len(),
        outcome.problems.len()
    );
    let mut g = c.benchmark_group("keystroke");
    g.sample_size(30);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(3));
    for (name, engine) in [("skim", Engine::Skim), ("nucleo", Engine::Nucleo)] {
        // From scratch: every prefix of "ozdemir" plus a few other queries.
        for q in [
            "o", "oz", "ozd", "ozdemir", "sahin", "een", "2026-01", "schuld",
        ] {
            g.bench_function(format!("{name}/fresh/{q}"), |b| {
                let mut s = Searcher::new(engine);
                b.iter(|| {
                    s.reset();
                    black_box(s.search(&index, q, 50).total)
                })
            });
        }
        // Typing: the keystroke that extends the previous query narrows its hits.
        for n in 2..=TYPED.len() {
            let (prev, next) = (&TYPED[..n - 1], &TYPED[..n]);
            g.bench_function(format!("{name}/typed/{next}"), |b| {
                b.iter_batched_ref(
                    || {
                        let mut s = Searcher::new(engine);
                        s.search(&index, prev, 50);
                        s
                    },
                    |s| black_box(s.search(&index, next, 50).total),
                    BatchSize::SmallInput,
                )
            });
        }
    }
    g.finish();
}

fn bench_caseload(c: &mut Criterion) {
    let ws = load_workspace(&data_dir()).workspace;
    let opts = Options::new(today());
    let mut g = c.benchmark_group("caseload");
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(3));
    g.bench_function("one_team", |b| {
        b.iter(|| black_box(caseload::team_caseload(&ws.teams[0], &opts).members.len()))
    });
    g.bench_function("all_teams", |b| {
        b.iter(|| black_box(caseload::caseload(&ws, None, &opts).len()))
    });
    g.finish();
}

criterion_group!(benches, bench_load, bench_keystroke, bench_caseload);

/// CPU seconds (user + system) this process has used so far, from /proc/self/stat.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses): utime is 14th, stime 15th.
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// CPU time per keystroke, which a busy shared machine does not inflate the way it inflates
/// wall time: on an idle 2-core machine the wall time of the parallel part is about half.
fn cpu_per_keystroke() {
    let ws = load_workspace(&data_dir()).workspace;
    let index = SearchIndex::build(&ws);
    const N: u32 = 100;
    for (name, engine) in [("skim", Engine::Skim), ("nucleo", Engine::Nucleo)] {
        for q in ["o", "oz", "ozd", "ozdemir", "sahin", "een", "2026-01"] {
            let mut s = Searcher::new(engine);
            let (Some(c0), t0) = (cpu_seconds(), std::time::Instant::now()) else {
                return;
            };
            for _ in 0..N {
                s.reset();
                black_box(s.search(&index, q, 50).total);
            }
            let cpu = cpu_seconds().unwrap_or(c0) - c0;
            eprintln!(
                "cpu per keystroke {name:6} {q:8}: {:6.2} ms CPU, {:6.2} ms wall",
                cpu * 1000.0 / f64::from(N),
                t0.elapsed().as_secs_f64() * 1000.0 / f64::from(N)
            );
        }
    }
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    cpu_per_keystroke();
    if let Ok(status) = std::fs::read_to_string("/proc/self/status") {
        for line in status.lines().filter(|l| l.starts_with("VmHWM")) {
            eprintln!("peak memory of the bench process: {line}");
        }
    }
}
