//! What can go wrong making minutes, and how it reads in the interface language.

use std::path::PathBuf;

use crate::i18n::{Lang, minutes as txt};

use super::Finding;

/// What can go wrong making minutes. `Display` is Dutch; use [`MinutesError::message`] for
/// the interface language.
#[derive(Debug, thiserror::Error)]
pub enum MinutesError {
    /// The shareable version holds something that looks like personal data; nothing written.
    #[error("{}", refused_message(.0, Lang::Nl))]
    Refused(Vec<Finding>),
    #[error("Onbekende casus: {0}")]
    UnknownCase(String),
    /// A shareable excerpt of a household that did not consent to sharing.
    #[error("{}: {code}", txt::no_consent(Lang::Nl), code = .0)]
    NoConsent(String),
    /// A shareable document mentions a household whose case file did not load.
    #[error("{}: {}", txt::case_unreadable(Lang::Nl), .path.display())]
    CaseUnreadable { code: String, path: PathBuf },
    /// `--partner` names no organisation involved with the team's households.
    #[error("{}: {}", txt::unknown_partner(Lang::Nl), .known.join(", "))]
    UnknownPartner { partner: String, known: Vec<String> },
    /// `--partner` fits several organisations.
    #[error("{}: {}", txt::ambiguous_partner(Lang::Nl), .matches.join(", "))]
    AmbiguousPartner {
        partner: String,
        matches: Vec<String>,
    },
    /// The partner is not involved with the household of the excerpt.
    #[error("{}: {partner}, {code}", txt::partner_not_involved(Lang::Nl))]
    PartnerNotInvolved { code: String, partner: String },
    /// No household of the meeting is for this partner.
    #[error("{}: {partner}", txt::nothing_for_partner(Lang::Nl), partner = .0)]
    NothingForPartner(String),
    /// A partner was given with the `intern` profile.
    #[error("{}", txt::partner_needs_deelbaar(Lang::Nl))]
    PartnerNeedsDeelbaar,
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
            MinutesError::NoConsent(c) => format!("{}: {c}", txt::no_consent(lang)),
            MinutesError::CaseUnreadable { path, .. } => {
                format!("{}: {}", txt::case_unreadable(lang), path.display())
            }
            MinutesError::UnknownPartner { partner, known } => format!(
                "{} ({partner}): {}",
                txt::unknown_partner(lang),
                known.join(", ")
            ),
            MinutesError::AmbiguousPartner { partner, matches } => format!(
                "{} ({partner}): {}",
                txt::ambiguous_partner(lang),
                matches.join(", ")
            ),
            MinutesError::PartnerNotInvolved { code, partner } => {
                format!("{}: {partner}, {code}", txt::partner_not_involved(lang))
            }
            MinutesError::NothingForPartner(p) => {
                format!("{}: {p}", txt::nothing_for_partner(lang))
            }
            MinutesError::PartnerNeedsDeelbaar => txt::partner_needs_deelbaar(lang).to_string(),
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
