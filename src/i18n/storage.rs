//! Texts about saving: refused saves, change sets (the close of a meeting) and the team lock.
//! Paths are shown with control characters escaped; file content never appears.

use std::path::Path;

use crate::i18n::Lang;
use crate::storage::changeset::{ChangeError, ChangeKind, ChangeReport, PartOutcome};
use crate::storage::guard::GuardError;
use crate::text::escape_line;

fn p(path: &Path) -> String {
    escape_line(&path.display().to_string()).into_owned()
}

fn list(paths: &[std::path::PathBuf]) -> String {
    paths.iter().map(|x| p(x)).collect::<Vec<_>>().join(", ")
}

/// A refused or failed guarded save.
pub fn guard_error(e: &GuardError, lang: Lang) -> String {
    match e {
        GuardError::ChangedOnDisk(path) => format!(
            "{} {}",
            lang.pick(
                "buiten overleg gewijzigd, niet overschreven:",
                "changed outside overleg, not overwritten:"
            ),
            p(path)
        ),
        GuardError::Vanished { path, copies } => format!(
            "{} {} — {} {}",
            lang.pick(
                "bestand is verdwenen en niet opnieuw geschreven:",
                "file has disappeared and was not written again:"
            ),
            p(path),
            lang.pick(
                "er zijn conflictkopieën (van een synchronisatieprogramma?); kijk welke de goede is en zet die terug:",
                "conflict copies exist (by a sync tool?); see which one is right and put it back:"
            ),
            list(copies)
        ),
        GuardError::TooLarge { path, size, limit } => format!(
            "{} {} ({} KiB, {} {} KiB) — {}",
            lang.pick("niet bewaard, het bestand zou te groot worden:", "not saved, the file would grow too large:"),
            p(path),
            size / 1024,
            lang.pick("maximaal", "at most"),
            limit / 1024,
            lang.pick(
                "de wijziging staat alleen in het geheugen; maak teksten korter",
                "the change is only in memory; make texts shorter"
            )
        ),
        GuardError::Io(err) => format!("{}: {err}", lang.pick("schrijven mislukt", "writing failed")),
    }
}

/// Why a change set did not start.
pub fn change_error(e: &ChangeError, lang: Lang) -> String {
    match e {
        ChangeError::Pending => lang
            .pick(
                "Een eerdere wijziging (bijvoorbeeld een gesloten overleg) is nog niet afgemaakt; er is niets gewijzigd. Start overleg opnieuw om die eerst af te maken.",
                "An earlier change (e.g. a closed meeting) is not finished yet; nothing was changed. Start overleg again to finish it first.",
            )
            .to_string(),
        ChangeError::TooLarge { path, size, limit } => format!(
            "{} {} ({} KiB, {} {} KiB); {}",
            lang.pick("Niets gewijzigd: het bestand zou te groot worden:", "Nothing changed: the file would grow too large:"),
            p(path),
            size / 1024,
            lang.pick("maximaal", "at most"),
            limit / 1024,
            lang.pick("maak teksten korter", "make texts shorter")
        ),
        ChangeError::Intent { path, source } => format!(
            "{} {}: {source}",
            lang.pick(
                "Niets gewijzigd: het plan van de wijziging kon niet worden geschreven in",
                "Nothing changed: the plan of the change could not be written in"
            ),
            p(path)
        ),
    }
}

fn kind_text(kind: &ChangeKind, lang: Lang) -> String {
    match kind {
        ChangeKind::Close(date) => {
            let d = date.format("%d-%m-%Y");
            match lang {
                Lang::Nl => format!("Sluiten van het overleg van {d}"),
                Lang::En => format!("Closing the meeting of {d}"),
            }
        }
        ChangeKind::Other(label) => escape_line(label).into_owned(),
    }
}

/// The lines of a change report: a headline, then one line for every part that is not on
/// disk, then what to do.
pub fn change_report_lines(r: &ChangeReport, lang: Lang) -> Vec<String> {
    let what = kind_text(&r.kind, lang);
    let total = r.parts.len();
    let failed = r.failures().count();
    let mut lines = Vec::new();
    if r.is_done() {
        lines.push(match lang {
            Lang::Nl => format!("✓ {what}: alle {total} bestanden bewaard."),
            Lang::En => format!("✓ {what}: all {total} files saved."),
        });
        return lines;
    }
    lines.push(match lang {
        Lang::Nl => {
            format!("⚠ {what} is NIET gelukt: {failed} van {total} bestanden niet bewaard.")
        }
        Lang::En => format!("⚠ {what} did NOT succeed: {failed} of {total} files not saved."),
    });
    for part in r.failures() {
        let file = p(&part.path);
        let why = match &part.outcome {
            PartOutcome::Conflict { copy } => {
                let kept = match copy {
                    Some(c) => format!(
                        "{} {}",
                        lang.pick("jouw versie staat in", "your version is in"),
                        p(c)
                    ),
                    None => lang
                        .pick(
                            "jouw versie staat alleen in het geheugen",
                            "your version is only in memory",
                        )
                        .to_string(),
                };
                format!(
                    "{}; {kept}",
                    lang.pick(
                        "buiten overleg gewijzigd, niet overschreven",
                        "changed outside overleg, not overwritten"
                    )
                )
            }
            PartOutcome::Vanished { copies, .. } => format!(
                "{} {}",
                lang.pick(
                    "verdwenen; conflictkopieën:",
                    "disappeared; conflict copies:"
                ),
                list(copies)
            ),
            PartOutcome::Failed { error } => {
                format!(
                    "{}: {}",
                    lang.pick("schrijven mislukt", "writing failed"),
                    escape_line(error)
                )
            }
            PartOutcome::Waiting => lang
                .pick(
                    "nog niet geschreven: wacht tot de andere bestanden bewaard zijn",
                    "not written yet: waits until the other files are saved",
                )
                .to_string(),
            PartOutcome::NotStarted => lang
                .pick(
                    "niet geschreven: de wijziging is niet begonnen",
                    "not written: the change did not start",
                )
                .to_string(),
            _ => String::new(),
        };
        lines.push(format!("- {file}: {why}"));
    }
    let nothing = r.nothing_written();
    lines.push(match (nothing, &r.kind) {
        (true, ChangeKind::Close(_)) => lang
            .pick(
                "Er is niets gewijzigd; het overleg is nog open. Los het conflict op en sluit opnieuw.",
                "Nothing was changed; the meeting is still open. Resolve the conflict and close again.",
            )
            .to_string(),
        (true, _) => lang
            .pick("Er is niets gewijzigd. Los het conflict op en probeer opnieuw.", "Nothing was changed. Resolve the conflict and try again.")
            .to_string(),
        (false, ChangeKind::Close(_)) => lang
            .pick(
                "Het overleg is op schijf nog niet gesloten. De wijziging is bewaard en wordt afgemaakt bij de volgende start of poging, zodra deze bestanden geschreven kunnen worden.",
                "The meeting is not closed on disk yet. The change is kept and is completed at the next start or attempt, once these files can be written.",
            )
            .to_string(),
        (false, _) => lang
            .pick(
                "De wijziging is bewaard en wordt afgemaakt bij de volgende start of poging.",
                "The change is kept and is completed at the next start or attempt.",
            )
            .to_string(),
    });
    lines
}
