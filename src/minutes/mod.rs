//! Minutes (notulen) of a casuïstiekoverleg in three formats — Markdown (canonical), Word
//! (.docx) and standalone HTML — in two privacy profiles, plus a case excerpt and an .ics
//! invitation. Knows no terminal: the CLI and the TUI both call the functions here.
//!
//! Flow: the domain is turned into one intermediate [`Document`] (`build.rs`, `lists.rs`),
//! with what a shareable version may hold decided in `share.rs` and its names redacted in
//! `privacy/`; the document is scanned for personal data (`privacy/scan.rs`) and rendered by
//! `md.rs`, `docx.rs` or `html.rs`.
//!
//! For the interface: [`MinutesOptions`] with [`write_with`] and [`write_case_excerpt_with`]
//! (the partner versions), [`partner_organisations`] (whom a meeting's minutes can go to) and
//! [`intern_findings`] (what to warn about before a meeting is closed).

mod build;
mod ctx;
mod docx;
mod docx_post;
mod error;
mod excerpt;
mod html;
mod ics;
pub mod lists;
mod md;
pub mod model;
pub mod privacy;
mod share;
mod versions;
mod week;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::domain::{Guest, Meeting, TeamData};
use crate::i18n::{Lang, minutes as txt};

pub use error::{MinutesError, finding_line};
pub use lists::next_meeting_date;
pub use model::Document;
pub use privacy::{Finding, FindingKind, Profile};
pub use share::partner_organisations;

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

/// A file written, and what the scan warned about (only for `intern`: `deelbaar` refuses).
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub path: PathBuf,
    pub warnings: Vec<Finding>,
    /// The document that was edited after overleg wrote it and so was kept; `path` is then
    /// a new version beside it.
    pub kept: Option<PathBuf>,
}

/// Everything that decides what a minutes document (or excerpt) holds and how it looks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MinutesOptions {
    pub format: Format,
    pub profile: Profile,
    /// The partner organisation a `deelbaar` version is for (`--partner ORG`), matched
    /// leniently against the organisations involved with the team's households; `None` for
    /// the general shareable version. Not allowed with `intern`.
    pub partner: Option<String>,
    pub lang: Lang,
}

impl MinutesOptions {
    /// Options for a format, profile and language, without a partner.
    pub fn new(format: Format, profile: Profile, lang: Lang) -> Self {
        MinutesOptions {
            format,
            profile,
            partner: None,
            lang,
        }
    }
}

/// The context of a document: the partner resolved, the guests known.
fn context<'a>(
    team: &'a TeamData,
    opts: &MinutesOptions,
    guests: &[Guest],
) -> Result<build::Ctx<'a>, MinutesError> {
    let partner = match (&opts.partner, opts.profile) {
        (None, _) => None,
        (Some(_), Profile::Intern) => return Err(MinutesError::PartnerNeedsDeelbaar),
        (Some(p), Profile::Deelbaar) => {
            Some(share::Partner::resolve(team, p).map_err(|e| match e {
                share::PartnerError::Unknown(known) => MinutesError::UnknownPartner {
                    partner: p.clone(),
                    known,
                },
                share::PartnerError::Ambiguous(matches) => MinutesError::AmbiguousPartner {
                    partner: p.clone(),
                    matches,
                },
            })?)
        }
    };
    Ok(build::Ctx::new(
        team,
        opts.profile,
        partner,
        guests,
        txt::texts(opts.lang),
    ))
}

/// A shareable document may not mention a household whose case file did not load: its names
/// are unknown, so they cannot be left out.
fn check_cases_loaded(team: &TeamData, codes: Vec<String>) -> Result<(), MinutesError> {
    for code in codes {
        if team.case(&code).is_none() {
            return Err(MinutesError::CaseUnreadable {
                path: crate::storage::case_path(&team.dir, &code),
                code,
            });
        }
    }
    Ok(())
}

/// Every case code a meeting's minutes can mention: discussed cases, cases of its actions,
/// and of the earlier actions it reviews.
fn meeting_case_codes(team: &TeamData, meeting: &Meeting) -> Vec<String> {
    let ledger = crate::domain::ActionLedger::from_meetings(&team.meetings, Some(meeting.date));
    meeting
        .case_discussions()
        .map(|d| d.case.clone())
        .chain(meeting.actions().filter_map(|a| a.case.clone()))
        .chain(
            meeting
                .action_reviews
                .iter()
                .filter_map(|r| ledger.get(&r.action).and_then(|a| a.item.case.clone())),
        )
        .collect()
}

/// The intermediate document of a meeting's minutes (before the privacy scan). For a
/// `deelbaar` version this is where consent, the partner and an unreadable case file are
/// checked.
pub fn document_with(
    team: &TeamData,
    meeting: &Meeting,
    opts: &MinutesOptions,
) -> Result<Document, MinutesError> {
    prepared(team, meeting, opts).map(|(doc, _)| doc)
}

/// The document of a meeting's minutes and what the scan finds in it.
fn prepared(
    team: &TeamData,
    meeting: &Meeting,
    opts: &MinutesOptions,
) -> Result<(Document, Vec<Finding>), MinutesError> {
    let ctx = context(team, opts, &meeting.guests)?;
    if ctx.shareable() {
        check_cases_loaded(team, meeting_case_codes(team, meeting))?;
        if let Some(p) = ctx.partner()
            && !meeting.case_discussions().any(|d| ctx.case_shown(&d.case))
        {
            return Err(MinutesError::NothingForPartner(p.name.clone()));
        }
    }
    Ok(scanned(ctx, |ctx| build::minutes(ctx, meeting)))
}

/// The document and what the scan finds in it. A shareable document is also built once
/// without redaction and scanned: a name redacted inside an e-mail address or a street must
/// not hide the address from the scan.
fn scanned(
    mut ctx: build::Ctx<'_>,
    build: impl Fn(&build::Ctx<'_>) -> Document,
) -> (Document, Vec<Finding>) {
    let doc = build(&ctx);
    let mut findings = privacy::scan(&doc);
    if ctx.shareable() {
        ctx.set_redaction(false);
        for f in privacy::scan(&build(&ctx)) {
            if !findings.contains(&f) {
                findings.push(f);
            }
        }
    }
    (doc, findings)
}

/// The intermediate document of a meeting's minutes without a partner. A `deelbaar`
/// document is built even when a discussed case file did not load (that household is then
/// left out); [`render`] and [`write`] refuse it.
pub fn document(team: &TeamData, meeting: &Meeting, profile: Profile, lang: Lang) -> Document {
    let ctx = build::Ctx::new(team, profile, None, &meeting.guests, txt::texts(lang));
    build::minutes(&ctx, meeting)
}

/// Renders a meeting's minutes. For `deelbaar` the scan runs first and refuses with
/// [`MinutesError::Refused`] when it finds personal data.
pub fn render(
    team: &TeamData,
    meeting: &Meeting,
    format: Format,
    profile: Profile,
    lang: Lang,
) -> Result<Vec<u8>, MinutesError> {
    render_with(team, meeting, &MinutesOptions::new(format, profile, lang))
}

/// [`render`] with all options (a partner's version).
pub fn render_with(
    team: &TeamData,
    meeting: &Meeting,
    opts: &MinutesOptions,
) -> Result<Vec<u8>, MinutesError> {
    let (doc, findings) = prepared(team, meeting, opts)?;
    checked_bytes(&doc, findings, opts).map(|(b, _)| b)
}

/// What the scan finds in the `intern` minutes of a meeting, each with its section and a
/// masked excerpt: for a warning before the meeting is closed (the close writes them).
pub fn intern_findings(team: &TeamData, meeting: &Meeting, lang: Lang) -> Vec<Finding> {
    privacy::scan(&document(team, meeting, Profile::Intern, lang))
}

/// Renders a scanned document, or refuses a shareable one with findings; returns the bytes
/// and the warnings (intern).
fn checked_bytes(
    doc: &Document,
    findings: Vec<Finding>,
    opts: &MinutesOptions,
) -> Result<(Vec<u8>, Vec<Finding>), MinutesError> {
    if opts.profile == Profile::Deelbaar && !findings.is_empty() {
        return Err(MinutesError::Refused(findings));
    }
    Ok((render_document(doc, opts.format, opts.lang)?, findings))
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

/// `-deelbaar`, `-deelbaar-<partner>` or nothing, for file names.
fn profile_suffix(team: &TeamData, opts: &MinutesOptions) -> String {
    match (opts.profile, &opts.partner) {
        (Profile::Intern, _) => String::new(),
        (Profile::Deelbaar, None) => "-deelbaar".to_string(),
        (Profile::Deelbaar, Some(p)) => {
            let name = share::Partner::resolve(team, p).map_or_else(|_| p.clone(), |p| p.name);
            format!("-deelbaar-{}", share::slug(&name))
        }
    }
}

/// Default path of a meeting's minutes: `minutes/<date>-notulen[-deelbaar].<ext>` in the
/// team folder.
pub fn default_path(team: &TeamData, date: NaiveDate, format: Format, profile: Profile) -> PathBuf {
    default_path_with(team, date, &MinutesOptions::new(format, profile, Lang::Nl))
}

/// Default path of a meeting's minutes with all options:
/// `minutes/<date>-notulen[-deelbaar[-<partner>]].<ext>`.
pub fn default_path_with(team: &TeamData, date: NaiveDate, opts: &MinutesOptions) -> PathBuf {
    team.dir.join("minutes").join(format!(
        "{}-notulen{}.{}",
        date.format("%Y-%m-%d"),
        profile_suffix(team, opts),
        opts.format.ext()
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
    write_with(
        team,
        meeting,
        &MinutesOptions::new(format, profile, lang),
        out,
    )
}

/// [`write`] with all options (a partner's version). The refusal ([`MinutesError::Refused`])
/// holds every finding with its section and a masked excerpt, for the interface to show.
pub fn write_with(
    team: &TeamData,
    meeting: &Meeting,
    opts: &MinutesOptions,
    out: Option<&Path>,
) -> Result<Written, MinutesError> {
    let (doc, findings) = prepared(team, meeting, opts)?;
    let (bytes, warnings) = checked_bytes(&doc, findings, opts)?;
    let path = out.map_or_else(
        || default_path_with(team, meeting.date, opts),
        Path::to_path_buf,
    );
    let (path, kept) = write_versioned(team, &path, &bytes, out.is_some())?;
    Ok(Written {
        path,
        warnings,
        kept,
    })
}

/// The case excerpt as a document; `UnknownCase` when the team has no such case. A
/// `deelbaar` excerpt needs the household's consent (and, for a partner, the partner's
/// involvement with it).
pub fn case_excerpt_document(
    team: &TeamData,
    code: &str,
    profile: Profile,
    lang: Lang,
) -> Result<Document, MinutesError> {
    case_excerpt_document_with(team, code, &MinutesOptions::new(Format::Md, profile, lang))
}

/// [`case_excerpt_document`] with all options.
pub fn case_excerpt_document_with(
    team: &TeamData,
    code: &str,
    opts: &MinutesOptions,
) -> Result<Document, MinutesError> {
    prepared_excerpt(team, code, opts).map(|(doc, _)| doc)
}

/// The excerpt document and what the scan finds in it.
fn prepared_excerpt(
    team: &TeamData,
    code: &str,
    opts: &MinutesOptions,
) -> Result<(Document, Vec<Finding>), MinutesError> {
    let guests: Vec<Guest> = team
        .meetings
        .iter()
        .flat_map(|m| m.guests.iter().cloned())
        .collect();
    let ctx = context(team, opts, &guests)?;
    let Some(case) = team.case(code) else {
        let path = crate::storage::case_path(&team.dir, code);
        return Err(if ctx.shareable() && path.is_file() {
            MinutesError::CaseUnreadable {
                code: code.to_string(),
                path,
            }
        } else {
            MinutesError::UnknownCase(code.to_string())
        });
    };
    if ctx.shareable() {
        if !case.consent.share_with_partners {
            return Err(MinutesError::NoConsent(code.to_string()));
        }
        if let Some(p) = ctx.partner()
            && !p.involved(case)
        {
            return Err(MinutesError::PartnerNotInvolved {
                code: code.to_string(),
                partner: p.name.clone(),
            });
        }
        let mentioned = team
            .meetings
            .iter()
            .filter(|m| m.case_discussions().any(|d| d.case == code))
            .flat_map(|m| meeting_case_codes(team, m))
            .collect();
        check_cases_loaded(team, mentioned)?;
    }
    let (doc, findings) = scanned(ctx, |ctx| excerpt::excerpt(ctx, code).unwrap_or_default());
    Ok((doc, findings))
}

/// Renders the case excerpt (everything discussed about one household across meetings).
pub fn case_excerpt(
    team: &TeamData,
    code: &str,
    format: Format,
    profile: Profile,
    lang: Lang,
) -> Result<Vec<u8>, MinutesError> {
    case_excerpt_with(team, code, &MinutesOptions::new(format, profile, lang))
}

/// [`case_excerpt`] with all options.
pub fn case_excerpt_with(
    team: &TeamData,
    code: &str,
    opts: &MinutesOptions,
) -> Result<Vec<u8>, MinutesError> {
    let (doc, findings) = prepared_excerpt(team, code, opts)?;
    checked_bytes(&doc, findings, opts).map(|(b, _)| b)
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
    write_case_excerpt_with(team, code, &MinutesOptions::new(format, profile, lang), out)
}

/// [`write_case_excerpt`] with all options; a partner's excerpt goes to
/// `minutes/<code>-uittreksel-deelbaar-<partner>.<ext>`.
pub fn write_case_excerpt_with(
    team: &TeamData,
    code: &str,
    opts: &MinutesOptions,
    out: Option<&Path>,
) -> Result<Written, MinutesError> {
    let (doc, findings) = prepared_excerpt(team, code, opts)?;
    let (bytes, warnings) = checked_bytes(&doc, findings, opts)?;
    let path = out.map_or_else(
        || {
            team.dir.join("minutes").join(format!(
                "{code}-uittreksel{}.{}",
                profile_suffix(team, opts),
                opts.format.ext()
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

/// Atomic write, with the permissions the team folder requires (`storage::perm`): the
/// owner's only (0600), or the team's group in a shared team folder; 0600 outside it.
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), MinutesError> {
    crate::storage::write_atomic(path, bytes).map_err(|source| MinutesError::Write {
        path: path.to_path_buf(),
        source,
    })
}
