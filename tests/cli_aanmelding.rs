//! `overleg aanmelding` as the real binary on a municipality folder of two teams written with
//! the storage functions: a good aanmelding (text and `--json`), the code numbered on across
//! both teams (also over a case file that fails to load), and every kind of bad input, which
//! must write nothing.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use overleg::domain::{CaseStatus, Law, Leefgebied, Municipality};
use overleg::{storage, testdata};
use serde_json::Value;

/// Two teams: "noord" (the test data, codes 2026-0001…) and "zuid" with one case 2026-0040
/// and a broken file 2026-0041.ron.
fn write_municipality(root: &Path) -> PathBuf {
    storage::save_municipality(
        root,
        &Municipality {
            version: 1,
            name: "Gemeente Proefstad".into(),
        },
    )
    .expect("gemeente");
    let noord = root.join("noord");
    let td = testdata::team_data(&noord);
    storage::save_team(&noord, &td.team).expect("team");
    for c in &td.cases {
        storage::save_case(&noord, c).expect("case");
    }
    for m in &td.meetings {
        storage::save_meeting(&noord, m).expect("meeting");
    }
    let zuid = root.join("zuid");
    let mut team = td.team.clone();
    team.id = "zuid".into();
    team.name = "Wijkteam Zuid-Oost".into();
    storage::save_team(&zuid, &team).expect("team");
    let mut c = td.cases[0].clone();
    c.code = "2026-0040".into();
    storage::save_case(&zuid, &c).expect("case");
    storage::write_atomic(
        &storage::case_path(&zuid, "2026-0041"),
        b"(version: 1, code: \"2026-0041\", pseudo",
    )
    .expect("broken");
    noord
}

fn overleg(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_overleg"))
        .arg("--data")
        .arg(root)
        .args(["--today", "2026-11-23"])
        .args(args)
        .output()
        .expect("run overleg")
}

fn files(dir: &Path) -> BTreeSet<PathBuf> {
    walk(dir)
}

fn walk(dir: &Path) -> BTreeSet<PathBuf> {
    let mut out = BTreeSet::new();
    for e in std::fs::read_dir(dir).expect("dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.insert(p);
        }
    }
    out
}

const GOOD: &[&str] = &[
    "aanmelding",
    "--team",
    "noord",
    "--pseudoniem",
    "Fam. Ş.",
    "--wet",
    "jeugdwet,wmo",
    "--leefgebied",
    "financien",
    "--leefgebied",
    "opvoeding, huiselijk geweld",
    "--datum",
    "8-11-2026",
    "--bron",
    "school",
    "--complexiteit",
    "zwaar",
    "--veiligheid",
    "--vraag",
    "Zoon verzuimt, schulden lopen op",
    "--gezinslid",
    "moeder:38",
    "--gezinslid",
    "kind:12",
];

#[test]
fn a_good_aanmelding_gets_the_next_code_of_the_whole_municipality() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let noord = write_municipality(tmp.path());
    let out = overleg(tmp.path(), GOOD);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    // 2026-0041 exists only as a broken file in another team: still taken.
    assert!(text.contains("2026-0042"), "{text}");
    let path = storage::case_path(&noord, "2026-0042");
    let loaded = storage::load_workspace(tmp.path());
    let case = loaded
        .workspace
        .team("noord")
        .and_then(|t| t.case("2026-0042"))
        .expect("written and loaded")
        .clone();
    assert!(path.is_file());
    assert_eq!(case.status, CaseStatus::Aanmelding);
    // It waits on the verdeellijst of `overleg caseload`, with its waiting days.
    let out = overleg(tmp.path(), &["caseload", "--team", "noord", "--json"]);
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let list = v["teams"][0]["verdeellijst"].as_array().expect("list");
    let entry = list
        .iter()
        .find(|w| w["code"] == "2026-0042")
        .expect("on the list");
    assert_eq!(entry["waiting_days"], 15);
    let out = overleg(tmp.path(), &["caseload", "--team", "noord"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("2026-0042 Fam. Ş. · 15 dagen"), "{text}");
    assert_eq!(case.regisseur, None);
    assert_eq!(case.laws, [Law::Jeugdwet, Law::Wmo]);
    assert_eq!(
        case.leefgebieden,
        [
            Leefgebied::FinancienEnSchulden,
            Leefgebied::Opvoeding,
            Leefgebied::HuiselijkeRelaties
        ]
    );
    assert!(case.safety_flag);
    assert_eq!(case.household.len(), 2);
    assert_eq!(case.registered.to_string(), "2026-11-08");

    // The next one, as JSON, in the other team: 2026-0043.
    let mut args: Vec<&str> = GOOD.to_vec();
    args[2] = "Wijkteam Zuid-Oost";
    args.push("--json");
    let out = overleg(tmp.path(), &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["code"], "2026-0043");
    assert_eq!(v["status"], "Aanmelding");
    assert!(v["regisseur"].is_null());
    assert!(storage::case_path(&tmp.path().join("zuid"), "2026-0043").is_file());

    // A name with consent is kept.
    let mut args: Vec<&str> = GOOD.to_vec();
    args.extend(["--gezinslid", "oma:70:Fenna", "--toestemming-naam"]);
    let out = overleg(tmp.path(), &args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Pointed at one team folder of the municipality, the other team's codes still count.
    let out = overleg(
        &noord,
        &[
            "aanmelding",
            "--pseudoniem",
            "Dhr. Ü.",
            "--wet",
            "wmo",
            "--json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["code"], "2026-0045");
    assert_eq!(v["registered"], "2026-11-23", "today by default");
}

#[test]
fn bad_input_is_refused_with_the_choices_and_writes_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    write_municipality(tmp.path());
    let before = files(tmp.path());
    let with = |flag: &str, value: &str| -> Vec<String> {
        let mut args: Vec<String> = GOOD.iter().map(|s| s.to_string()).collect();
        let at = args.iter().position(|a| a == flag).expect("flag");
        args[at + 1] = value.to_string();
        args
    };
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            with("--wet", "jeugdzorg"),
            "Kies uit: Wmo, Jeugdwet, Participatiewet",
        ),
        (with("--wet", ""), "minstens één wet"),
        (with("--leefgebied", "geld"), "financiën en schulden"),
        (with("--datum", "31-02-2026"), "Geen geldige datum"),
        (with("--datum", "1-12-2026"), "na vandaag"),
        (with("--bron", "buurman"), "huisarts"),
        (with("--complexiteit", "heel zwaar"), "licht, midden, zwaar"),
        (with("--pseudoniem", "  "), "pseudoniem"),
        (
            with("--gezinslid", "moeder:38:Fatma"),
            "alleen met toestemming",
        ),
        (with("--gezinslid", "kind:twaalf"), "rol[:leeftijd[:naam]]"),
        (with("--team", "west"), "noord, zuid"),
        (with("--wet", "wmo\u{1b}[31m"), "\u{fffd}"),
    ];
    for (args, says) in cases {
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = overleg(tmp.path(), &refs);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(!err.contains('\u{1b}'), "no raw control characters: {err}");
        assert!(!err.contains("Fatma"), "no names in messages: {err}");
        assert!(out.stdout.is_empty());
    }
    // Without --team in a folder of two teams.
    let out = overleg(
        tmp.path(),
        &["aanmelding", "--pseudoniem", "Fam. B.", "--wet", "wmo"],
    );
    assert_eq!(out.status.code(), Some(2));
    // English.
    let mut args = with("--wet", "zorg");
    args.extend(["--lang".to_string(), "en".to_string()]);
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = overleg(tmp.path(), &refs);
    assert!(String::from_utf8_lossy(&out.stderr).contains("Choose from"));
    assert_eq!(files(tmp.path()), before, "nothing was written");
}
