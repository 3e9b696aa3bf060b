//! New households: the aanmelding (registering a referral as a new case with the next free
//! code of its year) and the verdeellijst (every aanmelding still without a regisseur, oldest
//! first, with its waiting time).

use chrono::{Datelike, NaiveDate};

use super::case::{
    Case, CaseCode, CaseStatus, Complexity, Consent, HouseholdMember, Kader, Law, Leefgebied,
    SignalSource,
};

/// What is asked at an aanmelding. Household members carry a name only with consent.
#[derive(Debug, Clone, PartialEq)]
pub struct Aanmelding {
    /// How the household is named in the team, e.g. "Fam. A.".
    pub pseudonym: String,
    pub registered: NaiveDate,
    pub signal_source: SignalSource,
    pub laws: Vec<Law>,
    pub leefgebieden: Vec<Leefgebied>,
    /// The first guess of the complexity; the onderzoek may change it.
    pub complexity: Complexity,
    pub safety_flag: bool,
    /// The short question of the aanmelding (kept as the situation at registration).
    pub question: String,
    pub consent: Consent,
    pub household: Vec<HouseholdMember>,
}

/// Why an aanmelding was refused; nothing is written then.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AanmeldingError {
    #[error("the pseudonym is empty")]
    EmptyPseudonym,
    #[error("no law given")]
    NoLaw,
    #[error("a household member has a name, but there is no consent to use names")]
    NameWithoutConsent,
    #[error("the aanmelding date {0} lies after today")]
    InTheFuture(NaiveDate),
    #[error("no free case code left in {0}")]
    NoFreeCode(i32),
}

/// The next free `YYYY-NNNN` of `year`, given every code in use anywhere in the municipality
/// folder (all teams, also files that failed to load). Codes of other years, and anything
/// that is not a case code, are ignored.
pub fn next_case_code<'a>(year: i32, codes: impl IntoIterator<Item = &'a str>) -> Option<CaseCode> {
    let head = format!("{year:04}-");
    let max = codes
        .into_iter()
        .filter(|c| {
            let b = c.as_bytes();
            b.len() == 9
                && b[4] == b'-'
                && b.iter()
                    .enumerate()
                    .all(|(i, x)| i == 4 || x.is_ascii_digit())
        })
        .filter_map(|c| c.strip_prefix(&head))
        .filter_map(|n| n.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    (max < 9999).then(|| format!("{year:04}-{:04}", max + 1))
}

/// Registers an aanmelding as a new case: status aanmelding, no regisseur, no coach, the
/// next free code of the aanmelding's year. `codes` are all codes in use (see
/// [`next_case_code`]); `today` guards against a date in the future.
pub fn register<'a>(
    a: Aanmelding,
    codes: impl IntoIterator<Item = &'a str>,
    today: NaiveDate,
) -> Result<Case, AanmeldingError> {
    let pseudonym = a.pseudonym.trim().to_string();
    if pseudonym.is_empty() {
        return Err(AanmeldingError::EmptyPseudonym);
    }
    if a.laws.is_empty() {
        return Err(AanmeldingError::NoLaw);
    }
    if !a.consent.discuss_with_name && a.household.iter().any(|m| m.name.is_some()) {
        return Err(AanmeldingError::NameWithoutConsent);
    }
    if a.registered > today {
        return Err(AanmeldingError::InTheFuture(a.registered));
    }
    let year = a.registered.year();
    let code = next_case_code(year, codes).ok_or(AanmeldingError::NoFreeCode(year))?;
    Ok(Case {
        version: super::FORMAT_VERSION,
        code,
        pseudonym,
        registered: a.registered,
        status: CaseStatus::Aanmelding,
        laws: a.laws,
        kader: Kader::Vrijwillig,
        complexity: a.complexity,
        leefgebieden: a.leefgebieden,
        household: a
            .household
            .into_iter()
            .map(|m| HouseholdMember {
                role: m.role.trim().to_string(),
                age: m.age,
                name: m
                    .name
                    .map(|n| n.trim().to_string())
                    .filter(|n| !n.is_empty()),
            })
            .collect(),
        consent: a.consent,
        signal_source: a.signal_source,
        coach: None,
        regisseur: None,
        regie_history: vec![],
        betrokkenen: vec![],
        voorzieningen: vec![],
        plans: vec![],
        next_evaluation: None,
        safety_flag: a.safety_flag,
        situation_at_registration: a.question.trim().to_string(),
        situation_now: String::new(),
        confidential_notes: String::new(),
        history: vec![],
    })
}

/// One household waiting on the verdeellijst.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Wachtend {
    pub code: CaseCode,
    pub pseudonym: String,
    pub registered: NaiveDate,
    /// Days since the aanmelding (0 on the day itself).
    pub waiting_days: i64,
    pub laws: Vec<Law>,
    pub leefgebieden: Vec<Leefgebied>,
    pub complexity: Complexity,
    pub safety_flag: bool,
}

/// The verdeellijst on `today`: every case in status aanmelding without a regisseur in force,
/// oldest first (then by code).
pub fn verdeellijst(cases: &[Case], today: NaiveDate) -> Vec<Wachtend> {
    let mut out: Vec<Wachtend> = cases
        .iter()
        .filter(|c| c.status == CaseStatus::Aanmelding && c.regisseur_on(today).is_none())
        .map(|c| Wachtend {
            code: c.code.clone(),
            pseudonym: c.pseudonym.clone(),
            registered: c.registered,
            waiting_days: (today - c.registered).num_days().max(0),
            laws: c.laws.clone(),
            leefgebieden: c.leefgebieden.clone(),
            complexity: c.complexity,
            safety_flag: c.safety_flag,
        })
        .collect();
    out.sort_by(|a, b| a.registered.cmp(&b.registered).then(a.code.cmp(&b.code)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::fixture::{case, d};

    fn aanmelding() -> Aanmelding {
        Aanmelding {
            pseudonym: " Fam. Ş. ".into(),
            registered: d(2026, 11, 20),
            signal_source: SignalSource::School,
            laws: vec![Law::Jeugdwet],
            leefgebieden: vec![Leefgebied::Opvoeding],
            complexity: Complexity::Midden,
            safety_flag: false,
            question: "Zoon verzuimt".into(),
            consent: Consent::default(),
            household: vec![HouseholdMember {
                role: "kind".into(),
                age: Some(12),
                name: None,
            }],
        }
    }

    #[test]
    fn codes_number_on_across_every_team_of_the_year() {
        // Team A used 0007, team B 0012; 2025 and a stray name do not count.
        let codes = ["2026-0007", "2026-0012", "2025-0400", "notes", "2026-12"];
        assert_eq!(next_case_code(2026, codes), Some("2026-0013".into()));
        assert_eq!(next_case_code(2027, codes), Some("2027-0001".into()));
        assert_eq!(next_case_code(2026, ["2026-9999"]), None);
        let c = register(aanmelding(), codes, d(2026, 11, 23)).expect("registered");
        assert_eq!(c.code, "2026-0013");
        assert_eq!(c.pseudonym, "Fam. Ş.");
        assert_eq!(c.status, CaseStatus::Aanmelding);
        assert_eq!(c.regisseur, None);
    }

    #[test]
    fn bad_aanmeldingen_are_refused() {
        let today = d(2026, 11, 23);
        let mut a = aanmelding();
        a.pseudonym = "  ".into();
        assert_eq!(register(a, [], today), Err(AanmeldingError::EmptyPseudonym));
        let mut a = aanmelding();
        a.household[0].name = Some("Emre".into());
        assert_eq!(
            register(a.clone(), [], today),
            Err(AanmeldingError::NameWithoutConsent)
        );
        a.consent.discuss_with_name = true;
        assert!(register(a, [], today).is_ok());
        let mut a = aanmelding();
        a.laws.clear();
        assert_eq!(register(a, [], today), Err(AanmeldingError::NoLaw));
        let mut a = aanmelding();
        a.registered = d(2026, 11, 24);
        assert_eq!(
            register(a, [], today),
            Err(AanmeldingError::InTheFuture(d(2026, 11, 24)))
        );
    }

    #[test]
    fn the_verdeellijst_is_oldest_first_with_waiting_days() {
        let mut a = case("2026-0003", None);
        a.status = CaseStatus::Aanmelding;
        a.registered = d(2026, 11, 2);
        let mut b = case("2026-0001", None);
        b.status = CaseStatus::Aanmelding;
        b.registered = d(2026, 10, 30);
        let mut taken = case("2026-0002", Some("sbakker"));
        taken.status = CaseStatus::Aanmelding;
        let running = case("2026-0004", None);
        let list = verdeellijst(&[a, b, taken, running], d(2026, 11, 23));
        let got: Vec<(&str, i64)> = list
            .iter()
            .map(|w| (w.code.as_str(), w.waiting_days))
            .collect();
        assert_eq!(got, [("2026-0001", 24), ("2026-0003", 21)]);
    }
}
