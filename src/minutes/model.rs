//! The intermediate document: one format-neutral description of a minutes document (or a
//! case excerpt) that the Markdown, Word and HTML writers render. Building it once keeps the
//! three formats identical in content, and gives the privacy scan one thing to read.

/// A whole document: a title block and sections in reading order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// Main title, e.g. "Notulen casuïstiekoverleg".
    pub title: String,
    /// Second line, e.g. the team and date.
    pub subtitle: String,
    /// Status line shown prominently on the first page ("Status: concept").
    pub status: String,
    /// Key facts on the first page: team, date, time, place, chair, minute taker, version.
    pub meta: Vec<(String, String)>,
    /// One line under the facts, e.g. the privacy note of the profile.
    pub note: String,
    pub sections: Vec<Section>,
    /// Document properties and the running header and footer (Word).
    pub info: DocInfo,
}

/// What a document says about itself: its properties (Word's File → Info) and the lines of
/// its running header and footer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocInfo {
    /// The author: the notulist's name.
    pub author: String,
    /// The meeting date.
    pub created: Option<chrono::NaiveDate>,
    /// Language tag, e.g. `nl-NL`.
    pub language: String,
    /// Header line: gemeente and team.
    pub header: String,
    /// Marking in the header, e.g. "Vertrouwelijk" (empty: none).
    pub marking: String,
    /// "pagina" and "van" of "pagina X van Y".
    pub page: String,
    pub page_of: String,
}

/// A heading with its content. Level 2 is a main section, level 3 a subsection (a case).
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub level: u8,
    pub heading: String,
    pub blocks: Vec<Block>,
}

impl Section {
    /// A new section without content.
    pub fn new(level: u8, heading: impl Into<String>) -> Self {
        Section {
            level,
            heading: heading.into(),
            blocks: Vec::new(),
        }
    }
}

/// A piece of content.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A plain paragraph.
    Paragraph(String),
    /// A labelled value: "**Vraag aan het team:** …".
    Field { label: String, value: String },
    /// A bulleted list, optionally with a lead-in label.
    List { label: String, items: Vec<String> },
    /// A table with a header row.
    Table {
        headers: Vec<String>,
        rows: Vec<Vec<String>>,
    },
}

impl Document {
    /// Every piece of text with the heading of the section it sits in, in reading order.
    /// The privacy scan reads this, so anything rendered must be reachable from here.
    pub fn texts(&self) -> Vec<(&str, &str)> {
        let mut out: Vec<(&str, &str)> = vec![
            ("", self.title.as_str()),
            ("", self.subtitle.as_str()),
            ("", self.status.as_str()),
            ("", self.note.as_str()),
        ];
        for (k, v) in &self.meta {
            out.push(("", k));
            out.push(("", v));
        }
        for s in &self.sections {
            let at = s.heading.as_str();
            out.push((at, at));
            for b in &s.blocks {
                match b {
                    Block::Paragraph(t) => out.push((at, t)),
                    Block::Field { label, value } => {
                        out.push((at, label));
                        out.push((at, value));
                    }
                    Block::List { label, items } => {
                        out.push((at, label));
                        out.extend(items.iter().map(|i| (at, i.as_str())));
                    }
                    Block::Table { headers, rows } => {
                        out.extend(headers.iter().map(|h| (at, h.as_str())));
                        out.extend(rows.iter().flatten().map(|c| (at, c.as_str())));
                    }
                }
            }
        }
        out
    }
}
