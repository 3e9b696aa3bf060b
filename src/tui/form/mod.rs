//! Typed forms: one struct per purpose, each with named, typed fields and an `apply` that
//! records it through `session` or says why not ([`FormError`]). The form popup
//! (`popup::form`) moves the focus, asks before throwing typed text away and keeps a draft in
//! the meeting's autosave; it knows forms only through [`FormSpec`].

pub mod agenda;
pub mod case_edit;
pub mod entries;
pub mod error;
pub mod field;
pub mod intake;
pub mod parse;
pub mod picker;
pub mod planned;
pub mod regie;
pub mod rhythm;
pub mod small;
pub mod team;

use chrono::NaiveDate;

pub use error::FormError;
pub use field::{Field, FieldReply, Person, PersonField, PickField, TextField};
pub use picker::{Choice, Matching, Picker};

use crate::domain::FormDraft;
use crate::tui::app::App;
use crate::tui::msg::Effect;

/// What every form offers the form popup.
pub trait FormSpec {
    fn title(&self) -> &str;
    /// The fields with their stable draft names, top to bottom (a form may hide fields that
    /// do not apply to its current choices).
    fn fields(&self) -> Vec<(&'static str, &dyn Field)>;
    fn fields_mut(&mut self) -> Vec<(&'static str, &mut dyn Field)>;
    /// Records the form; on `Err` the form stays open with the reason.
    fn apply(&self, app: &mut App) -> Result<Vec<Effect>, FormError>;
    /// The draft's form name and place (item, entry), for forms of the running meeting that
    /// are kept in the autosave; `None` for forms that write through or are not part of it.
    fn draft_key(&self) -> Option<(&'static str, Option<usize>, Option<usize>)> {
        None
    }
    /// Called after a key changed a field: a form that writes through records its text here
    /// (in memory; it is saved on a pause). Returns whether it wrote.
    fn write_through(&self, _app: &mut App) -> bool {
        false
    }
    /// A form that writes through keeps what was typed when it is closed with Esc.
    fn writes_through(&self) -> bool {
        false
    }
}

macro_rules! forms {
    ($($variant:ident($ty:ty)),* $(,)?) => {
        /// Every form, as a value the popup stack can hold (boxed there, so the size of the
        /// largest form costs nothing elsewhere).
        #[allow(clippy::large_enum_variant)]
        #[derive(Debug, Clone)]
        pub enum FormKind {
            $($variant($ty)),*
        }

        impl FormKind {
            pub fn spec(&self) -> &dyn FormSpec {
                match self {
                    $(FormKind::$variant(f) => f),*
                }
            }

            pub fn spec_mut(&mut self) -> &mut dyn FormSpec {
                match self {
                    $(FormKind::$variant(f) => f),*
                }
            }
        }
    };
}

forms! {
    CaseItem(agenda::CaseItemForm),
    OtherItem(agenda::OtherItemForm),
    Advice(entries::AdviceForm),
    Decision(entries::DecisionForm),
    Action(entries::ActionForm),
    Regie(regie::RegieForm),
    Guest(small::GuestForm),
    Postpone(small::PostponeForm),
    Skip(small::SkipForm),
    Evaluation(small::EvaluationForm),
    NextMeeting(small::NextMeetingForm),
    Text(small::TextForm),
    MoveMeeting(planned::MoveMeetingForm),
    CancelMeeting(planned::CancelMeetingForm),
    Intake(intake::IntakeForm),
    CaseEdit(case_edit::CaseEditForm),
    Member(team::MemberForm),
    Leave(team::LeaveForm),
    Norm(team::NormForm),
    Rhythm(rhythm::RhythmForm),
    ReviewNote(small::ReviewNoteForm),
    Park(intake::ParkForm),
}

impl FormKind {
    /// The draft of this form as it stands, if it is one that is kept.
    pub fn draft(&self) -> Option<FormDraft> {
        let spec = self.spec();
        let (form, item, entry) = spec.draft_key()?;
        Some(FormDraft {
            form: form.to_string(),
            item,
            entry,
            fields: spec
                .fields()
                .into_iter()
                .map(|(name, f)| (name.to_string(), f.draft()))
                .collect(),
        })
    }

    /// The form a draft was taken from, rebuilt on the current data with the drafted values;
    /// `None` when it no longer fits (its item or entry is gone).
    pub fn from_draft(app: &App, d: &FormDraft) -> Option<FormKind> {
        let item = d.item;
        let mut kind = match d.form.as_str() {
            entries::ADVICE => FormKind::Advice(entries::AdviceForm::build(app, item?, d.entry)?),
            entries::DECISION => {
                FormKind::Decision(entries::DecisionForm::build(app, item?, d.entry)?)
            }
            entries::ACTION => FormKind::Action(entries::ActionForm::build(app, item?, d.entry)?),
            regie::REGIE => FormKind::Regie(regie::RegieForm::build(app, item?)?),
            small::GUEST => FormKind::Guest(small::GuestForm::build(app)),
            small::EVALUATION => FormKind::Evaluation(small::EvaluationForm::build(app, item?)?),
            _ => return None,
        };
        // Values first, then choices that show or hide other fields settle.
        for _ in 0..2 {
            for (name, field) in kind.spec_mut().fields_mut() {
                if let Some(v) = d.fields.get(name) {
                    field.restore(v);
                }
            }
        }
        Some(kind)
    }
}

/// The day a picker offers members for: the meeting's, else today.
pub fn picker_day(app: &App) -> NaiveDate {
    app.current_meeting().map_or(app.today, |m| m.date)
}

/// The members of the chosen team working in it on the [`picker_day`], as people to pick
/// (one who left or is on leave is not offered; the history keeps the name).
pub fn member_choices(app: &App) -> Vec<Choice<Person>> {
    let on = picker_day(app);
    app.team_data()
        .map(|t| {
            t.team
                .active_members(on)
                .map(|m| Choice::new(Person::Member(m.id.clone()), m.name.clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// Members and the meeting's guests (who may give advice or dissent).
pub fn people_and_guests(app: &App) -> Vec<Choice<Person>> {
    let mut v = member_choices(app);
    if let Some(m) = app.current_meeting() {
        v.extend(m.guests.iter().map(|g| {
            Choice::new(
                Person::Guest(g.name.clone()),
                format!("{} ({})", g.name, g.role),
            )
        }));
    }
    v
}

/// The person recorded for a member id or guest name.
pub fn person_of(app: &App, recorded: &str) -> Person {
    let is_member = app
        .team_data()
        .is_some_and(|t| t.team.member(recorded).is_some());
    if is_member {
        Person::Member(recorded.to_string())
    } else {
        Person::Guest(recorded.to_string())
    }
}

/// The trimmed text of a field that must not be empty.
pub fn required(field: &TextField) -> Result<String, FormError> {
    let t = field.value().trim().to_string();
    if t.is_empty() {
        Err(FormError::Required(field.label().to_string()))
    } else {
        Ok(t)
    }
}

/// The member chosen in a people field, or why there is none.
pub fn required_member(field: &PersonField) -> Result<String, FormError> {
    field
        .member()
        .ok_or_else(|| FormError::NoSuchMember(field.query().trim().to_string()))
}

/// The date typed in a field.
pub fn date(field: &TextField, today: NaiveDate) -> Result<NaiveDate, FormError> {
    Ok(parse::parse_date(&field.value(), today)?)
}

/// The date typed in a field, or `None` when it is empty.
pub fn optional_date(field: &TextField, today: NaiveDate) -> Result<Option<NaiveDate>, FormError> {
    if field.value().trim().is_empty() {
        return Ok(None);
    }
    date(field, today).map(Some)
}

/// The time box typed in a field.
pub fn minutes(field: &TextField) -> Result<u32, FormError> {
    parse::parse_minutes(&field.value()).ok_or(FormError::Minutes)
}

/// The meeting being run, its index and date, or why a form cannot be applied.
pub fn meeting_at(app: &App) -> Result<(usize, NaiveDate), FormError> {
    let date = app.meeting.ok_or(FormError::NoMeeting)?;
    let mi = app.meeting_index().ok_or(FormError::NoMeeting)?;
    Ok((mi, date))
}
