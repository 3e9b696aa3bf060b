//! Texts of the terminal interface, Dutch first and English second.

use chrono::{Datelike, NaiveDate};

use super::Lang;
use crate::domain::{Consultation, ItemKind, RegieCheckPoint, Regisseur, Team};
use crate::session::RegieWarning;
use crate::tui::app::Entry;
use crate::tui::keymap::Action;

/// A fixed text of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum T {
    AbsentExcused,
    AbsentUnexcused,
    Action,
    ActionRecorded,
    Actions,
    AddAction,
    AddAdvice,
    AddDecision,
    AddGuest,
    AddItem,
    Adopted,
    Advice,
    AdviceList,
    Agenda,
    AgendaNotPrepared,
    AgendaPrepared,
    Answered,
    AskForDiscussion,
    Attention,
    BadDate,
    BadMinutes,
    BringInCase,
    By,
    Case,
    Cases,
    CheckRemoveToSkip,
    ChooseCase,
    ChooseEntryToRemove,
    ChooseKind,
    ChooseExport,
    ChooseTeam,
    Clarifying,
    CloseExplain,
    CloseMeeting,
    ConceptEnterToAdopt,
    Confirm,
    ConfirmClose,
    ConfirmOpen,
    ConfirmQuit,
    ConfirmRemove,
    ConfirmReopen,
    ConsultationField,
    Current,
    DateField,
    DateInFuture,
    DecidedBy,
    Decision,
    DecisionRecorded,
    Decisions,
    DissentBy,
    DissentNote,
    EditAdvice,
    Done,
    Dropped,
    Due,
    DueBeforeMeeting,
    EditCase,
    EditItem,
    EnterToAdd,
    EnterToChoose,
    EnterToWrite,
    ExternalFunction,
    ExternalName,
    ExternalNeeded,
    ExternalOrganisation,
    Failed,
    FromRhythm,
    Grounds,
    Guest,
    GuestRole,
    Help,
    HelpForms,
    HelpLookups,
    HelpGeneral,
    HelpKeysFile,
    HelpStart,
    Inbrenger,
    Items,
    KindMededelingen,
    KindOrganisatorisch,
    KindRondvraag,
    KindVerdeling,
    Left,
    Lesson,
    Meeting,
    MeetingClosed,
    MeetingOverrun,
    MinutesOf,
    Name,
    New,
    NewActions,
    NewDue,
    NextEvaluation,
    NextMeeting,
    NextMeetingTooEarly,
    No,
    NoMeeting,
    NoOpenActions,
    NotRecorded,
    NoRegisseur,
    Nobody,
    NotDone,
    NotReviewed,
    Notes,
    Notulist,
    Now,
    OpenActions,
    OverTime,
    Overdue,
    Owner,
    Planned,
    Postpone,
    Postponed,
    PostponedTo,
    Present,
    Question,
    Reason,
    ReasonNeeded,
    Regie,
    RegieChanges,
    RegieCheck,
    RegieExternal,
    RegieHousehold,
    RegieKeep,
    RegieTo,
    Remarks,
    Required,
    Search,
    SkipCheck,
    Skipped,
    SkippedInMeeting,
    StateRunning,
    Team,
    TimeBoxMinutes,
    Title,
    TooLong,
    TooMuch,
    Unfinished,
    UnknownCase,
    Voorzitter,
    WarnNoRegisseur,
    Yes,
}

impl T {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            T::AbsentExcused => ("afwezig met kennisgeving", "absent, excused"),
            T::AbsentUnexcused => ("afwezig zonder kennisgeving", "absent, not excused"),
            T::Action => ("Actie", "Action"),
            T::ActionRecorded => ("Actie vastgelegd:", "Action recorded:"),
            T::Actions => ("Acties", "Actions"),
            T::AddAction => ("Actie toevoegen", "Add action"),
            T::AddAdvice => ("Advies toevoegen", "Add advice"),
            T::AddDecision => ("Besluit vastleggen", "Record decision"),
            T::AddGuest => ("Gast toevoegen", "Add guest"),
            T::AddItem => ("Agendapunt toevoegen", "Add agenda item"),
            T::Adopted => ("vastgesteld", "adopted"),
            T::Advice => ("Advies", "Advice"),
            T::AdviceList => ("Adviezen", "Advice given"),
            T::Agenda => ("Agenda", "Agenda"),
            T::AgendaNotPrepared => ("agenda nog niet voorbereid", "agenda not prepared yet"),
            T::AgendaPrepared => ("agenda voorbereid", "agenda prepared"),
            T::Answered => ("beantwoord", "answered"),
            T::AskForDiscussion => (
                "Casussen die om bespreking vragen",
                "Cases asking for discussion",
            ),
            T::Attention => ("LET OP", "ATTENTION"),
            T::BadDate => (
                "Datum als dd-mm-jjjj, bijvoorbeeld 31-03-2026.",
                "Date as dd-mm-yyyy, e.g. 31-03-2026.",
            ),
            T::BadMinutes => ("Tijd in minuten, 1 tot 240.", "Time in minutes, 1 to 240."),
            T::BringInCase => ("Casus inbrengen", "Bring in a case"),
            T::By => ("Door", "By"),
            T::Case => ("Casus", "Case"),
            T::Cases => ("casussen", "cases"),
            T::CheckRemoveToSkip => (
                "x: hele check overslaan met reden",
                "x: skip the whole check with a reason",
            ),
            T::ChooseCase => (
                "Kies een casus (code, pseudoniem, coach)",
                "Choose a case (code, pseudonym, coach)",
            ),
            T::ChooseKind => ("Soort agendapunt", "Kind of agenda item"),
            T::ChooseExport => ("Notulen maken", "Write minutes"),
            T::ChooseTeam => ("Kies een team", "Choose a team"),
            T::Clarifying => ("Verdiepende vragen", "Clarifying questions"),
            T::CloseExplain => (
                "overleg sluiten: casussen bijwerken en notulen schrijven",
                "close the meeting: update cases and write the minutes",
            ),
            T::CloseMeeting => ("Overleg afsluiten", "Close meeting"),
            T::ConceptEnterToAdopt => ("concept (Enter: vaststellen)", "draft (Enter: adopt)"),
            T::Confirm => ("Bevestigen", "Confirm"),
            T::ConfirmClose => (
                "Overleg sluiten? Casussen krijgen hun nieuwe regisseur en evaluatiedatum, de notulen worden geschreven.",
                "Close the meeting? Cases get their new regisseur and evaluation date, and the minutes are written.",
            ),
            T::ConfirmOpen => (
                "Overleg openen? De klok gaat lopen.",
                "Open the meeting? The clock starts.",
            ),
            T::ConfirmQuit => (
                "Stoppen? Het overleg is bewaard en gaat verder waar het was.",
                "Quit? The meeting is saved and resumes where it was.",
            ),
            T::ConfirmRemove => ("Agendapunt verwijderen?", "Remove this agenda item?"),
            T::ChooseEntryToRemove => (
                "Kies met ↓ de regel die weg moet, dan x.",
                "Choose the entry to remove with ↓, then x.",
            ),
            T::ConsultationField => ("Overleg (ogenprincipe)", "Consulted (eyes principle)"),
            T::DueBeforeMeeting => (
                "De deadline ligt vóór dit overleg.",
                "The due date is before this meeting.",
            ),
            T::EditAdvice => ("Advies bewerken", "Edit advice"),
            T::EnterToAdd => ("Enter: toevoegen", "Enter: add"),
            T::NextMeetingTooEarly => (
                "Het volgende overleg moet na de datum van dit overleg liggen.",
                "The next meeting must come after this meeting's date.",
            ),
            T::NotRecorded => ("niet vastgelegd", "not recorded"),
            T::FromRhythm => ("volgens het ritme", "from the rhythm"),
            T::ConfirmReopen => ("Laatste overleg heropenen?", "Reopen the last meeting?"),
            T::Current => ("huidig", "current"),
            T::DateField => ("Datum (dd-mm-jjjj)", "Date (dd-mm-yyyy)"),
            T::DateInFuture => (
                "De nieuwe datum moet na vandaag liggen.",
                "The new date must be after today.",
            ),
            T::DecidedBy => ("Besloten door", "Decided by"),
            T::Decision => ("Besluit", "Decision"),
            T::DecisionRecorded => ("Besluit vastgelegd:", "Decision recorded:"),
            T::Decisions => ("Besluiten", "Decisions"),
            T::DissentBy => ("Afwijkende mening van", "Dissent by"),
            T::DissentNote => ("Toelichting afwijkende mening", "Dissent note"),
            T::Done => ("gedaan", "done"),
            T::Dropped => ("vervallen", "dropped"),
            T::Due => ("Uiterlijk", "Due"),
            T::EditCase => ("Casus wijzigen", "Edit case"),
            T::EditItem => ("Agendapunt wijzigen", "Edit agenda item"),
            T::EnterToChoose => ("Enter: kiezen", "Enter: choose"),
            T::EnterToWrite => ("Enter: schrijven", "Enter: write"),
            T::ExternalFunction => ("Functie (bij extern)", "Function (if external)"),
            T::ExternalName => ("Naam (bij extern)", "Name (if external)"),
            T::ExternalNeeded => (
                "Geef de naam van de externe regisseur.",
                "Give the name of the external regisseur.",
            ),
            T::ExternalOrganisation => ("Organisatie (bij extern)", "Organisation (if external)"),
            T::Failed => ("Dat lukte niet.", "That did not work."),
            T::Grounds => ("Grond", "Grounds"),
            T::Guest => ("gast", "guest"),
            T::GuestRole => (
                "Rol (ervaringsdeskundige, partner, …)",
                "Role (expert by experience, partner, …)",
            ),
            T::Help => ("Hulp", "Help"),
            T::HelpForms => ("Formulieren", "Forms"),
            T::HelpLookups => ("Opzoeken en caseload", "Lookups and caseload"),
            T::HelpGeneral => ("Algemeen", "General"),
            T::HelpKeysFile => (
                "Toetsen aanpassen: ~/.config/overleg/keys.ron (per actie).",
                "Change keys: ~/.config/overleg/keys.ron (per action).",
            ),
            T::HelpStart => ("Start", "Start"),
            T::Inbrenger => ("Inbrenger", "Brought in by"),
            T::Items => ("punten", "items"),
            T::KindMededelingen => ("mededelingen", "announcements"),
            T::KindOrganisatorisch => ("organisatorisch", "organisational"),
            T::KindRondvraag => ("rondvraag", "any other business"),
            T::KindVerdeling => (
                "verdeling nieuwe aanmeldingen",
                "distribution of new referrals",
            ),
            T::Left => ("nog", "left"),
            T::Lesson => (
                "Les (geanonimiseerd, deelbaar)",
                "Lesson (anonymised, shareable)",
            ),
            T::Meeting => ("Overleg", "Meeting"),
            T::MeetingClosed => ("Overleg gesloten.", "Meeting closed."),
            T::MeetingOverrun => ("OVERLEG LOOPT UIT", "MEETING OVERRUNS"),
            T::MinutesOf => ("Verslag van", "Minutes of"),
            T::Name => ("Naam", "Name"),
            T::New => ("nieuw", "new"),
            T::NewActions => ("Nieuwe acties", "New actions"),
            T::NewDue => ("Nieuwe datum (dd-mm-jjjj)", "New date (dd-mm-yyyy)"),
            T::NextEvaluation => ("Volgende evaluatie", "Next evaluation"),
            T::NextMeeting => ("Volgend overleg", "Next meeting"),
            T::No => ("nee", "no"),
            T::NoMeeting => ("Er is geen overleg gekozen.", "No meeting chosen."),
            T::NoOpenActions => ("geen open acties", "no open actions"),
            T::NoRegisseur => ("geen regisseur", "no regisseur"),
            T::Nobody => ("niemand", "nobody"),
            T::NotDone => ("nog niet gedaan", "not done yet"),
            T::NotReviewed => ("open", "open"),
            T::Notes => ("Notities", "Notes"),
            T::Notulist => ("Notulist", "Minute taker"),
            T::Now => ("nu", "now"),
            T::OpenActions => ("Open acties", "Open actions"),
            T::OverTime => ("OVER TIJD", "OVER TIME"),
            T::Overdue => ("te laat", "overdue"),
            T::Owner => ("Actiehouder", "Owner"),
            T::Planned => ("Gepland", "Planned"),
            T::Postpone => ("Doorschuiven", "Postpone"),
            T::Postponed => ("doorgeschoven", "postponed"),
            T::PostponedTo => ("doorgeschoven naar", "postponed to"),
            T::Present => ("aanwezig", "present"),
            T::Question => ("Vraag aan het team", "Question to the team"),
            T::Reason => ("Reden", "Reason"),
            T::ReasonNeeded => (
                "Geef een reden voor de overdracht.",
                "Give a reason for the hand-over.",
            ),
            T::Regie => ("Regie", "Regie"),
            T::RegieChanges => ("Regiewisselingen", "Regie changes"),
            T::RegieCheck => ("Regiecheck", "Regie check"),
            T::RegieExternal => (
                "overdragen aan externe professional",
                "hand over to an external professional",
            ),
            T::RegieHousehold => ("inwoner (huishouden) in regie", "household in regie"),
            T::RegieKeep => ("regie blijft waar hij is", "regie stays where it is"),
            T::RegieTo => ("naar", "to"),
            T::Remarks => ("Opmerkingen bij het verslag", "Remarks on the minutes"),
            T::Required => ("Dit veld is nodig.", "This field is required."),
            T::Search => ("Zoek", "Search"),
            T::SkipCheck => ("Regiecheck overslaan", "Skip the regie check"),
            T::Skipped => ("overgeslagen", "skipped"),
            T::SkippedInMeeting => ("overgeslagen in overleg", "skipped in the meeting"),
            T::StateRunning => ("(loopt)", "(running)"),
            T::Team => ("Team", "Team"),
            T::TimeBoxMinutes => ("Tijd (minuten)", "Time (minutes)"),
            T::Title => ("Titel", "Title"),
            T::TooLong => ("TE LANG", "TOO LONG"),
            T::TooMuch => ("te veel", "too many"),
            T::Unfinished => ("Niet afgerond (komt terug)", "Not finished (comes back)"),
            T::UnknownCase => ("onbekende casus", "unknown case"),
            T::Voorzitter => ("Voorzitter", "Chair"),
            T::WarnNoRegisseur => (
                "casus blijft zonder regisseur",
                "case is left without a regisseur",
            ),
            T::Yes => ("ja", "yes"),
        };
        lang.pick(nl, en)
    }
}

/// The short label of an action, for the footer and the help screen.
pub fn action_label(action: Action, lang: Lang) -> &'static str {
    let (nl, en) = match action {
        Action::Quit => ("stoppen", "quit"),
        Action::ForceQuit => ("direct stoppen (bewaard)", "quit now (saved)"),
        Action::Help => ("hulp", "help"),
        Action::Up => ("omhoog", "up"),
        Action::Down => ("omlaag", "down"),
        Action::Select => ("kiezen", "choose"),
        Action::Back => ("terug", "back"),
        Action::NextField => ("volgend veld", "next field"),
        Action::PrevField => ("vorig veld", "previous field"),
        Action::Save => ("bewaren", "save"),
        Action::Prepare => ("agenda / overleg", "agenda / meeting"),
        Action::AddSignalled => ("casus op agenda", "put case on agenda"),
        Action::Reopen => ("heropenen", "reopen"),
        Action::SwitchTeam => ("ander team", "other team"),
        Action::AddCase => ("casus", "add case"),
        Action::AddItem => ("ander punt", "other item"),
        Action::MoveUp => ("punt omhoog", "move up"),
        Action::MoveDown => ("punt omlaag", "move down"),
        Action::LongerTime => ("+5 min", "+5 min"),
        Action::ShorterTime => ("−5 min", "−5 min"),
        Action::Remove => ("verwijderen", "remove"),
        Action::OpenMeeting => ("openen", "open meeting"),
        Action::NextItem => ("volgend punt", "next item"),
        Action::PrevItem => ("vorig punt", "previous item"),
        Action::CyclePresence => ("presentie", "attendance"),
        Action::AddGuest => ("gast", "guest"),
        Action::ReviewDone => ("gedaan", "done"),
        Action::ReviewPostpone => ("doorschuiven", "postpone"),
        Action::ReviewDrop => ("vervallen", "drop"),
        Action::ReviewUndo => ("ongedaan", "undo"),
        Action::CheckYes => ("ja", "yes"),
        Action::CheckNo => ("nee", "no"),
        Action::CheckNotApplicable => ("n.v.t.", "n/a"),
        Action::CheckSkip => ("overslaan", "skip"),
        Action::ToClose => ("afsluiten", "close"),
        Action::Search => ("zoeken", "search"),
        Action::Caseload => ("caseload", "caseload"),
        Action::CaseloadSort => ("volgorde", "order"),
        Action::CaseloadRole => ("rol", "role"),
        Action::CaseloadAboveNorm => ("boven de norm", "above norm"),
        Action::NextMeetingDate => ("volgende datum", "next date"),
        Action::Minutes => ("notulen maken", "write minutes"),
    };
    lang.pick(nl, en)
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
pub fn confirm_remove(entry: Entry, number: Option<&str>, lang: Lang) -> String {
    let n = number.unwrap_or("");
    match entry {
        Entry::Advice(_) => lang
            .pick("Dit advies verwijderen?", "Remove this advice?")
            .into(),
        Entry::Decision(_) => match lang {
            Lang::Nl => format!("Besluit {n} verwijderen? Het nummer wordt niet opnieuw gebruikt."),
            Lang::En => format!("Remove decision {n}? Its number will not be used again."),
        },
        Entry::Action(_) => match lang {
            Lang::Nl => format!("Actie {n} verwijderen? Het nummer wordt niet opnieuw gebruikt."),
            Lang::En => format!("Remove action {n}? Its number will not be used again."),
        },
        Entry::Regie => lang
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
pub fn removed(entry: Entry, number: Option<&str>, lang: Lang) -> String {
    match (entry, number) {
        (Entry::Decision(_) | Entry::Action(_), Some(n)) => match lang {
            Lang::Nl => format!("{n} verwijderd; het nummer blijft ongebruikt."),
            Lang::En => format!("{n} removed; its number stays unused."),
        },
        (Entry::Regie, _) => lang
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

/// Label of a choice in the minutes popup.
pub fn export_label(export: crate::tui::app::Export, lang: Lang) -> String {
    use crate::minutes::{Format, Profile};
    use crate::tui::app::Export;
    match export {
        Export::Minutes(format, profile) => {
            let f = match format {
                Format::Md => "Markdown",
                Format::Docx => "Word (.docx)",
                Format::Html => lang.pick("HTML (afdrukbaar)", "HTML (printable)"),
            };
            let p = match profile {
                Profile::Intern => lang.pick("intern, voor het team", "internal, for the team"),
                Profile::Deelbaar => lang.pick(
                    "deelbaar, voor partners (alleen casuscodes)",
                    "shareable, for partners (case codes only)",
                ),
            };
            format!("{f} — {p}")
        }
        Export::Invitation => lang
            .pick(
                "Uitnodiging volgend overleg (.ics)",
                "Invitation for the next meeting (.ics)",
            )
            .to_string(),
    }
}
