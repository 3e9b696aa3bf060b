//! Reading one file: size limit, text checks, and RON parsing into a located [`Problem`].

use std::fs;
use std::io::Read;
use std::path::Path;

use serde::de::DeserializeOwned;

use super::problem::{Problem, ProblemKind};
use super::ron_io::from_ron;

/// Largest file the loader reads (4 MiB). A case file is a few kilobytes; anything this big is
/// a mistake (a pasted log, a wrong file) and is reported without being read.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Reads a file as text, or says why it cannot be used. Never writes.
pub(crate) fn read_text(path: &Path) -> Result<String, Problem> {
    let unreadable = |e: std::io::Error| {
        Problem::at_start(
            path,
            ProblemKind::Unreadable {
                error: e.to_string(),
            },
        )
    };
    let file = fs::File::open(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    if size > MAX_FILE_BYTES {
        return Err(too_large(path, size));
    }
    let mut bytes = Vec::with_capacity(size as usize + 1);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(path, bytes.len() as u64));
    }
    text_from_bytes(path, bytes)
}

fn too_large(path: &Path, size: u64) -> Problem {
    Problem::at_start(
        path,
        ProblemKind::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        },
    )
}

/// Checks that bytes are usable text: not empty, no NUL bytes, valid UTF-8. Strips a BOM.
pub(crate) fn text_from_bytes(path: &Path, bytes: Vec<u8>) -> Result<String, Problem> {
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let (line, column) = position_in_bytes(&bytes, nul);
        return Err(Problem::new(path, line, column, ProblemKind::Binary));
    }
    let mut text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let (line, column) = position_in_bytes(e.as_bytes(), at);
            return Err(Problem::new(path, line, column, ProblemKind::NotUtf8));
        }
    };
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if text.trim().is_empty() {
        return Err(Problem::at_start(path, ProblemKind::Empty));
    }
    Ok(text)
}

/// 1-based line and column (in characters) of byte `at`, counting only the valid prefix.
fn position_in_bytes(bytes: &[u8], at: usize) -> (usize, usize) {
    let prefix = &bytes[..at.min(bytes.len())];
    let text = String::from_utf8_lossy(prefix);
    line_col_at_end(&text)
}

/// 1-based line and column just after the end of `text`.
pub(crate) fn line_col_at_end(text: &str) -> (usize, usize) {
    let line = 1 + text.matches('\n').count();
    let last = text.rsplit('\n').next().unwrap_or("");
    (line, 1 + last.chars().count())
}

/// Reads and parses a file, or returns the one problem that stopped it.
pub(crate) fn load_file<T: DeserializeOwned>(path: &Path) -> Result<T, Problem> {
    let text = read_text(path)?;
    parse_text(path, &text)
}

/// Parses RON text; a failure becomes a located problem.
pub(crate) fn parse_text<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, Problem> {
    from_ron(text).map_err(|e| parse_problem(path, text, e))
}

/// Chrono's texts for a date or time that does not parse.
const CHRONO_ERRORS: [&str; 7] = [
    "input is out of range",
    "no possible date and time matching input",
    "input is not enough for unique date and time",
    "premature end of input",
    "input contains invalid characters",
    "trailing input",
    "bad or unsupported format string",
];

fn parse_problem(path: &Path, text: &str, e: ron::error::SpannedError) -> Problem {
    let pos = e.span.start;
    let (line, column) = (pos.line, pos.col);
    if let ron::Error::Message(msg) = &e.code
        && CHRONO_ERRORS.contains(&msg.as_str())
        && let Some((l, c, lit)) = string_before(text, e.span.end)
    {
        // A date has dashes ("2026-02-30"); a time has a colon or a dot ("9.30").
        let is_time = !lit.contains('-') && (lit.contains(':') || lit.contains('.'));
        let kind = if is_time {
            ProblemKind::InvalidTime { text: lit }
        } else {
            ProblemKind::InvalidDate { text: lit }
        };
        return Problem::new(path, l, c, kind);
    }
    Problem::new(path, line, column, ProblemKind::Parse(e.code))
}

/// The last string literal that ends at or before `end`, with its own line and column.
fn string_before(text: &str, end: ron::error::Position) -> Option<(usize, usize, String)> {
    let line_text = text.lines().nth(end.line.checked_sub(1)?)?;
    let upto: String = line_text.chars().take(end.col.saturating_sub(1)).collect();
    let close = upto.rfind('"')?;
    let open = upto[..close].rfind('"')?;
    let column = 1 + upto[..open].chars().count();
    Some((end.line, column, upto[open + 1..close].to_string()))
}
