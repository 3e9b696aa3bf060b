//! Texts of the meeting pane for the team's week: the facts of a case before the chair, a
//! household on the verdeellijst, a line of a herverdeling, and the start screen's week.

use super::Lang;

/// Fixed words of the pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Facts,
    Kader,
    Voluntary,
    EndsSoon,
    Safety,
    Plans,
    TwoPlans,
    Provisions,
    Betrokkenen,
    Regisseur,
    LastDiscussed,
    OpenActions,
    None,
    Days,
    Day,
    Proposal,
    StaysOnList,
    Assigned,
    Regie,
    Coach,
    From,
    Reason,
    NothingToRedistribute,
    EmptyList,
    HandOversSoon,
    Leavers,
    Open,
}

impl Pane {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Pane::Facts => ("Feiten (Enter: casuskaart)", "Facts (Enter: case card)"),
            Pane::Kader => ("Kader", "Framework"),
            Pane::Voluntary => ("vrijwillig", "voluntary"),
            Pane::EndsSoon => ("eindigt binnen vier weken", "ends within four weeks"),
            Pane::Safety => ("zorg om veiligheid", "safety concern"),
            Pane::Plans => ("Plannen", "Plans"),
            Pane::TwoPlans => ("twee plannen tegelijk", "two plans at once"),
            Pane::Provisions => ("Voorzieningen", "Provisions"),
            Pane::Betrokkenen => ("Betrokkenen", "Involved"),
            Pane::Regisseur => ("Regisseur", "Regisseur"),
            Pane::LastDiscussed => ("Vorige bespreking", "Last discussed"),
            Pane::OpenActions => ("Open acties", "Open actions"),
            Pane::None => ("geen", "none"),
            Pane::Days => ("dagen", "days"),
            Pane::Day => ("dag", "day"),
            Pane::Proposal => ("voorstel", "suggested"),
            Pane::StaysOnList => ("blijft op de lijst", "stays on the list"),
            Pane::Assigned => ("regisseur", "regisseur"),
            Pane::Regie => ("regie", "regie"),
            Pane::Coach => ("coach", "coach"),
            Pane::From => ("van", "from"),
            Pane::Reason => (
                "Reden voor alle overdrachten (één keer)",
                "Reason for every hand-over (once)",
            ),
            Pane::NothingToRedistribute => ("niets over te dragen", "nothing to hand over"),
            Pane::EmptyList => (
                "De verdeellijst is leeg (N: nieuwe aanmelding)",
                "The list is empty (N: new referral)",
            ),
            Pane::HandOversSoon => (
                "Overdrachten vóór het volgende overleg",
                "Hand-overs before the next meeting",
            ),
            Pane::Leavers => ("Vertrekt of met verlof", "Leaving or on leave"),
            Pane::Open => ("nog open", "still open"),
        };
        lang.pick(nl, en)
    }
}

/// "2 van 12 overdrachten nog open" — the state of a herverdeling.
pub fn open_lines(open: usize, all: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{open} van {all} overdrachten nog open"),
        Lang::En => format!("{open} of {all} hand-overs still open"),
    }
}
