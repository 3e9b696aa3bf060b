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

mod seen {
    use overleg::storage::guard::{GuardError, Saved, Seen, conflict_path};

    #[test]
    fn remembers_what_it_loaded_and_wrote() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("2026-11-24.ron");
        std::fs::write(&path, b"(versie: 1)\n").unwrap();
        let mut seen = Seen::default();
        seen.remember(&path);
        assert_eq!(
            seen.write(&path, b"(versie: 1)\n").unwrap(),
            Saved::Unchanged
        );
        assert_eq!(seen.write(&path, b"(versie: 2)\n").unwrap(), Saved::Written);
        assert_eq!(std::fs::read(&path).unwrap(), b"(versie: 2)\n");

        // A hand edit: refused, the edit stays.
        std::fs::write(&path, b"(versie: 2, hand)\n").unwrap();
        assert!(matches!(
            seen.write(&path, b"(versie: 3)\n"),
            Err(GuardError::ChangedOnDisk(_))
        ));
        assert_eq!(std::fs::read(&path).unwrap(), b"(versie: 2, hand)\n");

        // Deleted underneath: written again from memory.
        let other = dir.path().join("b.ron");
        std::fs::write(&other, b"x").unwrap();
        let mut fresh = Seen::default();
        fresh.remember(&other);
        std::fs::remove_file(&other).unwrap();
        assert_eq!(fresh.write(&other, b"y").unwrap(), Saved::Recreated);
        assert_eq!(std::fs::read(&other).unwrap(), b"y");
    }

    #[test]
    fn a_file_never_seen_is_not_overwritten_but_a_new_one_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ron");
        let mut seen = Seen::default();
        assert_eq!(seen.write(&path, b"nieuw").unwrap(), Saved::Written);
        let foreign = dir.path().join("b.ron");
        std::fs::write(&foreign, b"van een ander").unwrap();
        assert!(seen.write(&foreign, b"van mij").is_err());
        assert_eq!(std::fs::read(&foreign).unwrap(), b"van een ander");
        assert_eq!(conflict_path(&foreign), dir.path().join("b.ron.conflict"));
    }
}
