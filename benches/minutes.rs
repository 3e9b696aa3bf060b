//! Speed of writing minutes: the last meeting of the largest shipped demo team, rendered in
//! each format and profile (in memory, no disk).

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use overleg::i18n::Lang;
use overleg::minutes::{self, Format, Profile};
use overleg::storage::load_workspace;

fn bench_minutes(c: &mut Criterion) {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let ws = load_workspace(&data).workspace;
    let Some(team) = ws.teams.iter().max_by_key(|t| t.team.members.len()) else {
        eprintln!("data/ has no teams; nothing to measure");
        return;
    };
    let Some(meeting) = team.last_closed_meeting() else {
        eprintln!("no closed meeting in {}; nothing to measure", team.team.id);
        return;
    };
    let mut group = c.benchmark_group("minutes");
    for (name, format) in [
        ("md", Format::Md),
        ("html", Format::Html),
        ("docx", Format::Docx),
    ] {
        for (pname, profile) in [("intern", Profile::Intern), ("deelbaar", Profile::Deelbaar)] {
            group.bench_function(format!("{name} {pname}"), |b| {
                b.iter(|| minutes::render(team, meeting, format, profile, Lang::Nl))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_minutes);
criterion_main!(benches);
