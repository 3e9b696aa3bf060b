//! Small drawing helpers every screen and popup shares: a titled block, a centred area, key
//! hints from the live key map, dates and clocks, wrapping, and cutting with an ellipsis.

use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, BorderType, Borders};

use super::app::App;
use super::keymap::Action;

/// A bordered block with a title.
pub fn block<'a>(app: &App, title: impl Into<String>, focused: bool) -> Block<'a> {
    let s = &app.styles;
    Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(if focused { s.border_focused } else { s.border })
        .title(Span::styled(format!(" {} ", title.into()), s.title))
}

/// "17-03-2026".
pub fn fmt_date(d: chrono::NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// "12:03" from seconds (with a minus sign when negative).
pub fn fmt_clock(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.abs();
    format!("{sign}{}:{:02}", s / 60, s % 60)
}

/// A centred rectangle of at most `w`×`h` inside `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// A key hint: the first key of the action and its label.
pub fn hint<'a>(app: &App, action: Action) -> Vec<Span<'a>> {
    vec![
        Span::styled(app.keys.first_key(action, app.lang), app.styles.key),
        Span::styled(format!(" {}", action.label(app.lang)), app.styles.muted),
    ]
}

/// Hints for several actions, separated by spaces.
pub fn hints<'a>(app: &App, actions: &[Action]) -> Vec<Span<'a>> {
    let mut v = Vec::new();
    for (i, a) in actions.iter().enumerate() {
        if i > 0 {
            v.push(Span::raw("   "));
        }
        v.extend(hint(app, *a));
    }
    v
}

/// `text` cut to `width` characters, with "…" as its last one when something was cut.
pub fn ellipsize(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out: String = text.chars().take(width - 1).collect();
    out.push('…');
    out
}

/// Spans cut to `width` characters in all, the last one ending in "…" when something was
/// cut (highlighting kept up to the cut).
pub fn fit_spans(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let total: usize = spans.iter().map(|s| s.content.chars().count()).sum();
    if total <= width {
        return spans;
    }
    let mut out = Vec::new();
    let mut left = width.saturating_sub(1);
    for s in spans {
        if left == 0 {
            break;
        }
        let n = s.content.chars().count();
        if n <= left {
            left -= n;
            out.push(s);
        } else {
            let cut: String = s.content.chars().take(left).collect();
            out.push(Span::styled(cut, s.style));
            left = 0;
        }
    }
    let style = out.last().map(|s| s.style).unwrap_or_default();
    out.push(Span::styled("…", style));
    out
}

/// Words of `text` in lines of at most `width` characters, each line after `indent`; a word
/// longer than a line is cut with "…". Paragraphs (lines of `text`) stay apart.
pub fn wrap(text: &str, width: usize, indent: &str) -> Vec<String> {
    let w = width.saturating_sub(indent.chars().count()).max(10);
    let mut out = Vec::new();
    for para in text.lines() {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let word = ellipsize(word, w);
            if !line.is_empty() && line.chars().count() + word.chars().count() + 1 > w {
                out.push(format!("{indent}{line}"));
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word);
        }
        out.push(format!("{indent}{line}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_text_ends_in_an_ellipsis() {
        assert_eq!(ellipsize("Özdemir", 10), "Özdemir");
        assert_eq!(ellipsize("Fam. Özdemir-Yılmaz", 8), "Fam. Öz…");
        assert_eq!(ellipsize("abc", 0), "");
        assert!(
            wrap("een heel-lang-woord-zonder-spaties-erin", 14, "")
                .iter()
                .all(|l| l.chars().count() <= 14)
        );
    }
}
