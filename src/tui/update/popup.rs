//! Keys of the popup on top of the stack: help, messages, confirmations, pickers, the regie
//! check and forms.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{App, Confirm, Effect, Popup, Screen, forms, save_and_quit};
use crate::domain::{CheckAnswer, RegieCheckPoint};
use crate::i18n::tui::T;
use crate::session;
use crate::tui::app::{Entry, Role};
use crate::tui::form::{FormKey, FormPurpose};
use crate::tui::keymap::Action;
use crate::tui::picker::Picker;

pub(super) fn on_key(app: &mut App, key: KeyEvent) -> Vec<Effect> {
    let Some(popup) = app.popups.pop() else {
        return vec![];
    };
    let keys = app.keys.clone();
    let is = |a: Action| keys.is(&key, a);
    match popup {
        Popup::Search(p) => {
            crate::tui::lookups::search_key(app, *p, &key);
            vec![]
        }
        Popup::Help | Popup::Messages { .. } => {
            if is(Action::Up) {
                app.views.help_scroll = app.views.help_scroll.saturating_sub(1);
            } else if is(Action::Down) {
                app.views.help_scroll = app.views.help_scroll.saturating_add(1);
            } else if is(Action::Back) || is(Action::Select) || is(Action::Quit) || is(Action::Help)
            {
                app.views.help_scroll = 0;
                return vec![];
            }
            app.popups.push(popup);
            vec![]
        }
        Popup::Confirm(c) => {
            if is(Action::Select)
                || key.code == KeyCode::Char('j')
                || key.code == KeyCode::Char('y')
            {
                confirm(app, c)
            } else if is(Action::Back) || key.code == KeyCode::Char('n') {
                vec![]
            } else {
                app.popups.push(popup);
                vec![]
            }
        }
        Popup::CasePicker(mut p) => match pick_key(&mut p, &key, &keys) {
            Some(true) => {
                if let Some(code) = p.current().map(|c| c.key.clone())
                    && let Some(form) = forms::add_case_form(app, &code)
                {
                    app.popups.push(Popup::Form(Box::new(form)));
                }
                vec![]
            }
            Some(false) => vec![],
            None => {
                app.popups.push(Popup::CasePicker(p));
                vec![]
            }
        },
        Popup::ExportPicker { date, mut picker } => match pick_key(&mut picker, &key, &keys) {
            Some(true) => {
                let chosen = picker.current().map(|c| c.key.clone());
                crate::tui::app::Export::all()
                    .into_iter()
                    .filter(|e| Some(e.key()) == chosen)
                    .map(|e| Effect::ExportMinutes(date, e))
                    .collect()
            }
            Some(false) => vec![],
            None => {
                app.popups.push(Popup::ExportPicker { date, picker });
                vec![]
            }
        },
        Popup::KindPicker(mut p) => match pick_key(&mut p, &key, &keys) {
            Some(true) => {
                if let Some(c) = p.current().cloned() {
                    let form = forms::add_item_form(app, &c.key, &c.label);
                    app.popups.push(Popup::Form(Box::new(form)));
                }
                vec![]
            }
            Some(false) => vec![],
            None => {
                app.popups.push(Popup::KindPicker(p));
                vec![]
            }
        },
        Popup::RolePicker { role, mut picker } => match pick_key(&mut picker, &key, &keys) {
            Some(true) => set_role(app, role, &picker),
            Some(false) => vec![],
            None => {
                app.popups.push(Popup::RolePicker { role, picker });
                vec![]
            }
        },
        Popup::RegieCheck { item, selected } => regie_check(app, key, item, selected),
        Popup::Form(mut form) => match form.handle_key(&key, &keys) {
            FormKey::Cancel => vec![],
            FormKey::Submit => match forms::apply(app, &form) {
                Ok(fx) => fx,
                Err(msg) => {
                    form.error = Some(msg);
                    app.popups.push(Popup::Form(form));
                    vec![]
                }
            },
            FormKey::Handled { changed } => {
                let live = match (&form.purpose, changed) {
                    (FormPurpose::Text { target }, true) => {
                        let text = form.value(0);
                        forms::write_text(app, *target, &text)
                    }
                    _ => vec![],
                };
                app.popups.push(Popup::Form(form));
                live
            }
        },
    }
}

/// Picker keys: `Some(true)` chosen, `Some(false)` cancelled, `None` still picking.
fn pick_key(p: &mut Picker, key: &KeyEvent, keys: &crate::tui::keymap::KeyMap) -> Option<bool> {
    if keys.is(key, Action::Select) {
        return Some(p.current().is_some());
    }
    if keys.is(key, Action::Back) {
        return Some(false);
    }
    match key.code {
        KeyCode::Up => p.up(),
        KeyCode::Down => p.down(),
        KeyCode::Backspace => p.backspace(),
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => p.type_char(c),
        _ => {}
    }
    None
}

fn set_role(app: &mut App, role: Role, picker: &Picker) -> Vec<Effect> {
    let Some(id) = picker.current().map(|c| c.key.clone()) else {
        return vec![];
    };
    let Some(team) = app.team_data().map(|t| t.team.clone()) else {
        return vec![];
    };
    let Some(m) = app.current_meeting_mut() else {
        return vec![];
    };
    let r = match role {
        Role::Voorzitter => session::set_voorzitter(m, &team, &id),
        Role::Notulist => session::set_notulist(m, &team, &id),
    };
    let date = m.date;
    match r {
        Ok(()) => vec![Effect::SaveMeeting(date)],
        Err(e) => {
            app.error(e.to_string());
            vec![]
        }
    }
}

fn regie_check(app: &mut App, key: KeyEvent, item: usize, selected: usize) -> Vec<Effect> {
    let keys = app.keys.clone();
    let n = RegieCheckPoint::ALL.len();
    let keep = |app: &mut App, selected: usize| {
        app.popups.push(Popup::RegieCheck { item, selected });
    };
    let action = keys.action_for(
        &key,
        &[
            Action::Up,
            Action::Down,
            Action::CheckYes,
            Action::CheckNo,
            Action::CheckNotApplicable,
            Action::CheckSkip,
            Action::Remove,
            Action::Back,
            Action::Select,
        ],
    );
    let answer = match action {
        Some(Action::Up) => {
            keep(app, selected.saturating_sub(1));
            return vec![];
        }
        Some(Action::Down) => {
            keep(app, (selected + 1).min(n - 1));
            return vec![];
        }
        Some(Action::Back) | Some(Action::Select) => return vec![],
        Some(Action::Remove) => {
            keep(app, selected);
            app.popups
                .push(Popup::Form(Box::new(forms::skip_check_form(app, item))));
            return vec![];
        }
        Some(Action::CheckYes) => CheckAnswer::Ja,
        Some(Action::CheckNo) => CheckAnswer::Nee,
        Some(Action::CheckNotApplicable) => CheckAnswer::NietVanToepassing,
        Some(Action::CheckSkip) => {
            keep(app, selected);
            let form = forms::skip_point_form(app, item, selected);
            app.popups.push(Popup::Form(Box::new(form)));
            return vec![];
        }
        _ => {
            keep(app, selected);
            return vec![];
        }
    };
    let fx = forms::check_answer(app, item, selected, answer);
    keep(app, (selected + 1).min(n - 1));
    fx
}

fn confirm(app: &mut App, c: Confirm) -> Vec<Effect> {
    let date = app.meeting;
    let now = app.now;
    let today = app.today;
    match c {
        Confirm::Quit => {
            app.quit = true;
            save_and_quit(app)
        }
        Confirm::RemoveItem(i) => {
            if let Some(m) = app.current_meeting_mut()
                && session::remove_item(m, i).is_ok()
            {
                app.views.agenda = i.saturating_sub(1);
                return date.map(Effect::SaveMeeting).into_iter().collect();
            }
            vec![]
        }
        Confirm::RemoveEntry { item, entry } => remove_entry(app, item, entry),
        Confirm::OpenMeeting => {
            let Some(team) = app.team_data().map(|t| t.team.clone()) else {
                return vec![];
            };
            let Some(m) = app.current_meeting_mut() else {
                return vec![];
            };
            match session::open_meeting(m, &team, now) {
                Ok(()) => {
                    app.screen = Screen::Meeting;
                    app.views.item_row = 0;
                    app.last_tick = Some(now);
                    date.map(Effect::SaveMeeting).into_iter().collect()
                }
                Err(e) => {
                    app.error(e.to_string());
                    vec![]
                }
            }
        }
        Confirm::CloseMeeting => close(app),
        Confirm::Reopen => {
            let Some(team) = app.team_data_mut() else {
                return vec![];
            };
            let Some(last) = team.last_closed_meeting().map(|m| m.date) else {
                return vec![];
            };
            let Some(i) = team.meetings.iter().position(|m| m.date == last) else {
                return vec![];
            };
            match session::reopen_meeting(&mut team.meetings, i, today) {
                Ok(()) => {
                    app.meeting = Some(last);
                    app.screen = Screen::Meeting;
                    app.views.item_row = 0;
                    vec![Effect::SaveMeeting(last)]
                }
                Err(e) => {
                    app.error(e.to_string());
                    vec![]
                }
            }
        }
    }
}

/// Removes one entry; a decision or action number is withdrawn, never given again.
fn remove_entry(app: &mut App, item: usize, entry: Entry) -> Vec<Effect> {
    let lang = app.lang;
    let Some(m) = app.current_meeting_mut() else {
        return vec![];
    };
    let date = m.date;
    let removed = match entry {
        Entry::Advice(k) => session::remove_advice(m, item, k).map(|_| None),
        Entry::Decision(k) => session::remove_decision(m, item, k).map(|d| Some(d.number)),
        Entry::Action(k) => session::remove_action(m, item, k).map(|a| Some(a.number)),
        Entry::Regie => session::clear_regie(m, item).map(|()| None),
    };
    let left = match entry {
        Entry::Advice(_) => session::discussion_mut(m, item).map_or(0, |d| d.advice.len()),
        Entry::Decision(_) => session::item_mut(m, item).map_or(0, |i| i.decisions.len()),
        Entry::Action(_) => session::item_mut(m, item).map_or(0, |i| i.actions.len()),
        Entry::Regie => usize::MAX,
    };
    match removed {
        Ok(number) => {
            // The last entry of a list went: keep the selection in that list, one row up.
            if let Entry::Advice(k) | Entry::Decision(k) | Entry::Action(k) = entry
                && k >= left
            {
                app.views.item_row = app.views.item_row.saturating_sub(1);
            }
            app.info(crate::i18n::tui::removed(entry, number.as_deref(), lang));
            vec![Effect::SaveMeeting(date)]
        }
        Err(e) => {
            app.error(e.to_string());
            vec![]
        }
    }
}

fn close(app: &mut App) -> Vec<Effect> {
    let now = app.now;
    let Some(mi) = app.meeting_index() else {
        return vec![];
    };
    let Some(team) = app.team_data_mut() else {
        return vec![];
    };
    let team_def = team.team.clone();
    let cases = team.cases.clone();
    let out = match session::close_meeting(&mut team.meetings[mi], &team_def, &cases, now) {
        Ok(out) => out,
        Err(e) => {
            app.error(e.to_string());
            return vec![];
        }
    };
    let date = team.meetings[mi].date;
    let mut fx = vec![Effect::SaveMeeting(date)];
    for case in out.changed_cases {
        fx.push(Effect::SaveCase(case.code.clone()));
        if let Some(slot) = team.cases.iter_mut().find(|c| c.code == case.code) {
            *slot = case;
        }
    }
    fx.push(Effect::WriteMinutes(date));
    app.screen = Screen::Start;
    app.views.start = 0;
    app.info(T::MeetingClosed.text(app.lang));
    fx
}
