//! Tests of folding, matching, highlighting and ranking on the hand-built team.

use super::*;
use crate::testdata;

fn highlighted(hit: &Hit) -> String {
    hit.segments()
        .into_iter()
        .map(|(m, s)| if m { format!("[{s}]") } else { s.to_string() })
        .collect()
}

fn both_engines() -> [Searcher; 2] {
    [Searcher::new(Engine::Skim), Searcher::new(Engine::Nucleo)]
}

#[test]
fn accentless_queries_find_accented_names() {
    let index = SearchIndex::build(&testdata::workspace());
    for mut s in both_engines() {
        for (q, code) in [
            ("ozdemir", "2026-0001"),
            ("sahin", "2026-0002"),
            ("een", "2026-0003"),
        ] {
            let r = s.search(&index, q, 10);
            let first = &r.hits[0];
            assert_eq!(first.kind, HitKind::Case, "{q} with {:?}", s.engine());
            assert_eq!(first.location.case.as_deref(), Some(code), "{q}");
        }
    }
}

#[test]
fn highlights_point_at_the_original_letters() {
    let index = SearchIndex::build(&testdata::workspace());
    for mut s in both_engines() {
        let r = s.search(&index, "ozdemir", 1);
        let hit = &r.hits[0];
        let letters: String = hit
            .matched
            .iter()
            .filter_map(|&i| hit.text.chars().nth(i))
            .collect();
        assert_eq!(letters, "Özdemir", "{:?}", s.engine());
        // Either Elif's or Deniz's surname, as one highlighted run.
        assert!(
            highlighted(hit).contains(" [Özdemir]"),
            "{}",
            highlighted(hit)
        );
        assert!(highlighted(hit).starts_with("2026-0001 Fam. Ö. · Elif "));
        let r = s.search(&index, "sahin", 1);
        assert!(highlighted(&r.hits[0]).contains("Mehmet [Şahin]"));
        let r = s.search(&index, "yilmaz", 1);
        assert_eq!(r.hits[0].kind, HitKind::Member);
        assert!(highlighted(&r.hits[0]).starts_with("Ayşe [Yılmaz]"));
    }
}

#[test]
fn names_without_consent_are_not_findable() {
    let index = SearchIndex::build(&testdata::workspace());
    for mut s in both_engines() {
        let r = s.search(&index, "kowalczyk", 10);
        assert_eq!(r.total, 0);
        // The household itself is still findable by its code and pseudonym.
        let r = s.search(&index, "2026-0004", 10);
        assert_eq!(r.hits[0].location.case.as_deref(), Some("2026-0004"));
    }
}

#[test]
fn decisions_and_actions_jump_to_their_case() {
    let index = SearchIndex::build(&testdata::workspace());
    let r = index.search("kredietbank", 10);
    let kinds: Vec<HitKind> = r.hits.iter().map(|h| h.kind).collect();
    assert!(kinds.contains(&HitKind::Decision));
    assert!(kinds.contains(&HitKind::Action));
    for h in &r.hits {
        assert_eq!(h.location.case.as_deref(), Some("2026-0001"));
        assert_eq!(
            h.location.meeting.map(|d| d.to_string()).as_deref(),
            Some("2026-03-10")
        );
    }
}

#[test]
fn best_hits_come_first() {
    let index = SearchIndex::build(&testdata::workspace());
    for mut s in both_engines() {
        // A contiguous match of a whole name beats letters scattered over a line.
        let r = s.search(&index, "bakker", 20);
        assert_eq!(r.hits[0].kind, HitKind::Member, "{:?}", s.engine());
        assert!(r.hits[0].text.starts_with("Sanne Bakker"));
        let scores: Vec<i64> = r.hits.iter().map(|h| h.score).collect();
        let mut sorted = scores.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(scores, sorted);
        assert!(r.total >= 3);
    }
}

#[test]
fn limit_caps_hits_but_not_total() {
    let index = SearchIndex::build(&testdata::workspace());
    let r = index.search("a", 2);
    assert_eq!(r.hits.len(), 2);
    assert!(r.total > 2);
    assert!(index.search("   ", 10).hits.is_empty());
}

#[test]
fn narrowing_gives_the_same_answer_as_a_fresh_search() {
    let index = SearchIndex::build(&testdata::workspace());
    for engine in [Engine::Skim, Engine::Nucleo] {
        let mut typing = Searcher::new(engine);
        let mut q = String::new();
        for c in "ozdemir".chars() {
            q.push(c);
            let narrowed = typing.search(&index, &q, 50);
            let fresh = Searcher::new(engine).search(&index, &q, 50);
            assert_eq!(narrowed, fresh, "{q}");
        }
        // Backspace: no longer an extension, so a full scan again.
        let back = typing.search(&index, "ozde", 50);
        assert_eq!(back, Searcher::new(engine).search(&index, "ozde", 50));
    }
}

#[test]
fn a_new_index_is_never_narrowed_with_an_old_result() {
    let ws = testdata::workspace();
    let small = SearchIndex::build(&crate::domain::Workspace::default());
    let full = SearchIndex::build(&ws);
    let mut s = Searcher::default();
    assert_eq!(s.search(&small, "o", 10).total, 0);
    assert!(s.search(&full, "oz", 10).total > 0);
}

/// A colleague "Hatice Özdemir" (id `hozdemir`), sharing the family name of case 2026-0001.
fn add_colleague_ozdemir(td: &mut crate::domain::TeamData) {
    td.team.members.push(crate::domain::Member {
        id: "hozdemir".into(),
        name: "Hatice Özdemir".into(),
        roles: vec![crate::domain::Role::Wijkcoach],
        fte: 0.8,
        expertise: vec![],
        youth_authority: true,
        mandate_eur: None,
        start: None,
        end: None,
        leave: vec![],
    });
}

#[test]
fn a_household_name_outranks_the_same_name_of_its_coach() {
    let mut ws = testdata::workspace();
    let td = &mut ws.teams[0];
    // A colleague with the household's family name coaches another case (no names there).
    add_colleague_ozdemir(td);
    let coached = td
        .cases
        .iter_mut()
        .find(|c| c.code != "2026-0001")
        .expect("a second case");
    coached.coach = Some("hozdemir".into());
    let coached = coached.code.clone();
    let index = SearchIndex::build(&ws);
    for mut s in both_engines() {
        let r = s.search(&index, "ozdemir", 10);
        let order: Vec<Option<&str>> = r.hits.iter().map(|h| h.location.case.as_deref()).collect();
        let household = order.iter().position(|c| *c == Some("2026-0001"));
        let by_coach = order.iter().position(|c| *c == Some(coached.as_str()));
        assert!(
            household.is_some() && by_coach.is_some() && household < by_coach,
            "{:?}: {order:?}",
            s.engine()
        );
    }
}

#[test]
fn when_household_and_coach_share_a_name_the_household_is_highlighted() {
    let mut ws = testdata::workspace();
    let td = &mut ws.teams[0];
    add_colleague_ozdemir(td);
    let case = td
        .cases
        .iter_mut()
        .find(|c| c.code == "2026-0001")
        .expect("the Özdemir household");
    case.coach = Some("hozdemir".into());
    let index = SearchIndex::build(&ws);
    for mut s in both_engines() {
        let r = s.search(&index, "ozdemir", 10);
        let hit = r
            .hits
            .iter()
            .find(|h| h.location.case.as_deref() == Some("2026-0001") && h.kind == HitKind::Case)
            .expect("the household's line");
        let coach_at = hit.text.find("Hatice").expect("the coach in the line");
        let coach_char = hit.text[..coach_at].chars().count();
        assert!(
            hit.matched.iter().all(|&i| i < coach_char),
            "{:?}: {}",
            s.engine(),
            highlighted(hit)
        );
    }
}

/// Every entry scored with nucleo's optimal alignment, best first: the reference the faster
/// scoring of scattered matches is held to. Yields (entry id, score).
fn optimal_ranking(index: &SearchIndex, q: &str) -> Vec<(usize, i64)> {
    let s = Searcher::new(Engine::Nucleo);
    let mut nucleo = None;
    let mut scored: Vec<(usize, i64)> = index
        .entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| Some((i, s.optimal_score(e, q, &mut nucleo)?)))
        .collect();
    scored.sort_unstable_by_key(|&(_, score)| std::cmp::Reverse(score));
    scored
}

/// Lines holding the query in one piece are scored exactly; letters scattered over a line
/// are scored with the greedy alignment, which can only rank such a line lower. So: every
/// shown hit carries its optimal score, the best hit is as good as the optimal best, and
/// every one-piece match the optimal ranking would show is shown.
#[test]
fn greedy_scoring_of_scattered_matches_keeps_every_whole_match() {
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("date");
    let shipped = crate::demo::shipped_demo(day(2026, 11, 23));
    let generated = crate::demo::generate(&crate::demo::DemoSpec {
        teams: 4,
        cases: 2000,
        seed: 3,
        today: day(2026, 5, 1),
    });
    let k = 20;
    for ws in [shipped, generated] {
        let index = SearchIndex::build(&ws);
        for q in [
            "e", "een", "oz", "ozdemir", "sahin", "schuld", "wonen", "jan", "mvb", "2026-01",
            "gezin", "bram", "advies", "wk",
        ] {
            let r = Searcher::new(Engine::Nucleo).search(&index, q, k);
            let optimal = optimal_ranking(&index, q);
            assert_eq!(r.total, optimal.len(), "{q}");
            let mut nucleo = None;
            let s = Searcher::new(Engine::Nucleo);
            for h in &r.hits {
                let e = index
                    .entries
                    .iter()
                    .find(|e| *e.text == h.text && e.location == h.location)
                    .expect("the hit's entry");
                assert_eq!(Some(h.score), s.optimal_score(e, q, &mut nucleo), "{q}");
            }
            assert!(r.hits.windows(2).all(|w| w[0].score >= w[1].score), "{q}");
            assert_eq!(r.hits[0].score, optimal[0].1, "{q}");
            let kth = optimal[k.min(optimal.len()) - 1].1;
            for &(i, score) in optimal.iter().filter(|&&(_, sc)| sc > kth) {
                let e = &index.entries[i];
                if e.folded.text.contains(q) {
                    assert!(
                        r.hits
                            .iter()
                            .any(|h| *h.text == *e.text && h.score == score),
                        "{q}: {} missing",
                        e.text
                    );
                }
            }
        }
    }
}

#[test]
fn lines_are_the_texts_every_hit_is_taken_from() {
    let index = SearchIndex::build(&testdata::workspace());
    let lines: Vec<&str> = index.lines().collect();
    assert_eq!(lines.len(), index.len());
    // Every hit of a broad query shows one of the listed lines, so an outside matcher fed
    // with `lines()` searches exactly what `zoek` searches.
    let r = Searcher::default().search(&index, "e", usize::MAX);
    assert!(r.total > 0);
    for hit in &r.hits {
        assert!(lines.contains(&&*hit.text), "{}", hit.text);
    }
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("2026-0001 Fam. Ö. · Elif "))
    );
}

proptest::proptest! {
    /// The letter set never rules out a line that holds the query as a subsequence (also
    /// with digits, punctuation and non-ASCII characters), so prefiltering on it loses no hit.
    #[test]
    fn the_letter_set_of_a_line_covers_every_subsequence_of_it(
        line in "[a-z0-9 .·,ıøşé()-]{0,80}",
        picks in proptest::collection::vec(proptest::bool::ANY, 80),
    ) {
        let query: String = line
            .chars()
            .zip(picks.iter().chain(std::iter::repeat(&false)))
            .filter_map(|(c, &keep)| keep.then_some(c))
            .collect();
        let (l, q) = (index::letters(&line), index::letters(&query));
        proptest::prop_assert_eq!(l & q, q);
    }
}

#[test]
fn the_letter_set_rules_out_a_line_without_a_letter_of_the_query() {
    let line = index::letters("2026-0011 fam. ozturk · ayse ozdemir");
    assert_eq!(line & index::letters("ozd"), index::letters("ozd"));
    let q = index::letters("xq");
    assert_ne!(line & q, q, "no x or q in the line");
}
