//! Phrases of the interface that take values: labels of domain values, questions and
//! confirmations with numbers or names in them.

use chrono::{Datelike, NaiveDate};

use super::T;
use crate::domain::{CheckAnswer, Consultation, ItemKind, RegieCheckPoint, Regisseur, Team};
use crate::i18n::Lang;
use crate::minutes::{Format, Profile};
use crate::session::RegieWarning;

/// The kind of a recorded entry, for questions and messages about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Advice,
    Decision,
    Action,
    Regie,
}

/// The label of a consultation principle.
pub fn consultation_label(c: Consultation, lang: Lang) -> &'static str {
    match (c, lang) {
        (_, Lang::Nl) => c.label(),
        (Consultation::VierOgen, Lang::En) => "4-eyes principle",
        (Consultation::ZesOgen, Lang::En) => "6-eyes principle",
        (Consultation::TwintigOgen, Lang::En) => "20-eyes principle (whole team)",
    }
}

/// The question before removing one recorded entry.
pub fn confirm_remove(entry: EntryKind, number: Option<&str>, lang: Lang) -> String {
    let n = number.unwrap_or("");
    match entry {
        EntryKind::Advice => lang
            .pick("Dit advies verwijderen?", "Remove this advice?")
            .into(),
        EntryKind::Decision => match lang {
            Lang::Nl => format!("Besluit {n} verwijderen? Het nummer wordt niet opnieuw gebruikt."),
            Lang::En => format!("Remove decision {n}? Its number will not be used again."),
        },
        EntryKind::Action => match lang {
            Lang::Nl => format!("Actie {n} verwijderen? Het nummer wordt niet opnieuw gebruikt."),
            Lang::En => format!("Remove action {n}? Its number will not be used again."),
        },
        EntryKind::Regie => lang
            .pick(
                "De afspraak over regie wissen?",
                "Clear what was agreed about regie?",
            )
            .into(),
    }
}

/// The title of the form that edits a numbered entry: "Besluit 2026-038 bewerken".
pub fn edit_numbered(what: T, number: &str, lang: Lang) -> String {
    let label = what.text(lang);
    match lang {
        Lang::Nl => format!("{label} {number} bewerken"),
        Lang::En => format!("Edit {} {number}", label.to_lowercase()),
    }
}

/// The status line after removing an entry (with its number, if it had one).
pub fn removed(entry: EntryKind, number: Option<&str>, lang: Lang) -> String {
    match (entry, number) {
        (EntryKind::Decision | EntryKind::Action, Some(n)) => match lang {
            Lang::Nl => format!("{n} verwijderd; het nummer blijft ongebruikt."),
            Lang::En => format!("{n} removed; its number stays unused."),
        },
        (EntryKind::Regie, _) => lang
            .pick("Afspraak over regie gewist.", "Regie outcome cleared.")
            .into(),
        _ => lang.pick("Advies verwijderd.", "Advice removed.").into(),
    }
}

/// The label of an agenda item kind.
pub fn kind_label(kind: &ItemKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (_, Lang::Nl) => kind.label(),
        (ItemKind::Opening, Lang::En) => "opening and attendance",
        (ItemKind::VorigVerslag, Lang::En) => "previous minutes",
        (ItemKind::Actiepunten, Lang::En) => "open actions",
        (ItemKind::Casus(_), Lang::En) => "case",
        (ItemKind::Mededelingen, Lang::En) => "announcements",
        (ItemKind::Organisatorisch, Lang::En) => "organisational",
        (ItemKind::Verdeling, Lang::En) => "distribution of new referrals",
        (ItemKind::Rondvraag, Lang::En) => "any other business",
    }
}

/// A question of the regie check.
pub fn check_question(point: RegieCheckPoint, lang: Lang) -> &'static str {
    match (point, lang) {
        (p, Lang::Nl) => p.question(),
        (RegieCheckPoint::RegisseurBenoemd, Lang::En) => "Is a regisseur named?",
        (RegieCheckPoint::PlanMetDoelen, Lang::En) => "Is there a support plan with goals?",
        (RegieCheckPoint::EenVerantwoordelijkePerDoel, Lang::En) => {
            "Does every goal have one responsible party (no overlap)?"
        }
        (RegieCheckPoint::BetrokkenenKennenElkaar, Lang::En) => {
            "Do all involved parties know each other?"
        }
        (RegieCheckPoint::EvaluatiedatumGepland, Lang::En) => "Is the next evaluation date set?",
        (RegieCheckPoint::VeiligheidOverwogen, Lang::En) => {
            "Safety: was a safety plan or a report (Raad, Veilig Thuis) considered?"
        }
        (RegieCheckPoint::GedwongenKaderAfgestemd, Lang::En) => {
            "Court measure: is it clear who directs what?"
        }
    }
}

/// A warning about a regie outcome.
pub fn regie_warning(w: &RegieWarning, lang: Lang) -> String {
    match w {
        RegieWarning::LeftWithoutRegisseur => T::WarnNoRegisseur.text(lang).to_string(),
        RegieWarning::NoYouthAuthority(id) => format!(
            "{id}: {}",
            lang.pick(
                "geen bevoegdheid voor jeugdcasussen",
                "no authority for youth cases"
            )
        ),
        RegieWarning::SameRegisseur => lang
            .pick(
                "dat is de huidige regisseur al",
                "that is the current regisseur already",
            )
            .to_string(),
    }
}

/// Who holds regie, for display.
pub fn regisseur_label(r: &Regisseur, team: &Team, lang: Lang) -> String {
    match r {
        Regisseur::Lid(id) => team.member_name(id).to_string(),
        Regisseur::Extern(e) => format!("{} ({}, {})", e.name, e.function, e.organisation),
        Regisseur::Huishouden => lang
            .pick("huishouden zelf", "the household itself")
            .to_string(),
    }
}

/// The weekday of a date, abbreviated.
pub fn weekday(d: NaiveDate, lang: Lang) -> &'static str {
    let i = d.weekday().num_days_from_monday() as usize;
    let nl = ["ma", "di", "wo", "do", "vr", "za", "zo"];
    let en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    lang.pick(nl[i], en[i])
}

/// Status line after resuming a running meeting.
pub fn resumed(date: NaiveDate, lang: Lang) -> String {
    format!(
        "{} {}",
        lang.pick("Overleg hervat van", "Resumed the meeting of"),
        date.format("%d-%m-%Y")
    )
}

/// Label of a choice in the minutes popup: minutes in a format and profile, or (`None`) the
/// invitation for the next meeting.
pub fn export_label(minutes: Option<(Format, Profile)>, lang: Lang) -> String {
    match minutes {
        Some((format, profile)) => {
            let f = format_name(format, lang);
            let p = match profile {
                Profile::Intern => lang.pick("intern, voor het team", "internal, for the team"),
                Profile::Deelbaar => lang.pick(
                    "deelbaar, voor partners (alleen casuscodes)",
                    "shareable, for partners (case codes only)",
                ),
            };
            format!("{f} — {p}")
        }
        None => lang
            .pick(
                "Uitnodiging volgend overleg (.ics)",
                "Invitation for the next meeting (.ics)",
            )
            .to_string(),
    }
}

fn format_name(format: Format, lang: Lang) -> &'static str {
    match format {
        Format::Md => "Markdown",
        Format::Docx => "Word (.docx)",
        Format::Html => lang.pick("HTML (afdrukbaar)", "HTML (printable)"),
    }
}

/// The choice that asks for a partner next: "Word (.docx) — deelbaar voor één partner …".
pub fn partners_choice(format: Format, lang: Lang) -> String {
    let f = format_name(format, lang);
    match lang {
        Lang::Nl => format!("{f} — deelbaar voor één partner (alleen hun deel) …"),
        Lang::En => format!("{f} — shareable for one partner (only their part) …"),
    }
}

/// The minutes for one partner: "Word (.docx) voor Domijn Wonen".
pub fn partner_label(format: Format, partner: &str, lang: Lang) -> String {
    let f = format_name(format, lang);
    match lang {
        Lang::Nl => format!("{f} voor {partner}"),
        Lang::En => format!("{f} for {partner}"),
    }
}

/// Title of the partner list.
pub fn choose_partner(lang: Lang) -> &'static str {
    lang.pick(
        "Voor welke partner? (alleen huishoudens met toestemming)",
        "For which partner? (only households that consented)",
    )
}

/// Title of the popup listing why minutes were refused.
pub fn minutes_refused_title(lang: Lang) -> &'static str {
    lang.pick("Notulen niet geschreven", "Minutes not written")
}

/// Heading of the close screen's list of possible personal data in the intern minutes.
pub fn close_findings(count: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "⚠ {count} keer mogelijk persoonsgegevens in de notulen — controleer vóór het sluiten:"
        ),
        Lang::En => {
            format!("⚠ {count} times possible personal data in the minutes — check before closing:")
        }
    }
}

/// The meeting's time left in the clock line: "Overleg: nog 12:00" / "Meeting: 12:00 left".
pub fn meeting_left(clock: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Overleg: nog {clock}"),
        Lang::En => format!("Meeting: {clock} left"),
    }
}

/// The extra choice of a people picker when the typed name matches nobody.
pub fn add_as_guest(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("+ {name} als gast toevoegen"),
        Lang::En => format!("+ add {name} as a guest"),
    }
}

/// The label of a check answer.
pub fn check_answer_label(answer: &CheckAnswer, lang: Lang) -> &'static str {
    match answer {
        CheckAnswer::Ja => T::Yes.text(lang),
        CheckAnswer::Nee => T::No.text(lang),
        CheckAnswer::NietVanToepassing => T::NotApplicableShort.text(lang),
        CheckAnswer::Overgeslagen(_) => T::Skipped.text(lang),
    }
}

/// The line at the bottom of the help screen: where the user's key file lives.
pub fn help_keys_file(path: Option<&str>, lang: Lang) -> String {
    match (path, lang) {
        (Some(p), Lang::Nl) => format!("Toetsen aanpassen: {p} (per actie)."),
        (Some(p), Lang::En) => format!("Change keys: {p} (per action)."),
        (None, Lang::Nl) => {
            "Geen map voor instellingen gevonden; toetsen zijn niet aan te passen.".into()
        }
        (None, Lang::En) => "No settings folder found; keys cannot be changed.".into(),
    }
}

/// The yes/no question of a confirm popup closing a form: how many characters would go.
pub fn discard_detail(chars: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{chars} getypte tekens gaan verloren."),
        Lang::En => format!("{chars} typed characters will be lost."),
    }
}

/// Title of the form that moves a planned meeting.
pub fn move_meeting_title(from: NaiveDate, lang: Lang) -> String {
    let d = from.format("%d-%m-%Y");
    match lang {
        Lang::Nl => format!("Overleg van {d} verplaatsen naar"),
        Lang::En => format!("Move the meeting of {d} to"),
    }
}

/// Title of the form that cancels a planned meeting.
pub fn cancel_meeting_title(date: NaiveDate, lang: Lang) -> String {
    let d = date.format("%d-%m-%Y");
    match lang {
        Lang::Nl => format!("Overleg van {d} annuleren"),
        Lang::En => format!("Cancel the meeting of {d}"),
    }
}

/// The warning on the start screen for a planned meeting whose date has passed.
pub fn overdue_planned(date: NaiveDate, items: usize, lang: Lang) -> String {
    let d = date.format("%d-%m-%Y");
    match lang {
        Lang::Nl => format!("⚠ Overleg {d} niet gehouden ({items} punten)"),
        Lang::En => format!("⚠ Meeting {d} not held ({items} items)"),
    }
}
