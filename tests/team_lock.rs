//! Two chairs on one folder: the second gets a clear refusal; stale locks are taken over.

use chrono::{Duration, Utc};
use overleg::storage::lock::{LOCK_FILE, LockError, LockOwner, TeamLock, read_owner};

fn write_owner(dir: &std::path::Path, owner: &LockOwner) {
    let text = overleg::storage::to_ron(owner).unwrap();
    std::fs::write(dir.join(LOCK_FILE), text).unwrap();
}

#[test]
fn second_acquire_is_refused_and_release_frees_it() {
    let dir = tempfile::tempdir().unwrap();
    let now = Utc::now();
    let first = TeamLock::acquire(dir.path(), now).unwrap();
    match TeamLock::acquire(dir.path(), now) {
        Err(LockError::Held(o)) => assert_eq!(o.pid, std::process::id()),
        other => panic!("expected Held, got {other:?}"),
    }
    drop(first);
    assert!(!dir.path().join(LOCK_FILE).exists());
    TeamLock::acquire(dir.path(), now).unwrap();
}

#[test]
fn lock_of_a_dead_process_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let now = Utc::now();
    let mine = TeamLock::acquire(dir.path(), now).unwrap();
    let mut dead = mine.owner().clone();
    std::mem::forget(mine);
    // A pid far above pid_max on Linux cannot be alive.
    dead.pid = 99_999_999;
    write_owner(dir.path(), &dead);
    let lock = TeamLock::acquire(dir.path(), now).unwrap();
    assert_eq!(lock.owner().pid, std::process::id());
}

#[test]
fn lock_from_another_host_is_kept_until_its_heartbeat_is_old() {
    let dir = tempfile::tempdir().unwrap();
    let now = Utc::now();
    let other = LockOwner {
        pid: 4242,
        host: "laptop-van-iemand-anders".into(),
        user: "fsahin".into(),
        since: now - Duration::minutes(30),
        heartbeat: now - Duration::seconds(30),
    };
    write_owner(dir.path(), &other);
    let err = TeamLock::acquire(dir.path(), now).unwrap_err();
    assert!(err.to_string().contains("fsahin"), "{err}");

    let later = now + Duration::minutes(5);
    let lock = TeamLock::acquire(dir.path(), later).unwrap();
    assert_eq!(
        read_owner(&dir.path().join(LOCK_FILE)).unwrap().pid,
        lock.owner().pid
    );
}

#[test]
fn garbage_lock_file_is_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(LOCK_FILE), b"\x00\xff half").unwrap();
    TeamLock::acquire(dir.path(), Utc::now()).unwrap();
}

#[test]
fn heartbeat_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let now = Utc::now();
    let mut lock = TeamLock::acquire(dir.path(), now).unwrap();
    let later = now + Duration::seconds(40);
    lock.heartbeat(later).unwrap();
    assert_eq!(
        read_owner(&dir.path().join(LOCK_FILE)).unwrap().heartbeat,
        later
    );
}
