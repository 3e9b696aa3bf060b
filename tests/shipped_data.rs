//! Every file shipped in the repository's `data/` loads and checks with zero problems, and
//! every theme in `themes/` parses.

use std::path::Path;

use overleg::storage::load_workspace;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn shipped_data_checks_clean() {
    let data = repo().join("data");
    assert!(
        data.is_dir(),
        "data/ is missing: the demo municipality (made by the demo data generator) has not been \
         merged into this branch yet"
    );
    let out = load_workspace(&data);
    let listing: Vec<String> = out.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        listing.is_empty(),
        "problems in data/:\n{}",
        listing.join("\n")
    );
    assert!(
        out.workspace.teams.len() >= 2,
        "data/ should be a municipality folder with at least two teams"
    );

    // Every *.ron file under data/ was loaded: count them against what the workspace holds.
    let mut files = 0;
    count_ron(&data, &mut files);
    let gemeente = usize::from(data.join("gemeente.ron").is_file());
    let ws = &out.workspace;
    assert_eq!(
        files,
        gemeente + ws.teams.len() + ws.case_count() + ws.meeting_count(),
        "some .ron files under data/ are not team, case, meeting or gemeente files"
    );
}

fn count_ron(dir: &Path, n: &mut usize) {
    for e in std::fs::read_dir(dir).expect("read dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            count_ron(&p, n);
        } else if p.extension().is_some_and(|x| x == "ron") {
            *n += 1;
        }
    }
}

#[test]
fn shipped_themes_parse() {
    let themes = repo().join("themes");
    let Ok(entries) = std::fs::read_dir(&themes) else {
        return; // No themes shipped (yet).
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "ron") {
            let text = std::fs::read_to_string(&p).expect("read theme");
            let parsed: Result<ron::Value, _> = overleg::storage::ron_options().from_str(&text);
            assert!(parsed.is_ok(), "{}: {:?}", p.display(), parsed.err());
        }
    }
}
