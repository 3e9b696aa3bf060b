//! What a case or other item records: advice, decisions and actions — empty to add one, or
//! filled in to correct one (a decision or action keeps its number).

use chrono::Duration;

use super::field::DraftValue;
use super::{
    Choice, Field, FormError, FormSpec, Person, PersonField, PickField, TextField, date,
    meeting_at, member_choices, people_and_guests, person_of, required, required_member,
};
use crate::domain::{Consultation, ItemKind};
use crate::i18n::tui::{T, consultation_label, edit_numbered};
use crate::session::{self, DecisionDraft};
use crate::tui::app::App;
use crate::tui::msg::Effect;

/// Draft names of these forms.
pub const ADVICE: &str = "advies";
pub const DECISION: &str = "besluit";
pub const ACTION: &str = "actie";

/// Adds a guest named in a people field, so the advice or dissent is theirs.
fn add_new_guest(app: &mut App, person: &Person) {
    if let Person::NewGuest(name) = person {
        let role = T::GuestRoleShort.text(app.lang).to_string();
        if let Some(m) = app.current_meeting_mut() {
            session::add_guest(m, name, &role);
        }
    }
}

/// Advice by a member or guest.
#[derive(Debug, Clone)]
pub struct AdviceForm {
    title: String,
    pub item: usize,
    pub entry: Option<usize>,
    pub by: PersonField,
    pub text: TextField,
}

impl AdviceForm {
    /// Empty to add advice to item `item`, or filled in to correct advice `entry`.
    pub fn build(app: &App, item: usize, entry: Option<usize>) -> Option<Self> {
        let kind = &app.current_meeting()?.agenda.get(item)?.kind;
        let ItemKind::Casus(d) = kind else {
            return None;
        };
        let existing = match entry {
            Some(k) => Some(d.advice.get(k)?.clone()),
            None => None,
        };
        let lang = app.lang;
        let by = existing.as_ref().map(|a| person_of(app, &a.by));
        Some(AdviceForm {
            title: if entry.is_some() {
                T::EditAdvice
            } else {
                T::AddAdvice
            }
            .text(lang)
            .to_string(),
            item,
            entry,
            by: PersonField::new(T::By.text(lang), people_and_guests(app), by.as_ref(), true),
            text: TextField::new(
                T::Advice.text(lang),
                existing.as_ref().map_or("", |a| a.text.as_str()),
                true,
            ),
        })
    }
}

impl FormSpec for AdviceForm {
    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(&'static str, &dyn Field)> {
        vec![("door", &self.by), ("tekst", &self.text)]
    }

    fn fields_mut(&mut self) -> Vec<(&'static str, &mut dyn Field)> {
        vec![("door", &mut self.by), ("tekst", &mut self.text)]
    }

    fn draft_key(&self) -> Option<(&'static str, Option<usize>, Option<usize>)> {
        Some((ADVICE, Some(self.item), self.entry))
    }

    fn apply(&self, app: &mut App) -> Result<Vec<Effect>, FormError> {
        let (mi, date) = meeting_at(app)?;
        let person = self
            .by
            .value()
            .ok_or_else(|| FormError::NoSuchMember(self.by.query().trim().to_string()))?;
        let by = person
            .recorded()
            .ok_or_else(|| FormError::Required(self.by.label().to_string()))?;
        let text = required(&self.text)?;
        add_new_guest(app, &person);
        let team = app.team_data_mut().ok_or(FormError::NoMeeting)?;
        let m = &mut team.meetings[mi];
        match self.entry {
            None => session::add_advice(m, self.item, &by, &text),
            Some(k) => session::edit_advice(m, self.item, k, &by, &text),
        }?;
        Ok(vec![Effect::SaveMeeting(date)])
    }
}

impl DraftValue for Option<Consultation> {
    fn draft_id(&self) -> String {
        match self {
            None => String::new(),
            Some(Consultation::VierOgen) => "4-ogen".into(),
            Some(Consultation::ZesOgen) => "6-ogen".into(),
            Some(Consultation::TwintigOgen) => "20-ogen".into(),
        }
    }
}

/// The member who holds regie of the item's case (else its inbrenger); for another item the
/// chair: who usually decides.
fn likely_decider(app: &App, item: usize) -> Option<String> {
    let m = app.current_meeting()?;
    if let ItemKind::Casus(d) = &m.agenda.get(item)?.kind {
        return app
            .team_data()?
            .case(&d.case)?
            .regisseur_member()
            .map(String::from)
            .or_else(|| Some(d.inbrenger.clone()));
    }
    m.voorzitter.clone()
}

/// A decision: what, who decided, on what grounds, how many were consulted, who dissented.
#[derive(Debug, Clone)]
pub struct DecisionForm {
    title: String,
    pub item: usize,
    pub entry: Option<usize>,
    pub text: TextField,
    pub decided_by: PersonField,
    pub grounds: TextField,
    pub consultation: PickField<Option<Consultation>>,
    pub dissent_by: PersonField,
    pub dissent_note: TextField,
}

impl DecisionForm {
    /// Empty to add a decision to item `item`, or filled in to correct decision `entry` (its
    /// number is in the title and stays).
    pub fn build(app: &App, item: usize, entry: Option<usize>) -> Option<Self> {
        let it = app.current_meeting()?.agenda.get(item)?;
        let existing = match entry {
            Some(k) => Some(it.decisions.get(k)?.clone()),
            None => None,
        };
        let lang = app.lang;
        let mut dissent = vec![Choice::new(Person::Nobody, T::Nobody.text(lang))];
        dissent.extend(people_and_guests(app));
        let mut consultation = vec![Choice::new(None, T::NotRecorded.text(lang))];
        consultation.extend(
            [
                Consultation::VierOgen,
                Consultation::ZesOgen,
                Consultation::TwintigOgen,
            ]
            .into_iter()
            .map(|c| Choice::new(Some(c), consultation_label(c, lang))),
        );
        let (title, by) = match &existing {
            Some(d) => (
                edit_numbered(T::Decision, &d.number, lang),
                Some(d.decided_by.clone()),
            ),
            None => (
                T::AddDecision.text(lang).to_string(),
                likely_decider(app, item),
            ),
        };
        let e = existing.as_ref();
        let first_dissent = e.and_then(|d| d.dissent.first());
        let dissenter = first_dissent.map(|x| person_of(app, &x.by));
        Some(DecisionForm {
            title,
            item,
            entry,
            text: TextField::new(
                T::Decision.text(lang),
                e.map_or("", |d| d.text.as_str()),
                true,
            ),
            decided_by: PersonField::new(
                T::DecidedBy.text(lang),
                member_choices(app),
                by.map(Person::Member).as_ref(),
                false,
            ),
            grounds: TextField::new(
                T::Grounds.text(lang),
                e.map_or("", |d| d.grounds.as_str()),
                true,
            ),
            consultation: PickField::new(
                T::ConsultationField.text(lang),
                consultation,
                Some(&e.and_then(|d| d.consultation)),
            ),
            dissent_by: PersonField::new(
                T::DissentBy.text(lang),
                dissent,
                Some(dissenter.as_ref().unwrap_or(&Person::Nobody)),
                true,
            ),
            dissent_note: TextField::new(
                T::DissentNote.text(lang),
                first_dissent.map_or("", |x| x.note.as_str()),
                false,
            ),
        })
    }
}

impl FormSpec for DecisionForm {
    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(&'static str, &dyn Field)> {
        vec![
            ("besluit", &self.text),
            ("door", &self.decided_by),
            ("grond", &self.grounds),
            ("ogen", &self.consultation),
            ("afwijkend", &self.dissent_by),
            ("toelichting", &self.dissent_note),
        ]
    }

    fn fields_mut(&mut self) -> Vec<(&'static str, &mut dyn Field)> {
        vec![
            ("besluit", &mut self.text),
            ("door", &mut self.decided_by),
            ("grond", &mut self.grounds),
            ("ogen", &mut self.consultation),
            ("afwijkend", &mut self.dissent_by),
            ("toelichting", &mut self.dissent_note),
        ]
    }

    fn draft_key(&self) -> Option<(&'static str, Option<usize>, Option<usize>)> {
        Some((DECISION, Some(self.item), self.entry))
    }

    fn apply(&self, app: &mut App) -> Result<Vec<Effect>, FormError> {
        let (mi, date) = meeting_at(app)?;
        let text = required(&self.text)?;
        let decided_by = required_member(&self.decided_by)?;
        let dissenter = self
            .dissent_by
            .value()
            .ok_or_else(|| FormError::NoSuchMember(self.dissent_by.query().trim().to_string()))?;
        let draft = DecisionDraft {
            text,
            decided_by,
            grounds: self.grounds.value(),
            consultation: self.consultation.value().copied().flatten(),
            dissent: dissenter
                .recorded()
                .map(|by| (by, self.dissent_note.value())),
        };
        add_new_guest(app, &dissenter);
        let lang = app.lang;
        let team = app.team_data_mut().ok_or(FormError::NoMeeting)?;
        match self.entry {
            None => {
                let n = session::add_decision(&mut team.meetings, mi, self.item, draft)?;
                app.info(format!("{} {n}", T::DecisionRecorded.text(lang)));
            }
            Some(k) => session::edit_decision(&mut team.meetings[mi], self.item, k, draft)?,
        }
        Ok(vec![Effect::SaveMeeting(date)])
    }
}

/// An action: who does what by when.
#[derive(Debug, Clone)]
pub struct ActionForm {
    title: String,
    pub item: usize,
    pub entry: Option<usize>,
    pub text: TextField,
    pub owner: PersonField,
    pub due: TextField,
}

impl ActionForm {
    /// Empty to add an action to item `item` (the inbrenger as owner, due in two weeks), or
    /// filled in to correct action `entry` (its number stays).
    pub fn build(app: &App, item: usize, entry: Option<usize>) -> Option<Self> {
        let it = app.current_meeting()?.agenda.get(item)?;
        let existing = match entry {
            Some(k) => Some(it.actions.get(k)?.clone()),
            None => None,
        };
        let lang = app.lang;
        let (title, owner, due) = match &existing {
            Some(a) => (
                edit_numbered(T::Action, &a.number, lang),
                Some(a.owner.clone()),
                a.due,
            ),
            None => (
                T::AddAction.text(lang).to_string(),
                match &it.kind {
                    ItemKind::Casus(d) => Some(d.inbrenger.clone()),
                    _ => None,
                },
                app.today + Duration::days(14),
            ),
        };
        Some(ActionForm {
            title,
            item,
            entry,
            text: TextField::new(
                T::Action.text(lang),
                existing.as_ref().map_or("", |a| a.text.as_str()),
                true,
            ),
            owner: PersonField::new(
                T::Owner.text(lang),
                member_choices(app),
                owner.map(Person::Member).as_ref(),
                false,
            ),
            due: TextField::new(
                T::Due.text(lang),
                &due.format("%d-%m-%Y").to_string(),
                false,
            ),
        })
    }
}

impl FormSpec for ActionForm {
    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(&'static str, &dyn Field)> {
        vec![
            ("actie", &self.text),
            ("eigenaar", &self.owner),
            ("datum", &self.due),
        ]
    }

    fn fields_mut(&mut self) -> Vec<(&'static str, &mut dyn Field)> {
        vec![
            ("actie", &mut self.text),
            ("eigenaar", &mut self.owner),
            ("datum", &mut self.due),
        ]
    }

    fn draft_key(&self) -> Option<(&'static str, Option<usize>, Option<usize>)> {
        Some((ACTION, Some(self.item), self.entry))
    }

    fn apply(&self, app: &mut App) -> Result<Vec<Effect>, FormError> {
        let (mi, meeting_date) = meeting_at(app)?;
        let text = required(&self.text)?;
        let owner = required_member(&self.owner)?;
        let due = date(&self.due, app.today)?;
        if due < meeting_date {
            return Err(FormError::DueBeforeMeeting);
        }
        let lang = app.lang;
        let team = app.team_data_mut().ok_or(FormError::NoMeeting)?;
        match self.entry {
            None => {
                let n = session::add_action(&mut team.meetings, mi, self.item, &text, owner, due)?;
                app.info(format!("{} {n}", T::ActionRecorded.text(lang)));
            }
            Some(k) => {
                session::edit_action(&mut team.meetings[mi], self.item, k, &text, owner, due)?
            }
        }
        Ok(vec![Effect::SaveMeeting(meeting_date)])
    }
}
