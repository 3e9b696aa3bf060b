//! Carrying out effects: the only place where the interface touches the disk. Every write is
//! atomic; minutes and meeting files are readable by their owner only.

use std::path::Path;

use super::app::{App, Effect, Msg};
use crate::storage::{
    self,
    guard::{self, GuardError, Saved},
};

/// Carries out one effect and says how it went, as a message for `update`.
///
/// Meeting and case saves go through [`App::seen`]: a file changed on disk since this process
/// last saw it (a hand edit, another laptop) is never overwritten — the app's version is
/// written next to it as `<file>.conflict` and the user is told; the data stays in memory and
/// the next save tries again. A file deleted underneath is written again from memory.
pub fn execute(app: &mut App, effect: &Effect) -> Option<Msg> {
    let lang = app.lang;
    if app.read_only && *effect != Effect::Quit {
        return Some(Msg::Failed(
            lang.pick(
                "Alleen lezen: een andere voorzitter heeft dit team open; niets bewaard.",
                "Read only: another chair has this team open; nothing saved.",
            )
            .into(),
        ));
    }
    let team = app.team_data()?;
    let (path, text) = match effect {
        Effect::Quit => return None,
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
            return Some(match export_minutes(team, m, *export, lang) {
                Ok(text) => Msg::Done(text),
                Err(text) => Msg::Failed(text),
            });
        }
    };
    let failed = lang.pick("Bewaren mislukt", "Saving failed");
    let text = match text {
        Ok(t) => t,
        Err(e) => return Some(Msg::Failed(format!("{failed} {}: {e}", path.display()))),
    };
    Some(match app.seen.write(&path, text.as_bytes()) {
        Ok(Saved::Written | Saved::Unchanged) => Msg::Done(None),
        Ok(Saved::Recreated) => Msg::Done(Some(format!(
            "{} {}",
            lang.pick(
                "Bestand was verwijderd; opnieuw bewaard uit het geheugen:",
                "File had been deleted; saved again from memory:"
            ),
            path.display()
        ))),
        Err(GuardError::ChangedOnDisk(_)) => {
            let copy = guard::conflict_path(&path);
            let kept = match storage::write_atomic(&copy, text.as_bytes()) {
                Ok(()) => format!(
                    "{} {}",
                    lang.pick("jouw versie staat in", "your version is in"),
                    copy.display()
                ),
                Err(e) => format!(
                    "{} ({e})",
                    lang.pick(
                        "jouw versie staat alleen nog in het geheugen",
                        "your version is only in memory"
                    )
                ),
            };
            Msg::Failed(format!(
                "{failed}: {} {}; {kept}",
                lang.pick(
                    "buiten overleg gewijzigd, niet overschreven:",
                    "changed outside overleg, not overwritten:"
                ),
                path.display(),
            ))
        }
        Err(GuardError::Io(e)) => Msg::Failed(format!(
            "{failed} {}: {e} — {}",
            path.display(),
            lang.pick(
                "de gegevens blijven in het geheugen; de volgende wijziging probeert opnieuw",
                "the data stays in memory; the next change tries again"
            )
        )),
        // A vanished file with conflict copies, or content over the size limit: not written.
        Err(other) => Msg::Failed(format!("{failed}: {}", other.message(lang))),
    })
}

fn write_minutes(app: &App, date: chrono::NaiveDate) -> Msg {
    let lang = app.lang;
    let Some(team) = app.team_data() else {
        return Msg::Done(None);
    };
    let result = match team.meeting(date) {
        None => return Msg::Done(None),
        Some(m) => crate::minutes::write(
            team,
            m,
            crate::minutes::Format::Md,
            crate::minutes::Profile::Intern,
            lang,
            None,
        )
        .map(|w| {
            Some(format!(
                "{} {}",
                lang.pick("Overleg gesloten; notulen:", "Meeting closed; minutes:"),
                w.path.display()
            ))
        })
        .map_err(|e| {
            format!(
                "{}: {}",
                lang.pick("Notulen schrijven mislukt", "Writing the minutes failed"),
                e.message(lang)
            )
        }),
    };
    match result {
        Ok(text) => Msg::Done(text),
        Err(text) => Msg::Failed(text),
    }
}

/// Writes the minutes or the invitation the chair chose; says where, or why not (a
/// `deelbaar` file that holds a BSN, e-mail address or phone number is refused).
fn export_minutes(
    team: &crate::domain::TeamData,
    meeting: &crate::domain::Meeting,
    export: super::app::Export,
    lang: crate::i18n::Lang,
) -> Result<Option<String>, String> {
    let failed = |e: crate::minutes::MinutesError| {
        format!(
            "{}: {}",
            lang.pick("Notulen schrijven mislukt", "Writing the minutes failed"),
            e.message(lang)
        )
    };
    match export {
        super::app::Export::Minutes(format, profile) => {
            let w = crate::minutes::write(team, meeting, format, profile, lang, None)
                .map_err(failed)?;
            let mut text = format!(
                "{} {}",
                lang.pick("Notulen geschreven:", "Minutes written:"),
                short(&team.dir, &w.path)
            );
            if !w.warnings.is_empty() {
                text.push_str(&format!(
                    " — {} {}",
                    w.warnings.len(),
                    lang.pick(
                        "waarschuwing(en): mogelijk persoonsgegevens, zie `overleg notulen`",
                        "warning(s): possible personal data, see `overleg minutes`",
                    )
                ));
            }
            Ok(Some(text))
        }
        super::app::Export::Invitation => {
            match crate::minutes::write_ics(team, meeting, lang, None).map_err(failed)? {
                Some(path) => Ok(Some(format!(
                    "{} {}",
                    lang.pick("Uitnodiging geschreven:", "Invitation written:"),
                    short(&team.dir, &path)
                ))),
                None => Err(lang
                    .pick(
                        "Geen volgend overleg bekend: geen uitnodiging geschreven.",
                        "No next meeting known: no invitation written.",
                    )
                    .to_string()),
            }
        }
    }
}

/// A path inside the team folder as the status line shows it (`minutes/…`).
fn short(team_dir: &Path, path: &Path) -> String {
    path.strip_prefix(team_dir)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Writes atomically and makes the file readable by its owner only.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    storage::write_atomic(path, bytes)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Workspace;
    use crate::i18n::Lang;
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
        use crate::tui::app::Export;
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
    fn minutes_are_written_for_the_owner_only() {
        let tmp = tempfile::tempdir().expect("tmp");
        let mut app = app_in(tmp.path());
        let msg = execute(&mut app, &Effect::WriteMinutes(d(2026, 3, 3)));
        assert!(matches!(msg, Some(Msg::Done(Some(_)))));
        let path = tmp.path().join("minutes").join("2026-03-03-notulen.md");
        let text = std::fs::read_to_string(&path).expect("minutes");
        assert!(text.contains("Budgetcoach inzetten"));
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
}
