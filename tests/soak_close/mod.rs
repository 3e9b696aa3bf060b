//! The close part of the kill soak: regie hand-overs prepared in the demo meeting, the close
//! and the minutes export driven by keys, and the check that a close is all or nothing.

use std::path::Path;

use overleg::domain::{ItemKind, MeetingState, RegieHandOver, RegieOutcome, Regisseur};

use crate::pty::{ENTER, Session, Waited};

pub const MEETING_DATE: (i32, u32, u32) = (2026, 11, 24);
pub const MINUTES_FILE: &str = "minutes/2026-11-24-notulen.md";

fn date() -> chrono::NaiveDate {
    let (y, m, d) = MEETING_DATE;
    chrono::NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// What the close must change in the case files: (case code, new regisseur id).
pub type Expected = Vec<(String, String)>;

/// Prepares a regie hand-over and a next evaluation for every case item of the demo meeting
/// (before the app starts), so that closing it changes every discussed case file.
pub fn prepare_handovers(team_dir: &Path) -> Expected {
    let loaded = overleg::storage::load_workspace(team_dir);
    let team = loaded
        .workspace
        .teams
        .into_iter()
        .next()
        .expect("demo team");
    let mut meeting = team.meeting(date()).expect("demo meeting").clone();
    let members: Vec<String> = team.team.members.iter().map(|m| m.id.clone()).collect();
    let mut expected = Vec::new();
    for (i, item) in meeting.agenda.iter_mut().enumerate() {
        let ItemKind::Casus(d) = &mut item.kind else {
            continue;
        };
        let Some(case) = team.case(&d.case) else {
            continue;
        };
        let current = case.regisseur_member().map(str::to_string);
        let to = members
            .iter()
            .cycle()
            .skip(i)
            .find(|m| Some(m.as_str()) != current.as_deref())
            .expect("another member")
            .clone();
        d.regie = Some(RegieOutcome::Overgedragen(RegieHandOver {
            from: case.regisseur.clone(),
            to: Regisseur::Lid(to.clone()),
            reason: format!("Soak-overdracht {i}"),
            effective: None,
        }));
        d.next_evaluation = Some(chrono::NaiveDate::from_ymd_opt(2027, 1, 15).expect("date"));
        expected.push((d.case.clone(), to));
    }
    overleg::storage::save_meeting(team_dir, &meeting).expect("save the prepared meeting");
    assert!(!expected.is_empty(), "the demo meeting discusses no case");
    expected
}

/// What the screen showed of the close.
#[derive(Debug, Default, Clone, Copy)]
pub struct Shown {
    /// "Overleg gesloten" in the status line without a failure: the close counts as done.
    pub closed: bool,
    /// "Notulen geschreven": the exported minutes count as written.
    pub exported: bool,
}

/// Closes the meeting (`S`, Enter on the summary, Enter on the confirmation — never `j`),
/// then exports the minutes from the start screen (`m`, Enter). With `kill_after`, the kill
/// comes that long after the confirming Enter (while the close writes its files).
pub fn close_and_export(
    s: &mut Session,
    shown: &mut Shown,
    kill_after: Option<std::time::Duration>,
) -> Option<()> {
    let ok = |w: Waited| (w == Waited::Seen).then_some(());
    s.send("S");
    ok(s.wait_or_kill(|sc| sc.contains("Overleg afsluiten")))?;
    s.send(ENTER);
    ok(s.wait_or_kill(|sc| sc.contains("Overleg sluiten?")))?;
    s.send(ENTER);
    if let Some(d) = kill_after {
        s.kill_at = Some(std::time::Instant::now() + d);
    }
    ok(s.wait_or_kill(|sc| {
        sc.contains("Overleg gesloten") || sc.contains("mislukt") || sc.contains("NIET gelukt")
    }))?;
    let sc = s.screen();
    shown.closed = sc.contains("Overleg gesloten") && !sc.contains("mislukt");
    s.send("m");
    ok(s.wait_or_kill(|sc| sc.contains("Notulen maken")))?;
    s.send(ENTER);
    ok(s.wait_or_kill(|sc| sc.contains("Notulen geschreven") || sc.contains("mislukt")))?;
    shown.exported = s.screen().contains("Notulen geschreven");
    Some(())
}

/// How the close stands on disk.
#[derive(Debug, PartialEq, Eq)]
pub enum CloseState {
    /// The meeting is open (or was never opened) and no case file has a hand-over of it.
    NotClosed,
    /// Closed with every hand-over in its case file and the minutes written.
    Complete,
    /// Anything in between: what is missing.
    Half(Vec<String>),
}

impl CloseState {
    /// A short word for the soak's lines.
    pub fn label(&self) -> &'static str {
        match self {
            CloseState::NotClosed => "not closed",
            CloseState::Complete => "complete",
            CloseState::Half(_) => "HALF",
        }
    }
}

/// Reads the close state of the team folder.
pub fn close_state(team_dir: &Path, expected: &Expected) -> CloseState {
    let loaded = overleg::storage::load_workspace(team_dir);
    let Some(team) = loaded.workspace.teams.first() else {
        return CloseState::Half(vec!["team does not load".into()]);
    };
    let closed = team
        .meeting(date())
        .is_some_and(|m| m.state == MeetingState::Gesloten);
    let mut handed = Vec::new();
    let mut missing = Vec::new();
    for (code, to) in expected {
        let done = team.case(code).is_some_and(|c| {
            c.regisseur == Some(Regisseur::Lid(to.clone()))
                && c.regie_history.iter().any(|h| h.meeting == Some(date()))
        });
        if done {
            handed.push(code.clone());
        } else {
            missing.push(format!("hand-over of {code}"));
        }
    }
    let minutes = team_dir.join(MINUTES_FILE).is_file();
    if !closed && handed.is_empty() {
        return CloseState::NotClosed;
    }
    if closed && missing.is_empty() && minutes {
        return CloseState::Complete;
    }
    if !closed {
        missing.push("meeting not closed".into());
    }
    if !minutes {
        missing.push("minutes".into());
    }
    CloseState::Half(missing)
}
