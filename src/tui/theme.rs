//! Themes from `themes/*.ron`: colours named by meaning, expanded once into the styles the
//! draw code uses. Draw code never names a colour; it asks for `styles.warning` and the like.

use std::path::Path;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

/// A theme file. Missing entries take the default's value; unknown entries are an error.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Theme {
    pub text: String,
    pub muted: String,
    pub background: String,
    pub primary: String,
    pub accent: String,
    pub ok: String,
    pub warning: String,
    pub danger: String,
    pub border: String,
    pub border_focused: String,
    pub selection_fg: String,
    pub selection_bg: String,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            text: "reset".into(),
            muted: "darkgray".into(),
            background: "reset".into(),
            primary: "cyan".into(),
            accent: "yellow".into(),
            ok: "green".into(),
            warning: "yellow".into(),
            danger: "lightred".into(),
            border: "darkgray".into(),
            border_focused: "cyan".into(),
            selection_fg: "black".into(),
            selection_bg: "cyan".into(),
        }
    }
}

/// The themes shipped in `themes/`, embedded so the binary works from any folder.
pub const BUILTIN: [(&str, &str); 3] = [
    ("default", include_str!("../../themes/default.ron")),
    ("licht", include_str!("../../themes/licht.ron")),
    (
        "hoog-contrast",
        include_str!("../../themes/hoog-contrast.ron"),
    ),
];

/// A theme that could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ThemeError {
    #[error("unknown theme {0:?} (known: default, licht, hoog-contrast)")]
    Unknown(String),
    #[error("theme file: {0}")]
    Parse(String),
    #[error("theme colour {0:?} is not a colour")]
    Colour(String),
}

impl Theme {
    /// Parses a theme file's text.
    pub fn from_ron(text: &str) -> Result<Self, ThemeError> {
        ron::from_str(text).map_err(|e| ThemeError::Parse(e.to_string()))
    }

    /// A built-in theme by name, or a theme file at that path.
    pub fn named(name: &str) -> Result<Self, ThemeError> {
        if let Some((_, text)) = BUILTIN.iter().find(|(n, _)| *n == name) {
            return Theme::from_ron(text);
        }
        let path = Path::new(name);
        if path.extension().is_some_and(|e| e == "ron") && path.exists() {
            let text =
                std::fs::read_to_string(path).map_err(|e| ThemeError::Parse(e.to_string()))?;
            return Theme::from_ron(&text);
        }
        Err(ThemeError::Unknown(name.into()))
    }

    /// Expands the theme into styles.
    pub fn styles(&self) -> Result<Styles, ThemeError> {
        let c = |s: &str| Color::from_str(s).map_err(|_| ThemeError::Colour(s.into()));
        let base = Style::new().fg(c(&self.text)?).bg(c(&self.background)?);
        Ok(Styles {
            base,
            muted: base.fg(c(&self.muted)?),
            title: base.fg(c(&self.primary)?).add_modifier(Modifier::BOLD),
            heading: base.fg(c(&self.accent)?).add_modifier(Modifier::BOLD),
            ok: base.fg(c(&self.ok)?),
            warning: base.fg(c(&self.warning)?).add_modifier(Modifier::BOLD),
            danger: base
                .fg(c(&self.danger)?)
                .add_modifier(Modifier::BOLD | Modifier::REVERSED),
            border: base.fg(c(&self.border)?),
            border_focused: base.fg(c(&self.border_focused)?),
            selected: Style::new()
                .fg(c(&self.selection_fg)?)
                .bg(c(&self.selection_bg)?)
                .add_modifier(Modifier::BOLD),
            key: base.fg(c(&self.accent)?).add_modifier(Modifier::BOLD),
        })
    }
}

/// Styles by meaning, ready for drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Styles {
    pub base: Style,
    pub muted: Style,
    pub title: Style,
    pub heading: Style,
    pub ok: Style,
    pub warning: Style,
    /// Over time, errors: also reversed, and always drawn together with a symbol or word.
    pub danger: Style,
    pub border: Style,
    pub border_focused: Style,
    pub selected: Style,
    pub key: Style,
}

impl Default for Styles {
    fn default() -> Self {
        // The default theme is checked by a test; plain styles are the safe fallback.
        Theme::default().styles().unwrap_or(Styles {
            base: Style::new(),
            muted: Style::new(),
            title: Style::new(),
            heading: Style::new(),
            ok: Style::new(),
            warning: Style::new(),
            danger: Style::new(),
            border: Style::new(),
            border_focused: Style::new(),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            key: Style::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_theme_loads_and_expands() {
        for (name, _) in BUILTIN {
            let theme = Theme::named(name).expect(name);
            theme.styles().expect(name);
        }
        for entry in std::fs::read_dir("themes")
            .expect("themes folder")
            .flatten()
        {
            let text = std::fs::read_to_string(entry.path()).expect("read");
            Theme::from_ron(&text)
                .and_then(|t| t.styles())
                .expect("shipped theme");
        }
    }

    #[test]
    fn unknown_entries_and_bad_colours_are_refused() {
        assert!(Theme::from_ron("(txt: \"red\")").is_err());
        let partial = Theme::from_ron("(danger: \"#ff0000\")").expect("partial theme");
        assert_eq!(partial.primary, Theme::default().primary);
        let bad = Theme::from_ron("(danger: \"rood\")").expect("parses");
        assert!(bad.styles().is_err());
        assert!(Theme::named("nope").is_err());
    }
}
