//! Carrying out effects: the only place where the interface touches the disk. Every write is
//! atomic; minutes and meeting files are readable by their owner only.

use std::path::Path;

use super::app::App;
use super::msg::{Effect, Export, Msg};
use crate::i18n::Lang;
use crate::i18n::tui::status;
use crate::storage::{
    self,
    guard::{Fingerprint, GuardError, Saved},
};

/// Carries out one effect and says how it went, as a message for `update`.
///
/// Meeting and case saves go through [`App::seen`]: a file changed on disk since this process
/// last saw it (a hand edit, another laptop) is never overwritten — the app's version is
/// written next to it as `<file>.conflict` and the user is told; the data stays in memory and
/// the next save tries again.
pub fn execute(app: &mut App, effect: &Effect) -> Option<Msg> {
    let lang = app.lang;
    if let Effect::Fingerprint(team) = effect {
        fingerprint(app, *team);
        return None;
    }
    // What waited for the database goes in also when this chair lost the lease meanwhile:
    // each write carries its version check, so nothing overwrites the new chair's work.
    if *effect == Effect::Replay {
        return replay(app);
    }
    if app.read_only && *effect != Effect::Quit {
        return Some(Msg::Failed(status::read_only_nothing_saved(lang)));
    }
    if let Effect::MoveMeeting { from, to } = effect {
        return Some(move_meeting(app, *from, *to));
    }
    if let Effect::CreateCase(code) = effect {
        return Some(create_case(app, code));
    }
    if let Effect::Close(date) = effect {
        return Some(close(app, *date));
    }

    let team = app.team_data()?;
    let (path, text) = match effect {
        Effect::Quit
        | Effect::Fingerprint(_)
        | Effect::Suspend
        | Effect::MoveMeeting { .. }
        | Effect::CreateCase(_)
        | Effect::Replay
        | Effect::Close(_) => return None,
        // Through the same guard as every save: a team.ron changed by hand since it was read
        // is not overwritten (one that failed to parse never loaded, so it is never saved).
        Effect::SaveTeam => (
            team.dir.join(storage::TEAM_FILE),
            storage::to_ron(&team.team),
        ),
        Effect::SaveMeeting(date) => {
            let m = team.meeting(*date)?;
            (storage::meeting_path(&team.dir, *date), storage::to_ron(m))
        }
        Effect::SaveCase(code) => {
            let c = team.case(code)?;
            (storage::case_path(&team.dir, code), storage::to_ron(c))
        }
        Effect::WriteMinutes(date) => return Some(write_minutes(app, *date)),
        Effect::ExportMinutes(date, export) => {
            let m = team.meeting(*date)?;
            return Some(match export_minutes(team, m, export, lang) {
                Ok(text) => Msg::Done(text),
                Err(msg) => msg,
            });
        }
    };
    let shown = short(&team.dir, &path);
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            let why = storage::SaveError::Serialize(e).message(lang);
            return Some(Msg::Failed(status::save_failed(&shown, &why, lang)));
        }
    };
    let store = app.store.clone();
    let written = store.with(|s| s.write(&mut app.seen, &path, text.as_bytes()));
    Some(match written {
        Ok(Saved::Written | Saved::Unchanged) => Msg::Done(None),
        Ok(Saved::Recreated) => Msg::Done(Some(status::recreated(&shown, lang))),
        Err(GuardError::ChangedOnDisk(_)) => {
            let kept = match store.with(|s| s.keep_conflict(&path, text.as_bytes())) {
                Ok(copy) => status::changed_outside(Ok(&copy), lang),
                Err(e) => status::changed_outside(Err(&e), lang),
            };
            Msg::Failed(status::save_failed(&shown, &kept, lang))
        }
        Err(GuardError::Io(e)) => {
            let why = status::stays_in_memory(&crate::i18n::errors::io_message(&e, lang), lang);
            Msg::Failed(status::save_failed(&shown, &why, lang))
        }
        // A vanished file with conflict copies, or content over the size limit: not written.
        Err(other) => Msg::Failed(status::save_failed(&shown, &other.message(lang), lang)),
    })
}

/// The database answers again: what waited in the offline journal is applied, each with its
/// version check; a write someone else overtook is kept among the database's conflicts and
/// named, never applied over their work.
fn replay(app: &mut App) -> Option<Msg> {
    let lang = app.lang;
    let done = app.store.with(|s| s.replay())?;
    Some(match done {
        Ok(r) if r.conflicts.is_empty() && r.failed.is_empty() => Msg::Done(Some(
            crate::i18n::db::replayed(r.applied + r.already, 0, lang),
        )),
        Ok(r) => {
            let team_dir = app.team_data().map(|t| t.dir.clone()).unwrap_or_default();
            let mut lines = vec![crate::i18n::db::replayed(
                r.applied + r.already,
                r.conflicts.len(),
                lang,
            )];
            lines.extend(r.conflicts.iter().map(|(path, kept)| {
                format!(
                    "{}: {}",
                    short(&team_dir, path),
                    kept.as_deref().unwrap_or("—")
                )
            }));
            lines.extend(r.failed);
            Msg::Problems {
                title: status::close_failed_title(lang),
                lines,
            }
        }
        // Still away: the journal waits for the next try.
        Err(_) => Msg::Done(None),
    })
}

/// A planned meeting moved to another date: its file is written under the new date first,
/// then the old file is removed — unless someone changed it meanwhile, then it stays and the
/// user is told (nothing is lost either way; a crash in between leaves both, and the old one
/// shows again as not held).
fn move_meeting(app: &mut App, from: chrono::NaiveDate, to: chrono::NaiveDate) -> Msg {
    let lang = app.lang;
    let Some(team) = app.team_data() else {
        return Msg::Done(None);
    };
    let Some(m) = team.meeting(to) else {
        return Msg::Done(None);
    };
    let new_path = storage::meeting_path(&team.dir, to);
    let old_path = storage::meeting_path(&team.dir, from);
    let shown = short(&team.dir, &new_path);
    let old_shown = short(&team.dir, &old_path);
    let text = match storage::to_ron(m) {
        Ok(t) => t,
        Err(e) => {
            let why = storage::SaveError::Serialize(e).message(lang);
            return Msg::Failed(status::save_failed(&shown, &why, lang));
        }
    };
    let store = app.store.clone();
    if let Err(e) = store.with(|s| s.write(&mut app.seen, &new_path, text.as_bytes())) {
        return Msg::Failed(status::save_failed(&shown, &e.message(lang), lang));
    }
    match store.with(|s| s.remove(&mut app.seen, &old_path)) {
        Ok(true) => Msg::Done(None),
        Ok(false) => Msg::Failed(status::old_meeting_kept(&old_shown, lang)),
        Err(e) => Msg::Failed(status::save_failed(&old_shown, &e.message(lang), lang)),
    }
}

/// Closes the meeting on `date` as one change set: the meeting as closed, every case it
/// changes and the intern minutes go into one fsynced intent and are written; only when all
/// are on disk is the meeting closed in memory too. A change cut short earlier is completed
/// first.
fn close(app: &mut App, date: chrono::NaiveDate) -> Msg {
    use crate::minutes::{Format, MinutesOptions, Profile};
    use crate::storage::changeset::{MinutesFile, close_change_set};
    let lang = app.lang;
    let now = app.now;
    let Some(team) = app.team_data() else {
        return Msg::Done(None);
    };
    let dir = team.dir.clone();
    let store = app.store.clone();
    if let Some(r) = store.with(|s| s.recover(team)) {
        let lines = match r {
            Ok(report) if report.is_done() => {
                return reload_after_recovery(app, report.lines(lang));
            }
            Ok(report) => report.lines(lang),
            Err(e) => vec![status::intent_unreadable(&e, lang)],
        };
        return Msg::Problems {
            title: status::close_failed_title(lang),
            lines,
        };
    }
    let Some(mut meeting) = team.meeting(date).cloned() else {
        return Msg::Done(None);
    };
    let out = match crate::session::close_meeting(&mut meeting, &team.team, &team.cases, now) {
        Ok(out) => out,
        Err(e) => return Msg::Failed(e.message(lang)),
    };
    // The minutes of the meeting as closed, from the team as it will be.
    let mut after = team.clone();
    for case in &out.changed_cases {
        if let Some(slot) = after.cases.iter_mut().find(|c| c.code == case.code) {
            *slot = case.clone();
        }
    }
    if let Some(slot) = after.meetings.iter_mut().find(|m| m.date == date) {
        *slot = meeting.clone();
    }
    let opts = MinutesOptions::new(Format::Md, Profile::Intern, lang);
    let bytes = match crate::minutes::render_with(&after, &meeting, &opts) {
        Ok(b) => b,
        Err(e) => return Msg::Failed(status::minutes_failed(&e.message(lang), lang)),
    };
    let path = crate::minutes::default_path_with(&after, date, &opts);
    let shown = short(&dir, &path);
    let set = match close_change_set(
        team,
        &app.seen,
        &meeting,
        &out.changed_cases,
        vec![MinutesFile { path, bytes }],
    ) {
        Ok(set) => set,
        Err(_) => return Msg::Failed(status::save_failed(&shown, "RON", lang)),
    };
    match store.with(|s| s.commit(team, set)) {
        Ok(report) if report.is_done() => {
            report.remember(&mut app.seen);
            Msg::Closed(Box::new(crate::tui::msg::Closed {
                meeting,
                cases: out.changed_cases,
                minutes: shown,
            }))
        }
        Ok(report) => {
            report.remember(&mut app.seen);
            Msg::Problems {
                title: status::close_failed_title(lang),
                lines: report.lines(lang),
            }
        }
        Err(e) => Msg::Problems {
            title: status::close_failed_title(lang),
            lines: vec![e.message(lang)],
        },
    }
}

/// After a change cut short was completed: the team as it is on disk now.
fn reload_after_recovery(app: &App, lines: Vec<String>) -> Msg {
    let lang = app.lang;
    let (Some(team), Some(index)) = (app.team_data(), app.team) else {
        return Msg::Done(None);
    };
    let outcome = storage::load_workspace(&team.dir);
    match outcome.workspace.teams.into_iter().next() {
        Some(data) => Msg::Lock(crate::tui::msg::LockEvent::Recovered(
            Box::new(crate::tui::msg::TakeOver {
                team: index,
                data,
                seen: outcome.fingerprints,
                problems: outcome.problems.iter().map(|p| p.render(lang)).collect(),
            }),
            lines,
        )),
        None => Msg::Done(None),
    }
}

/// Writes a newly registered case; a file of that code appearing meanwhile (another laptop)
/// is never replaced.
fn create_case(app: &mut App, code: &str) -> Msg {
    let lang = app.lang;
    let Some(team) = app.team_data() else {
        return Msg::Done(None);
    };
    let Some(case) = team.case(code) else {
        return Msg::Done(None);
    };
    let path = storage::case_path(&team.dir, code);
    let shown = short(&team.dir, &path);
    let text = match storage::to_ron(case) {
        Ok(t) => t,
        Err(e) => {
            let why = storage::SaveError::Serialize(e).message(lang);
            return Msg::Failed(status::save_failed(&shown, &why, lang));
        }
    };
    let store = app.store.clone();
    match store.with(|s| s.create(&mut app.seen, &path, text.as_bytes())) {
        Ok(()) => Msg::Done(None),
        Err(e) => Msg::Failed(status::save_failed(&shown, &e.message(lang), lang)),
    }
}

/// Remembers how the case and meeting files of team `index` are on disk now.
fn fingerprint(app: &mut App, index: usize) {
    if !app.watched.insert(index) {
        return;
    }
    let Some(td) = app.workspace.teams.get(index) else {
        return;
    };
    for (path, fp) in fingerprints(td) {
        app.seen.insert(path, fp);
    }
}

/// The fingerprints of a team's case and meeting files as they are on disk now: what a later
/// save compares with to notice a change by someone else. Files that failed to load are not
/// in the team data, so they are never fingerprinted, and never overwritten.
pub fn fingerprints(td: &crate::domain::TeamData) -> Vec<(std::path::PathBuf, Fingerprint)> {
    use crate::storage::{case_path, meeting_path};
    let cases = td.cases.iter().map(|c| case_path(&td.dir, &c.code));
    let meetings = td.meetings.iter().map(|m| meeting_path(&td.dir, m.date));
    std::iter::once(td.dir.join(crate::storage::TEAM_FILE))
        .chain(cases)
        .chain(meetings)
        .filter_map(|path| {
            let fp = Fingerprint::of_file(&path).ok()??;
            Some((path, fp))
        })
        .collect()
}

fn write_minutes(app: &App, date: chrono::NaiveDate) -> Msg {
    let lang = app.lang;
    let Some(team) = app.team_data() else {
        return Msg::Done(None);
    };
    let Some(m) = team.meeting(date) else {
        return Msg::Done(None);
    };
    match crate::minutes::write(
        team,
        m,
        crate::minutes::Format::Md,
        crate::minutes::Profile::Intern,
        lang,
        None,
    ) {
        Ok(w) => Msg::Done(Some(status::closed_minutes_at(
            &short(&team.dir, &w.path),
            lang,
        ))),
        Err(e) => Msg::Failed(status::minutes_failed(&e.message(lang), lang)),
    }
}

/// Writes the minutes or the invitation the chair chose; says where, or why not. A shareable
/// version that holds something like personal data is refused, with every finding (where and
/// what, masked) in a popup.
fn export_minutes(
    team: &crate::domain::TeamData,
    meeting: &crate::domain::Meeting,
    export: &Export,
    lang: Lang,
) -> Result<Option<String>, Msg> {
    use crate::minutes::{MinutesError, MinutesOptions, Profile};
    let failed = |e: MinutesError| match e {
        MinutesError::Refused(findings) => Msg::Problems {
            title: crate::i18n::tui::minutes_refused_title(lang).to_string(),
            lines: findings
                .iter()
                .map(|f| crate::minutes::finding_line(f, lang))
                .collect(),
        },
        other => Msg::Failed(status::minutes_failed(&other.message(lang), lang)),
    };
    let opts = match export {
        Export::Minutes(format, profile) => MinutesOptions::new(*format, *profile, lang),
        Export::ForPartner(format, partner) => MinutesOptions {
            partner: Some(partner.clone()),
            ..MinutesOptions::new(*format, Profile::Deelbaar, lang)
        },
        Export::Invitation => {
            return match crate::minutes::write_ics(team, meeting, lang, None).map_err(failed)? {
                Some(path) => Ok(Some(status::invitation_written(
                    &short(&team.dir, &path),
                    lang,
                ))),
                None => Err(Msg::Failed(status::no_next_meeting(lang))),
            };
        }
    };
    let w = crate::minutes::write_with(team, meeting, &opts, None).map_err(failed)?;
    let kept = w.kept.as_deref().map(|k| short(&team.dir, k));
    Ok(Some(status::minutes_written(
        &short(&team.dir, &w.path),
        kept.as_deref(),
        w.warnings.len(),
        lang,
    )))
}

/// A path inside the team folder as the status line shows it (`minutes/…`).
fn short(team_dir: &Path, path: &Path) -> String {
    path.strip_prefix(team_dir)
        .unwrap_or(path)
        .display()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Workspace;
    use crate::session::fixture::{d, team_data};

    fn app_in(dir: &Path) -> App {
        let ws = Workspace {
            municipality: None,
            teams: vec![team_data(dir)],
        };
        App::new(
            ws,
            Lang::Nl,
            d(2026, 3, 17).and_hms_opt(9, 30, 0).expect("time"),
        )
    }

    #[test]
    fn chosen_minutes_are_written_private_in_the_minutes_folder() {
        use crate::minutes::{Format, Profile};
        let tmp = tempfile::tempdir().expect("tmp");
        let mut app = app_in(tmp.path());
        let date = app
            .team_data()
            .and_then(|t| t.last_closed_meeting())
            .map(|m| m.date)
            .expect("closed meeting");
        for export in [
            Export::Minutes(Format::Docx, Profile::Intern),
            Export::Minutes(Format::Html, Profile::Deelbaar),
        ] {
            let msg = execute(&mut app, &Effect::ExportMinutes(date, export));
            let Some(Msg::Done(Some(text))) = msg else {
                panic!("expected a written file, got {msg:?}");
            };
            let shown = text.split_whitespace().last().expect("path in message");
            assert!(shown.starts_with("minutes/"), "{text}");
            let path = tmp.path().join(shown);
            let meta = std::fs::metadata(&path).expect("file written");
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                assert_eq!(meta.permissions().mode() & 0o777, 0o600, "{shown}");
            }
            assert!(meta.len() > 0);
        }
    }

    #[test]
    fn minutes_edited_by_hand_are_kept_and_the_message_says_so() {
        use crate::minutes::{Format, Profile};
        let tmp = tempfile::tempdir().expect("tmp");
        let mut app = app_in(tmp.path());
        let date = app
            .team_data()
            .and_then(|t| t.last_closed_meeting())
            .map(|m| m.date)
            .expect("closed meeting");
        let export = || Effect::ExportMinutes(date, Export::Minutes(Format::Md, Profile::Intern));
        let Some(Msg::Done(Some(first))) = execute(&mut app, &export()) else {
            panic!("first export");
        };
        let path = tmp
            .path()
            .join(first.split_whitespace().last().expect("path"));
        let edited = format!(
            "{}\nAangevuld door de notulist.\n",
            std::fs::read_to_string(&path).expect("read")
        );
        std::fs::write(&path, &edited).expect("edit");
        let Some(Msg::Done(Some(second))) = execute(&mut app, &export()) else {
            panic!("second export");
        };
        assert!(second.contains("bewerkte"), "{second}");
        assert_eq!(std::fs::read_to_string(&path).expect("kept"), edited);
    }

    #[test]
    fn a_save_that_cannot_be_written_comes_back_as_a_failure() {
        let tmp = tempfile::tempdir().expect("tmp");
        // A file where the team folder should be: nothing can be written under it.
        let blocked = tmp.path().join("team");
        std::fs::write(&blocked, "not a folder").expect("write");
        let mut app = app_in(&blocked);
        let msg = execute(&mut app, &Effect::SaveMeeting(d(2026, 3, 3)));
        assert!(matches!(msg, Some(Msg::Failed(t)) if t.contains("Bewaren mislukt")));
    }

    #[test]
    fn minutes_are_written_for_the_owner_only_and_shown_inside_the_team_folder() {
        let tmp = tempfile::tempdir().expect("tmp");
        let mut app = app_in(tmp.path());
        let msg = execute(&mut app, &Effect::WriteMinutes(d(2026, 3, 3)));
        let Some(Msg::Done(Some(text))) = msg else {
            panic!("expected minutes, got {msg:?}");
        };
        // The same short path as an export shows, never an absolute one.
        assert!(text.ends_with("minutes/2026-03-03-notulen.md"), "{text}");
        assert!(!text.contains(&tmp.path().display().to_string()), "{text}");
        let path = tmp.path().join("minutes").join("2026-03-03-notulen.md");
        let written = std::fs::read_to_string(&path).expect("minutes");
        assert!(written.contains("Budgetcoach inzetten"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn read_only_writes_nothing() {
        let tmp = tempfile::tempdir().expect("tmp");
        let mut app = app_in(tmp.path());
        app.read_only = true;
        let msg = execute(&mut app, &Effect::SaveMeeting(d(2026, 3, 3)));
        assert!(matches!(msg, Some(Msg::Failed(_))));
        assert!(!tmp.path().join("meetings").exists());
    }

    #[test]
    fn fingerprints_are_taken_once_per_team() {
        let tmp = tempfile::tempdir().expect("tmp");
        crate::session::fixture::write_team_folder(tmp.path()).expect("team folder");
        let outcome = storage::load_workspace(tmp.path());
        let mut app = App::new(
            outcome.workspace,
            Lang::Nl,
            d(2026, 3, 17).and_hms_opt(9, 0, 0).expect("t"),
        );
        assert!(app.watched.is_empty());
        assert_eq!(execute(&mut app, &Effect::Fingerprint(0)), None);
        assert!(app.watched.contains(&0));
        // A hand edit after the fingerprint is noticed: the save goes to a conflict file.
        let path = storage::meeting_path(tmp.path(), d(2026, 3, 3));
        let mut text = std::fs::read_to_string(&path).expect("meeting");
        text.push_str("\n// hand edit\n");
        std::fs::write(&path, text).expect("edit");
        let msg = execute(&mut app, &Effect::SaveMeeting(d(2026, 3, 3)));
        assert!(matches!(msg, Some(Msg::Failed(t)) if t.contains("buiten overleg")));
    }
}
