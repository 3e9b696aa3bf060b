//! Minutes (notulen) of a casuïstiekoverleg in three formats — Markdown (canonical), Word
//! (.docx) and standalone HTML — in two privacy profiles, plus a case excerpt and an .ics
//! invitation. Knows no terminal: the CLI and the TUI both call the functions here.
//!
//! Flow: the domain is turned into one intermediate [`Document`] (`build.rs`), which is
//! scanned for personal data (`privacy.rs`) and rendered by `md.rs`, `docx.rs` or `html.rs`.

mod build;
mod ctx;
mod docx;
mod docx_post;
mod excerpt;
mod html;
mod ics;
pub mod lists;
mod md;
pub mod model;
pub mod privacy;
mod versions;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::domain::{Meeting, TeamData};
use crate::i18n::{Lang, minutes as txt};

pub use build::next_meeting_date;
pub use model::Document;
pub use privacy::{Finding, FindingKind, Profile};

/// Output format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Format {
    #[default]
    Md,
    Docx,
    Html,
}

impl Format {
    /// File extension without the dot.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Docx => "docx",
            Format::Html => "html",
        }
    }
}

/// What can go wrong making minutes. `Display` is Dutch; use [`MinutesError::message`] for
/// the interface language.
#[derive(Debug, thiserror::Error)]
pub enum MinutesError {
    /// The shareable version holds something that looks like personal data; nothing written.
    #[error("{}", refused_message(.0, Lang::Nl))]
    Refused(Vec<Finding>),
    #[error("Onbekende casus: {0}")]
    UnknownCase(String),
    #[error("Kon het Word-document niet opbouwen: {0}")]
    Docx(String),
    #[error("Kon het bestand niet schrijven: {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl MinutesError {
    /// The message in the interface language, with every finding on its own line.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            MinutesError::Refused(f) => refused_message(f, lang),
            MinutesError::UnknownCase(c) => format!("{}: {c}", txt::no_such_case(lang)),
            MinutesError::Docx(e) => format!("{}: {e}", txt::docx_failed(lang)),
            MinutesError::Write { path, source } => {
                format!("{}: {}: {source}", txt::write_failed(lang), path.display())
            }
        }
    }
}

fn refused_message(findings: &[Finding], lang: Lang) -> String {
    let mut s = txt::refused(lang).to_string();
    for f in findings {
        s.push('\n');
        s.push_str(&finding_line(f, lang));
    }
    s
}

/// One finding as a line: `- e-mailadres in «Casus 2026-0142»: •••••••••@••••.nl`.
pub fn finding_line(f: &Finding, lang: Lang) -> String {
    let kind = txt::finding_kind(f.kind, lang);
    if f.section.is_empty() {
        format!("- {kind}: {}", f.masked)
    } else {
        format!(
            "- {kind} {} «{}»: {}",
            txt::found_in(lang),
            f.section,
            f.masked
        )
    }
}

/// A file written, and what the scan warned about (only for `intern`: `deelbaar` refuses).
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub path: PathBuf,
    pub warnings: Vec<Finding>,
    /// The document that was edited after overleg wrote it and so was kept; `path` is then
    /// a new version beside it.
    pub kept: Option<PathBuf>,
}

/// The intermediate document of a meeting's minutes (before the privacy scan).
pub fn document(team: &TeamData, meeting: &Meeting, profile: Profile, lang: Lang) -> Document {
    let ctx = build::Ctx::new(team, profile, txt::texts(lang));
    build::minutes(&ctx, meeting)
}

/// Renders a meeting's minutes. For `deelbaar` the scan runs first and refuses with
/// [`MinutesError::Refused`] when it finds a BSN, e-mail address or phone number.
pub fn render(
    team: &TeamData,
    meeting: &Meeting,
    format: Format,
    profile: Profile,
    lang: Lang,
) -> Result<Vec<u8>, MinutesError> {
    let doc = document(team, meeting, profile, lang);
    checked_bytes(&doc, format, profile, lang).map(|(b, _)| b)
}

/// Scans a document and renders it; returns the bytes and the warnings (intern).
fn checked_bytes(
    doc: &Document,
    format: Format,
    profile: Profile,
    lang: Lang,
) -> Result<(Vec<u8>, Vec<Finding>), MinutesError> {
    let findings = privacy::scan(doc);
    if profile == Profile::Deelbaar && !findings.is_empty() {
        return Err(MinutesError::Refused(findings));
    }
    Ok((render_document(doc, format, lang)?, findings))
}

/// Renders any document in a format, without a privacy scan.
pub fn render_document(
    doc: &Document,
    format: Format,
    lang: Lang,
) -> Result<Vec<u8>, MinutesError> {
    Ok(match format {
        Format::Md => md::render(doc).into_bytes(),
        Format::Html => html::render(doc, lang_code(lang)).into_bytes(),
        Format::Docx => docx::render(doc).map_err(MinutesError::Docx)?,
    })
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "nl",
        Lang::En => "en",
    }
}

fn profile_suffix(profile: Profile) -> &'static str {
    match profile {
        Profile::Intern => "",
        Profile::Deelbaar => "-deelbaar",
    }
}

/// Default path of a meeting's minutes: `minutes/<date>-notulen[-deelbaar].<ext>` in the
/// team folder.
pub fn default_path(team: &TeamData, date: NaiveDate, format: Format, profile: Profile) -> PathBuf {
    team.dir.join("minutes").join(format!(
        "{}-notulen{}.{}",
        date.format("%Y-%m-%d"),
        profile_suffix(profile),
        format.ext()
    ))
}

/// Renders and writes a meeting's minutes (atomically, mode 0600) to `out` or the default
/// path. Refuses `deelbaar` output that fails the scan; nothing is written then.
pub fn write(
    team: &TeamData,
    meeting: &Meeting,
    format: Format,
    profile: Profile,
    lang: Lang,
    out: Option<&Path>,
) -> Result<Written, MinutesError> {
    let doc = document(team, meeting, profile, lang);
    let (bytes, warnings) = checked_bytes(&doc, format, profile, lang)?;
    let path = out.map_or_else(
        || default_path(team, meeting.date, format, profile),
        Path::to_path_buf,
    );
    let (path, kept) = write_versioned(team, &path, &bytes, out.is_some())?;
    Ok(Written {
        path,
        warnings,
        kept,
    })
}

/// The case excerpt as a document; `UnknownCase` when the team has no such case.
pub fn case_excerpt_document(
    team: &TeamData,
    code: &str,
    profile: Profile,
    lang: Lang,
) -> Result<Document, MinutesError> {
    let ctx = build::Ctx::new(team, profile, txt::texts(lang));
    excerpt::excerpt(&ctx, code).ok_or_else(|| MinutesError::UnknownCase(code.to_string()))
}

/// Renders the case excerpt (everything discussed about one household across meetings).
pub fn case_excerpt(
    team: &TeamData,
    code: &str,
    format: Format,
    profile: Profile,
    lang: Lang,
) -> Result<Vec<u8>, MinutesError> {
    let doc = case_excerpt_document(team, code, profile, lang)?;
    checked_bytes(&doc, format, profile, lang).map(|(b, _)| b)
}

/// Writes the case excerpt to `out` or `minutes/<code>-uittreksel[-deelbaar].<ext>`.
pub fn write_case_excerpt(
    team: &TeamData,
    code: &str,
    format: Format,
    profile: Profile,
    lang: Lang,
    out: Option<&Path>,
) -> Result<Written, MinutesError> {
    let doc = case_excerpt_document(team, code, profile, lang)?;
    let (bytes, warnings) = checked_bytes(&doc, format, profile, lang)?;
    let path = out.map_or_else(
        || {
            team.dir.join("minutes").join(format!(
                "{code}-uittreksel{}.{}",
                profile_suffix(profile),
                format.ext()
            ))
        },
        Path::to_path_buf,
    );
    let (path, kept) = write_versioned(team, &path, &bytes, out.is_some())?;
    Ok(Written {
        path,
        warnings,
        kept,
    })
}

/// The .ics invitation for the meeting after `meeting`.
pub fn ics(team: &TeamData, meeting: &Meeting, lang: Lang) -> Option<String> {
    ics::invitation(team, meeting, txt::texts(lang))
}

/// Writes the invitation to `out` or `minutes/<next date>-uitnodiging.ics`.
pub fn write_ics(
    team: &TeamData,
    meeting: &Meeting,
    lang: Lang,
    out: Option<&Path>,
) -> Result<Option<PathBuf>, MinutesError> {
    let (Some(text), Some(next)) = (ics(team, meeting, lang), next_meeting_date(team, meeting))
    else {
        return Ok(None);
    };
    let path = out.map_or_else(
        || {
            team.dir
                .join("minutes")
                .join(format!("{}-uitnodiging.ics", next.format("%Y-%m-%d")))
        },
        Path::to_path_buf,
    );
    write_private(&path, text.as_bytes())?;
    Ok(Some(path))
}

/// Writes `path`, or — when the file there was edited after overleg wrote it — a new version
/// beside it (see `versions.rs`). Returns where it wrote and the document it kept.
fn write_versioned(
    team: &TeamData,
    path: &Path,
    bytes: &[u8],
    named: bool,
) -> Result<(PathBuf, Option<PathBuf>), MinutesError> {
    let record = team.dir.join("minutes").join(versions::RECORD_FILE);
    let (path, kept) = versions::target(path, &record, named);
    write_private(&path, bytes)?;
    versions::remember(&path, bytes, &record);
    Ok((path, kept))
}

/// Atomic write, then readable and writable by the owner only.
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), MinutesError> {
    let err = |source| MinutesError::Write {
        path: path.to_path_buf(),
        source,
    };
    crate::storage::write_atomic(path, bytes).map_err(err)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).map_err(err)?;
    }
    Ok(())
}
