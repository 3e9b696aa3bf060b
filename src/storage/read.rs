//! Reading one file: size limit, text checks, and RON parsing into a located [`Problem`].

use std::fs;
use std::io::{self, Read};
use std::path::Path;

use serde::de::DeserializeOwned;

use super::guard::Fingerprint;
use super::problem::{Problem, ProblemKind};
use super::ron_io::from_ron;

/// Largest file the loader reads (4 MiB). A case file is a few kilobytes; anything this big is
/// a mistake (a pasted log, a wrong file) and is reported without being read.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Largest meeting file the loader reads and the app writes (8 MiB). The biggest meeting of
/// the shipped demo is 27.5 KB; a 90-minute meeting with hundreds of long entries stays far
/// below this (about 300 times the biggest demo meeting), so a real meeting never meets it.
/// A save that would make the file larger is refused (the file would no longer load).
pub const MAX_MEETING_BYTES: u64 = 8 * 1024 * 1024;

/// What a path names when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Directory,
    Fifo,
    Socket,
    CharDevice,
    BlockDevice,
    /// Anything else a file system can hold (a dangling link counts as missing, not here).
    Other,
}

/// A path that is not a regular file: what it is, and whether a symlink pointed there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a regular file: {kind:?}{}", if *.via_symlink { " (via a symlink)" } else { "" })]
pub struct NotRegular {
    pub kind: FileKind,
    pub via_symlink: bool,
}

fn kind_of(ft: fs::FileType) -> Option<FileKind> {
    if ft.is_file() {
        return None;
    }
    if ft.is_dir() {
        return Some(FileKind::Directory);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return Some(FileKind::Fifo);
        }
        if ft.is_socket() {
            return Some(FileKind::Socket);
        }
        if ft.is_char_device() {
            return Some(FileKind::CharDevice);
        }
        if ft.is_block_device() {
            return Some(FileKind::BlockDevice);
        }
    }
    Some(FileKind::Other)
}

/// Opens a file for reading only when it is a regular file: a FIFO, device, socket or folder
/// (also behind a symlink) is refused with an [`io::Error`] wrapping [`NotRegular`], without
/// blocking. The type is checked before opening and again on the open handle (on unix the
/// open is non-blocking, so a FIFO swapped in between cannot hang it).
pub(crate) fn open_regular(path: &Path) -> io::Result<fs::File> {
    let link = fs::symlink_metadata(path)?;
    let via_symlink = link.file_type().is_symlink();
    let meta = if via_symlink {
        fs::metadata(path)?
    } else {
        link
    };
    let refuse = |kind| io::Error::other(NotRegular { kind, via_symlink });
    if let Some(kind) = kind_of(meta.file_type()) {
        return Err(refuse(kind));
    }
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if let Some(kind) = kind_of(file.metadata()?.file_type()) {
        return Err(refuse(kind));
    }
    Ok(file)
}

/// The [`NotRegular`] inside an error of [`open_regular`], if that is what it is.
pub(crate) fn not_regular(e: &io::Error) -> Option<NotRegular> {
    e.get_ref()?.downcast_ref::<NotRegular>().copied()
}

/// Reads a whole regular file (no size limit: for files overleg wrote itself); `None` when
/// it does not exist.
pub(crate) fn read_regular(path: &Path) -> io::Result<Option<Vec<u8>>> {
    let mut file = match open_regular(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(Some(bytes))
}

/// Reads a file as text, or says why it cannot be used. Never writes, never blocks on a
/// FIFO or device.
pub(crate) fn read_text(path: &Path) -> Result<String, Problem> {
    read_fingerprinted(path).map(|(text, _)| text)
}

/// [`read_text`], with the [`Fingerprint`] of the bytes read: what a later save of this file
/// must still find on disk.
pub(crate) fn read_fingerprinted(path: &Path) -> Result<(String, Fingerprint), Problem> {
    let bytes = read_bytes(path)?;
    let fp = Fingerprint::of_bytes(&bytes);
    Ok((text_from_bytes(path, bytes)?, fp))
}

/// Every path [`read_bytes`] opened, for the unit tests that show a lookup reads nothing it
/// can take from the parse cache.
#[cfg(test)]
pub(crate) static READ_LOG: std::sync::Mutex<Vec<std::path::PathBuf>> =
    std::sync::Mutex::new(Vec::new());

fn read_bytes(path: &Path) -> Result<Vec<u8>, Problem> {
    #[cfg(test)]
    if let Ok(mut log) = READ_LOG.lock() {
        log.push(path.to_path_buf());
    }
    let unreadable = |e: io::Error| match not_regular(&e) {
        Some(nr) => Problem::at_start(
            path,
            ProblemKind::NotRegularFile {
                kind: nr.kind,
                via_symlink: nr.via_symlink,
            },
        ),
        None => Problem::at_start(
            path,
            ProblemKind::Unreadable {
                error: e.to_string(),
            },
        ),
    };
    let file = open_regular(path).map_err(unreadable)?;
    let size = file.metadata().map_err(unreadable)?.len();
    let limit = limit_for(path);
    if size > limit {
        return Err(too_large(path, size, limit));
    }
    let mut bytes = Vec::with_capacity(size as usize + 1);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(path, bytes.len() as u64, limit));
    }
    Ok(bytes)
}

/// The size limit of a data file: meeting files (in a `meetings` folder) get
/// [`MAX_MEETING_BYTES`], every other file [`MAX_FILE_BYTES`].
pub fn limit_for(path: &Path) -> u64 {
    let in_meetings = path
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|n| n == "meetings");
    if in_meetings {
        MAX_MEETING_BYTES
    } else {
        MAX_FILE_BYTES
    }
}

fn too_large(path: &Path, size: u64, limit: u64) -> Problem {
    Problem::at_start(path, ProblemKind::TooLarge { size, limit })
}

/// Checks that bytes are usable text: not empty, no NUL bytes, valid UTF-8. Strips a BOM.
pub(crate) fn text_from_bytes(path: &Path, bytes: Vec<u8>) -> Result<String, Problem> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err(Problem::at_start(path, ProblemKind::Utf16));
    }
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
    load_file_fp(path).map(|(v, _)| v)
}

/// [`load_file`] with the fingerprint of the bytes parsed.
pub(crate) fn load_file_fp<T: DeserializeOwned>(path: &Path) -> Result<(T, Fingerprint), Problem> {
    let (text, fp) = read_fingerprinted(path)?;
    Ok((parse_text(path, &text)?, fp))
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
