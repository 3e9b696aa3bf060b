//! Generation of fictional cases (households) with distributions close to a real wijkteam:
//! mostly running cases, youth and Wmo as the big tracks, a small share in gedwongen kader.

use chrono::{Duration, NaiveDate};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::names::{self, pick};
use super::texts;
use crate::domain::{
    Betrokkene, Case, CaseStatus, Complexity, Consent, ExternalProfessional, Goal, HouseholdMember,
    Kader, Law, Leefgebied, Maatregel, Member, Plan, RegieChange, Regisseur, SignalSource,
    Voorziening,
};

/// Regie hand-overs generated for a case are dated at least this many days before `today`,
/// so that hand-overs agreed in the generated meetings come after them.
pub const HISTORY_MARGIN_DAYS: i64 = 50;

/// Person name from the pools.
pub fn person_name(rng: &mut ChaCha8Rng) -> String {
    format!("{} {}", pick(rng, names::GIVEN), pick(rng, names::FAMILY))
}

fn pick_status(rng: &mut ChaCha8Rng) -> CaseStatus {
    let r = rng.random_range(0..100);
    match r {
        0..8 => CaseStatus::Aanmelding,
        8..20 => CaseStatus::Onderzoek,
        20..30 => CaseStatus::Plan,
        30..68 => CaseStatus::Uitvoering,
        68..82 => CaseStatus::Evaluatie,
        _ => CaseStatus::Afgesloten,
    }
}

fn pick_laws(rng: &mut ChaCha8Rng) -> Vec<Law> {
    match rng.random_range(0..100) {
        0..40 => vec![Law::Jeugdwet],
        40..75 => vec![Law::Wmo],
        75..87 => vec![Law::Participatiewet],
        87..94 => vec![Law::Wmo, Law::Participatiewet],
        _ => vec![Law::Wmo, Law::Jeugdwet],
    }
}

fn age_days(rng: &mut ChaCha8Rng, status: CaseStatus, youth: bool) -> i64 {
    match status {
        CaseStatus::Aanmelding => rng.random_range(0..14),
        CaseStatus::Onderzoek => rng.random_range(7..42),
        CaseStatus::Plan => rng.random_range(35..100),
        CaseStatus::Uitvoering if youth => rng.random_range(80..1400),
        CaseStatus::Uitvoering => rng.random_range(80..700),
        CaseStatus::Evaluatie => rng.random_range(150..1000),
        CaseStatus::Afgesloten => rng.random_range(200..1600),
    }
}

fn leefgebieden(rng: &mut ChaCha8Rng, laws: &[Law]) -> Vec<Leefgebied> {
    let mut v = Vec::new();
    if laws.contains(&Law::Jeugdwet) {
        v.push(if rng.random_bool(0.7) {
            Leefgebied::Opvoeding
        } else {
            *pick(
                rng,
                &[
                    Leefgebied::Onderwijs,
                    Leefgebied::HuiselijkeRelaties,
                    Leefgebied::JustitieEnVeiligheid,
                ],
            )
        });
    } else if laws.contains(&Law::Participatiewet) {
        v.push(*pick(
            rng,
            &[Leefgebied::WerkEnInkomen, Leefgebied::Participatie],
        ));
    }
    let youth = laws.contains(&Law::Jeugdwet);
    let extra = rng.random_range(if v.is_empty() { 1 } else { 0 }..4);
    for _ in 0..extra {
        let l = *pick(rng, &Leefgebied::ALL);
        let youth_only = matches!(l, Leefgebied::Opvoeding | Leefgebied::Onderwijs);
        if !v.contains(&l) && (youth || !youth_only) {
            v.push(l);
        }
    }
    v
}

fn household(rng: &mut ChaCha8Rng, youth: bool, named: bool) -> (String, Vec<HouseholdMember>) {
    let comps = names::COMPOSITIONS;
    let (prefix, _, members) = loop {
        let c = pick(rng, comps);
        let has_kids = c.2.iter().any(|m| m.0.contains("kind"));
        if has_kids == youth {
            break c;
        }
    };
    let initial = pick(rng, names::INITIALS);
    let pseudonym = format!("{prefix} {initial}");
    let surname = names::client_surname(initial);
    let hh = members
        .iter()
        .map(|(role, lo, hi)| HouseholdMember {
            role: (*role).to_string(),
            age: Some(rng.random_range(*lo..=*hi)),
            name: named.then(|| {
                let given = pick(rng, names::client_names(role));
                surname.map_or_else(|| given.to_string(), |s| format!("{given} {s}"))
            }),
        })
        .collect();
    (pseudonym, hh)
}

/// The team members a case can be given to (case-holding roles, youth authority for youth).
pub fn eligible_coaches(members: &[Member], youth: bool) -> Vec<&Member> {
    members
        .iter()
        .filter(|m| m.roles.iter().any(|r| r.holds_cases()))
        .filter(|m| !youth || m.youth_authority)
        .collect()
}

/// Generates one case. `members` are the team's members; `code` must be unique.
pub fn generate_case(
    rng: &mut ChaCha8Rng,
    code: String,
    members: &[Member],
    today: NaiveDate,
) -> Case {
    let status = pick_status(rng);
    let laws = pick_laws(rng);
    let youth = laws.contains(&Law::Jeugdwet);
    let registered = today - Duration::days(age_days(rng, status, youth));
    let gedwongen = youth
        && matches!(
            status,
            CaseStatus::Plan | CaseStatus::Uitvoering | CaseStatus::Evaluatie
        )
        && rng.random_bool(0.2);
    let complexity = if gedwongen {
        Complexity::Zwaar
    } else {
        match rng.random_range(0..100) {
            0..35 => Complexity::Licht,
            35..80 => Complexity::Midden,
            _ => Complexity::Zwaar,
        }
    };
    let leef = leefgebieden(rng, &laws);
    let consent_name = rng.random_bool(0.55);
    let names_recorded = consent_name && rng.random_bool(0.8);
    let (pseudonym, hh) = household(rng, youth, names_recorded);
    let signal_source = *pick(
        rng,
        &[
            SignalSource::Inwoner,
            SignalSource::Inwoner,
            SignalSource::School,
            SignalSource::Huisarts,
            SignalSource::Woningcorporatie,
            SignalSource::VeiligThuis,
            SignalSource::Wijkagent,
            SignalSource::Schuldhulp,
            SignalSource::Ggz,
            SignalSource::Anders,
        ],
    );
    let consent = Consent {
        discuss_with_name: consent_name,
        share_with_partners: consent_name || rng.random_bool(0.5),
        date: Some(
            registered + Duration::days(rng.random_range(0..10).min(age(registered, today))),
        ),
    };

    let coaches = eligible_coaches(members, youth);
    let unassigned =
        coaches.is_empty() || (status == CaseStatus::Aanmelding && rng.random_bool(0.5));
    let mut coach = (!unassigned).then(|| pick(rng, &coaches).id.clone());

    // Regie history: oldest first, dated before today minus the margin where possible.
    let hist_limit = (today - Duration::days(HISTORY_MARGIN_DAYS)).max(registered);
    let span = (hist_limit - registered).num_days().max(0);
    let mut history = Vec::new();
    let mut regisseur: Option<Regisseur> = None;
    let mut maatregel = None;
    if let Some(c) = &coach {
        let d = registered + Duration::days(rng.random_range(0..=span.min(14)));
        let to = Some(Regisseur::Lid(c.clone()));
        history.push(RegieChange {
            date: d,
            from: None,
            to: to.clone(),
            reason: "Casus toegewezen na de aanmelding.".into(),
            meeting: None,
            effective: None,
        });
        regisseur = to;
        let mut last = d;
        let remaining = (hist_limit - last).num_days();
        if gedwongen && remaining > 2 {
            let start = last + Duration::days(rng.random_range(1..remaining.min(400)));
            let gv = person_name(rng);
            let gi = pick(rng, names::GIS).to_string();
            let months = *pick(rng, &[6i64, 12, 12]);
            let mut end = start + Duration::days(months * 30);
            while end <= today {
                end += Duration::days(365);
            }
            let ext = Regisseur::Extern(ExternalProfessional {
                name: gv.clone(),
                organisation: gi.clone(),
                function: "gezinsvoogd".into(),
            });
            history.push(RegieChange {
                date: start,
                from: regisseur.clone(),
                to: Some(ext.clone()),
                reason:
                    "Ondertoezichtstelling uitgesproken; de gezinsvoogd regisseert de maatregel."
                        .into(),
                meeting: None,
                effective: None,
            });
            regisseur = Some(ext);
            maatregel = Some(Maatregel {
                measure: pick(rng, &names::MEASURES[..2]).to_string(),
                gi,
                gezinsvoogd: gv,
                start,
                end,
            });
        } else if remaining > 2 && rng.random_bool(0.2) {
            last += Duration::days(rng.random_range(1..remaining));
            let r = rng.random_range(0..100);
            let (to, reason) = if r < 60 && coaches.len() > 1 {
                let other = pick(rng, &coaches).id.clone();
                (
                    Some(Regisseur::Lid(other)),
                    *pick(
                        rng,
                        &[
                            "Herverdeling van de caseload.",
                            "Vorige wijkcoach vertrokken; casus overgedragen.",
                            "Past beter bij de expertise van de nieuwe regisseur.",
                        ],
                    ),
                )
            } else if r < 85 {
                (
                    Some(Regisseur::Huishouden),
                    "Inwoner pakt de regie weer zelf op; wijkcoach blijft op afstand betrokken.",
                )
            } else {
                (
                    None,
                    "Wijkcoach langdurig afwezig; regie nog niet opnieuw belegd.",
                )
            };
            if let Some(Regisseur::Lid(id)) = &to {
                coach = Some(id.clone());
            }
            history.push(RegieChange {
                date: last,
                from: regisseur.clone(),
                to: to.clone(),
                reason: reason.into(),
                meeting: None,
                effective: None,
            });
            regisseur = to;
        }
    }

    let kader = match maatregel {
        Some(m) => Kader::Gedwongen(m),
        None => Kader::Vrijwillig,
    };

    let mut betrokkenen = Vec::new();
    for _ in 0..rng.random_range(0..5) {
        let (org, role) = *pick(rng, names::PARTNERS);
        if betrokkenen
            .iter()
            .any(|b: &Betrokkene| b.organisation == org)
        {
            continue;
        }
        betrokkenen.push(Betrokkene {
            name: person_name(rng),
            organisation: org.into(),
            role: role.into(),
            known_to_others: rng.random_bool(0.7),
        });
    }
    if let Kader::Gedwongen(m) = &kader {
        betrokkenen.push(Betrokkene {
            name: m.gezinsvoogd.clone(),
            organisation: m.gi.clone(),
            role: "gezinsvoogd".into(),
            known_to_others: true,
        });
    }

    let has_plan = matches!(
        status,
        CaseStatus::Plan | CaseStatus::Uitvoering | CaseStatus::Evaluatie | CaseStatus::Afgesloten
    );
    let closed_on = (status == CaseStatus::Afgesloten).then(|| {
        today - Duration::days(rng.random_range(7..180.min(age(registered, today) - 40).max(8)))
    });
    let mut voorzieningen = Vec::new();
    let mut plans = Vec::new();
    if has_plan {
        let made =
            registered + Duration::days(rng.random_range(20..35).min(age(registered, today)));
        let goals = leef
            .iter()
            .take(3)
            .map(|l| Goal {
                text: goal_text(*l).into(),
                responsible: coach.clone().unwrap_or_else(|| "inwoner".into()),
                achieved: status == CaseStatus::Afgesloten || rng.random_bool(0.2),
            })
            .collect();
        plans.push(Plan {
            title: "Ondersteuningsplan".into(),
            made,
            ended: closed_on.map(|c| c.max(made)),
            goals,
        });
        for _ in 0..rng.random_range(0..3) {
            let options: Vec<_> = names::VOORZIENINGEN
                .iter()
                .filter(|v| laws.contains(&v.2))
                .collect();
            if options.is_empty() {
                break;
            }
            let (name, provider, law) = **pick(rng, &options);
            if voorzieningen.iter().any(|v: &Voorziening| v.name == name) {
                continue;
            }
            let start = made + Duration::days(rng.random_range(0..30).min(age(made, today)));
            let months = *pick(rng, &[3i64, 6, 6, 12, 12, 24]);
            let mut end = Some(start + Duration::days(months * 30));
            if let Some(c) = closed_on {
                end = Some(c.max(start + Duration::days(1)));
            } else if rng.random_bool(0.15) {
                end = None;
            }
            voorzieningen.push(Voorziening {
                name: name.into(),
                provider: provider.into(),
                law,
                start,
                end,
            });
        }
    }
    let next_evaluation = match status {
        CaseStatus::Plan | CaseStatus::Uitvoering | CaseStatus::Evaluatie => {
            Some(today + Duration::days(rng.random_range(-30..120)))
        }
        _ => None,
    };
    let safety_flag = matches!(kader, Kader::Gedwongen(_))
        || (leef.contains(&Leefgebied::HuiselijkeRelaties) && rng.random_bool(0.7))
        || (youth && rng.random_bool(0.05));
    let first = leef.first().copied().unwrap_or(Leefgebied::SociaalNetwerk);
    let (at_reg, now) = texts::situation(first);
    let situation_now = match status {
        CaseStatus::Aanmelding => String::new(),
        CaseStatus::Onderzoek => {
            "Onderzoek loopt; keukentafelgesprek gevoerd, nog niet alle betrokkenen gesproken."
                .into()
        }
        CaseStatus::Afgesloten => {
            format!("{now} Doelen grotendeels behaald; casus in overleg afgesloten.")
        }
        _ => now.into(),
    };
    let confidential_notes = if rng.random_bool(0.1) {
        "Let op: informatie van de huisarts alleen mondeling gedeeld, niet doorsturen.".into()
    } else {
        String::new()
    };

    Case {
        version: crate::domain::FORMAT_VERSION,
        code,
        pseudonym,
        registered,
        status,
        laws,
        kader,
        complexity,
        leefgebieden: leef,
        household: hh,
        consent,
        signal_source,
        coach,
        regisseur,
        regie_history: history,
        betrokkenen,
        voorzieningen,
        plans,
        next_evaluation,
        safety_flag,
        situation_at_registration: at_reg.into(),
        situation_now,
        confidential_notes,
        history: vec![],
    }
}

fn age(from: NaiveDate, today: NaiveDate) -> i64 {
    (today - from).num_days().max(0)
}

/// A plan goal for a leefgebied.
pub fn goal_text(l: Leefgebied) -> &'static str {
    use Leefgebied::*;
    match l {
        Opvoeding => "Ouders hanteren samen dezelfde huisregels.",
        GeestelijkeGezondheid => "Stabiel dagritme en vaste behandelaar.",
        LichamelijkeGezondheid => "Veilig zelfstandig thuis wonen.",
        Huisvesting => "Huisuitzetting voorkomen; huur wordt maandelijks betaald.",
        VerstandelijkeBeperking => "Begrijpt en volgt de afspraken uit het plan.",
        FinancienEnSchulden => "Stabiel inkomen en zicht op alle schulden.",
        JustitieEnVeiligheid => "Geen nieuwe politiecontacten.",
        HuiselijkeRelaties => "Veilige thuissituatie; het veiligheidsplan wordt nageleefd.",
        SociaalNetwerk => "Wekelijks contact buiten de deur.",
        Participatie => "Zinvolle dagbesteding van minstens twee dagdelen.",
        WerkEnInkomen => "Vast inkomen en een stap richting werk.",
        Onderwijs => "Weer volledig naar school.",
    }
}
