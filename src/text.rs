//! Text that goes to a terminal: control characters shown escaped, never sent raw.
//!
//! A file name or a field value can hold an escape sequence (ESC[2J clears the screen, an
//! OSC sequence retitles the window, a carriage return overwrites a line, a bidi override
//! reverses what follows). Everything the command line prints that comes from data files
//! goes through [`escape_controls`]; the interface uses it for the same reason.

use std::borrow::Cow;

/// Is this a character that must not reach a terminal as it is? C0 controls (except line
/// feed and tab), DEL, C1 controls, and the bidi embedding, override and isolate marks.
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

/// `text` with every unsafe character written as `\x1B` (below U+0100) or `\u{202E}`;
/// line feeds and tabs stay. Borrowed when nothing needed escaping.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            let n = u32::from(c);
            if n < 0x100 {
                out.push_str(&format!("\\x{n:02X}"));
            } else {
                out.push_str(&format!("\\u{{{n:04X}}}"));
            }
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Like [`escape_controls`], but a line feed is escaped too: for one line of a list or a
/// table, where a value must not start a new line.
pub fn escape_line(text: &str) -> Cow<'_, str> {
    if !text.contains('\n') {
        return escape_controls(text);
    }
    Cow::Owned(escape_controls(text).replace('\n', "\\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_bidi_marks_are_shown_not_sent() {
        assert_eq!(escape_controls("Fam. Ö\tok\n"), "Fam. Ö\tok\n");
        assert!(matches!(escape_controls("gewoon"), Cow::Borrowed(_)));
        assert_eq!(escape_controls("a\u{1b}[2Jb"), "a\\x1B[2Jb");
        assert_eq!(escape_controls("\u{1b}]0;titel\u{7}"), "\\x1B]0;titel\\x07");
        assert_eq!(escape_controls("x\ry\u{7f}\u{9b}"), "x\\x0Dy\\x7F\\x9B");
        assert_eq!(escape_controls("a\u{202e}b"), "a\\u{202E}b");
        assert_eq!(escape_line("een\ntwee\u{1b}"), "een\\ntwee\\x1B");
    }
}
