//! Inputs that used to hang, panic or inject: a FIFO or a device named like a data file, an
//! escape sequence in a file name and in a value, numbers out of range, a UTF-16 file, case
//! text in an error. Run through the real binary with a deadline, so a hang fails the test.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs overleg with `args` on `data`; fails if it takes longer than 30 s (a hang).
fn overleg(data: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_overleg"))
        .args(args)
        .arg("--data")
        .arg(data)
        .env("OVERLEG_NO_CACHE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run overleg");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("overleg {args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("output");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn no_raw_controls(text: &str) {
    assert!(
        !text
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "raw control character in output: {text:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_and_a_device_named_like_data_files_are_reported_without_hanging() {
    let (_tmp, dir) = common::fixture_copy();
    let fifo = dir.join("cases/2026-0777.ron");
    let status = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(status.success());
    let meeting_fifo = dir.join("meetings/2026-04-07.ron");
    Command::new("mkfifo")
        .arg(&meeting_fifo)
        .status()
        .expect("mkfifo");
    std::os::unix::fs::symlink("/dev/zero", dir.join("cases/2026-0778.ron")).expect("symlink");
    for args in [&["check"][..], &["caseload"], &["zoek", "janssen"]] {
        let (code, out, err) = overleg(&dir, args);
        let all = format!("{out}{err}");
        no_raw_controls(&all);
        if args == ["check"] {
            assert_eq!(code, Some(1), "{all}");
            assert!(
                all.contains("2026-0777.ron:1:1: geen gewoon bestand maar een named pipe (FIFO)"),
                "{all}"
            );
            assert!(
                all.contains("2026-04-07.ron:1:1: geen gewoon bestand maar een named pipe"),
                "{all}"
            );
            assert!(
                all.contains("2026-0778.ron:1:1: geen gewoon bestand maar een apparaat (character device) (via een symbolische koppeling)"),
                "{all}"
            );
        }
    }
}

#[test]
fn escape_sequences_in_a_file_name_and_a_value_are_shown_escaped() {
    let (_tmp, dir) = common::fixture_copy();
    // A file name with ESC[2J (clear screen) and an OSC title sequence.
    std::fs::write(dir.join("cases/\u{1b}[2J\u{1b}]0;pwned\u{7}.ron"), "(").expect("write");
    // A value with an escape sequence: a case pseudonym.
    let case = dir.join("cases/2026-0001.ron");
    let text = std::fs::read_to_string(&case).expect("read");
    let text = text.replacen(
        "pseudonym: \"",
        "pseudonym: \"\u{1b}[2J\u{1b}]0;titel\u{7}",
        1,
    );
    std::fs::write(&case, text).expect("write");
    for args in [
        &["check"][..],
        &["caseload"],
        &["zoek", "titel"],
        &["zoek", "fam"],
    ] {
        let (_, out, err) = overleg(&dir, args);
        no_raw_controls(&out);
        no_raw_controls(&err);
        if args == ["check"] {
            assert!(out.contains("\\x1B[2J\\x1B]0;pwned\\x07.ron"), "{out}");
        }
    }
}

#[test]
fn numbers_out_of_range_are_located_problems_and_never_a_panic() {
    let cases = [
        (
            "interval_weeks: 2",
            "interval_weeks: 4294967295",
            "interval_weeks is 4294967295",
        ),
        (
            "cases_per_fte: 30.0",
            "cases_per_fte: 0.0",
            "cases_per_fte is 0",
        ),
        (
            "cases_per_fte: 30.0",
            "cases_per_fte: NaN",
            "cases_per_fte is NaN",
        ),
        (
            "weight_zwaar: 3.0",
            "weight_zwaar: -1.0",
            "weight_zwaar is -1",
        ),
        (
            "weight_licht: 0.6",
            "weight_licht: inf",
            "weight_licht is inf",
        ),
        ("fte: 0.89", "fte: 0.0", "fte 0 van"),
        (
            "duration_minutes: 90",
            "duration_minutes: 100000",
            "duration_minutes is 100000",
        ),
    ];
    for (from, to, expect) in cases {
        let (_tmp, dir) = common::fixture_copy();
        let path = dir.join("team.ron");
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains(from), "fixture lacks {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
        let (code, out, err) = overleg(&dir, &["check"]);
        assert_eq!(code, Some(1), "{to}: {out}{err}");
        let line = out
            .lines()
            .find(|l| l.contains(expect))
            .unwrap_or_else(|| panic!("{to}: {out}"));
        let at = line.split(": ").next().expect("location");
        let mut parts = at.rsplitn(3, ':');
        let col: usize = parts.next().and_then(|c| c.parse().ok()).expect("column");
        let row: usize = parts.next().and_then(|c| c.parse().ok()).expect("line");
        let located = text.lines().nth(row - 1).expect("line in file");
        assert!(
            located.contains(from.split(':').next().expect("field")),
            "{to}: {line} → {located:?}"
        );
        assert!(col > 1, "{line}");
        // The caseload still runs (and says the team's norm is broken, never NaN).
        let (code, out, err) = overleg(&dir, &["caseload"]);
        assert!(!err.contains("panicked"), "{to}: {err}");
        assert!(code.is_some(), "{to}");
        let _ = out;
    }
}

#[test]
fn a_utf16_file_is_told_to_be_saved_as_utf8() {
    let (_tmp, dir) = common::fixture_copy();
    let path = dir.join("cases/2026-0002.ron");
    let text = std::fs::read_to_string(&path).expect("read");
    let mut bytes = vec![0xff, 0xfe];
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    std::fs::write(&path, bytes).expect("write");
    let (code, out, _) = overleg(&dir, &["check"]);
    assert_eq!(code, Some(1));
    assert!(
        out.contains("2026-0002.ron:1:1: bestand is opgeslagen als UTF-16"),
        "{out}"
    );
    assert!(out.contains("sla het op als UTF-8"), "{out}");
}

#[test]
fn an_error_never_quotes_case_text() {
    let (_tmp, dir) = common::fixture_copy();
    let path = dir.join("cases/2026-0002.ron");
    let text = std::fs::read_to_string(&path).expect("read");
    // Free text where a number belongs, and where a date belongs.
    let secret = "Jan Geheim 06-1234";
    let broken = text.replacen("version: 1", &format!("version: \"{secret}\""), 1);
    std::fs::write(&path, &broken).expect("write");
    let (_, out, _) = overleg(&dir, &["check"]);
    assert!(out.contains("2026-0002.ron:"), "{out}");
    assert!(!out.contains("Geheim"), "{out}");
    let case = dir.join("cases/2026-0001.ron");
    let text = std::fs::read_to_string(&case).expect("read");
    let re = regex_free_date(&text);
    std::fs::write(&case, text.replacen(&re, &format!("\"{secret}\""), 1)).expect("write");
    let (_, out, _) = overleg(&dir, &["check"]);
    assert!(out.contains("2026-0001.ron:"), "{out}");
    assert!(!out.contains("Geheim"), "{out}");
}

/// The first quoted date in a file (`"2026-…"`).
fn regex_free_date(text: &str) -> String {
    let at = text.find("\"20").expect("a date");
    text[at..at + 12].to_string()
}
