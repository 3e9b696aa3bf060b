//! Pick one of a list: a case for the agenda, the kind of another item, what minutes to
//! write, a member for a role in the meeting. Typing filters; arrows choose; Select takes it.

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph};

use super::form::FormPopup;
use super::{Popup, Reply};
use crate::domain::{CaseCode, MemberId};
use crate::i18n::tui::T;
use crate::minutes::Format;
use crate::session;
use crate::tui::app::App;
use crate::tui::form::agenda::{CaseItemForm, OtherItemForm, OtherKind};
use crate::tui::form::{Choice, FormKind, Matching, Picker};
use crate::tui::keymap::Action;
use crate::tui::msg::{Effect, Export};
use crate::tui::widgets::{block, centered};

/// The actions of a list to choose from.
pub const ACTIONS: [Action; 2] = [Action::Select, Action::Back];

/// A line of the minutes popup: something to write, or the question "for which partner?".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportChoice {
    Write(Export),
    ForPartner(Format),
}

/// Roles in the meeting that are picked from the team.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Voorzitter,
    Notulist,
}

/// What is chosen, with its list.
#[derive(Debug, Clone)]
pub enum Choose {
    /// A case to bring in.
    Case(Picker<CaseCode>),
    /// The kind of another agenda item.
    Kind(Picker<OtherKind>),
    /// The minutes or invitation to write for the meeting on `date`.
    Export {
        date: NaiveDate,
        picker: Picker<ExportChoice>,
    },
    /// The partner organisation a shareable version in `format` is for.
    Partner {
        date: NaiveDate,
        format: Format,
        picker: Picker<String>,
    },
    /// A member for a role in the meeting.
    Role {
        role: Role,
        picker: Picker<MemberId>,
    },
}

impl Choose {
    /// The open cases of the team: code, pseudonym and coach.
    pub fn case(app: &App) -> Self {
        let options = app
            .team_data()
            .map(|team| {
                team.cases
                    .iter()
                    .filter(|c| c.is_open())
                    .map(|c| {
                        let coach = c
                            .coach
                            .as_deref()
                            .map(|id| team.team.member_name(id))
                            .unwrap_or("—");
                        Choice::new(
                            c.code.clone(),
                            format!("{}  {}  ({coach})", c.code, c.pseudonym),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        Choose::Case(Picker::new(options, Matching::Fuzzy))
    }

    pub fn kind(app: &App) -> Self {
        Choose::Kind(Picker::new(OtherKind::choices(app.lang), Matching::Fuzzy))
    }

    /// What to write for the meeting on `date`; a version per partner only when the meeting
    /// discussed households that consented to sharing with an organisation involved.
    pub fn export(app: &App, date: NaiveDate) -> Self {
        let lang = app.lang;
        let mut options: Vec<Choice<ExportChoice>> = Export::all()
            .into_iter()
            .map(|e| {
                let label = e.label(lang);
                Choice::new(ExportChoice::Write(e), label)
            })
            .collect();
        let partners = partners(app, date);
        if !partners.is_empty() {
            let at = options.len() - 1;
            for (k, format) in [Format::Docx, Format::Html, Format::Md]
                .into_iter()
                .enumerate()
            {
                options.insert(
                    at + k,
                    Choice::new(
                        ExportChoice::ForPartner(format),
                        crate::i18n::tui::partners_choice(format, lang),
                    ),
                );
            }
        }
        Choose::Export {
            date,
            picker: Picker::new(options, Matching::Fuzzy),
        }
    }

    /// The partner organisations for a shareable version of the meeting on `date`.
    pub fn partner(app: &App, date: NaiveDate, format: Format) -> Self {
        let options = partners(app, date)
            .into_iter()
            .map(|p| Choice::new(p.clone(), p))
            .collect();
        Choose::Partner {
            date,
            format,
            picker: Picker::new(options, Matching::Fuzzy),
        }
    }

    /// The team's members, the one holding the role now selected.
    pub fn role(app: &App, role: Role) -> Self {
        let current = app.current_meeting().and_then(|m| match role {
            Role::Voorzitter => m.voorzitter.clone(),
            Role::Notulist => m.notulist.clone(),
        });
        let on = crate::tui::form::picker_day(app);
        let options = app
            .team_data()
            .map(|t| {
                t.team
                    .active_members(on)
                    .map(|m| Choice::new(m.id.clone(), m.name.clone()))
                    .collect()
            })
            .unwrap_or_default();
        Choose::Role {
            role,
            picker: Picker::new(options, Matching::WordStart).with_selected(current.as_ref()),
        }
    }

    fn key_picker(&mut self, key: &KeyEvent) {
        fn go<T: Clone + PartialEq>(p: &mut Picker<T>, key: &KeyEvent) {
            match key.code {
                KeyCode::Up => p.up(),
                KeyCode::Down => p.down(),
                KeyCode::Backspace => p.backspace(),
                KeyCode::Char(c)
                    if !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
                {
                    p.type_char(c)
                }
                _ => {}
            }
        }
        match self {
            Choose::Case(p) => go(p, key),
            Choose::Kind(p) => go(p, key),
            Choose::Export { picker, .. } => go(picker, key),
            Choose::Partner { picker, .. } => go(picker, key),
            Choose::Role { picker, .. } => go(picker, key),
        }
    }

    pub fn on_key(&mut self, app: &mut App, key: &KeyEvent) -> Reply {
        match app.keys.action_for(key, &ACTIONS) {
            Some(Action::Back) => Reply::close(),
            Some(_) => self.choose(app),
            None => {
                self.key_picker(key);
                Reply::keep()
            }
        }
    }

    /// Takes the selected option; with nothing matching, the popup stays.
    fn choose(&self, app: &mut App) -> Reply {
        match self {
            Choose::Case(p) => match p.value().and_then(|code| CaseItemForm::add(app, code)) {
                Some(f) => {
                    Reply::replace(Popup::Form(Box::new(FormPopup::new(FormKind::CaseItem(f)))))
                }
                None => Reply::keep(),
            },
            Choose::Kind(p) => match p.value() {
                Some(k) => Reply::replace(Popup::Form(Box::new(FormPopup::new(
                    FormKind::OtherItem(OtherItemForm::add(app, *k)),
                )))),
                None => Reply::keep(),
            },
            Choose::Export { date, picker } => match picker.value() {
                Some(ExportChoice::Write(e)) => {
                    Reply::close_with(vec![Effect::ExportMinutes(*date, e.clone())])
                }
                Some(ExportChoice::ForPartner(format)) => {
                    Reply::replace(Popup::Choose(Choose::partner(app, *date, *format)))
                }
                None => Reply::keep(),
            },
            Choose::Partner {
                date,
                format,
                picker,
            } => match picker.value() {
                Some(p) => Reply::close_with(vec![Effect::ExportMinutes(
                    *date,
                    Export::ForPartner(*format, p.clone()),
                )]),
                None => Reply::keep(),
            },
            Choose::Role { role, picker } => match picker.value() {
                Some(id) => Reply::close_with(set_role(app, *role, id)),
                None => Reply::keep(),
            },
        }
    }

    fn title(&self, app: &App) -> String {
        let lang = app.lang;
        match self {
            Choose::Case(_) => T::ChooseCase.text(lang).into(),
            Choose::Kind(_) => T::ChooseKind.text(lang).into(),
            Choose::Export { date, .. } => {
                format!("{} {}", T::ChooseExport.text(lang), date.format("%d-%m-%Y"))
            }
            Choose::Partner { .. } => crate::i18n::tui::choose_partner(lang).to_string(),
            Choose::Role { role, .. } => match role {
                Role::Voorzitter => T::Voorzitter.text(lang).into(),
                Role::Notulist => T::Notulist.text(lang).into(),
            },
        }
    }

    pub fn draw(&self, frame: &mut Frame, app: &App, body: Rect) {
        let title = self.title(app);
        match self {
            Choose::Case(p) => draw_list(frame, app, &title, p, body),
            Choose::Kind(p) => draw_list(frame, app, &title, p, body),
            Choose::Export { picker, .. } => draw_list(frame, app, &title, picker, body),
            Choose::Partner { picker, .. } => draw_list(frame, app, &title, picker, body),
            Choose::Role { picker, .. } => draw_list(frame, app, &title, picker, body),
        }
    }
}

/// The organisations that could receive a partner version of the meeting on `date`.
fn partners(app: &App, date: NaiveDate) -> Vec<String> {
    app.team_data()
        .and_then(|t| Some(crate::minutes::partner_organisations(t, t.meeting(date)?)))
        .unwrap_or_default()
}

fn set_role(app: &mut App, role: Role, id: &str) -> Vec<Effect> {
    let lang = app.lang;
    let Some(team) = app.team_data().map(|t| t.team.clone()) else {
        return vec![];
    };
    let Some(m) = app.current_meeting_mut() else {
        return vec![];
    };
    let r = match role {
        Role::Voorzitter => session::set_voorzitter(m, &team, id),
        Role::Notulist => session::set_notulist(m, &team, id),
    };
    let date = m.date;
    match r {
        Ok(()) => vec![Effect::SaveMeeting(date)],
        Err(e) => {
            app.error(e.message(lang));
            vec![]
        }
    }
}

fn draw_list<V: Clone + PartialEq>(
    frame: &mut Frame,
    app: &App,
    title: &str,
    p: &Picker<V>,
    body: Rect,
) {
    let area = centered(body, 70, body.height.saturating_sub(2).max(8));
    frame.render_widget(Clear, area);
    let s = &app.styles;
    let outer = block(app, title.to_string(), true);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [q, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(inner);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(format!("{}: ", T::Search.text(app.lang)), s.muted),
            Span::styled(format!("{}▏", p.query()), s.base),
        ])),
        q,
    );
    let mut items: Vec<ListItem> = p
        .visible()
        .map(|c| ListItem::new(c.label.clone()))
        .collect();
    if items.is_empty() {
        items.push(ListItem::new(Line::styled(
            format!("  {}", T::NothingFound.text(app.lang)),
            s.muted,
        )));
    }
    let mut st = ListState::default().with_selected((p.match_count() > 0).then_some(p.selected()));
    frame.render_stateful_widget(
        List::new(items)
            .highlight_style(s.selected)
            .highlight_symbol("▶ "),
        list,
        &mut st,
    );
}
