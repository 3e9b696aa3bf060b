//! The audit trail, and the connection string on the command line (see `tests/pg/mod.rs`).
#![cfg(unix)]

mod pg;

use overleg::store::{Scope, Store};
use pg::{edited, seen_of};

#[test]
fn the_audit_answers_who_saw_and_who_changed_a_household() {
    let Some(m) = pg::municipality("audit", 20) else {
        return;
    };
    let local = tempfile::tempdir().unwrap();
    let mut anna = m.store("anna", local.path());
    let loaded = anna.load(&Scope::All);
    let mut seen = seen_of(&loaded);
    let team = &loaded.workspace.teams[0];
    let case = &team.cases[1];
    let (_, bytes, _) = edited(case, "Gewijzigd voor de audit.");
    let path = overleg::storage::case_path(&team.dir, &case.code);
    anna.write(&mut seen, &path, &bytes).unwrap();
    // bram (other team) loads too: he never saw this household.
    m.store("bram", local.path()).load(&Scope::All);
    let mut auditor = m.cluster.client("audit");
    let lines = overleg::store::pg::audit::of_case(&mut auditor, &case.code).unwrap();
    let by = |who: &str, action: &str| {
        lines
            .iter()
            .any(|l| l.who == who && l.action == action && l.kind == "zaak" && l.key == case.code)
    };
    assert!(by("anna", "lezen"), "{lines:?}");
    assert!(by("anna", "wijzigen"), "{lines:?}");
    assert!(by("overleg_admin", "aanmaken"), "the import: {lines:?}");
    assert!(!lines.iter().any(|l| l.who == "bram"), "{lines:?}");
    // Workers cannot ask, nor forge a read of someone else's household.
    let mut w = m.cluster.client("anna");
    assert!(overleg::store::pg::audit::of_case(&mut w, &case.code).is_err());
    let mut b = m.cluster.client("bram");
    let n: i64 = b
        .query_one(
            "SELECT overleg.note_reads('zaak', ARRAY[$1], ARRAY[$2])",
            &[&m.teams[0], &case.code],
        )
        .unwrap()
        .get(0);
    assert_eq!(n, 0);
    // The command line gives the same answer.
    let (ok, text, err) = pg::overleg(
        &m.cluster,
        "audit",
        &["db", "audit", "--case", &case.code],
        local.path(),
    );
    assert!(ok, "{err}");
    assert!(
        text.contains("anna") && text.contains("wijzigen") && text.contains("lezen"),
        "{text}"
    );
    // Retention: nothing is older than 730 days yet.
    assert_eq!(overleg::store::pg::audit::prune(&mut auditor).unwrap(), 0);
    if m.cluster.pgaudit {
        assert!(
            m.cluster.log().contains("AUDIT: OBJECT"),
            "pgaudit logs the reads"
        );
    }
}

#[test]
fn a_password_in_db_is_refused_without_being_repeated() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_overleg"))
        .args([
            "caseload",
            "--db",
            "postgres://anna:Geheim-123@db.example/overleg",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("wachtwoord") && err.contains("PGPASSFILE"),
        "{err}"
    );
    assert!(!err.contains("Geheim-123"), "{err}");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_overleg"))
        .args([
            "db",
            "init",
            "--lang",
            "en",
            "--db",
            "host=db.example password=x",
        ])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("password does not belong"), "{err}");
    // Commands that work on a folder only refuse --db instead of using the folder.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_overleg"))
        .args([
            "aanmelding",
            "--team",
            "x",
            "--pseudoniem",
            "Fam. A.",
            "--wet",
            "wmo",
        ])
        .args(["--db", "host=/nonexistent user=anna dbname=overleg"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("alleen op een map"));
}
