//! A close on PostgreSQL is one transaction: the client killed before every statement of
//! it (`OVERLEG_CRASH_AT_WRITE=N`, as the folder's crash-point test does) leaves the
//! meeting open with every case as it was, or closed with every part written — never in
//! between.
#![cfg(unix)]

mod pg;

use std::process::Command;

use overleg::storage::changeset::{ChangeKind, ChangeSet, Expect, Part};
use overleg::storage::guard::Seen;
use overleg::store::{Scope, Store};

const CHILD: &str = "OVERLEG_PG_CLOSE_CHILD";

/// The close the child commits: three cases, the minutes, the meeting last.
fn the_close(store: &mut overleg::store::pg::PgStore) -> (ChangeSet, overleg::domain::TeamData) {
    let loaded = store.load(&Scope::All);
    let mut seen = Seen::default();
    for (p, fp) in &loaded.fingerprints {
        seen.insert(p.clone(), *fp);
    }
    let team = loaded.workspace.teams[0].clone();
    let mut parts = Vec::new();
    for case in team.cases.iter().take(3) {
        let mut c = case.clone();
        c.situation_now = "Besproken in het overleg; regie blijft.".into();
        let path = overleg::storage::case_path(&team.dir, &c.code);
        parts.push(Part {
            expect: Expect::Exactly(seen.get(&path).unwrap()),
            bytes: overleg::storage::to_ron(&c).unwrap().into_bytes(),
            path,
            last: false,
        });
    }
    let mut m = team.meetings.last().unwrap().clone();
    m.place = "Gesloten in de crashtest".into();
    parts.push(Part {
        path: team.dir.join("minutes").join("crash-notulen.md"),
        expect: Expect::Anything,
        bytes: b"# Notulen\n".to_vec(),
        last: false,
    });
    let path = overleg::storage::meeting_path(&team.dir, m.date);
    parts.push(Part {
        expect: Expect::Exactly(seen.get(&path).unwrap()),
        bytes: overleg::storage::to_ron(&m).unwrap().into_bytes(),
        path,
        last: true,
    });
    (
        ChangeSet {
            kind: ChangeKind::Close(m.date),
            parts,
        },
        team,
    )
}

#[test]
fn child_commits_the_close() {
    let Ok(spec) = std::env::var(CHILD) else {
        return;
    };
    let (url, local) = spec.split_once('|').unwrap();
    let target = overleg::store::pg::Target::parse(url).unwrap();
    let mut store = overleg::store::pg::PgStore::open(target, local.into()).unwrap();
    let (set, team) = the_close(&mut store);
    let report = store.commit(&team, set).unwrap();
    assert!(report.is_done());
}

#[test]
fn a_close_killed_at_every_statement_is_all_or_nothing() {
    if std::env::var_os(CHILD).is_some() {
        return;
    }
    let Some(m) = pg::municipality("close", 20) else {
        return;
    };
    let local = tempfile::tempdir().unwrap();
    let url = m.cluster.url("anna");
    let snapshot = |m: &pg::Municipality| {
        m.cluster
            .psql(
                "overleg_admin",
                "SELECT (SELECT count(*) FROM overleg.cases WHERE doc->>'situation_now' LIKE 'Besproken%') \
                 || ',' || (SELECT count(*) FROM overleg.meetings WHERE doc->>'place' LIKE 'Gesloten%') \
                 || ',' || (SELECT count(*) FROM overleg.minutes WHERE name = 'crash-notulen.md')",
            )
            .unwrap()
    };
    assert_eq!(snapshot(&m), "0,0,0");
    let mut crashes = 0;
    for n in 1..50 {
        let out = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "child_commits_the_close",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(
                CHILD,
                format!("{url}|{}", local.path().join(format!("c{n}")).display()),
            )
            .env("OVERLEG_CRASH_AT_WRITE", n.to_string())
            .output()
            .unwrap();
        let state = snapshot(&m);
        if out.status.success() {
            assert_eq!(state, "3,1,1", "completed at n={n}");
            break;
        }
        crashes += 1;
        assert_eq!(
            state, "0,0,0",
            "killed before statement {n}: nothing may have changed"
        );
    }
    // The load's read note, three cases, the minutes, the meeting, the commit: a kill
    // before each.
    eprintln!("pg_close: {crashes} kill points, each all-or-nothing");
    assert_eq!(crashes, 7, "{crashes} kill points");
    assert_eq!(snapshot(&m), "3,1,1");
}
