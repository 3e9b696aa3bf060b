//! Texts for caseload lookups, the case card and the note on partial loads.

use super::Lang;
use crate::caseload::LoadBand;

/// The load band in words (context, not a ranking).
pub fn band(band: LoadBand, lang: Lang) -> &'static str {
    match band {
        LoadBand::Ruimte => lang.pick("ruimte", "room"),
        LoadBand::RondNorm => lang.pick("rond de norm", "around norm"),
        LoadBand::BovenNorm => lang.pick("boven de norm", "above norm"),
        LoadBand::Onbekend => lang.pick("geen fte bekend", "no FTE known"),
        LoadBand::GeenCasushouder => lang.pick("geen casushouder", "not a case holder"),
        LoadBand::NietInTeam => lang.pick("niet meer in het team", "no longer in the team"),
    }
}

/// A weight with one decimal and a Dutch decimal comma.
fn comma(x: f32) -> String {
    format!("{x:.1}").replace('.', ",")
}

/// Heading of a team block.
pub fn team_heading(name: &str, id: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{name} ({id})"),
        Lang::En => format!("{name} ({id})"),
    }
}

/// The norm line.
pub fn norm(per_fte: f32, l: f32, m: f32, z: f32, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "norm {per_fte:.0} huishoudens per fte; gewicht licht {} · midden {} · zwaar {}",
            comma(l),
            comma(m),
            comma(z)
        ),
        Lang::En => format!(
            "norm {per_fte:.0} households per FTE; weight light {l:.1} · medium {m:.1} · heavy {z:.1}"
        ),
    }
}

/// Column headings of the member table.
pub fn columns(lang: Lang) -> [&'static str; 8] {
    match lang {
        Lang::Nl => [
            "medewerker",
            "fte",
            "regie",
            "l/m/z",
            "gewogen",
            "norm×fte",
            "belasting",
            "te laat/eval.",
        ],
        Lang::En => [
            "member",
            "FTE",
            "regie",
            "l/m/h",
            "weighted",
            "norm×FTE",
            "load",
            "overdue/eval.",
        ],
    }
}

/// Label of the totals row.
pub fn team_total(lang: Lang) -> &'static str {
    lang.pick("team", "team")
}

/// Where regie lies outside team members.
pub fn regie_elsewhere(extern_: u32, household: u32, unknown: u32, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "regie buiten het team: extern {extern_}, huishouden zelf {household}, onbekende medewerker {unknown}"
        ),
        Lang::En => format!(
            "regie outside the team: external {extern_}, household itself {household}, unknown member {unknown}"
        ),
    }
}

/// Heading of the list of cases without a regisseur.
pub fn without_regisseur(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("zonder regisseur ({n})"),
        Lang::En => format!("without regisseur ({n})"),
    }
}

/// "none".
pub fn none(lang: Lang) -> &'static str {
    lang.pick("geen", "none")
}

/// Who holds the file of an unassigned case, and since when regie lapsed.
pub fn unassigned_detail(coach: Option<&str>, since: Option<&str>, lang: Lang) -> String {
    let mut s = String::new();
    if let Some(c) = coach {
        s.push_str(&match lang {
            Lang::Nl => format!(" · dossier bij {c}"),
            Lang::En => format!(" · file held by {c}"),
        });
    }
    if let Some(d) = since {
        s.push_str(&match lang {
            Lang::Nl => format!(" · sinds {d}"),
            Lang::En => format!(" · since {d}"),
        });
    }
    s
}

/// "No team with id …".
pub fn no_such_team(team: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Geen team \u{201c}{team}\u{201d} gevonden."),
        Lang::En => format!("No team \u{201c}{team}\u{201d} found."),
    }
}

/// The note that an answer covers only what loaded.
pub fn partial(problems: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Let op: {problems} probleem/problemen bij het laden; dit antwoord gaat alleen over wat wel geladen is."
        ),
        Lang::En => format!(
            "Note: {problems} problem(s) while loading; this answer covers only what loaded."
        ),
    }
}

/// "… and N more".
pub fn more_problems(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("… en nog {n} (zie `overleg check`)"),
        Lang::En => format!("… and {n} more (see `overleg check`)"),
    }
}

/// "Nothing to look at" when the folder holds no team.
pub fn no_teams(dir: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Geen teams gevonden in {dir}."),
        Lang::En => format!("No teams found in {dir}."),
    }
}

/// Labels of the case card and the caseload screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Card {
    Title,
    CaseloadTitle,
    Regisseur,
    NoRegisseur,
    Signals,
    AtRegistration,
    Now,
    RegieHistory,
    CaseHistory,
    Provisions,
    Ended,
    EndingSoon,
    NextEvaluation,
    Discussions,
    Question,
    Advice,
    Decision,
    Action,
    OtherActions,
    None,
    NotFound,
    Due,
    SearchEmpty,
}

/// The text of a card label.
pub fn card(label: Card, lang: Lang) -> &'static str {
    let (nl, en) = match label {
        Card::Title => ("Casuskaart", "Case card"),
        Card::CaseloadTitle => ("Caseload", "Caseload"),
        Card::Regisseur => ("Regisseur", "Regisseur"),
        Card::NoRegisseur => ("⚠ geen regisseur", "⚠ no regisseur"),
        Card::Signals => ("Aandacht", "Attention"),
        Card::AtRegistration => ("Bij aanmelding", "At referral"),
        Card::Now => ("Nu", "Now"),
        Card::RegieHistory => ("Regiegeschiedenis", "Regie history"),
        Card::CaseHistory => ("Wijzigingen", "Changes"),
        Card::Provisions => ("Voorzieningen", "Provisions"),
        Card::Ended => ("afgelopen", "ended"),
        Card::EndingSoon => ("loopt binnenkort af", "ends soon"),
        Card::NextEvaluation => ("Volgende evaluatie", "Next evaluation"),
        Card::Discussions => ("Besprekingen", "Discussions"),
        Card::Question => ("vraag", "question"),
        Card::Advice => ("advies", "advice"),
        Card::Decision => ("besluit", "decision"),
        Card::Action => ("actie", "action"),
        Card::OtherActions => ("Overige acties", "Other actions"),
        Card::None => ("geen", "none"),
        Card::NotFound => ("Casus niet gevonden.", "Case not found."),
        Card::Due => ("uiterlijk", "due"),
        Card::SearchEmpty => (
            "Typ een naam, casuscode, leefgebied, besluit of actie.",
            "Type a name, case code, life domain, decision or action.",
        ),
    };
    lang.pick(nl, en)
}

/// The order of the caseload list, in words.
pub fn sort_label(sort: crate::caseload::SortKey, lang: Lang) -> &'static str {
    use crate::caseload::SortKey;
    match sort {
        SortKey::Name => lang.pick("naam", "name"),
        SortKey::Load => lang.pick("belasting", "load"),
        SortKey::Overdue => lang.pick("achterstand", "overdue"),
    }
}

/// The line with the chosen order and filters of the caseload screen.
pub fn view_settings(
    sort: crate::caseload::SortKey,
    role: Option<&str>,
    only_above_norm: bool,
    lang: Lang,
) -> String {
    let role = role.unwrap_or(lang.pick("alle", "all"));
    let mut s = match lang {
        Lang::Nl => format!("volgorde: {} · rol: {role}", sort_label(sort, lang)),
        Lang::En => format!("order: {} · role: {role}", sort_label(sort, lang)),
    };
    if only_above_norm {
        s.push_str(lang.pick(" · alleen boven de norm", " · only above norm"));
    }
    s
}

/// When the filters leave nobody.
pub fn no_members(lang: Lang) -> &'static str {
    lang.pick(
        "geen medewerkers bij deze keuze",
        "no members match this choice",
    )
}

/// Heading of the selected member's details.
pub fn member_heading(name: &str, cases: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{name}: regie bij {cases} huishouden(s)"),
        Lang::En => format!("{name}: regie for {cases} household(s)"),
    }
}

/// Labels of the selected member's evaluations and overdue actions.
pub fn member_labels(lang: Lang) -> (&'static str, &'static str, &'static str) {
    (
        lang.pick("evaluaties", "evaluations"),
        lang.pick("te laat", "overdue"),
        lang.pick("acties te laat", "actions overdue"),
    )
}

/// `--rol` names no role.
pub fn unknown_role(role: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("onbekende rol: {role}"),
        Lang::En => format!("unknown role: {role}"),
    }
}
