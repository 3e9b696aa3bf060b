//! Texts of the team's week: aanmeldingen, the verdeellijst, the verdeling and herverdeling,
//! the case's life-cycle, dated hand-overs, the warnings in names and the team's own data.

use chrono::NaiveDate;

use super::Lang;
use crate::domain::intake_form::InputError;
use crate::domain::{
    AanmeldingError, Afsluitreden, CaseChange, CaseStatus, TransitionError, lenient,
};
use crate::session::{CaseEditError, Reason, TeamEditError, Warning};

fn date(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// The review outcome "genoteerd" (still open, a note or a new owner only).
pub fn review_noted(lang: Lang) -> &'static str {
    lang.pick("genoteerd", "noted")
}

/// A warning, in names.
pub fn warning(w: &Warning, lang: Lang) -> String {
    match (w, lang) {
        (Warning::Absent { name, .. }, Lang::Nl) => format!("{name} is vandaag afwezig"),
        (Warning::Absent { name, .. }, Lang::En) => format!("{name} is absent today"),
        (Warning::AboveNorm { name, .. }, Lang::Nl) => {
            format!("{name} zit al boven de norm")
        }
        (Warning::AboveNorm { name, .. }, Lang::En) => format!("{name} is already above the norm"),
        (Warning::NoYouthAuthority { name, .. }, Lang::Nl) => {
            format!("{name} mag geen jeugdcasussen aannemen")
        }
        (Warning::NoYouthAuthority { name, .. }, Lang::En) => {
            format!("{name} may not take youth cases")
        }
        (Warning::NotInTeam { name, .. }, Lang::Nl) => {
            format!("{name} is niet meer in het team of met verlof")
        }
        (Warning::NotInTeam { name, .. }, Lang::En) => {
            format!("{name} has left the team or is on leave")
        }
        (Warning::WithoutRegisseur { case }, Lang::Nl) => {
            format!("{case} blijft zonder regisseur")
        }
        (Warning::WithoutRegisseur { case }, Lang::En) => {
            format!("{case} is left without a regisseur")
        }
        (Warning::NotHandedOver { what, from }, Lang::Nl) => {
            format!("{what} ligt nog bij {from}")
        }
        (Warning::NotHandedOver { what, from }, Lang::En) => {
            format!("{what} is still with {from}")
        }
    }
}

/// One reason in a suggestion: "ruimte", "kent schulden", "mag geen jeugd".
pub fn reason(r: &Reason, lang: Lang) -> String {
    match r {
        Reason::Band(b) => super::caseload::band(*b, lang).to_string(),
        Reason::Knows(phrase) => match lang {
            Lang::Nl => format!("kent {}", phrase.to_lowercase()),
            Lang::En => format!("knows {}", phrase.to_lowercase()),
        },
        Reason::NoYouthAuthority => lang.pick("mag geen jeugd", "no youth authority").into(),
        Reason::Absent => lang.pick("afwezig", "absent").into(),
        Reason::AlreadyGiven(n) => match lang {
            Lang::Nl => format!("krijgt er vandaag al {n}"),
            Lang::En => format!("already gets {n} today"),
        },
    }
}

/// The reasons of a suggestion joined: "ruimte, kent schulden".
pub fn reasons(rs: &[Reason], lang: Lang) -> String {
    rs.iter()
        .map(|r| reason(r, lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Verdeellijst: 7 aanmeldingen, oudste 23 dagen".
pub fn verdeellijst_line(count: usize, oldest_days: Option<i64>, lang: Lang) -> String {
    match (lang, oldest_days) {
        (Lang::Nl, None) => "Verdeellijst: leeg".into(),
        (Lang::En, None) => "Distribution list: empty".into(),
        (Lang::Nl, Some(d)) => format!(
            "Verdeellijst: {count} {}, oudste {d} {}",
            if count == 1 {
                "aanmelding"
            } else {
                "aanmeldingen"
            },
            if d == 1 { "dag" } else { "dagen" }
        ),
        (Lang::En, Some(d)) => format!(
            "Distribution list: {count} {}, oldest {d} {}",
            if count == 1 { "referral" } else { "referrals" },
            if d == 1 { "day" } else { "days" }
        ),
    }
}

/// "Op de verdeellijst, wacht 23 dagen" (case card).
pub fn waiting_line(days: i64, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Op de verdeellijst, wacht {days} {}",
            if days == 1 { "dag" } else { "dagen" }
        ),
        Lang::En => format!(
            "On the distribution list, waiting {days} {}",
            if days == 1 { "day" } else { "days" }
        ),
    }
}

/// "R. Bakker (GI) tot 07-04-2026, daarna Marieke Jansen": `from` is the first day of the
/// new regisseur ("tot": up to, not including).
pub fn regie_until_then(now: &str, from: NaiveDate, then: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{now} tot {}, daarna {then}", date(from)),
        Lang::En => format!("{now} until {}, then {then}", date(from)),
    }
}

/// Words of the caseload's verdeellijst and hand-over lines.
pub struct CaseloadTexts {
    pub days: &'static str,
    pub pending: &'static str,
}

impl CaseloadTexts {
    pub fn of(lang: Lang) -> CaseloadTexts {
        CaseloadTexts {
            days: lang.pick("dagen", "days"),
            pending: lang.pick(
                "Overdrachten van regie die later ingaan",
                "Regie hand-overs that start later",
            ),
        }
    }
}

/// "nog niemand" / "nobody yet".
pub fn nobody(lang: Lang) -> &'static str {
    lang.pick("niemand", "nobody")
}

/// "blijft op de lijst" / "stays on the list".
pub fn stays_on_list(lang: Lang) -> &'static str {
    lang.pick("blijft op de lijst", "stays on the list")
}

/// The default reason of a verdeling in the regie history.
pub fn verdeling_reason(on: NaiveDate, why: &str, lang: Lang) -> String {
    let head = match lang {
        Lang::Nl => format!("verdeling {}", date(on)),
        Lang::En => format!("distribution {}", date(on)),
    };
    if why.trim().is_empty() {
        head
    } else {
        format!("{head}: {}", why.trim())
    }
}

/// The title of a herverdeling item: "Herverdeling: Jan de Vries, Rıza Yılmaz".
pub fn herverdeling_title(names: &[&str], lang: Lang) -> String {
    format!(
        "{}: {}",
        lang.pick("Herverdeling", "Redistribution"),
        names.join(", ")
    )
}

/// A status label in the interface language.
pub fn status(s: CaseStatus, lang: Lang) -> &'static str {
    match (s, lang) {
        (s, Lang::Nl) => s.label(),
        (CaseStatus::Aanmelding, Lang::En) => "referral",
        (CaseStatus::Onderzoek, Lang::En) => "assessment",
        (CaseStatus::Plan, Lang::En) => "plan",
        (CaseStatus::Uitvoering, Lang::En) => "in progress",
        (CaseStatus::Evaluatie, Lang::En) => "evaluation",
        (CaseStatus::Afgesloten, Lang::En) => "closed",
    }
}

/// An afsluitreden in the interface language.
pub fn afsluitreden(r: Afsluitreden, lang: Lang) -> &'static str {
    match (r, lang) {
        (r, Lang::Nl) => r.label(),
        (Afsluitreden::DoelenBereikt, Lang::En) => "goals reached",
        (Afsluitreden::Overgedragen, Lang::En) => "handed to other support",
        (Afsluitreden::Verhuisd, Lang::En) => "moved away",
        (Afsluitreden::GeenHulpvraag, Lang::En) => "no longer asks for support",
        (Afsluitreden::GeenContact, Lang::En) => "no contact",
        (Afsluitreden::Anders, Lang::En) => "other",
    }
}

fn opt_date(d: Option<NaiveDate>, lang: Lang) -> String {
    d.map_or_else(|| lang.pick("geen", "none").to_string(), date)
}

/// One change in a case's life as a line: "status plan → uitvoering".
pub fn case_change(c: &CaseChange, who: impl Fn(&str) -> String, lang: Lang) -> String {
    let nl = lang == Lang::Nl;
    match c {
        CaseChange::Status { from, to } => {
            format!("status {} → {}", status(*from, lang), status(*to, lang))
        }
        CaseChange::Afgesloten { reden, .. } => format!(
            "{}: {}",
            lang.pick("afgesloten", "closed"),
            afsluitreden(*reden, lang)
        ),
        CaseChange::Heropend { to } => format!(
            "{} ({})",
            lang.pick("heropend", "reopened"),
            status(*to, lang)
        ),
        CaseChange::Veiligheid(true) => lang.pick("veiligheidsvlag aan", "safety flag on").into(),
        CaseChange::Veiligheid(false) => lang.pick("veiligheidsvlag uit", "safety flag off").into(),
        CaseChange::Coach { from, to } => {
            let n = |m: &Option<String>| m.as_deref().map_or(nobody(lang).to_string(), &who);
            format!("coach {} → {}", n(from), n(to))
        }
        CaseChange::Evaluatie { from, to } => format!(
            "{} {} → {}",
            if nl { "evaluatie" } else { "evaluation" },
            opt_date(*from, lang),
            opt_date(*to, lang)
        ),
        CaseChange::VoorzieningEinde {
            voorziening,
            from,
            to,
        } => format!(
            "{} {voorziening}: {} {} → {}",
            lang.pick("voorziening", "provision"),
            lang.pick("einde", "end"),
            opt_date(*from, lang),
            opt_date(*to, lang)
        ),
    }
}

/// What was typed, safe to print: control characters shown as `�`, at most 60 characters.
pub fn clean(value: &str) -> String {
    value
        .chars()
        .take(60)
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect()
}

fn invalid(lang: Lang, flag: &str, value: &str, choices: &[&str]) -> String {
    let value = clean(value);
    match lang {
        Lang::Nl => format!(
            "Onbekende waarde voor --{flag}: «{value}». Kies uit: {}",
            choices.join(", ")
        ),
        Lang::En => format!(
            "Unknown value for --{flag}: «{value}». Choose from: {}",
            choices.join(", ")
        ),
    }
}

/// A field of an aanmelding that could not be read, with the valid choices. Named after the
/// command-line flag (`--wet`), which is also the field's Dutch label.
pub fn input_error(e: &InputError, lang: Lang) -> String {
    match e {
        InputError::Law(v) => invalid(lang, "wet", v, &lenient::law_choices()),
        InputError::Leefgebied(v) => invalid(lang, "leefgebied", v, &lenient::leefgebied_choices()),
        InputError::SignalSource(v) => invalid(lang, "bron", v, &lenient::signal_source_choices()),
        InputError::Complexity(v) => invalid(
            lang,
            "complexiteit",
            v,
            &crate::domain::Complexity::ALL.map(crate::domain::Complexity::label),
        ),
        InputError::Date { field, value } => {
            let value = clean(value);
            match lang {
                Lang::Nl => format!(
                    "Geen geldige datum voor --{field}: «{value}». Schrijf bv. 8-12-2026, 8/12/2026 of 2026-12-08"
                ),
                Lang::En => format!(
                    "Not a valid date for --{field}: «{value}». Write e.g. 8-12-2026, 8/12/2026 or 2026-12-08"
                ),
            }
        }
        // The value may hold a name: it is not repeated in the message.
        InputError::HouseholdMember(_) => lang
            .pick(
                "Ongeldig --gezinslid: schrijf rol[:leeftijd[:naam]], bv. kind:12 of moeder:41:Naam",
                "Invalid --gezinslid: write role[:age[:name]], e.g. kind:12 or moeder:41:Name",
            )
            .to_string(),
    }
}

/// A refused aanmelding.
pub fn aanmelding_error(e: &AanmeldingError, lang: Lang) -> String {
    match (e, lang) {
        (AanmeldingError::EmptyPseudonym, Lang::Nl) => {
            "Geef het huishouden een pseudoniem, bijvoorbeeld --pseudoniem \"Fam. A.\"".into()
        }
        (AanmeldingError::EmptyPseudonym, Lang::En) => {
            "Give the household a pseudonym, e.g. --pseudoniem \"Fam. A.\"".into()
        }
        (AanmeldingError::NoLaw, _) => format!(
            "{} {}",
            lang.pick("Geef minstens één wet met --wet; kies uit:", "Give at least one law with --wet; choose from:"),
            lenient::law_choices().join(", ")
        ),
        (AanmeldingError::NameWithoutConsent, Lang::Nl) => "Een naam van een gezinslid mag alleen met toestemming: geef --toestemming-naam, of laat de naam weg".into(),
        (AanmeldingError::NameWithoutConsent, Lang::En) => "A household member's name needs consent: give --toestemming-naam, or leave the name out".into(),
        (AanmeldingError::InTheFuture(d), Lang::Nl) => format!("De datum van aanmelding {} ligt na vandaag", date(*d)),
        (AanmeldingError::InTheFuture(d), Lang::En) => format!("The referral date {} is after today", date(*d)),
        (AanmeldingError::NoFreeCode(y), Lang::Nl) => format!("Geen vrije casuscode meer in {y}"),
        (AanmeldingError::NoFreeCode(y), Lang::En) => format!("No free case code left in {y}"),
    }
}

/// A refused status change.
pub fn transition_error(e: &TransitionError, lang: Lang) -> String {
    match (e, lang) {
        (TransitionError::Unchanged(s), Lang::Nl) => {
            format!("De casus heeft al status {}", status(*s, lang))
        }
        (TransitionError::Unchanged(s), Lang::En) => {
            format!("The case already has status {}", status(*s, lang))
        }
        (TransitionError::NotAllowed { from, to }, Lang::Nl) => format!(
            "Van {} naar {} kan niet",
            status(*from, lang),
            status(*to, lang)
        ),
        (TransitionError::NotAllowed { from, to }, Lang::En) => format!(
            "Cannot go from {} to {}",
            status(*from, lang),
            status(*to, lang)
        ),
        (TransitionError::CloseNeedsReason, _) => lang
            .pick(
                "Afsluiten gaat met een afsluitreden",
                "Closing needs a reason for closing",
            )
            .into(),
        (TransitionError::Closed, _) => lang
            .pick(
                "De casus is afgesloten; heropen hem eerst",
                "The case is closed; reopen it first",
            )
            .into(),
        (TransitionError::NotClosed, _) => lang
            .pick("De casus is niet afgesloten", "The case is not closed")
            .into(),
        (TransitionError::ReopenTo(_), _) => lang
            .pick(
                "Heropenen gaat naar onderzoek, plan, uitvoering of evaluatie",
                "Reopen to assessment, plan, in progress or evaluation",
            )
            .into(),
    }
}

/// A refused change of a case.
pub fn case_edit_error(e: &CaseEditError, lang: Lang) -> String {
    match e {
        CaseEditError::Transition(t) => transition_error(t, lang),
        CaseEditError::ReasonNeeded => lang.pick("Geef een reden op", "Give a reason").into(),
        CaseEditError::NoSuchProvision(_) => lang
            .pick("Die voorziening bestaat niet", "No such provision")
            .into(),
        CaseEditError::UnknownMember(id) => match lang {
            Lang::Nl => format!("{id} is geen lid van het team"),
            Lang::En => format!("{id} is not a member of the team"),
        },
        CaseEditError::Unchanged => lang.pick("Er verandert niets", "Nothing changes").into(),
        CaseEditError::EndBeforeStart => lang
            .pick(
                "De einddatum ligt vóór de start",
                "The end date is before the start",
            )
            .into(),
    }
}

/// A refused change of the team.
pub fn team_edit_error(e: &TeamEditError, lang: Lang) -> String {
    match (e, lang) {
        (TeamEditError::EmptyName, _) => lang.pick("Geef een naam op", "Give a name").into(),
        (TeamEditError::NoRole, _) => lang
            .pick("Geef minstens één rol op", "Give at least one role")
            .into(),
        (TeamEditError::FteOutOfRange(f), Lang::Nl) => {
            format!("fte {f} kan niet; geef een getal van 0 tot en met 1,5")
        }
        (TeamEditError::FteOutOfRange(f), Lang::En) => {
            format!("FTE {f} is not possible; give a number from 0 to 1.5")
        }
        (TeamEditError::UnknownMember(id), Lang::Nl) => format!("{id} is geen lid van het team"),
        (TeamEditError::UnknownMember(id), Lang::En) => {
            format!("{id} is not a member of the team")
        }
        (TeamEditError::EndBeforeStart, _) => lang
            .pick(
                "De einddatum ligt vóór de startdatum",
                "The end date is before the start date",
            )
            .into(),
        (TeamEditError::BadRhythm, _) => lang
            .pick(
                "Het ritme kan niet: de ankerdatum moet op de vergaderdag vallen, elke 1 of meer weken, 15 tot 480 minuten",
                "The rhythm is not possible: the anchor date must fall on the weekday, every 1 or more weeks, 15 to 480 minutes",
            )
            .into(),
        (TeamEditError::BadNorm, _) => lang
            .pick(
                "De norm kan niet: huishoudens per fte en gewichten moeten groter dan 0 zijn",
                "The norm is not possible: households per FTE and weights must be above 0",
            )
            .into(),
    }
}

/// Fixed texts of the verdeling and herverdeling tables in the minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekText {
    To,
    Was,
    Case,
    NewRegisseur,
    Explanation,
    StillOpen,
    RegieAndCoach,
    Regie,
    Coach,
    Action,
    CaseOrAction,
    What,
    From,
    ToHeading,
    ChangesInCases,
}

impl WeekText {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            WeekText::To => ("naar", "to"),
            WeekText::Was => ("was", "was"),
            WeekText::Case => ("Casus", "Case"),
            WeekText::NewRegisseur => ("Nieuwe regisseur", "New regisseur"),
            WeekText::Explanation => ("Toelichting", "Explanation"),
            WeekText::StillOpen => ("nog open", "still open"),
            WeekText::RegieAndCoach => ("regie en coach", "regie and coach"),
            WeekText::Regie => ("regie", "regie"),
            WeekText::Coach => ("coach", "coach"),
            WeekText::Action => ("actie", "action"),
            WeekText::CaseOrAction => ("Casus of actie", "Case or action"),
            WeekText::What => ("Wat", "What"),
            WeekText::From => ("Van", "From"),
            WeekText::ToHeading => ("Naar", "To"),
            WeekText::ChangesInCases => ("Wijzigingen in casussen", "Changes in cases"),
        };
        lang.pick(nl, en)
    }
}

pub use super::week_forms::{AssignText, CaseEditText, IntakeText, TeamText, accepted};
