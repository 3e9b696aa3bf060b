//! A standalone, printable HTML page: one file, styles inline, print CSS for A4.

use super::model::{Block, Document};

const CSS: &str = "\
body{font-family:Calibri,'Segoe UI',Arial,sans-serif;font-size:11pt;line-height:1.4;\
max-width:50em;margin:2em auto;padding:0 1em;color:#111}\
h1{font-size:20pt;margin-bottom:.2em}h2{font-size:14pt;border-bottom:1px solid #999;\
margin-top:1.6em}h3{font-size:12pt;margin-top:1.2em}\
.status{display:inline-block;border:2px solid #333;padding:.2em .6em;font-weight:bold;\
letter-spacing:.05em}.note{font-style:italic}\
table{border-collapse:collapse;width:100%;margin:.5em 0 1em}\
th,td{border:1px solid #777;padding:.25em .45em;text-align:left;vertical-align:top}\
th{background:#e8e8e8}table.meta th{width:12em}\
@media print{@page{size:A4;margin:2cm}body{margin:0;max-width:none;font-size:10.5pt}\
h2,h3{page-break-after:avoid;break-after:avoid}tr,li{page-break-inside:avoid;\
break-inside:avoid}th{background:#e8e8e8 !important;-webkit-print-color-adjust:exact;\
print-color-adjust:exact}}";

/// Renders the document as a complete HTML page.
pub fn render(doc: &Document, lang_code: &str) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!("<html lang=\"{}\">\n<head>\n", esc(lang_code)));
    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"robots\" content=\"noindex\">\n");
    out.push_str(&format!(
        "<title>{} — {}</title>\n",
        esc(&doc.title),
        esc(&doc.subtitle)
    ));
    out.push_str(&format!("<style>{CSS}</style>\n</head>\n<body>\n"));
    out.push_str(&format!("<h1>{}</h1>\n", esc(&doc.title)));
    if !doc.subtitle.is_empty() {
        out.push_str(&format!(
            "<p class=\"subtitle\">{}</p>\n",
            esc(&doc.subtitle)
        ));
    }
    out.push_str(&format!("<p class=\"status\">{}</p>\n", esc(&doc.status)));
    if !doc.meta.is_empty() {
        out.push_str("<table class=\"meta\">\n");
        for (k, v) in &doc.meta {
            out.push_str(&format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n",
                esc(k),
                esc(v)
            ));
        }
        out.push_str("</table>\n");
    }
    if !doc.note.is_empty() {
        out.push_str(&format!("<p class=\"note\">{}</p>\n", esc(&doc.note)));
    }
    for s in &doc.sections {
        let l = s.level.clamp(2, 6);
        out.push_str(&format!("<h{l}>{}</h{l}>\n", esc(&s.heading)));
        for b in &s.blocks {
            block(&mut out, b);
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Paragraph(t) => out.push_str(&format!("<p>{}</p>\n", multi(t))),
        Block::Field { label, value } => out.push_str(&format!(
            "<p><strong>{}:</strong> {}</p>\n",
            esc(label),
            multi(value)
        )),
        Block::List { label, items } => {
            if !label.is_empty() {
                out.push_str(&format!("<p><strong>{}:</strong></p>\n", esc(label)));
            }
            out.push_str("<ul>\n");
            for i in items {
                out.push_str(&format!("<li>{}</li>\n", multi(i)));
            }
            out.push_str("</ul>\n");
        }
        Block::Table { headers, rows } => {
            out.push_str("<table>\n<thead><tr>");
            for h in headers {
                out.push_str(&format!("<th scope=\"col\">{}</th>", esc(h)));
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for r in rows {
                out.push_str("<tr>");
                for c in r {
                    out.push_str(&format!("<td>{}</td>", multi(c)));
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n");
        }
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Escaped text with its line breaks kept.
fn multi(s: &str) -> String {
    s.lines().map(esc).collect::<Vec<_>>().join("<br>\n")
}
