//! The key map: a semantic [`Action`] per thing a user can do, and the keys bound to it. The
//! defaults come from `keymap/default.ron` (embedded); a user file
//! `<config dir>/overleg/keys.ron` overrides single entries. Footer hints and the help screen
//! are generated from this map, so they always show the keys that work.

use std::collections::BTreeMap;
use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

use crate::i18n::Lang;
use crate::i18n::tui::T;
use crate::i18n::tui::actions::Act;

/// Everything a key can do. Which actions apply depends on the screen (see `update`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
pub enum Action {
    Quit,
    ForceQuit,
    Help,
    Up,
    Down,
    Select,
    Back,
    NextField,
    PrevField,
    Save,
    Prepare,
    AddSignalled,
    Reopen,
    SwitchTeam,
    AddCase,
    AddItem,
    MoveUp,
    MoveDown,
    LongerTime,
    ShorterTime,
    Remove,
    OpenMeeting,
    NextItem,
    PrevItem,
    CyclePresence,
    AddGuest,
    ReviewDone,
    ReviewPostpone,
    ReviewDrop,
    ReviewUndo,
    CheckYes,
    CheckNo,
    CheckNotApplicable,
    CheckSkip,
    ToClose,
    Search,
    Caseload,
    /// Caseload screen: next order of the members (naam, belasting, achterstand).
    CaseloadSort,
    /// Caseload screen: show only members with the next role (then all again).
    CaseloadRole,
    /// Caseload screen: show only members above the norm, or everyone.
    CaseloadAboveNorm,
    /// Change the date of the next meeting (close screen).
    NextMeetingDate,
    Minutes,
    /// Yes in a yes/no question (never a navigation key).
    Yes,
    /// No in a yes/no question.
    No,
    /// Meeting screen: the case card of the case being discussed.
    OpenCaseCard,
    /// Regie check: skip the whole check, with a reason.
    SkipWholeCheck,
    /// Start screen: move a planned meeting whose date has passed.
    MoveMeeting,
    /// Start screen: cancel a planned meeting whose date has passed, with a reason.
    CancelMeeting,
    /// Give the terminal back to the shell (Unix; `fg` resumes).
    Suspend,
    /// A new household on the verdeellijst.
    NewAanmelding,
    /// Start screen: the team itself (members, leave, norm).
    TeamScreen,
    /// Agenda: an item that redistributes the work of members who leave.
    AddHerverdeling,
    /// Herverdeling: accept every proposal still open.
    AcceptAll,
    /// Herverdeling: give the line to someone else than proposed.
    ChangeOwner,
    /// Verdeling: the household waits, with a reason.
    Park,
    /// Case card and case item: status, closing, safety, coach, dates.
    EditCase,
    /// Action review: a new owner.
    ReviewReassign,
    /// Action review: a note, and a new due date if agreed.
    ReviewNote,
    /// Team screen: a new member.
    AddMember,
    /// Team screen: a period of leave.
    Leave,
    /// Team screen: the caseload norm.
    EditNorm,
    /// Team screen: the meeting rhythm (day, time, length, interval, place).
    EditRhythm,
}

impl Action {
    /// The label of the action in the footer and the help screen.
    pub fn text(self) -> Act {
        match self {
            Action::Quit => Act::Quit,
            Action::ForceQuit => Act::ForceQuit,
            Action::Help => Act::Help,
            Action::Up => Act::Up,
            Action::Down => Act::Down,
            Action::Select => Act::Select,
            Action::Back => Act::Back,
            Action::NextField => Act::NextField,
            Action::PrevField => Act::PrevField,
            Action::Save => Act::Save,
            Action::Prepare => Act::Prepare,
            Action::AddSignalled => Act::AddSignalled,
            Action::Reopen => Act::Reopen,
            Action::SwitchTeam => Act::SwitchTeam,
            Action::AddCase => Act::AddCase,
            Action::AddItem => Act::AddItem,
            Action::MoveUp => Act::MoveUp,
            Action::MoveDown => Act::MoveDown,
            Action::LongerTime => Act::LongerTime,
            Action::ShorterTime => Act::ShorterTime,
            Action::Remove => Act::Remove,
            Action::OpenMeeting => Act::OpenMeeting,
            Action::NextItem => Act::NextItem,
            Action::PrevItem => Act::PrevItem,
            Action::CyclePresence => Act::CyclePresence,
            Action::AddGuest => Act::AddGuest,
            Action::ReviewDone => Act::ReviewDone,
            Action::ReviewPostpone => Act::ReviewPostpone,
            Action::ReviewDrop => Act::ReviewDrop,
            Action::ReviewUndo => Act::ReviewUndo,
            Action::CheckYes => Act::CheckYes,
            Action::CheckNo => Act::CheckNo,
            Action::CheckNotApplicable => Act::CheckNotApplicable,
            Action::CheckSkip => Act::CheckSkip,
            Action::ToClose => Act::ToClose,
            Action::Search => Act::Search,
            Action::Caseload => Act::Caseload,
            Action::CaseloadSort => Act::CaseloadSort,
            Action::CaseloadRole => Act::CaseloadRole,
            Action::CaseloadAboveNorm => Act::CaseloadAboveNorm,
            Action::NextMeetingDate => Act::NextMeetingDate,
            Action::Minutes => Act::Minutes,
            Action::Yes => Act::Yes,
            Action::No => Act::No,
            Action::OpenCaseCard => Act::OpenCaseCard,
            Action::SkipWholeCheck => Act::SkipWholeCheck,
            Action::MoveMeeting => Act::MoveMeeting,
            Action::CancelMeeting => Act::CancelMeeting,
            Action::Suspend => Act::Suspend,
            Action::NewAanmelding => Act::NewAanmelding,
            Action::TeamScreen => Act::TeamScreen,
            Action::AddHerverdeling => Act::AddHerverdeling,
            Action::AcceptAll => Act::AcceptAll,
            Action::ChangeOwner => Act::ChangeOwner,
            Action::Park => Act::Park,
            Action::EditCase => Act::EditCase,
            Action::ReviewReassign => Act::ReviewReassign,
            Action::ReviewNote => Act::ReviewNote,
            Action::AddMember => Act::AddMember,
            Action::Leave => Act::Leave,
            Action::EditNorm => Act::EditNorm,
            Action::EditRhythm => Act::EditRhythm,
        }
    }

    /// The label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        self.text().text(lang)
    }
}

/// One key with modifiers, as written in the key map ("ctrl-s", "K", "enter").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyBinding {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

/// A key string that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyMapError {
    #[error("unknown key {0:?}")]
    UnknownKey(String),
    #[error("key map file: {0}")]
    Parse(String),
}

impl KeyBinding {
    /// Parses "ctrl-s", "shift-up", "K", "-", "f5", …
    pub fn parse(text: &str) -> Result<Self, KeyMapError> {
        let mut rest = text;
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-").filter(|r| !r.is_empty()) {
                ctrl = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-").filter(|r| !r.is_empty()) {
                alt = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("shift-").filter(|r| !r.is_empty()) {
                shift = true;
                rest = r;
            } else {
                break;
            }
        }
        let code = match rest.to_lowercase().as_str() {
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "space" => KeyCode::Char(' '),
            "delete" => KeyCode::Delete,
            "backspace" => KeyCode::Backspace,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            f if f.len() > 1 && f.starts_with('f') => f[1..]
                .parse::<u8>()
                .map(KeyCode::F)
                .map_err(|_| KeyMapError::UnknownKey(text.into()))?,
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => KeyCode::Char(c),
                    _ => return Err(KeyMapError::UnknownKey(text.into())),
                }
            }
        };
        Ok(KeyBinding {
            code,
            ctrl,
            alt,
            shift,
        })
    }

    /// Does a key press match this binding? For characters, shift is part of the character.
    pub fn matches(&self, key: &KeyEvent) -> bool {
        let m = key.modifiers;
        if m.contains(KeyModifiers::CONTROL) != self.ctrl
            || m.contains(KeyModifiers::ALT) != self.alt
        {
            return false;
        }
        match (self.code, key.code) {
            (KeyCode::Char(a), KeyCode::Char(b)) => {
                if self.ctrl {
                    a.eq_ignore_ascii_case(&b)
                } else {
                    a == b
                }
            }
            (KeyCode::BackTab, KeyCode::BackTab) => true,
            (a, b) => a == b && m.contains(KeyModifiers::SHIFT) == self.shift,
        }
    }

    /// How the key is shown in hints: "Ctrl-S", "Enter", "K" ("Spatie" in Dutch).
    pub fn display(&self, lang: Lang) -> String {
        let mut s = String::new();
        if self.ctrl {
            s.push_str("Ctrl-");
        }
        if self.alt {
            s.push_str("Alt-");
        }
        if self.shift {
            s.push_str("Shift-");
        }
        match self.code {
            KeyCode::Char(' ') => s.push_str(T::KeySpace.text(lang)),
            KeyCode::Char(c) if self.ctrl => s.push(c.to_ascii_uppercase()),
            KeyCode::Char(c) => s.push(c),
            KeyCode::Enter => s.push_str("Enter"),
            KeyCode::Esc => s.push_str("Esc"),
            KeyCode::Tab => s.push_str("Tab"),
            KeyCode::BackTab => s.push_str("Shift-Tab"),
            KeyCode::Up => s.push('↑'),
            KeyCode::Down => s.push('↓'),
            KeyCode::Left => s.push('←'),
            KeyCode::Right => s.push('→'),
            KeyCode::Delete => s.push_str("Del"),
            KeyCode::Backspace => s.push_str("Backspace"),
            KeyCode::PageUp => s.push_str("PgUp"),
            KeyCode::PageDown => s.push_str("PgDn"),
            KeyCode::Home => s.push_str("Home"),
            KeyCode::End => s.push_str("End"),
            KeyCode::F(n) => s.push_str(&format!("F{n}")),
            other => s.push_str(&format!("{other:?}")),
        }
        s
    }
}

/// The keys of every action.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyMap {
    bindings: BTreeMap<Action, Vec<KeyBinding>>,
}

const DEFAULT: &str = include_str!("keymap/default.ron");

fn parse_map(text: &str) -> Result<BTreeMap<Action, Vec<KeyBinding>>, KeyMapError> {
    let raw: BTreeMap<Action, Vec<String>> =
        ron::from_str(text).map_err(|e| KeyMapError::Parse(e.to_string()))?;
    raw.into_iter()
        .map(|(a, keys)| {
            let keys = keys
                .iter()
                .map(|k| KeyBinding::parse(k))
                .collect::<Result<Vec<_>, _>>()?;
            Ok((a, keys))
        })
        .collect()
}

impl Default for KeyMap {
    fn default() -> Self {
        // The embedded map is checked by a test; an empty map is the safe fallback.
        KeyMap {
            bindings: parse_map(DEFAULT).unwrap_or_default(),
        }
    }
}

impl KeyMap {
    /// The defaults with the entries of `user` (RON text) laid over them.
    pub fn with_overrides(user: &str) -> Result<Self, KeyMapError> {
        let mut map = KeyMap::default();
        for (action, keys) in parse_map(user)? {
            map.bindings.insert(action, keys);
        }
        Ok(map)
    }

    /// The defaults, with the user's file if it exists. A broken user file is reported (its
    /// path and what is wrong) and the defaults are used.
    pub fn load(user_file: Option<&Path>) -> (Self, Option<(String, String)>) {
        let Some(path) = user_file.filter(|p| p.exists()) else {
            return (KeyMap::default(), None);
        };
        match std::fs::read_to_string(path)
            .map_err(|e| KeyMapError::Parse(e.to_string()))
            .and_then(|t| KeyMap::with_overrides(&t))
        {
            Ok(map) => (map, None),
            Err(e) => (
                KeyMap::default(),
                Some((path.display().to_string(), e.to_string())),
            ),
        }
    }

    /// The user's key map file: `keys.ron` in the platform's config folder for overleg
    /// (`~/.config/overleg` on Linux, `~/Library/Application Support/overleg` on macOS,
    /// `%APPDATA%\overleg` on Windows).
    pub fn user_file() -> Option<std::path::PathBuf> {
        crate::platform::paths::keys_file()
    }

    /// The first of `candidates` bound to `key`.
    pub fn action_for(&self, key: &KeyEvent, candidates: &[Action]) -> Option<Action> {
        candidates.iter().copied().find(|a| {
            self.bindings
                .get(a)
                .is_some_and(|keys| keys.iter().any(|k| k.matches(key)))
        })
    }

    /// Is `key` bound to `action`?
    pub fn is(&self, key: &KeyEvent, action: Action) -> bool {
        self.action_for(key, &[action]).is_some()
    }

    /// The keys of an action as shown to the user, e.g. "↑/k".
    pub fn keys_label(&self, action: Action, lang: Lang) -> String {
        self.bindings
            .get(&action)
            .map(|keys| {
                keys.iter()
                    .map(|k| k.display(lang))
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .unwrap_or_default()
    }

    /// The first key of an action, for short hints.
    pub fn first_key(&self, action: Action, lang: Lang) -> String {
        self.bindings
            .get(&action)
            .and_then(|k| k.first())
            .map(|k| k.display(lang))
            .unwrap_or_else(|| "—".into())
    }

    /// The bindings of an action.
    pub fn bindings(&self, action: Action) -> &[KeyBinding] {
        self.bindings.get(&action).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventKind;

    fn key(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: m,
            kind: KeyEventKind::Press,
            state: crossterm::event::KeyEventState::NONE,
        }
    }

    #[test]
    fn the_embedded_map_parses_and_binds_every_action() {
        let map = parse_map(DEFAULT).expect("default key map");
        assert!(map.len() >= 35, "every action has a default");
        let km = KeyMap::default();
        assert!(km.is(
            &key(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Action::ForceQuit
        ));
        assert!(km.is(
            &key(KeyCode::Char('K'), KeyModifiers::SHIFT),
            Action::MoveUp
        ));
        assert!(km.is(&key(KeyCode::Up, KeyModifiers::SHIFT), Action::MoveUp));
        assert!(!km.is(&key(KeyCode::Up, KeyModifiers::NONE), Action::MoveUp));
        assert!(km.is(&key(KeyCode::Char('?'), KeyModifiers::SHIFT), Action::Help));
    }

    #[test]
    fn a_user_file_overrides_single_entries() {
        let km = KeyMap::with_overrides(r#"{ Quit: ["ctrl-q"] }"#).expect("override");
        assert!(!km.is(&key(KeyCode::Char('q'), KeyModifiers::NONE), Action::Quit));
        assert!(km.is(
            &key(KeyCode::Char('q'), KeyModifiers::CONTROL),
            Action::Quit
        ));
        assert!(km.is(&key(KeyCode::Char('?'), KeyModifiers::NONE), Action::Help));
        assert_eq!(km.keys_label(Action::Quit, Lang::Nl), "Ctrl-Q");
        assert!(KeyMap::with_overrides(r#"{ Quit: ["hyper-q"] }"#).is_err());
        assert!(KeyMap::with_overrides(r#"{ Fly: ["q"] }"#).is_err());
    }
}
