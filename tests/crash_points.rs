//! Crash points of a meeting close, as in SQLite's crash tests.
//!
//! A child process (this test binary again, running the ignored `child` test) takes the team
//! lock, loads the team folder, closes its open meeting through the session layer, renders
//! the minutes and commits the close as one change set. With `OVERLEG_CRASH_AT_WRITE=N` it
//! aborts just before its N-th durable write step; the parent runs N = 1, 2, 3, … until the
//! child completes. After every crash the parent does what the next start does — take over
//! the dead chair's lock, finish the unfinished change, clear temp files — and asserts that
//! the team folder holds the whole close or none of it: the meeting still open with every
//! case file and no minutes as before, or the meeting closed with every regie hand-over in
//! its case file and the minutes written. Never in between, and no temp file left.
//!
//! A second test kills the child with SIGKILL at a random moment during the commit.
//! `CRASH_FULL=1` runs 1–8 cases per close (the exact-point figures in docs/reliability.md);
//! `CRASH_KILLS=N` sets the number of random kills (default 20).

#![cfg(unix)]

use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use overleg::domain::{MeetingState, RegieHandOver, RegieOutcome, Regisseur};
use overleg::storage::{self, changeset, guard::Seen, lock::TeamLock};

const CHILD_DIR: &str = "OVERLEG_CRASH_CHILD_DIR";
const MEMBERS: [&str; 4] = ["sbakker", "ayilmaz", "jdevries", "mvisser"];

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 24).expect("date")
}

/// A team folder with `n` cases on the agenda of an open meeting, each handed over to
/// another member, each with a new evaluation date.
fn team_folder(n: usize) -> (tempfile::TempDir, PathBuf, Vec<(String, String)>) {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = tmp.path().join("team");
    let team = overleg::testdata::team();
    let base = overleg::testdata::cases();
    storage::save_team(&dir, &team).expect("team");
    let mut cases = Vec::new();
    for i in 0..n {
        let mut c = base[i % base.len()].clone();
        c.code = format!("2026-{:04}", 101 + i);
        c.regisseur = Some(Regisseur::Lid(MEMBERS[i % 4].into()));
        c.regie_history.clear();
        storage::save_case(&dir, &c).expect("case");
        cases.push(c);
    }
    let mut m = overleg::session::new_meeting(&team, date(), None);
    let mut handovers = Vec::new();
    for c in &cases {
        let at = overleg::session::add_case(
            &mut m,
            &c.code,
            &c.pseudonym,
            "sbakker".into(),
            "Wie neemt de regie?".into(),
            10,
        )
        .expect("add");
        handovers.push((at, c.clone()));
    }
    let now = date().and_hms_opt(9, 30, 0).expect("time");
    overleg::session::open_meeting(&mut m, &team, now).expect("open");
    let mut expected = Vec::new();
    for (i, (at, c)) in handovers.iter().enumerate() {
        let to = MEMBERS[(i + 1) % 4].to_string();
        let outcome = RegieOutcome::Overgedragen(RegieHandOver {
            from: c.regisseur.clone(),
            to: Regisseur::Lid(to.clone()),
            reason: format!("Overdracht {i}"),
            effective: None,
        });
        overleg::session::set_regie(&mut m, *at, &team, c, outcome).expect("regie");
        expected.push((c.code.clone(), to));
    }
    storage::save_meeting(&dir, &m).expect("meeting");
    (tmp, dir, expected)
}

/// The child: what the interface does when the chair confirms the close.
#[test]
#[ignore = "run by the crash tests as a child process"]
fn child() {
    let Some(dir) = std::env::var_os(CHILD_DIR).map(PathBuf::from) else {
        return;
    };
    let _lock = TeamLock::acquire(&dir, chrono::Utc::now()).expect("lock");
    let outcome = storage::load_workspace(&dir);
    let mut team = outcome.workspace.teams.into_iter().next().expect("team");
    let mut seen = Seen::default();
    for (path, fp) in outcome.fingerprints {
        seen.insert(path, fp);
    }
    let mi = team
        .meetings
        .iter()
        .position(|m| m.state == MeetingState::Geopend)
        .expect("open meeting");
    let now = date().and_hms_opt(11, 0, 0).expect("time");
    let cases = team.cases.clone();
    let out = overleg::session::close_meeting(&mut team.meetings[mi], &team.team, &cases, now)
        .expect("close");
    for c in &out.changed_cases {
        if let Some(slot) = team.cases.iter_mut().find(|x| x.code == c.code) {
            *slot = c.clone();
        }
    }
    let closed = team.meetings[mi].clone();
    let (format, profile) = (
        overleg::minutes::Format::Md,
        overleg::minutes::Profile::Intern,
    );
    let bytes = overleg::minutes::render(&team, &closed, format, profile, overleg::i18n::Lang::Nl)
        .expect("render");
    let minutes = vec![changeset::MinutesFile {
        path: overleg::minutes::default_path(&team, closed.date, format, profile),
        bytes,
    }];
    let set = changeset::close_change_set(&team, &seen, &closed, &out.changed_cases, minutes)
        .expect("set");
    println!("commit-start");
    let start = Instant::now();
    let report = set.commit(&dir).expect("commit");
    println!("commit-micros {}", start.elapsed().as_micros());
    assert!(
        report.is_done(),
        "{}",
        report.message(overleg::i18n::Lang::En)
    );
}

fn child_command(dir: &Path) -> Command {
    let mut cmd = Command::new(std::env::current_exe().expect("exe"));
    cmd.args([
        "--ignored",
        "--exact",
        "child",
        "--nocapture",
        "--test-threads=1",
    ])
    .env(CHILD_DIR, dir)
    .env("OVERLEG_NO_CACHE", "1")
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    cmd
}

/// What the next start does after a crash: take the dead chair's lock, finish the change.
fn restart(dir: &Path) {
    let lock = TeamLock::acquire(dir, chrono::Utc::now()).expect("dead chair's lock taken over");
    if let Some(r) = changeset::recover(dir) {
        let r = r.expect("intent readable");
        assert!(r.is_done(), "{}", r.message(overleg::i18n::Lang::En));
    }
    storage::remove_stale_temp_files(dir, Duration::ZERO);
    drop(lock);
}

/// Every file of the folder with its bytes (the lock and nothing else left out).
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for sub in ["", "cases", "meetings", "minutes"] {
        let Ok(rd) = std::fs::read_dir(dir.join(sub)) else {
            continue;
        };
        for e in rd.flatten() {
            if e.path().is_file() {
                out.push((e.path(), std::fs::read(e.path()).expect("read")));
            }
        }
    }
    out.sort();
    out
}

/// Asserts all of the close or none of it; returns true when it is all.
fn all_or_nothing(
    dir: &Path,
    before: &[(PathBuf, Vec<u8>)],
    expected: &[(String, String)],
) -> bool {
    let now = snapshot(dir);
    let leftovers: Vec<_> = now
        .iter()
        .filter(|(p, _)| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with(".overleg-") || name.contains(".stale-")
        })
        .map(|(p, _)| p.clone())
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
    if now == before {
        return false;
    }
    let outcome = storage::load_workspace(dir);
    assert!(outcome.problems.is_empty(), "{:?}", outcome.problems);
    let team = &outcome.workspace.teams[0];
    let m = team.meeting(date()).expect("meeting");
    assert_eq!(
        m.state,
        MeetingState::Gesloten,
        "files changed but the meeting is not closed"
    );
    for (code, to) in expected {
        let c = team.case(code).expect("case");
        assert_eq!(
            c.regisseur,
            Some(Regisseur::Lid(to.clone())),
            "{code} lacks its hand-over"
        );
        assert!(
            c.regie_history.iter().any(|h| h.meeting == Some(date())),
            "{code} history"
        );
    }
    let minutes = dir.join("minutes/2026-03-24-notulen.md");
    let text = std::fs::read_to_string(&minutes).expect("minutes written with the close");
    assert!(text.contains("Overdracht 0"), "minutes hold the hand-over");
    true
}

/// Runs the close with a crash at every write point in turn; returns the number of points.
fn every_crash_point(n_cases: usize) -> usize {
    let mut n = 1;
    loop {
        let (_tmp, dir, expected) = team_folder(n_cases);
        let before = snapshot(&dir);
        let status = child_command(&dir)
            .env("OVERLEG_CRASH_AT_WRITE", n.to_string())
            .status()
            .expect("child");
        if status.success() {
            assert!(
                all_or_nothing(&dir, &before, &expected),
                "completed but not all written"
            );
            return n - 1;
        }
        assert_eq!(
            status.signal(),
            Some(libc_sigabrt()),
            "crash point {n}: {status:?}"
        );
        let pending = dir.join(changeset::INTENT_FILE).exists();
        if pending {
            let problems = storage::load_workspace(&dir).problems;
            assert!(
                problems
                    .iter()
                    .any(|p| matches!(p.kind, storage::ProblemKind::UnfinishedChange { .. })),
                "crash point {n}: the loader does not report the unfinished change"
            );
        }
        restart(&dir);
        let all = all_or_nothing(&dir, &before, &expected);
        println!(
            "crash point {n} ({n_cases} cases): {}",
            if all { "all" } else { "nothing" }
        );
        n += 1;
        assert!(n < 500, "the close never completes");
    }
}

fn libc_sigabrt() -> i32 {
    6
}

#[test]
fn a_close_crashed_at_any_write_point_is_all_or_nothing_after_restart() {
    let sizes: Vec<usize> = if std::env::var_os("CRASH_FULL").is_some() {
        (1..=8).collect()
    } else {
        vec![1, 4]
    };
    let mut total = 0;
    for k in sizes {
        let points = every_crash_point(k);
        assert!(
            points > 4 * (k + 2),
            "{k} cases: only {points} write points counted"
        );
        total += points;
    }
    println!("crash points tested: {total}");
}

#[test]
fn a_close_killed_at_a_random_moment_is_all_or_nothing_after_restart() {
    let kills: usize = std::env::var("CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let mut seed: u64 = 0x5eed_0012;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    // How long a whole commit takes here, to spread the kills over it.
    let (_tmp, dir, _) = team_folder(4);
    let mut child = child_command(&dir).spawn().expect("child");
    let lines: Vec<String> = BufReader::new(child.stdout.take().expect("stdout"))
        .lines()
        .map_while(Result::ok)
        .collect();
    assert!(child.wait().expect("wait").success());
    let micros: u64 = lines
        .iter()
        .find_map(|l| l.strip_prefix("commit-micros ")?.trim().parse().ok())
        .expect("commit time");
    let window = (micros * 3 / 2).max(200);
    let (mut all, mut none) = (0, 0);
    for round in 0..kills {
        let (_tmp, dir, expected) = team_folder(4);
        let before = snapshot(&dir);
        let mut child = child_command(&dir).spawn().expect("child");
        let mut out = BufReader::new(child.stdout.take().expect("stdout"));
        let mut line = String::new();
        while out.read_line(&mut line).expect("read") > 0 && !line.contains("commit-start") {
            line.clear();
        }
        std::thread::sleep(Duration::from_micros(next() % window));
        let _ = child.kill();
        let _ = child.wait();
        restart(&dir);
        if all_or_nothing(&dir, &before, &expected) {
            all += 1;
        } else {
            none += 1;
        }
        if round % 50 == 49 {
            println!("{} kills so far", round + 1);
        }
    }
    println!("random kills: {kills} (window {window} µs): {all} all, {none} nothing, 0 in between");
}
