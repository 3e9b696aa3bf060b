//! `overleg team init`, `overleg import` and the Excel exports from the command line: a team
//! folder started without questions, the template filled and imported, a dry run that
//! writes nothing, a re-import that changes nothing, and xlsx files read back with calamine
//! (real date cells, the header row).

use std::path::Path;
use std::process::{Command, Output};

use calamine::{Data, Reader};

fn overleg(config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_overleg"))
        .args(args)
        .env("OVERLEG_CONFIG_DIR", config)
        .env("OVERLEG_NO_CACHE", "1")
        .output()
        .expect("run overleg")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn sheet(path: &Path, name: &str) -> calamine::Range<Data> {
    let mut wb = calamine::open_workbook_auto(path).expect("open xlsx");
    wb.worksheet_range(name).expect("sheet")
}

#[test]
fn init_then_template_then_import_then_reimport() {
    let tmp = tempfile::tempdir().expect("tmp");
    let cfg = tmp.path().join("config");
    let team = tmp.path().join("zuid");
    let t = team.to_str().expect("utf-8 path");
    // Not a terminal: no questions, the flags and defaults.
    let o = overleg(
        &cfg,
        &[
            "team",
            "init",
            t,
            "--naam",
            "Wijkteam Zuid",
            "--id",
            "zuid",
            "--dag",
            "woensdag",
            "--tijd",
            "10:00",
            "--today",
            "2026-11-23",
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(team.join("team.ron").is_file() && team.join("cases").is_dir());
    let again = overleg(&cfg, &["team", "init", t]);
    assert_eq!(
        again.status.code(),
        Some(2),
        "never over an existing team.ron"
    );
    let sjabloon = tmp.path().join("sjabloon.xlsx");
    let s = sjabloon.to_str().expect("utf-8");
    let o = overleg(&cfg, &["import", "--template", s, "--voorbeeld"]);
    assert!(o.status.success(), "{}", text(&o));
    // The template: a header row, the explanation sheet.
    let h = sheet(&sjabloon, "Huishoudens");
    assert_eq!(
        h.get_value((0, 0)),
        Some(&Data::String("casusnummer".into()))
    );
    assert!(sheet(&sjabloon, "Uitleg").get_value((0, 0)).is_some());
    // Dry run: lists what would happen, writes nothing.
    let o = overleg(&cfg, &["import", "--data", t, s, "--dry-run"]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("Zou schrijven: 3 nieuwe huishoudens"),
        "{}",
        text(&o)
    );
    assert_eq!(
        std::fs::read_dir(team.join("cases")).expect("dir").count(),
        0
    );
    let o = overleg(&cfg, &["import", "--data", t, s]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains(
            "Geschreven: 3 nieuwe huishoudens, 0 gewijzigd, 0 ongewijzigd, team.ron bijgewerkt"
        ),
        "{}",
        text(&o)
    );
    let check = overleg(&cfg, &["check", "--data", t]);
    assert!(check.status.success(), "{}", text(&check));
    let o = overleg(&cfg, &["import", "--data", t, s]);
    assert!(
        text(&o).contains("0 nieuwe huishoudens, 0 gewijzigd, 3 ongewijzigd."),
        "{}",
        text(&o)
    );
}

#[test]
fn a_bad_sheet_is_refused_with_every_problem_and_skip_bad_rows_says_what_it_left_out() {
    let tmp = tempfile::tempdir().expect("tmp");
    let cfg = tmp.path().join("config");
    let team = tmp.path().join("west");
    let t = team.to_str().expect("utf-8");
    assert!(
        overleg(
            &cfg,
            &[
                "team", "init", t, "--naam", "West", "--id", "west", "--dag", "ma", "--tijd",
                "9:30"
            ]
        )
        .status
        .success()
    );
    let csv = tmp.path().join("lijst.csv");
    std::fs::write(
        &csv,
        "casusnummer;pseudoniem;wet;aanmelddatum\n2026-0001;Fam. A.;Wmo;1-2-2026\n2026-002x;Fam. B.;Wmo;1-2-2026\n2026-0003;Fam. C.;Wet X;1-2-2026\n",
    )
    .expect("csv");
    let c = csv.to_str().expect("utf-8");
    let o = overleg(&cfg, &["import", "--data", t, c]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o);
    assert!(
        out.contains("lijst.csv:3:A: ongeldige casuscode \"2026-002x\""),
        "{out}"
    );
    assert!(
        out.contains("lijst.csv:4:C: onbekende wet \"Wet X\""),
        "{out}"
    );
    assert!(
        out.contains("2 problemen gevonden; er is niets geschreven"),
        "{out}"
    );
    assert_eq!(
        std::fs::read_dir(team.join("cases")).expect("dir").count(),
        0
    );
    let o = overleg(&cfg, &["import", "--data", t, c, "--skip-bad-rows"]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("Weggelaten rijen (2): lijst.csv:3, lijst.csv:4"),
        "{}",
        text(&o)
    );
    assert!(team.join("cases/2026-0001.ron").is_file());
}

#[test]
fn caseload_actielijst_and_besluitenlijst_as_xlsx() {
    let tmp = tempfile::tempdir().expect("tmp");
    let cfg = tmp.path().join("config");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let d = data.to_str().expect("utf-8");
    let caseload = tmp.path().join("caseload.xlsx");
    let o = overleg(
        &cfg,
        &[
            "caseload",
            "--data",
            d,
            "--today",
            "2026-11-23",
            "--format",
            "xlsx",
            "--out",
            caseload.to_str().expect("utf-8"),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    let s = sheet(&caseload, "Caseload");
    assert_eq!(
        s.get_value((0, 1)),
        Some(&Data::String("Medewerker".into()))
    );
    assert!(s.height() > 10, "every member of every team");
    assert!(
        matches!(s.get_value((1, 3)), Some(Data::Float(_))),
        "FTE is a number"
    );
    let acties = tmp.path().join("acties.xlsx");
    let o = overleg(
        &cfg,
        &[
            "lijst",
            "acties",
            "--data",
            d,
            "--team",
            "stroinkslanden-zuid",
            "--out",
            acties.to_str().expect("utf-8"),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    let s = sheet(&acties, "Actielijst");
    let headers: Vec<String> = (0..7)
        .map(|c| {
            s.get_value((0, c))
                .map(|v| v.to_string())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        headers,
        [
            "Nr.",
            "Casus",
            "Actie",
            "Actiehouder",
            "Deadline",
            "Status",
            "Uitgesteld"
        ]
    );
    assert!(s.height() > 2);
    // The deadline is a real date cell.
    assert!(
        matches!(s.get_value((1, 4)), Some(Data::DateTime(d)) if d.is_datetime()),
        "{:?}",
        s.get_value((1, 4))
    );
    let besluiten = tmp.path().join("besluiten.xlsx");
    let o = overleg(
        &cfg,
        &[
            "lijst",
            "besluiten",
            "--data",
            d,
            "--team",
            "stroinkslanden-zuid",
            "--out",
            besluiten.to_str().expect("utf-8"),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    let s = sheet(&besluiten, "Besluitenlijst");
    assert_eq!(s.get_value((0, 5)), Some(&Data::String("Grond".into())));
    assert!(matches!(s.get_value((1, 2)), Some(Data::DateTime(_))));
    // The header row is filterable (an autofilter over the table).
    let raw = std::fs::read(&besluiten).expect("read");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(raw)).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").expect("sheet1"),
        &mut xml,
    )
    .expect("xml");
    assert!(xml.contains("<autoFilter"), "filterable header");
    assert!(xml.contains("state=\"frozen\""), "frozen header");
}

/// The mapping and config examples in docs/data-format.md are what the code reads.
#[test]
fn the_documented_mapping_and_config_examples_load() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/data-format.md"))
        .expect("docs");
    let blocks: Vec<&str> = doc
        .split("```ron\n")
        .skip(1)
        .filter_map(|b| b.split("```").next())
        .collect();
    let mapping = blocks
        .iter()
        .find(|b| b.contains("huishoudens:"))
        .expect("mapping example");
    let m: overleg::import::Mapping = overleg::storage::from_ron(mapping).expect("mapping parses");
    assert_eq!(m.header_row, Some(2));
    assert_eq!(
        m.huishoudens.get("Dossiernr"),
        Some(&overleg::import::CaseField::Casusnummer)
    );
    let config = blocks
        .iter()
        .find(|b| b.contains("theme:"))
        .expect("config example");
    let c: overleg::cli::config::Config =
        overleg::storage::from_ron(config).expect("config parses");
    assert_eq!(c.lang, Some(overleg::i18n::Lang::Nl));
}
