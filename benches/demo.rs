//! Speed of the demo generator: a large municipality (50,000 cases in 40 teams).

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use overleg::demo::{DemoSpec, generate};

fn bench_generate(c: &mut Criterion) {
    let spec = DemoSpec {
        teams: 40,
        cases: 50_000,
        seed: 1,
        today: NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default(),
    };
    let mut group = c.benchmark_group("demo");
    group.sample_size(10);
    group.bench_function("generate 50k cases in 40 teams", |b| {
        b.iter(|| generate(&spec))
    });
    group.finish();
}

criterion_group!(benches, bench_generate);
criterion_main!(benches);
