//! The regie outcome of a case item: regie stays, or goes to a member, to an external
//! professional or to the household itself, with a reason. The fields of the external
//! professional show only when that is the choice.

use super::field::DraftValue;
use super::{Choice, Field, FormError, FormSpec, PickField, TextField, meeting_at};
use crate::domain::{
    ExternalProfessional, ItemKind, MemberId, RegieHandOver, RegieOutcome, Regisseur,
};
use crate::i18n::tui::{T, regie_warning};
use crate::session;
use crate::tui::app::App;
use crate::tui::msg::Effect;

/// Draft name of the form.
pub const REGIE: &str = "regie";

/// What the team agrees about regie.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegieChoice {
    Keep,
    Member(MemberId),
    External,
    Household,
}

impl DraftValue for RegieChoice {
    fn draft_id(&self) -> String {
        match self {
            RegieChoice::Keep => "behouden".into(),
            RegieChoice::Member(id) => format!("lid:{id}"),
            RegieChoice::External => "extern".into(),
            RegieChoice::Household => "huishouden".into(),
        }
    }
}

/// The regie form of one case item.
#[derive(Debug, Clone)]
pub struct RegieForm {
    title: String,
    pub item: usize,
    pub choice: PickField<RegieChoice>,
    pub reason: TextField,
    /// The day the hand-over takes effect (empty: the day of the meeting), e.g. when the
    /// court measure ends.
    pub effective: TextField,
    pub ext_name: TextField,
    pub ext_organisation: TextField,
    pub ext_function: TextField,
}

impl RegieForm {
    /// The form of case item `item`, showing an outcome already agreed so the chair
    /// corrects it instead of starting over.
    pub fn build(app: &App, item: usize) -> Option<Self> {
        let lang = app.lang;
        let team = app.team_data()?;
        let mut choices = vec![Choice::new(RegieChoice::Keep, T::RegieKeep.text(lang))];
        let on = super::picker_day(app);
        choices.extend(team.team.active_members(on).map(|m| {
            Choice::new(
                RegieChoice::Member(m.id.clone()),
                format!("{} {}", T::RegieTo.text(lang), m.name),
            )
        }));
        choices.push(Choice::new(
            RegieChoice::External,
            T::RegieExternal.text(lang),
        ));
        choices.push(Choice::new(
            RegieChoice::Household,
            T::RegieHousehold.text(lang),
        ));
        let ItemKind::Casus(d) = &app.current_meeting()?.agenda.get(item)?.kind else {
            return None;
        };
        let (chosen, reason, ext) = match &d.regie {
            None => (None, "", None),
            Some(RegieOutcome::Behouden(_)) => (Some(RegieChoice::Keep), "", None),
            Some(RegieOutcome::Overgedragen(h)) => match &h.to {
                Regisseur::Lid(id) => (
                    Some(RegieChoice::Member(id.clone())),
                    h.reason.as_str(),
                    None,
                ),
                Regisseur::Huishouden => (Some(RegieChoice::Household), h.reason.as_str(), None),
                Regisseur::Extern(x) => (Some(RegieChoice::External), h.reason.as_str(), Some(x)),
            },
        };
        let effective = match &d.regie {
            Some(RegieOutcome::Overgedragen(h)) => h.effective,
            _ => None,
        }
        .map(|e| e.format("%d-%m-%Y").to_string())
        .unwrap_or_default();
        Some(RegieForm {
            title: T::Regie.text(lang).to_string(),
            item,
            choice: PickField::new(T::Regie.text(lang), choices, chosen.as_ref()),
            reason: TextField::new(T::Reason.text(lang), reason, false),
            effective: TextField::new(T::EffectiveFrom.text(lang), &effective, false),
            ext_name: TextField::new(
                T::ExternalName.text(lang),
                ext.map_or("", |x| x.name.as_str()),
                false,
            ),
            ext_organisation: TextField::new(
                T::ExternalOrganisation.text(lang),
                ext.map_or("", |x| x.organisation.as_str()),
                false,
            ),
            ext_function: TextField::new(
                T::ExternalFunction.text(lang),
                ext.map_or("", |x| x.function.as_str()),
                false,
            ),
        })
    }

    fn external(&self) -> bool {
        self.choice.value() == Some(&RegieChoice::External)
    }

    fn keep(&self) -> bool {
        self.choice.value() == Some(&RegieChoice::Keep)
    }
}

impl FormSpec for RegieForm {
    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(&'static str, &dyn Field)> {
        let mut v: Vec<(&'static str, &dyn Field)> = vec![("keuze", &self.choice)];
        if !self.keep() {
            v.push(("reden", &self.reason));
            v.push(("ingang", &self.effective));
        }
        if self.external() {
            v.push(("naam", &self.ext_name));
            v.push(("organisatie", &self.ext_organisation));
            v.push(("functie", &self.ext_function));
        }
        v
    }

    fn fields_mut(&mut self) -> Vec<(&'static str, &mut dyn Field)> {
        let (keep, external) = (self.keep(), self.external());
        let mut v: Vec<(&'static str, &mut dyn Field)> = vec![("keuze", &mut self.choice)];
        if !keep {
            v.push(("reden", &mut self.reason));
            v.push(("ingang", &mut self.effective));
        }
        if external {
            v.push(("naam", &mut self.ext_name));
            v.push(("organisatie", &mut self.ext_organisation));
            v.push(("functie", &mut self.ext_function));
        }
        v
    }

    fn draft_key(&self) -> Option<(&'static str, Option<usize>, Option<usize>)> {
        Some((REGIE, Some(self.item), None))
    }

    fn apply(&self, app: &mut App) -> Result<Vec<Effect>, FormError> {
        let (mi, date) = meeting_at(app)?;
        let choice = self
            .choice
            .value()
            .cloned()
            .ok_or_else(|| FormError::Required(self.choice.label().to_string()))?;
        let reason = self.reason.value().trim().to_string();
        let effective = super::optional_date(&self.effective, app.today)?;
        if let Some(e) = effective
            && e < date
        {
            return Err(session::SessionError::DateInPast(e).into());
        }
        let team = app.team_data().ok_or(FormError::NoMeeting)?;
        let case_code = match &team.meetings[mi]
            .agenda
            .get(self.item)
            .ok_or(session::SessionError::NoSuchItem(self.item))?
            .kind
        {
            ItemKind::Casus(d) => d.case.clone(),
            _ => return Err(session::SessionError::NotACase(self.item).into()),
        };
        let Some(case) = team.case(&case_code).cloned() else {
            return Err(session::SessionError::NotACase(self.item).into());
        };
        let to = match choice {
            RegieChoice::Keep => None,
            RegieChoice::Household => Some(Regisseur::Huishouden),
            RegieChoice::External => {
                let name = self.ext_name.value().trim().to_string();
                if name.is_empty() {
                    return Err(FormError::ExternalNeeded);
                }
                Some(Regisseur::Extern(ExternalProfessional {
                    name,
                    organisation: self.ext_organisation.value().trim().into(),
                    function: self.ext_function.value().trim().into(),
                }))
            }
            RegieChoice::Member(id) => Some(Regisseur::Lid(id)),
        };
        let outcome = match to {
            None => match &case.regisseur {
                Some(r) => RegieOutcome::Behouden(r.clone()),
                None => {
                    // Keeping "nobody" is not an outcome: record nothing, and warn.
                    app.error(T::WarnNoRegisseur.text(app.lang));
                    return Ok(vec![]);
                }
            },
            Some(to) => {
                if reason.is_empty() {
                    return Err(FormError::ReasonNeeded);
                }
                RegieOutcome::Overgedragen(RegieHandOver {
                    from: case.regisseur.clone(),
                    to,
                    reason,
                    // The meeting day itself is no later date.
                    effective: effective.filter(|e| *e > date),
                })
            }
        };
        let lang = app.lang;
        // Warnings in names: the new regisseur absent today, above the norm, without youth
        // authority for a Jeugdwet case, or not in the team on the day it takes effect.
        let mut texts: Vec<String> = match &outcome {
            RegieOutcome::Overgedragen(h) => session::regie_warnings_for(
                team,
                Some(&team.meetings[mi]),
                &case,
                Some(&h.to),
                h.effective.unwrap_or(date),
            )
            .iter()
            .map(|w| crate::i18n::week::warning(w, lang))
            .collect(),
            RegieOutcome::Behouden(_) => vec![],
        };
        let team_def = team.team.clone();
        let t = app.team_data_mut().ok_or(FormError::NoMeeting)?;
        let warnings =
            session::set_regie(&mut t.meetings[mi], self.item, &team_def, &case, outcome)?;
        texts.extend(
            warnings
                .iter()
                .filter(|w| !matches!(w, session::RegieWarning::NoYouthAuthority(_)))
                .map(|w| regie_warning(w, lang)),
        );
        if !texts.is_empty() {
            app.error(texts.join(" · "));
        }
        Ok(vec![Effect::SaveMeeting(date)])
    }
}
