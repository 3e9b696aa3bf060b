//! How a member's free-text expertise matches a household's leefgebieden.
//!
//! Expertise is written by people ("schulden", "LVB", "huiselijk geweld", "jonge moeders"),
//! leefgebieden are a fixed list. Each leefgebied has a short list of word stems; an expertise
//! phrase matches a leefgebied when its folded text (accents and case ignored, see
//! `crate::search::fold_str`) contains one of the stems. Stems are chosen so that one word does
//! not match far-off fields: "schuld" → financiën en schulden, "lvb" → verstandelijke beperking.
//! The result says *which* phrase matched, so a suggestion can explain itself ("kent schulden").

use super::case::Leefgebied;
use super::team::Member;
use crate::search::fold_str;

/// The word stems of one leefgebied, folded (ASCII lowercase).
pub fn stems(l: Leefgebied) -> &'static [&'static str] {
    use Leefgebied::*;
    match l {
        Opvoeding => &[
            "opvoed",
            "ouderschap",
            "gezin",
            "jonge moeder",
            "puber",
            "kind",
        ],
        GeestelijkeGezondheid => &[
            "ggz", "psych", "depress", "angst", "verslav", "trauma", "autis", "adhd",
        ],
        LichamelijkeGezondheid => &["lichamelijk", "chronisch", "ziekte", "ouderen", "dementie"],
        Huisvesting => &["huisvest", "wonen", "woning", "dakloos", "huur", "ontruim"],
        VerstandelijkeBeperking => &["lvb", "verstandelijk", "beperking"],
        FinancienEnSchulden => &["schuld", "financ", "geld", "budget", "armoede", "bewind"],
        JustitieEnVeiligheid => &["justitie", "reclassering", "detentie", "criminal", "veilig"],
        HuiselijkeRelaties => &[
            "huiselijk",
            "geweld",
            "scheiding",
            "relatie",
            "mishandel",
            "conflict",
        ],
        SociaalNetwerk => &[
            "netwerk",
            "eenzaam",
            "mantelzorg",
            "vrijwillig",
            "informeel",
        ],
        Participatie => &[
            "participatie",
            "dagbesteding",
            "meedoen",
            "inburger",
            "taal",
        ],
        WerkEnInkomen => &[
            "werk",
            "inkomen",
            "uitkering",
            "participatiewet",
            "re-integr",
        ],
        Onderwijs => &["onderwijs", "school", "leerplicht", "verzuim", "jongeren"],
    }
}

/// One matched leefgebied, with the member's own words that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpertiseMatch {
    pub leefgebied: Leefgebied,
    /// The expertise phrase as the member wrote it, e.g. "schulden".
    pub phrase: String,
}

/// The leefgebieden of `wanted` that `member`'s expertise covers, in the order of `wanted`.
pub fn expertise_matches(member: &Member, wanted: &[Leefgebied]) -> Vec<ExpertiseMatch> {
    let folded: Vec<(String, &String)> =
        member.expertise.iter().map(|e| (fold_str(e), e)).collect();
    wanted
        .iter()
        .filter_map(|&l| {
            folded
                .iter()
                .find(|(f, _)| stems(l).iter().any(|s| f.contains(s)))
                .map(|(_, phrase)| ExpertiseMatch {
                    leefgebied: l,
                    phrase: phrase.trim().to_string(),
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::fixture::member;

    #[test]
    fn expertise_in_own_words_matches_leefgebieden() {
        let mut m = member("rdijk", "Rob Dijk", true);
        m.expertise = vec!["Schulden".into(), "LVB".into(), "Huiselijk geweld".into()];
        let got = expertise_matches(
            &m,
            &[
                Leefgebied::Opvoeding,
                Leefgebied::FinancienEnSchulden,
                Leefgebied::VerstandelijkeBeperking,
                Leefgebied::HuiselijkeRelaties,
            ],
        );
        let pairs: Vec<(Leefgebied, &str)> = got
            .iter()
            .map(|g| (g.leefgebied, g.phrase.as_str()))
            .collect();
        assert_eq!(
            pairs,
            [
                (Leefgebied::FinancienEnSchulden, "Schulden"),
                (Leefgebied::VerstandelijkeBeperking, "LVB"),
                (Leefgebied::HuiselijkeRelaties, "Huiselijk geweld"),
            ]
        );
        m.expertise = vec!["financiën".into()];
        assert_eq!(
            expertise_matches(&m, &[Leefgebied::FinancienEnSchulden]).len(),
            1,
            "accents are folded"
        );
        m.expertise.clear();
        assert!(expertise_matches(&m, &Leefgebied::ALL).is_empty());
    }
}
