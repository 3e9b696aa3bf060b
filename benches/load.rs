//! Loading speed: a municipality of 40 teams with 50,000 case files in all (goal: well under
//! 500 ms on 2 cores with a warm cache). Run with `cargo bench --bench load`.
//!
//! Set `OVERLEG_BENCH_DIR` to keep the generated folder between runs.

use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use overleg::domain::{Case, Team};
use overleg::storage::{from_ron, load_workspace, to_ron};

const TEAMS: usize = 40;
const CASES: usize = 50_000;

fn fixture(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/wijkteam-oost")
        .join(file);
    std::fs::read_to_string(path).expect("fixture")
}

/// Writes the municipality (plain writes: speed of generation does not matter here).
fn generate(root: &Path) {
    if root.join("team-00/team.ron").is_file() {
        return;
    }
    let team: Team = from_ron(&fixture("team.ron")).expect("team");
    let case: Case = from_ron(&fixture("cases/2026-0001.ron")).expect("case");
    for t in 0..TEAMS {
        let dir = root.join(format!("team-{t:02}"));
        std::fs::create_dir_all(dir.join("cases")).expect("mkdir");
        let mut team = team.clone();
        team.id = format!("team-{t:02}");
        std::fs::write(dir.join("team.ron"), to_ron(&team).expect("ron")).expect("write");
        for i in (t..CASES).step_by(TEAMS) {
            let mut case = case.clone();
            case.code = format!("{}-{:04}", 2000 + i / 10_000, i % 10_000);
            let text = to_ron(&case).expect("ron");
            std::fs::write(dir.join("cases").join(format!("{}.ron", case.code)), text)
                .expect("write");
        }
    }
}

fn bench_load(c: &mut Criterion) {
    let (_keep, root): (Option<tempfile::TempDir>, PathBuf) =
        match std::env::var_os("OVERLEG_BENCH_DIR") {
            Some(dir) => (None, PathBuf::from(dir)),
            None => {
                let tmp = tempfile::tempdir().expect("tempdir");
                let root = tmp.path().to_path_buf();
                (Some(tmp), root)
            }
        };
    generate(&root);
    let out = load_workspace(&root);
    assert_eq!(out.workspace.case_count(), CASES);
    assert!(out.problems.is_empty(), "{:?}", out.problems.first());

    let mut group = c.benchmark_group("load");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(10));
    group.bench_function("50k cases in 40 teams", |b| {
        b.iter(|| load_workspace(&root))
    });
    group.finish();
}

criterion_group!(benches, bench_load);
criterion_main!(benches);
