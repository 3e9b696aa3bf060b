//! Modal forms: a few fields (text in a real editor widget, or a pick from a list), Tab and
//! Shift-Tab between them, Ctrl-S to save, Esc to cancel. Typing goes into the focused field
//! only while the form is open, so a `q` in a note is text, never "quit".

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{TextArea, WrapMode};

use super::keymap::{Action, KeyMap};
use super::picker::{Choice, Picker};

/// What a form is for; `update` applies the values when it is saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormPurpose {
    /// Add a case to the agenda (case code chosen before).
    AddCase {
        case: String,
    },
    /// Edit a case item on the agenda.
    EditCase {
        item: usize,
    },
    /// Edit the title and time box of a non-case item.
    EditItem {
        item: usize,
    },
    /// Add a non-case item of a kind (key from the kind picker).
    AddItem {
        kind: String,
    },
    /// Add advice, or edit advice `entry`.
    Advice {
        item: usize,
        entry: Option<usize>,
    },
    /// Add a decision, or edit decision `entry` (its number stays).
    Decision {
        item: usize,
        entry: Option<usize>,
    },
    /// Add an action, or edit action `entry` (its number stays).
    Action {
        item: usize,
        entry: Option<usize>,
    },
    Regie {
        item: usize,
    },
    Guest,
    /// Postpone an open action to a new date.
    Postpone {
        number: String,
    },
    SkipCheck {
        item: usize,
    },
    /// Skip one point of the regie check, with a reason.
    SkipPoint {
        item: usize,
        point: usize,
    },
    NextEvaluation {
        item: usize,
    },
    /// The date of the next meeting, on the close screen.
    NextMeeting,
    /// One text field written straight into the meeting at every key (nothing is lost).
    Text {
        target: TextTarget,
    },
}

/// A text in the meeting that is edited in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextTarget {
    Question(usize),
    Clarifying(usize),
    Notes(usize),
    Lesson(usize),
    PreviousRemarks,
}

/// The kind of a field.
#[derive(Debug, Clone)]
pub enum FieldKind {
    /// Free text; `multiline` lets Enter start a new line.
    Text {
        area: Box<TextArea<'static>>,
        multiline: bool,
    },
    /// A pick from a list.
    Pick(Picker),
}

/// One labelled field.
#[derive(Debug, Clone)]
pub struct Field {
    pub label: String,
    pub kind: FieldKind,
}

impl Field {
    /// A text field with a start value.
    pub fn text(label: impl Into<String>, value: &str, multiline: bool) -> Self {
        let mut area = TextArea::new(value.lines().map(String::from).collect());
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        Field {
            label: label.into(),
            kind: FieldKind::Text {
                area: Box::new(area),
                multiline,
            },
        }
    }

    /// A pick field.
    pub fn pick(label: impl Into<String>, options: Vec<Choice>, selected: Option<&str>) -> Self {
        let mut picker = Picker::new(options);
        if let Some(s) = selected {
            picker = picker.with_selected(s);
        }
        Field {
            label: label.into(),
            kind: FieldKind::Pick(picker),
        }
    }

    /// The field's value: the text, or the key of the chosen option.
    pub fn value(&self) -> String {
        match &self.kind {
            FieldKind::Text { area, .. } => area.lines().join("\n"),
            FieldKind::Pick(p) => p.current().map(|c| c.key.clone()).unwrap_or_default(),
        }
    }
}

/// A form on the popup stack.
#[derive(Debug, Clone)]
pub struct Form {
    pub title: String,
    pub purpose: FormPurpose,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Why the last save was refused.
    pub error: Option<String>,
}

/// What a key did to a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKey {
    /// Handled inside the form; `changed` when a value changed.
    Handled {
        changed: bool,
    },
    Submit,
    Cancel,
}

impl Form {
    pub fn new(title: impl Into<String>, purpose: FormPurpose, fields: Vec<Field>) -> Self {
        Form {
            title: title.into(),
            purpose,
            fields,
            focus: 0,
            error: None,
        }
    }

    /// Value of field `i`.
    pub fn value(&self, i: usize) -> String {
        self.fields.get(i).map(Field::value).unwrap_or_default()
    }

    /// Routes a key: form keys first (save, cancel, next field), then the focused field.
    pub fn handle_key(&mut self, key: &KeyEvent, keys: &KeyMap) -> FormKey {
        if keys.is(key, Action::Save) {
            return FormKey::Submit;
        }
        if keys.is(key, Action::Back) {
            return FormKey::Cancel;
        }
        let last = self.fields.len().saturating_sub(1);
        if keys.is(key, Action::NextField) {
            self.focus = if self.focus >= last {
                0
            } else {
                self.focus + 1
            };
            return FormKey::Handled { changed: false };
        }
        if keys.is(key, Action::PrevField) {
            self.focus = if self.focus == 0 {
                last
            } else {
                self.focus - 1
            };
            return FormKey::Handled { changed: false };
        }
        let Some(field) = self.fields.get_mut(self.focus) else {
            return FormKey::Cancel;
        };
        let plain_enter = key.code == KeyCode::Enter && key.modifiers == KeyModifiers::NONE;
        match &mut field.kind {
            FieldKind::Text { area, multiline } => {
                if plain_enter && !*multiline {
                    if self.focus >= last {
                        return FormKey::Submit;
                    }
                    self.focus += 1;
                    return FormKey::Handled { changed: false };
                }
                let changed = area.input(*key);
                FormKey::Handled { changed }
            }
            FieldKind::Pick(p) => {
                match key.code {
                    KeyCode::Up => p.up(),
                    KeyCode::Down => p.down(),
                    KeyCode::Backspace => p.backspace(),
                    KeyCode::Enter => {
                        if self.focus >= last {
                            return FormKey::Submit;
                        }
                        self.focus += 1;
                    }
                    KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                        p.type_char(c)
                    }
                    _ => {}
                }
                FormKey::Handled { changed: true }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEventKind, KeyEventState};

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        }
    }

    #[test]
    fn typing_goes_into_the_focused_field_and_q_is_text() {
        let keys = KeyMap::default();
        let mut f = Form::new(
            "t",
            FormPurpose::Guest,
            vec![Field::text("naam", "", false), Field::text("rol", "", true)],
        );
        for c in "qé".chars() {
            f.handle_key(&key(KeyCode::Char(c)), &keys);
        }
        assert_eq!(f.value(0), "qé");
        assert_eq!(
            f.handle_key(&key(KeyCode::Enter), &keys),
            FormKey::Handled { changed: false }
        );
        assert_eq!(f.focus, 1);
        f.handle_key(&key(KeyCode::Char('a')), &keys);
        f.handle_key(&key(KeyCode::Enter), &keys);
        f.handle_key(&key(KeyCode::Char('b')), &keys);
        assert_eq!(f.value(1), "a\nb");
        assert_eq!(f.handle_key(&key(KeyCode::Esc), &keys), FormKey::Cancel);
    }
}
