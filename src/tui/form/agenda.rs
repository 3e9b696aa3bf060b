//! Forms of the agenda: a case brought in (inbrenger, question, time box) and another item
//! (title, time box), to add or to change.

use super::field::DraftValue;
use super::{
    Choice, Field, FormError, FormSpec, Person, PersonField, TextField, meeting_at, member_choices,
    minutes, required, required_member,
};
use crate::domain::{CaseCode, ItemKind};
use crate::i18n::tui::{T, kind_label};
use crate::session;
use crate::tui::app::App;
use crate::tui::msg::Effect;

/// The kinds of agenda items besides cases and the standing ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtherKind {
    Mededelingen,
    Organisatorisch,
    Verdeling,
    Rondvraag,
}

impl OtherKind {
    pub const ALL: [OtherKind; 4] = [
        OtherKind::Mededelingen,
        OtherKind::Organisatorisch,
        OtherKind::Verdeling,
        OtherKind::Rondvraag,
    ];

    pub fn item_kind(self) -> ItemKind {
        match self {
            OtherKind::Mededelingen => ItemKind::Mededelingen,
            OtherKind::Organisatorisch => ItemKind::Organisatorisch,
            OtherKind::Verdeling => ItemKind::Verdeling,
            OtherKind::Rondvraag => ItemKind::Rondvraag,
        }
    }

    /// The choices of the kind picker.
    pub fn choices(lang: crate::i18n::Lang) -> Vec<Choice<OtherKind>> {
        OtherKind::ALL
            .into_iter()
            .map(|k| Choice::new(k, kind_label(&k.item_kind(), lang)))
            .collect()
    }
}

impl DraftValue for OtherKind {
    fn draft_id(&self) -> String {
        kind_label(&self.item_kind(), crate::i18n::Lang::Nl).to_string()
    }
}

fn case_label(app: &App, code: &str) -> String {
    app.team_data()
        .and_then(|t| t.case(code))
        .map(|c| format!("{} {}", c.code, c.pseudonym))
        .unwrap_or_else(|| code.to_string())
}

/// A case on the agenda: who brings it in, the question, the time box.
#[derive(Debug, Clone)]
pub struct CaseItemForm {
    title: String,
    pub case: CaseCode,
    /// The item being changed; `None` to add the case.
    pub item: Option<usize>,
    pub inbrenger: PersonField,
    pub question: TextField,
    pub minutes: TextField,
}

impl CaseItemForm {
    /// The form to bring case `code` in; the case's coach is proposed as inbrenger.
    pub fn add(app: &App, code: &str) -> Option<Self> {
        let case = app.team_data()?.case(code)?;
        let coach = case.coach.clone().map(Person::Member);
        Some(CaseItemForm {
            title: format!(
                "{}: {}",
                T::BringInCase.text(app.lang),
                case_label(app, code)
            ),
            case: code.to_string(),
            item: None,
            inbrenger: PersonField::new(
                T::Inbrenger.text(app.lang),
                member_choices(app),
                coach.as_ref(),
                false,
            ),
            question: TextField::new(T::Question.text(app.lang), "", true),
            minutes: TextField::new(T::TimeBoxMinutes.text(app.lang), "15", false),
        })
    }

    /// The form to change case item `item`.
    pub fn edit(app: &App, item: usize) -> Option<Self> {
        let it = app.current_meeting()?.agenda.get(item)?;
        let ItemKind::Casus(d) = &it.kind else {
            return None;
        };
        Some(CaseItemForm {
            title: format!(
                "{}: {}",
                T::EditCase.text(app.lang),
                case_label(app, &d.case)
            ),
            case: d.case.clone(),
            item: Some(item),
            inbrenger: PersonField::new(
                T::Inbrenger.text(app.lang),
                member_choices(app),
                Some(&Person::Member(d.inbrenger.clone())),
                false,
            ),
            question: TextField::new(T::Question.text(app.lang), &d.question, true),
            minutes: TextField::new(
                T::TimeBoxMinutes.text(app.lang),
                &it.time_box_minutes.to_string(),
                false,
            ),
        })
    }
}

impl FormSpec for CaseItemForm {
    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(&'static str, &dyn Field)> {
        vec![
            ("inbrenger", &self.inbrenger),
            ("vraag", &self.question),
            ("minuten", &self.minutes),
        ]
    }

    fn fields_mut(&mut self) -> Vec<(&'static str, &mut dyn Field)> {
        vec![
            ("inbrenger", &mut self.inbrenger),
            ("vraag", &mut self.question),
            ("minuten", &mut self.minutes),
        ]
    }

    fn apply(&self, app: &mut App) -> Result<Vec<Effect>, FormError> {
        let (mi, date) = meeting_at(app)?;
        let inbrenger = required_member(&self.inbrenger)?;
        let question = self.question.value().trim().to_string();
        if question.is_empty() {
            return Err(FormError::QuestionNeeded);
        }
        let mins = minutes(&self.minutes)?;
        let team = app.team_data_mut().ok_or(FormError::NoMeeting)?;
        match self.item {
            None => {
                let pseudonym = team
                    .case(&self.case)
                    .map(|c| c.pseudonym.clone())
                    .unwrap_or_default();
                let title = format!("Casus {} ({pseudonym})", self.case);
                let at = session::add_case(
                    &mut team.meetings[mi],
                    &self.case,
                    &title,
                    inbrenger,
                    question,
                    mins,
                )?;
                app.views.agenda = at;
            }
            Some(item) => {
                let it = session::item_mut(&mut team.meetings[mi], item)?;
                it.time_box_minutes = mins;
                if let ItemKind::Casus(d) = &mut it.kind {
                    d.inbrenger = inbrenger;
                    d.question = question;
                }
            }
        }
        Ok(vec![Effect::SaveMeeting(date)])
    }
}

/// Another item on the agenda: its title and time box.
#[derive(Debug, Clone)]
pub struct OtherItemForm {
    title: String,
    pub kind: OtherKind,
    /// The item being changed; `None` to add one.
    pub item: Option<usize>,
    pub item_title: TextField,
    pub minutes: TextField,
}

impl OtherItemForm {
    /// The form to add an item of `kind`, titled after the kind.
    pub fn add(app: &App, kind: OtherKind) -> Self {
        let label = kind_label(&kind.item_kind(), app.lang);
        let mut title_text: String = label.to_string();
        if let Some(first) = title_text.get(0..1) {
            title_text = first.to_uppercase() + &title_text[1..];
        }
        OtherItemForm {
            title: format!("{}: {label}", T::AddItem.text(app.lang)),
            kind,
            item: None,
            item_title: TextField::new(T::Title.text(app.lang), &title_text, false),
            minutes: TextField::new(
                T::TimeBoxMinutes.text(app.lang),
                &session::default_time_box(&kind.item_kind()).to_string(),
                false,
            ),
        }
    }

    /// The form to change item `item` (any item but a case).
    pub fn edit(app: &App, item: usize) -> Option<Self> {
        let it = app.current_meeting()?.agenda.get(item)?;
        let kind = match it.kind {
            ItemKind::Organisatorisch => OtherKind::Organisatorisch,
            ItemKind::Verdeling => OtherKind::Verdeling,
            ItemKind::Rondvraag => OtherKind::Rondvraag,
            ItemKind::Casus(_) => return None,
            _ => OtherKind::Mededelingen,
        };
        let mut title = TextField::new(T::Title.text(app.lang), &it.title, false);
        // Correcting a title usually adds to it: the cursor goes to its end.
        title.set(&it.title);
        Some(OtherItemForm {
            title: T::EditItem.text(app.lang).to_string(),
            kind,
            item: Some(item),
            item_title: title,
            minutes: TextField::new(
                T::TimeBoxMinutes.text(app.lang),
                &it.time_box_minutes.to_string(),
                false,
            ),
        })
    }
}

impl FormSpec for OtherItemForm {
    fn title(&self) -> &str {
        &self.title
    }

    fn fields(&self) -> Vec<(&'static str, &dyn Field)> {
        vec![("titel", &self.item_title), ("minuten", &self.minutes)]
    }

    fn fields_mut(&mut self) -> Vec<(&'static str, &mut dyn Field)> {
        vec![
            ("titel", &mut self.item_title),
            ("minuten", &mut self.minutes),
        ]
    }

    fn apply(&self, app: &mut App) -> Result<Vec<Effect>, FormError> {
        let (mi, date) = meeting_at(app)?;
        let title = required(&self.item_title)?;
        let mins = minutes(&self.minutes)?;
        let team = app.team_data_mut().ok_or(FormError::NoMeeting)?;
        match self.item {
            None => {
                let at =
                    session::add_item(&mut team.meetings[mi], self.kind.item_kind(), &title, mins)?;
                app.views.agenda = at;
            }
            Some(item) => {
                let it = session::item_mut(&mut team.meetings[mi], item)?;
                it.title = title;
                it.time_box_minutes = mins;
            }
        }
        Ok(vec![Effect::SaveMeeting(date)])
    }
}
