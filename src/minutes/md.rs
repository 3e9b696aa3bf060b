//! Markdown, the canonical form of the minutes (CommonMark with GFM tables).

use super::model::{Block, Document};

/// Renders the document as Markdown.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", inline(&doc.title)));
    if !doc.subtitle.is_empty() {
        out.push_str(&format!("{}\n\n", inline(&doc.subtitle)));
    }
    out.push_str(&format!("**{}**\n\n", inline(&doc.status)));
    if !doc.meta.is_empty() {
        out.push_str("| | |\n|---|---|\n");
        for (k, v) in &doc.meta {
            out.push_str(&format!("| **{}** | {} |\n", cell(k), cell(v)));
        }
        out.push('\n');
    }
    if !doc.note.is_empty() {
        out.push_str(&format!("*{}*\n\n", inline(&doc.note)));
    }
    for s in &doc.sections {
        let hashes = "#".repeat(usize::from(s.level.clamp(2, 6)));
        out.push_str(&format!("{hashes} {}\n\n", inline(&s.heading)));
        for b in &s.blocks {
            block(&mut out, b);
        }
    }
    out
}

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Paragraph(t) => out.push_str(&format!("{}\n\n", text(t))),
        Block::Field { label, value } => {
            out.push_str(&format!("**{}:** {}\n\n", inline(label), text(value)));
        }
        Block::List { label, items } => {
            if !label.is_empty() {
                out.push_str(&format!("**{}:**\n\n", inline(label)));
            }
            for i in items {
                out.push_str(&format!("- {}\n", text(i).replace('\n', "\n  ")));
            }
            out.push('\n');
        }
        Block::Table { headers, rows } => {
            let head: Vec<String> = headers.iter().map(|h| cell(h)).collect();
            out.push_str(&format!("| {} |\n", head.join(" | ")));
            out.push_str(&format!("|{}\n", "---|".repeat(headers.len())));
            for r in rows {
                let cells: Vec<String> = r.iter().map(|c| cell(c)).collect();
                out.push_str(&format!("| {} |\n", cells.join(" | ")));
            }
            out.push('\n');
        }
    }
}

/// Escapes characters that would otherwise become Markdown markup within a line.
fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Multi-line text: each line escaped, lines kept apart with hard breaks, and a line that
/// would start a list or heading made literal.
fn text(s: &str) -> String {
    s.lines()
        .map(|l| {
            let l = inline(l.trim_end());
            let starts_block = l.starts_with(['-', '+', '='])
                || l.split_once(". ")
                    .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            if starts_block { format!("\\{l}") } else { l }
        })
        .collect::<Vec<_>>()
        .join("  \n")
}

/// A table cell: one line, pipes escaped; the lines of a multi-line cell (a decision with
/// its dissent, a name with the consultation) kept apart by " · ", readable as plain text too.
fn cell(s: &str) -> String {
    s.lines()
        .map(|l| inline(l.trim()))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}
