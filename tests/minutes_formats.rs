//! Golden files and structure checks of the minutes in Markdown, HTML and Word.

mod minutes_fixture;
use minutes_fixture as common;

use std::path::Path;

use overleg::i18n::Lang;
use overleg::minutes::{self, Format, Profile};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

fn render(format: Format, profile: Profile) -> Vec<u8> {
    let team = common::team_data(Path::new("/tmp/team"));
    let m = common::meeting_two();
    minutes::render(&team, &m, format, profile, Lang::Nl).expect("render")
}

fn text(format: Format, profile: Profile) -> String {
    String::from_utf8(render(format, profile)).expect("utf-8")
}

#[test]
fn markdown_golden_intern() {
    insta::assert_snapshot!(text(Format::Md, Profile::Intern));
}

#[test]
fn markdown_golden_deelbaar() {
    insta::assert_snapshot!(text(Format::Md, Profile::Deelbaar));
}

#[test]
fn markdown_golden_first_meeting_english() {
    let team = common::team_data(Path::new("/tmp/team"));
    let m = common::meeting_one();
    let md = minutes::render(&team, &m, Format::Md, Profile::Intern, Lang::En).expect("render");
    insta::assert_snapshot!(String::from_utf8(md).expect("utf-8"));
}

#[test]
fn html_golden_intern() {
    insta::assert_snapshot!(text(Format::Html, Profile::Intern));
}

#[test]
fn case_excerpt_golden() {
    let team = common::team_data(Path::new("/tmp/team"));
    let md = minutes::case_excerpt(&team, "2026-0142", Format::Md, Profile::Intern, Lang::Nl)
        .expect("excerpt");
    insta::assert_snapshot!(String::from_utf8(md).expect("utf-8"));
}

#[test]
fn ics_golden() {
    let team = common::team_data(Path::new("/tmp/team"));
    let ics = minutes::ics(&team, &common::meeting_two(), Lang::Nl).expect("next date");
    assert!(ics.lines().all(|l| l.len() <= 76), "folded lines");
    assert!(ics.contains("\r\n"), "CRLF line ends");
    insta::assert_snapshot!(ics.replace("\r\n", "\n"));
}

/// Parses the Markdown and returns (level, heading text) pairs and the number of tables with
/// their header cells.
fn structure(md: &str) -> (Vec<(u8, String)>, Vec<Vec<String>>) {
    let mut headings = Vec::new();
    let mut tables = Vec::new();
    let mut in_heading: Option<u8> = None;
    let mut in_head_row = false;
    let mut buf = String::new();
    for ev in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                in_heading = Some(match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    _ => 4,
                });
                buf.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                headings.push((in_heading.take().unwrap_or(0), buf.clone()));
            }
            Event::Start(Tag::Table(_)) => tables.push(Vec::new()),
            Event::Start(Tag::TableHead) => in_head_row = true,
            Event::End(TagEnd::TableHead) => in_head_row = false,
            Event::Start(Tag::TableCell) => buf.clear(),
            Event::End(TagEnd::TableCell) if in_head_row => {
                if let Some(t) = tables.last_mut() {
                    t.push(buf.clone());
                }
            }
            Event::Text(t) | Event::Code(t) => buf.push_str(&t),
            _ => {}
        }
    }
    (headings, tables)
}

#[test]
fn markdown_parses_into_headings_and_tables() {
    let md = text(Format::Md, Profile::Intern);
    let (headings, tables) = structure(&md);
    assert_eq!(headings[0], (1, "Notulen casuïstiekoverleg".to_string()));
    let h2: Vec<&str> = headings
        .iter()
        .filter(|(l, _)| *l == 2)
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        h2,
        [
            "Aanwezigheid",
            "Vorig verslag",
            "Actiepunten vorig overleg",
            "Casusbespreking",
            "Organisatorische punten",
            "Besluitenlijst",
            "Actielijst",
            "Volgend overleg"
        ]
    );
    assert!(headings.contains(&(3, "Casus 2026-0157 — Mw. D.".to_string())));
    assert!(headings.contains(&(3, "Wie heeft er ruimte?".to_string())));
    // meta, attendance, review, besluitenlijst, actielijst (open, gedaan, vervallen)
    assert_eq!(tables.len(), 7, "{tables:?}");
    assert_eq!(tables[1], ["Naam", "Rol", "Aanwezigheid"]);
    assert_eq!(
        tables[3],
        ["Nr.", "Casus", "Besluit", "Grond", "Besloten door"]
    );
    for t in &tables[4..] {
        assert_eq!(
            t,
            &[
                "Nr.",
                "Casus",
                "Actie",
                "Actiehouder",
                "Deadline",
                "Uitgesteld"
            ]
        );
    }
    // The status is on the first page: right after the title.
    let status_at = md.find("Status: CONCEPT").expect("status shown");
    assert!(status_at < md.find("## Aanwezigheid").expect("attendance"));
}

#[test]
fn markdown_escapes_markup_in_user_text() {
    let team = common::team_data(Path::new("/tmp/team"));
    let mut m = common::meeting_two();
    m.agenda[6].notes = "# geen kop\n- geen lijst | geen tabel *geen nadruk*".into();
    let md = minutes::render(&team, &m, Format::Md, Profile::Intern, Lang::Nl).expect("render");
    let md = String::from_utf8(md).expect("utf-8");
    let (headings, _) = structure(&md);
    assert!(!headings.iter().any(|(_, t)| t.contains("geen kop")));
    // The literal stars survive as text: no emphasis was made of them.
    let texts: String = Parser::new_ext(&md, Options::ENABLE_TABLES)
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.into_string()),
            _ => None,
        })
        .collect();
    assert!(
        texts.contains("*geen nadruk*"),
        "user text must not become emphasis"
    );
    assert!(texts.contains("- geen lijst | geen tabel"));
}

#[test]
fn html_is_escaped_standalone_and_printable() {
    let team = common::team_data(Path::new("/tmp/team"));
    let mut m = common::meeting_two();
    m.agenda[6].notes = "<script>alert('x')</script> & \"quotes\"".into();
    let html = minutes::render(&team, &m, Format::Html, Profile::Intern, Lang::Nl).expect("r");
    let html = String::from_utf8(html).expect("utf-8");
    assert!(!html.contains("<script>"));
    assert!(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;")
    );
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@media print"));
    assert!(!html.contains("<link"), "no external stylesheet");
    assert!(!html.contains("src="), "no external resources");
    // meta, attendance, review, besluitenlijst, actielijst (open, gedaan, vervallen)
    assert_eq!(html.matches("<table").count(), 7);
}

#[test]
fn docx_has_heading_styles_tables_and_status_first() {
    let bytes = render(Format::Docx, Profile::Intern);
    let styles = common::docx_xml(&bytes, "word/styles.xml");
    for id in ["Heading1", "Heading2", "Title"] {
        assert!(
            styles.contains(&format!("w:styleId=\"{id}\"")),
            "style {id}"
        );
    }
    assert!(
        styles.contains("w:outlineLvl w:val=\"0\""),
        "heading 1 has an outline level"
    );
    let xml = common::docx_xml(&bytes, "word/document.xml");
    assert!(xml.contains("<w:pStyle w:val=\"Title\" />") || xml.contains("w:val=\"Title\""));
    assert_eq!(
        xml.matches("<w:pStyle w:val=\"Heading1\"").count(),
        8,
        "main sections"
    );
    assert!(
        xml.matches("<w:pStyle w:val=\"Heading2\"").count() >= 4,
        "cases and items"
    );
    // meta, attendance, review, besluitenlijst, actielijst (open, gedaan, vervallen)
    assert_eq!(xml.matches("<w:tbl>").count(), 7);
    let footer = common::docx_xml(&bytes, "word/footer1.xml");
    assert!(
        footer.contains("19-03-2026 — Status: CONCEPT"),
        "status on every page"
    );
    let text = common::docx_text(&bytes);
    let status = text.find("Status: CONCEPT").expect("status");
    let attendance = text.find("Aanwezigheid").expect("attendance heading");
    assert!(status < attendance, "status before the first section");
    for must in [
        "Ayşe Özdemir",
        "Mehmet Şahin",
        "Ineke Mulder",
        "afwezig zonder kennisgeving",
        "2026-031",
        "A2026-010",
        "Regiecheck",
        "Besluitenlijst",
        "Actielijst",
        "02-04-2026, 09:30–11:00, Wijkcentrum De Bron, zaal 2",
    ] {
        assert!(text.contains(must), "missing {must}");
    }
}

#[test]
fn docx_converts_to_pdf_with_libreoffice() {
    let Ok(out) = std::process::Command::new("soffice")
        .arg("--version")
        .output()
    else {
        println!("soffice niet gevonden; PDF-conversie overgeslagen");
        return;
    };
    if !out.status.success() {
        println!("soffice werkt niet; PDF-conversie overgeslagen");
        return;
    }
    let tmp = tempfile::tempdir().expect("tmp");
    // Set MINUTES_VIEW_DIR to keep the DOCX and PDF for a look by eye.
    let keep = std::env::var_os("MINUTES_VIEW_DIR").map(std::path::PathBuf::from);
    let dir_path = keep.unwrap_or_else(|| tmp.path().to_path_buf());
    let dir = dir_path.as_path();
    let docx = dir.join("notulen.docx");
    std::fs::write(&docx, render(Format::Docx, Profile::Intern)).expect("write");
    let status = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            tmp.path().join("profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(&docx)
        .output()
        .expect("run soffice");
    assert!(status.status.success(), "{status:?}");
    let pdf = std::fs::read(dir.join("notulen.pdf")).expect("pdf written");
    assert!(pdf.starts_with(b"%PDF"));
    assert!(pdf.len() > 10_000, "a PDF with real content");
}
