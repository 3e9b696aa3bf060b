//! Carrying out effects: the only place where the interface touches the disk. Every write is
//! atomic; minutes and meeting files are readable by their owner only.

use std::path::Path;

use super::app::{App, Effect, Msg};
use crate::storage;

/// Carries out one effect and says how it went, as a message for `update`.
pub fn execute(app: &App, effect: &Effect) -> Option<Msg> {
    let team = app.team_data()?;
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
    let result = match effect {
        Effect::Quit => return None,
        Effect::SaveMeeting(date) => {
            let m = team.meeting(*date)?;
            storage::save_meeting(&team.dir, m)
                .map(|()| None)
                .map_err(|e| {
                    format!(
                        "{} {}: {e}",
                        lang.pick("Bewaren mislukt", "Saving failed"),
                        storage::meeting_path(&team.dir, *date).display()
                    )
                })
        }
        Effect::SaveCase(code) => {
            let c = team.case(code)?;
            storage::save_case(&team.dir, c)
                .map(|()| None)
                .map_err(|e| {
                    format!(
                        "{} {}: {e}",
                        lang.pick("Bewaren mislukt", "Saving failed"),
                        storage::case_path(&team.dir, code).display()
                    )
                })
        }
        Effect::WriteMinutes(date) => {
            let m = team.meeting(*date)?;
            let text = super::minutes_md::render(team, m, lang);
            let path = team
                .dir
                .join("minutes")
                .join(format!("{}.md", date.format("%Y-%m-%d")));
            write_private(&path, text.as_bytes())
                .map(|()| {
                    Some(format!(
                        "{} {}",
                        lang.pick("Overleg gesloten; notulen:", "Meeting closed; minutes:"),
                        path.display()
                    ))
                })
                .map_err(|e| {
                    format!(
                        "{} {}: {e}",
                        lang.pick("Notulen schrijven mislukt", "Writing the minutes failed"),
                        path.display()
                    )
                })
        }
    };
    Some(match result {
        Ok(text) => Msg::Done(text),
        Err(text) => Msg::Failed(text),
    })
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
