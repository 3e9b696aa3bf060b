//! The team lock: born complete, taken over only when seen stale, race-free take-over, a
//! heartbeat that notices a lost lock, release only of one's own.
//!
//! The racing tests run this test binary again as child processes (the ignored
//! `lock_child` test), with `OVERLEG_LOCK_DELAY_MS` widening the windows at creation and at
//! take-over. `LOCK_RACE_ROUNDS=200` gives the full run of docs/reliability.md.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use overleg::storage::lock::{
    HeartbeatOutcome, LOCK_FILE, LockError, LockObserver, LockOwner, Observation, StaleReason,
    TeamLock, identity, read_owner,
};

fn write_owner(dir: &Path, owner: &LockOwner) {
    let text = overleg::storage::to_ron(owner).unwrap();
    std::fs::write(dir.join(LOCK_FILE), text).unwrap();
}

fn other_machine(now: chrono::DateTime<Utc>) -> LockOwner {
    LockOwner {
        token: "0123456789abcdef".into(),
        machine: "een-andere-laptop".into(),
        pid: std::process::id(),
        host: "LAPTOP-12".into(),
        user: "fsahin".into(),
        since: now,
        heartbeat: now,
        beat: 0,
    }
}

#[test]
fn second_acquire_is_refused_and_release_frees_it() {
    let dir = tempfile::tempdir().unwrap();
    let now = Utc::now();
    let first = TeamLock::acquire(dir.path(), now).unwrap();
    match TeamLock::acquire(dir.path(), now) {
        Err(LockError::Held(o)) => assert_eq!(o.token, first.owner().token),
        other => panic!("expected Held, got {other:?}"),
    }
    drop(first);
    assert!(!dir.path().join(LOCK_FILE).exists());
    let again = TeamLock::acquire(dir.path(), now).unwrap();
    assert_eq!(again.owner().machine, identity::process_space());
    assert_eq!(again.owner().token.len(), 32);
}

#[cfg(unix)]
#[test]
fn lock_of_a_dead_process_on_this_machine_is_taken_over_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let now = Utc::now();
    let mine = TeamLock::acquire(dir.path(), now).unwrap();
    let mut dead = mine.owner().clone();
    std::mem::forget(mine);
    let mut child = Command::new("true").spawn().unwrap();
    child.wait().unwrap();
    dead.pid = child.id();
    dead.token = "dood".into();
    write_owner(dir.path(), &dead);
    let lock = TeamLock::acquire(dir.path(), now).unwrap();
    assert_eq!(lock.owner().pid, std::process::id());
    assert!(lock.is_still_mine());
}

#[test]
fn same_host_name_on_another_machine_is_not_checked_by_pid() {
    let dir = tempfile::tempdir().unwrap();
    let now = Utc::now();
    let mut other = other_machine(now);
    // Our own host name, and a pid that does not exist here: another laptop with the same
    // name must still not lose its lock.
    other.host = gethostname_here();
    other.pid = 99_999_999;
    write_owner(dir.path(), &other);
    assert!(matches!(
        TeamLock::acquire(dir.path(), now),
        Err(LockError::Held(_))
    ));
}

fn gethostname_here() -> String {
    TeamLock::acquire(tempfile::tempdir().unwrap().path(), Utc::now())
        .unwrap()
        .owner()
        .host
        .clone()
}

#[test]
fn an_unreadable_or_half_written_lock_is_never_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(LOCK_FILE);
    for bytes in [&b""[..], b"(pid: 12, host: \"hal", b"\x00\xff half"] {
        std::fs::write(&path, bytes).unwrap();
        let err = TeamLock::acquire(dir.path(), Utc::now()).unwrap_err();
        assert!(matches!(err, LockError::Unreadable { .. }), "{err:?}");
        let mut obs = LockObserver::with_stale_limit(Duration::ZERO);
        let t = Instant::now();
        obs.observe(dir.path(), t);
        let later = obs.observe(dir.path(), t + Duration::from_secs(3600));
        assert!(matches!(later, Observation::Unreadable(_)), "{later:?}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "left alone");
    }
}

#[test]
fn a_lock_is_stale_only_after_it_was_seen_unchanged_for_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let now = Utc::now();
    let mut other = other_machine(now);
    // A heartbeat a day in the future (clock skew) or a day old: neither counts.
    other.heartbeat = now + chrono::Duration::days(1);
    write_owner(dir.path(), &other);
    let mut obs = LockObserver::new();
    let t0 = Instant::now();
    assert!(matches!(
        obs.observe(dir.path(), t0),
        Observation::HeldBy(_)
    ));
    let t1 = t0 + Duration::from_secs(100);
    assert!(matches!(
        obs.observe(dir.path(), t1),
        Observation::HeldBy(_)
    ));
    // A heartbeat: the content changes, the clock starts again.
    other.beat += 1;
    other.heartbeat = now - chrono::Duration::days(1);
    write_owner(dir.path(), &other);
    let t2 = t0 + Duration::from_secs(200);
    assert!(matches!(
        obs.observe(dir.path(), t2),
        Observation::HeldBy(_)
    ));
    let t3 = t2 + Duration::from_secs(121);
    let Observation::TakeOverAllowed(stale) = obs.observe(dir.path(), t3) else {
        panic!("not stale after 121 s unchanged");
    };
    assert!(matches!(stale.reason, StaleReason::NoHeartbeat(d) if d >= Duration::from_secs(121)));
    let lock = TeamLock::take_over(dir.path(), &stale, now).unwrap();
    assert_eq!(
        read_owner(&dir.path().join(LOCK_FILE)).unwrap().token,
        lock.owner().token
    );
    // The stale owner's heartbeat now finds the lock is not its own.
}

#[test]
fn take_over_of_a_lock_that_changed_meanwhile_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let now = Utc::now();
    let mut other = other_machine(now);
    write_owner(dir.path(), &other);
    let mut obs = LockObserver::with_stale_limit(Duration::from_secs(1));
    let t0 = Instant::now();
    obs.observe(dir.path(), t0);
    let Observation::TakeOverAllowed(stale) = obs.observe(dir.path(), t0 + Duration::from_secs(2))
    else {
        panic!("stale");
    };
    // The holder was only slow: it beats before we act.
    other.beat += 1;
    write_owner(dir.path(), &other);
    let err = TeamLock::take_over(dir.path(), &stale, now).unwrap_err();
    assert!(
        matches!(err, LockError::Held(ref o) if o.beat == 1),
        "{err:?}"
    );
    assert_eq!(
        read_owner(&dir.path().join(LOCK_FILE)).unwrap(),
        other,
        "put back unchanged"
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn heartbeat_renews_and_notices_a_deleted_or_replaced_lock() {
    let dir = tempfile::tempdir().unwrap();
    let now = Utc::now();
    let mut lock = TeamLock::acquire(dir.path(), now).unwrap();
    let later = now + chrono::Duration::seconds(40);
    assert!(matches!(lock.heartbeat(later), HeartbeatOutcome::Renewed));
    let on_disk = read_owner(&dir.path().join(LOCK_FILE)).unwrap();
    assert_eq!((on_disk.heartbeat, on_disk.beat), (later, 1));
    // Deleted mid-meeting: noticed at the next heartbeat, and not written again.
    std::fs::remove_file(dir.path().join(LOCK_FILE)).unwrap();
    assert!(matches!(
        lock.heartbeat(later),
        HeartbeatOutcome::Lost(None)
    ));
    assert!(!dir.path().join(LOCK_FILE).exists());
    // Another chair took it: Lost with that chair, and quitting leaves its lock alone.
    let theirs = TeamLock::acquire(dir.path(), now).unwrap();
    let token = theirs.owner().token.clone();
    std::mem::forget(theirs);
    match lock.heartbeat(later) {
        HeartbeatOutcome::Lost(Some(o)) => assert_eq!(o.token, token),
        other => panic!("expected Lost, got {other:?}"),
    }
    drop(lock);
    assert_eq!(
        read_owner(&dir.path().join(LOCK_FILE)).unwrap().token,
        token
    );
}

#[cfg(unix)]
#[test]
fn a_lock_in_a_shared_group_folder_is_group_readable_and_otherwise_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let lock = TeamLock::acquire(dir.path(), Utc::now()).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode(&dir.path().join(LOCK_FILE)), 0o600);
    drop(lock);
    let shared = tempfile::tempdir().unwrap();
    overleg::storage::perm::register_team(shared.path(), overleg::storage::perm::Sharing::Group);
    let mut lock = TeamLock::acquire(shared.path(), Utc::now()).unwrap();
    assert_eq!(mode(&shared.path().join(LOCK_FILE)), 0o660);
    assert!(matches!(
        lock.heartbeat(Utc::now()),
        HeartbeatOutcome::Renewed
    ));
    assert_eq!(
        mode(&shared.path().join(LOCK_FILE)),
        0o660,
        "after a heartbeat too"
    );
}

// ---- racing processes ----

const CHILD_DIR: &str = "OVERLEG_LOCK_CHILD_DIR";

/// A racer: takes the lock (or takes over the stale lock it is told about), holds it for a
/// while so that overlapping writers would be seen, and says what happened.
#[test]
#[ignore = "run by the race tests as a child process"]
fn lock_child() {
    let Some(dir) = std::env::var_os(CHILD_DIR).map(PathBuf::from) else {
        return;
    };
    let result = if std::env::var_os("LOCK_CHILD_TAKE_OVER").is_some() {
        let mut obs = LockObserver::with_stale_limit(Duration::from_millis(50));
        let t = Instant::now();
        obs.observe(&dir, t);
        match obs.observe(&dir, t + Duration::from_millis(100)) {
            // The clock is faked forward; only the seeded stale lock is really stale (a live
            // holder's lock changes at every heartbeat, well within the real limit).
            Observation::TakeOverAllowed(stale) if stale.owner.machine == "een-andere-laptop" => {
                TeamLock::take_over(&dir, &stale, Utc::now())
            }
            Observation::Free => TeamLock::acquire(&dir, Utc::now()),
            other => {
                println!("LOST {other:?}");
                return;
            }
        }
    } else {
        TeamLock::acquire(&dir, Utc::now())
    };
    match result {
        Ok(lock) => {
            // Say so in a file of our own, hold, check we still have it, then release.
            let marker = dir.join(format!("writer-{}", std::process::id()));
            if let Err(e) = std::fs::write(&marker, lock.owner().token.as_bytes()) {
                println!("MARKER-FAILED {e}");
            }
            std::thread::sleep(Duration::from_millis(150));
            if lock.is_still_mine() {
                println!("WON");
            } else {
                println!("WON-BUT-LOST {:?}", read_owner(&dir.join(LOCK_FILE)));
            }
            std::mem::forget(lock);
        }
        Err(e) => println!("LOST {e:?}"),
    }
}

fn racer(dir: &Path, take_over: bool, delay_ms: u64) -> std::process::Child {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "--ignored",
        "--exact",
        "lock_child",
        "--nocapture",
        "--test-threads=1",
    ])
    .env(CHILD_DIR, dir)
    .env("OVERLEG_LOCK_DELAY_MS", delay_ms.to_string())
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    if take_over {
        cmd.env("LOCK_CHILD_TAKE_OVER", "1");
    }
    cmd.spawn().unwrap()
}

/// Returns the number of writers over all rounds and the rounds in which the loser, too,
/// went all the way into `acquire` / `take_over` (a contested round, not one where it saw
/// the winner's fresh lock first).
fn race(rounds: usize, take_over: bool) -> (usize, usize) {
    let mut winners_total = 0;
    let mut contested = 0;
    for round in 0..rounds {
        let dir = tempfile::tempdir().unwrap();
        if take_over {
            write_owner(dir.path(), &other_machine(Utc::now()));
        }
        let delay = (round % 4) as u64 * 15;
        let children: Vec<_> = (0..2)
            .map(|_| racer(dir.path(), take_over, delay))
            .collect();
        let mut outs = Vec::new();
        for c in children {
            let out = c.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "racer failed in round {round} ({:?}): {}{}",
                out.status,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            outs.push(String::from_utf8_lossy(&out.stdout).into_owned());
        }
        let won = outs.iter().filter(|o| o.contains("WON\n")).count();
        assert!(
            outs.iter()
                .all(|o| !o.contains("WON-BUT-LOST") && !o.contains("MARKER-FAILED")),
            "round {round}: {outs:?}"
        );
        let markers = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("writer-"))
            .count();
        assert_eq!(won, 1, "round {round}: {won} writers: {outs:?}");
        assert_eq!(markers, 1, "round {round}");
        let owner = read_owner(&dir.path().join(LOCK_FILE)).expect("the winner's lock");
        assert_ne!(
            owner.machine, "een-andere-laptop",
            "round {round}: stale lock left"
        );
        winners_total += won;
        contested += usize::from(outs.iter().any(|o| o.contains("LOST Held(")));
    }
    (winners_total, contested)
}

fn rounds() -> usize {
    std::env::var("LOCK_RACE_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10)
}

#[test]
fn two_processes_racing_for_a_free_lock_give_exactly_one_writer() {
    let n = rounds();
    let (writers, contested) = race(n, false);
    assert_eq!(writers, n);
    println!("lock races (create): {n} rounds, one writer each; {contested} contested to the end");
}

#[test]
fn two_processes_taking_over_one_stale_lock_give_exactly_one_writer() {
    let n = rounds();
    let (writers, contested) = race(n, true);
    assert_eq!(writers, n);
    assert!(contested > 0, "no round had both racers taking over");
    println!(
        "lock races (take-over): {n} rounds, one writer each; {contested} contested to the end"
    );
}
