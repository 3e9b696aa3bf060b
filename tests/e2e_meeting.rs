//! End to end: the real binary in a pseudo-terminal (120×36), driven by keys through a whole
//! meeting on a temporary copy of a team folder; then the files on disk are checked. A second
//! test kills the program mid-meeting and checks that it resumes where it stopped.
//!
//! Robust on slow CI machines: every step waits (generously) for text on the screen; nothing
//! asserts on time.

// Unix only: the pty helpers end the program with `kill -9` and close the terminal with SIGHUP.
#![cfg(unix)]

mod pty;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use overleg::domain::{MeetingState, Regisseur};
use pty::{CTRL_S, DOWN, ENTER, ESC, Session, TAB};

const TODAY: &str = "2026-03-17";

/// Starts overleg on `data` with the fixed date of these tests.
fn start(data: &Path, home: &Path) -> Session {
    let args = ["--data", &data.to_string_lossy(), "--today", TODAY].map(String::from);
    Session::start(&args, home)
}

fn fixture() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let team = tmp.path().join("velve");
    overleg::session::fixture::write_team_folder(&team).expect("fixture");
    std::fs::create_dir_all(tmp.path().join("home")).expect("home");
    (tmp, team)
}

fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 17).expect("date")
}

/// Start → agenda with case 2026-0011 → open → to the case item.
fn prepare_open_and_walk_to_case(s: &mut Session) {
    s.wait_for("Casussen die om bespreking vragen");
    s.step("a", "Gepland");
    s.step("c", "Kies een casus");
    s.step("ozturk", "2026-0011");
    s.step(ENTER, "Casus inbrengen");
    s.send(TAB);
    s.step("Wie pakt de regie op?", "Wie pakt de regie op?");
    s.step(CTRL_S, "4. Casus 2026-0011 (Fam. Öztürk)");
    s.step("o", "Overleg openen?");
    s.step(ENTER, "Opening en presentie  ⏱");
    s.step(ENTER, "Zoek:");
    s.step(ENTER, "Voorzitter: Ayşe Özdemir");
    s.step("n", "2/5  Vaststellen verslag");
    s.step(ENTER, "[✓] vastgesteld");
    s.step("n", "3/5  Actiepunten");
    s.step("d", "✓ gedaan");
    s.step("n", "4/5  Casus 2026-0011");
}

#[test]
fn a_whole_meeting_by_keyboard_ends_in_files_on_disk() {
    let (tmp, team) = fixture();
    let mut s = start(&team, &tmp.path().join("home"));
    prepare_open_and_walk_to_case(&mut s);

    s.send(DOWN);
    s.step(ENTER, "Verdiepende vragen");
    s.step("Oma woont dichtbij", "Oma woont dichtbij");
    // Esc alone: wait until the form is gone before the next escape sequence.
    s.step(ESC, "S afsluiten");
    s.step(DOWN, "▶ Adviezen (0)");
    s.step(ENTER, "Advies toevoegen");
    s.send(TAB);
    s.send("Betrek de school");
    s.step(CTRL_S, "Adviezen (1)");
    // Each advice is a row of its own: past it to the decisions.
    s.send(DOWN);
    s.step(DOWN, "▶ Besluiten (0)");
    s.step(ENTER, "Besluit vastleggen");
    s.send("Gezinscoach inzetten");
    s.step(CTRL_S, "Besluiten (1)");
    // Correct the decision just taken: Enter on its row, the number stays.
    s.step(DOWN, "▶    2026-005");
    s.step(ENTER, "Besluit 2026-005 bewerken");
    s.send(" (12 weken)");
    s.step(CTRL_S, "2026-005 Gezinscoach inzetten (12 weken)");
    s.step(DOWN, "▶ Regie:");
    s.step(ENTER, "Regie");
    s.step("Wendy", "naar Wendy");
    s.send(ENTER);
    s.send("Wendy heeft ruimte");
    s.step(CTRL_S, "→ naar Wendy Nguyễn (Wendy heeft ruimte)");
    s.send(DOWN);
    s.step(ENTER, "Actie toevoegen");
    s.send("Huisbezoek plannen");
    s.step(CTRL_S, "Acties (1)");
    s.step("n", "5/5  Rondvraag");
    s.step("S", "Overleg afsluiten");
    // Move the next meeting off the rhythm.
    s.step("d", "Datum");
    s.send(&"\x7f".repeat(12));
    s.send("02-04-2026");
    s.step(CTRL_S, "Volgend overleg: 02-04-2026");
    s.step(ENTER, "Overleg sluiten?");
    s.step(ENTER, "Overleg gesloten");
    s.send("q");
    s.wait_exit();

    let loaded = overleg::storage::load_workspace(&team);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let data = &loaded.workspace.teams[0];
    let m = data.meeting(date()).expect("meeting file");
    assert_eq!(m.state, MeetingState::Gesloten);
    assert_eq!(m.voorzitter.as_deref(), Some("aozdemir"));
    assert_eq!(m.decisions().count(), 1);
    assert_eq!(
        m.decisions().next().map(|d| d.number.as_str()),
        Some("2026-005")
    );
    assert_eq!(
        m.decisions().next().map(|d| d.text.as_str()),
        Some("Gezinscoach inzetten (12 weken)")
    );
    assert_eq!(m.next_meeting, NaiveDate::from_ymd_opt(2026, 4, 2));
    assert_eq!(
        m.actions().next().map(|a| a.text.as_str()),
        Some("Huisbezoek plannen")
    );
    assert_eq!(m.action_reviews.len(), 1);
    let prev = data
        .meeting(NaiveDate::from_ymd_opt(2026, 3, 3).expect("date"))
        .expect("previous");
    assert_eq!(
        prev.minutes_status,
        overleg::domain::MinutesStatus::Vastgesteld
    );
    let case = data.case("2026-0011").expect("case");
    assert_eq!(case.regisseur, Some(Regisseur::Lid("wnguyen".into())));
    let change = case.regie_history.last().expect("history");
    assert_eq!(change.meeting, Some(date()));
    assert_eq!(change.reason, "Wendy heeft ruimte");
    let minutes = team.join("minutes").join("2026-03-17-notulen.md");
    let text = std::fs::read_to_string(&minutes).expect("minutes");
    assert!(text.contains("Gezinscoach inzetten"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&minutes)
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn killed_mid_meeting_it_resumes_where_it_stopped() {
    let (tmp, team) = fixture();
    let home = tmp.path().join("home");
    let mut s = start(&team, &home);
    prepare_open_and_walk_to_case(&mut s);
    s.send(DOWN);
    s.step(ENTER, "Verdiepende vragen");
    s.step("Tekst van voor de crash", "Tekst van voor de crash");
    // Typed text is saved on a pause in typing (two seconds), not at every key.
    std::thread::sleep(std::time::Duration::from_secs(3));
    s.kill_hard();

    let mut again = start(&team, &home);
    again.wait_for("Overleg hervat");
    again.wait_for("4/5  Casus 2026-0011");
    again.wait_for("Tekst van voor de crash");
    assert!(
        !again.screen().contains("Alleen lezen"),
        "the lock of the killed process is taken over"
    );
    again.send("\x03");
    again.wait_exit();

    let loaded = overleg::storage::load_workspace(&team);
    let m = loaded.workspace.teams[0].meeting(date()).expect("meeting");
    assert_eq!(m.state, MeetingState::Geopend);
    assert_eq!(m.progress.current_item, Some(3));
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir").flatten() {
        let p = entry.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&p, to.join(entry.file_name())).expect("copy");
        }
    }
}

/// The same meeting on a copy of the shipped demo municipality: its planned meeting gets one
/// more case, is opened, walked to that case, recorded and closed.
#[test]
fn a_meeting_on_the_demo_data() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let tmp = tempfile::tempdir().expect("temp dir");
    let data = tmp.path().join("data");
    copy_dir(&demo, &data);
    let home = tmp.path().join("home");
    std::fs::create_dir_all(&home).expect("home");

    // What to expect, read from the copy.
    let ws = overleg::storage::load_workspace(&data).workspace;
    let team = &ws.teams[0];
    let planned = team
        .meetings
        .iter()
        .find(|m| m.state == MeetingState::Gepland)
        .expect("the demo has a planned meeting");
    let on_agenda: Vec<&str> = planned
        .case_discussions()
        .map(|d| d.case.as_str())
        .collect();
    let case = team
        .cases
        .iter()
        .filter(|c| c.is_open() && !on_agenda.contains(&c.code.as_str()))
        .min_by_key(|c| c.regisseur.is_some())
        .expect("a case to bring in");
    let to = team
        .team
        .members
        .iter()
        .find(|m| case.regisseur_member() != Some(m.id.as_str()))
        .expect("a member");
    let items = planned.agenda.len() + 1;
    let case_item = planned.agenda.len(); // before the rondvraag, 1-based on screen
    let date = planned.date;
    let today = date.format("%Y-%m-%d").to_string();

    let pty_args = [
        "--data",
        &data.to_string_lossy(),
        "--today",
        &today,
        "--team",
        &team.team.id,
    ]
    .map(String::from);
    let mut s = Session::start(&pty_args, &home);
    s.wait_for("Casussen die om bespreking vragen");
    s.step("a", "min");
    s.step("c", "Kies een casus");
    s.step(&case.code, &case.code);
    s.step(ENTER, "Casus inbrengen");
    s.send(TAB);
    s.send("Wie neemt de regie?");
    s.step(CTRL_S, &format!("Casus {} ({})", case.code, case.pseudonym));
    s.step("o", "Overleg openen?");
    s.step(ENTER, &format!("1/{items}"));
    for i in 2..=case_item {
        s.step("n", &format!("{i}/{items}"));
    }
    s.wait_for(&format!("Casus {}", case.code));
    s.send(DOWN);
    s.send(DOWN);
    s.send(DOWN);
    s.step(ENTER, "Besluit vastleggen");
    s.send("Casus wordt verdeeld");
    s.step(CTRL_S, "Besluiten (1)");
    s.send(DOWN);
    s.step(DOWN, "▶ Regie:");
    s.step(ENTER, "Regie");
    s.step(&to.name, &format!("naar {}", to.name));
    s.send(ENTER);
    s.send("heeft ruimte");
    s.step(CTRL_S, "(heeft ruimte)");
    s.send(DOWN);
    s.step(ENTER, "Actie toevoegen");
    s.send("Kennismaking plannen");
    s.step(CTRL_S, "Acties (1)");
    s.step("S", "Overleg afsluiten");
    s.step(ENTER, "Overleg sluiten?");
    s.step(ENTER, "Overleg gesloten");
    s.send("q");
    s.wait_exit();

    let loaded = overleg::storage::load_workspace(&data);
    let t = loaded
        .workspace
        .team(&team.team.id)
        .expect("team after the meeting");
    let m = t.meeting(date).expect("meeting");
    assert_eq!(m.state, MeetingState::Gesloten);
    assert!(m.decisions().any(|d| d.text == "Casus wordt verdeeld"));
    assert!(m.actions().any(|a| a.text == "Kennismaking plannen"));
    let c = t.case(&case.code).expect("case");
    assert_eq!(c.regisseur, Some(Regisseur::Lid(to.id.clone())));
    assert_eq!(c.regie_history.last().and_then(|h| h.meeting), Some(date));
    let minutes = t
        .dir
        .join("minutes")
        .join(format!("{}-notulen.md", date.format("%Y-%m-%d")));
    assert!(minutes.exists());
}

/// A half-typed advice is kept with the autosave: killed while the form is open, the next
/// start reopens the form with the text.
#[test]
fn a_half_typed_advice_survives_a_kill() {
    let (tmp, team) = fixture();
    let home = tmp.path().join("home");
    let mut s = start(&team, &home);
    prepare_open_and_walk_to_case(&mut s);
    s.send(DOWN);
    s.send(DOWN);
    s.step(ENTER, "Advies toevoegen");
    s.send(TAB);
    s.step("Bel eerst de huisarts", "Bel eerst de huisarts");
    std::thread::sleep(std::time::Duration::from_secs(3));
    s.kill_hard();

    let mut again = start(&team, &home);
    again.wait_for("Advies toevoegen");
    again.wait_for("Bel eerst de huisarts");
    again.send(CTRL_S);
    again.wait_for("Adviezen (1)");
    again.send("\x03");
    again.wait_exit();
    let loaded = overleg::storage::load_workspace(&team);
    let m = loaded.workspace.teams[0].meeting(date()).expect("meeting");
    let advice: Vec<_> = m
        .case_discussions()
        .flat_map(|d| d.advice.iter().map(|a| a.text.clone()))
        .collect();
    assert_eq!(advice, ["Bel eerst de huisarts"]);
    assert!(
        m.progress.draft.is_none(),
        "the draft is gone once recorded"
    );
}
