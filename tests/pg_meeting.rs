//! Three people at once on a database of two teams (issue 16's "done when"): the chair of
//! the first team and, on a second laptop, the transformatiecoach who supports both teams
//! (read only on the chaired team: the lease is the chair's), while the chair of the second
//! team works on hers. The database goes away in the middle of the meeting: the chair keeps
//! working, the header counts what waits, and when the database is back every change
//! arrives, none twice. The real binary in pseudo-terminals on a server of its own; every
//! step waits for text on the screen, nothing asserts on time.
#![cfg(unix)]

mod pg;
mod pty;

use pty::Session;

fn version_of_next_meeting(m: &pg::Municipality, team: &str) -> String {
    m.cluster
        .psql(
            "overleg_admin",
            &format!(
                "SELECT version FROM overleg.meetings WHERE team = '{team}' ORDER BY date DESC LIMIT 1"
            ),
        )
        .unwrap()
}

#[test]
fn three_roles_at_once_and_the_meeting_survives_the_database_going_away() {
    let Some(m) = pg::municipality("three", 30) else {
        return;
    };
    let (a, b) = (m.teams[0].clone(), m.teams[1].clone());
    let args = |user: &str, team: &str| {
        [
            "--db",
            &m.cluster.url(user),
            "--team",
            team,
            "--today",
            "2026-11-23",
        ]
        .map(String::from)
    };
    let homes = tempfile::tempdir().unwrap();
    let home = |n: &str| {
        let h = homes.path().join(n);
        std::fs::create_dir_all(&h).unwrap();
        h
    };
    let mut chair = Session::start(&args("anna", &a), &home("anna"));
    chair.wait_for("Volgend overleg");
    let mut coach = Session::start(&args("tcoach", &a), &home("tcoach"));
    coach.wait_for("Alleen lezen");
    coach.wait_for("in gebruik door anna");
    let mut other = Session::start(&args("bram", &b), &home("bram"));
    other.wait_for("Volgend overleg");
    assert!(
        !other.screen().contains("Alleen lezen"),
        "{}",
        other.screen()
    );
    // bram sees his team only; the coach's command line sees both.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_overleg"))
        .args(["caseload", "--json", "--db", &m.cluster.url("tcoach")])
        .env("HOME", home("tcoach"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&a) && text.contains(&b), "{text}");

    // The chair reorders the agenda: one save while the database is there.
    let before: i64 = version_of_next_meeting(&m, &a).parse().unwrap();
    chair.step("a", "Agenda");
    chair.send("j");
    chair.send("J");
    let deadline = std::time::Instant::now() + pty::WAIT;
    while version_of_next_meeting(&m, &a).parse::<i64>().unwrap() == before {
        assert!(
            std::time::Instant::now() < deadline,
            "the save never arrived"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    // The database goes away; the chair goes on, and sees what waits.
    m.cluster.stop();
    chair.send("J");
    chair.wait_for("offline — 1 wijziging wacht");
    chair.send("K");
    chair.wait_for("offline — 2 wijzigingen wachten");
    chair.send("J");
    chair.wait_for("offline — 3 wijzigingen wachten");
    m.cluster.restart();
    // The lease keeper's next renewal applies the journal; the mark goes.
    let deadline = std::time::Instant::now() + pty::WAIT;
    while chair.screen().contains("offline —") {
        assert!(std::time::Instant::now() < deadline, "{}", chair.screen());
        chair.wait_or_kill(|s| !s.contains("offline —"));
    }
    let after: i64 = version_of_next_meeting(&m, &a).parse().unwrap();
    assert_eq!(
        after,
        before + 4,
        "one online save and three from the journal, none twice"
    );
    // The coach on the second laptop is still read only, and was never a writer.
    assert!(coach.screen().contains(&a) || coach.screen().contains("Alleen lezen"));
    for s in [&mut chair, &mut coach, &mut other] {
        s.send("q");
    }
    chair.wait_exit();
    // Quitting gave the lease back: the coach may take it now.
    assert_eq!(
        m.cluster
            .psql(
                "overleg_admin",
                &format!(
                    "SELECT count(*) FROM overleg.leases WHERE team = '{a}' AND holder = 'anna'"
                )
            )
            .unwrap(),
        "0"
    );
}
