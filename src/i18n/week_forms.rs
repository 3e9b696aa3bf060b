//! Labels of the interface's forms and popups for the team's week: the aanmelding, a case
//! change, the team screen, giving work to someone.

use super::Lang;

/// Labels of the aanmelding form in the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntakeText {
    Title,
    Pseudonym,
    Date,
    Source,
    Laws,
    Leefgebieden,
    Complexity,
    Safety,
    Question,
    Household,
    ConsentName,
    ConsentShare,
    Registered,
}

impl IntakeText {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            IntakeText::Title => ("Nieuwe aanmelding", "New referral"),
            IntakeText::Pseudonym => ("Pseudoniem (bv. Fam. A.)", "Pseudonym (e.g. Fam. A.)"),
            IntakeText::Date => ("Datum aanmelding", "Date of referral"),
            IntakeText::Source => ("Signaal van", "Signal from"),
            IntakeText::Laws => ("Wet (bv. jeugdwet, wmo)", "Law (e.g. jeugdwet, wmo)"),
            IntakeText::Leefgebieden => (
                "Leefgebieden (bv. financiën, opvoeding)",
                "Life domains (e.g. financien, opvoeding)",
            ),
            IntakeText::Complexity => ("Complexiteit (inschatting)", "Complexity (guess)"),
            IntakeText::Safety => ("Zorg om veiligheid", "Safety concern"),
            IntakeText::Question => ("Korte vraag", "Short question"),
            IntakeText::Household => (
                "Huishouden: rol:leeftijd[:naam]; … (naam alleen met toestemming)",
                "Household: role:age[:name]; … (a name only with consent)",
            ),
            IntakeText::ConsentName => (
                "Toestemming: bespreken met naam",
                "Consent: discuss by name",
            ),
            IntakeText::ConsentShare => (
                "Toestemming: delen met partners",
                "Consent: share with partners",
            ),
            IntakeText::Registered => (
                "Aanmelding {code} staat op de verdeellijst.",
                "Referral {code} is on the verdeellijst.",
            ),
        };
        lang.pick(nl, en)
    }
}

/// Labels of the form that changes a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseEditText {
    Title,
    What,
    Status,
    Close,
    Reopen,
    Safety,
    Coach,
    NextEvaluation,
    ProvisionEnd,
    NewStatus,
    Afsluitreden,
    Provision,
}

impl CaseEditText {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            CaseEditText::Title => ("Casus {code} wijzigen", "Change case {code}"),
            CaseEditText::What => ("Wat verandert", "What changes"),
            CaseEditText::Status => ("status (volgende fase)", "status (next stage)"),
            CaseEditText::Close => ("afsluiten", "close the case"),
            CaseEditText::Reopen => ("heropenen", "reopen"),
            CaseEditText::Safety => ("zorg om veiligheid aan/uit", "safety concern on/off"),
            CaseEditText::Coach => ("coach (casushouder)", "coach (case holder)"),
            CaseEditText::NextEvaluation => ("volgende evaluatie", "next evaluation"),
            CaseEditText::ProvisionEnd => ("einddatum voorziening", "end of a provision"),
            CaseEditText::NewStatus => ("Nieuwe status", "New status"),
            CaseEditText::Afsluitreden => ("Afsluitreden", "Reason for closing"),
            CaseEditText::Provision => ("Voorziening", "Provision"),
        };
        lang.pick(nl, en)
    }
}

/// Texts of the team screen and its forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamText {
    Screen,
    AddMember,
    EditMember,
    Name,
    Roles,
    Fte,
    Expertise,
    Youth,
    Start,
    End,
    Leave,
    From,
    Until,
    Norm,
    PerFte,
    WeightLicht,
    WeightMidden,
    WeightZwaar,
    BadNumber,
    UnknownRole,
    Added,
    Leaves,
    OnLeave,
    NoYouth,
    Rhythm,
}

impl TeamText {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            TeamText::Screen => ("Team", "Team"),
            TeamText::AddMember => ("Nieuw teamlid", "New team member"),
            TeamText::EditMember => ("{name} wijzigen", "Change {name}"),
            TeamText::Name => ("Naam", "Name"),
            TeamText::Roles => (
                "Rollen (bv. wijkcoach, jeugdprofessional)",
                "Roles (e.g. wijkcoach, jeugdprofessional)",
            ),
            TeamText::Fte => ("FTE (bv. 0,8)", "FTE (e.g. 0.8)"),
            TeamText::Expertise => (
                "Expertise (bv. schulden, LVB)",
                "Expertise (e.g. schulden, LVB)",
            ),
            TeamText::Youth => ("Mag jeugdcasussen aannemen", "May take youth cases"),
            TeamText::Start => ("In het team vanaf", "In the team from"),
            TeamText::End => ("Uit dienst per (leeg: blijft)", "Leaves on (empty: stays)"),
            TeamText::Leave => ("Verlof van {name}", "Leave of {name}"),
            TeamText::From => ("Van", "From"),
            TeamText::Until => (
                "Tot en met (leeg: nog onbekend)",
                "Until (empty: not known yet)",
            ),
            TeamText::Norm => ("Caseloadnorm", "Caseload norm"),
            TeamText::PerFte => ("Huishoudens per FTE", "Households per FTE"),
            TeamText::WeightLicht => ("Gewicht licht", "Weight light"),
            TeamText::WeightMidden => ("Gewicht midden", "Weight medium"),
            TeamText::WeightZwaar => ("Gewicht zwaar", "Weight heavy"),
            TeamText::BadNumber => (
                "‘{field}’: typ een getal, bv. 0,8 of 30.",
                "‘{field}’: type a number, e.g. 0.8 or 30.",
            ),
            TeamText::UnknownRole => (
                "Onbekende rol ‘{role}’; kies uit wijkcoach, consulent, sociaal werker, jeugdprofessional, wijkteammanager, transformatiecoach, gedragswetenschapper.",
                "Unknown role ‘{role}’; choose from wijkcoach, consulent, sociaal werker, jeugdprofessional, wijkteammanager, transformatiecoach, gedragswetenschapper.",
            ),
            TeamText::Added => ("Teamlid toegevoegd ({id}).", "Member added ({id})."),
            TeamText::Leaves => ("uit dienst per", "leaves on"),
            TeamText::OnLeave => ("met verlof", "on leave"),
            TeamText::NoYouth => ("geen jeugd", "no youth"),
            TeamText::Rhythm => ("Ritme", "Rhythm"),
        };
        lang.pick(nl, en)
    }
}

/// Titles of the popup that gives work to someone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AssignText {
    Regisseur,
    NewOwner,
    Owner,
}

impl AssignText {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            AssignText::Regisseur => (
                "Wie heeft ruimte voor {case}? (volgorde: wie mag, ruimte, expertise)",
                "Who has room for {case}? (order: who may, room, expertise)",
            ),
            AssignText::NewOwner => ("Naar wie gaat dit?", "Who takes this over?"),
            AssignText::Owner => ("Nieuwe actiehouder van {what}", "New owner of {what}"),
        };
        lang.pick(nl, en)
    }
}

/// After accepting every open proposal of a herverdeling.
pub fn accepted(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{n} voorstellen overgenomen."),
        Lang::En => format!("{n} proposals accepted."),
    }
}
