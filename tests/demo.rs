//! Tests of the demo generator and the shipped `data/` folder.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate};
use overleg::demo::{DemoSpec, MAIN_TEAM, generate, shipped_demo, write_workspace};
use overleg::domain::*;
use overleg::storage;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date")
}

fn spec(seed: u64) -> DemoSpec {
    DemoSpec {
        teams: 3,
        cases: 300,
        seed,
        today: today(),
    }
}

/// Every file under `dir` as (relative path, bytes), sorted. Folders map to empty contents.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("readable dir")
            .map(|e| e.expect("entry").path())
            .collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                out.insert(
                    p.strip_prefix(root).expect("prefix").to_path_buf(),
                    Vec::new(),
                );
                walk(root, &p, out);
            } else {
                let bytes = std::fs::read(&p).expect("readable file");
                out.insert(p.strip_prefix(root).expect("prefix").to_path_buf(), bytes);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn written(ws: &Workspace) -> (tempfile::TempDir, BTreeMap<PathBuf, Vec<u8>>) {
    let dir = tempfile::tempdir().expect("tempdir");
    write_workspace(ws, dir.path()).expect("write");
    let t = tree(dir.path());
    (dir, t)
}

/// A run of nine or more digits somewhere in `text`.
fn nine_digit_run(text: &str) -> Option<String> {
    let mut run = String::new();
    for ch in text.chars() {
        if ch.is_ascii_digit() {
            run.push(ch);
            if run.len() >= 9 {
                return Some(run);
            }
        } else {
            run.clear();
        }
    }
    None
}

/// Consistency checks the storage validator will make (and a few more).
fn problems(ws: &Workspace, today: NaiveDate) -> Vec<String> {
    let mut p = Vec::new();
    for td in &ws.teams {
        let team = &td.team;
        let t = &team.id;
        let is_member = |id: &str| team.member(id).is_some();
        let codes: BTreeSet<&str> = td.cases.iter().map(|c| c.code.as_str()).collect();
        if codes.len() != td.cases.len() {
            p.push(format!("{t}: duplicate case codes"));
        }
        for c in &td.cases {
            let cc = &c.code;
            if c.registered > today {
                p.push(format!("{t}/{cc}: registered in the future"));
            }
            if let Some(coach) = &c.coach {
                if !is_member(coach) {
                    p.push(format!("{t}/{cc}: unknown coach {coach}"));
                } else if c.laws.contains(&Law::Jeugdwet)
                    && !team.member(coach).is_some_and(|m| m.youth_authority)
                {
                    p.push(format!(
                        "{t}/{cc}: youth case with coach without youth authority"
                    ));
                }
            }
            // A dated hand-over (in force later) does not change the saved regisseur: the
            // rule is `Case::regisseur_matches_history`.
            let consistent = if c.regie_history.is_empty() {
                c.regisseur.is_none()
            } else {
                c.regisseur_matches_history()
            };
            if !consistent {
                p.push(format!(
                    "{t}/{cc}: regisseur differs from last regie_history entry"
                ));
            }
            let mut prev = c.registered;
            for h in &c.regie_history {
                if h.date < prev || h.date > today {
                    p.push(format!(
                        "{t}/{cc}: regie history out of order at {}",
                        h.date
                    ));
                }
                prev = h.date;
                for r in [&h.from, &h.to].into_iter().flatten() {
                    if let Regisseur::Lid(id) = r
                        && !is_member(id)
                    {
                        p.push(format!("{t}/{cc}: unknown member {id} in regie history"));
                    }
                }
            }
            for w in c.regie_history.windows(2) {
                if w[1].from != w[0].to {
                    p.push(format!("{t}/{cc}: regie hand-over does not chain"));
                }
            }
            if let Kader::Gedwongen(m) = &c.kader
                && m.end <= m.start
            {
                p.push(format!("{t}/{cc}: measure ends before it starts"));
            }
            for v in &c.voorzieningen {
                if v.end.is_some_and(|e| e <= v.start) || v.start < c.registered {
                    p.push(format!("{t}/{cc}: voorziening dates"));
                }
            }
            for pl in &c.plans {
                if pl.ended.is_some_and(|e| e < pl.made)
                    || pl.made < c.registered
                    || pl.made > today
                {
                    p.push(format!("{t}/{cc}: plan dates"));
                }
            }
            if c.status == CaseStatus::Afgesloten && c.current_plans().count() > 0 {
                p.push(format!("{t}/{cc}: closed case with a current plan"));
            }
        }
        let mut decisions = BTreeSet::new();
        let mut actions: BTreeSet<String> = BTreeSet::new();
        let mut meetings = td.meetings.clone();
        meetings.sort_by_key(|m| m.date);
        for m in &meetings {
            let md = m.date;
            if !team.rhythm.is_meeting_day(md) {
                p.push(format!("{t}/{md}: not a rhythm day"));
            }
            for id in [&m.voorzitter, &m.notulist].into_iter().flatten() {
                if !is_member(id) {
                    p.push(format!("{t}/{md}: unknown chair or notulist {id}"));
                }
            }
            for a in &m.attendance {
                if !is_member(&a.member) {
                    p.push(format!("{t}/{md}: unknown attendee"));
                }
            }
            if m.state == MeetingState::Gesloten && m.attendance.len() != team.members.len() {
                p.push(format!("{t}/{md}: attendance incomplete"));
            }
            let present = |id: &str| {
                m.state == MeetingState::Gepland || m.presence(id) == Some(Presence::Aanwezig)
            };
            let guest = |name: &str| m.guests.iter().any(|g| g.name == name);
            for r in &m.action_reviews {
                if !actions.contains(&r.action) {
                    p.push(format!("{t}/{md}: review of unknown action {}", r.action));
                }
                if let ReviewOutcome::Doorgeschoven(d) = r.outcome
                    && d <= md
                {
                    p.push(format!(
                        "{t}/{md}: postponed to a date not after the meeting"
                    ));
                }
            }
            for item in &m.agenda {
                if let ItemKind::Casus(d) = &item.kind {
                    if !codes.contains(d.case.as_str()) {
                        p.push(format!("{t}/{md}: unknown case {}", d.case));
                    }
                    if !present(&d.inbrenger) {
                        p.push(format!("{t}/{md}: inbrenger {} not present", d.inbrenger));
                    }
                    for a in &d.advice {
                        if !(present(&a.by) || guest(&a.by)) {
                            p.push(format!("{t}/{md}: advice by {} not present", a.by));
                        }
                    }
                    if let Some(RegieOutcome::Overgedragen(h)) = &d.regie {
                        let ok = td.case(&d.case).is_some_and(|c| {
                            c.regie_history.iter().any(|e| {
                                e.meeting == Some(md)
                                    && e.to.as_ref() == Some(&h.to)
                                    && e.from == h.from
                            })
                        });
                        if !ok {
                            p.push(format!(
                                "{t}/{md}: hand-over of {} not in regie_history",
                                d.case
                            ));
                        }
                    }
                }
                for dec in &item.decisions {
                    if !decisions.insert(dec.number.clone()) {
                        p.push(format!("{t}/{md}: duplicate decision {}", dec.number));
                    }
                    if !present(&dec.decided_by) {
                        p.push(format!("{t}/{md}: decided by absent {}", dec.decided_by));
                    }
                    for ds in &dec.dissent {
                        if !present(&ds.by) || ds.by == dec.decided_by {
                            p.push(format!("{t}/{md}: odd dissent"));
                        }
                    }
                }
                for a in &item.actions {
                    if !actions.insert(a.number.clone()) {
                        p.push(format!("{t}/{md}: duplicate action {}", a.number));
                    }
                    if !is_member(&a.owner) {
                        p.push(format!("{t}/{md}: unknown action owner {}", a.owner));
                    }
                    if a.due <= md {
                        p.push(format!("{t}/{md}: action due before the meeting"));
                    }
                    if a.case.as_deref().is_some_and(|c| !codes.contains(c)) {
                        p.push(format!("{t}/{md}: action about unknown case"));
                    }
                }
            }
        }
    }
    p
}

#[test]
fn same_seed_gives_identical_bytes() {
    let (_a, ta) = written(&generate(&spec(7)));
    let (_b, tb) = written(&generate(&spec(7)));
    assert!(ta.len() > 300);
    assert_eq!(ta, tb);
}

#[test]
fn different_seeds_differ() {
    let (_a, ta) = written(&generate(&spec(7)));
    let (_b, tb) = written(&generate(&spec(8)));
    assert_ne!(ta, tb);
}

#[test]
fn distributions_cover_every_status_law_kader_and_complexity() {
    for ws in [generate(&spec(3)), shipped_demo(today())] {
        let cases: Vec<&Case> = ws.teams.iter().flat_map(|t| &t.cases).collect();
        for s in CaseStatus::ALL {
            assert!(
                cases.iter().any(|c| c.status == s),
                "no case with status {s:?}"
            );
        }
        for l in Law::ALL {
            assert!(
                cases.iter().any(|c| c.laws.contains(&l)),
                "no case under {l:?}"
            );
        }
        for x in Complexity::ALL {
            assert!(cases.iter().any(|c| c.complexity == x), "no {x:?} case");
        }
        assert!(cases.iter().any(|c| c.kader == Kader::Vrijwillig));
        assert!(cases.iter().any(|c| matches!(c.kader, Kader::Gedwongen(_))));
        let running = cases
            .iter()
            .filter(|c| c.status == CaseStatus::Uitvoering)
            .count();
        assert!(
            running * 4 > cases.len(),
            "uitvoering should be the largest group"
        );
    }
}

#[test]
fn generated_data_is_consistent() {
    assert_eq!(
        problems(&generate(&spec(11)), today()),
        Vec::<String>::new()
    );
    assert_eq!(
        problems(&shipped_demo(today()), today()),
        Vec::<String>::new()
    );
    let other_day = NaiveDate::from_ymd_opt(2025, 3, 2).expect("valid date");
    let ws = generate(&DemoSpec {
        teams: 5,
        cases: 400,
        seed: 99,
        today: other_day,
    });
    assert_eq!(problems(&ws, other_day), Vec::<String>::new());
}

#[test]
fn no_nine_digit_runs_in_any_written_file() {
    let big = DemoSpec {
        teams: 4,
        cases: 2000,
        seed: 5,
        today: today(),
    };
    for ws in [generate(&big), shipped_demo(today())] {
        let (_d, files) = written(&ws);
        let mut codes = BTreeSet::new();
        for c in ws.teams.iter().flat_map(|t| &t.cases) {
            let b = c.code.as_bytes();
            assert!(b.len() == 9 && b[4] == b'-', "code {}", c.code);
            assert!(codes.insert(c.code.clone()), "duplicate code {}", c.code);
        }
        for (path, bytes) in files {
            let text = String::from_utf8(bytes).expect("utf-8");
            assert_eq!(
                nine_digit_run(&text),
                None,
                "nine digits in {}",
                path.display()
            );
        }
    }
}

#[test]
fn written_folders_load_back_equal() {
    for ws in [generate(&spec(21)), shipped_demo(today())] {
        let dir = tempfile::tempdir().expect("tempdir");
        write_workspace(&ws, dir.path()).expect("write");
        let outcome = storage::load_workspace(dir.path());
        assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
        let mut loaded = outcome.workspace;
        for t in &mut loaded.teams {
            t.dir = t
                .dir
                .strip_prefix(dir.path())
                .expect("under out")
                .to_path_buf();
        }
        let mut expected = ws.clone();
        expected.teams.sort_by(|a, b| a.dir.cmp(&b.dir));
        assert_eq!(loaded.teams, expected.teams);
    }
}

#[test]
fn shipped_demo_has_the_scenarios() {
    let t = today();
    let ws = shipped_demo(t);
    assert_eq!(ws.municipality.as_deref(), Some("Gemeente Wijkerveen"));
    assert!(ws.teams.len() >= 2);
    let main = ws.team(MAIN_TEAM).expect("main team");
    assert!((13..=17).contains(&main.team.members.len()));
    assert!((140..=160).contains(&main.cases.len()));
    week_scenarios(main, t);
    let open = || main.cases.iter().filter(|c| c.is_open());

    // A court measure ending within four weeks.
    assert!(main.cases.iter().any(|c| matches!(&c.kader,
        Kader::Gedwongen(m) if m.end > t && m.end <= t + Duration::weeks(4))));
    // An open case without regisseur, one led by the household, one by an external professional.
    assert!(open().any(|c| c.regisseur.is_none() && c.status != CaseStatus::Aanmelding));
    assert!(open().any(|c| c.regisseur == Some(Regisseur::Huishouden)));
    assert!(open().any(|c| matches!(c.regisseur, Some(Regisseur::Extern(_)))));
    // Overdue evaluation, provision lapsing within a month, two current plans.
    assert!(open().any(|c| c.next_evaluation.is_some_and(|d| d < t)));
    assert!(open().any(|c| {
        c.voorzieningen
            .iter()
            .any(|v| v.end.is_some_and(|e| e > t && e <= t + Duration::days(30)))
    }));
    assert!(open().any(|c| c.current_plans().count() == 2));
    assert!(main.cases.iter().any(|c| c.safety_flag));
    assert!(
        main.cases
            .iter()
            .any(|c| c.consented_names().next().is_some())
    );
    assert!(main.cases.iter().any(|c| !c.consent.discuss_with_name));
    // A member without youth authority and a manager with a mandate.
    assert!(main.team.members.iter().any(|m| !m.youth_authority));
    assert!(main.team.members.iter().any(|m| m.mandate_eur.is_some()));

    // Three closed meetings and one planned one with an agenda.
    let closed: Vec<&Meeting> = main
        .meetings
        .iter()
        .filter(|m| m.state == MeetingState::Gesloten)
        .collect();
    assert_eq!(closed.len(), 3);
    let planned: Vec<&Meeting> = main
        .meetings
        .iter()
        .filter(|m| m.state == MeetingState::Gepland)
        .collect();
    assert_eq!(planned.len(), 1);
    assert_eq!(planned[0].date, main.team.rhythm.next_after(t));
    let planned_cases = planned[0].case_discussions().count();
    assert!((4..=5).contains(&planned_cases));
    for m in &closed {
        assert!((4..=7).contains(&m.case_discussions().count()));
        assert!(m.previous_minutes.as_ref().is_some_and(|p| p.adopted));
    }
    // A guest, absences of both kinds, dissent, a 20-eyes decision, a lesson, a skipped check.
    assert!(
        closed
            .iter()
            .any(|m| m.guests.iter().any(|g| g.role == "ervaringsdeskundige"))
    );
    let presences: BTreeSet<_> = closed
        .iter()
        .flat_map(|m| m.attendance.iter().map(|a| format!("{:?}", a.presence)))
        .collect();
    assert_eq!(presences.len(), 3);
    let decisions: Vec<&Decision> = closed.iter().flat_map(|m| m.decisions()).collect();
    assert!(decisions.iter().any(|d| !d.dissent.is_empty()));
    assert!(
        decisions
            .iter()
            .any(|d| d.consultation == Some(Consultation::TwintigOgen))
    );
    let discussions: Vec<&CaseDiscussion> =
        closed.iter().flat_map(|m| m.case_discussions()).collect();
    assert!(discussions.iter().any(|d| d.lesson.is_some()));
    assert!(
        discussions
            .iter()
            .any(|d| matches!(d.regie, Some(RegieOutcome::Overgedragen(_))))
    );
    assert!(
        discussions
            .iter()
            .any(|d| matches!(d.regie, Some(RegieOutcome::Behouden(_))))
    );
    assert!(
        discussions
            .iter()
            .any(|d| d.regie_check.as_ref().is_some_and(|c| c.skipped.is_some()))
    );
    assert!(discussions.iter().any(|d| {
        d.regie_check
            .as_ref()
            .is_some_and(|c| !c.answers.is_empty())
    }));
    // Reviews of all three kinds, and an open action that is overdue today.
    let reviews: BTreeSet<_> = closed
        .iter()
        .flat_map(|m| m.action_reviews.iter())
        .map(|r| match r.outcome {
            ReviewOutcome::Gedaan => 0,
            ReviewOutcome::Doorgeschoven(_) => 1,
            ReviewOutcome::Vervallen => 2,
            ReviewOutcome::Genoteerd => 3,
        })
        .collect();
    assert!(reviews.is_superset(&BTreeSet::from([0, 1, 2])));
    let ledger = ActionLedger::from_meetings(main.meetings.iter(), None);
    assert!(ledger.overdue(t).next().is_some());
    // Organisational items.
    assert!(closed.iter().any(|m| {
        m.agenda
            .iter()
            .any(|i| i.kind == ItemKind::Organisatorisch && !i.decisions.is_empty())
    }));
    // The other teams have fewer cases and at least one past meeting.
    for other in ws.teams.iter().filter(|td| td.team.id != MAIN_TEAM) {
        assert!(other.cases.len() < main.cases.len());
        assert!(other.last_closed_meeting().is_some());
    }
}

#[test]
fn committed_data_equals_the_shipped_demo() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let (_d, fresh) = written(&shipped_demo(today()));
    // Git keeps no empty folders: compare files only, without the README and .gitkeep markers.
    let files_only = |t: BTreeMap<PathBuf, Vec<u8>>| -> BTreeMap<PathBuf, Vec<u8>> {
        t.into_iter()
            .filter(|(p, _)| p.extension().is_some_and(|e| e == "ron"))
            .collect()
    };
    let committed = files_only(tree(&data));
    let fresh = files_only(fresh);
    assert!(committed.len() > 200);
    assert_eq!(
        committed.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &fresh {
        assert!(
            committed.get(path) == Some(bytes),
            "data/{} drifted",
            path.display()
        );
    }
}

#[test]
fn the_consistency_checker_finds_broken_data() {
    let mut ws = shipped_demo(today());
    assert!(problems(&ws, today()).is_empty());
    let team = &mut ws.teams[0];
    let i = team
        .cases
        .iter()
        .position(|c| c.regisseur.is_some())
        .expect("a case with regisseur");
    team.cases[i].regisseur = Some(Regisseur::Lid("niemand".into()));
    let found = problems(&ws, today());
    assert!(
        found.iter().any(|p| p.contains("regisseur differs")),
        "{found:?}"
    );
}

#[test]
fn demo_command_refuses_a_non_empty_folder_without_force() {
    use overleg::cli::demo::{Args, run};
    use overleg::i18n::Lang;
    let dir = tempfile::tempdir().expect("tempdir");
    let keep = dir.path().join("mijn-notities.txt");
    std::fs::write(&keep, "niet overschrijven").expect("write");
    let args = |force| Args {
        out: dir.path().to_path_buf(),
        teams: 1,
        cases: 20,
        seed: 1,
        shipped: false,
        force,
    };
    let code = run(Lang::En, today(), args(false)).expect("runs");
    assert_eq!(
        format!("{code:?}"),
        format!("{:?}", std::process::ExitCode::from(2))
    );
    assert!(!dir.path().join("gemeente.ron").exists());
    let code = run(Lang::Nl, today(), args(true)).expect("runs");
    assert_eq!(
        format!("{code:?}"),
        format!("{:?}", std::process::ExitCode::SUCCESS)
    );
    assert!(dir.path().join("gemeente.ron").exists());
    assert_eq!(
        std::fs::read_to_string(&keep).expect("kept"),
        "niet overschrijven"
    );
}

/// The team's week: a verdeellijst of about eight (oldest over three weeks), a coach leaving at
/// the end of the month with open actions, a dated hand-over.
fn week_scenarios(main: &overleg::domain::TeamData, t: NaiveDate) {
    let list = overleg::domain::verdeellijst(&main.cases, t);
    assert!((7..=9).contains(&list.len()), "{}", list.len());
    assert!(list[0].waiting_days > 21);
    let leaver = main
        .team
        .members
        .iter()
        .find(|m| m.end.is_some())
        .expect("a leaver");
    assert!(
        leaver
            .end
            .is_some_and(|e| e > t && e <= t + chrono::Duration::days(31))
    );
    let ledger = ActionLedger::from_meetings(main.meetings.iter(), None);
    assert!(ledger.open().any(|a| a.item.owner == leaver.id));
    // The planned meeting can take a herverdeling of their households and open actions.
    let planned = main
        .meetings
        .iter()
        .find(|m| m.state == MeetingState::Gepland)
        .expect("a planned meeting");
    let h = overleg::session::plan_herverdeling(main, planned, std::slice::from_ref(&leaver.id));
    assert!(!h.households.is_empty() && !h.actions.is_empty());
    assert!(h.households.iter().all(|l| l.proposed.is_some()));
    let dated = main
        .cases
        .iter()
        .find(|c| !c.pending_handovers(t).is_empty())
        .expect("a dated hand-over");
    let overleg::domain::Kader::Gedwongen(m) = &dated.kader else {
        panic!("the dated hand-over follows a measure");
    };
    assert_eq!(
        dated.pending_handovers(t)[0].in_force_from(),
        m.end + chrono::Duration::days(1)
    );
}
