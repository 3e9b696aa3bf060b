//! A form on the popup stack: Tab and Shift-Tab between fields, typing only into the focused
//! field (so a `q` in a note is text, never "quit"), Save to record, Back to close — after
//! asking when typed text would be lost. While it is open, its draft rides along in the
//! meeting's autosave, so a crash or Ctrl-C loses nothing.

use crossterm::event::KeyEvent;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::confirm::draw_question;
use super::{Popup, Reply};
use crate::i18n::tui::{T, discard_detail};
use crate::tui::app::App;
use crate::tui::form::{FieldReply, FormKind};
use crate::tui::keymap::Action;
use crate::tui::msg::Effect;
use crate::tui::widgets::{block, centered, hints};

/// The actions of a form.
pub const ACTIONS: [Action; 4] = [
    Action::Save,
    Action::NextField,
    Action::PrevField,
    Action::Back,
];

/// Every action a form may show (the question before discarding included), for help.
pub const ALL_ACTIONS: [Action; 6] = [
    Action::Save,
    Action::NextField,
    Action::PrevField,
    Action::Back,
    Action::Yes,
    Action::No,
];

/// Whether the form is being filled in or asks before throwing typed text away.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Editing,
    ConfirmDiscard,
}

/// The form popup.
#[derive(Debug, Clone)]
pub struct FormPopup {
    pub kind: FormKind,
    pub focus: usize,
    /// Why the last save was refused, in the user's language.
    pub error: Option<String>,
    pub mode: Mode,
}

impl FormPopup {
    pub fn new(kind: FormKind) -> Self {
        FormPopup {
            kind,
            focus: 0,
            error: None,
            mode: Mode::Editing,
        }
    }

    /// The form as a popup.
    pub fn popup(kind: FormKind) -> Popup {
        Popup::Form(Box::new(FormPopup::new(kind)))
    }

    pub fn actions(&self) -> Vec<Action> {
        match self.mode {
            Mode::Editing => ACTIONS.to_vec(),
            Mode::ConfirmDiscard => vec![Action::Yes, Action::No],
        }
    }

    /// Characters typed that closing would throw away.
    fn typed(&self) -> usize {
        let spec = self.kind.spec();
        if spec.writes_through() {
            return 0;
        }
        spec.fields().iter().map(|(_, f)| f.typed()).sum()
    }

    /// The value of field `i` as drafted (for tests and the draft).
    pub fn value(&self, i: usize) -> String {
        self.kind
            .spec()
            .fields()
            .get(i)
            .map(|(_, f)| f.draft())
            .unwrap_or_default()
    }

    pub fn on_key(&mut self, app: &mut App, key: &KeyEvent) -> Reply {
        if self.mode == Mode::ConfirmDiscard {
            return match app.keys.action_for(key, &[Action::Yes, Action::No]) {
                Some(Action::Yes) => Reply::close_with(clear_draft(app)),
                Some(_) => {
                    self.mode = Mode::Editing;
                    Reply::keep()
                }
                None => Reply::keep(),
            };
        }
        let count = self.kind.spec().fields().len();
        match app.keys.action_for(key, &ACTIONS) {
            Some(Action::Save) => return self.submit(app),
            Some(Action::Back) => {
                if self.typed() > 0 {
                    self.mode = Mode::ConfirmDiscard;
                    return Reply::keep();
                }
                let mut fx = clear_draft(app);
                if self.kind.spec().writes_through() {
                    fx.extend(app.flush_unsaved());
                }
                return Reply::close_with(fx);
            }
            Some(Action::NextField) => {
                self.focus = if self.focus + 1 >= count {
                    0
                } else {
                    self.focus + 1
                };
                return Reply::keep();
            }
            Some(Action::PrevField) => {
                self.focus = if self.focus == 0 {
                    count.saturating_sub(1)
                } else {
                    self.focus - 1
                };
                return Reply::keep();
            }
            _ => {}
        }
        let focus = self.focus.min(count.saturating_sub(1));
        let reply = {
            let mut fields = self.kind.spec_mut().fields_mut();
            match fields.get_mut(focus) {
                Some((_, f)) => f.on_key(key),
                None => FieldReply::Unchanged,
            }
        };
        match reply {
            FieldReply::Enter if focus + 1 >= self.kind.spec().fields().len() => self.submit(app),
            FieldReply::Enter => {
                self.focus = focus + 1;
                Reply::keep()
            }
            FieldReply::Changed => {
                self.changed(app);
                Reply::keep()
            }
            FieldReply::Unchanged => Reply::keep(),
        }
    }

    /// A field changed: write through, or keep the draft in the meeting (saved on a pause).
    fn changed(&mut self, app: &mut App) {
        // A choice can show or hide fields: keep the focus on a field that exists.
        let count = self.kind.spec().fields().len();
        self.focus = self.focus.min(count.saturating_sub(1));
        let spec = self.kind.spec();
        let wrote = if spec.writes_through() {
            spec.write_through(app)
        } else if let Some(draft) = self.kind.draft() {
            match app.current_meeting_mut() {
                Some(m) => {
                    m.progress.draft = Some(draft);
                    true
                }
                None => false,
            }
        } else {
            false
        };
        if wrote {
            app.mark_unsaved();
        }
    }

    fn submit(&mut self, app: &mut App) -> Reply {
        match self.kind.spec().apply(app) {
            Ok(mut fx) => {
                let cleared = clear_draft(app);
                if fx.is_empty() {
                    fx = cleared;
                }
                Reply::close_with(fx)
            }
            Err(e) => {
                self.error = Some(e.message(app.lang));
                Reply::keep()
            }
        }
    }

    pub fn draw(&self, frame: &mut Frame, app: &App, body: Rect) {
        let s = &app.styles;
        let spec = self.kind.spec();
        let fields = spec.fields();
        let heights: Vec<u16> = fields.iter().map(|(_, f)| f.height()).collect();
        let (shown, heights) = visible_fields(&heights, self.focus, body.height.saturating_sub(3));
        let total: u16 = heights.iter().sum::<u16>() + 3;
        let area = centered(body, 90, total.min(body.height));
        frame.render_widget(Clear, area);
        let outer = block(app, spec.title().to_string(), true);
        let inner = outer.inner(area);
        frame.render_widget(outer, area);
        let mut constraints: Vec<Constraint> =
            heights.iter().map(|h| Constraint::Length(*h)).collect();
        constraints.push(Constraint::Length(1));
        let areas = Layout::vertical(constraints).split(inner);
        for (k, i) in shown.clone().enumerate() {
            if let Some((_, field)) = fields.get(i) {
                field.draw(frame, areas[k], i == self.focus, app);
            }
        }
        if let Some(last) = areas.last() {
            let line = match &self.error {
                Some(e) => Line::styled(format!("⚠ {e}"), s.warning),
                None => {
                    let mut v = vec![Span::raw("")];
                    v.extend(hints(app, &ACTIONS[..3]));
                    v.push(Span::raw("   "));
                    v.extend(hints(app, &ACTIONS[3..]));
                    Line::from(v)
                }
            };
            frame.render_widget(Paragraph::new(line), *last);
        }
        if self.mode == Mode::ConfirmDiscard {
            let detail = discard_detail(self.typed(), app.lang);
            draw_question(
                frame,
                app,
                T::ConfirmDiscard.text(app.lang),
                Some(&detail),
                body,
            );
        }
    }
}

/// Which fields a form of these `heights` shows in `room` lines, and how tall: all of them
/// when they fit; else every field at one line of text, the focused one with what room is left
/// (up to its own height), and when even that does not fit the fields around the focused one —
/// so no field is ever squeezed to nothing.
fn visible_fields(heights: &[u16], focus: usize, room: u16) -> (std::ops::Range<usize>, Vec<u16>) {
    let n = heights.len();
    if heights.iter().sum::<u16>() <= room || n == 0 {
        return (0..n, heights.to_vec());
    }
    let focus = focus.min(n - 1);
    let mut compact: Vec<u16> = heights.iter().map(|h| (*h).min(3)).collect();
    // The focused field gets what the others leave, up to its own height.
    let others: u16 = compact.iter().sum::<u16>() - compact[focus];
    compact[focus] = heights[focus]
        .min(room.saturating_sub(others))
        .max(compact[focus]);
    let (mut lo, mut hi) = (focus, focus + 1);
    let mut used = compact[focus];
    loop {
        let mut grew = false;
        if hi < n && used + compact[hi] <= room {
            used += compact[hi];
            hi += 1;
            grew = true;
        }
        if lo > 0 && used + compact[lo - 1] <= room {
            lo -= 1;
            used += compact[lo];
            grew = true;
        }
        if !grew {
            break;
        }
    }
    (lo..hi, compact[lo..hi].to_vec())
}

/// Drops the draft of the form being closed; saves when there was one.
fn clear_draft(app: &mut App) -> Vec<Effect> {
    let had = app
        .current_meeting()
        .is_some_and(|m| m.progress.draft.is_some());
    if !had {
        return vec![];
    }
    if let Some(m) = app.current_meeting_mut() {
        m.progress.draft = None;
    }
    app.unsaved = None;
    app.meeting.map(Effect::SaveMeeting).into_iter().collect()
}

/// Opens the form whose draft the running meeting kept (after a crash, Ctrl-C or a closed
/// window); a draft that no longer fits is dropped.
pub fn restore_draft(app: &mut App) {
    if !app.meeting_running() {
        return;
    }
    let Some(draft) = app.current_meeting().and_then(|m| m.progress.draft.clone()) else {
        return;
    };
    match FormKind::from_draft(app, &draft) {
        Some(kind) => app.open(FormPopup::popup(kind)),
        None => {
            if let Some(m) = app.current_meeting_mut() {
                m.progress.draft = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::visible_fields;

    #[test]
    fn a_long_form_shows_the_fields_around_the_focus_none_squeezed() {
        // Eleven fields of 3 or 6 lines in 24 lines: the focused one whole, the others one
        // line of text each, as many as fit around it.
        let heights = [3, 3, 6, 3, 3, 6, 3, 3, 3, 6, 6];
        let (shown, h) = visible_fields(&heights, 5, 24);
        assert!(shown.contains(&5));
        assert!(h.iter().all(|x| *x >= 3), "{h:?}");
        assert!(h.iter().sum::<u16>() <= 24);
        assert_eq!(shown.len(), 8, "{shown:?}");
        // Room for all at one line each: all shown, the focused one taller with what is left.
        let (shown, h) = visible_fields(&[3, 6, 3, 6], 1, 14);
        assert_eq!((shown, h), (0..4, vec![3, 5, 3, 3]));
        // Everything fits: all of them, as they are.
        let (shown, h) = visible_fields(&[3, 6, 3], 0, 24);
        assert_eq!((shown, h), (0..3, vec![3, 6, 3]));
    }
}
