//! Reading a spreadsheet (`.xlsx`, `.xls`, `.ods` through calamine) or a `.csv` file (the csv
//! crate; `;` or `,` as separator, as Dutch Excel writes either) into plain [`Sheet`]s: a
//! header row and data rows of [`Cell`]s, each row with its number as the spreadsheet shows it.

use std::path::Path;

use calamine::{Data, Reader};
use chrono::NaiveDate;

/// One cell's value, as far as the file tells its type.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    Date(NaiveDate),
}

impl Cell {
    /// Is the cell empty or only white space?
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text (numbers without a needless `.0`), for messages and text fields.
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_string(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Bool(true) => "ja".into(),
            Cell::Bool(false) => "nee".into(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        }
    }
}

/// One data row with its number as the spreadsheet shows it (the header is row 1 of a sheet
/// whose first row is the header).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<Cell>,
}

impl Row {
    /// The cell in column `i`, empty when the row is shorter.
    pub fn get(&self, i: usize) -> &Cell {
        self.cells.get(i).unwrap_or(&Cell::Empty)
    }
}

/// One sheet (a CSV file is one sheet named after the file).
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// `file.xlsx[Blad1]`, or `file.csv` — how messages name it.
    pub label: String,
    pub name: String,
    pub headers: Vec<String>,
    /// Row number of the header row.
    pub header_row: usize,
    pub rows: Vec<Row>,
}

/// Why a file could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Spreadsheet(String),
    #[error("{0}")]
    Csv(String),
    /// Not .xlsx, .xlsm, .xls, .ods or .csv.
    #[error("{0}")]
    UnknownKind(String),
}

/// Column letters as a spreadsheet shows them: 0 → A, 25 → Z, 26 → AA.
pub fn column_letter(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Reads every sheet of a file. `header_row` (1-based) says which row holds the headers;
/// rows above it are skipped (a title line), empty rows are left out.
pub fn read(path: &Path, header_row: usize) -> Result<Vec<Sheet>, ReadError> {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" | "txt" => Ok(vec![read_csv(path, &file, header_row)?]),
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => read_workbook(path, &file, header_row),
        _ => Err(ReadError::UnknownKind(ext)),
    }
}

fn read_workbook(path: &Path, file: &str, header_row: usize) -> Result<Vec<Sheet>, ReadError> {
    let mut wb =
        calamine::open_workbook_auto(path).map_err(|e| ReadError::Spreadsheet(e.to_string()))?;
    let mut sheets = Vec::new();
    for name in wb.sheet_names() {
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| ReadError::Spreadsheet(e.to_string()))?;
        // Row and column of the range's first cell (a sheet may start lower or to the right).
        let (top, left) = range
            .start()
            .map_or((0, 0), |(r, c)| (r as usize, c as usize));
        let mut grid: Vec<(usize, Vec<Cell>)> = Vec::new();
        for (i, r) in range.rows().enumerate() {
            let mut cells = vec![Cell::Empty; left];
            cells.extend(r.iter().map(cell));
            grid.push((top + i + 1, cells));
        }
        sheets.push(into_sheet(
            format!("{file}[{name}]"),
            name,
            grid,
            header_row,
        ));
    }
    Ok(sheets)
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(d) if dt.is_datetime() => Cell::Date(d.date()),
            _ => Cell::Number(dt.as_f64()),
        },
        Data::DateTimeIso(s) => {
            match NaiveDate::parse_from_str(&s[..s.len().min(10)], "%Y-%m-%d") {
                Ok(d) => Cell::Date(d),
                Err(_) => Cell::Text(s.clone()),
            }
        }
        Data::DurationIso(s) => Cell::Text(s.clone()),
    }
}

fn read_csv(path: &Path, file: &str, header_row: usize) -> Result<Sheet, ReadError> {
    let bytes = std::fs::read(path)?;
    // Excel writes CSV as UTF-8 with a byte order mark, or in Windows-1252 ("CSV (gescheiden
    // door lijstscheidingsteken)"); both are read.
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t.trim_start_matches('\u{feff}').to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    };
    let first = text.lines().nth(header_row.saturating_sub(1)).unwrap_or("");
    let delimiter = if first.matches(';').count() >= first.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut grid = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ReadError::Csv(e.to_string()))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cells = record
            .iter()
            .map(|f| {
                if f.trim().is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(f.to_string())
                }
            })
            .collect();
        grid.push((line, cells));
    }
    let name = file.to_string();
    Ok(into_sheet(name.clone(), name, grid, header_row))
}

/// A byte of Windows-1252 as a character (the printable range of Latin-1 plus the euro sign
/// and the quotes Word puts in); good enough for Dutch and Turkish names typed in Excel.
fn windows_1252(b: u8) -> char {
    match b {
        0x80 => '€',
        0x91 | 0x92 => '\'',
        0x93 | 0x94 => '"',
        0x96 | 0x97 => '–',
        _ => char::from(b),
    }
}

fn into_sheet(
    label: String,
    name: String,
    grid: Vec<(usize, Vec<Cell>)>,
    header_row: usize,
) -> Sheet {
    let header_row = header_row.max(1);
    let mut headers = Vec::new();
    let mut rows = Vec::new();
    for (number, cells) in grid {
        if number < header_row {
            continue;
        }
        if number == header_row {
            headers = cells.iter().map(Cell::text).collect();
            continue;
        }
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        rows.push(Row { number, cells });
    }
    Sheet {
        label,
        name,
        headers,
        header_row,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn csv_with_semicolons_a_bom_and_a_title_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("lijst.csv");
        std::fs::write(
            &p,
            "\u{feff}Casuslijst team Oost\nCasusnummer;Pseudoniem;Wet\n2026-0001;Fam. Ö.;Wmo\n;;\n2026-0002;\"Mw. D; jr\";jeugd\n",
        )
        .unwrap();
        let s = read(&p, 2).unwrap().remove(0);
        assert_eq!(s.headers, vec!["Casusnummer", "Pseudoniem", "Wet"]);
        assert_eq!(s.rows.len(), 2);
        assert_eq!(s.rows[0].number, 3);
        assert_eq!(s.rows[1].number, 5);
        assert_eq!(s.rows[1].get(1), &Cell::Text("Mw. D; jr".into()));
        assert_eq!(s.rows[1].get(7), &Cell::Empty);
    }

    #[test]
    fn csv_in_windows_1252() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("w.csv");
        std::fs::write(&p, b"naam,rol\nE\xe9n Janssen,wijkcoach\n").unwrap();
        let s = read(&p, 1).unwrap().remove(0);
        assert_eq!(s.rows[0].get(0).text(), "Eén Janssen");
    }
}
