//! What docx-rs cannot say, added to the package after it is built: the core properties
//! (title, author, created, language — docx-rs writes "unknown" and 1970), the default
//! language of the text, and `w:tblHeader` on the first row of every table so Word and
//! LibreOffice repeat it on each page.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;

use super::model::Document;

/// Rewrites the parts of a built .docx that need it; every other part is copied as is.
pub(super) fn finish(docx: &[u8], doc: &Document) -> Result<Vec<u8>, zip::result::ZipError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx))?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut file = archive.by_index(i)?;
        let name = file.name()?.to_string();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        let text = || String::from_utf8_lossy(&bytes).into_owned();
        let bytes = match name.as_str() {
            "docProps/core.xml" => core_xml(doc).into_bytes(),
            "word/document.xml" => repeat_header_rows(&text()).into_bytes(),
            "word/styles.xml" if !doc.info.language.is_empty() => {
                default_language(&text(), &doc.info.language).into_bytes()
            }
            _ => bytes,
        };
        out.start_file(name, opts)?;
        out.write_all(&bytes)?;
    }
    Ok(out.finish()?.into_inner())
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The core properties: title, author (the notulist), created and modified (the meeting
/// date: the document describes that day, and the same meeting gives the same bytes), and
/// the language.
fn core_xml(doc: &Document) -> String {
    let when = doc.info.created.map_or_else(
        || "2000-01-01T00:00:00Z".to_string(),
        |d| format!("{}T00:00:00Z", d.format("%Y-%m-%d")),
    );
    let author = escape(&doc.info.author);
    let title = escape(&format!("{} — {}", doc.title, doc.subtitle));
    let lang = escape(&doc.info.language);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:creator>{author}</dc:creator><cp:lastModifiedBy>{author}</cp:lastModifiedBy><dc:language>{lang}</dc:language><cp:revision>1</cp:revision><dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified></cp:coreProperties>"#
    )
}

/// Marks the first row of every table as a header row (`<w:tblHeader/>` in its `w:trPr`).
fn repeat_header_rows(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len() + 1024);
    let mut rest = xml;
    while let Some(t) = rest.find("<w:tbl>") {
        let (before, after) = rest.split_at(t);
        out.push_str(before);
        // The first row's properties: docx-rs writes `<w:trPr>` with `<w:cantSplit />`.
        match (
            after.find("<w:tr>").or_else(|| after.find("<w:tr ")),
            after.find("<w:trPr>"),
        ) {
            (Some(row), Some(props)) if props > row => {
                let at = props + "<w:trPr>".len();
                out.push_str(&after[..at]);
                out.push_str("<w:tblHeader />");
                rest = &after[at..];
            }
            _ => {
                out.push_str("<w:tbl>");
                rest = &after["<w:tbl>".len()..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Sets the language of the default run properties, so spelling and hyphenation follow the
/// document's language.
fn default_language(xml: &str, lang: &str) -> String {
    let tag = format!(r#"<w:lang w:val="{lang}" w:eastAsia="{lang}" w:bidi="{lang}" />"#);
    if let Some(i) = xml.find("<w:rPrDefault>")
        && let Some(j) = xml[i..].find("<w:rPr>")
    {
        let at = i + j + "<w:rPr>".len();
        return format!("{}{tag}{}", &xml[..at], &xml[at..]);
    }
    xml.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_gets_its_first_row_as_header() {
        let xml = "<w:body><w:tbl><w:tblPr /><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl><w:p /><w:tbl><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl></w:body>";
        let out = repeat_header_rows(xml);
        assert_eq!(out.matches("<w:tblHeader />").count(), 2);
        assert_eq!(
            out.matches("<w:trPr><w:tblHeader /><w:cantSplit /></w:trPr>")
                .count(),
            2
        );
    }

    #[test]
    fn properties_are_escaped() {
        let mut doc = Document {
            title: "Notulen <concept> & meer".into(),
            ..Document::default()
        };
        doc.info.author = "Eén \"Janssen\"".into();
        let xml = core_xml(&doc);
        assert!(xml.contains("Notulen &lt;concept&gt; &amp; meer"));
        assert!(xml.contains("<dc:creator>Eén &quot;Janssen&quot;</dc:creator>"));
    }
}
