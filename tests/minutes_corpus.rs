//! The planted-data corpus: personal data in the forms people really type, planted in every
//! field a notulist fills in (question, notes, advice, decisions, grounds, dissent, actions,
//! lesson, regie reason, regie check, confidential notes, previous minutes, action review,
//! organisational items, guests, a household without consent), rendered as Markdown, HTML
//! and Word in the shareable profile, in general and for two partners. Nothing may come out:
//! names are replaced, numbers and addresses refuse the whole document.
//!
//! Run with `--nocapture` to see the figures. BSNs and IBANs are built at run time.

mod corpus_team;
mod minutes_fixture;

use std::path::Path;

use overleg::domain::{CheckAnswer, ItemKind, Meeting, TeamData};
use overleg::i18n::Lang;
use overleg::minutes::{self, Format, MinutesError, MinutesOptions, Profile, privacy};
use overleg::search::fold_str;

use corpus_team as ct;

const FORMATS: [Format; 3] = [Format::Md, Format::Html, Format::Docx];

/// The partners the shareable versions are made for: `None` is the general version.
const AUDIENCES: [Option<&str>; 3] = [None, Some("Schuldhulp Oost"), Some("domijn")];

/// A valid IBAN: the check digits computed for the country and account.
fn valid_iban(country: &str, bban: &str) -> String {
    (0..100)
        .map(|c| format!("{country}{c:02}{bban}"))
        .find(|i| privacy::iban_valid(i))
        .expect("check digits")
}

/// One kind of planted data: what is typed, and what must not be in any output.
struct Kind {
    label: &'static str,
    plant: String,
    /// Searched in the output after folding and removing all white space; for numbers
    /// (`digits`) in the digits of the output only.
    needle: String,
    digits: bool,
}

fn kind(label: &'static str, plant: impl Into<String>, needle: impl Into<String>) -> Kind {
    Kind {
        label,
        plant: plant.into(),
        needle: needle.into(),
        digits: false,
    }
}

fn number(label: &'static str, plant: impl Into<String>) -> Kind {
    let plant = plant.into();
    let needle = plant.chars().filter(char::is_ascii_digit).collect();
    Kind {
        label,
        plant,
        needle,
        digits: true,
    }
}

/// Names, pseudonyms and the household without consent: replaced or left out.
fn name_kinds() -> Vec<Kind> {
    vec![
        kind("achternaam", "Özdemir", "ozdemir"),
        kind("achternaam in hoofdletters", "ÖZDEMIR", "ozdemir"),
        kind("achternaam in kleine letters", "özdemir", "ozdemir"),
        kind("achternaam zonder accent", "Ozdemir", "ozdemir"),
        kind("voornaam zonder accent", "Ayse", "ayse"),
        kind("meervoud/bezit", "Özdemirs", "ozdemir"),
        kind("bezit voornaam", "Kerems", "kerem"),
        kind("voornaam in kleine letters", "kerem", "kerem"),
        kind("bezit met apostrof", "Kerem's", "kerem"),
        kind("helft van dubbele voornaam", "Zeynep", "zeynep"),
        kind("andere helft", "Noor", "noor"),
        kind("dubbele voornaam", "Zeynep-Noor", "zeynep"),
        kind("pseudoniem zonder toestemming", "Fam. K.", "fam.k."),
        kind("pseudoniem als gezin", "gezin A.", "gezina."),
        kind("pseudoniem als mevrouw", "mw. E.", "mw.e."),
        kind("eigen pseudoniem", "Fam. Ö.", "fam.o."),
        kind("gezinsvoogd", "R. Bakker", "r.bakker"),
        kind("betrokkene", "Marieke Smit", "mariekesmit"),
        kind("achternaam betrokkene", "Smit", "smit"),
        kind("gast", "Kees Ünal", "unal"),
        kind("gast zonder accent", "Kees Unal", "unal"),
        kind("ı als i", "Aydin", "aydin"),
        kind("ı in hoofdletters", "AYDIN", "aydin"),
        kind("inwoner met toestemming", "Els Kuipers", "kuipers"),
        kind("inwoner zonder toestemming", "Tim Kramer", "kramer"),
        kind("casuscode zonder toestemming", ct::KRAMER, ct::KRAMER),
        kind("betrokkene met aanhef", "mevrouw Jonker", "jonker"),
        kind("woonconsulent", "Henk Visser", "visser"),
        kind("onbekende naam met aanhef", "meneer Veldkamp", "veldkamp"),
    ]
}

/// Numbers, addresses and dates: the shareable version refuses.
fn scanner_kinds() -> Vec<Kind> {
    let b = minutes_fixture::valid_bsn("23456781");
    let iban = valid_iban("NL", "ABNA0417164301");
    let spaced: Vec<String> = iban
        .chars()
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|c| c.iter().collect())
        .collect();
    vec![
        number("BSN", format!("bsn {b}")),
        number(
            "BSN met punten",
            format!("{}.{}.{}", &b[..4], &b[4..6], &b[6..]),
        ),
        number(
            "BSN met spaties",
            format!("{} {} {}", &b[..3], &b[3..6], &b[6..]),
        ),
        number("BSN met /", format!("{}/{}/{}", &b[..3], &b[3..6], &b[6..])),
        number("BSN met _", format!("{}_{}_{}", &b[..3], &b[3..6], &b[6..])),
        number("BSN over een regel", format!("{}\n{}", &b[..4], &b[4..])),
        number("BSN aan letters", format!("sofinr{b}")),
        number("IBAN", iban.clone()),
        number("IBAN met spaties", spaced.join(" ")),
        number("IBAN kleine letters", iban.to_lowercase()),
        kind("postcode met huisnummer", "7511 AB 12", "7511ab12"),
        kind("postcode aaneen", "7511AB 3", "7511ab3"),
        kind("straat met huisnummer", "Hoofdstraat 12", "hoofdstraat12"),
        kind("straat in kleine letters", "kerkweg 7", "kerkweg7"),
        kind("geboortedatum", "geboren 14-03-2012", "14-03-2012"),
        kind(
            "geboortedatum in woorden",
            "geb. 14 maart 2012",
            "14maart2012",
        ),
        kind(
            "geboortedatum ISO",
            "geboortedatum: 2012-03-14",
            "2012-03-14",
        ),
        kind("e-mail", "z.ozdemir@voorbeeld.nl", "voorbeeld.nl"),
        kind("e-mail at/dot", "jan at example dot nl", "exampledotnl"),
        kind("e-mail [at]", "jan[at]example.nl", "example.nl"),
        kind("e-mail met spaties", "jan @ example.nl", "example.nl"),
        kind("e-mail full-width", "jan＠example.nl", "example.nl"),
        number("telefoon (020)", "(020) 123 4567"),
        number("telefoon 06/", "06/12345678"),
        number("telefoon +31 (0)6", "+31 (0)6 12345678"),
        number("telefoon over een regel", "06-1234\n5678"),
        number("telefoon 06-", "06-12345678"),
    ]
}

type Planter = fn(&mut Meeting, &str);

fn case_a(m: &mut Meeting) -> &mut overleg::domain::CaseDiscussion {
    match &mut m.agenda[3].kind {
        ItemKind::Casus(d) => d,
        _ => unreachable!("item 3 is the first case"),
    }
}

fn case_c(m: &mut Meeting) -> &mut overleg::domain::CaseDiscussion {
    match &mut m.agenda[5].kind {
        ItemKind::Casus(d) => d,
        _ => unreachable!("item 5 is the case without consent"),
    }
}

/// Every field a notulist types in, with the way to plant text into it.
fn fields() -> Vec<(&'static str, Planter)> {
    vec![
        ("vraag", |m, x| {
            case_a(m).question = format!("Vraag over {x}?")
        }),
        ("verdiepende vragen", |m, x| {
            case_a(m).clarifying_notes = x.into()
        }),
        ("bespreking", |m, x| m.agenda[3].notes = x.into()),
        ("advies", |m, x| {
            case_a(m).advice[0].text = format!("Bel {x}.")
        }),
        ("besluit", |m, x| {
            m.agenda[3].decisions[0].text = format!("Besluit over {x}")
        }),
        ("grond", |m, x| m.agenda[3].decisions[0].grounds = x.into()),
        ("afwijkende mening", |m, x| {
            m.agenda[3].decisions[0].dissent[0].note = x.into();
        }),
        ("actie", |m, x| {
            m.agenda[3].actions[2].text = format!("Schuldhulp Oost vragen: {x}");
        }),
        ("les", |m, x| case_a(m).lesson = Some(x.into())),
        ("regiereden", |m, x| {
            if let Some(overleg::domain::RegieOutcome::Overgedragen(h)) = &mut case_a(m).regie {
                h.reason = x.into();
            }
        }),
        ("regiecheck", |m, x| {
            if let Some(c) = &mut case_a(m).regie_check {
                c.answers[0].note = x.into();
            }
        }),
        ("regiecheck overgeslagen", |m, x| {
            if let Some(c) = &mut case_a(m).regie_check {
                c.answers[1].answer = CheckAnswer::Overgeslagen(x.into());
            }
        }),
        ("vertrouwelijk", |m, x| {
            case_a(m).confidential_notes = x.into()
        }),
        ("vorig verslag", |m, x| {
            if let Some(p) = &mut m.previous_minutes {
                p.remarks = x.into();
            }
        }),
        ("actiebespreking", |m, x| {
            m.action_reviews[0].note = x.into()
        }),
        ("organisatorisch", |m, x| m.agenda[7].notes = x.into()),
        ("titel agendapunt", |m, x| {
            m.agenda[7].title = format!("Over {x}")
        }),
        ("besluit organisatorisch", |m, x| {
            m.agenda[7].decisions[0].text = x.into()
        }),
        ("actie organisatorisch", |m, x| {
            m.agenda[7].actions[0].text = x.into()
        }),
        ("rondvraag", |m, x| m.agenda[8].notes = x.into()),
        ("rol van een gast", |m, x| {
            m.guests[0].role = format!("ervaringsdeskundige, {x}")
        }),
        ("casus zonder toestemming", |m, x| {
            case_c(m).question = x.into()
        }),
        ("besluit zonder toestemming", |m, x| {
            m.agenda[5].decisions[0].text = x.into()
        }),
    ]
}

/// The team with `meeting` as its second meeting.
fn team_with(meeting: Meeting) -> TeamData {
    let mut team = ct::team_data(Path::new("/tmp/velve"));
    team.meetings[1] = meeting;
    team
}

fn opts(format: Format, partner: Option<&str>) -> MinutesOptions {
    MinutesOptions {
        format,
        profile: Profile::Deelbaar,
        partner: partner.map(str::to_string),
        lang: Lang::Nl,
    }
}

/// The text a reader sees in a rendered file.
fn visible(format: Format, bytes: &[u8]) -> String {
    match format {
        Format::Docx => minutes_fixture::docx_text(bytes),
        Format::Md => String::from_utf8_lossy(bytes).replace('\\', ""),
        Format::Html => String::from_utf8_lossy(bytes)
            .replace("<br>", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&"),
    }
}

fn contains(output: &str, k: &Kind) -> bool {
    if k.digits {
        let digits: String = output.chars().filter(char::is_ascii_digit).collect();
        digits.contains(&k.needle)
    } else {
        let flat: String = fold_str(output)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        flat.contains(&fold_str(&k.needle))
    }
}

#[test]
fn planted_names_never_reach_a_shareable_document() {
    let kinds = name_kinds();
    let sentence = kinds
        .iter()
        .map(|k| k.plant.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let mut m = ct::the_meeting();
    for (_, plant) in fields() {
        plant(&mut m, &sentence);
    }
    let team = team_with(m.clone());
    // The intern version holds every planted form: the planting reaches the output.
    let intern = minutes::render(&team, &m, Format::Md, Profile::Intern, Lang::Nl).expect("intern");
    let intern = visible(Format::Md, &intern);
    for k in &kinds {
        assert!(contains(&intern, k), "planting failed for {}", k.label);
    }
    let mut leaked: Vec<String> = Vec::new();
    println!(
        "Namen: {} soorten in {} velden",
        kinds.len(),
        fields().len()
    );
    for format in FORMATS {
        let mut per_format = 0;
        for audience in AUDIENCES {
            let bytes = minutes::render_with(&team, &m, &opts(format, audience))
                .unwrap_or_else(|e| panic!("{format:?} {audience:?}: {}", e.message(Lang::Nl)));
            let text = visible(format, &bytes);
            for k in &kinds {
                if contains(&text, k) {
                    per_format += 1;
                    leaked.push(format!("{format:?} {audience:?}: {}", k.label));
                }
            }
        }
        println!("  {format:?}: {} soorten uitgelekt", per_format);
    }
    assert!(leaked.is_empty(), "{leaked:#?}");
}

#[test]
fn planted_numbers_and_addresses_refuse_or_stay_out_in_every_field() {
    let kinds = scanner_kinds();
    let mut leaked: Vec<String> = Vec::new();
    let mut refused = 0;
    let mut left_out = 0;
    for k in &kinds {
        for (field, plant) in fields() {
            let mut m = ct::the_meeting();
            plant(&mut m, &k.plant);
            let team = team_with(m.clone());
            // The intern version warns about it wherever the field is shown at all.
            let warned = !minutes::intern_findings(&team, &m, Lang::Nl).is_empty();
            assert!(warned, "intern does not warn: {} in {field}", k.label);
            for audience in AUDIENCES {
                for format in FORMATS {
                    match minutes::render_with(&team, &m, &opts(format, audience)) {
                        Err(MinutesError::Refused(findings)) => {
                            refused += 1;
                            for f in &findings {
                                assert!(
                                    !contains(&f.masked, k) || k.needle.len() < 3,
                                    "{}: the refusal repeats it: {}",
                                    k.label,
                                    f.masked
                                );
                            }
                        }
                        Ok(bytes) => {
                            left_out += 1;
                            if contains(&visible(format, &bytes), k) {
                                leaked
                                    .push(format!("{format:?} {audience:?} {field}: {}", k.label));
                            }
                        }
                        Err(e) => panic!("{}: {}", k.label, e.message(Lang::Nl)),
                    }
                }
            }
        }
    }
    println!(
        "Nummers en adressen: {} soorten × {} velden × {} versies × 3 formaten: {refused} geweigerd, \
         {left_out} geschreven zonder het gegeven, {} uitgelekt",
        kinds.len(),
        fields().len(),
        AUDIENCES.len(),
        leaked.len()
    );
    assert!(leaked.is_empty(), "{leaked:#?}");
}

#[test]
fn a_refusal_names_the_section_and_masks_the_value() {
    let bsn = minutes_fixture::valid_bsn("12345678");
    let mut m = ct::the_meeting();
    case_a(&mut m).advice[0].text = format!("Bel over bsn {bsn}");
    m.agenda[7].notes = "Bel Lotte op (020) 123 4567".into();
    let team = team_with(m.clone());
    let Err(MinutesError::Refused(f)) = minutes::render_with(&team, &m, &opts(Format::Md, None))
    else {
        panic!("expected a refusal");
    };
    let sections: Vec<&str> = f.iter().map(|x| x.section.as_str()).collect();
    assert!(
        sections.contains(&format!("Casus {}", ct::OZDEMIR).as_str()),
        "{f:?}"
    );
    assert!(
        sections.contains(&"Over Bezetting in de zomer")
            || sections.contains(&"Bezetting in de zomer"),
        "{f:?}"
    );
    let msg = MinutesError::Refused(f.clone()).message(Lang::Nl);
    assert!(!msg.contains(&bsn), "{msg}");
    assert!(msg.contains("BSN"), "{msg}");
    assert!(msg.contains("telefoonnummer"), "{msg}");
    assert!(msg.contains("«Casus 2026-0201»"), "{msg}");
}
