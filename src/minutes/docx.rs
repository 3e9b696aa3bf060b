//! A Word document (.docx) built with docx-rs: real heading styles (so Word's navigation pane
//! and table of contents work), tables for the facts, attendance, decisions and actions, and
//! bulleted lists for advice. Like a municipal template: a running header (gemeente, team,
//! "Vertrouwelijk"), "pagina X van Y" in the footer, table header rows repeated on every page,
//! rows that never split across a page, and the document's properties filled in — what
//! docx-rs cannot say is added to the package's XML afterwards (`docx_post.rs`).

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, FieldCharType, IndentLevel, InstrNUMPAGES,
    InstrPAGE, InstrText, Level, LevelJc, LevelText, LineSpacing, NumberFormat, Numbering,
    NumberingId, Paragraph, Run, RunFonts, Shading, SpecialIndentType, Start, Style, StyleType,
    Table, TableCell, TableRow, WidthType,
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

    d = running_header_and_footer(d, doc);
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
    if let Some(created) = doc.info.created {
        d = d.created_at(&format!("{}T00:00:00Z", created.format("%Y-%m-%d")));
    }
    let mut buf = Cursor::new(Vec::new());
    d.build().pack(&mut buf).map_err(|e| e.to_string())?;
    super::docx_post::finish(&buf.into_inner(), doc).map_err(|e| e.to_string())
}

/// The header: gemeente and team on the left, the marking ("Vertrouwelijk") in bold; the
/// footer: what the document is (team, date, status) and "pagina X van Y" from the PAGE and
/// NUMPAGES fields, which Word and LibreOffice fill in on every page.
fn running_header_and_footer(mut d: Docx, doc: &Document) -> Docx {
    let small = |t: &str| Run::new().add_text(t).size(16).color("555555");
    if !doc.info.header.is_empty() || !doc.info.marking.is_empty() {
        let mut p = Paragraph::new().add_run(small(&doc.info.header));
        if !doc.info.marking.is_empty() {
            if !doc.info.header.is_empty() {
                p = p.add_run(small(" — "));
            }
            p = p.add_run(
                Run::new()
                    .add_text(doc.info.marking.to_uppercase())
                    .size(16)
                    .bold()
                    .color("9C0006"),
            );
        }
        d = d.header(docx_rs::Header::new().add_paragraph(p));
    }
    let what = format!("{} — {}", doc.subtitle, doc.status);
    let field = |instr: InstrText| {
        Run::new()
            .size(16)
            .color("555555")
            .add_field_char(FieldCharType::Begin, false)
            .add_instr_text(instr)
            .add_field_char(FieldCharType::Separate, false)
            .add_text("1")
            .add_field_char(FieldCharType::End, false)
    };
    let page = Paragraph::new()
        .align(AlignmentType::Right)
        .size(16)
        .add_run(small(&format!("{} ", doc.info.page)))
        .add_run(field(InstrText::PAGE(InstrPAGE::new())))
        .add_run(small(&format!(" {} ", doc.info.page_of)))
        .add_run(field(InstrText::NUMPAGES(InstrNUMPAGES::new())));
    d.footer(
        docx_rs::Footer::new()
            .add_paragraph(Paragraph::new().add_run(small(&what)))
            .add_paragraph(page),
    )
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
            // The header row is repeated on every page (w:tblHeader, added in docx_post);
            // no row is split across a page.
            let mut trs = vec![
                TableRow::new(
                    headers
                        .iter()
                        .zip(&widths)
                        .map(|(h, w)| cell(h, true, *w).shading(Shading::new().fill("E8E8E8")))
                        .collect(),
                )
                .cant_split(),
            ];
            for r in rows {
                trs.push(
                    TableRow::new(
                        r.iter()
                            .zip(&widths)
                            .map(|(c, w)| cell(c, false, *w))
                            .collect(),
                    )
                    .cant_split(),
                );
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

/// Column widths: every column at least as wide as its longest word (so numbers, codes,
/// dates and names do not break), and the room left shared among the columns with running
/// text, in proportion to their longest text. When even the longest words do not fit, the
/// columns of single words (numbers, codes, dates) keep their width and the text columns
/// share the rest.
fn column_widths(headers: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    let n = headers.len().max(1);
    let column = |i: usize| {
        std::iter::once(headers.get(i))
            .chain(rows.iter().map(move |r| r.get(i)))
            .flatten()
    };
    // About 115 twips per character of Calibri at 10 pt (bold headers included), plus the
    // cell margins. (LibreOffice uses Carlito, which has Calibri's metrics; without it, it
    // falls back to a wider font and may break long words.)
    let mins: Vec<usize> = (0..n)
        .map(|i| {
            let word = column(i)
                .flat_map(|t| t.split_whitespace())
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0);
            word.min(30) * 115 + 240
        })
        .collect();
    // A column of single words: its data cells hold no spaces.
    let atomic: Vec<bool> = (0..n)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .all(|c| !c.trim().contains(' '))
        })
        .collect();
    let weights: Vec<usize> = (0..n)
        .map(|i| {
            if atomic[i] {
                return 0;
            }
            column(i)
                .map(|t| t.chars().count())
                .max()
                .unwrap_or(0)
                .clamp(4, 60)
        })
        .collect();
    let min_total: usize = mins.iter().sum();
    if min_total >= TEXT_WIDTH {
        let fixed: usize = (0..n).filter(|&i| atomic[i]).map(|i| mins[i]).sum();
        let text: usize = (0..n).filter(|&i| !atomic[i]).map(|i| mins[i]).sum();
        if fixed * 10 > TEXT_WIDTH * 7 || text == 0 {
            return mins.iter().map(|m| m * TEXT_WIDTH / min_total).collect();
        }
        return (0..n)
            .map(|i| {
                if atomic[i] {
                    mins[i]
                } else {
                    mins[i] * (TEXT_WIDTH - fixed) / text
                }
            })
            .collect();
    }
    let extra = TEXT_WIDTH - min_total;
    let total_weight: usize = weights.iter().sum();
    if total_weight == 0 {
        return mins.iter().map(|m| m + extra / n).collect();
    }
    (0..n)
        .map(|i| mins[i] + extra * weights[i] / total_weight)
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
