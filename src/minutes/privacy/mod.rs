//! Privacy: the two profiles, redaction of shareable text (`redact.rs`) and the scan for
//! things that look like personal data (`scan.rs`).
//!
//! What the `deelbaar` profile keeps and drops (decided here and in `share.rs`):
//! - only households that consented to sharing with partners (`consent.share_with_partners`)
//!   are in it; of the others nothing is, not even the code (a line says how many were left
//!   out). With a partner (`--partner ORG`) only the consenting households where that
//!   organisation is involved, and per household only the question, the decisions, the
//!   regisseur and the actions addressed to the partner;
//! - kept without a partner: team facts, attendance of professionals (guests by their
//!   role), adoption of the previous minutes, action review, per case the **case code**,
//!   inbrenger, question, advice, decisions (with grounds and dissent), regie outcome and
//!   check, next evaluation, actions, the anonymised lesson; organisational items;
//!   besluitenlijst; actielijst;
//! - dropped: the pseudonym, every name overleg knows (household members, guests, external
//!   professionals, betrokkenen — also when typed in free text, replaced by a role or the
//!   case code), the clarifying notes and discussion notes of case items, and all
//!   confidential notes;
//! - refused: anything the scan finds (BSN, IBAN, address, date of birth, e-mail, phone).

mod names;
mod redact;
mod scan;

pub(crate) use names::name_variants;
pub(crate) use redact::{Redactor, guest_is_household, household_parts};
pub use scan::{elf_proef, iban_valid, scan_text};

use super::model::Document;

/// Who the minutes are for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Profile {
    /// For the team: everything, including pseudonyms and confidential notes.
    #[default]
    Intern,
    /// For partners: case codes only, only households that consented, no names, no
    /// confidential or discussion notes.
    Deelbaar,
}

/// What kind of personal data a finding looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FindingKind {
    Bsn,
    Email,
    Phone,
    Iban,
    /// A postcode with a house number.
    Postcode,
    /// A street with a house number.
    Address,
    BirthDate,
}

/// One thing that looks like personal data, with where it was found. The text itself is kept
/// masked only, so a finding can be printed (or shown in the interface) without leaking
/// what it found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: FindingKind,
    /// Heading of the section (a case section names the case code); empty for the title block.
    pub section: String,
    /// The match with all but its last two characters masked, e.g. `•••••••82`.
    pub masked: String,
}

/// Scans every text of the document and returns what looks like personal data.
pub fn scan(doc: &Document) -> Vec<Finding> {
    let mut out = Vec::new();
    for (section, text) in doc.texts() {
        for (kind, found) in scan_text(text) {
            out.push(Finding {
                kind,
                section: section.to_string(),
                masked: mask(&found),
            });
        }
    }
    out
}

/// Masks all but the last two characters (an `@` stays); line breaks and runs of spaces
/// become one space, so the excerpt fits on one line.
pub fn mask(found: &str) -> String {
    let one_line = found.split_whitespace().collect::<Vec<_>>().join(" ");
    let n = one_line.chars().count();
    one_line
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if i + 2 >= n || c == '@' || c == ' ' {
                c
            } else {
                '•'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
