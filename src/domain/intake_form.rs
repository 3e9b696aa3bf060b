//! An aanmelding as typed (on the command line or in the interface's form): every field a
//! string, read leniently into an [`Aanmelding`], with a typed error per field that the
//! interface can show next to it (texts in `crate::i18n::week::input_error`).

use chrono::NaiveDate;

use super::case::{Complexity, Consent, HouseholdMember};
use super::intake::Aanmelding;
use super::lenient;

/// The fields of an aanmelding as typed. Empty `date` means today.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AanmeldingForm {
    pub pseudonym: String,
    pub date: String,
    pub signal_source: String,
    /// Comma-separated: "jeugdwet, wmo".
    pub laws: String,
    /// Each entry may hold a comma-separated list.
    pub leefgebieden: Vec<String>,
    /// Empty means midden.
    pub complexity: String,
    pub safety_flag: bool,
    pub question: String,
    /// Each `rol[:leeftijd[:naam]]`.
    pub household: Vec<String>,
    pub consent_name: bool,
    pub consent_share: bool,
    pub consent_date: String,
}

/// Which field could not be read, with what was typed (never a household member's text).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("unknown law {0}")]
    Law(String),
    #[error("unknown leefgebied {0}")]
    Leefgebied(String),
    #[error("unknown signal source {0}")]
    SignalSource(String),
    #[error("unknown complexity {0}")]
    Complexity(String),
    /// `field` is "datum" or "toestemming-datum".
    #[error("not a date: {value}")]
    Date { field: &'static str, value: String },
    /// The household member at this position (the text is not repeated: it may hold a name).
    #[error("household member {0} is not rol[:leeftijd[:naam]]")]
    HouseholdMember(usize),
}

/// Parses `rol[:leeftijd[:naam]]`.
pub fn parse_household_member(s: &str) -> Option<HouseholdMember> {
    let mut parts = s.splitn(3, ':').map(str::trim);
    let role = parts.next().filter(|r| !r.is_empty())?.to_string();
    let age = match parts.next() {
        None | Some("") => None,
        Some(a) => Some(a.parse::<u8>().ok()?),
    };
    let name = parts.next().filter(|n| !n.is_empty()).map(str::to_string);
    Some(HouseholdMember { role, age, name })
}

impl AanmeldingForm {
    /// Reads the form; the first field that cannot be read is the error. The rules of the
    /// aanmelding itself (a pseudonym, a law, no name without consent) are checked by
    /// `intake::register`.
    pub fn read(&self, today: NaiveDate) -> Result<Aanmelding, InputError> {
        let date = |field: &'static str, v: &str| {
            lenient::parse_date(v).ok_or_else(|| InputError::Date {
                field,
                value: v.trim().to_string(),
            })
        };
        let registered = if self.date.trim().is_empty() {
            today
        } else {
            date("datum", &self.date)?
        };
        let source = if self.signal_source.trim().is_empty() {
            "inwoner"
        } else {
            &self.signal_source
        };
        let signal_source = lenient::parse_signal_source(source)
            .ok_or_else(|| InputError::SignalSource(source.trim().to_string()))?;
        let laws = lenient::parse_list(&self.laws, lenient::parse_law).map_err(InputError::Law)?;
        let mut leefgebieden = Vec::new();
        for l in &self.leefgebieden {
            for v in
                lenient::parse_list(l, lenient::parse_leefgebied).map_err(InputError::Leefgebied)?
            {
                if !leefgebieden.contains(&v) {
                    leefgebieden.push(v);
                }
            }
        }
        let complexity = if self.complexity.trim().is_empty() {
            Complexity::Midden
        } else {
            lenient::parse_complexity(&self.complexity)
                .ok_or_else(|| InputError::Complexity(self.complexity.trim().to_string()))?
        };
        let household = self
            .household
            .iter()
            .enumerate()
            .map(|(i, g)| parse_household_member(g).ok_or(InputError::HouseholdMember(i)))
            .collect::<Result<Vec<_>, _>>()?;
        let consent_date = if self.consent_date.trim().is_empty() {
            None
        } else {
            Some(date("toestemming-datum", &self.consent_date)?)
        };
        Ok(Aanmelding {
            pseudonym: self.pseudonym.clone(),
            registered,
            signal_source,
            laws,
            leefgebieden,
            complexity,
            safety_flag: self.safety_flag,
            question: self.question.clone(),
            consent: Consent {
                discuss_with_name: self.consent_name,
                share_with_partners: self.consent_share,
                date: consent_date,
            },
            household,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Law, Leefgebied, SignalSource};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn a_form_is_read_leniently_and_each_bad_field_is_named() {
        let form = AanmeldingForm {
            pseudonym: "Fam. A.".into(),
            laws: "jeugdwet,wmo".into(),
            leefgebieden: vec!["financien, opvoeding".into()],
            household: vec!["kind:12".into(), "moeder".into()],
            ..AanmeldingForm::default()
        };
        let a = form.read(d(2026, 11, 23)).expect("read");
        assert_eq!(a.registered, d(2026, 11, 23));
        assert_eq!(a.signal_source, SignalSource::Inwoner);
        assert_eq!(a.laws, [Law::Jeugdwet, Law::Wmo]);
        assert_eq!(
            a.leefgebieden,
            [Leefgebied::FinancienEnSchulden, Leefgebied::Opvoeding]
        );
        assert_eq!(a.complexity, Complexity::Midden);
        assert_eq!(a.household[0].age, Some(12));
        let bad = |f: AanmeldingForm| f.read(d(2026, 11, 23)).err();
        let with = |edit: fn(&mut AanmeldingForm)| {
            let mut f = form.clone();
            edit(&mut f);
            f
        };
        assert_eq!(
            bad(with(|f| f.laws = "zorg".into())),
            Some(InputError::Law("zorg".into()))
        );
        assert_eq!(
            bad(with(|f| f.date = "30-02-2026".into())),
            Some(InputError::Date {
                field: "datum",
                value: "30-02-2026".into()
            })
        );
        assert_eq!(
            bad(with(|f| f.household.push("kind:twaalf:Emre".into()))),
            Some(InputError::HouseholdMember(2))
        );
        assert_eq!(
            bad(with(|f| f.signal_source = "buurman".into())),
            Some(InputError::SignalSource("buurman".into()))
        );
    }
}
