//! Texts of the minutes (notulen), the case excerpt, the invitation and their errors.
//! Dutch is the language of the minutes; English exists for `--lang en`.

use super::Lang;

/// Every fixed text that appears in a minutes document.
#[derive(Debug)]
pub struct Texts {
    pub title: &'static str,
    pub excerpt_title: &'static str,
    pub status: &'static str,
    pub concept: &'static str,
    pub vastgesteld: &'static str,
    pub profile: &'static str,
    pub profile_intern: &'static str,
    pub profile_deelbaar: &'static str,
    pub deelbaar_note: &'static str,
    pub intern_note: &'static str,
    pub team: &'static str,
    pub municipality: &'static str,
    pub date: &'static str,
    pub time: &'static str,
    pub place: &'static str,
    pub voorzitter: &'static str,
    pub notulist: &'static str,
    pub attendance: &'static str,
    pub name: &'static str,
    pub role: &'static str,
    pub presence: &'static str,
    pub aanwezig: &'static str,
    pub afwezig_met: &'static str,
    pub afwezig_zonder: &'static str,
    pub guest: &'static str,
    pub previous_minutes: &'static str,
    pub previous_adopted: &'static str,
    pub previous_not_adopted: &'static str,
    pub remarks: &'static str,
    pub none: &'static str,
    pub action_review: &'static str,
    pub number: &'static str,
    pub action: &'static str,
    pub outcome: &'static str,
    pub note: &'static str,
    pub review_done: &'static str,
    pub review_postponed: &'static str,
    pub review_dropped: &'static str,
    pub cases: &'static str,
    pub case: &'static str,
    pub inbrenger: &'static str,
    pub question: &'static str,
    pub clarifying: &'static str,
    pub discussion: &'static str,
    pub advice: &'static str,
    pub decisions: &'static str,
    pub decided_by: &'static str,
    pub grounds: &'static str,
    pub consultation: &'static str,
    pub dissent: &'static str,
    pub regie: &'static str,
    pub regie_kept: &'static str,
    pub regie_handed: &'static str,
    pub regie_from: &'static str,
    pub regie_to: &'static str,
    pub reason: &'static str,
    pub household: &'static str,
    pub nobody: &'static str,
    pub regie_check: &'static str,
    pub regie_check_skipped: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub not_applicable: &'static str,
    pub skipped: &'static str,
    pub next_evaluation: &'static str,
    pub actions: &'static str,
    pub lesson: &'static str,
    pub confidential: &'static str,
    pub organisational: &'static str,
    pub besluitenlijst: &'static str,
    pub decision: &'static str,
    pub actielijst: &'static str,
    pub owner: &'static str,
    pub due: &'static str,
    pub state: &'static str,
    pub postponed: &'static str,
    pub open: &'static str,
    pub done: &'static str,
    pub dropped: &'static str,
    pub next_meeting: &'static str,
    pub not_planned: &'static str,
    pub case_data: &'static str,
    pub pseudonym: &'static str,
    pub case_status: &'static str,
    pub regisseur: &'static str,
    pub regie_history: &'static str,
    pub meeting_of: &'static str,
    pub never_discussed: &'static str,
    pub invitation_summary: &'static str,
    /// A guest from a household, in a shareable document.
    pub resident: &'static str,
    /// Meta label of the partner a version is for.
    pub for_partner: &'static str,
    /// Note of a partner's version; `{partner}` is the organisation.
    pub partner_note: &'static str,
    pub withheld_one: &'static str,
    /// `{n}` households left out.
    pub withheld_many: &'static str,
    // Issue 14: the Word template and the lists.
    pub not_discussed: &'static str,
    pub grounds_header: &'static str,
    pub consultation_header: &'static str,
    pub marking_intern: &'static str,
    pub page: &'static str,
    pub page_of: &'static str,
    pub language: &'static str,
}

/// Dutch texts.
pub const NL: Texts = Texts {
    title: "Notulen casuïstiekoverleg",
    excerpt_title: "Uittreksel voor het dossier",
    status: "Status",
    concept: "concept",
    vastgesteld: "vastgesteld",
    profile: "Versie",
    profile_intern: "intern (alleen voor het team)",
    profile_deelbaar: "deelbaar (voor partners)",
    deelbaar_note: "Deelbare versie: alleen huishoudens die toestemming gaven om te delen, \
                    alleen casuscodes; geen namen van inwoners, gasten of externe \
                    professionals, geen vertrouwelijke notities, geen bespreekaantekeningen.",
    intern_note: "Interne versie: vertrouwelijk, niet delen buiten het team.",
    team: "Team",
    municipality: "Gemeente",
    date: "Datum",
    time: "Tijd",
    place: "Plaats",
    voorzitter: "Voorzitter",
    notulist: "Notulist",
    attendance: "Aanwezigheid",
    name: "Naam",
    role: "Rol",
    presence: "Aanwezigheid",
    aanwezig: "aanwezig",
    afwezig_met: "afwezig met kennisgeving",
    afwezig_zonder: "afwezig zonder kennisgeving",
    guest: "gast",
    previous_minutes: "Vorig verslag",
    previous_adopted: "Het verslag van {date} is vastgesteld.",
    previous_not_adopted: "Het verslag van {date} is nog niet vastgesteld.",
    remarks: "Opmerkingen",
    none: "geen",
    action_review: "Actiepunten vorig overleg",
    number: "Nr.",
    action: "Actie",
    outcome: "Uitkomst",
    note: "Toelichting",
    review_done: "gedaan",
    review_postponed: "doorgeschoven naar {date}",
    review_dropped: "vervallen",
    cases: "Casusbespreking",
    case: "Casus",
    inbrenger: "Inbrenger",
    question: "Vraag aan het team",
    clarifying: "Verdiepende vragen",
    discussion: "Bespreking",
    advice: "Adviezen",
    decisions: "Besluiten",
    decided_by: "besloten door",
    grounds: "grond",
    consultation: "overleg",
    dissent: "afwijkende mening",
    regie: "Regie",
    regie_kept: "{who} behoudt de regie.",
    regie_handed: "Regie gaat over van {from} naar {to}.",
    regie_from: "Van",
    regie_to: "Naar",
    reason: "Reden",
    household: "het huishouden zelf (inwoner in regie)",
    nobody: "niemand",
    regie_check: "Regiecheck",
    regie_check_skipped: "Regiecheck overgeslagen",
    yes: "ja",
    no: "nee",
    not_applicable: "n.v.t.",
    skipped: "overgeslagen",
    next_evaluation: "Volgende evaluatie",
    actions: "Acties",
    lesson: "Les (deelbaar)",
    confidential: "Vertrouwelijk (alleen team)",
    organisational: "Organisatorische punten",
    besluitenlijst: "Besluitenlijst",
    decision: "Besluit",
    actielijst: "Actielijst",
    owner: "Actiehouder",
    due: "Deadline",
    state: "Status",
    postponed: "Uitgesteld",
    open: "open",
    done: "gedaan",
    dropped: "vervallen",
    next_meeting: "Volgend overleg",
    not_planned: "nog niet gepland",
    case_data: "Gegevens",
    pseudonym: "Aanduiding",
    case_status: "Fase",
    regisseur: "Regisseur",
    regie_history: "Regiewisselingen",
    meeting_of: "Overleg van",
    never_discussed: "Deze casus is nog in geen enkel overleg besproken.",
    invitation_summary: "Casuïstiekoverleg",
    resident: "inwoner",
    for_partner: "Voor",
    partner_note: "Versie voor {partner}: alleen huishoudens die toestemming gaven om te delen \
                   en waarbij {partner} betrokken is; per huishouden de vraag, de besluiten \
                   en de acties voor {partner}. Geen namen van inwoners.",
    withheld_one: "1 casus niet opgenomen: geen toestemming om te delen.",
    withheld_many: "{n} casussen niet opgenomen: geen toestemming om te delen.",
    not_discussed: "Niet besproken.",
    grounds_header: "Grond",
    consultation_header: "Raadpleging",
    marking_intern: "Vertrouwelijk",
    page: "pagina",
    page_of: "van",
    language: "nl-NL",
};

/// English texts.
pub const EN: Texts = Texts {
    title: "Minutes of the case meeting",
    excerpt_title: "Excerpt for the case file",
    status: "Status",
    concept: "draft",
    vastgesteld: "adopted",
    profile: "Version",
    profile_intern: "internal (team only)",
    profile_deelbaar: "shareable (for partners)",
    deelbaar_note: "Shareable version: only households that consented to sharing, case \
                    codes only; no names of residents, guests or external professionals, no \
                    confidential notes, no discussion notes.",
    intern_note: "Internal version: confidential, do not share outside the team.",
    team: "Team",
    municipality: "Municipality",
    date: "Date",
    time: "Time",
    place: "Place",
    voorzitter: "Chair",
    notulist: "Minute taker",
    attendance: "Attendance",
    name: "Name",
    role: "Role",
    presence: "Presence",
    aanwezig: "present",
    afwezig_met: "absent with notice",
    afwezig_zonder: "absent without notice",
    guest: "guest",
    previous_minutes: "Previous minutes",
    previous_adopted: "The minutes of {date} were adopted.",
    previous_not_adopted: "The minutes of {date} were not yet adopted.",
    remarks: "Remarks",
    none: "none",
    action_review: "Review of open actions",
    number: "No.",
    action: "Action",
    outcome: "Outcome",
    note: "Note",
    review_done: "done",
    review_postponed: "postponed to {date}",
    review_dropped: "dropped",
    cases: "Case discussions",
    case: "Case",
    inbrenger: "Brought in by",
    question: "Question to the team",
    clarifying: "Clarifying questions",
    discussion: "Discussion",
    advice: "Advice",
    decisions: "Decisions",
    decided_by: "decided by",
    grounds: "grounds",
    consultation: "consultation",
    dissent: "dissent",
    regie: "Regie",
    regie_kept: "{who} keeps regie.",
    regie_handed: "Regie passes from {from} to {to}.",
    regie_from: "From",
    regie_to: "To",
    reason: "Reason",
    household: "the household itself",
    nobody: "nobody",
    regie_check: "Regie check",
    regie_check_skipped: "Regie check skipped",
    yes: "yes",
    no: "no",
    not_applicable: "n/a",
    skipped: "skipped",
    next_evaluation: "Next evaluation",
    actions: "Actions",
    lesson: "Lesson (shareable)",
    confidential: "Confidential (team only)",
    organisational: "Organisational items",
    besluitenlijst: "Decision list",
    decision: "Decision",
    actielijst: "Action list",
    owner: "Owner",
    due: "Due",
    state: "Status",
    postponed: "Postponed",
    open: "open",
    done: "done",
    dropped: "dropped",
    next_meeting: "Next meeting",
    not_planned: "not planned yet",
    case_data: "Details",
    pseudonym: "Pseudonym",
    case_status: "Stage",
    regisseur: "Regisseur",
    regie_history: "Changes of regie",
    meeting_of: "Meeting of",
    never_discussed: "This case has not been discussed in any meeting yet.",
    invitation_summary: "Case meeting",
    resident: "resident",
    for_partner: "For",
    partner_note: "Version for {partner}: only households that consented to sharing and that \
                   {partner} works with; per household the question, the decisions and the \
                   actions for {partner}. No names of residents.",
    withheld_one: "1 case left out: no consent to share.",
    withheld_many: "{n} cases left out: no consent to share.",
    not_discussed: "Not discussed.",
    grounds_header: "Grounds",
    consultation_header: "Consultation",
    marking_intern: "Confidential",
    page: "page",
    page_of: "of",
    language: "en-GB",
};

/// The texts for a language.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// Error: the shareable minutes hold something that looks like personal data.
pub fn refused(lang: Lang) -> &'static str {
    lang.pick(
        "Deelbare notulen niet geschreven: er staat iets in dat op persoonsgegevens lijkt. \
         Pas de tekst aan en probeer opnieuw.",
        "Shareable minutes not written: they contain something that looks like personal data. \
         Edit the text and try again.",
    )
}

/// Warning for internal minutes that hold something like personal data.
pub fn warning(lang: Lang) -> &'static str {
    lang.pick(
        "Let op: de interne notulen bevatten iets dat op persoonsgegevens lijkt:",
        "Note: the internal minutes contain something that looks like personal data:",
    )
}

/// Label of a finding kind.
pub fn finding_kind(kind: crate::minutes::FindingKind, lang: Lang) -> &'static str {
    use crate::minutes::FindingKind;
    match kind {
        FindingKind::Bsn => lang.pick("BSN (voldoet aan de 11-proef)", "BSN (passes the 11 test)"),
        FindingKind::Email => lang.pick("e-mailadres", "e-mail address"),
        FindingKind::Phone => lang.pick("telefoonnummer", "phone number"),
        FindingKind::Iban => lang.pick("IBAN (rekeningnummer)", "IBAN (bank account)"),
        FindingKind::Postcode => lang.pick("postcode met huisnummer", "postcode with house number"),
        FindingKind::Address => lang.pick("straat met huisnummer", "street with house number"),
        FindingKind::BirthDate => lang.pick("geboortedatum", "date of birth"),
    }
}

/// "in section X"
pub fn found_in(lang: Lang) -> &'static str {
    lang.pick("in", "in")
}

/// Error texts that are not about privacy.
pub fn no_such_case(lang: Lang) -> &'static str {
    lang.pick("Onbekende casus", "Unknown case")
}

/// Error: a shareable excerpt of a household without consent.
pub fn no_consent(lang: Lang) -> &'static str {
    lang.pick(
        "Niet geschreven: dit huishouden gaf geen toestemming om gegevens met partners te delen",
        "Not written: this household did not consent to sharing with partners",
    )
}

/// Error: a shareable document mentions a household whose case file does not load.
pub fn case_unreadable(lang: Lang) -> &'static str {
    lang.pick(
        "Deelbare versie niet geschreven: het casusbestand van een besproken huishouden is \
         niet te lezen, dus de namen zijn onbekend en kunnen niet worden weggelaten. Herstel \
         het bestand (zie `overleg check`)",
        "Shareable version not written: the case file of a discussed household cannot be read, \
         so its names are unknown and cannot be left out. Repair the file (see `overleg check`)",
    )
}

/// Error: `--partner` names no organisation involved with the team's households.
pub fn unknown_partner(lang: Lang) -> &'static str {
    lang.pick(
        "Onbekende partner; betrokken organisaties",
        "Unknown partner; organisations involved",
    )
}

/// Error: `--partner` fits several organisations.
pub fn ambiguous_partner(lang: Lang) -> &'static str {
    lang.pick(
        "Deze partner past bij meer organisaties; kies er een",
        "This partner fits several organisations; choose one",
    )
}

/// Error: the partner is not involved with the household of the excerpt.
pub fn partner_not_involved(lang: Lang) -> &'static str {
    lang.pick(
        "Niet geschreven: deze partner is niet betrokken bij dit huishouden",
        "Not written: this partner is not involved with this household",
    )
}

/// Error: nothing in the meeting for this partner.
pub fn nothing_for_partner(lang: Lang) -> &'static str {
    lang.pick(
        "Niet geschreven: in dit overleg is geen huishouden besproken dat toestemming gaf en \
         waarbij deze partner betrokken is",
        "Not written: no household discussed in this meeting consented and works with this \
         partner",
    )
}

/// Error: `--partner` without the shareable profile.
pub fn partner_needs_deelbaar(lang: Lang) -> &'static str {
    lang.pick(
        "--partner kan alleen met --profile deelbaar",
        "--partner only goes with --profile deelbaar",
    )
}

/// Error writing the file.
pub fn write_failed(lang: Lang) -> &'static str {
    lang.pick("Kon het bestand niet schrijven", "Could not write the file")
}

/// Error building the Word document.
pub fn docx_failed(lang: Lang) -> &'static str {
    lang.pick(
        "Kon het Word-document niet opbouwen",
        "Could not build the Word document",
    )
}

/// CLI: the folder loaded with problems.
pub fn cli_load_problems(lang: Lang) -> &'static str {
    lang.pick(
        "Waarschuwing: niet alles kon worden ingelezen; verder met wat wel laadde:",
        "Warning: not everything could be loaded; going on with what did load:",
    )
}

/// CLI: no team folder found.
pub fn cli_no_team(lang: Lang) -> &'static str {
    lang.pick("Geen team gevonden in", "No team found in")
}

/// CLI: more than one team and no `--team`.
pub fn cli_choose_team(lang: Lang) -> &'static str {
    lang.pick(
        "Deze map bevat meer teams; kies er een met --team",
        "This folder holds several teams; choose one with --team",
    )
}

/// CLI: `--team` names no team.
pub fn cli_unknown_team(lang: Lang) -> &'static str {
    lang.pick("Onbekend team", "Unknown team")
}

/// CLI: no closed meeting for `laatste`.
pub fn cli_no_closed(lang: Lang) -> &'static str {
    lang.pick(
        "Er is nog geen gesloten overleg om notulen van te maken.",
        "There is no closed meeting to write minutes of yet.",
    )
}

/// CLI: the date could not be read.
pub fn cli_bad_date(lang: Lang) -> &'static str {
    lang.pick(
        "Ongeldige datum (gebruik JJJJ-MM-DD of 'laatste')",
        "Invalid date (use YYYY-MM-DD or 'laatste')",
    )
}

/// CLI: no meeting on the date.
pub fn cli_no_meeting(lang: Lang) -> &'static str {
    lang.pick("Geen overleg op", "No meeting on")
}

/// CLI: no next meeting date known for the invitation.
pub fn cli_no_next(lang: Lang) -> &'static str {
    lang.pick(
        "Geen datum voor het volgende overleg bekend; geen uitnodiging geschreven.",
        "No date for the next meeting known; no invitation written.",
    )
}

/// A re-export found the document edited after overleg wrote it.
pub fn kept_edited(path: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "{path} is bewerkt nadat overleg het schreef en blijft zoals het is; de nieuwe versie staat ernaast:"
        ),
        Lang::En => format!(
            "{path} was edited after overleg wrote it and stays as it is; the new version is beside it:"
        ),
    }
}
