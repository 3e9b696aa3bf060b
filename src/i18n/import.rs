//! Texts of `overleg import`, `overleg team init` and the import template.

use crate::import::values::Expected;
use crate::import::{CaseField, Issue, IssueKind, MemberField, Notice};

use super::Lang;

/// The column name as the template writes it (Dutch in both languages: it is a header).
pub fn case_field(f: CaseField) -> &'static str {
    crate::import::template::case_header(f)
}

/// The members column name.
pub fn member_field(f: MemberField) -> &'static str {
    crate::import::template::member_header(f)
}

fn expected(e: &Expected, lang: Lang) -> (&'static str, String) {
    let p = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    match e {
        Expected::Date => (
            p("geen datum", "not a date"),
            p("schrijf een bestaande datum als 8-12-2026 of 2026-12-08", "write an existing date as 8-12-2026 or 2026-12-08").into(),
        ),
        Expected::YesNo => (p("geen ja of nee", "not yes or no"), p("schrijf ja of nee", "write ja or nee").into()),
        Expected::Fte => (
            p("geen fte tussen 0 en 1,5", "not an FTE between 0 and 1.5"),
            p("schrijf de omvang als deel van een voltijdbaan, bijvoorbeeld 0,89, of als uren: 32 uur", "write the size as part of a full-time job, e.g. 0.89, or as hours: 32 uur").into(),
        ),
        Expected::Amount => (p("geen bedrag", "not an amount"), p("schrijf een bedrag in euro, bijvoorbeeld 50000", "write an amount in euro, e.g. 50000").into()),
        Expected::Age => (p("geen leeftijd", "not an age"), p("schrijf een leeftijd in jaren", "write an age in years").into()),
        Expected::Law => (
            p("onbekende wet", "unknown law"),
            p("gebruik Wmo, Jeugdwet of Participatiewet (meer dan één: scheid met komma's)", "use Wmo, Jeugdwet or Participatiewet (several: separate with commas)").into(),
        ),
        Expected::Status => (
            p("onbekende status", "unknown status"),
            format!("{}: aanmelding, onderzoek, plan, uitvoering, evaluatie, afgesloten", p("gebruik een van", "use one of")),
        ),
        Expected::Complexity => (
            p("onbekende complexiteit", "unknown complexity"),
            format!("{}: licht, midden, zwaar", p("gebruik een van", "use one of")),
        ),
        Expected::Kader => (
            p("onbekend kader", "unknown kader"),
            format!("{}: vrijwillig, gedwongen", p("gebruik een van", "use one of")),
        ),
        Expected::SignalSource => (
            p("onbekende signaalbron", "unknown signal source"),
            format!(
                "{}: inwoner, school, huisarts, woningcorporatie, Veilig Thuis, politie, wijkagent, schuldhulp, GGZ, anders",
                p("gebruik een van", "use one of")
            ),
        ),
        Expected::Leefgebied => (
            p("onbekend leefgebied", "unknown life domain"),
            format!(
                "{}: {}",
                p("gebruik een van", "use one of"),
                crate::domain::Leefgebied::ALL.iter().map(|l| l.label()).collect::<Vec<_>>().join(", ")
            ),
        ),
        Expected::Role => (
            p("onbekende rol", "unknown role"),
            format!("{}: {}", p("gebruik een van", "use one of"), super::roles_list()),
        ),
        Expected::CaseCode => (
            p("ongeldige casuscode", "invalid case code"),
            p("schrijf jaar en volgnummer als JJJJ-NNNN, bijvoorbeeld 2026-0142", "write year and serial number as YYYY-NNNN, e.g. 2026-0142").into(),
        ),
    }
}

/// A list of names for a message, at most `max` and then "…".
fn some(names: &[String], max: usize) -> String {
    let mut s = names
        .iter()
        .take(max)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > max {
        s.push_str(", …");
    }
    s
}

/// One problem as `file[sheet]:row:column: what — how to fix`. Cell values are quoted as
/// found: the file is the user's own; the message goes to their terminal only.
pub fn issue(i: &Issue, lang: Lang) -> String {
    let p = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    let (what, fix) = match &i.kind {
        IssueKind::Unreadable(e) => (
            format!("{}: {e}", p("kan het bestand niet lezen", "cannot read the file")),
            p("bewaar het als .xlsx, .ods of .csv en probeer opnieuw", "save it as .xlsx, .ods or .csv and try again").to_string(),
        ),
        IssueKind::NoColumns { headers } => (
            format!("{} ({})", p("geen bekende kolommen gevonden", "no known columns found"), some(headers, 6)),
            p("zet de kolomnamen in de eerste rij (zie `overleg import --template`), geef de kopregel aan met header_row, of koppel de kolommen met --mapping", "put the column names in the first row (see `overleg import --template`), set header_row, or map the columns with --mapping").to_string(),
        ),
        IssueKind::Missing(f) => (
            format!("{} {}", case_field(*f), p("ontbreekt", "is missing")),
            p("vul de cel in (een nieuw huishouden heeft casusnummer, pseudoniem, aanmelddatum en wet nodig; gedwongen kader ook maatregel, gi, gezinsvoogd en de data van de maatregel)", "fill in the cell (a new household needs casusnummer, pseudoniem, aanmelddatum and wet; gedwongen kader also maatregel, gi, gezinsvoogd and the measure's dates)").to_string(),
        ),
        IssueKind::MissingMember(f) => (
            format!("{} {}", member_field(*f), p("ontbreekt", "is missing")),
            p("een nieuwe medewerker heeft naam, rol en fte nodig", "a new member needs naam, rol and fte").to_string(),
        ),
        IssueKind::Bad(b) => {
            let (what, fix) = expected(&b.expected, lang);
            (format!("{what} \"{}\"", b.found), fix)
        }
        IssueKind::UnknownMember { found, known } => (
            format!("{} \"{found}\"", p("onbekende medewerker", "unknown member")),
            format!(
                "{}: {}",
                p("gebruik de naam of id van een medewerker uit het team of het tabblad Medewerkers", "use the name or id of a member of the team or the Medewerkers sheet"),
                if known.is_empty() { p("(het team heeft nog geen medewerkers)", "(the team has no members yet)").to_string() } else { some(known, 12) }
            ),
        ),
        IssueKind::ExternWithoutMeasure => (
            p("gezinsvoogd als regisseur zonder gedwongen kader", "gezinsvoogd as regisseur without a court measure").to_string(),
            p("zet kader op gedwongen en vul maatregel, gi en gezinsvoogd in, of noem een medewerker", "set kader to gedwongen and fill in maatregel, gi and gezinsvoogd, or name a member").to_string(),
        ),
        IssueKind::EndBeforeStart => (
            p("einde van de maatregel ligt vóór het begin", "the measure ends before it starts").to_string(),
            p("controleer beide datums", "check both dates").to_string(),
        ),
        IssueKind::DuplicateCode { code, first } => (
            format!("{} {code} {} {first}", p("casusnummer", "case code"), p("staat ook in", "is also in")),
            p("één huishouden, één rij: voeg de rijen samen of geef deze een ander nummer", "one household, one row: merge the rows or give this one another number").to_string(),
        ),
        IssueKind::DuplicateMember { name, first } => (
            format!("{name} {} {first}", p("staat ook in", "is also in")),
            p("laat één rij per medewerker staan", "keep one row per member").to_string(),
        ),
        IssueKind::BadMemberId(id) => (
            format!("{} \"{id}\"", p("ongeldige id", "invalid id")),
            p("gebruik alleen letters, cijfers, - en _, bijvoorbeeld aozdemir", "use only letters, digits, - and _, e.g. aozdemir").to_string(),
        ),
        IssueKind::CodeInOtherTeam { code, team } => (
            format!("{} {code} {} {team}", p("casusnummer", "case code"), p("bestaat al in team", "already exists in team")),
            p("een casusnummer is uniek in de gemeente: geef dit huishouden een ander nummer", "a case code is unique in the municipality: give this household another number").to_string(),
        ),
        IssueKind::BrokenFile(path) => (
            format!("{} {} {}", p("het dossier", "the case file"), path.display(), p("is nu onleesbaar", "does not load now")),
            p("herstel het eerst met `overleg check`; het wordt nooit overschreven", "repair it first with `overleg check`; it is never overwritten").to_string(),
        ),
    };
    format!("{}: {what} — {fix}", i.location())
}

/// A notice that does not stop the import.
pub fn notice(n: &Notice, lang: Lang) -> String {
    match n {
        Notice::RegisseurKept { code } => format!(
            "{code}: {}",
            lang.pick(
                "het blad noemt een andere regisseur dan het dossier; de regie wordt in het overleg overgedragen, dus het dossier blijft zoals het is",
                "the sheet names another regisseur than the case file; regie is handed over in a meeting, so the case file stays as it is"
            )
        ),
        Notice::EvaluationKept { code, kept } => format!(
            "{code}: {} {}",
            lang.pick(
                "het blad heeft een andere evaluatiedatum; het dossier houdt de datum uit het overleg,",
                "the sheet has another evaluation date; the case file keeps the meeting's date,"
            ),
            kept.format("%d-%m-%Y")
        ),
        Notice::SheetIgnored { source } => format!(
            "{source}: {}",
            lang.pick(
                "geen huishoudens of medewerkers herkend; dit tabblad is overgeslagen",
                "no households or members recognised; this sheet was skipped"
            )
        ),
    }
}

/// The summary of a plan or of what was written.
pub fn summary(
    dry: bool,
    new: usize,
    changed: usize,
    unchanged: usize,
    team: bool,
    lang: Lang,
) -> String {
    let verb = match (dry, lang) {
        (true, Lang::Nl) => "Zou schrijven",
        (true, Lang::En) => "Would write",
        (false, Lang::Nl) => "Geschreven",
        (false, Lang::En) => "Written",
    };
    let team = if team {
        lang.pick(", team.ron bijgewerkt", ", team.ron updated")
    } else {
        ""
    };
    match lang {
        Lang::Nl => format!(
            "{verb}: {new} nieuwe huishoudens, {changed} gewijzigd, {unchanged} ongewijzigd{team}."
        ),
        Lang::En => {
            format!("{verb}: {new} new households, {changed} changed, {unchanged} unchanged{team}.")
        }
    }
}

/// The line after the problems when nothing was written.
pub fn refused(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "{n} problemen gevonden; er is niets geschreven. Herstel ze, of laat de foute rijen weg met --skip-bad-rows."
        ),
        Lang::En => format!(
            "{n} problems found; nothing was written. Fix them, or leave the bad rows out with --skip-bad-rows."
        ),
    }
}

/// Which rows `--skip-bad-rows` left out.
pub fn skipped(rows: &[(String, usize)], lang: Lang) -> String {
    let list = rows
        .iter()
        .map(|(s, r)| format!("{s}:{r}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "{} ({}): {list}",
        lang.pick("Weggelaten rijen", "Rows left out"),
        rows.len()
    )
}

pub fn no_team(dir: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "geen teammap in {dir} (geen leesbare team.ron) — begin met `overleg team init {dir}`, of kies met --team een team in de gemeentemap"
        ),
        Lang::En => format!(
            "no team folder in {dir} (no loadable team.ron) — start with `overleg team init {dir}`, or choose a team of the municipality folder with --team"
        ),
    }
}

pub fn locked(e: &str, lang: Lang) -> String {
    format!(
        "{}: {e} — {}",
        lang.pick("het team is open", "the team is open"),
        lang.pick(
            "sluit overleg daar eerst en importeer dan opnieuw",
            "close overleg there first, then import again"
        )
    )
}

pub fn changed(path: &str, lang: Lang) -> String {
    format!("{path}: {}", lang.pick(
        "is gewijzigd terwijl de import liep; de import is gestopt (de bestanden tot hier zijn geschreven, elk heel) — draai de import opnieuw",
        "changed while the import ran; the import stopped (the files up to here are written, each whole) — run the import again"
    ))
}

pub fn after_check(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => {
            format!("Let op: `overleg check` vindt na de import {n} problemen in de teammap:")
        }
        Lang::En => {
            format!("Note: `overleg check` finds {n} problems in the team folder after the import:")
        }
    }
}

pub fn no_files(lang: Lang) -> &'static str {
    lang.pick(
        "geef een of meer bestanden om te importeren (.xlsx, .ods, .csv), of --template BESTAND.xlsx voor een leeg sjabloon",
        "give one or more files to import (.xlsx, .ods, .csv), or --template FILE.xlsx for an empty template",
    )
}

pub fn template_written(path: &str, lang: Lang) -> String {
    format!(
        "{}: {path}",
        lang.pick("Sjabloon geschreven", "Template written")
    )
}

pub fn template_title(lang: Lang) -> &'static str {
    lang.pick("overleg: importsjabloon", "overleg: import template")
}

pub fn template_explanation_sheet(lang: Lang) -> &'static str {
    lang.pick("Uitleg", "Explanation")
}

/// The explanation sheet of the template, one line per row.
pub fn template_explanation(lang: Lang) -> Vec<String> {
    let nl = [
        "Importsjabloon van overleg — vul de tabbladen Huishoudens en Medewerkers en draai: overleg import --data TEAMMAP BESTAND.xlsx --dry-run",
        "Eén rij per huishouden en per medewerker. Kolomnamen mogen in hoofd- of kleine letters, met of zonder accenten; kolommen die u niet gebruikt mag u weglaten.",
        "casusnummer: JJJJ-NNNN, bijvoorbeeld 2026-0142 (verplicht, uniek in de gemeente).",
        "pseudoniem: hoe het team het huishouden noemt (Fam. A., Mw. D.) — geen volledige namen, geen BSN.",
        "aanmelddatum, evaluatiedatum, maatregel start/einde: een datum als 8-12-2026, 8/12/2026 of 2026-12-08, of een datumcel.",
        "status: aanmelding, onderzoek, plan, uitvoering, evaluatie of afgesloten. complexiteit: licht, midden of zwaar.",
        "wet: Wmo, Jeugdwet, Participatiewet (meer dan één: scheid met komma's). leefgebieden: een lijst met komma's of puntkomma's.",
        "kader: vrijwillig of gedwongen; bij gedwongen ook maatregel, gi, gezinsvoogd en de data van de maatregel.",
        "coach en regisseur: naam of id van een medewerker; regisseur mag ook 'huishouden' (inwoner in regie) of 'gezinsvoogd' zijn.",
        "veiligheid, toestemming (met naam bespreken), delen met partners: ja of nee.",
        "Medewerkers: naam, rol (wijkcoach, consulent, sociaal werker, jeugdprofessional, wijkteammanager, transformatiecoach, gedragswetenschapper), fte (0,89 of 32 uur), expertise (lijst), jeugd (ja/nee: mag Jeugdwet-casussen aannemen), mandaat (euro).",
        "Opnieuw importeren mag: ongewijzigde huishoudens blijven onaangeroerd. Regie, evaluatiedatum uit het overleg, plannen, voorzieningen en notities blijven altijd bewaard.",
    ];
    let en = [
        "overleg import template — fill in the sheets Huishoudens and Medewerkers and run: overleg import --data TEAMFOLDER FILE.xlsx --dry-run",
        "One row per household and per member. Column names in any case, with or without accents; columns you do not use may be left out.",
        "casusnummer: YYYY-NNNN, e.g. 2026-0142 (required, unique in the municipality).",
        "pseudoniem: how the team names the household (Fam. A., Mw. D.) — no full names, no BSN.",
        "aanmelddatum, evaluatiedatum, maatregel start/einde: a date like 8-12-2026, 8/12/2026 or 2026-12-08, or a date cell.",
        "status: aanmelding, onderzoek, plan, uitvoering, evaluatie or afgesloten. complexiteit: licht, midden or zwaar.",
        "wet: Wmo, Jeugdwet, Participatiewet (several: separate with commas). leefgebieden: a list with commas or semicolons.",
        "kader: vrijwillig or gedwongen; with gedwongen also maatregel, gi, gezinsvoogd and the measure's dates.",
        "coach and regisseur: name or id of a member; regisseur may also be 'huishouden' or 'gezinsvoogd'.",
        "veiligheid, toestemming, delen met partners: ja or nee.",
        "Members: naam, rol, fte (0.89 or 32 uur), expertise (list), jeugd (ja/nee), mandaat (euro).",
        "Importing again is safe: unchanged households stay untouched. Regie, evaluation dates from meetings, plans, provisions and notes are always kept.",
    ];
    match lang {
        Lang::Nl => nl.iter().map(|s| s.to_string()).collect(),
        Lang::En => en.iter().map(|s| s.to_string()).collect(),
    }
}
