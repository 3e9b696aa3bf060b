//! Lenient reading of the values team leads type in a spreadsheet: dates in Dutch and ISO
//! notation or as Excel serial numbers, `ja`/`nee`, `0,8` with a Dutch comma, law names in
//! any case, lists separated by commas or semicolons. Each parser returns the value or a
//! [`Bad`] saying what was wrong and how to write it instead.

use chrono::NaiveDate;

use crate::domain::{CaseStatus, Complexity, Law, Leefgebied, Role, SignalSource};
use crate::search::fold_str;

use super::sheet::Cell;

/// Why a cell could not be read: the value as found, and what is expected.
#[derive(Debug, Clone, PartialEq)]
pub struct Bad {
    pub found: String,
    pub expected: Expected,
}

/// What a cell should have held; the message and the hint come from `i18n::import`.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    Date,
    YesNo,
    Fte,
    Amount,
    Law,
    Status,
    Complexity,
    Kader,
    SignalSource,
    Leefgebied,
    Role,
    CaseCode,
    Age,
}

fn bad(cell: &Cell, expected: Expected) -> Bad {
    Bad {
        found: cell.text(),
        expected,
    }
}

/// Folded key for comparing words: lower case, accents off, separators as single spaces.
pub fn key(s: &str) -> String {
    fold_str(s.trim())
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A date: `8-12-2026`, `8/12/2026`, `08.12.2026`, `2026-12-08`, a date cell, or an Excel
/// serial number (days since 1899-12-30).
pub fn date(cell: &Cell) -> Result<NaiveDate, Bad> {
    match cell {
        Cell::Date(d) => Ok(*d),
        Cell::Number(n) => serial_date(*n).ok_or_else(|| bad(cell, Expected::Date)),
        Cell::Text(t) => date_text(t).ok_or_else(|| bad(cell, Expected::Date)),
        _ => Err(bad(cell, Expected::Date)),
    }
}

/// An Excel serial date; only plausible ones (1955–2119), so a stray number is not a date.
fn serial_date(n: f64) -> Option<NaiveDate> {
    if !(20_000.0..80_000.0).contains(&n) {
        return None;
    }
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    base.checked_add_days(chrono::Days::new(n.trunc() as u64))
}

fn date_text(t: &str) -> Option<NaiveDate> {
    let t = t.trim();
    // A date cell exported as text by some tools: "2026-12-08 00:00:00" or "2026-12-08T00:00".
    let t = t.split([' ', 'T']).next().unwrap_or(t);
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty() || p.len() > 4) {
        return None;
    }
    let nums: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (y, m, d) = if parts[0].len() == 4 {
        (nums[0], nums[1], nums[2])
    } else if parts[2].len() == 4 {
        (nums[2], nums[1], nums[0])
    } else {
        return None;
    };
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// `ja`/`nee`, `j`/`n`, `yes`/`no`, `waar`/`onwaar`, `x`, `1`/`0`, a checkbox.
pub fn yes_no(cell: &Cell) -> Result<bool, Bad> {
    match cell {
        Cell::Bool(b) => Ok(*b),
        Cell::Number(n) if *n == 1.0 => Ok(true),
        Cell::Number(n) if *n == 0.0 => Ok(false),
        Cell::Text(t) => match key(t).as_str() {
            "ja" | "j" | "yes" | "y" | "waar" | "true" | "x" | "1" | "wel" => Ok(true),
            "nee" | "n" | "no" | "onwaar" | "false" | "0" | "niet" | "geen" => Ok(false),
            _ => Err(bad(cell, Expected::YesNo)),
        },
        _ => Err(bad(cell, Expected::YesNo)),
    }
}

/// A decimal number with a Dutch or English decimal sign: `0,8`, `0.89`, `1`.
pub fn decimal(cell: &Cell, expected: Expected) -> Result<f64, Bad> {
    match cell {
        Cell::Number(n) => Ok(*n),
        Cell::Text(t) => {
            let t = t.trim().replace(' ', "");
            let t = match (t.contains(','), t.contains('.')) {
                // 1.234,5 (Dutch thousands) → 1234.5
                (true, true) => t.replace('.', "").replace(',', "."),
                (true, false) => t.replace(',', "."),
                _ => t,
            };
            t.parse::<f64>()
                .ok()
                .filter(|n| n.is_finite())
                .ok_or_else(|| bad(cell, expected))
        }
        _ => Err(bad(cell, expected)),
    }
}

/// Contract size as a fraction of a full-time job, 0–1.5; "32 uur" is read as 32/36.
pub fn fte(cell: &Cell) -> Result<f32, Bad> {
    if let Cell::Text(t) = cell {
        let k = key(t);
        if let Some(h) = k.strip_suffix(" uur").or_else(|| k.strip_suffix(" u")) {
            let hours = decimal(&Cell::Text(h.into()), Expected::Fte)?;
            return Ok(((hours / 36.0) * 100.0).round() as f32 / 100.0);
        }
    }
    let n = decimal(cell, Expected::Fte)?;
    if (0.0..=1.5).contains(&n) {
        Ok(n as f32)
    } else {
        Err(bad(cell, Expected::Fte))
    }
}

/// An amount in whole euro: `50000`, `50.000`, `€ 50.000,00`.
pub fn amount(cell: &Cell) -> Result<u32, Bad> {
    let cleaned = match cell {
        Cell::Text(t) => Cell::Text(
            t.replace(['€', ' '], "")
                .trim_end_matches(",00")
                .replace('.', ""),
        ),
        other => other.clone(),
    };
    let n = decimal(&cleaned, Expected::Amount).map_err(|_| bad(cell, Expected::Amount))?;
    if (0.0..=f64::from(u32::MAX)).contains(&n) {
        Ok(n.round() as u32)
    } else {
        Err(bad(cell, Expected::Amount))
    }
}

/// An age in years (0–120).
pub fn age(cell: &Cell) -> Result<u8, Bad> {
    let n = decimal(cell, Expected::Age)?;
    if (0.0..=120.0).contains(&n) && n.fract() == 0.0 {
        Ok(n as u8)
    } else {
        Err(bad(cell, Expected::Age))
    }
}

/// Items of a list cell: separated by commas, semicolons or line breaks.
pub fn list(cell: &Cell) -> Vec<String> {
    cell.text()
        .split([',', ';', '\n', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// Finds the one choice whose key (or alias) equals the cell's key.
fn choose<T: Copy>(cell: &Cell, expected: Expected, choices: &[(&str, T)]) -> Result<T, Bad> {
    let k = key(&cell.text());
    choices
        .iter()
        .find(|(name, _)| key(name) == k)
        .map(|(_, v)| *v)
        .ok_or_else(|| bad(cell, expected))
}

/// One law, in any case: `Wmo`, `WMO 2015`, `jeugd`, `Participatiewet`, `pw`.
pub fn law(cell: &Cell) -> Result<Law, Bad> {
    choose(
        cell,
        Expected::Law,
        &[
            ("wmo", Law::Wmo),
            ("wmo 2015", Law::Wmo),
            ("jeugdwet", Law::Jeugdwet),
            ("jeugd", Law::Jeugdwet),
            ("jw", Law::Jeugdwet),
            ("participatiewet", Law::Participatiewet),
            ("participatie", Law::Participatiewet),
            ("pw", Law::Participatiewet),
        ],
    )
}

/// One or more laws, as a list.
pub fn laws(cell: &Cell) -> Result<Vec<Law>, Bad> {
    let mut out = Vec::new();
    for item in list(cell) {
        let l = law(&Cell::Text(item)).map_err(|_| bad(cell, Expected::Law))?;
        if !out.contains(&l) {
            out.push(l);
        }
    }
    if out.is_empty() {
        return Err(bad(cell, Expected::Law));
    }
    Ok(out)
}

/// A case status by its Dutch name.
pub fn status(cell: &Cell) -> Result<CaseStatus, Bad> {
    let named: Vec<(&str, CaseStatus)> = CaseStatus::ALL.iter().map(|s| (s.label(), *s)).collect();
    choose(cell, Expected::Status, &named).or_else(|_| {
        choose(
            cell,
            Expected::Status,
            &[
                ("aangemeld", CaseStatus::Aanmelding),
                ("nieuw", CaseStatus::Aanmelding),
                ("in onderzoek", CaseStatus::Onderzoek),
                ("plan van aanpak", CaseStatus::Plan),
                ("lopend", CaseStatus::Uitvoering),
                ("actief", CaseStatus::Uitvoering),
                ("in uitvoering", CaseStatus::Uitvoering),
                ("gesloten", CaseStatus::Afgesloten),
                ("afgerond", CaseStatus::Afgesloten),
            ],
        )
    })
}

/// Complexity: licht, midden (middel, gemiddeld), zwaar (complex), or 1/2/3.
pub fn complexity(cell: &Cell) -> Result<Complexity, Bad> {
    choose(
        cell,
        Expected::Complexity,
        &[
            ("licht", Complexity::Licht),
            ("laag", Complexity::Licht),
            ("1", Complexity::Licht),
            ("midden", Complexity::Midden),
            ("middel", Complexity::Midden),
            ("gemiddeld", Complexity::Midden),
            ("2", Complexity::Midden),
            ("zwaar", Complexity::Zwaar),
            ("hoog", Complexity::Zwaar),
            ("complex", Complexity::Zwaar),
            ("3", Complexity::Zwaar),
        ],
    )
}

/// Voluntary or court-ordered: `vrijwillig` / `gedwongen` (also `drang`, `dwang`, `OTS`).
pub fn gedwongen(cell: &Cell) -> Result<bool, Bad> {
    choose(
        cell,
        Expected::Kader,
        &[
            ("vrijwillig", false),
            ("vrijwillig kader", false),
            ("gedwongen", true),
            ("gedwongen kader", true),
            ("dwang", true),
            ("ots", true),
            ("jeugdbescherming", true),
        ],
    )
}

/// Where the signal came from.
pub fn signal_source(cell: &Cell) -> Result<SignalSource, Bad> {
    use SignalSource::*;
    choose(
        cell,
        Expected::SignalSource,
        &[
            ("inwoner", Inwoner),
            ("inwoner zelf", Inwoner),
            ("zelf", Inwoner),
            ("zelfmelder", Inwoner),
            ("school", School),
            ("onderwijs", School),
            ("huisarts", Huisarts),
            ("woningcorporatie", Woningcorporatie),
            ("corporatie", Woningcorporatie),
            ("veilig thuis", VeiligThuis),
            ("veiligthuis", VeiligThuis),
            ("politie", Politie),
            ("wijkagent", Wijkagent),
            ("schuldhulp", Schuldhulp),
            ("schuldhulpverlening", Schuldhulp),
            ("ggz", Ggz),
            ("anders", Anders),
            ("overig", Anders),
        ],
    )
}

/// One life domain, by its Dutch label or a common short name.
pub fn leefgebied(text: &str) -> Option<Leefgebied> {
    use Leefgebied::*;
    let k = key(text);
    if let Some(l) = Leefgebied::ALL.iter().find(|l| key(l.label()) == k) {
        return Some(*l);
    }
    let aliases: &[(&str, Leefgebied)] = &[
        ("ggz", GeestelijkeGezondheid),
        ("psychisch", GeestelijkeGezondheid),
        ("gezondheid", LichamelijkeGezondheid),
        ("wonen", Huisvesting),
        ("lvb", VerstandelijkeBeperking),
        ("financien", FinancienEnSchulden),
        ("schulden", FinancienEnSchulden),
        ("geld", FinancienEnSchulden),
        ("justitie", JustitieEnVeiligheid),
        ("veiligheid", JustitieEnVeiligheid),
        ("huiselijk geweld", HuiselijkeRelaties),
        ("relaties", HuiselijkeRelaties),
        ("netwerk", SociaalNetwerk),
        ("werk", WerkEnInkomen),
        ("inkomen", WerkEnInkomen),
        ("school", Onderwijs),
    ];
    aliases.iter().find(|(a, _)| *a == k).map(|(_, l)| *l)
}

/// The life domains of a list cell.
pub fn leefgebieden(cell: &Cell) -> Result<Vec<Leefgebied>, Bad> {
    let mut out = Vec::new();
    for item in list(cell) {
        let Some(l) = leefgebied(&item) else {
            return Err(Bad {
                found: item,
                expected: Expected::Leefgebied,
            });
        };
        if !out.contains(&l) {
            out.push(l);
        }
    }
    Ok(out)
}

/// The roles of a member, as a list of Dutch labels.
pub fn roles(cell: &Cell) -> Result<Vec<Role>, Bad> {
    let mut out = Vec::new();
    for item in list(cell) {
        let Some(r) = role(&item) else {
            return Err(Bad {
                found: item,
                expected: Expected::Role,
            });
        };
        if !out.contains(&r) {
            out.push(r);
        }
    }
    if out.is_empty() {
        return Err(bad(cell, Expected::Role));
    }
    Ok(out)
}

/// One role by its Dutch label (any case, spaces or dashes) or a common synonym.
pub fn role(text: &str) -> Option<Role> {
    let k = key(text);
    let all = [
        Role::Wijkcoach,
        Role::Consulent,
        Role::SociaalWerker,
        Role::Jeugdprofessional,
        Role::Wijkteammanager,
        Role::Transformatiecoach,
        Role::Gedragswetenschapper,
    ];
    if let Some(r) = all.iter().find(|r| key(r.label()) == k) {
        return Some(*r);
    }
    match k.as_str() {
        "coach" | "wijkcoach" | "casushouder" => Some(Role::Wijkcoach),
        "teamleider" | "manager" | "teammanager" => Some(Role::Wijkteammanager),
        "jeugdconsulent" | "jeugd" => Some(Role::Jeugdprofessional),
        "wmo consulent" => Some(Role::Consulent),
        "gedragsdeskundige" | "orthopedagoog" => Some(Role::Gedragswetenschapper),
        "sociaalwerker" => Some(Role::SociaalWerker),
        _ => None,
    }
}

/// A case code `YYYY-NNNN`; also accepts `2026/142` or `2026 0142` and pads the number.
pub fn case_code(cell: &Cell) -> Result<String, Bad> {
    let t = cell.text();
    let t = t.trim();
    let parts: Vec<&str> = t
        .split(['-', '/', ' ', '.'])
        .filter(|p| !p.is_empty())
        .collect();
    let ok = parts.len() == 2
        && parts[0].len() == 4
        && (1..=4).contains(&parts[1].len())
        && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()));
    if !ok {
        return Err(bad(cell, Expected::CaseCode));
    }
    let code = format!("{}-{:0>4}", parts[0], parts[1]);
    if crate::storage::is_case_code(&code) {
        Ok(code)
    } else {
        Err(bad(cell, Expected::CaseCode))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn dates_in_every_notation_team_leads_use() {
        let want = NaiveDate::from_ymd_opt(2026, 12, 8).unwrap();
        for s in [
            "8-12-2026",
            "8/12/2026",
            "08.12.2026",
            "2026-12-08",
            "2026-12-08 00:00:00",
        ] {
            assert_eq!(date(&t(s)), Ok(want), "{s}");
        }
        // 46364 is 2026-12-08 in Excel's serial numbering.
        assert_eq!(date(&Cell::Number(46364.0)), Ok(want));
        for s in ["31-2-2026", "12-08", "morgen", "2026-13-01", "8-12-26"] {
            assert!(date(&t(s)).is_err(), "{s}");
        }
        assert!(date(&Cell::Number(12.0)).is_err());
    }

    #[test]
    fn yes_no_fte_amounts_and_lists() {
        assert_eq!(yes_no(&t("Ja")), Ok(true));
        assert_eq!(yes_no(&t("nee")), Ok(false));
        assert!(yes_no(&t("misschien")).is_err());
        assert_eq!(fte(&t("0,8")), Ok(0.8));
        assert_eq!(fte(&Cell::Number(0.89)), Ok(0.89));
        assert_eq!(fte(&t("32 uur")), Ok(0.89));
        assert!(fte(&t("2")).is_err());
        assert!(fte(&t("veel")).is_err());
        assert_eq!(amount(&t("€ 50.000,00")), Ok(50_000));
        assert_eq!(list(&t("a, b;c\nd")), vec!["a", "b", "c", "d"]);
    }

    #[test]
    fn choices_in_any_case_and_with_accents() {
        assert_eq!(laws(&t("WMO; jeugdwet")), Ok(vec![Law::Wmo, Law::Jeugdwet]));
        assert!(laws(&t("Wet op de zorg")).is_err());
        assert_eq!(status(&t("UITVOERING")), Ok(CaseStatus::Uitvoering));
        assert_eq!(complexity(&t("Zwaar")), Ok(Complexity::Zwaar));
        assert_eq!(
            leefgebieden(&t("Financiën en schulden, opvoeding")),
            Ok(vec![Leefgebied::FinancienEnSchulden, Leefgebied::Opvoeding])
        );
        assert_eq!(
            leefgebieden(&t("opvoeding, sterrenkunde"))
                .unwrap_err()
                .found,
            "sterrenkunde"
        );
        assert_eq!(
            signal_source(&t("Veilig Thuis")),
            Ok(SignalSource::VeiligThuis)
        );
        assert_eq!(roles(&t("Sociaal-werker")), Ok(vec![Role::SociaalWerker]));
        assert_eq!(gedwongen(&t("Gedwongen kader")), Ok(true));
    }

    #[test]
    fn case_codes_are_normalised_or_refused() {
        assert_eq!(case_code(&t("2026-0142")), Ok("2026-0142".into()));
        assert_eq!(case_code(&t("2026/142")), Ok("2026-0142".into()));
        for s in ["26-0142", "2026-01420", "A2026-01", "2026"] {
            assert!(case_code(&t(s)).is_err(), "{s}");
        }
    }
}
