//! The Word minutes as a municipal template: running header and "pagina X van Y", repeated
//! table header rows and rows kept whole, the document properties, the actielijst grouped
//! and sorted, "niet besproken" in all three formats, and a re-export that never overwrites
//! a document edited after overleg wrote it. Rendered through LibreOffice where `soffice` is
//! installed.

mod minutes_fixture;
use minutes_fixture as common;

use std::path::Path;

use overleg::domain::{ActionItem, ActionStatus, ItemKind, Meeting, TeamData};
use overleg::i18n::Lang;
use overleg::minutes::{self, Format, Profile};

/// The fixture's second meeting with one case item nothing was recorded for, and 40 extra
/// open actions so the actielijst runs over several pages.
fn long_meeting() -> (TeamData, Meeting) {
    let mut team = common::team_data(Path::new("/tmp/team"));
    let mut m = common::meeting_two();
    let case_item = m
        .agenda
        .iter()
        .position(|i| matches!(i.kind, ItemKind::Casus(_)))
        .expect("a case item");
    let mut silent = m.agenda[case_item].clone();
    silent.notes.clear();
    silent.decisions.clear();
    silent.actions.clear();
    if let ItemKind::Casus(d) = &mut silent.kind {
        d.clarifying_notes.clear();
        d.advice.clear();
        d.regie = None;
        d.regie_check = None;
        d.next_evaluation = None;
        d.lesson = None;
        d.confidential_notes.clear();
    }
    m.agenda.insert(case_item + 1, silent);
    let owner = m.attendance[0].member.clone();
    let last = m.agenda.len() - 1;
    for i in 0..40u32 {
        m.agenda[last].actions.push(ActionItem {
            number: format!("A2026-{:03}", 200 + i),
            text: format!("Vervolgafspraak {i} met de betrokken partners plannen en terugkoppelen"),
            owner: owner.clone(),
            // Not in number order: the list sorts by due date.
            due: m.date + chrono::Duration::days(i64::from((i * 7) % 40) + 1),
            case: Some("2026-0142".into()),
            status: ActionStatus::Open,
            postponed: 0,
        });
    }
    team.meetings[1] = m.clone();
    (team, m)
}

fn docx(profile: Profile) -> Vec<u8> {
    let (team, m) = long_meeting();
    minutes::render(&team, &m, Format::Docx, profile, Lang::Nl).expect("render")
}

#[test]
fn footer_has_page_x_of_y_and_header_the_team_and_marking() {
    let bytes = docx(Profile::Intern);
    let footer = common::docx_xml(&bytes, "word/footer1.xml");
    assert!(
        footer.contains("<w:instrText>PAGE</w:instrText>"),
        "{footer}"
    );
    assert!(footer.contains("<w:instrText>NUMPAGES</w:instrText>"));
    assert!(footer.contains(">pagina </w:t>") && footer.contains("> van </w:t>"));
    let header = common::docx_xml(&bytes, "word/header1.xml");
    assert!(
        header.contains("Enschede — Wijkteam Helmerhoek"),
        "{header}"
    );
    assert!(header.contains("VERTROUWELIJK"));
    // The shareable version is not marked confidential.
    let shared = docx(Profile::Deelbaar);
    let header = common::docx_xml(&shared, "word/header1.xml");
    assert!(!header.contains("VERTROUWELIJK"), "{header}");
}

#[test]
fn every_table_repeats_its_header_row_and_no_row_splits() {
    let xml = common::docx_xml(&docx(Profile::Intern), "word/document.xml");
    let tables = xml.matches("<w:tbl>").count();
    assert!(tables >= 5);
    // Every table's header row, and only that row, is a repeated header.
    assert_eq!(
        xml.matches("<w:tblHeader />").count(),
        tables - 1,
        "the meta table has no header row"
    );
    let rows = xml.matches("<w:tr>").count();
    assert_eq!(
        xml.matches("<w:cantSplit />").count(),
        rows - meta_rows(&xml)
    );
}

/// Rows of the first (meta) table, which is a plain key–value table.
fn meta_rows(xml: &str) -> usize {
    let first = &xml[..xml.find("</w:tbl>").expect("a table")];
    first.matches("<w:tr>").count()
}

#[test]
fn document_properties_name_the_minutes_the_notulist_and_the_meeting_date() {
    let core = common::docx_xml(&docx(Profile::Intern), "docProps/core.xml");
    assert!(
        core.contains("<dc:title>Notulen casuïstiekoverleg — "),
        "{core}"
    );
    assert!(
        core.contains("<dc:creator>Mehmet Şahin</dc:creator>"),
        "{core}"
    );
    assert!(
        core.contains(">2026-03-19T00:00:00Z</dcterms:created>"),
        "{core}"
    );
    assert!(core.contains("<dc:language>nl-NL</dc:language>"));
    assert!(!core.contains("unknown") && !core.contains("1970"));
    let styles = common::docx_xml(&docx(Profile::Intern), "word/styles.xml");
    assert!(styles.contains(r#"<w:lang w:val="nl-NL""#));
}

#[test]
fn actielijst_is_grouped_and_sorted_with_the_case_in_its_own_column() {
    let (team, m) = long_meeting();
    let lines = minutes::lists::action_lines(&team, &m, Profile::Intern, Lang::Nl);
    let groups: Vec<u8> = lines
        .iter()
        .map(|a| match a.status {
            ActionStatus::Open => 0,
            ActionStatus::Gedaan => 1,
            ActionStatus::Vervallen => 2,
        })
        .collect();
    assert!(groups.windows(2).all(|w| w[0] <= w[1]), "{groups:?}");
    for w in lines.windows(2) {
        if w[0].status == w[1].status {
            assert!(
                w[0].due <= w[1].due,
                "{} before {}",
                w[0].number,
                w[1].number
            );
        }
    }
    let md = String::from_utf8(
        minutes::render(&team, &m, Format::Md, Profile::Intern, Lang::Nl).expect("md"),
    )
    .expect("utf-8");
    assert!(md.contains("| Nr. | Casus | Actie | Actiehouder | Deadline | Uitgesteld |"));
    assert!(md.contains("| A2026-200 | 2026-0142 | Vervolgafspraak 0 met"));
    assert!(md.contains("Open ("));
}

#[test]
fn a_case_without_a_record_is_marked_niet_besproken_in_every_format() {
    let (team, m) = long_meeting();
    for format in [Format::Md, Format::Html] {
        let text = String::from_utf8(
            minutes::render(&team, &m, format, Profile::Intern, Lang::Nl).expect("r"),
        )
        .expect("utf-8");
        assert_eq!(text.matches("Niet besproken.").count(), 1, "{format:?}");
    }
    let words = common::docx_text(&docx(Profile::Intern));
    assert_eq!(words.matches("Niet besproken.").count(), 1);
    let en = String::from_utf8(
        minutes::render(&team, &m, Format::Md, Profile::Intern, Lang::En).expect("r"),
    )
    .expect("utf-8");
    assert!(en.contains("Not discussed."));
}

#[test]
fn a_reexport_keeps_a_document_edited_after_overleg_wrote_it() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = common::write_fixture(tmp.path());
    let data = overleg::storage::load_workspace(&dir);
    let team = &data.workspace.teams[0];
    let m = team.last_closed_meeting().expect("closed");
    let first = minutes::write(team, m, Format::Docx, Profile::Intern, Lang::Nl, None).expect("w");
    assert_eq!(first.kept, None);
    // Unchanged: written again in place.
    let again = minutes::write(team, m, Format::Docx, Profile::Intern, Lang::Nl, None).expect("w");
    assert_eq!(
        (again.path.clone(), again.kept.clone()),
        (first.path.clone(), None)
    );
    // The secretary edits it in Word.
    let mut edited = std::fs::read(&first.path).expect("read");
    edited.extend_from_slice(b"edited");
    std::fs::write(&first.path, &edited).expect("edit");
    let third = minutes::write(team, m, Format::Docx, Profile::Intern, Lang::Nl, None).expect("w");
    assert_eq!(third.kept.as_deref(), Some(first.path.as_path()));
    assert!(
        third.path.to_string_lossy().ends_with("-notulen (2).docx"),
        "{}",
        third.path.display()
    );
    assert_eq!(std::fs::read(&first.path).expect("kept"), edited);
    // The record holds paths and checksums, no case text.
    let record =
        std::fs::read_to_string(dir.join("minutes/.overleg-geschreven.ron")).expect("record");
    assert!(!record.contains("Mw. D."));
}

/// Converts the long minutes to PDF and PNG pages with LibreOffice and checks every page has
/// the header and "pagina N van M", and that the actielijst's continuation pages start with
/// the header row. Set MINUTES_VIEW_DIR to keep the files for a look by eye.
#[test]
fn rendered_through_libreoffice_every_page_has_header_footer_and_table_headers() {
    let have = |p: &str| std::process::Command::new(p).arg("-v").output().is_ok();
    if !have("soffice") || !have("pdftotext") {
        println!(
            "soffice of pdftotext niet gevonden (apt-get install libreoffice-writer poppler-utils); rendertest overgeslagen"
        );
        return;
    }
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = std::env::var_os("MINUTES_VIEW_DIR")
        .map_or_else(|| tmp.path().to_path_buf(), std::path::PathBuf::from);
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("lange-notulen.docx");
    std::fs::write(&file, docx(Profile::Intern)).expect("write");
    let out = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            tmp.path().join("profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&dir)
        .arg(&file)
        .output()
        .expect("soffice");
    assert!(out.status.success(), "{out:?}");
    let pdf = dir.join("lange-notulen.pdf");
    let text = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout).into_owned();
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    let n = pages.len();
    assert!(n >= 3, "the long actielijst runs over pages: {n}");
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains(&format!("pagina {} van {n}", i + 1)),
            "page {}:\n{page}",
            i + 1
        );
        assert!(page.contains("VERTROUWELIJK"), "page {}", i + 1);
    }
    // A page that continues the actielijst starts its table with the header row again.
    let start = pages
        .iter()
        .position(|p| p.lines().any(|l| l.trim() == "Actielijst"))
        .expect("the actielijst heading");
    let continued: Vec<&&str> = pages[start + 1..]
        .iter()
        .filter(|p| p.contains("A2026-2"))
        .collect();
    assert!(
        !continued.is_empty(),
        "the actielijst should continue on a next page"
    );
    for p in continued {
        assert!(
            p.contains("Actiehouder"),
            "continued page without header row:\n{p}"
        );
    }
    if std::process::Command::new("pdftoppm")
        .arg("-v")
        .output()
        .is_ok()
    {
        let png = std::process::Command::new("pdftoppm")
            .args(["-png", "-r", "60"])
            .arg(&pdf)
            .arg(dir.join("pagina"))
            .output()
            .expect("pdftoppm");
        assert!(png.status.success());
    }
}
