//! `message(lang)` for the library's errors: what went wrong in the user's words, Dutch by
//! default and English with `--lang en`. The `Display` of these errors stays for logs and
//! tests; what a user reads comes from here.

use super::Lang;
use crate::domain::MeetingState;
use crate::session::SessionError;
use crate::storage::SaveError;
use crate::storage::lock::{LockError, LockOwner};

fn date(d: chrono::NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

fn state(s: MeetingState, lang: Lang) -> &'static str {
    match s {
        MeetingState::Gepland => lang.pick("gepland", "planned"),
        MeetingState::Geopend => lang.pick("geopend", "open"),
        MeetingState::Gesloten => lang.pick("gesloten", "closed"),
        MeetingState::Geannuleerd => lang.pick("geannuleerd", "cancelled"),
    }
}

impl SessionError {
    /// What went wrong, for the user.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SessionError::WrongState(s), Lang::Nl) => {
                format!("Dat kan nu niet: het overleg is {}.", state(*s, lang))
            }
            (SessionError::WrongState(s), Lang::En) => {
                format!("Not possible now: the meeting is {}.", state(*s, lang))
            }
            (SessionError::NoSuchItem(i), Lang::Nl) => {
                format!("Agendapunt {} bestaat niet (meer).", i + 1)
            }
            (SessionError::NoSuchItem(i), Lang::En) => {
                format!("Agenda item {} does not exist (any more).", i + 1)
            }
            (SessionError::NotACase(i), Lang::Nl) => {
                format!("Agendapunt {} is geen casusbespreking.", i + 1)
            }
            (SessionError::NotACase(i), Lang::En) => {
                format!("Agenda item {} is not a case discussion.", i + 1)
            }
            (SessionError::NoSuchAction(n), Lang::Nl) => format!("Er is geen open actie {n}."),
            (SessionError::NoSuchAction(n), Lang::En) => format!("There is no open action {n}."),
            (SessionError::TooLateToReopen(d), Lang::Nl) => format!(
                "Heropenen kan niet meer: het volgende overleg ({}) is begonnen of vandaag.",
                date(*d)
            ),
            (SessionError::TooLateToReopen(d), Lang::En) => format!(
                "Too late to reopen: the next meeting ({}) has started or is today.",
                date(*d)
            ),
            (SessionError::UnknownMember(id), Lang::Nl) => {
                format!("‘{id}’ is geen lid van dit team.")
            }
            (SessionError::UnknownMember(id), Lang::En) => {
                format!("‘{id}’ is not a member of this team.")
            }
            (SessionError::NoSuchEntry(k), Lang::Nl) => {
                format!("Regel {} bestaat niet (meer).", k + 1)
            }
            (SessionError::NoSuchEntry(k), Lang::En) => {
                format!("Entry {} does not exist (any more).", k + 1)
            }
            (SessionError::NextMeetingTooEarly(d), Lang::Nl) => format!(
                "Het volgende overleg moet na dit overleg liggen ({} gekozen).",
                date(*d)
            ),
            (SessionError::NextMeetingTooEarly(d), Lang::En) => format!(
                "The next meeting must come after this one ({} chosen).",
                date(*d)
            ),
            (SessionError::DateTaken(d), Lang::Nl) => {
                format!("Op {} is al een overleg; kies een andere dag.", date(*d))
            }
            (SessionError::DateTaken(d), Lang::En) => {
                format!(
                    "There is a meeting on {} already; choose another day.",
                    date(*d)
                )
            }
            (SessionError::DateInPast(d), Lang::Nl) => {
                format!("{} is al voorbij; kies vandaag of later.", date(*d))
            }
            (SessionError::DateInPast(d), Lang::En) => {
                format!("{} has passed; choose today or later.", date(*d))
            }
            (SessionError::NotAVerdeling(i), Lang::Nl) => {
                format!("Agendapunt {} is geen verdeling van aanmeldingen.", i + 1)
            }
            (SessionError::NotAVerdeling(i), Lang::En) => {
                format!("Agenda item {} is not a distribution of referrals.", i + 1)
            }
            (SessionError::NotAHerverdeling(i), Lang::Nl) => {
                format!("Agendapunt {} is geen herverdeling.", i + 1)
            }
            (SessionError::NotAHerverdeling(i), Lang::En) => {
                format!("Agenda item {} is not a redistribution.", i + 1)
            }
            (SessionError::NoProposal(k), Lang::Nl) => {
                format!("Voor regel {} is geen voorstel; kies zelf iemand.", k + 1)
            }
            (SessionError::NoProposal(k), Lang::En) => {
                format!("Line {} has no proposal; choose someone yourself.", k + 1)
            }
            (SessionError::ReasonRequired, Lang::Nl) => "Geef een reden.".into(),
            (SessionError::ReasonRequired, Lang::En) => "Give a reason.".into(),
        }
    }
}

impl SaveError {
    /// What went wrong, for the user (the path shown as given).
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SaveError::WouldOverwriteBroken { path, problem }, Lang::Nl) => format!(
                "{} wordt niet overschreven: het bestand is nu onleesbaar ({}) — herstel het eerst (`overleg check` wijst de plek aan).",
                path.display(),
                problem.render(lang)
            ),
            (SaveError::WouldOverwriteBroken { path, problem }, Lang::En) => format!(
                "{} is not overwritten: the file cannot be read now ({}) — repair it first (`overleg check` shows where).",
                path.display(),
                problem.render(lang)
            ),
            (SaveError::Serialize(_), Lang::Nl) => {
                "Omzetten naar RON mislukte; er is niets geschreven.".into()
            }
            (SaveError::Serialize(_), Lang::En) => {
                "Converting to RON failed; nothing was written.".into()
            }
            (SaveError::TooLarge { path, size, limit }, Lang::Nl) => format!(
                "{} wordt niet geschreven: het zou {size} bytes worden, meer dan de grens van {limit}.",
                path.display()
            ),
            (SaveError::TooLarge { path, size, limit }, Lang::En) => format!(
                "{} is not written: it would be {size} bytes, over the limit of {limit}.",
                path.display()
            ),
            (SaveError::Io(e), _) => io_message(e, lang),
        }
    }
}

/// Who holds a lock: "Saskia op laptop-3 (proces 4242)".
pub fn lock_holder(owner: &LockOwner, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{} op {} (proces {})", owner.user, owner.host, owner.pid),
        Lang::En => format!("{} on {} (process {})", owner.user, owner.host, owner.pid),
    }
}

impl LockError {
    /// What went wrong, for the user.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (LockError::Held(o), Lang::Nl) => {
                format!("Dit team is in gebruik door {}.", lock_holder(o, lang))
            }
            (LockError::Held(o), Lang::En) => {
                format!("This team is in use by {}.", lock_holder(o, lang))
            }
            (LockError::Unreadable { path, reason }, Lang::Nl) => format!(
                "Het slot {} kan niet gelezen worden ({reason}); het wordt daarom niet overgenomen. Heeft niemand anders dit team open, verwijder het bestand dan.",
                path.display()
            ),
            (LockError::Unreadable { path, reason }, Lang::En) => format!(
                "The lock {} cannot be read ({reason}), so it is not taken over. If nobody else has this team open, remove the file.",
                path.display()
            ),
            (LockError::Io(e), _) => io_message(e, lang),
        }
    }
}

/// An I/O failure in the user's words, with the system's own reason after it.
pub fn io_message(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let what = match (e.kind(), lang) {
        (K::NotFound, Lang::Nl) => "bestand of map niet gevonden",
        (K::NotFound, Lang::En) => "file or folder not found",
        (K::PermissionDenied, Lang::Nl) => "geen toestemming om te schrijven of te lezen",
        (K::PermissionDenied, Lang::En) => "no permission to write or read",
        (K::StorageFull, Lang::Nl) => "de schijf is vol",
        (K::StorageFull, Lang::En) => "the disk is full",
        (K::ReadOnlyFilesystem, Lang::Nl) => "de schijf is alleen-lezen",
        (K::ReadOnlyFilesystem, Lang::En) => "the disk is read-only",
        (_, Lang::Nl) => "schrijven of lezen mislukt",
        (_, Lang::En) => "writing or reading failed",
    };
    format!("{what} ({e})")
}
