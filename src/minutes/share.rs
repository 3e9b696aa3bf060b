//! What a shareable document may hold: consent, the partner a document is for, and which
//! actions are addressed to that partner.
//!
//! - A household is shared only when it consented to sharing with partners
//!   (`consent.share_with_partners`) and its case file loaded; a household whose file does
//!   not load makes a shareable document that mentions it refuse (its names are unknown).
//! - A **partner** is an organisation involved with a household: a betrokkene's
//!   organisation, the organisation of an external regisseur (now or in the regie history),
//!   or the certified institution (GI) of a court measure. `--partner` names it leniently:
//!   accents, case and extra spaces do not matter, and a part of the name in whole words
//!   ("Tactus" for "Tactus Verslavingszorg") is enough when it fits one organisation.
//! - An **action is addressed to the partner** when it belongs to one of the partner's
//!   households (its case, or the case item it was agreed in) and its text names the
//!   partner: the organisation's name, a word of that name no other organisation of the team
//!   has ("Tactus", "Domijn"), or the name or role of one of the partner's people in that
//!   household — a betrokkene, an external regisseur, the gezinsvoogd of the GI ("J. de
//!   Vries", "schuldhulpverlener", "gezinsvoogd"). The actiehouder is always a team
//!   member in this data model, so the text is the only place a partner can be named.

use std::collections::{BTreeMap, HashSet};

use crate::domain::{ActionItem, Case, Meeting, Regisseur, TeamData};
use crate::search::fold_str;

/// Generic words of organisation names that do not name one organisation on their own.
const GENERIC_WORDS: &[&str] = &[
    "stichting",
    "praktijk",
    "huisartsenpraktijk",
    "regio",
    "dienst",
    "sociale",
    "centrum",
    "wonen",
    "zorg",
    "ggz",
    "jeugd",
    "team",
    "school",
    "basisschool",
    "college",
    "gemeente",
    "oost",
    "west",
    "noord",
    "zuid",
    "midden",
    "kinder",
    "voor",
];

/// Folded, with runs of spaces made one.
fn key(s: &str) -> String {
    fold_str(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Does `hay` (folded) contain `needle` (folded) as whole words?
pub(crate) fn contains_words(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The organisations involved with a household, as written in its case file.
pub(crate) fn organisations(case: &Case) -> Vec<String> {
    let mut out: Vec<String> = case
        .betrokkenen
        .iter()
        .map(|b| b.organisation.clone())
        .collect();
    let regisseurs = case.regisseur.iter().chain(
        case.regie_history
            .iter()
            .flat_map(|h| h.from.iter().chain(&h.to)),
    );
    for r in regisseurs {
        if let Regisseur::Extern(p) = r {
            out.push(p.organisation.clone());
        }
    }
    if let crate::domain::Kader::Gedwongen(m) = &case.kader {
        out.push(m.gi.clone());
    }
    out.retain(|o| !o.trim().is_empty());
    out
}

/// Every organisation involved with a household of the team, by folded name, with the
/// spelling used first.
fn team_organisations(team: &TeamData) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for c in &team.cases {
        for o in organisations(c) {
            out.entry(key(&o)).or_insert_with(|| o.trim().to_string());
        }
    }
    out
}

/// A partner resolved against the team's organisations.
#[derive(Debug, Clone)]
pub(crate) struct Partner {
    /// The organisation's name as written in the case files.
    pub name: String,
    folded: String,
    /// Words of the name that no other organisation of the team has.
    own_words: Vec<String>,
}

/// Why a partner name could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PartnerError {
    Unknown(Vec<String>),
    Ambiguous(Vec<String>),
}

impl Partner {
    /// Finds the organisation `query` names among those involved with the team's households.
    pub(crate) fn resolve(team: &TeamData, query: &str) -> Result<Partner, PartnerError> {
        let orgs = team_organisations(team);
        let q = key(query);
        let pick = if orgs.contains_key(&q) {
            vec![q]
        } else {
            orgs.keys()
                .filter(|k| contains_words(k, &q))
                .cloned()
                .collect()
        };
        match pick.as_slice() {
            [one] => {
                let name = orgs.get(one).cloned().unwrap_or_default();
                let others: HashSet<&str> = orgs
                    .keys()
                    .filter(|k| *k != one)
                    .flat_map(|k| k.split(|c: char| !c.is_alphanumeric()))
                    .collect();
                let own_words = one
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| w.chars().count() >= 4)
                    .filter(|w| !others.contains(w) && !GENERIC_WORDS.contains(w))
                    .map(str::to_string)
                    .collect();
                Ok(Partner {
                    name,
                    folded: one.clone(),
                    own_words,
                })
            }
            [] => Err(PartnerError::Unknown(orgs.into_values().collect())),
            many => Err(PartnerError::Ambiguous(
                many.iter().filter_map(|k| orgs.get(k).cloned()).collect(),
            )),
        }
    }

    /// Is the partner involved with this household?
    pub(crate) fn involved(&self, case: &Case) -> bool {
        organisations(case).iter().any(|o| key(o) == self.folded)
    }

    /// Is this action (of `case`) addressed to the partner? See the module comment.
    pub(crate) fn addressed(&self, case: &Case, action: &ActionItem) -> bool {
        let text = key(&action.text);
        if contains_words(&text, &self.folded)
            || self.own_words.iter().any(|w| contains_words(&text, w))
        {
            return true;
        }
        self.people(case).iter().any(|(name, role)| {
            contains_words(&text, &key(role))
                || super::privacy::name_variants(name, 3)
                    .iter()
                    .any(|n| contains_words(&text, &key(n)))
        })
    }

    /// The partner's people in a household, with their role: its betrokkenen, an external
    /// regisseur from it (now or before), the gezinsvoogd when it is the GI.
    fn people(&self, case: &Case) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = case
            .betrokkenen
            .iter()
            .filter(|b| key(&b.organisation) == self.folded)
            .map(|b| (b.name.clone(), b.role.clone()))
            .collect();
        let regisseurs = case.regisseur.iter().chain(
            case.regie_history
                .iter()
                .flat_map(|h| h.from.iter().chain(&h.to)),
        );
        for r in regisseurs {
            if let Regisseur::Extern(p) = r
                && key(&p.organisation) == self.folded
            {
                out.push((p.name.clone(), p.function.clone()));
            }
        }
        if let crate::domain::Kader::Gedwongen(m) = &case.kader
            && key(&m.gi) == self.folded
        {
            out.push((m.gezinsvoogd.clone(), "gezinsvoogd".to_string()));
        }
        out.retain(|(n, r)| !n.trim().is_empty() || !r.trim().is_empty());
        out
    }
}

/// The partner organisations that could receive the minutes of a meeting: those involved
/// with a discussed household that consented to sharing, sorted, each once.
pub fn partner_organisations(team: &TeamData, meeting: &Meeting) -> Vec<String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    for d in meeting.case_discussions() {
        let Some(case) = team.case(&d.case) else {
            continue;
        };
        if !case.consent.share_with_partners {
            continue;
        }
        for o in organisations(case) {
            out.entry(key(&o)).or_insert_with(|| o.trim().to_string());
        }
    }
    out.into_values().collect()
}

/// A file name part for a partner: folded, letters and digits, words joined by `-`.
pub(crate) fn slug(name: &str) -> String {
    key(name)
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}
