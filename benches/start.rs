//! The interface's start on one team inside a municipality of 50,000 cases in 40 teams
//! (`--data <municipality> --team <one>`), against its floor and against the start before
//! issue 15. All in the same run, on the same warm folder:
//! - `start/one_team`: `build_app` as the interface runs it now: only the chosen team's files
//!   are loaded (read, content-checked against the parse cache) before the first frame;
//! - `start/team_raw_read`: the floor, reading every file of that team folder;
//! - `start/whole_municipality`: `build_app` without `--team`, which loads every team (what
//!   the start with `--team` did before issue 15);
//! - `start/others_in_background`: the load of the other teams the interface then does on a
//!   thread of its own (a read-only lookup load).
//!
//! The folder is written once under `target/bench-data/` (shared with the lookups bench).
//! Run: `cargo bench --bench start`. Smaller: `OVERLEG_BENCH_CASES=5000 cargo bench …`.
//! `OVERLEG_BENCH_DATA=<folder>` measures on a municipality folder written elsewhere.

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use overleg::demo::{DemoSpec, generate, write_workspace};
use overleg::i18n::Lang;
use overleg::tui::runtime::{TuiOptions, build_app, load_others};

const TEAMS: usize = 40;
const SEED: u64 = 7;

fn cases() -> usize {
    std::env::var("OVERLEG_BENCH_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(50_000)
}

fn data_dir() -> PathBuf {
    // scripts/bench-vs.sh points the bench at its own copy of the same demo.
    if let Some(dir) = std::env::var_os("OVERLEG_BENCH_DATA") {
        return PathBuf::from(dir);
    }
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

/// Reads every file of a team folder (team.ron, cases, meetings), as the floor of its start.
fn raw_read(team_dir: &Path) -> usize {
    let mut bytes = std::fs::read(team_dir.join("team.ron")).map_or(0, |b| b.len());
    for sub in ["cases", "meetings"] {
        for e in std::fs::read_dir(team_dir.join(sub))
            .into_iter()
            .flatten()
            .flatten()
        {
            bytes += std::fs::read(e.path()).map_or(0, |b| b.len());
        }
    }
    bytes
}

fn bench_start(c: &mut Criterion) {
    let data = data_dir();
    // Files younger than two seconds are not cached ("racy clean"): wait, then warm the
    // parse cache (in each team folder) with two loads of each kind.
    std::thread::sleep(Duration::from_secs(3));
    for _ in 0..2 {
        let _ = overleg::storage::load_workspace_quick(&data);
        let _ = overleg::storage::load_workspace_lookup(&data);
    }
    let first = overleg::storage::load_workspace_quick(&data);
    let chosen = &first.workspace.teams[first.workspace.teams.len() / 2];
    let team_dir = chosen.dir.clone();
    let opts = TuiOptions {
        db: None,
        data: data.clone(),
        team: Some(chosen.team.id.clone()),
        lang: Lang::Nl,
        today: None,
        theme: "default".into(),
    };
    let every = TuiOptions {
        db: None,
        team: None,
        ..opts.clone()
    };
    let app = build_app(&opts).expect("app");
    assert_eq!(app.workspace.teams.len(), 1, "the start loads one team");
    let mut g = c.benchmark_group("start");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("one_team", |b| {
        b.iter(|| build_app(&opts).expect("app"));
    });
    g.bench_function("team_raw_read", |b| b.iter(|| raw_read(&team_dir)));
    g.bench_function("whole_municipality", |b| {
        b.iter(|| build_app(&every).expect("app"));
    });
    g.bench_function("others_in_background", |b| {
        b.iter(|| load_others(&data, &[], Lang::Nl))
    });
    g.finish();
}

criterion_group!(benches, bench_start);
criterion_main!(benches);
