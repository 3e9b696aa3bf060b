//! The database going away: writes wait in the offline journal and arrive, each once, when
//! it is back — also when the laptop was closed meanwhile (see `tests/pg/mod.rs`).
#![cfg(unix)]

mod pg;

use overleg::domain::Case;
use overleg::storage::guard::Seen;
use overleg::store::{Scope, Store};
use pg::{edited, seen_of};

#[test]
fn the_database_stopped_mid_meeting_every_entry_arrives_none_twice() {
    let Some(m) = pg::municipality("offline", 20) else {
        return;
    };
    let local = tempfile::tempdir().unwrap();
    let mut chair = m.store("anna", local.path());
    let loaded = chair.load(&Scope::All);
    let mut seen = seen_of(&loaded);
    let team = &loaded.workspace.teams[0];
    let mut meeting = team.meetings.last().unwrap().clone();
    let path = overleg::storage::meeting_path(&team.dir, meeting.date);
    let mut cases: Vec<Case> = team.cases.iter().take(3).cloned().collect();
    let mut write_round = |chair: &mut overleg::store::pg::PgStore, seen: &mut Seen, n: usize| {
        meeting.guests.push(overleg::domain::Guest {
            name: format!("Gast {n}"),
            role: "ervaringsdeskundige".into(),
        });
        let bytes = overleg::storage::to_ron(&meeting).unwrap().into_bytes();
        chair.write(seen, &path, &bytes).unwrap();
        let c = &mut cases[n % 3];
        c.situation_now = format!("Stand na ronde {n}.");
        let cp = overleg::storage::case_path(&team.dir, &c.code);
        chair
            .write(seen, &cp, overleg::storage::to_ron(c).unwrap().as_bytes())
            .unwrap();
    };
    for n in 0..5 {
        write_round(&mut chair, &mut seen, n);
    }
    assert_eq!(chair.pending(), 0);
    m.cluster.stop();
    for n in 5..12 {
        write_round(&mut chair, &mut seen, n);
    }
    assert_eq!(chair.pending(), 14, "every entry waits in the journal");
    // Still offline: a replay keeps everything.
    assert!(chair.replay().is_err());
    assert_eq!(chair.pending(), 14);
    m.cluster.restart();
    let done = chair.replay().unwrap();
    assert_eq!(
        (done.applied, done.already, done.conflicts.len()),
        (14, 0, 0),
        "{done:?}"
    );
    assert_eq!(chair.pending(), 0);
    let after = m.store("anna", local.path()).load(&Scope::All);
    let t = &after.workspace.teams[0];
    let got = t.meeting(meeting.date).unwrap();
    assert_eq!(got.guests, meeting.guests, "every entry arrived");
    for c in &cases {
        assert_eq!(t.case(&c.code).unwrap().situation_now, c.situation_now);
    }
    // None twice: the meeting row changed exactly once per write (12 rounds).
    let v = m
        .cluster
        .psql(
            "anna",
            &format!(
                "SELECT version FROM overleg.meetings WHERE date = '{}'",
                meeting.date
            ),
        )
        .unwrap();
    assert_eq!(v, "13");
    // A replay of an entry the server already holds (confirmed, journal not yet cleared)
    // counts as done and writes nothing.
    let journal = local.path().join("anna/.overleg-journal");
    let mut j = overleg::store::journal::Journal::open(&journal).unwrap();
    j.push(&overleg::store::journal::Entry::Put {
        path: path.clone(),
        expect: None,
        bytes: overleg::storage::to_ron(&meeting).unwrap().into_bytes(),
    })
    .unwrap();
    let mut chair = m.store("anna", local.path());
    chair.load(&Scope::All);
    assert_eq!(chair.pending(), 1);
    let done = chair.replay().unwrap();
    assert_eq!((done.applied, done.already), (0, 1));
    let v2 = m
        .cluster
        .psql(
            "anna",
            &format!(
                "SELECT version FROM overleg.meetings WHERE date = '{}'",
                meeting.date
            ),
        )
        .unwrap();
    assert_eq!(v2, "13");
    // The journal was owner-only while it existed and is gone now.
    assert!(!journal.exists());
}

#[test]
fn a_journal_left_by_a_laptop_closed_offline_is_applied_at_the_next_start() {
    let Some(m) = pg::municipality("closed-offline", 10) else {
        return;
    };
    let local = tempfile::tempdir().unwrap();
    let mut chair = m.store("anna", local.path());
    let loaded = chair.load(&Scope::All);
    let mut seen = seen_of(&loaded);
    let team = &loaded.workspace.teams[0];
    let case = &team.cases[0];
    let path = overleg::storage::case_path(&team.dir, &case.code);
    m.cluster.stop();
    let (_, bytes, _) = edited(case, "Genoteerd terwijl de wifi weg was.");
    chair.write(&mut seen, &path, &bytes).unwrap();
    assert_eq!(chair.pending(), 1);
    drop(chair); // the laptop closed
    m.cluster.restart();
    let (mut again, replayed) = overleg::store::pg::PgStore::open_and_replay(
        m.cluster.target("anna"),
        local.path().join("anna"),
    )
    .unwrap();
    let r = replayed.expect("the journal was applied");
    assert_eq!((r.applied, r.conflicts.len()), (1, 0));
    assert_eq!(again.pending(), 0);
    let now = again.load(&Scope::All);
    assert_eq!(
        now.workspace.teams[0]
            .case(&case.code)
            .unwrap()
            .situation_now,
        "Genoteerd terwijl de wifi weg was."
    );
}
