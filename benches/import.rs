//! `overleg import` of a 150-row households sheet with 20 members (the size of one wijkteam):
//! planning (read the .xlsx, recognise the columns, check every cell, merge) and writing a
//! fresh team folder; and planning a re-import of the same sheet (nothing to write).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use overleg::import::{self, Options};
use rust_xlsxwriter::Workbook;

const ROWS: usize = 150;
const MEMBERS: usize = 20;

fn sheet(path: &Path) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Medewerkers").unwrap();
    for (c, h) in ["Naam", "Rol", "FTE", "Expertise", "Jeugd"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for i in 0..MEMBERS {
        let r = i as u32 + 1;
        ws.write_string(r, 0, format!("Medewerker{i} Achternaam{i}"))
            .unwrap();
        ws.write_string(
            r,
            1,
            if i == 0 {
                "wijkteammanager"
            } else {
                "wijkcoach"
            },
        )
        .unwrap();
        ws.write_string(r, 2, "0,89").unwrap();
        ws.write_string(r, 3, "schulden; LVB").unwrap();
        ws.write_string(r, 4, "ja").unwrap();
    }
    let ws = wb.add_worksheet();
    ws.set_name("Huishoudens").unwrap();
    let headers = [
        "Casusnummer",
        "Pseudoniem",
        "Casushouder",
        "Regisseur",
        "Wet",
        "Status",
        "Aanmelddatum",
        "Evaluatiedatum",
        "Leefgebieden",
        "Complexiteit",
        "Veiligheid",
        "Signaalbron",
        "Toestemming",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let date = chrono::NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    for i in 0..ROWS {
        let r = i as u32 + 1;
        let coach = format!(
            "Medewerker{} Achternaam{}",
            1 + i % (MEMBERS - 1),
            1 + i % (MEMBERS - 1)
        );
        ws.write_string(r, 0, format!("2026-{:04}", i + 1)).unwrap();
        ws.write_string(r, 1, format!("Fam. {}.", (b'A' + (i % 26) as u8) as char))
            .unwrap();
        ws.write_string(r, 2, &coach).unwrap();
        ws.write_string(r, 3, &coach).unwrap();
        ws.write_string(r, 4, if i % 3 == 0 { "Jeugdwet, Wmo" } else { "Wmo" })
            .unwrap();
        ws.write_string(r, 5, "uitvoering").unwrap();
        ws.write_datetime(r, 6, date + chrono::Duration::days(i as i64))
            .unwrap();
        ws.write_string(r, 7, format!("{}-12-2026", 1 + i % 28))
            .unwrap();
        ws.write_string(r, 8, "opvoeding; financiën en schulden")
            .unwrap();
        ws.write_string(r, 9, ["licht", "midden", "zwaar"][i % 3])
            .unwrap();
        ws.write_string(r, 10, if i % 7 == 0 { "ja" } else { "nee" })
            .unwrap();
        ws.write_string(r, 11, "school").unwrap();
        ws.write_string(r, 12, "nee").unwrap();
    }
    std::fs::write(path, wb.save_to_buffer().unwrap()).unwrap();
}

fn fresh_team(root: &Path, n: usize) -> PathBuf {
    let dir = root.join(format!("team-{n}"));
    let mut team = overleg::testdata::team();
    team.members.clear();
    overleg::cli::team::create(&dir, &team).unwrap();
    dir
}

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("team.xlsx");
    sheet(&file);
    let opts = Options::default();
    let files = vec![file];
    let mut n = 0;
    c.bench_function("import 150 rows: plan and write a new team folder", |b| {
        b.iter(|| {
            n += 1;
            let dir = fresh_team(tmp.path(), n);
            let plan = import::plan(&dir, &files, &HashMap::new(), &opts).unwrap();
            assert!(plan.issues.is_empty(), "{:?}", plan.issues.first());
            import::apply(plan).unwrap()
        })
    });
    let dir = fresh_team(tmp.path(), 0);
    import::apply(import::plan(&dir, &files, &HashMap::new(), &opts).unwrap()).unwrap();
    c.bench_function("re-import 150 rows: plan, nothing to write", |b| {
        b.iter(|| {
            let plan = import::plan(&dir, &files, &HashMap::new(), &opts).unwrap();
            assert_eq!(plan.counts(), (0, 0));
            plan
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
