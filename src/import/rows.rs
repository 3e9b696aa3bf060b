//! One row of a sheet turned into a household or a member, merged with what the team folder
//! already holds. The sheet owns the columns it has; what meetings record (regie and its
//! history, the next evaluation once set, plans, provisions, betrokkenen, notes) is never
//! taken from the sheet over a value already there.

use chrono::NaiveDate;

use crate::domain::{
    Case, CaseStatus, Complexity, Consent, ExternalProfessional, FORMAT_VERSION, Kader, Maatregel,
    Member, RegieChange, Regisseur, SignalSource, Team,
};
use crate::search::fold_str;

use super::columns::{CaseField, MemberField};
use super::sheet::{Cell, Row};
use super::values::{self, Bad, key};
use super::{IssueKind, Notice};

/// A problem in one cell (or a missing one: `column` is `None`).
pub(super) type CellIssue = (Option<usize>, IssueKind);

/// The cells of one row by field, with their column index.
pub(super) struct Fields<'a, F> {
    row: &'a Row,
    columns: &'a [(usize, F)],
}

impl<'a, F: Copy + PartialEq> Fields<'a, F> {
    pub(super) fn new(row: &'a Row, columns: &'a [(usize, F)]) -> Self {
        Fields { row, columns }
    }

    /// The column of a field, when the sheet has it.
    fn column(&self, f: F) -> Option<usize> {
        self.columns.iter().find(|(_, g)| *g == f).map(|(i, _)| *i)
    }

    /// The non-empty cell of a field, with its column.
    fn get(&self, f: F) -> Option<(usize, &'a Cell)> {
        let i = self.column(f)?;
        let c = self.row.get(i);
        (!c.is_empty()).then_some((i, c))
    }
}

/// Parses one cell with `parse`, recording a problem in `issues`.
fn parsed<F: Copy + PartialEq, T>(
    fields: &Fields<'_, F>,
    f: F,
    issues: &mut Vec<CellIssue>,
    parse: impl Fn(&Cell) -> Result<T, Bad>,
) -> Option<T> {
    let (i, c) = fields.get(f)?;
    match parse(c) {
        Ok(v) => Some(v),
        Err(b) => {
            issues.push((Some(i), IssueKind::Bad(b)));
            None
        }
    }
}

/// Finds a member by id, full name or "initial. surname" (accents and case ignored).
pub(super) fn find_member<'t>(team: &'t Team, text: &str) -> Option<&'t Member> {
    let want = key(text);
    if let Some(m) = team.members.iter().find(|m| m.id == text.trim()) {
        return Some(m);
    }
    if let Some(m) = team.members.iter().find(|m| key(&m.name) == want) {
        return Some(m);
    }
    let short = |name: &str| {
        let k = key(name);
        let words: Vec<&str> = k.split(' ').collect();
        match (words.first(), words.last()) {
            (Some(f), Some(l)) if words.len() > 1 => {
                format!("{} {l}", f.chars().next().unwrap_or(' '))
            }
            _ => k.clone(),
        }
    };
    let matches: Vec<&Member> = team
        .members
        .iter()
        .filter(|m| short(&m.name) == want)
        .collect();
    match matches.as_slice() {
        [m] => Some(m),
        _ => None,
    }
}

fn member_ref(
    team: &Team,
    fields: &Fields<'_, CaseField>,
    f: CaseField,
    issues: &mut Vec<CellIssue>,
) -> Option<String> {
    let (i, c) = fields.get(f)?;
    match find_member(team, &c.text()) {
        Some(m) => Some(m.id.clone()),
        None => {
            issues.push((
                Some(i),
                IssueKind::UnknownMember {
                    found: c.text(),
                    known: team.members.iter().map(|m| m.name.clone()).collect(),
                },
            ));
            None
        }
    }
}

/// What a row says about a household; `None` for a field the sheet leaves empty.
#[derive(Debug, Default)]
pub(super) struct CaseRow {
    pub code: Option<String>,
    pseudonym: Option<String>,
    registered: Option<NaiveDate>,
    status: Option<CaseStatus>,
    laws: Option<Vec<crate::domain::Law>>,
    kader: Option<Kader>,
    complexity: Option<Complexity>,
    leefgebieden: Option<Vec<crate::domain::Leefgebied>>,
    signal_source: Option<SignalSource>,
    coach: Option<String>,
    regisseur: Option<Regisseur>,
    next_evaluation: Option<NaiveDate>,
    safety: Option<bool>,
    consent_name: Option<bool>,
    consent_share: Option<bool>,
    consent_date: Option<NaiveDate>,
    situation: Option<String>,
}

/// Reads a households row; every bad cell becomes an issue.
pub(super) fn read_case(
    team: &Team,
    fields: &Fields<'_, CaseField>,
    issues: &mut Vec<CellIssue>,
) -> CaseRow {
    use CaseField as F;
    let text = |f| fields.get(f).map(|(_, c)| c.text());
    let mut r = CaseRow {
        code: parsed(fields, F::Casusnummer, issues, values::case_code),
        pseudonym: text(F::Pseudoniem),
        registered: parsed(fields, F::Aanmelddatum, issues, values::date),
        status: parsed(fields, F::Status, issues, values::status),
        laws: parsed(fields, F::Wet, issues, values::laws),
        complexity: parsed(fields, F::Complexiteit, issues, values::complexity),
        leefgebieden: parsed(fields, F::Leefgebieden, issues, values::leefgebieden),
        signal_source: parsed(fields, F::Signaalbron, issues, values::signal_source),
        coach: member_ref(team, fields, F::Coach, issues),
        next_evaluation: parsed(fields, F::Evaluatiedatum, issues, values::date),
        safety: parsed(fields, F::Veiligheid, issues, values::yes_no),
        consent_name: parsed(fields, F::Toestemming, issues, values::yes_no),
        consent_share: parsed(fields, F::DelenMetPartners, issues, values::yes_no),
        consent_date: parsed(fields, F::ToestemmingDatum, issues, values::date),
        situation: text(F::SituatieBijAanmelding),
        ..CaseRow::default()
    };
    if fields.get(F::Casusnummer).is_none() {
        issues.push((
            fields.column(F::Casusnummer),
            IssueKind::Missing(F::Casusnummer),
        ));
    }
    // Kader: a court measure needs its details.
    if let Some(true) = parsed(fields, F::Kader, issues, values::gedwongen) {
        let need = |f: F, issues: &mut Vec<CellIssue>| {
            let v = text(f);
            if v.is_none() {
                issues.push((
                    fields.column(f).or(fields.column(F::Kader)),
                    IssueKind::Missing(f),
                ));
            }
            v.unwrap_or_default()
        };
        let measure = need(F::Maatregel, issues);
        let gi = need(F::Gi, issues);
        let gezinsvoogd = need(F::Gezinsvoogd, issues);
        let start = parsed(fields, F::MaatregelStart, issues, values::date);
        let end = parsed(fields, F::MaatregelEinde, issues, values::date);
        for (f, v) in [(F::MaatregelStart, start), (F::MaatregelEinde, end)] {
            if v.is_none() && fields.get(f).is_none() {
                issues.push((
                    fields.column(f).or(fields.column(F::Kader)),
                    IssueKind::Missing(f),
                ));
            }
        }
        if let (Some(start), Some(end)) = (start, end) {
            if end < start {
                issues.push((fields.column(F::MaatregelEinde), IssueKind::EndBeforeStart));
            }
            r.kader = Some(Kader::Gedwongen(Maatregel {
                measure,
                gi,
                gezinsvoogd,
                start,
                end,
            }));
        }
    } else if fields.get(F::Kader).is_some() {
        r.kader = Some(Kader::Vrijwillig);
    }
    if let Some((i, c)) = fields.get(F::Regisseur) {
        let t = c.text();
        let k = key(&t);
        r.regisseur = if [
            "huishouden",
            "inwoner",
            "inwoner in regie",
            "gezin zelf",
            "zelf",
        ]
        .contains(&k.as_str())
        {
            Some(Regisseur::Huishouden)
        } else if ["gezinsvoogd", "gi", "extern"].contains(&k.as_str()) {
            match &r.kader {
                Some(Kader::Gedwongen(m)) => Some(Regisseur::Extern(ExternalProfessional {
                    name: m.gezinsvoogd.clone(),
                    organisation: m.gi.clone(),
                    function: "gezinsvoogd".into(),
                })),
                _ => {
                    issues.push((Some(i), IssueKind::ExternWithoutMeasure));
                    None
                }
            }
        } else if let Some(m) = find_member(team, &t) {
            Some(Regisseur::Lid(m.id.clone()))
        } else {
            issues.push((
                Some(i),
                IssueKind::UnknownMember {
                    found: t,
                    known: team.members.iter().map(|m| m.name.clone()).collect(),
                },
            ));
            None
        };
    }
    r
}

/// A new household from a row; the fields it must have are checked here.
pub(super) fn new_case(
    r: CaseRow,
    fields: &Fields<'_, CaseField>,
    issues: &mut Vec<CellIssue>,
) -> Option<Case> {
    use CaseField as F;
    let code = r.code.clone()?;
    let mut missing = |f: F| issues.push((fields.column(f), IssueKind::Missing(f)));
    if r.pseudonym.is_none() {
        missing(F::Pseudoniem);
    }
    if r.registered.is_none() && fields.get(F::Aanmelddatum).is_none() {
        missing(F::Aanmelddatum);
    }
    if r.laws.is_none() && fields.get(F::Wet).is_none() {
        missing(F::Wet);
    }
    let mut case = Case {
        version: FORMAT_VERSION,
        code,
        pseudonym: r.pseudonym.clone()?,
        registered: r.registered?,
        status: CaseStatus::Aanmelding,
        laws: r.laws.clone()?,
        kader: Kader::Vrijwillig,
        complexity: Complexity::Midden,
        leefgebieden: Vec::new(),
        household: Vec::new(),
        consent: Consent::default(),
        signal_source: SignalSource::Anders,
        coach: None,
        regisseur: None,
        regie_history: Vec::new(),
        history: Vec::new(),
        betrokkenen: Vec::new(),
        voorzieningen: Vec::new(),
        plans: Vec::new(),
        next_evaluation: None,
        safety_flag: false,
        situation_at_registration: String::new(),
        situation_now: String::new(),
        confidential_notes: String::new(),
    };
    let mut ignored = Vec::new();
    merge_case(&mut case, r, None, &mut ignored);
    Some(case)
}

/// Applies what the row says to an existing household. `source` names the import for the
/// regie history; differences with what meetings recorded become notices, not changes.
pub(super) fn merge_case(
    case: &mut Case,
    r: CaseRow,
    source: Option<(&str, NaiveDate)>,
    notices: &mut Vec<Notice>,
) {
    if let Some(v) = r.pseudonym {
        case.pseudonym = v;
    }
    if let Some(v) = r.registered {
        case.registered = v;
    }
    if let Some(v) = r.status {
        case.status = v;
    }
    if let Some(v) = r.laws {
        case.laws = v;
    }
    if let Some(v) = r.kader {
        case.kader = v;
    }
    if let Some(v) = r.complexity {
        case.complexity = v;
    }
    if let Some(v) = r.leefgebieden {
        case.leefgebieden = v;
    }
    if let Some(v) = r.signal_source {
        case.signal_source = v;
    }
    if let Some(v) = r.coach {
        case.coach = Some(v);
    }
    if let Some(v) = r.safety {
        case.safety_flag = v;
    }
    if let Some(v) = r.consent_name {
        case.consent.discuss_with_name = v;
    }
    if let Some(v) = r.consent_share {
        case.consent.share_with_partners = v;
    }
    if let Some(v) = r.consent_date {
        case.consent.date = Some(v);
    }
    if let Some(v) = r.situation {
        case.situation_at_registration = v;
    }
    // Regie and the next evaluation belong to the meetings once set.
    match (r.regisseur, &case.regisseur) {
        (Some(new), None) => {
            if let Some((file, today)) = source
                && !case.regie_history.is_empty()
            {
                case.regie_history.push(RegieChange {
                    date: today,
                    from: None,
                    to: Some(new.clone()),
                    reason: format!("Ingevuld bij de import van {file}."),
                    meeting: None,
                    effective: None,
                });
            }
            case.regisseur = Some(new);
        }
        (Some(new), Some(old)) if &new != old => notices.push(Notice::RegisseurKept {
            code: case.code.clone(),
        }),
        _ => {}
    }
    match (r.next_evaluation, case.next_evaluation) {
        (Some(new), None) => case.next_evaluation = Some(new),
        (Some(new), Some(old)) if new != old => notices.push(Notice::EvaluationKept {
            code: case.code.clone(),
            kept: old,
        }),
        _ => {}
    }
}

/// A member id made from a name: first letter of the first name and the last name, folded
/// to plain lower-case letters ("Ayşe Özdemir" → "aozdemir"), unique in `taken`.
pub(super) fn member_id(name: &str, taken: &[String]) -> String {
    let folded = fold_str(name);
    let words: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().filter(char::is_ascii_alphanumeric).collect())
        .filter(|w: &String| !w.is_empty())
        .collect();
    let base = match words.as_slice() {
        [] => "medewerker".to_string(),
        [one] => one.clone(),
        [first, .., last] => format!("{}{last}", first.chars().next().unwrap_or('x')),
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}{n}");
        n += 1;
    }
    id
}

/// Reads a members row into `team`: a new member, or the sheet's columns of an existing one
/// (matched by id, else by name). Returns the member's id.
pub(super) fn merge_member(
    team: &mut Team,
    fields: &Fields<'_, MemberField>,
    issues: &mut Vec<CellIssue>,
) -> Option<String> {
    use MemberField as F;
    let name = fields.get(F::Naam).map(|(_, c)| c.text());
    let id = fields.get(F::Id).map(|(_, c)| c.text());
    let roles = parsed(fields, F::Rol, issues, values::roles);
    let fte = parsed(fields, F::Fte, issues, values::fte);
    let youth = parsed(fields, F::Jeugd, issues, values::yes_no);
    let mandate = parsed(fields, F::Mandaat, issues, values::amount);
    let expertise = fields.get(F::Expertise).map(|(_, c)| values::list(c));
    let Some(name) = name else {
        issues.push((fields.column(F::Naam), IssueKind::MissingMember(F::Naam)));
        return None;
    };
    if let Some(id) = &id
        && (id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        && let Some(i) = fields.column(F::Id)
    {
        issues.push((Some(i), IssueKind::BadMemberId(id.clone())));
        return None;
    }
    let pos = match &id {
        Some(id) => team.members.iter().position(|m| &m.id == id),
        None => team.members.iter().position(|m| key(&m.name) == key(&name)),
    };
    let i = match pos {
        Some(i) => i,
        None => {
            if roles.is_none() && fields.get(F::Rol).is_none() {
                issues.push((fields.column(F::Rol), IssueKind::MissingMember(F::Rol)));
            }
            if fte.is_none() && fields.get(F::Fte).is_none() {
                issues.push((fields.column(F::Fte), IssueKind::MissingMember(F::Fte)));
            }
            let (Some(r), Some(f)) = (&roles, fte) else {
                return None;
            };
            let taken: Vec<String> = team.members.iter().map(|m| m.id.clone()).collect();
            team.members.push(Member {
                id: id.clone().unwrap_or_else(|| member_id(&name, &taken)),
                name: name.clone(),
                roles: r.clone(),
                fte: f,
                expertise: Vec::new(),
                youth_authority: true,
                mandate_eur: None,
                start: None,
                end: None,
                leave: Vec::new(),
            });
            team.members.len() - 1
        }
    };
    let m = &mut team.members[i];
    m.name = name;
    if let Some(v) = roles {
        m.roles = v;
    }
    if let Some(v) = fte {
        m.fte = v;
    }
    if let Some(v) = expertise {
        m.expertise = v;
    }
    if let Some(v) = youth {
        m.youth_authority = v;
    }
    if let Some(v) = mandate {
        m.mandate_eur = Some(v);
    }
    Some(m.id.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_ids_from_names() {
        assert_eq!(member_id("Ayşe Özdemir", &[]), "aozdemir");
        assert_eq!(member_id("Eén Janssen", &["ejanssen".into()]), "ejanssen2");
        assert_eq!(member_id("Kees van der Berg", &[]), "kberg");
        assert_eq!(member_id("  ", &[]), "medewerker");
    }
}
