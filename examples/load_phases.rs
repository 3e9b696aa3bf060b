//! Per-phase timing of loading a folder: `cargo run --release --example load_phases -- DIR`.
//! Prints wall time of listing, reading, reading + parsing, the whole load, and the index.

use std::path::{Path, PathBuf};
use std::time::Instant;

use overleg::domain::Case;
use overleg::search::SearchIndex;
use overleg::storage::{from_ron, load_workspace, load_workspace_cached};
use rayon::prelude::*;

fn case_files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for team in std::fs::read_dir(root).into_iter().flatten().flatten() {
        for f in std::fs::read_dir(team.path().join("cases"))
            .into_iter()
            .flatten()
            .flatten()
        {
            out.push(f.path());
        }
    }
    out
}

fn main() {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "target/bench-data/gemeente-50000-40-7".to_string()),
    );
    for _ in 0..2 {
        let t = Instant::now();
        let files = case_files(&dir);
        let list = t.elapsed();
        let t = Instant::now();
        let texts: Vec<String> = files
            .par_iter()
            .map(|p| std::fs::read_to_string(p).unwrap_or_default())
            .collect();
        let read = t.elapsed();
        let t = Instant::now();
        let parsed: usize = texts
            .par_iter()
            .filter(|t| from_ron::<Case>(t).is_ok())
            .count();
        let parse = t.elapsed();
        let t = Instant::now();
        let out = load_workspace(&dir);
        let load = t.elapsed();
        let t = Instant::now();
        let index = SearchIndex::build(&out.workspace);
        let build = t.elapsed();
        let cache = PathBuf::from("target/bench-cache");
        let t = Instant::now();
        let cached = load_workspace_cached(&dir, &cache);
        let cached_t = t.elapsed();
        assert_eq!(cached.workspace.case_count(), out.workspace.case_count());
        println!("cached load {cached_t:?}");
        let t = Instant::now();
        drop(out);
        drop(index);
        let dropt = t.elapsed();
        println!(
            "list {list:?} ({} files), read {read:?}, parse {parse:?} ({parsed} ok), load_workspace {load:?}, index {build:?}, drop {dropt:?}",
            files.len()
        );
    }
}
