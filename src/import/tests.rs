//! Import tests on sheets made here: CSV text, and workbooks written with rust_xlsxwriter.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::*;
use crate::domain::{Kader, Law, Regisseur};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// A fresh team folder with two members.
fn team_dir() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("noord");
    let team = crate::domain::Team {
        version: 1,
        id: "noord".into(),
        name: "Wijkteam Noord".into(),
        municipality: "Gemeente Proef".into(),
        members: vec![
            member("hdewit", "Hatice de Wit"),
            member("jkok", "Joris Kok"),
        ],
        rhythm: crate::domain::MeetingRhythm {
            weekday: crate::domain::Weekday::Donderdag,
            start: chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap(),
            duration_minutes: 90,
            interval_weeks: 2,
            anchor: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
            place: String::new(),
        },
        caseload_norm: Default::default(),
        shared_folder: false,
    };
    crate::cli::team::create(&dir, &team).unwrap();
    (tmp, dir)
}

fn member(id: &str, name: &str) -> crate::domain::Member {
    crate::domain::Member {
        id: id.into(),
        name: name.into(),
        roles: vec![crate::domain::Role::Wijkcoach],
        fte: 0.8,
        expertise: vec![],
        youth_authority: true,
        mandate_eur: None,
        start: None,
        end: None,
        leave: vec![],
    }
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn plan_of(dir: &Path, files: &[PathBuf]) -> Plan {
    let opts = Options {
        today: Some(today()),
        ..Options::default()
    };
    plan(dir, files, &HashMap::new(), &opts).unwrap()
}

const GOOD: &str = "\
Casusnummer;Initialen;Casushouder;Regisseur;Wet;Status;Aanmelddatum;Evaluatiedatum;Leefgebieden;Complexiteit;Veiligheid;Signaalbron
2026-0001;Fam. A.;Hatice de Wit;hdewit;WMO, jeugdwet;uitvoering;8-12-2025;2026-12-08;\"opvoeding; financiën en schulden\";zwaar;ja;school
2026-0002;Mw. Ö.;jkok;;Participatiewet;aanmelding;8/1/2026;;huisvesting;licht;nee;Huisarts
";

#[test]
fn a_good_csv_imports_and_checks_clean() {
    let (_t, dir) = team_dir();
    let f = write(dir.parent().unwrap(), "lijst.csv", GOOD);
    let p = plan_of(&dir, &[f]);
    assert!(p.issues.is_empty(), "{:#?}", p.issues);
    assert_eq!(p.counts(), (2, 0));
    apply(p).unwrap();
    let out = crate::storage::load_workspace(&dir);
    assert!(out.problems.is_empty(), "{:?}", out.problems);
    let td = &out.workspace.teams[0];
    let a = td.case("2026-0001").unwrap();
    assert_eq!(a.laws, vec![Law::Wmo, Law::Jeugdwet]);
    assert_eq!(a.regisseur, Some(Regisseur::Lid("hdewit".into())));
    assert_eq!(a.registered, NaiveDate::from_ymd_opt(2025, 12, 8).unwrap());
    assert_eq!(a.next_evaluation, NaiveDate::from_ymd_opt(2026, 12, 8));
    assert!(a.safety_flag);
    assert_eq!(a.leefgebieden.len(), 2);
    let b = td.case("2026-0002").unwrap();
    assert_eq!(b.coach.as_deref(), Some("jkok"));
    assert_eq!(b.regisseur, None);
}

#[test]
fn every_bad_cell_is_reported_with_row_and_column_and_nothing_is_written() {
    let (_t, dir) = team_dir();
    let text = "\
casusnummer,pseudoniem,coach,wet,aanmelddatum,complexiteit,veiligheid,status,leefgebieden
26-0001,Fam. B.,hdewit,Wmo,1-1-2026,licht,nee,plan,
2026-0003,Fam. C.,Onbekende Persoon,Wmo,1-1-2026,licht,nee,plan,
2026-0004,Fam. D.,hdewit,Zorgwet,1-1-2026,licht,nee,plan,
2026-0005,Fam. E.,hdewit,Wmo,31-2-2026,licht,nee,plan,
2026-0006,Fam. F.,hdewit,Wmo,1-1-2026,enorm,misschien,klaar,sterrenkunde
2026-0007,,hdewit,Wmo,1-1-2026,licht,nee,plan,
2026-0003,Fam. G.,hdewit,Wmo,1-1-2026,licht,nee,plan,
";
    let f = write(dir.parent().unwrap(), "fout.csv", text);
    let p = plan_of(&dir, &[f]);
    let lines: Vec<String> = p
        .issues
        .iter()
        .map(|i| crate::i18n::import::issue(i, crate::i18n::Lang::Nl))
        .collect();
    let has = |s: &str| lines.iter().any(|l| l.starts_with(s));
    assert!(
        has("fout.csv:2:A: ongeldige casuscode \"26-0001\" — schrijf"),
        "{lines:#?}"
    );
    assert!(
        has("fout.csv:3:C: onbekende medewerker \"Onbekende Persoon\""),
        "{lines:#?}"
    );
    assert!(lines.iter().any(|l| l.contains("Hatice de Wit, Joris Kok")));
    assert!(has("fout.csv:4:D: onbekende wet \"Zorgwet\""), "{lines:#?}");
    assert!(has("fout.csv:5:E: geen datum \"31-2-2026\""), "{lines:#?}");
    assert!(
        has("fout.csv:6:F: onbekende complexiteit \"enorm\""),
        "{lines:#?}"
    );
    assert!(
        has("fout.csv:6:G: geen ja of nee \"misschien\""),
        "{lines:#?}"
    );
    assert!(
        has("fout.csv:6:H: onbekende status \"klaar\""),
        "{lines:#?}"
    );
    assert!(
        has("fout.csv:6:I: onbekend leefgebied \"sterrenkunde\""),
        "{lines:#?}"
    );
    assert!(has("fout.csv:7:B: pseudoniem ontbreekt"), "{lines:#?}");
    assert!(
        has("fout.csv:8:A: casusnummer 2026-0003 staat ook in fout.csv:3"),
        "{lines:#?}"
    );
    assert!(!p.can_apply(false));
    assert!(p.can_apply(true));
    assert_eq!(p.bad_rows.len(), 7);
    // Nothing written by planning.
    assert_eq!(std::fs::read_dir(dir.join("cases")).unwrap().count(), 0);
    // English on request.
    let en = crate::i18n::import::issue(&p.issues[0], crate::i18n::Lang::En);
    assert!(en.contains("invalid case code"), "{en}");
}

#[test]
fn reimport_is_idempotent_and_keeps_what_meetings_recorded() {
    let (_t, dir) = team_dir();
    let f = write(dir.parent().unwrap(), "lijst.csv", GOOD);
    apply(plan_of(&dir, std::slice::from_ref(&f))).unwrap();
    let path = crate::storage::case_path(&dir, "2026-0001");
    let first = std::fs::read(&path).unwrap();
    // Same sheet again: nothing to write, the file untouched byte for byte.
    let again = plan_of(&dir, std::slice::from_ref(&f));
    assert_eq!(again.counts(), (0, 0));
    assert_eq!(again.unchanged_cases, 2);
    apply(again).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), first);
    // A meeting hands regie over and sets a new evaluation; someone adds a plan.
    let mut case: crate::domain::Case =
        crate::storage::from_ron(&std::fs::read_to_string(&path).unwrap()).unwrap();
    case.regie_history.push(crate::domain::RegieChange {
        date: today(),
        from: case.regisseur.clone(),
        to: Some(Regisseur::Lid("jkok".into())),
        reason: "Overdracht in het overleg.".into(),
        meeting: Some(today()),
        effective: None,
    });
    case.regisseur = Some(Regisseur::Lid("jkok".into()));
    case.next_evaluation = NaiveDate::from_ymd_opt(2027, 1, 14);
    case.situation_now = "Het gaat beter.".into();
    crate::storage::save_case(&dir, &case).unwrap();
    // The sheet changes the complexity; its regisseur and evaluation are the old ones.
    let changed = GOOD.replace(";zwaar;", ";midden;");
    let f2 = write(dir.parent().unwrap(), "lijst2.csv", &changed);
    let p = plan_of(&dir, &[f2]);
    assert_eq!(p.counts(), (0, 1));
    assert_eq!(p.notices.len(), 2, "{:?}", p.notices);
    apply(p).unwrap();
    let after: crate::domain::Case =
        crate::storage::from_ron(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(after.complexity, crate::domain::Complexity::Midden);
    assert_eq!(after.regisseur, Some(Regisseur::Lid("jkok".into())));
    assert_eq!(after.regie_history.len(), 1);
    assert_eq!(after.next_evaluation, NaiveDate::from_ymd_opt(2027, 1, 14));
    assert_eq!(after.situation_now, "Het gaat beter.");
    assert!(crate::storage::load_workspace(&dir).problems.is_empty());
}

#[test]
fn a_file_edited_between_plan_and_apply_is_not_overwritten() {
    let (_t, dir) = team_dir();
    let f = write(dir.parent().unwrap(), "lijst.csv", GOOD);
    apply(plan_of(&dir, std::slice::from_ref(&f))).unwrap();
    let changed = GOOD.replace(";zwaar;", ";licht;");
    let f2 = write(dir.parent().unwrap(), "lijst2.csv", &changed);
    let p = plan_of(&dir, &[f2]);
    let path = crate::storage::case_path(&dir, "2026-0001");
    let edited = std::fs::read_to_string(&path)
        .unwrap()
        .replace("situation_now: \"\"", "situation_now: \"met de hand\"");
    std::fs::write(&path, &edited).unwrap();
    assert!(matches!(apply(p), Err(ImportError::Changed(_))));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
}

#[test]
fn a_broken_case_file_is_reported_not_overwritten() {
    let (_t, dir) = team_dir();
    let path = crate::storage::case_path(&dir, "2026-0002");
    std::fs::write(&path, "(version: 1, code: ").unwrap();
    let f = write(dir.parent().unwrap(), "lijst.csv", GOOD);
    let p = plan_of(&dir, &[f]);
    assert!(
        p.issues
            .iter()
            .any(|i| matches!(i.kind, IssueKind::BrokenFile(_)) && i.row == 3)
    );
}

#[test]
fn members_by_sheet_and_cases_naming_them() {
    let (_t, dir) = team_dir();
    let members = write(
        dir.parent().unwrap(),
        "team.csv",
        "Naam;Rol;FTE;Expertise;Jeugd\nŞükrü Yıldız;Jeugdprofessional;0,8;\"LVB; schulden\";ja\nJoris Kok;wijkcoach;1;;nee\n",
    );
    let cases = write(
        dir.parent().unwrap(),
        "cases.csv",
        "casusnummer;pseudoniem;wet;aanmelddatum;coach\n2026-0010;Fam. Y.;jeugd;2026-01-05;Şükrü Yıldız\n",
    );
    let p = plan_of(&dir, &[cases, members]);
    assert!(p.issues.is_empty(), "{:#?}", p.issues);
    apply(p).unwrap();
    let out = crate::storage::load_workspace(&dir);
    assert!(out.problems.is_empty(), "{:?}", out.problems);
    let td = &out.workspace.teams[0];
    let s = td
        .team
        .member("syildiz")
        .expect("new member by generated id");
    assert_eq!(s.fte, 0.8);
    assert_eq!(td.team.member("jkok").unwrap().fte, 1.0);
    assert!(!td.team.member("jkok").unwrap().youth_authority);
    assert_eq!(
        td.case("2026-0010").unwrap().coach.as_deref(),
        Some("syildiz")
    );
}

#[test]
fn gedwongen_kader_with_the_gezinsvoogd_as_regisseur() {
    let (_t, dir) = team_dir();
    let f = write(
        dir.parent().unwrap(),
        "g.csv",
        "casusnummer;pseudoniem;wet;aanmelddatum;kader;maatregel;gi;gezinsvoogd;maatregel start;maatregel einde;regisseur\n\
         2026-0020;Fam. G.;Jeugdwet;2026-02-01;Gedwongen;OTS;Jeugdbescherming Proef;R. Fictief;1-3-2026;1-3-2027;gezinsvoogd\n\
         2026-0021;Fam. H.;Jeugdwet;2026-02-01;gedwongen;;;;;;\n",
    );
    let p = plan_of(&dir, &[f]);
    let missing: Vec<_> = p.issues.iter().filter(|i| i.row == 3).collect();
    assert_eq!(missing.len(), 5, "{missing:#?}");
    let c = p.cases.iter().find(|(_, c)| c.code == "2026-0020").unwrap();
    assert!(matches!(c.1.kader, Kader::Gedwongen(_)));
    assert!(matches!(&c.1.regisseur, Some(Regisseur::Extern(e)) if e.name == "R. Fictief"));
}

#[test]
fn an_xlsx_with_date_cells_and_serial_numbers_and_an_ods_mapping() {
    use rust_xlsxwriter::{Format, Workbook};
    let (_t, dir) = team_dir();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Dossiers").unwrap();
    for (c, h) in ["Dossiernr", "Naam gezin", "Wet", "Start", "Evaluatie"]
        .iter()
        .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let datefmt = Format::new().set_num_format("d-m-yyyy");
    ws.write_string(1, 0, "2026-0031").unwrap();
    ws.write_string(1, 1, "Fam. X.").unwrap();
    ws.write_string(1, 2, "wmo").unwrap();
    ws.write_datetime_with_format(1, 3, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), &datefmt)
        .unwrap();
    // A serial number without a date format (as some exports write it).
    ws.write_number(1, 4, 46364.0).unwrap();
    let f = dir.parent().unwrap().join("dossiers.xlsx");
    std::fs::write(&f, wb.save_to_buffer().unwrap()).unwrap();
    let mapping: Mapping = crate::storage::from_ron(
        r#"(huishoudens: {"Dossiernr": Casusnummer, "Naam gezin": Pseudoniem, "Start": Aanmelddatum, "Evaluatie": Evaluatiedatum})"#,
    )
    .unwrap();
    let opts = Options {
        mapping,
        today: Some(today()),
    };
    let p = plan(&dir, &[f], &HashMap::new(), &opts).unwrap();
    assert!(p.issues.is_empty(), "{:#?}", p.issues);
    let c = &p.cases[0].1;
    assert_eq!(c.registered, NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
    assert_eq!(c.next_evaluation, NaiveDate::from_ymd_opt(2026, 12, 8));
}

#[test]
fn the_template_round_trips_through_import() {
    let (_t, dir) = team_dir();
    let f = dir.parent().unwrap().join("sjabloon.xlsx");
    std::fs::write(&f, template::template(crate::i18n::Lang::Nl, true).unwrap()).unwrap();
    let p = plan_of(&dir, std::slice::from_ref(&f));
    assert!(p.issues.is_empty(), "{:#?}", p.issues);
    assert_eq!(p.counts(), (3, 0));
    assert_eq!(p.members_seen, 2);
    apply(p).unwrap();
    let out = crate::storage::load_workspace(&dir);
    assert!(out.problems.is_empty(), "{:?}", out.problems);
    assert_eq!(out.workspace.teams[0].team.members.len(), 4);
    // And once more: nothing changes.
    let again = plan_of(&dir, &[f]);
    assert_eq!(
        (again.counts(), again.team_change),
        ((0, 0), Change::Unchanged)
    );
    // The empty template has the headers but no rows.
    let empty = dir.parent().unwrap().join("leeg.xlsx");
    std::fs::write(
        &empty,
        template::template(crate::i18n::Lang::Nl, false).unwrap(),
    )
    .unwrap();
    let p = plan_of(&dir, &[empty]);
    assert!(p.issues.is_empty(), "{:#?}", p.issues);
    assert_eq!(p.counts(), (0, 0));
}

/// A minimal OpenDocument spreadsheet, as LibreOffice writes it: text cells, a date cell
/// (`office:date-value`), a float cell.
fn ods(path: &Path, rows: &[Vec<(&str, &str)>]) {
    use std::io::Write;
    let mut table = String::new();
    for row in rows {
        table.push_str("<table:table-row>");
        for (kind, v) in row {
            match *kind {
                "date" => table.push_str(&format!(
                    r#"<table:table-cell office:value-type="date" office:date-value="{v}"><text:p>{v}</text:p></table:table-cell>"#
                )),
                "float" => table.push_str(&format!(
                    r#"<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>"#
                )),
                _ => table.push_str(&format!(
                    r#"<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>"#
                )),
            }
        }
        table.push_str("</table:table-row>");
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Casussen">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("META-INF/manifest.xml", stored).unwrap();
    zip.write_all(manifest.as_bytes()).unwrap();
    zip.start_file("content.xml", stored).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap();
}

#[test]
fn an_ods_from_libreoffice_with_a_date_cell_and_a_bad_row() {
    let (_t, dir) = team_dir();
    let f = dir.parent().unwrap().join("lijst.ods");
    let s = |v| ("string", v);
    ods(
        &f,
        &[
            vec![
                s("Casusnummer"),
                s("Pseudoniem"),
                s("Wet"),
                s("Aanmelddatum"),
                s("Complexiteit"),
            ],
            vec![
                s("2026-0101"),
                s("Fam. O."),
                s("Jeugdwet"),
                ("date", "2026-03-02"),
                s("zwaar"),
            ],
            vec![
                s("2026-0102"),
                s("Mw. P."),
                s("Wmo"),
                ("float", "46364"),
                s("licht"),
            ],
            vec![
                s("2026-0103"),
                s("Dhr. Q."),
                s("Wmo"),
                s("morgen"),
                s("licht"),
            ],
        ],
    );
    let p = plan_of(&dir, std::slice::from_ref(&f));
    let lines: Vec<String> = p
        .issues
        .iter()
        .map(|i| crate::i18n::import::issue(i, crate::i18n::Lang::Nl))
        .collect();
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(
        lines[0].starts_with("lijst.ods[Casussen]:4:D: geen datum \"morgen\""),
        "{lines:#?}"
    );
    let first = p.cases.iter().find(|(_, c)| c.code == "2026-0101").unwrap();
    assert_eq!(
        first.1.registered,
        NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
    );
    let second = p.cases.iter().find(|(_, c)| c.code == "2026-0102").unwrap();
    assert_eq!(
        second.1.registered,
        NaiveDate::from_ymd_opt(2026, 12, 8).unwrap()
    );
}
