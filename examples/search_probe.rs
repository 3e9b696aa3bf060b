//! Wall time of one search, repeated: `cargo run --release --example search_probe -- DIR QUERY N`.
//! Loads DIR (every file parsed), builds the index once, then runs QUERY from scratch N times
//! and prints the mean time per search. Handy with `perf record` to see where a query's time
//! goes (see docs/performance.md).

use overleg::search::{SearchIndex, Searcher};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, dir, query, n] = &args[..] else {
        eprintln!("usage: search_probe DIR QUERY N");
        std::process::exit(2);
    };
    let n: u32 = n.parse().expect("N is a number");
    let ws = overleg::storage::load_workspace(std::path::Path::new(dir)).workspace;
    let index = SearchIndex::build(&ws);
    let mut searcher = Searcher::default();
    let mut total = 0;
    let started = std::time::Instant::now();
    for _ in 0..n {
        searcher.reset();
        total = searcher.search(&index, query, 50).total;
    }
    let ms = started.elapsed().as_secs_f64() * 1000.0 / f64::from(n);
    println!("{query}: {ms:.2} ms per search from scratch, {total} hits");
}
