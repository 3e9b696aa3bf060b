//! A corpus of broken inputs: each gives one located problem with a clear message, never a
//! panic, and the rest of the folder still loads.

mod common;

use std::path::{Path, PathBuf};

use overleg::i18n::Lang;
use overleg::storage::{LoadOutcome, Problem, ProblemKind, load_workspace};

/// Replaces `from` by `to` in a file of the team folder (exactly once).
fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    assert_eq!(text.matches(from).count(), 1, "{from:?} must occur once");
    std::fs::write(&path, text.replace(from, to)).expect("write");
}

/// Loads `dir` and returns its only problem.
fn only_problem(dir: &Path) -> (LoadOutcome, Problem) {
    let out = load_workspace(dir);
    assert_eq!(out.problems.len(), 1, "{:#?}", out.problems);
    let p = out.problems[0].clone();
    (out, p)
}

fn assert_at(p: &Problem, path: PathBuf, line: usize, column: usize, word: &str) {
    assert_eq!(p.path, path);
    assert_eq!((p.line, p.column), (line, column), "{p}");
    let text = p.to_string();
    assert!(text.contains(word), "{text:?} lacks {word:?}");
    assert!(
        text.starts_with(&format!("{}:{line}:{column}: ", path.display())),
        "{text}"
    );
}

const CASE2: &str = "cases/2026-0002.ron";

#[test]
fn syntax_error_missing_comma() {
    let (_t, dir) = common::fixture_copy();
    edit(
        &dir,
        CASE2,
        "pseudonym: \"Mw. D.\",",
        "pseudonym: \"Mw. D.\"",
    );
    let (out, p) = only_problem(&dir);
    assert_at(&p, dir.join(CASE2), 5, 5, "komma");
    assert!(matches!(p.kind, ProblemKind::Parse(_)));
    // The other cases still load.
    assert_eq!(out.workspace.teams[0].cases.len(), 2);
}

#[test]
fn wrong_type() {
    let (_t, dir) = common::fixture_copy();
    edit(&dir, CASE2, "age: 81,", "age: \"oud\",");
    let (_, p) = only_problem(&dir);
    assert_at(&p, dir.join(CASE2), 19, 17, "verkeerd type");
    assert!(p.render(Lang::En).contains("wrong type"));
}

#[test]
fn unknown_field_suggests_the_right_name() {
    let (_t, dir) = common::fixture_copy();
    edit(&dir, CASE2, "safety_flag:", "safety_flg:");
    let (_, p) = only_problem(&dir);
    assert_at(&p, dir.join(CASE2), 36, 5, "onbekend veld `safety_flg`");
    assert!(p.to_string().contains("bedoelt u `safety_flag`?"));
}

#[test]
fn unknown_member() {
    let (_t, dir) = common::fixture_copy();
    edit(&dir, CASE2, "coach: \"msahin\"", "coach: \"jdevries\"");
    let (_, p) = only_problem(&dir);
    assert_at(
        &p,
        dir.join(CASE2),
        29,
        12,
        "onbekende medewerker \"jdevries\"",
    );
    assert_eq!(
        p.kind,
        ProblemKind::UnknownMember {
            field: "coach",
            id: "jdevries".into()
        }
    );
    assert!(
        p.render(Lang::En)
            .contains("unknown member \"jdevries\" in coach")
    );
}

#[test]
fn duplicate_case_code() {
    let (_t, dir) = common::fixture_copy();
    std::fs::copy(
        dir.join("cases/2026-0001.ron"),
        dir.join("cases/2026-0003.ron"),
    )
    .expect("copy");
    let out = load_workspace(&dir);
    let dup = out
        .problems
        .iter()
        .find(|p| matches!(p.kind, ProblemKind::DuplicateCaseCode { .. }))
        .expect("duplicate reported");
    assert_at(dup, dir.join("cases/2026-0003.ron"), 3, 11, "staat ook in");
    // The correctly named file is the one kept.
    assert_eq!(out.workspace.teams[0].cases.len(), 3);
}

#[test]
fn invalid_date() {
    let (_t, dir) = common::fixture_copy();
    edit(
        &dir,
        CASE2,
        "registered: \"2026-01-19\"",
        "registered: \"2026-02-30\"",
    );
    let (_, p) = only_problem(&dir);
    assert_at(&p, dir.join(CASE2), 5, 17, "ongeldige datum \"2026-02-30\"");
}

#[test]
fn invalid_time() {
    let (_t, dir) = common::fixture_copy();
    edit(&dir, "team.ron", "start: \"09:30:00\"", "start: \"9.30\"");
    let (_, p) = only_problem(&dir);
    assert_at(&p, dir.join("team.ron"), 48, 16, "ongeldige tijd \"9.30\"");
}

#[test]
fn empty_file() {
    let (_t, dir) = common::fixture_copy();
    std::fs::write(dir.join(CASE2), "  \n").expect("write");
    let (_, p) = only_problem(&dir);
    assert_at(&p, dir.join(CASE2), 1, 1, "leeg");
    assert_eq!(p.kind, ProblemKind::Empty);
}

#[test]
fn binary_garbage() {
    let (_t, dir) = common::fixture_copy();
    std::fs::write(dir.join(CASE2), b"(\n    code: \x00\xff\xfe\x01").expect("write");
    let (_, p) = only_problem(&dir);
    assert_at(&p, dir.join(CASE2), 2, 11, "binair");
}

#[test]
fn not_utf8() {
    let (_t, dir) = common::fixture_copy();
    std::fs::write(dir.join(CASE2), b"(\n    code: \"\xff\xfe\",\n)").expect("write");
    let (_, p) = only_problem(&dir);
    assert_at(&p, dir.join(CASE2), 2, 12, "UTF-8");
}

#[test]
fn ten_megabyte_file_is_not_read() {
    let (_t, dir) = common::fixture_copy();
    let big = vec![b'('; 10 * 1024 * 1024];
    std::fs::write(dir.join(CASE2), &big).expect("write");
    let (out, p) = only_problem(&dir);
    assert_at(&p, dir.join(CASE2), 1, 1, "te groot");
    assert!(matches!(p.kind, ProblemKind::TooLarge { size, .. } if size == 10 * 1024 * 1024));
    assert_eq!(out.workspace.teams[0].cases.len(), 2);
}

#[test]
fn unknown_variant() {
    let (_t, dir) = common::fixture_copy();
    edit(&dir, CASE2, "status: Onderzoek,", "status: Onderzoekk,");
    let (_, p) = only_problem(&dir);
    assert_at(&p, dir.join(CASE2), 6, 13, "bedoelt u `Onderzoek`?");
}

#[test]
fn missing_field() {
    let (_t, dir) = common::fixture_copy();
    edit(&dir, CASE2, "    complexity: Midden,\n", "");
    let (_, p) = only_problem(&dir);
    assert_eq!(p.path, dir.join(CASE2));
    assert!(p.to_string().contains("`complexity` ontbreekt"), "{p}");
}

/// A Dutch decimal comma (`fte: 0,8`) says how to write the number, in the user's words —
/// not the parser's "invalid identifier, try the raw identifier".
#[test]
fn a_decimal_comma_says_to_write_a_point() {
    let (_t, dir) = common::fixture_copy();
    edit(&dir, "team.ron", "fte: 0.8,", "fte: 0,8,");
    let out = load_workspace(&dir);
    let p = out
        .problems
        .iter()
        .find(|p| p.path == dir.join("team.ron"))
        .expect("a problem in team.ron");
    let nl = p.render(Lang::Nl);
    assert!(nl.contains("met een punt, niet met een komma"), "{nl}");
    assert!(!nl.contains("identifier") && !nl.contains("r#"), "{nl}");
    let en = p.render(Lang::En);
    assert!(en.contains("with a point, not a comma"), "{en}");
}

#[test]
fn team_checks() {
    let (_t, dir) = common::fixture_copy();
    edit(
        &dir,
        "team.ron",
        "anchor: \"2026-01-06\"",
        "anchor: \"2026-01-07\"",
    );
    edit(&dir, "team.ron", "fte: 0.8,", "fte: 2.5,");
    let out = load_workspace(&dir);
    let p = &out.problems;
    assert_eq!(p.len(), 2, "{p:#?}");
    assert_at(&p[0], dir.join("team.ron"), 40, 18, "tussen 0 en 1.5");
    assert_at(&p[1], dir.join("team.ron"), 51, 17, "niet op een dinsdag");
}

#[test]
fn meeting_checks() {
    let (_t, dir) = common::fixture_copy();
    let m = "meetings/2026-02-03.ron";
    edit(&dir, m, "due: \"2026-02-10\"", "due: \"2026-01-10\"");
    edit(&dir, m, "action: \"A2026-001\"", "action: \"A2026-099\"");
    edit(&dir, m, "number: \"2026-002\"", "number: \"2026-001\"");
    edit(
        &dir,
        m,
        "by: \"aozdemir\",\n                        text",
        "by: \"Piet\",\n                        text",
    );
    edit(
        &dir,
        m,
        "case: \"2026-0002\",\n                inbrenger",
        "case: \"2026-0999\",\n                inbrenger",
    );
    let out = load_workspace(&dir);
    let p = &out.problems;
    let path = dir.join(m);
    assert_eq!(p.len(), 5, "{p:#?}");
    assert_at(
        &p[0],
        path.clone(),
        34,
        21,
        "actie A2026-099 wordt besproken",
    );
    assert_at(&p[1], path.clone(), 48, 23, "onbekende casus \"2026-0999\"");
    assert_at(
        &p[2],
        path.clone(),
        54,
        29,
        "\"Piet\" in by is geen medewerker en geen gast",
    );
    assert_at(
        &p[3],
        path.clone(),
        73,
        29,
        "besluitnummer 2026-001 is al gebruikt",
    );
    assert_at(&p[4], path, 91, 26, "deadline 2026-01-10");
}

#[test]
fn guest_may_give_advice() {
    // "Kees Ünal" is a guest of 2026-01-20 and gives advice there: no problem.
    let out = load_workspace(&common::fixture_team());
    assert!(out.problems.is_empty(), "{:#?}", out.problems);
}

#[test]
fn two_regisseurs_and_version() {
    let (_t, dir) = common::fixture_copy();
    let c = "cases/2026-0001.ron";
    edit(&dir, c, "to: Lid(\"aozdemir\")", "to: Lid(\"msahin\")");
    edit(&dir, c, "version: 1,", "version: 7,");
    let out = load_workspace(&dir);
    let p = &out.problems;
    assert_eq!(p.len(), 2, "{p:#?}");
    assert_at(&p[0], dir.join(c), 2, 14, "nieuwere overleg");
    assert_at(&p[1], dir.join(c), 36, 16, "twee regisseurs");
    assert!(
        p[1].to_string()
            .contains("laatste overdracht in regie_history")
    );
}

#[test]
fn wrong_file_names_and_team() {
    let (_t, dir) = common::fixture_copy();
    std::fs::rename(dir.join(CASE2), dir.join("cases/mw-d.ron")).expect("rename");
    edit(
        &dir,
        "meetings/2026-01-20.ron",
        "team: \"oost\"",
        "team: \"west\"",
    );
    std::fs::rename(
        dir.join("meetings/2026-01-20.ron"),
        dir.join("meetings/20-01-2026.ron"),
    )
    .expect("rename");
    let out = load_workspace(&dir);
    let p = &out.problems;
    assert_eq!(p.len(), 3, "{p:#?}");
    assert_at(
        &p[0],
        dir.join("cases/mw-d.ron"),
        3,
        11,
        "hernoem het bestand naar 2026-0002.ron",
    );
    assert_at(
        &p[1],
        dir.join("meetings/20-01-2026.ron"),
        3,
        11,
        "team \"west\" is niet dit team",
    );
    assert_at(
        &p[2],
        dir.join("meetings/20-01-2026.ron"),
        4,
        11,
        "hernoem het bestand naar 2026-01-20.ron",
    );
}

#[test]
fn missing_folder_and_no_teams() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let missing = tmp.path().join("nergens");
    let out = load_workspace(&missing);
    assert_eq!(out.problems.len(), 1);
    assert_eq!(out.problems[0].kind, ProblemKind::DataDirMissing);
    let out = load_workspace(tmp.path());
    assert_eq!(out.problems[0].kind, ProblemKind::NoTeams);
}

#[test]
fn every_problem_in_every_file_in_one_pass() {
    let (_t, dir) = common::fixture_copy();
    edit(&dir, CASE2, "age: 81,", "age: \"oud\",");
    std::fs::write(dir.join("cases/2025-0117.ron"), "").expect("write");
    edit(
        &dir,
        "cases/2026-0001.ron",
        "coach: \"aozdemir\"",
        "coach: \"x\"",
    );
    edit(&dir, "team.ron", "fte: 0.8,", "fte: 2.5,");
    let out = load_workspace(&dir);
    assert_eq!(out.problems.len(), 4, "{:#?}", out.problems);
    assert_eq!(out.workspace.teams[0].cases.len(), 1);
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Any bytes in a case file: the load finishes, the file is either loaded or
        /// reported, and the other cases load.
        #[test]
        fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
            let (_t, dir) = common::fixture_copy();
            std::fs::write(dir.join(CASE2), &bytes).expect("write");
            let out = load_workspace(&dir);
            let reported = out.problems.iter().any(|p| p.path == dir.join(CASE2));
            let cases = out.workspace.teams[0].cases.len();
            prop_assert!(reported || cases == 3);
            prop_assert!(cases >= 2);
            prop_assert_eq!(std::fs::read(dir.join(CASE2)).expect("read"), bytes);
        }

        /// A real case file cut or mangled at a random place.
        #[test]
        fn mangled_case(cut in 0usize..2000, junk in "[(){}\\[\\],:\"a-z0-9 \n]{0,5}") {
            let (_t, dir) = common::fixture_copy();
            let path = dir.join("cases/2026-0001.ron");
            let text = std::fs::read_to_string(&path).expect("read");
            let mut at = cut.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let mangled = format!("{}{junk}{}", &text[..at], &text[at..]);
            std::fs::write(&path, &mangled).expect("write");
            let out = load_workspace(&dir);
            for p in &out.problems {
                prop_assert!(p.line >= 1 && p.column >= 1);
                prop_assert!(!p.kind.message(Lang::Nl).is_empty());
            }
            prop_assert_eq!(std::fs::read_to_string(&path).expect("read"), mangled);
        }
    }
}
