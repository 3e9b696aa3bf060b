//! Spreadsheets out (rust_xlsxwriter): one sheet per table, with a bold, frozen, filterable
//! header row, real date cells (so Excel sorts and filters them as dates) and column widths
//! that fit the content. Used by the import template and the `--format xlsx` exports.

use chrono::NaiveDate;
use rust_xlsxwriter::{DataValidation, DocProperties, Format, Workbook, Worksheet, XlsxError};

/// One cell value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Empty,
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::Text(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::Text(s)
    }
}

impl From<NaiveDate> for Value {
    fn from(d: NaiveDate) -> Value {
        Value::Date(d)
    }
}

impl From<Option<NaiveDate>> for Value {
    fn from(d: Option<NaiveDate>) -> Value {
        d.map_or(Value::Empty, Value::Date)
    }
}

/// A table for one sheet: name, headers, rows, and optional pick lists per column.
#[derive(Debug, Clone, Default)]
pub struct Table {
    pub name: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Value>>,
    /// `(column, choices)`: a drop-down list on that column (the template).
    pub choices: Vec<(usize, Vec<String>)>,
    /// How many empty rows the pick lists cover below the data (the template).
    pub blank_rows: u32,
}

/// A plain sheet of text lines, e.g. an explanation; the first line is a title.
#[derive(Debug, Clone, Default)]
pub struct TextSheet {
    pub name: String,
    pub lines: Vec<String>,
}

/// Builds a workbook; returns its bytes (write them with `storage::write_atomic`).
pub fn workbook(
    title: &str,
    author: &str,
    tables: &[Table],
    texts: &[TextSheet],
) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let mut props = DocProperties::new().set_title(title).set_company("overleg");
    if !author.is_empty() {
        props = props.set_author(author);
    }
    wb.set_properties(&props);
    let header = Format::new()
        .set_bold()
        .set_background_color("D9E2F3")
        .set_text_wrap();
    let date = Format::new().set_num_format("dd-mm-yyyy");
    for t in tables {
        let ws = wb.add_worksheet();
        table_sheet(ws, t, &header, &date)?;
    }
    for t in texts {
        let ws = wb.add_worksheet();
        ws.set_name(&t.name)?;
        ws.set_column_width(0, 110)?;
        let wrap = Format::new().set_text_wrap();
        let bold = Format::new().set_bold();
        for (i, line) in t.lines.iter().enumerate() {
            let f = if i == 0 { &bold } else { &wrap };
            ws.write_string_with_format(i as u32, 0, line, f)?;
        }
    }
    wb.save_to_buffer()
}

fn table_sheet(
    ws: &mut Worksheet,
    t: &Table,
    header: &Format,
    date: &Format,
) -> Result<(), XlsxError> {
    ws.set_name(&t.name)?;
    for (c, h) in t.headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, header)?;
    }
    for (r, row) in t.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            match v {
                Value::Text(s) => {
                    ws.write_string(r, c, s)?;
                }
                Value::Number(n) => {
                    ws.write_number(r, c, *n)?;
                }
                Value::Date(d) => {
                    ws.write_datetime_with_format(r, c, d, date)?;
                }
                Value::Empty => {}
            }
        }
    }
    let last_col = t.headers.len().saturating_sub(1) as u16;
    let last_row = (t.rows.len() as u32).max(1) + t.blank_rows;
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, last_row, last_col)?;
    for (c, h) in t.headers.iter().enumerate() {
        let widest = t
            .rows
            .iter()
            .filter_map(|r| r.get(c))
            .map(|v| match v {
                Value::Text(s) => s.chars().count().min(60),
                Value::Number(_) => 8,
                Value::Date(_) => 11,
                Value::Empty => 0,
            })
            .chain(std::iter::once(h.chars().count()))
            .max()
            .unwrap_or(8);
        ws.set_column_width(c as u16, (widest as f64 + 2.0).max(8.0))?;
    }
    for (c, list) in &t.choices {
        let dv = DataValidation::new().allow_list_strings(list)?;
        ws.add_data_validation(1, *c as u16, last_row, *c as u16, &dv)?;
    }
    Ok(())
}
