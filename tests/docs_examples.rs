//! The examples in docs/data-format.md are real: every `ron` block parses, and the complete
//! examples load as the file they describe.

use overleg::domain::{Case, Meeting, Municipality, Team};
use overleg::storage::{from_ron, ron_options};
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

fn ron_blocks() -> Vec<String> {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/data-format.md"))
        .expect("docs/data-format.md");
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new(&doc) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) if &*lang == "ron" => {
                current = Some(String::new());
            }
            Event::Text(t) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(current.take()),
            _ => {}
        }
    }
    blocks
}

#[test]
fn every_ron_example_parses() {
    let blocks = ron_blocks();
    assert!(
        blocks.len() >= 5,
        "expected the RON examples, found {}",
        blocks.len()
    );
    let (mut teams, mut cases, mut meetings, mut gemeente) = (0, 0, 0, 0);
    for block in &blocks {
        let value: Result<ron::Value, _> = ron_options().from_str(block);
        assert!(value.is_ok(), "does not parse: {:?}\n{block}", value.err());
        if block.contains("caseload_norm:") {
            from_ron::<Team>(block).expect("team example");
            teams += 1;
        } else if block.contains("pseudonym:") {
            from_ron::<Case>(block).expect("case example");
            cases += 1;
        } else if block.contains("agenda:") {
            from_ron::<Meeting>(block).expect("meeting example");
            meetings += 1;
        } else if block.contains("name: \"Gemeente") {
            from_ron::<Municipality>(block).expect("gemeente example");
            gemeente += 1;
        }
    }
    assert_eq!((teams, cases, meetings, gemeente), (1, 1, 1, 1));
}
