//! A new aanmelding, from the start screen or the verdeling item: the household gets the next
//! free case code of the year (unique over every team loaded), status aanmelding and no
//! regisseur, and waits on the verdeellijst. Bad input (an unknown law, an impossible date, a
//! name without consent) is said in the form and nothing is written.

use super::field::DraftValue;
use super::{Choice, Field, FormError, FormSpec, PickField, TextField};
use crate::domain::intake_form::AanmeldingForm;
use crate::domain::lenient::SIGNAL_SOURCES;
use crate::domain::{Complexity, SignalSource};
use crate::i18n::tui::T;
use crate::i18n::week::{IntakeText, aanmelding_error, input_error};
use crate::tui::app::App;
use crate::tui::msg::Effect;

impl DraftValue for SignalSource {
    fn draft_id(&self) -> String {
        self.label().to_string()
    }
}

impl DraftValue for Complexity {
    fn draft_id(&self) -> String {
        self.label().to_string()
    }
}

impl DraftValue for bool {
    fn draft_id(&self) -> String {
        if *self { "ja" } else { "nee" }.to_string()
    }
}

/// Yes and no as picks, "nee" first.
pub fn yes_no(lang: crate::i18n::Lang) -> Vec<Choice<bool>> {
    vec![
        Choice::new(false, T::No.text(lang)),
        Choice::new(true, T::Yes.text(lang)),
    ]
}

/// The aanmelding form.
#[derive(Debug, Clone)]
pub struct IntakeForm {
    title: String,
    pub pseudonym: TextField,
    pub date: TextField,
    pub source: PickField<SignalSource>,
    pub laws: TextField,
    pub leefgebieden: TextField,
    pub complexity: PickField<Complexity>,
    pub safety: PickField<bool>,
    pub question: TextField,
    pub household: TextField,
    pub consent_name: PickField<bool>,
    pub consent_share: PickField<bool>,
}

impl IntakeForm {
    pub fn build(app: &App) -> Self {
        let lang = app.lang;
        let t = |x: IntakeText| x.text(lang);
        IntakeForm {
            title: t(IntakeText::Title).into(),
            pseudonym: TextField::new(t(IntakeText::Pseudonym), "", false),
            date: TextField::new(
                t(IntakeText::Date),
                &app.today.format("%d-%m-%Y").to_string(),
                false,
            ),
            source: PickField::new(
                t(IntakeText::Source),
                SIGNAL_SOURCES
                    .iter()
                    .map(|s| Choice::new(*s, s.label()))
                    .collect(),
                Some(&SignalSource::Inwoner),
            ),
            laws: TextField::new(t(IntakeText::Laws), "", false),
            leefgebieden: TextField::new(t(IntakeText::Leefgebieden), "", false),
            complexity: PickField::new(
                t(IntakeText::Complexity),
                Complexity::ALL
                    .iter()
                    .map(|c| Choice::new(*c, c.label()))
                    .collect(),
                Some(&Complexity::Midden),
            ),
            safety: PickField::new(t(IntakeText::Safety), yes_no(lang), Some(&false)),
            question: TextField::new(t(IntakeText::Question), "", true),
            household: TextField::new(t(IntakeText::Household), "", false),
            consent_name: PickField::new(t(IntakeText::ConsentName), yes_no(lang), Some(&false)),
            consent_share: PickField::new(t(IntakeText::ConsentShare), yes_no(lang), Some(&false)),
        }
    }

    /// The typed fields as the domain reads them.
    fn typed(&self) -> AanmeldingForm {
        let split = |s: String| -> Vec<String> {
            s.split(';')
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect()
        };
        AanmeldingForm {
            pseudonym: self.pseudonym.value(),
            date: self.date.value(),
            signal_source: self
                .source
                .value()
                .map(|s| s.label().to_string())
                .unwrap_or_default(),
            laws: self.laws.value(),
            leefgebieden: vec![self.leefgebieden.value()],
            complexity: self
                .complexity
                .value()
                .map(|c| c.label().to_string())
                .unwrap_or_default(),
            safety_flag: self.safety.value().copied().unwrap_or(false),
            question: self.question.value(),
            household: split(self.household.value()),
            consent_name: self.consent_name.value().copied().unwrap_or(false),
            consent_share: self.consent_share.value().copied().unwrap_or(false),
            consent_date: String::new(),
        }
    }
}

impl FormSpec for IntakeForm {
    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(&'static str, &dyn Field)> {
        vec![
            ("pseudoniem", &self.pseudonym),
            ("datum", &self.date),
            ("bron", &self.source),
            ("wet", &self.laws),
            ("leefgebieden", &self.leefgebieden),
            ("complexiteit", &self.complexity),
            ("veiligheid", &self.safety),
            ("vraag", &self.question),
            ("huishouden", &self.household),
            ("toestemming-naam", &self.consent_name),
            ("toestemming-delen", &self.consent_share),
        ]
    }

    fn fields_mut(&mut self) -> Vec<(&'static str, &mut dyn Field)> {
        vec![
            ("pseudoniem", &mut self.pseudonym),
            ("datum", &mut self.date),
            ("bron", &mut self.source),
            ("wet", &mut self.laws),
            ("leefgebieden", &mut self.leefgebieden),
            ("complexiteit", &mut self.complexity),
            ("veiligheid", &mut self.safety),
            ("vraag", &mut self.question),
            ("huishouden", &mut self.household),
            ("toestemming-naam", &mut self.consent_name),
            ("toestemming-delen", &mut self.consent_share),
        ]
    }

    fn apply(&self, app: &mut App) -> Result<Vec<Effect>, FormError> {
        let lang = app.lang;
        let aanmelding = self
            .typed()
            .read(app.today)
            .map_err(|e| FormError::Text(input_error(&e, lang)))?;
        // Codes are unique over every team loaded (the municipality folder): wait for them.
        if app.others_loading {
            return Err(FormError::Text(crate::i18n::tui::status::wait_for_others(
                lang,
            )));
        }
        let codes: Vec<String> = app
            .workspace
            .teams
            .iter()
            .flat_map(|t| t.cases.iter().map(|c| c.code.clone()))
            .chain(app.codes_elsewhere.iter().cloned())
            .collect();
        let case = crate::domain::register(aanmelding, codes.iter().map(String::as_str), app.today)
            .map_err(|e| FormError::Text(aanmelding_error(&e, lang)))?;
        let code = case.code.clone();
        let team = app.team_data_mut().ok_or(FormError::NoMeeting)?;
        team.cases.push(case);
        app.info(IntakeText::Registered.text(lang).replace("{code}", &code));
        Ok(vec![Effect::CreateCase(code)])
    }
}

/// A household that stays on the verdeellijst, with why.
#[derive(Debug, Clone)]
pub struct ParkForm {
    title: String,
    pub item: usize,
    pub code: String,
    pub reason: TextField,
}

impl ParkForm {
    pub fn build(app: &App, item: usize, code: &str) -> Self {
        let lang = app.lang;
        ParkForm {
            title: format!(
                "{code}: {}",
                crate::i18n::pane::Pane::StaysOnList.text(lang)
            ),
            item,
            code: code.to_string(),
            reason: TextField::new(T::Reason.text(lang), "", false),
        }
    }
}

impl FormSpec for ParkForm {
    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(&'static str, &dyn Field)> {
        vec![("reden", &self.reason)]
    }

    fn fields_mut(&mut self) -> Vec<(&'static str, &mut dyn Field)> {
        vec![("reden", &mut self.reason)]
    }

    fn apply(&self, app: &mut App) -> Result<Vec<Effect>, FormError> {
        let (mi, date) = super::meeting_at(app)?;
        let reason = super::required(&self.reason)?;
        let team = app.team_data_mut().ok_or(FormError::NoMeeting)?;
        crate::session::park(&mut team.meetings[mi], self.item, &self.code, &reason)?;
        Ok(vec![Effect::SaveMeeting(date)])
    }
}
