//! A file changed by hand while the app runs is noticed before it would be overwritten.

use overleg::storage::guard::{Fingerprint, GuardError, write_guarded};

#[test]
fn unchanged_file_is_written_and_changed_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("2026-0001.ron");
    let fp = write_guarded(&path, None, b"(versie: 1)\n").unwrap();
    let fp = write_guarded(&path, Some(fp), b"(version: 1)\n").unwrap();

    std::fs::write(&path, b"(version: 1, met de hand)\n").unwrap();
    match write_guarded(&path, Some(fp), b"(version: 2)\n") {
        Err(GuardError::ChangedOnDisk(p)) => assert_eq!(p, path),
        other => panic!("expected ChangedOnDisk, got {other:?}"),
    }
    assert_eq!(
        std::fs::read(&path).unwrap(),
        b"(version: 1, met de hand)\n"
    );

    // After re-reading, the new fingerprint allows the write again.
    let seen = Fingerprint::of_file(&path).unwrap();
    write_guarded(&path, seen, b"(version: 2)\n").unwrap();
}

#[test]
fn deleted_file_and_unexpected_new_file_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.ron");
    let fp = write_guarded(&path, None, b"a").unwrap();
    std::fs::remove_file(&path).unwrap();
    assert!(matches!(
        write_guarded(&path, Some(fp), b"b"),
        Err(GuardError::ChangedOnDisk(_))
    ));
    std::fs::write(&path, b"iemand anders").unwrap();
    assert!(matches!(
        write_guarded(&path, None, b"b"),
        Err(GuardError::ChangedOnDisk(_))
    ));
}
