//! The strings overleg's search matches against, one a line:
//! `cargo run --release --example indexed_lines -- DIR > lines.txt`.
//!
//! Loads DIR the way `overleg zoek` does (parse cache on), builds the real [`SearchIndex`] and
//! writes the display text of every entry. `scripts/bench-vs.sh` gives this file to
//! `fzf --filter`, so both matchers search the same lines. A line break inside a text (none in
//! the demo) would split one entry into two lines for fzf; it is written as a space, and the
//! number of such entries is reported on stderr.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use overleg::search::SearchIndex;

fn main() -> std::io::Result<()> {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: indexed_lines DIR");
        std::process::exit(2);
    };
    let outcome = overleg::storage::load_workspace_quick(&dir);
    if !outcome.problems.is_empty() {
        eprintln!(
            "indexed_lines: {} problem(s) while loading; the lines cover only what loaded",
            outcome.problems.len()
        );
    }
    let index = SearchIndex::build(&outcome.workspace);
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut broken = 0usize;
    for line in index.lines() {
        if line.contains(['\n', '\r']) {
            broken += 1;
            writeln!(out, "{}", line.replace(['\n', '\r'], " "))?;
        } else {
            writeln!(out, "{line}")?;
        }
    }
    out.flush()?;
    eprintln!(
        "indexed_lines: {} entries from {} teams, {broken} with a line break written as a space",
        index.len(),
        index.team_count()
    );
    Ok(())
}
