//! Which column holds what: the header names team leads use (Dutch, case- and
//! accent-insensitive, with the common synonyms), or a mapping file for any other sheet.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::values::key;

/// Headers compare without spaces too: "Evaluatie-datum" is "evaluatiedatum".
fn header_key(s: &str) -> String {
    key(s).replace(' ', "")
}

/// A column of the households sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CaseField {
    Casusnummer,
    Pseudoniem,
    Aanmelddatum,
    Status,
    Wet,
    Kader,
    Maatregel,
    Gi,
    Gezinsvoogd,
    MaatregelStart,
    MaatregelEinde,
    Complexiteit,
    Leefgebieden,
    Signaalbron,
    Coach,
    Regisseur,
    Evaluatiedatum,
    Veiligheid,
    Toestemming,
    DelenMetPartners,
    ToestemmingDatum,
    SituatieBijAanmelding,
}

/// A column of the members sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MemberField {
    Id,
    Naam,
    Rol,
    Fte,
    Expertise,
    Jeugd,
    Mandaat,
}

/// The header names recognised for each households column (compared after [`key`]).
pub const CASE_HEADERS: &[(CaseField, &[&str])] = &[
    (
        CaseField::Casusnummer,
        &[
            "casusnummer",
            "casuscode",
            "casus",
            "code",
            "dossiernummer",
            "dossier",
            "casus nr",
            "casusnr",
            "nummer",
        ],
    ),
    (
        CaseField::Pseudoniem,
        &[
            "pseudoniem",
            "initialen",
            "huishouden",
            "gezin",
            "naam huishouden",
            "cliënt",
            "client",
        ],
    ),
    (
        CaseField::Aanmelddatum,
        &[
            "aanmelddatum",
            "aanmelding",
            "datum aanmelding",
            "aangemeld op",
            "startdatum",
            "registratiedatum",
        ],
    ),
    (CaseField::Status, &["status", "fase"]),
    (
        CaseField::Wet,
        &["wet", "wetten", "wettelijk kader", "domein", "spoor"],
    ),
    (CaseField::Kader, &["kader", "vrijwillig gedwongen"]),
    (
        CaseField::Maatregel,
        &["maatregel", "jeugdbeschermingsmaatregel"],
    ),
    (CaseField::Gi, &["gi", "gecertificeerde instelling"]),
    (CaseField::Gezinsvoogd, &["gezinsvoogd", "jeugdbeschermer"]),
    (
        CaseField::MaatregelStart,
        &["maatregel start", "start maatregel", "begin maatregel"],
    ),
    (
        CaseField::MaatregelEinde,
        &[
            "maatregel einde",
            "einde maatregel",
            "maatregel eind",
            "einddatum maatregel",
        ],
    ),
    (
        CaseField::Complexiteit,
        &["complexiteit", "zwaarte", "gewicht"],
    ),
    (
        CaseField::Leefgebieden,
        &["leefgebieden", "leefgebied", "problematiek", "domeinen"],
    ),
    (
        CaseField::Signaalbron,
        &[
            "signaalbron",
            "melder",
            "bron",
            "verwijzer",
            "aangemeld door",
        ],
    ),
    (
        CaseField::Coach,
        &[
            "coach",
            "casushouder",
            "wijkcoach",
            "consulent",
            "dossierhouder",
            "behandelaar",
        ],
    ),
    (
        CaseField::Regisseur,
        &["regisseur", "regie", "casusregisseur", "regiehouder"],
    ),
    (
        CaseField::Evaluatiedatum,
        &[
            "evaluatiedatum",
            "evaluatie",
            "volgende evaluatie",
            "datum evaluatie",
        ],
    ),
    (
        CaseField::Veiligheid,
        &[
            "veiligheid",
            "veiligheidszorg",
            "zorgen veiligheid",
            "veilig",
        ],
    ),
    (
        CaseField::Toestemming,
        &[
            "toestemming",
            "toestemming naam",
            "met naam bespreken",
            "toestemming bespreken",
        ],
    ),
    (
        CaseField::DelenMetPartners,
        &["delen met partners", "toestemming delen", "delen"],
    ),
    (
        CaseField::ToestemmingDatum,
        &["toestemming datum", "datum toestemming"],
    ),
    (
        CaseField::SituatieBijAanmelding,
        &[
            "situatie bij aanmelding",
            "situatie",
            "hulpvraag",
            "vraag",
            "omschrijving",
        ],
    ),
];

/// The header names recognised for each members column.
pub const MEMBER_HEADERS: &[(MemberField, &[&str])] = &[
    (
        MemberField::Id,
        &["id", "medewerker id", "gebruikersnaam", "account", "login"],
    ),
    (
        MemberField::Naam,
        &["naam", "medewerker", "volledige naam", "name"],
    ),
    (MemberField::Rol, &["rol", "rollen", "functie"]),
    (MemberField::Fte, &["fte", "omvang", "uren", "contract"]),
    (
        MemberField::Expertise,
        &["expertise", "deskundigheid", "specialisme", "affiniteit"],
    ),
    (
        MemberField::Jeugd,
        &[
            "jeugd",
            "jeugdbevoegd",
            "jeugdbevoegdheid",
            "mag jeugd",
            "jeugdwet bevoegd",
        ],
    ),
    (
        MemberField::Mandaat,
        &[
            "mandaat",
            "mandaat eur",
            "mandaatbedrag",
            "tekenbevoegdheid",
        ],
    ),
];

/// A mapping file: for a sheet whose headers overleg does not know, says which header holds
/// which column (`overleg import --mapping koppeling.ron`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// Row number of the header row (default 1).
    #[serde(default)]
    pub header_row: Option<usize>,
    /// Header → households column, e.g. `"Dossiernr": Casusnummer`.
    #[serde(default)]
    pub huishoudens: BTreeMap<String, CaseField>,
    /// Header → members column, e.g. `"Medewerker": Naam`.
    #[serde(default)]
    pub medewerkers: BTreeMap<String, MemberField>,
}

impl Mapping {
    /// Reads a mapping file; a broken one is reported as `path:line:column: …`.
    pub fn load(path: &Path) -> Result<Mapping, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        crate::storage::from_ron(&text).map_err(|e| {
            format!(
                "{}:{}:{}: {}",
                path.display(),
                e.span.start.line,
                e.span.start.col,
                e.code
            )
        })
    }
}

/// Which sheet holds what, found from its headers.
#[derive(Debug, Clone, PartialEq)]
pub enum Layout {
    Households(Vec<(usize, CaseField)>),
    Members(Vec<(usize, MemberField)>),
    /// Neither: no households or members columns recognised.
    Unknown,
}

/// Recognises the columns of a sheet: the mapping first, then the known header names. A
/// sheet with a case-code column is a households sheet; one with a name column (and no case
/// code) a members sheet.
pub fn layout(headers: &[String], mapping: &Mapping) -> Layout {
    let mapped_case = |h: &str| {
        mapping
            .huishoudens
            .iter()
            .find(|(k, _)| header_key(k) == header_key(h))
            .map(|(_, f)| *f)
    };
    let mapped_member = |h: &str| {
        mapping
            .medewerkers
            .iter()
            .find(|(k, _)| header_key(k) == header_key(h))
            .map(|(_, f)| *f)
    };
    let mut cases: Vec<(usize, CaseField)> = Vec::new();
    let mut members: Vec<(usize, MemberField)> = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        if h.trim().is_empty() {
            continue;
        }
        let k = header_key(h);
        let case = mapped_case(h).or_else(|| {
            CASE_HEADERS
                .iter()
                .find(|(_, names)| names.iter().any(|n| header_key(n) == k))
                .map(|(f, _)| *f)
        });
        // The first column with a name wins (a second "status" column is left alone).
        if let Some(f) = case
            && !cases.iter().any(|(_, g)| *g == f)
        {
            cases.push((i, f));
        }
        let member = mapped_member(h).or_else(|| {
            MEMBER_HEADERS
                .iter()
                .find(|(_, names)| names.iter().any(|n| header_key(n) == k))
                .map(|(f, _)| *f)
        });
        if let Some(f) = member
            && !members.iter().any(|(_, g)| *g == f)
        {
            members.push((i, f));
        }
    }
    if cases.iter().any(|(_, f)| *f == CaseField::Casusnummer) {
        Layout::Households(cases)
    } else if members.iter().any(|(_, f)| *f == MemberField::Naam) {
        Layout::Members(members)
    } else {
        Layout::Unknown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn dutch_headers_in_any_case_and_with_accents() {
        let l = layout(
            &h(&[
                "CasusNummer",
                "Initialen",
                "Casushouder",
                "Wét",
                "Evaluatie-datum",
                "opmerking",
            ]),
            &Mapping::default(),
        );
        assert_eq!(
            l,
            Layout::Households(vec![
                (0, CaseField::Casusnummer),
                (1, CaseField::Pseudoniem),
                (2, CaseField::Coach),
                (3, CaseField::Wet),
                (4, CaseField::Evaluatiedatum),
            ])
        );
        let m = layout(&h(&["Naam", "Rol", "FTE", "Jeugd"]), &Mapping::default());
        assert!(matches!(m, Layout::Members(ref c) if c.len() == 4));
        assert_eq!(
            layout(&h(&["a", "b"]), &Mapping::default()),
            Layout::Unknown
        );
    }

    #[test]
    fn a_mapping_names_other_headers() {
        let mapping: Mapping = crate::storage::from_ron(
            r#"(huishoudens: {"Dossiernr": Casusnummer, "Naam gezin": Pseudoniem})"#,
        )
        .unwrap();
        let l = layout(&h(&["Dossiernr", "Naam gezin"]), &mapping);
        assert_eq!(
            l,
            Layout::Households(vec![
                (0, CaseField::Casusnummer),
                (1, CaseField::Pseudoniem)
            ])
        );
    }
}
