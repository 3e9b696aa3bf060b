//! Finds where a value sits in RON source text, so that a problem found in the parsed data
//! (an unknown member id, a date in the wrong order) can be reported at its line and column.
//!
//! A small lexer splits the text into tokens; every string remembers the field it belongs to
//! (the last `name:` before it). Positions are only looked up for files that have a problem.

use std::collections::HashMap;

/// Where in a file a problem is, described by content rather than position.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Anchor {
    /// The value of a field of the outermost struct, e.g. `code` in a case file.
    TopField(&'static str),
    /// The `nth` (0-based) string literal equal to `value` that belongs to `field`.
    Str {
        field: &'static str,
        value: String,
        nth: usize,
    },
    /// The value after the `nth` (0-based) occurrence of `field:` anywhere in the file.
    FieldNth { field: &'static str, nth: usize },
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Str(String),
    Punct(char),
    Other,
}

#[derive(Debug)]
struct Token {
    tok: Tok,
    offset: usize,
    depth: usize,
    /// For strings: the field name owning them.
    field: Option<usize>,
}

/// The tokens of one file, ready to answer [`Anchor`] queries.
pub(crate) struct Located<'a> {
    text: &'a str,
    tokens: Vec<Token>,
}

impl<'a> Located<'a> {
    /// Lexes `text`. Never fails: unknown characters become `Other` tokens.
    pub(crate) fn new(text: &'a str) -> Self {
        Located {
            text,
            tokens: lex(text),
        }
    }

    /// 1-based line and column of the anchor; 1:1 when it cannot be found.
    pub(crate) fn position(&self, anchor: &Anchor) -> (usize, usize) {
        self.offset(anchor)
            .map_or((1, 1), |o| line_col(self.text, o))
    }

    fn offset(&self, anchor: &Anchor) -> Option<usize> {
        match anchor {
            Anchor::TopField(name) => self.field_values(name).find(|&(_, d)| d == 1).map(|p| p.0),
            Anchor::FieldNth { field, nth } => self.field_values(field).nth(*nth).map(|p| p.0),
            Anchor::Str { field, value, nth } => {
                let mut hits = self.tokens.iter().filter(|t| {
                    matches!(&t.tok, Tok::Str(s) if s == value)
                        && t.field.is_some_and(|f| self.is_ident(f, field))
                });
                let first = hits.next().map(|t| t.offset);
                let nth_hit = if *nth == 0 {
                    first
                } else {
                    hits.nth(nth - 1).map(|t| t.offset).or(first)
                };
                nth_hit.or_else(|| self.any_string(value))
            }
        }
    }

    fn is_ident(&self, index: usize, name: &str) -> bool {
        matches!(&self.tokens[index].tok, Tok::Ident(s) if s == name)
    }

    fn any_string(&self, value: &str) -> Option<usize> {
        self.tokens
            .iter()
            .find(|t| matches!(&t.tok, Tok::Str(s) if s == value))
            .map(|t| t.offset)
    }

    /// Offsets and depths of the values after each `name:`.
    fn field_values<'s>(&'s self, name: &'s str) -> impl Iterator<Item = (usize, usize)> + 's {
        self.tokens.windows(3).filter_map(move |w| {
            let is_field =
                matches!(&w[0].tok, Tok::Ident(s) if s == name) && w[1].tok == Tok::Punct(':');
            is_field.then_some((w[2].offset, w[0].depth))
        })
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = 1 + before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, 1 + before[line_start..].chars().count())
}

/// Groups lookups of many anchors in one file.
pub(crate) fn resolve_all(text: &str, anchors: &[&Anchor]) -> Vec<(usize, usize)> {
    let located = Located::new(text);
    let mut cache: HashMap<&Anchor, (usize, usize)> = HashMap::new();
    anchors
        .iter()
        .map(|a| *cache.entry(a).or_insert_with(|| located.position(a)))
        .collect()
}

fn lex(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens: Vec<Token> = Vec::new();
    let mut depth = 0usize;
    let mut field: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        match c {
            b' ' | b'\t' | b'\r' | b'\n' => {
                i += 1;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = skip_block_comment(bytes, i);
                continue;
            }
            b'"' => {
                let (value, end) = lex_string(text, i + 1);
                i = end;
                tokens.push(Token {
                    tok: Tok::Str(value),
                    offset: start,
                    depth,
                    field,
                });
                continue;
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#')) => {
                if let Some((value, end)) = lex_raw_string(text, i + 1) {
                    i = end;
                    tokens.push(Token {
                        tok: Tok::Str(value),
                        offset: start,
                        depth,
                        field,
                    });
                    continue;
                }
            }
            _ => {}
        }
        let ch = text[i..].chars().next().unwrap_or(' ');
        let tok = if ch.is_alphabetic() || ch == '_' {
            let end = text[i..]
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .map_or(bytes.len(), |n| i + n);
            let ident = text[i..end].to_string();
            i = end;
            Tok::Ident(ident)
        } else if ch.is_ascii_digit() || ch == '-' || ch == '+' || ch == '.' {
            let end = text[i + 1..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
                .map_or(bytes.len(), |n| i + 1 + n);
            i = end;
            Tok::Other
        } else {
            i += ch.len_utf8();
            match ch {
                '(' | '[' | '{' => {
                    depth += 1;
                    Tok::Punct(ch)
                }
                ')' | ']' | '}' => {
                    depth = depth.saturating_sub(1);
                    Tok::Punct(ch)
                }
                ':' => {
                    if let Some(prev) = tokens.len().checked_sub(1)
                        && matches!(tokens[prev].tok, Tok::Ident(_))
                    {
                        field = Some(prev);
                    }
                    Tok::Punct(ch)
                }
                _ => Tok::Punct(ch),
            }
        };
        let depth_here = match tok {
            Tok::Punct('(' | '[' | '{') => depth - 1,
            _ => depth,
        };
        tokens.push(Token {
            tok,
            offset: start,
            depth: depth_here,
            field,
        });
    }
    tokens
}

fn skip_block_comment(bytes: &[u8], mut i: usize) -> usize {
    let mut level = 0usize;
    while i < bytes.len() {
        if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
            level += 1;
            i += 2;
        } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
            level -= 1;
            i += 2;
            if level == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    bytes.len()
}

/// Decodes a string starting after its opening quote; returns the value and the end offset.
fn lex_string(text: &str, from: usize) -> (String, usize) {
    let mut out = String::new();
    let mut chars = text[from..].char_indices();
    while let Some((n, c)) = chars.next() {
        match c {
            '"' => return (out, from + n + 1),
            '\\' => match chars.next() {
                Some((_, 'n')) => out.push('\n'),
                Some((_, 't')) => out.push('\t'),
                Some((_, 'r')) => out.push('\r'),
                Some((_, '0')) => out.push('\0'),
                Some((_, 'u')) => {
                    let rest = &text[from + n + 2..];
                    if let Some(close) = rest.find('}') {
                        let hex = rest[..close].trim_start_matches('{');
                        if let Some(ch) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
                        {
                            out.push(ch);
                        }
                        for _ in 0..=close {
                            chars.next();
                        }
                    }
                }
                Some((_, other)) => out.push(other),
                None => break,
            },
            _ => out.push(c),
        }
    }
    (out, text.len())
}

/// Decodes `r#"…"#` starting at the first `#` or `"`.
fn lex_raw_string(text: &str, from: usize) -> Option<(String, usize)> {
    let rest = &text[from..];
    let hashes = rest.bytes().take_while(|&b| b == b'#').count();
    let body_start = from + hashes;
    if text.as_bytes().get(body_start) != Some(&b'"') {
        return None;
    }
    let closing = format!("\"{}", "#".repeat(hashes));
    let body = &text[body_start + 1..];
    let end = body.find(&closing)?;
    Some((
        body[..end].to_string(),
        body_start + 1 + end + closing.len(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "(\n    version: 1,\n    coach: \"jan\",\n    regisseur: Lid(\"piet\"),\n    history: [\n        (from: Lid(\"piet\"), to: Lid(\"jan\")),\n    ],\n    // code: \"x\"\n    code: \"2026-0001\",\n)\n";

    #[test]
    fn finds_strings_by_field() {
        let l = Located::new(TEXT);
        let a = |field, value: &str, nth| Anchor::Str {
            field,
            value: value.to_string(),
            nth,
        };
        assert_eq!(l.position(&a("coach", "jan", 0)), (3, 12));
        assert_eq!(l.position(&a("regisseur", "piet", 0)), (4, 20));
        assert_eq!(l.position(&a("from", "piet", 0)), (6, 20));
        assert_eq!(l.position(&a("to", "jan", 0)), (6, 37));
        assert_eq!(l.position(&Anchor::TopField("code")), (9, 11));
        assert_eq!(l.position(&Anchor::TopField("from")), (1, 1));
        assert_eq!(
            l.position(&Anchor::FieldNth {
                field: "to",
                nth: 0
            }),
            (6, 33)
        );
    }

    #[test]
    fn decodes_escapes_and_raw_strings() {
        let l = Located::new("(a: \"x\\\"y\", b: r#\"z\"q\"#, c: \"\\u{e9}\")");
        let s = |field, value: &str| Anchor::Str {
            field,
            value: value.to_string(),
            nth: 0,
        };
        assert_eq!(l.position(&s("a", "x\"y")), (1, 5));
        assert_eq!(l.position(&s("b", "z\"q")), (1, 16));
        assert_eq!(l.position(&s("c", "é")), (1, 29));
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_col("é\nŞahin \"x\"", 10), (2, 7));
    }
}
