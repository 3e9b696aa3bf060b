//! A Word document (.docx) built with docx-rs: real heading styles (so Word's navigation pane
//! and table of contents work), tables for the facts, attendance, decisions and actions, and
//! bulleted lists for advice.

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, IndentLevel, Level, LevelJc, LevelText,
    LineSpacing, NumberFormat, Numbering, NumberingId, Paragraph, Run, RunFonts, Shading,
    SpecialIndentType, Start, Style, StyleType, Table, TableCell, TableRow, WidthType,
};

use super::model::{Block, Document};

/// Numbering id of the bullet list (docx-rs already defines id 1 as a decimal list).
const BULLETS: usize = 2;
/// Usable text width of an A4 page with 2 cm margins, in twentieths of a point.
const TEXT_WIDTH: usize = 9638;

/// Renders the document as the bytes of a .docx file.
pub fn render(doc: &Document) -> Result<Vec<u8>, String> {
    let mut d = Docx::new()
        .page_size(11906, 16838)
        .page_margin(
            docx_rs::PageMargin::new()
                .top(1134)
                .bottom(1134)
                .left(1134)
                .right(1134),
        )
        .default_fonts(
            RunFonts::new()
                .ascii("Calibri")
                .hi_ansi("Calibri")
                .cs("Calibri"),
        )
        .default_size(22)
        .default_line_spacing(LineSpacing::new().after(100))
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .next("Normal")
                .size(40)
                .bold(),
        )
        .add_style(heading("Heading1", "heading 1", 0, 32))
        .add_style(heading("Heading2", "heading 2", 1, 28))
        .add_style(heading("Heading3", "heading 3", 2, 24))
        .add_abstract_numbering(
            AbstractNumbering::new(BULLETS).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("•"),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(720),
                    Some(SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS));

    // Every printed page says what it is: team, date and status (concept or vastgesteld).
    let footer = format!("{} — {}", doc.subtitle, doc.status);
    d = d.footer(docx_rs::Footer::new().add_paragraph(
        Paragraph::new().add_run(Run::new().add_text(footer).size(16).color("555555")),
    ));
    d = d.add_paragraph(
        Paragraph::new()
            .style("Title")
            .add_run(Run::new().add_text(&doc.title)),
    );
    if !doc.subtitle.is_empty() {
        d = d.add_paragraph(Paragraph::new().add_run(Run::new().add_text(&doc.subtitle).size(26)));
    }
    d = d.add_paragraph(Paragraph::new().add_run(Run::new().add_text(&doc.status).bold().size(28)));
    if !doc.meta.is_empty() {
        let rows = doc
            .meta
            .iter()
            .map(|(k, v)| {
                TableRow::new(vec![cell(k, true, 2600), cell(v, false, TEXT_WIDTH - 2600)])
            })
            .collect();
        d = d.add_table(
            Table::new(rows)
                .width(TEXT_WIDTH, WidthType::Dxa)
                .set_grid(vec![2600, TEXT_WIDTH - 2600]),
        );
    }
    if !doc.note.is_empty() {
        d = d.add_paragraph(
            Paragraph::new()
                .line_spacing(LineSpacing::new().before(120))
                .add_run(Run::new().add_text(&doc.note).italic()),
        );
    }
    for s in &doc.sections {
        let style = match s.level {
            0..=2 => "Heading1",
            3 => "Heading2",
            _ => "Heading3",
        };
        d = d.add_paragraph(
            Paragraph::new()
                .style(style)
                .keep_next(true)
                .add_run(Run::new().add_text(&s.heading)),
        );
        for b in &s.blocks {
            d = block(d, b);
        }
    }
    let mut buf = Cursor::new(Vec::new());
    d.build().pack(&mut buf).map_err(|e| e.to_string())?;
    Ok(buf.into_inner())
}

fn heading(id: &str, name: &str, outline: usize, size: usize) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .outline_lvl(outline)
        .line_spacing(
            LineSpacing::new()
                .before(if outline == 0 { 320 } else { 220 })
                .after(80),
        )
        .size(size)
        .color("1F3864")
        .bold()
}

fn block(d: Docx, b: &Block) -> Docx {
    match b {
        Block::Paragraph(t) => d.add_paragraph(lines(Paragraph::new(), t, false, None)),
        Block::Field { label, value } => {
            let p = Paragraph::new().add_run(Run::new().add_text(format!("{label}: ")).bold());
            d.add_paragraph(lines(p, value, false, None))
        }
        Block::List { label, items } => {
            let mut d = d;
            if !label.is_empty() {
                d = d.add_paragraph(
                    Paragraph::new()
                        .keep_next(true)
                        .add_run(Run::new().add_text(format!("{label}:")).bold()),
                );
            }
            for i in items {
                let p = Paragraph::new().numbering(NumberingId::new(BULLETS), IndentLevel::new(0));
                d = d.add_paragraph(lines(p, i, false, None));
            }
            d
        }
        Block::Table { headers, rows } => {
            let widths = column_widths(headers, rows);
            let mut trs = vec![TableRow::new(
                headers
                    .iter()
                    .zip(&widths)
                    .map(|(h, w)| cell(h, true, *w).shading(Shading::new().fill("E8E8E8")))
                    .collect(),
            )];
            for r in rows {
                trs.push(TableRow::new(
                    r.iter()
                        .zip(&widths)
                        .map(|(c, w)| cell(c, false, *w))
                        .collect(),
                ));
            }
            d.add_table(
                Table::new(trs)
                    .width(TEXT_WIDTH, WidthType::Dxa)
                    .set_grid(widths),
            )
            .add_paragraph(Paragraph::new())
        }
    }
}

/// Column widths: every column at least as wide as its longest word (so numbers and names
/// do not break), the rest shared in proportion to the longest text in each column.
fn column_widths(headers: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    let n = headers.len().max(1);
    let column = |i: usize| {
        std::iter::once(headers.get(i))
            .chain(rows.iter().map(move |r| r.get(i)))
            .flatten()
    };
    // About 130 twips per character at 10 pt in a wide font, plus the cell margins.
    let mins: Vec<usize> = (0..n)
        .map(|i| {
            let word = column(i)
                .flat_map(|t| t.split_whitespace())
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            word.min(30) * 130 + 260
        })
        .collect();
    let weights: Vec<usize> = (0..n)
        .map(|i| {
            column(i)
                .map(|t| t.chars().count())
                .max()
                .unwrap_or(0)
                .clamp(4, 60)
        })
        .collect();
    let min_total: usize = mins.iter().sum();
    if min_total >= TEXT_WIDTH {
        return mins.iter().map(|m| m * TEXT_WIDTH / min_total).collect();
    }
    // Share in proportion to the weights; a column whose share is below its minimum gets the
    // minimum, and the others share what is left. Settles within n rounds.
    let mut fixed: Vec<Option<usize>> = vec![None; n];
    for _ in 0..n {
        let left = TEXT_WIDTH - fixed.iter().flatten().sum::<usize>();
        let free: usize = (0..n)
            .filter(|&i| fixed[i].is_none())
            .map(|i| weights[i])
            .sum::<usize>()
            .max(1);
        let mut changed = false;
        for i in 0..n {
            if fixed[i].is_none() && left * weights[i] / free < mins[i] {
                fixed[i] = Some(mins[i]);
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let left = TEXT_WIDTH - fixed.iter().flatten().sum::<usize>();
    let free: usize = (0..n)
        .filter(|&i| fixed[i].is_none())
        .map(|i| weights[i])
        .sum::<usize>()
        .max(1);
    (0..n)
        .map(|i| fixed[i].unwrap_or(left * weights[i] / free))
        .collect()
}

fn cell(text: &str, bold: bool, width: usize) -> TableCell {
    TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(lines(
            Paragraph::new()
                .align(AlignmentType::Left)
                .line_spacing(LineSpacing::new().before(20).after(20)),
            text,
            bold,
            Some(20),
        ))
}

/// Adds `text` to a paragraph, one run per line with line breaks between.
fn lines(mut p: Paragraph, text: &str, bold: bool, size: Option<usize>) -> Paragraph {
    for (i, l) in text.lines().enumerate() {
        let mut r = Run::new();
        if let Some(size) = size {
            r = r.size(size);
        }
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        r = r.add_text(l);
        if bold {
            r = r.bold();
        }
        p = p.add_run(r);
    }
    p
}
