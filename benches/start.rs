//! The interface's start on one team inside a municipality of 50,000 cases in 40 teams
//! (`--data <municipality> --team <one>`), before and after the issue "one module per
//! screen": the start used to fingerprint (read and hash) every case and meeting file of
//! every team; now it fingerprints the chosen team only, and another team when it is chosen.
//!
//! Both are measured in the same run, on the same warm folder:
//! - `start/one_team`: `build_app` as the interface runs it now;
//! - `start/every_team_fingerprinted`: the same, plus the fingerprints of every other team,
//!   which is what the start did before;
//! - `start/fingerprint_one_team` and `start/load_only` split the time.
//!
//! The folder is written once under `target/bench-data/` (shared with the lookups bench).
//! Run: `cargo bench --bench start`. Smaller: `OVERLEG_BENCH_CASES=5000 cargo bench …`.

use std::path::PathBuf;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use overleg::demo::{DemoSpec, generate, write_workspace};
use overleg::i18n::Lang;
use overleg::tui::effects::fingerprints;
use overleg::tui::runtime::{TuiOptions, build_app};

const TEAMS: usize = 40;
const SEED: u64 = 7;

fn cases() -> usize {
    std::env::var("OVERLEG_BENCH_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(50_000)
}

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
            today: chrono::NaiveDate::from_ymd_opt(2026, 5, 1).unwrap_or_default(),
        };
        write_workspace(&generate(&spec), &dir).expect("write bench folder");
        std::fs::write(&done, b"").expect("mark bench folder complete");
    }
    dir
}

fn bench_start(c: &mut Criterion) {
    let data = data_dir();
    // The parse cache of the bench, warm before measuring (as on every start but the first).
    let cache = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/cache");
    // SAFETY: set before any thread of the bench reads the environment.
    unsafe { std::env::set_var("OVERLEG_CACHE_DIR", &cache) };
    // Files younger than two seconds are not cached ("racy clean"): wait, then warm the
    // cache with two loads, so every variant below reads it the same way.
    std::thread::sleep(Duration::from_secs(3));
    let _ = overleg::storage::load_workspace_quick(&data);
    let first = overleg::storage::load_workspace_quick(&data);
    let team = first.workspace.teams[first.workspace.teams.len() / 2]
        .team
        .id
        .clone();
    let opts = TuiOptions {
        data: data.clone(),
        team: Some(team),
        lang: Lang::Nl,
        today: None,
        theme: "default".into(),
    };
    let mut g = c.benchmark_group("start");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("one_team", |b| {
        b.iter(|| build_app(&opts).expect("app"));
    });
    g.bench_function("every_team_fingerprinted", |b| {
        b.iter(|| {
            let app = build_app(&opts).expect("app");
            let n: usize = app
                .workspace
                .teams
                .iter()
                .map(|t| fingerprints(t).len())
                .sum();
            (app, n)
        });
    });
    let app = build_app(&opts).expect("app");
    let chosen = app.team_data().cloned().expect("team");
    g.bench_function("fingerprint_one_team", |b| {
        b.iter(|| fingerprints(&chosen).len())
    });
    g.bench_function("load_only", |b| {
        b.iter(|| overleg::storage::load_workspace_quick(&data))
    });
    g.finish();
}

criterion_group!(benches, bench_start);
criterion_main!(benches);
