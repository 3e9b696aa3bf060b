//! The PostgreSQL store against a real server of its own (see `tests/pg/mod.rs`):
//! need-to-know through overleg and through psql, stale writes and conflicts, one lease, the
//! round trip RON → PostgreSQL → RON, saving a team and moving a meeting. The database going
//! away: `tests/pg_offline.rs`; the audit trail and `--db` itself: `tests/pg_audit.rs`.
#![cfg(unix)]

mod pg;

use std::path::Path;

use overleg::storage::guard::GuardError;
use overleg::store::{Scope, Store};
use pg::{edited, seen_of};

#[test]
fn two_workers_of_two_teams_see_only_their_own_households() {
    let Some(m) = pg::municipality("rls", 40) else {
        return;
    };
    let local = tempfile::tempdir().unwrap();
    let folder = overleg::storage::load_workspace(&m.data());
    let count = |team: &str| {
        folder
            .workspace
            .teams
            .iter()
            .find(|t| t.team.id == team)
            .map_or(0, |t| t.cases.len())
    };
    // Through overleg.
    let anna = m.store("anna", local.path()).load(&Scope::All);
    assert!(anna.problems.is_empty(), "{:?}", anna.problems);
    let ids: Vec<&str> = anna
        .workspace
        .teams
        .iter()
        .map(|t| t.team.id.as_str())
        .collect();
    assert_eq!(ids, vec![m.teams[0].as_str()]);
    assert_eq!(anna.workspace.case_count(), count(&m.teams[0]));
    let bram = m.store("bram", local.path()).load(&Scope::All);
    let ids: Vec<&str> = bram
        .workspace
        .teams
        .iter()
        .map(|t| t.team.id.as_str())
        .collect();
    assert_eq!(ids, vec![m.teams[1].as_str()]);
    let coach = m.store("tcoach", local.path()).load(&Scope::All);
    assert_eq!(coach.workspace.teams.len(), 2);
    // The administrator's login is refused by the app: RLS would not bind it.
    let refused = overleg::store::pg::PgStore::open(
        m.cluster.target("overleg_admin"),
        local.path().join("x"),
    );
    assert!(matches!(
        refused,
        Err(overleg::store::pg::DbError::OwnerLogin(_))
    ));
    // Asking for the other team gives nothing, not an error that names its data.
    let other = m
        .store("anna", local.path())
        .load(&Scope::Team(m.teams[1].clone()));
    assert!(other.workspace.teams.is_empty());

    // A new aanmelding needs a code free in the whole municipality: anna learns the other
    // team's codes, nothing else of them.
    let mut elsewhere = m.store("anna", local.path()).codes_elsewhere();
    elsewhere.sort();
    let mut theirs: Vec<String> = folder.workspace.teams[1]
        .cases
        .iter()
        .map(|c| c.code.clone())
        .collect();
    theirs.sort();
    assert_eq!(folder.workspace.teams[1].team.id, m.teams[1]);
    assert_eq!(elsewhere, theirs);

    // Through the command line: the lookups show only the login's teams.
    let (ok, text, err) = pg::overleg(&m.cluster, "bram", &["caseload", "--json"], local.path());
    assert!(ok, "{err}");
    assert!(
        text.contains(&m.teams[1]) && !text.contains(&m.teams[0]),
        "{text}"
    );
    // `check` and the overview off a terminal read the database too, not the folder.
    for args in [&["check"][..], &[][..]] {
        let args = [args, &["--data", "/nonexistent"][..]].concat();
        let (ok, text, err) = pg::overleg(&m.cluster, "bram", &args, local.path());
        assert!(ok, "{args:?}: {text}{err}");
        assert!(!text.contains(&m.teams[0]), "{args:?}: {text}");
    }

    // Through psql, as each role.
    let c = &m.cluster;
    let teams_seen = |user: &str| {
        c.psql(
            user,
            "SELECT string_agg(DISTINCT team, ',') FROM overleg.cases",
        )
    };
    assert_eq!(teams_seen("anna").unwrap(), m.teams[0]);
    assert_eq!(teams_seen("bram").unwrap(), m.teams[1]);
    assert_eq!(teams_seen("tcoach").unwrap(), m.teams.join(","));
    let n: usize = c
        .psql("anna", "SELECT count(*) FROM overleg.cases")
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(n, count(&m.teams[0]));
    assert_eq!(
        c.psql(
            "anna",
            &format!(
                "SELECT count(*) FROM overleg.meetings WHERE team = '{}'",
                m.teams[1]
            )
        )
        .unwrap(),
        "0"
    );
    // Writing into another team is refused by the policy, not filtered silently.
    let err = c
        .psql(
            "anna",
            &format!(
                "INSERT INTO overleg.cases (team, code, doc, fingerprint) VALUES ('{}', '2099-0001', '{{}}', '')",
                m.teams[1]
            ),
        )
        .unwrap_err();
    assert!(err.contains("row-level security"), "{err}");
    let upd = c
        .psql(
            "anna",
            &format!(
                "UPDATE overleg.cases SET doc = '{{}}' WHERE team = '{}'",
                m.teams[1]
            ),
        )
        .unwrap();
    assert_eq!(
        upd, "UPDATE 0",
        "an update of another team's rows touches none"
    );
    assert_eq!(
        c.psql(
            "bram",
            "SELECT count(*) FROM overleg.cases WHERE doc::text = '{}'"
        )
        .unwrap(),
        "0"
    );
    // The manager sees counts only; no worker sees the overview; nobody reads the audit log
    // but the auditor; the app's logins own nothing.
    assert!(
        c.psql("mgr", "SELECT count(*) FROM overleg.cases")
            .unwrap_err()
            .contains("permission denied")
    );
    let overview = c
        .psql(
            "mgr",
            "SELECT team, households FROM overleg.caseload_overview ORDER BY team",
        )
        .unwrap();
    assert_eq!(overview.lines().count(), 2, "{overview}");
    assert!(
        overview.contains(&format!("{}|{}", m.teams[0], count(&m.teams[0]))),
        "{overview}"
    );
    assert!(
        c.psql("anna", "SELECT * FROM overleg.caseload_overview")
            .unwrap_err()
            .contains("permission denied")
    );
    assert!(
        c.psql("anna", "SELECT count(*) FROM overleg.audit")
            .unwrap_err()
            .contains("permission denied")
    );
    assert_eq!(
        c.psql("overleg_admin", "SELECT count(*) FROM pg_tables t JOIN pg_roles r ON r.rolname = t.tableowner WHERE schemaname = 'overleg' AND r.rolcanlogin").unwrap(),
        "0"
    );
    assert_eq!(
        c.psql("overleg_admin", "SELECT bool_and(relrowsecurity AND relforcerowsecurity) FROM pg_class WHERE relnamespace = 'overleg'::regnamespace AND relname IN ('teams','cases','meetings','minutes','leases','conflicts','audit')").unwrap(),
        "t"
    );
    // The overview holds no household content: no column of codes or pseudonyms.
    let cols = c.psql("overleg_admin", "SELECT string_agg(column_name, ',') FROM information_schema.columns WHERE table_name = 'caseload_overview'").unwrap();
    assert!(
        !cols.contains("code") && !cols.contains("pseudonym") && !cols.contains("doc"),
        "{cols}"
    );
}

#[test]
fn a_stale_write_is_refused_and_kept_as_a_conflict() {
    let Some(m) = pg::municipality("stale", 20) else {
        return;
    };
    let local = tempfile::tempdir().unwrap();
    let mut one = m.store("anna", local.path());
    let mut two = m.store("tcoach", local.path());
    let a = one.load(&Scope::All);
    let b = two.load(&Scope::Team(m.teams[0].clone()));
    let (mut seen_a, mut seen_b) = (seen_of(&a), seen_of(&b));
    let case = &a.workspace.teams[0].cases[0];
    let path_a = overleg::storage::case_path(&a.workspace.teams[0].dir, &case.code);
    let path_b = overleg::storage::case_path(&b.workspace.teams[0].dir, &case.code);
    let (_, first, _) = edited(case, "Eerste versie (anna).");
    let (_, second, _) = edited(case, "Tweede versie (coach).");
    assert_eq!(
        one.write(&mut seen_a, &path_a, &first).unwrap(),
        overleg::storage::guard::Saved::Written
    );
    let err = two.write(&mut seen_b, &path_b, &second).unwrap_err();
    assert!(matches!(err, GuardError::ChangedOnDisk(_)), "{err:?}");
    let kept = two.keep_conflict(&path_b, &second).unwrap();
    assert!(kept.starts_with("conflict #"), "{kept}");
    // The row holds anna's version; the coach's is in the conflict table.
    let again = m.store("bram", local.path());
    drop(again);
    let now = m.store("anna", local.path()).load(&Scope::All);
    let row = now.workspace.teams[0].case(&case.code).unwrap();
    assert_eq!(row.situation_now, "Eerste versie (anna).");
    let c = &m.cluster;
    assert_eq!(
        c.psql("anna", "SELECT count(*) FROM overleg.conflicts")
            .unwrap(),
        "1"
    );
    assert_eq!(
        c.psql("bram", "SELECT count(*) FROM overleg.conflicts")
            .unwrap(),
        "0"
    );
    // A change set with that stale part is refused whole; the part's version is kept.
    let (_, third, _) = edited(case, "Derde versie, in een sluiting.");
    let other = &b.workspace.teams[0].cases[1];
    let (_, fine, _) = edited(other, "Hoort bij dezelfde sluiting.");
    let other_path = overleg::storage::case_path(&b.workspace.teams[0].dir, &other.code);
    let set = overleg::storage::changeset::ChangeSet {
        kind: overleg::storage::changeset::ChangeKind::Other("test".into()),
        parts: vec![
            overleg::storage::changeset::Part {
                expect: overleg::storage::changeset::Expect::Exactly(
                    seen_b.get(&other_path).unwrap(),
                ),
                path: other_path.clone(),
                bytes: fine,
                last: false,
            },
            overleg::storage::changeset::Part {
                expect: overleg::storage::changeset::Expect::Exactly(seen_b.get(&path_b).unwrap()),
                path: path_b.clone(),
                bytes: third,
                last: true,
            },
        ],
    };
    let report = two.commit(&b.workspace.teams[0], set).unwrap();
    assert!(!report.is_done());
    assert!(
        report.parts.iter().any(|p| matches!(
            &p.outcome,
            overleg::storage::changeset::PartOutcome::Conflict { copy: Some(_) }
        )),
        "{report:?}"
    );
    assert_eq!(
        c.psql("anna", "SELECT count(*) FROM overleg.conflicts")
            .unwrap(),
        "2"
    );
    let now = m.store("anna", local.path()).load(&Scope::All);
    assert_ne!(
        now.workspace.teams[0]
            .case(&other.code)
            .unwrap()
            .situation_now,
        "Hoort bij dezelfde sluiting.",
        "nothing of the refused change set was applied"
    );
    // The conflicts on the command line: listed for the team, shown as RON, removed;
    // bram (other team) sees none of them.
    let overleg = |user: &str, args: &[&str]| {
        let (ok, out, _) = pg::overleg(&m.cluster, user, args, local.path());
        (ok, out)
    };
    let (ok, list) = overleg("anna", &["db", "conflicten"]);
    assert!(
        ok && list.lines().count() == 2 && list.contains("cases/"),
        "{list}"
    );
    let first: String = list
        .split_whitespace()
        .next()
        .unwrap()
        .trim_start_matches('#')
        .into();
    let (ok, body) = overleg("anna", &["db", "conflicten", "--toon", &first]);
    assert!(ok && body.contains("Tweede versie (coach)."), "{body}");
    let (_, theirs) = overleg("bram", &["db", "conflicten"]);
    assert!(theirs.contains("geen conflicten"), "{theirs}");
    let (ok, _) = overleg("bram", &["db", "conflicten", "--verwijder", &first]);
    assert!(!ok, "another team's conflict cannot be removed");
    let (ok, _) = overleg("anna", &["db", "conflicten", "--verwijder", &first]);
    assert!(ok);
    assert_eq!(
        c.psql("anna", "SELECT count(*) FROM overleg.conflicts")
            .unwrap(),
        "1"
    );
    // After a reload the coach may write on top of anna's version.
    let b = two.load(&Scope::Team(m.teams[0].clone()));
    let mut seen_b = seen_of(&b);
    two.write(&mut seen_b, &path_b, &second).unwrap();
}

#[test]
fn two_chairs_on_one_team_get_one_lease() {
    use overleg::store::pg::lease;
    use std::time::Duration;
    let Some(m) = pg::municipality("lease", 10) else {
        return;
    };
    let team = m.teams[0].clone();
    for round in 0..40 {
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(2));
        let handles: Vec<_> = ["anna", "tcoach"]
            .into_iter()
            .map(|user| {
                let mut client = m.cluster.client(user);
                let (team, barrier) = (team.clone(), barrier.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    let got = lease::take(&mut client, &team, "team", lease::LEASE_FOR).unwrap();
                    (client, got)
                })
            })
            .collect();
        let mut results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        let winners = results.iter().filter(|(_, r)| r.is_ok()).count();
        assert_eq!(winners, 1, "round {round}: exactly one writer");
        results.sort_by_key(|(_, r)| r.is_err());
        let (first, second) = results.split_at_mut(1);
        let (holder, lease) = &mut first[0];
        let lease = lease.clone().unwrap();
        assert!(lease::renew(holder, &lease, lease::LEASE_FOR).unwrap());
        let (other, refused) = &mut second[0];
        let who = refused.clone().unwrap_err();
        assert!(who.user == "anna" || who.user == "tcoach");
        assert!(who.expires_in > 500, "{who:?}");
        // Someone else's token renews nothing.
        let fake = lease::Lease {
            token: "not-mine".into(),
            ..lease.clone()
        };
        assert!(!lease::renew(other, &fake, lease::LEASE_FOR).unwrap());
        lease::release(holder, &lease).unwrap();
    }
    // A lease not renewed expires on the database clock; its holder learns it lost it.
    let mut a = m.cluster.client("anna");
    let mut b = m.cluster.client("tcoach");
    let short = Duration::from_millis(300);
    let l = lease::take(&mut a, &team, "team", short).unwrap().unwrap();
    assert!(lease::take(&mut b, &team, "team", short).unwrap().is_err());
    std::thread::sleep(Duration::from_millis(600));
    let lb = lease::take(&mut b, &team, "team", lease::LEASE_FOR)
        .unwrap()
        .unwrap();
    assert!(!lease::renew(&mut a, &l, lease::LEASE_FOR).unwrap());
    assert!(lease::renew(&mut b, &lb, lease::LEASE_FOR).unwrap());
    // A holder of this login on this machine whose process is gone is taken over at once;
    // a live one, or another login's, is not.
    lease::release(&mut b, &lb).unwrap();
    let l = lease::take(&mut a, &team, "team", lease::LEASE_FOR)
        .unwrap()
        .unwrap();
    let mut held = lease::take(&mut a, &team, "team", lease::LEASE_FOR)
        .unwrap()
        .unwrap_err();
    assert!(!lease::is_dead_here(&held, "anna"), "this process is alive");
    assert!(!lease::is_dead_here(&held, "tcoach"));
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let dead_pid = child.id();
    child.wait().unwrap();
    let (host_space, _) = held.place.rsplit_once('|').unwrap();
    held.place = format!("{host_space}|{dead_pid}");
    assert!(lease::is_dead_here(&held, "anna"));
    let taken = lease::take_over(&mut a, &team, "team", &held, lease::LEASE_FOR)
        .unwrap()
        .unwrap();
    assert!(
        !lease::renew(&mut a, &l, lease::LEASE_FOR).unwrap(),
        "the old token is gone"
    );
    assert!(lease::renew(&mut a, &taken, lease::LEASE_FOR).unwrap());
    assert!(
        lease::take_over(&mut b, &team, "team", &held, lease::LEASE_FOR)
            .unwrap()
            .is_none()
    );

    // And bram, of the other team, cannot even see this team's lease.
    let mut c = m.cluster.client("bram");
    assert!(lease::take(&mut c, &team, "team", short).is_err());
}

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            if name.starts_with(".overleg") {
                continue;
            }
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy().to_string();
                out.push((rel, std::fs::read(&p).unwrap()));
            }
        }
    }
    walk(dir, dir, &mut out);
    out.sort();
    out
}

#[test]
fn ron_to_postgresql_to_ron_gives_the_same_bytes() {
    let Some(m) = pg::municipality("roundtrip", 60) else {
        return;
    };
    let out = m.folder.path().join("terug");
    let mut admin = m.cluster.client("overleg_admin");
    let moved = overleg::store::pg::admin::export(&mut admin, &out, true).unwrap();
    assert_eq!(moved.teams, 2);
    let before = files(&m.data());
    let after = files(&out);
    let names = |v: &[(String, Vec<u8>)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&after), names(&before));
    for ((n, a), (_, b)) in after.iter().zip(&before) {
        assert!(a == b, "{n} differs after the round trip");
    }
    let check = overleg::storage::load_workspace(&out);
    assert!(check.problems.is_empty(), "{:?}", check.problems);
    // Importing the export again changes nothing (no row's version moves).
    let v = m
        .cluster
        .psql("overleg_admin", "SELECT sum(version) FROM overleg.cases")
        .unwrap();
    overleg::store::pg::admin::import(&mut admin, &check.workspace, &out).unwrap();
    assert_eq!(
        m.cluster
            .psql("overleg_admin", "SELECT sum(version) FROM overleg.cases")
            .unwrap(),
        v
    );
    // An export never lands on an existing folder.
    assert!(overleg::store::pg::admin::export(&mut admin, &out, true).is_err());
}

#[test]
fn a_team_and_a_moved_meeting_are_saved_through_the_store() {
    let Some(m) = pg::municipality("team-save", 10) else {
        return;
    };
    let local = tempfile::tempdir().unwrap();
    let mut store = m.store("anna", local.path());
    let loaded = store.load(&Scope::All);
    let mut seen = seen_of(&loaded);
    let td = &loaded.workspace.teams[0];
    let mut team = td.team.clone();
    team.name = "Wijkteam Nieuwe Naam".into();
    let path = td.dir.join("team.ron");
    store
        .write(
            &mut seen,
            &path,
            overleg::storage::to_ron(&team).unwrap().as_bytes(),
        )
        .unwrap();
    // A meeting moved to another date: written under the new one, the old row removed.
    let mut meeting = td.meetings.last().unwrap().clone();
    let old = overleg::storage::meeting_path(&td.dir, meeting.date);
    meeting.date = meeting.date.succ_opt().unwrap();
    let new = overleg::storage::meeting_path(&td.dir, meeting.date);
    store
        .write(
            &mut seen,
            &new,
            overleg::storage::to_ron(&meeting).unwrap().as_bytes(),
        )
        .unwrap();
    assert!(store.remove(&mut seen, &old).unwrap());
    let again = m.store("anna", local.path()).load(&Scope::All);
    let t = &again.workspace.teams[0];
    assert_eq!(t.team.name, "Wijkteam Nieuwe Naam");
    assert!(t.meeting(meeting.date).is_some());
    assert_eq!(t.meetings.len(), td.meetings.len());
    // bram cannot rename anna's team.
    let mut bram = m.store("bram", local.path());
    let b = bram.load(&Scope::All);
    let mut seen_b = seen_of(&b);
    let foreign = td.dir.join("team.ron");
    assert!(bram.write(&mut seen_b, &foreign, b"(x)").is_err());
}
