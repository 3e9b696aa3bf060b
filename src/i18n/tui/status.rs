//! What the interface says about saving, the minutes it wrote, the team lock and loading.

use crate::i18n::Lang;

/// A save was refused because another chair holds the team.
pub fn read_only_nothing_saved(lang: Lang) -> String {
    lang.pick(
        "Alleen lezen: een andere voorzitter heeft dit team open; niets bewaard.",
        "Read only: another chair has this team open; nothing saved.",
    )
    .into()
}

/// A save failed; `why` says what happened and where the data is now.
pub fn save_failed(path: &str, why: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Bewaren mislukt: {path}: {why}"),
        Lang::En => format!("Saving failed: {path}: {why}"),
    }
}

/// The file changed outside overleg; the app's version went to `copy`, or stays in memory.
pub fn changed_outside(copy: Result<&str, &str>, lang: Lang) -> String {
    match (copy, lang) {
        (Ok(c), Lang::Nl) => {
            format!("buiten overleg gewijzigd, niet overschreven; jouw versie staat in {c}")
        }
        (Ok(c), Lang::En) => {
            format!("changed outside overleg, not overwritten; your version is in {c}")
        }
        (Err(e), Lang::Nl) => format!(
            "buiten overleg gewijzigd, niet overschreven; jouw versie staat alleen nog in het geheugen ({e})"
        ),
        (Err(e), Lang::En) => format!(
            "changed outside overleg, not overwritten; your version is only in memory ({e})"
        ),
    }
}

/// Writing failed; the data stays in memory.
pub fn stays_in_memory(why: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "{why} — de gegevens blijven in het geheugen; de volgende wijziging probeert opnieuw"
        ),
        Lang::En => format!("{why} — the data stays in memory; the next change tries again"),
    }
}

/// A file was deleted underneath and written again from memory.
pub fn recreated(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Bestand was verwijderd; opnieuw bewaard uit het geheugen: {path}"),
        Lang::En => format!("File had been deleted; saved again from memory: {path}"),
    }
}

/// The minutes written when the meeting closed.
pub fn closed_minutes_at(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Overleg gesloten; notulen: {path}"),
        Lang::En => format!("Meeting closed; minutes: {path}"),
    }
}

/// Writing the minutes failed.
pub fn minutes_failed(why: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Notulen schrijven mislukt: {why}"),
        Lang::En => format!("Writing the minutes failed: {why}"),
    }
}

/// Minutes written from the minutes popup, with the number of warnings.
pub fn minutes_written(path: &str, kept: Option<&str>, warnings: usize, lang: Lang) -> String {
    let mut base = match lang {
        Lang::Nl => format!("Notulen geschreven: {path}"),
        Lang::En => format!("Minutes written: {path}"),
    };
    // The earlier version was edited by hand after overleg wrote it: it stays as it is.
    if let Some(kept) = kept {
        base.push_str(&match lang {
            Lang::Nl => format!(" (bewerkte {kept} blijft staan)"),
            Lang::En => format!(" (edited {kept} stays as it is)"),
        });
    }
    if warnings == 0 {
        return base;
    }
    match lang {
        Lang::Nl => format!(
            "{base} — {warnings} waarschuwing(en): mogelijk persoonsgegevens, zie `overleg notulen`"
        ),
        Lang::En => {
            format!("{base} — {warnings} warning(s): possible personal data, see `overleg minutes`")
        }
    }
}

/// The invitation was written.
pub fn invitation_written(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Uitnodiging geschreven: {path}"),
        Lang::En => format!("Invitation written: {path}"),
    }
}

/// No next meeting date: no invitation.
pub fn no_next_meeting(lang: Lang) -> String {
    lang.pick(
        "Geen volgend overleg bekend: geen uitnodiging geschreven.",
        "No next meeting known: no invitation written.",
    )
    .into()
}

/// Title of the popup when another chair holds the team.
pub fn read_only_title(lang: Lang) -> String {
    lang.pick("Alleen lezen", "Read only").into()
}

/// What read-only means.
pub fn read_only_explain(lang: Lang) -> String {
    lang.pick(
        "Je kunt kijken, maar wijzigingen worden niet bewaard. Zodra de andere voorzitter stopt, neemt overleg het over.",
        "You can look around, but changes are not saved. As soon as the other chair stops, overleg takes over.",
    )
    .into()
}

/// Title of the popup after taking over from a chair who stopped.
pub fn took_over_title(lang: Lang) -> String {
    lang.pick("Niet meer alleen lezen", "No longer read only")
        .into()
}

/// What taking over means.
pub fn took_over_explain(lang: Lang) -> String {
    lang.pick(
        "De andere voorzitter is gestopt. De gegevens zijn opnieuw van schijf geladen; wat je nu doet, wordt bewaard.",
        "The other chair has stopped. The data was loaded from disk again; what you do now is saved.",
    )
    .into()
}

/// Title of the popup when this chair's lock was taken or removed.
pub fn lock_lost_title(lang: Lang) -> String {
    lang.pick("Team niet meer in handen", "Team no longer held")
        .into()
}

/// What losing the lock means.
pub fn lock_lost_explain(holder: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Het slot van dit team is nu van {holder}. Vanaf nu alleen lezen: niets wordt over het werk van de ander heen geschreven."
        ),
        Lang::En => format!(
            "The lock of this team now belongs to {holder}. Read only from now on: nothing is written over the other chair's work."
        ),
    }
}

/// The heartbeat of the lock could not be written.
pub fn heartbeat_failed(why: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Het slot van het team kon niet worden ververst: {why}"),
        Lang::En => format!("The team lock could not be refreshed: {why}"),
    }
}

/// Title of the popup listing load problems.
pub fn load_problems_title(lang: Lang) -> String {
    lang.pick("Problemen bij het laden", "Problems while loading")
        .into()
}

/// No team in the data folder.
pub fn no_team_in(dir: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Geen team gevonden in {dir}"),
        Lang::En => format!("No team found in {dir}"),
    }
}

/// `--team` names no team; lists the ones there are.
pub fn unknown_team(id: &str, known: &[&str], lang: Lang) -> String {
    let list = known.join(", ");
    match lang {
        Lang::Nl => format!("Onbekend team ‘{id}’; teams in deze map: {list}"),
        Lang::En => format!("Unknown team ‘{id}’; teams in this folder: {list}"),
    }
}

/// A broken key map file of the user.
pub fn key_file_problem(path: &str, why: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{path}: {why} — de standaardtoetsen worden gebruikt"),
        Lang::En => format!("{path}: {why} — the default keys are used"),
    }
}

/// A moved meeting's old file was changed outside overleg, so it was not removed.
pub fn old_meeting_kept(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Overleg verplaatst, maar {path} is buiten overleg gewijzigd en is blijven staan — kijk het na en verwijder het zelf"
        ),
        Lang::En => format!(
            "Meeting moved, but {path} was changed outside overleg and was kept — check it and remove it yourself"
        ),
    }
}

/// The lock file of this chair was removed.
pub fn lock_gone(lang: Lang) -> String {
    lang.pick(
        "niemand (het slotbestand is verwijderd)",
        "nobody (the lock file was removed)",
    )
    .into()
}

/// The intent of an unfinished change could not be read.
pub fn intent_unreadable(why: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Een onafgemaakte wijziging kon niet worden gelezen ({why}); `overleg check` zegt wat te doen."
        ),
        Lang::En => format!(
            "An unfinished change could not be read ({why}); `overleg check` says what to do."
        ),
    }
}

/// Title of the popup after completing a change that was cut short.
pub fn recovered_title(lang: Lang) -> String {
    lang.pick(
        "Onafgemaakte wijziging afgerond",
        "Unfinished change completed",
    )
    .into()
}

/// Title of the popup when a close could not be completed.
pub fn close_failed_title(lang: Lang) -> String {
    lang.pick(
        "Overleg niet gesloten — het blijft open",
        "Meeting not closed — it stays open",
    )
    .into()
}

/// The other teams of the municipality are in (search and caseload see them now).
pub fn others_loaded(teams: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Alle {teams} teams geladen: zoeken en caseload zien ze nu"),
        Lang::En => format!("All {teams} teams loaded: search and caseload see them now"),
    }
}

/// The other teams are in, and loading them found problems (short: it must fit at 80
/// columns beside the warning label).
pub fn others_problems(problems: usize, lang: Lang) -> String {
    match (lang, problems) {
        (Lang::Nl, 1) => "Andere teams geladen: 1 probleem, zie overleg check".into(),
        (Lang::Nl, n) => format!("Andere teams geladen: {n} problemen, zie overleg check"),
        (Lang::En, 1) => "Other teams loaded: 1 problem, see overleg check".into(),
        (Lang::En, n) => format!("Other teams loaded: {n} problems, see overleg check"),
    }
}

/// Header mark while the other teams load.
pub fn others_loading(lang: Lang) -> &'static str {
    lang.pick("andere teams laden…", "loading the other teams…")
}

/// An aanmelding waits until every team is loaded: its code must be free in all of them.
pub fn wait_for_others(lang: Lang) -> String {
    lang.pick(
        "Even geduld: de andere teams worden nog geladen (de casuscode moet in alle teams vrij zijn). Probeer het zo opnieuw.",
        "One moment: the other teams are still loading (the case code must be free in every team). Try again shortly.",
    )
    .into()
}

/// The background load of the other teams ended without a result.
pub fn others_failed(lang: Lang) -> String {
    lang.pick(
        "De andere teams konden niet geladen worden; alleen dit team is er",
        "The other teams could not be loaded; only this team is here",
    )
    .into()
}
