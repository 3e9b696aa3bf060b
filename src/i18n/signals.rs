//! Texts for attention signals.

use super::Lang;
use crate::domain::signals::Signal;

fn date(d: chrono::NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// Describes a signal in a few words.
pub fn describe(signal: &Signal, lang: Lang) -> String {
    match (signal, lang) {
        (Signal::NoRegisseur, Lang::Nl) => "geen regisseur".into(),
        (Signal::NoRegisseur, Lang::En) => "no regisseur".into(),
        (Signal::SafetyFlag, Lang::Nl) => "zorg om veiligheid".into(),
        (Signal::SafetyFlag, Lang::En) => "safety concern".into(),
        (Signal::MeasureEnding(d), Lang::Nl) => format!("maatregel eindigt {}", date(*d)),
        (Signal::MeasureEnding(d), Lang::En) => format!("court measure ends {}", date(*d)),
        (Signal::EvaluationOverdue(d), Lang::Nl) => format!("evaluatie verlopen ({})", date(*d)),
        (Signal::EvaluationOverdue(d), Lang::En) => format!("evaluation overdue ({})", date(*d)),
        (Signal::ProvisionEnding(n, d), Lang::Nl) => format!("{n} loopt af {}", date(*d)),
        (Signal::ProvisionEnding(n, d), Lang::En) => format!("{n} ends {}", date(*d)),
        (Signal::CarriedOver(d), Lang::Nl) => format!("doorgeschoven van {}", date(*d)),
        (Signal::CarriedOver(d), Lang::En) => format!("carried over from {}", date(*d)),
        (Signal::TwoPlans, Lang::Nl) => "meer dan één plan".into(),
        (Signal::TwoPlans, Lang::En) => "more than one plan".into(),
        (Signal::NotDiscussedSince(Some(d)), Lang::Nl) => {
            format!("niet besproken sinds {}", date(*d))
        }
        (Signal::NotDiscussedSince(Some(d)), Lang::En) => {
            format!("not discussed since {}", date(*d))
        }
        (Signal::NotDiscussedSince(None), Lang::Nl) => "nooit besproken".into(),
        (Signal::NotDiscussedSince(None), Lang::En) => "never discussed".into(),
    }
}
