//! The fields of a form: free text in a real editor widget ([`TextField`]), a pick among
//! typed choices ([`PickField`]), and a person from the team or the guests ([`PersonField`]).
//! Every field handles its own keys and draws itself; the form moves the focus.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use super::picker::{Choice, Matching, Picker};
use crate::domain::MemberId;
use crate::i18n::tui::T;
use crate::tui::app::App;
use crate::tui::widgets::block;

/// What a key did to a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldReply {
    Changed,
    Unchanged,
    /// Enter in a field where it does not start a new line: next field, or save.
    Enter,
}

/// One field of a form.
pub trait Field {
    fn label(&self) -> &str;
    fn on_key(&mut self, key: &KeyEvent) -> FieldReply;
    /// The height the field likes to have.
    fn height(&self) -> u16;
    fn draw(&self, frame: &mut Frame, area: Rect, focused: bool, app: &App);
    /// Characters typed since the form opened (0 when the text is as it was): what Esc would
    /// throw away.
    fn typed(&self) -> usize;
    /// The value as a string, for the draft kept in the autosave.
    fn draft(&self) -> String;
    /// Puts a drafted value back.
    fn restore(&mut self, value: &str);
}

/// A value a pick field can keep in a draft: a stable name for it.
pub trait DraftValue {
    fn draft_id(&self) -> String;
}

impl DraftValue for String {
    fn draft_id(&self) -> String {
        self.clone()
    }
}

/// Free text.
#[derive(Debug, Clone)]
pub struct TextField {
    label: String,
    area: TextArea<'static>,
    multiline: bool,
    initial: String,
}

impl TextField {
    /// A text field with a start value. A single-line start value is selected, so typing
    /// replaces it (a time box of 15 becomes 20, not 1520); in a multi-line field the cursor
    /// goes to the end, to add to the text.
    pub fn new(label: impl Into<String>, value: &str, multiline: bool) -> Self {
        let mut area = TextArea::new(value.lines().map(String::from).collect());
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        if !multiline && !value.is_empty() {
            area.select_all();
        } else {
            area.move_cursor(CursorMove::Bottom);
            area.move_cursor(CursorMove::End);
        }
        TextField {
            label: label.into(),
            area,
            multiline,
            initial: value.to_string(),
        }
    }

    /// The text.
    pub fn value(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Replaces the text (cursor at the end).
    pub fn set(&mut self, value: &str) {
        let multiline = self.multiline;
        let label = std::mem::take(&mut self.label);
        let initial = std::mem::take(&mut self.initial);
        *self = TextField::new(label, value, true);
        self.multiline = multiline;
        self.initial = initial;
    }
}

impl Field for TextField {
    fn label(&self) -> &str {
        &self.label
    }

    fn on_key(&mut self, key: &KeyEvent) -> FieldReply {
        if key.code == KeyCode::Enter && key.modifiers == KeyModifiers::NONE && !self.multiline {
            return FieldReply::Enter;
        }
        if self.area.input(*key) {
            FieldReply::Changed
        } else {
            FieldReply::Unchanged
        }
    }

    fn height(&self) -> u16 {
        if self.multiline { 6 } else { 3 }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, focused: bool, app: &App) {
        let s = &app.styles;
        let mut ta = self.area.clone();
        ta.set_block(block(app, self.label.clone(), focused));
        ta.set_style(s.base);
        ta.set_cursor_line_style(s.base);
        ta.set_selection_style(s.selected);
        ta.set_cursor_style(if focused { s.selected } else { s.base });
        frame.render_widget(&ta, area);
    }

    fn typed(&self) -> usize {
        let v = self.value();
        if v == self.initial {
            0
        } else {
            v.chars().count().max(1)
        }
    }

    fn draft(&self) -> String {
        self.value()
    }

    fn restore(&mut self, value: &str) {
        self.set(value);
    }
}

/// A pick among typed choices.
#[derive(Debug, Clone)]
pub struct PickField<V> {
    label: String,
    pub picker: Picker<V>,
}

impl<V: Clone + PartialEq + DraftValue> PickField<V> {
    pub fn new(label: impl Into<String>, options: Vec<Choice<V>>, selected: Option<&V>) -> Self {
        PickField {
            label: label.into(),
            picker: Picker::new(options, Matching::Fuzzy).with_selected(selected),
        }
    }

    /// The chosen value.
    pub fn value(&self) -> Option<&V> {
        self.picker.value()
    }
}

/// Picker keys shared by every pick field: arrows move, typing filters, Enter goes on.
fn picker_key<V: Clone + PartialEq>(p: &mut Picker<V>, key: &KeyEvent) -> FieldReply {
    match key.code {
        KeyCode::Up => p.up(),
        KeyCode::Down => p.down(),
        KeyCode::Backspace => p.backspace(),
        KeyCode::Enter => return FieldReply::Enter,
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            p.type_char(c)
        }
        _ => return FieldReply::Unchanged,
    }
    FieldReply::Changed
}

/// Draws a picker in a field's block: the filter, then the matches around the selection;
/// `extra` is a row shown when nothing matches (an offer, or why nothing is there).
fn draw_picker<V: Clone + PartialEq>(
    frame: &mut Frame,
    area: Rect,
    focused: bool,
    app: &App,
    label: &str,
    p: &Picker<V>,
    extra: Option<(String, bool)>,
) {
    let s = &app.styles;
    let b = block(app, label.to_string(), focused);
    let inner = b.inner(area);
    frame.render_widget(b, area);
    let search = T::Search.text(app.lang);
    let sel = p.selected();
    let chosen_style = |on: bool| match (on, focused) {
        (true, true) => s.selected,
        (true, false) => s.heading,
        _ => s.base,
    };
    if inner.height < 2 {
        // One line only (a long form on a small screen): the choice, then the search.
        let label = p
            .current()
            .map(|c| c.label.clone())
            .or_else(|| extra.as_ref().map(|e| e.0.clone()))
            .unwrap_or_default();
        let mut one = vec![Span::styled(format!("▶ {label}"), chosen_style(true))];
        if !p.query().is_empty() {
            one.push(Span::styled(format!("   {search}: {}", p.query()), s.muted));
        }
        frame.render_widget(Paragraph::new(Line::from(one)), inner);
        return;
    }
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{search}: "), s.muted),
        Span::styled(p.query().to_string(), s.base),
    ])];
    let visible = inner.height.saturating_sub(1) as usize;
    let start = sel.saturating_sub(visible.saturating_sub(1));
    for (k, c) in p.visible().enumerate().skip(start).take(visible) {
        let on = k == sel;
        lines.push(Line::styled(
            format!("{}{}", if on { "▶ " } else { "  " }, c.label),
            chosen_style(on),
        ));
    }
    if p.match_count() == 0
        && let Some((text, selectable)) = extra
    {
        lines.push(if selectable {
            Line::styled(format!("▶ {text}"), chosen_style(true))
        } else {
            Line::styled(format!("  {text}"), s.warning)
        });
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

impl<V: Clone + PartialEq + DraftValue> Field for PickField<V> {
    fn label(&self) -> &str {
        &self.label
    }

    fn on_key(&mut self, key: &KeyEvent) -> FieldReply {
        picker_key(&mut self.picker, key)
    }

    fn height(&self) -> u16 {
        7
    }

    fn draw(&self, frame: &mut Frame, area: Rect, focused: bool, app: &App) {
        let nothing = (T::NothingFound.text(app.lang).to_string(), false);
        draw_picker(
            frame,
            area,
            focused,
            app,
            &self.label,
            &self.picker,
            Some(nothing),
        );
    }

    fn typed(&self) -> usize {
        0
    }

    fn draft(&self) -> String {
        self.value().map(DraftValue::draft_id).unwrap_or_default()
    }

    fn restore(&mut self, value: &str) {
        let found = self
            .picker
            .visible()
            .find(|c| c.value.draft_id() == value)
            .map(|c| c.value.clone());
        if let Some(v) = found {
            self.picker.select_value(&v);
        }
    }
}

/// Someone in the meeting: a member, a guest, or nobody.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Person {
    Member(MemberId),
    Guest(String),
    /// A name that matched nobody, to be added as a guest when the form is saved.
    NewGuest(String),
    Nobody,
}

impl Person {
    /// How the person is recorded: a member id or a guest's name; `None` for nobody.
    pub fn recorded(&self) -> Option<String> {
        match self {
            Person::Member(id) => Some(id.clone()),
            Person::Guest(n) | Person::NewGuest(n) => Some(n.clone()),
            Person::Nobody => None,
        }
    }
}

impl DraftValue for Person {
    fn draft_id(&self) -> String {
        match self {
            Person::Member(id) => format!("lid:{id}"),
            Person::Guest(n) => format!("gast:{n}"),
            Person::NewGuest(n) => format!("nieuw:{n}"),
            Person::Nobody => String::new(),
        }
    }
}

/// Who gave advice, decided, owns an action: picked by the start of their words, never the
/// "nearest" name. Where guests may speak, a name that matches nobody is offered as a new
/// guest.
#[derive(Debug, Clone)]
pub struct PersonField {
    label: String,
    picker: Picker<Person>,
    new_guest: bool,
}

impl PersonField {
    /// A field over `people` (built by the form from the team and the meeting's guests);
    /// `new_guest` allows adding a guest by typing a name nobody has.
    pub fn new(
        label: impl Into<String>,
        people: Vec<Choice<Person>>,
        selected: Option<&Person>,
        new_guest: bool,
    ) -> Self {
        PersonField {
            label: label.into(),
            picker: Picker::new(people, Matching::WordStart).with_selected(selected),
            new_guest,
        }
    }

    /// The person chosen; with nothing matching, the typed name as a new guest (where
    /// allowed), else `None`.
    pub fn value(&self) -> Option<Person> {
        if let Some(p) = self.picker.value() {
            return Some(p.clone());
        }
        let typed = self.picker.query().trim();
        (self.new_guest && !typed.is_empty()).then(|| Person::NewGuest(typed.to_string()))
    }

    /// The chosen member (the field offers members only, or a guest was picked: `None`).
    pub fn member(&self) -> Option<MemberId> {
        match self.value() {
            Some(Person::Member(id)) => Some(id),
            _ => None,
        }
    }

    /// What was typed, for the message when nobody matched.
    pub fn query(&self) -> &str {
        self.picker.query()
    }
}

impl Field for PersonField {
    fn label(&self) -> &str {
        &self.label
    }

    fn on_key(&mut self, key: &KeyEvent) -> FieldReply {
        picker_key(&mut self.picker, key)
    }

    fn height(&self) -> u16 {
        7
    }

    fn draw(&self, frame: &mut Frame, area: Rect, focused: bool, app: &App) {
        let typed = self.picker.query().trim();
        let extra = if self.new_guest && !typed.is_empty() {
            (crate::i18n::tui::add_as_guest(typed, app.lang), true)
        } else {
            (T::NobodyFound.text(app.lang).to_string(), false)
        };
        draw_picker(
            frame,
            area,
            focused,
            app,
            &self.label,
            &self.picker,
            Some(extra),
        );
    }

    fn typed(&self) -> usize {
        0
    }

    fn draft(&self) -> String {
        self.value().map(|p| p.draft_id()).unwrap_or_default()
    }

    fn restore(&mut self, value: &str) {
        if let Some(name) = value.strip_prefix("nieuw:") {
            self.picker.set_query(name);
            return;
        }
        let found = self
            .picker
            .visible()
            .find(|c| c.value.draft_id() == value)
            .map(|c| c.value.clone());
        if let Some(v) = found {
            self.picker.select_value(&v);
        }
    }
}
