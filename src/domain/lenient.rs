//! Reading choices and dates as people type them: `jeugdwet`, `Wmo 2015`, `financien`,
//! `financiën en schulden`, `8-12-2026`, `8/12/2026`, `2026-12-08`. Used by the command line
//! and the interface's forms; matching is accent- and case-insensitive
//! (`crate::search::fold_str`).

use chrono::NaiveDate;

use super::case::{Complexity, Law, Leefgebied, SignalSource};
use super::team::Role;
use crate::search::fold_str;

/// Only letters and digits, folded: "Financiën en schulden" → "financienenschulden".
fn key(s: &str) -> String {
    fold_str(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Finds the one choice whose label (or an alias) starts with what was typed, ignoring
/// accents, case, spaces and punctuation. An exact match wins over a prefix; two prefixes
/// that fit are ambiguous (`None`).
fn pick<T: Copy>(input: &str, choices: &[(T, &[&str])]) -> Option<T> {
    let k = key(input);
    if k.is_empty() {
        return None;
    }
    let exact: Vec<T> = choices
        .iter()
        .filter(|(_, names)| names.iter().any(|n| key(n) == k))
        .map(|(t, _)| *t)
        .collect();
    if let [one] = exact.as_slice() {
        return Some(*one);
    }
    let prefix: Vec<T> = choices
        .iter()
        .filter(|(_, names)| names.iter().any(|n| key(n).starts_with(&k)))
        .map(|(t, _)| *t)
        .collect();
    match prefix.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// A law from what was typed: "jeugdwet", "wmo", "Wmo 2015", "participatiewet", "pw".
pub fn parse_law(input: &str) -> Option<Law> {
    pick(
        input,
        &[
            (Law::Wmo, &["Wmo", "Wmo 2015"]),
            (Law::Jeugdwet, &["Jeugdwet", "jeugd"]),
            (Law::Participatiewet, &["Participatiewet", "pw"]),
        ],
    )
}

/// A leefgebied from its label or the start of it: "financien", "schulden", "ggz", …
pub fn parse_leefgebied(input: &str) -> Option<Leefgebied> {
    use Leefgebied::*;
    pick(
        input,
        &[
            (Opvoeding, &["opvoeding"]),
            (
                GeestelijkeGezondheid,
                &["geestelijke gezondheid", "ggz", "psychisch"],
            ),
            (LichamelijkeGezondheid, &["lichamelijke gezondheid"]),
            (Huisvesting, &["huisvesting", "wonen"]),
            (
                VerstandelijkeBeperking,
                &["verstandelijke beperking", "lvb"],
            ),
            (FinancienEnSchulden, &["financiën en schulden", "schulden"]),
            (JustitieEnVeiligheid, &["justitie en veiligheid"]),
            (
                HuiselijkeRelaties,
                &["huiselijke relaties", "huiselijk geweld"],
            ),
            (SociaalNetwerk, &["sociaal netwerk", "netwerk"]),
            (Participatie, &["participatie"]),
            (WerkEnInkomen, &["werk en inkomen", "inkomen"]),
            (Onderwijs, &["onderwijs", "school"]),
        ],
    )
}

/// A signal source: "school", "huisarts", "inwoner", "veilig thuis", "ggz", …
pub fn parse_signal_source(input: &str) -> Option<SignalSource> {
    use SignalSource::*;
    pick(
        input,
        &[
            (Inwoner, &["inwoner zelf", "inwoner", "zelfmelder"]),
            (School, &["school"]),
            (Huisarts, &["huisarts"]),
            (Woningcorporatie, &["woningcorporatie", "corporatie"]),
            (VeiligThuis, &["Veilig Thuis"]),
            (Politie, &["politie"]),
            (Wijkagent, &["wijkagent"]),
            (Schuldhulp, &["schuldhulpverlening", "schuldhulp"]),
            (Ggz, &["GGZ"]),
            (Anders, &["anders"]),
        ],
    )
}

/// A complexity: "licht", "midden", "zwaar".
pub fn parse_complexity(input: &str) -> Option<Complexity> {
    pick(
        input,
        &[
            (Complexity::Licht, &["licht"]),
            (Complexity::Midden, &["midden", "middel"]),
            (Complexity::Zwaar, &["zwaar"]),
        ],
    )
}

/// A role: "wijkcoach", "consulent", "sociaal werker", …
pub fn parse_role(input: &str) -> Option<Role> {
    use Role::*;
    pick(
        input,
        &[
            (Wijkcoach, &["wijkcoach"]),
            (Consulent, &["consulent"]),
            (SociaalWerker, &["sociaal werker"]),
            (Jeugdprofessional, &["jeugdprofessional"]),
            (Wijkteammanager, &["wijkteammanager", "teamleider"]),
            (Transformatiecoach, &["transformatiecoach"]),
            (Gedragswetenschapper, &["gedragswetenschapper"]),
        ],
    )
}

/// Labels of every choice, for "kies uit: …" in messages.
pub fn law_choices() -> Vec<&'static str> {
    Law::ALL.iter().map(|l| l.label()).collect()
}

/// Labels of every leefgebied.
pub fn leefgebied_choices() -> Vec<&'static str> {
    Leefgebied::ALL.iter().map(|l| l.label()).collect()
}

/// Labels of every signal source.
pub fn signal_source_choices() -> Vec<&'static str> {
    SIGNAL_SOURCES.iter().map(|s| s.label()).collect()
}

/// Every signal source, in display order.
pub const SIGNAL_SOURCES: [SignalSource; 10] = [
    SignalSource::Inwoner,
    SignalSource::School,
    SignalSource::Huisarts,
    SignalSource::Woningcorporatie,
    SignalSource::VeiligThuis,
    SignalSource::Politie,
    SignalSource::Wijkagent,
    SignalSource::Schuldhulp,
    SignalSource::Ggz,
    SignalSource::Anders,
];

/// A comma-separated list: `jeugdwet,wmo` or `"financiën en schulden, opvoeding"`. Returns
/// the values, or the first part that is not one.
pub fn parse_list<T: PartialEq>(
    input: &str,
    one: impl Fn(&str) -> Option<T>,
) -> Result<Vec<T>, String> {
    let mut out = Vec::new();
    for part in input
        .split([',', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let v = one(part).ok_or_else(|| part.to_string())?;
        if !out.contains(&v) {
            out.push(v);
        }
    }
    Ok(out)
}

/// A date as typed: `8-12-2026`, `08-12-2026`, `8/12/2026`, `8.12.2026` (day first, the
/// Dutch way) or `2026-12-08`. `None` for anything else, and for days that do not exist
/// (31-02-2026).
pub fn parse_date(input: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = input.trim().split(['-', '/', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let num = |s: &str| -> Option<u32> {
        (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (a, b, c) = (num(a)?, num(b)?, num(c)?);
    let (y, m, d) = if parts[0].len() == 4 {
        (a, b, c)
    } else if parts[2].len() == 4 {
        (c, b, a)
    } else {
        return None;
    };
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// A time of day as people type it: `09:30`, `9:30`, `09.30`, `09:30:00`.
pub fn parse_time(input: &str) -> Option<chrono::NaiveTime> {
    let t = input.trim();
    ["%H:%M", "%H:%M:%S", "%H.%M"]
        .iter()
        .find_map(|f| chrono::NaiveTime::parse_from_str(t, f).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_read_as_typed() {
        let t = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(parse_time("09:30"), t(9, 30));
        assert_eq!(parse_time(" 9.30 "), t(9, 30));
        assert_eq!(parse_time("13:05:00"), t(13, 5));
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(parse_time("half tien"), None);
    }

    #[test]
    fn choices_are_read_leniently() {
        assert_eq!(parse_law("JEUGDWET"), Some(Law::Jeugdwet));
        assert_eq!(parse_law("wmo 2015"), Some(Law::Wmo));
        assert_eq!(parse_law("jeugdzorg"), None);
        assert_eq!(
            parse_leefgebied("financien"),
            Some(Leefgebied::FinancienEnSchulden)
        );
        assert_eq!(
            parse_leefgebied("Financiën en schulden"),
            Some(Leefgebied::FinancienEnSchulden)
        );
        assert_eq!(
            parse_leefgebied("huiselijk geweld"),
            Some(Leefgebied::HuiselijkeRelaties)
        );
        // "h" starts huisvesting and huiselijke relaties: ambiguous.
        assert_eq!(parse_leefgebied("h"), None);
        assert_eq!(
            parse_signal_source("veilig thuis"),
            Some(SignalSource::VeiligThuis)
        );
        assert_eq!(parse_signal_source("wijk"), Some(SignalSource::Wijkagent));
        assert_eq!(parse_complexity("Zwaar"), Some(Complexity::Zwaar));
        assert_eq!(parse_role("teamleider"), Some(Role::Wijkteammanager));
        assert_eq!(
            parse_list("jeugdwet, wmo,jeugdwet", parse_law),
            Ok(vec![Law::Jeugdwet, Law::Wmo])
        );
        assert_eq!(parse_list("wmo,zorg", parse_law), Err("zorg".to_string()));
    }

    #[test]
    fn dates_are_read_day_first_or_iso() {
        let want = NaiveDate::from_ymd_opt(2026, 12, 8);
        assert_eq!(parse_date("8-12-2026"), want);
        assert_eq!(parse_date("08/12/2026"), want);
        assert_eq!(parse_date("8.12.2026"), want);
        assert_eq!(parse_date("2026-12-08"), want);
        assert_eq!(parse_date("31-02-2026"), None);
        assert_eq!(parse_date("8-12-26"), None);
        assert_eq!(parse_date("morgen"), None);
        assert_eq!(parse_date("1-2-3-2026"), None);
    }
}
