//! One case discussion in a closed meeting (advice, regie outcome and check, decision,
//! actions) and the organisational item where a leaving coach's cases are redistributed.
//! Regie hand-overs are written into the case's `regie_history` as well.

use chrono::{Datelike, Duration, NaiveDate};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::meetings::{Counters, manager, standing};
use super::names::pick;
use super::texts::{self, Script};
use crate::domain::{
    ActionItem, ActionStatus, Advice, AgendaItem, Case, CaseDiscussion, CheckAnswer, Consultation,
    Decision, Dissent, Guest, ItemKind, Kader, Law, RegieChange, RegieCheck, RegieCheckAnswer,
    RegieCheckPoint, RegieHandOver, RegieOutcome, Regisseur, Team,
};

/// One case discussion with its outcomes; mutates the case's regie when handed over.
#[allow(clippy::too_many_arguments)]
pub(super) fn discussion(
    rng: &mut ChaCha8Rng,
    script: Script,
    team: &Team,
    case: &mut Case,
    date: NaiveDate,
    present: &[String],
    present_holders: &[String],
    guests: &[Guest],
    k: usize,
    counters: &mut Counters,
    short_deadline: bool,
) -> AgendaItem {
    let inbrenger = case
        .coach
        .clone()
        .filter(|c| present.contains(c))
        .or_else(|| present_holders.first().cloned())
        .or_else(|| present.first().cloned())
        .unwrap_or_default();
    let others: Vec<&String> = present.iter().filter(|p| **p != inbrenger).collect();
    let mut advice: Vec<Advice> = Vec::new();
    for text in script.advice.iter().take(rng.random_range(2..=3)) {
        let by = if !guests.is_empty() && advice.len() == 2 {
            guests[0].name.clone()
        } else if others.is_empty() {
            inbrenger.clone()
        } else {
            let mut by = (*pick(rng, &others)).clone();
            for _ in 0..4 {
                if !advice.iter().any(|a| a.by == by) {
                    break;
                }
                by = (*pick(rng, &others)).clone();
            }
            by
        };
        advice.push(Advice {
            by,
            text: (*text).into(),
        });
    }

    // Regie outcome.
    let youth = case.laws.contains(&Law::Jeugdwet);
    let can_change = case.regie_history.last().is_none_or(|h| h.date < date);
    let eligible: Vec<&String> = present_holders
        .iter()
        .filter(|h| !youth || team.member(h).is_some_and(|m| m.youth_authority))
        .collect();
    let r = rng.random_range(0..100);
    let hand_over: Option<(Regisseur, &str)> = match &case.regisseur {
        None if can_change && !eligible.is_empty() => {
            let to = if eligible.contains(&&inbrenger) {
                inbrenger.clone()
            } else {
                (*pick(rng, &eligible)).clone()
            };
            Some((
                Regisseur::Lid(to),
                "Regie lag nergens; in het overleg belegd.",
            ))
        }
        Some(Regisseur::Lid(cur)) if can_change && r < 15 && eligible.len() > 1 => {
            let to = (*pick(rng, &eligible)).clone();
            (to != *cur).then_some((
                Regisseur::Lid(to),
                "Past beter bij de expertise van de nieuwe regisseur; warme overdracht afgesproken.",
            ))
        }
        Some(Regisseur::Lid(_))
            if can_change && r < 22 && !youth && case.kader == Kader::Vrijwillig =>
        {
            Some((
                Regisseur::Huishouden,
                "Inwoner kan het weer zelf; wijkcoach blijft bereikbaar voor vragen.",
            ))
        }
        _ => None,
    };
    let regie = match hand_over {
        Some((to, reason)) => {
            let from = case.regisseur.clone();
            case.regie_history.push(RegieChange {
                date,
                from: from.clone(),
                to: Some(to.clone()),
                reason: reason.into(),
                meeting: Some(date),
                effective: None,
            });
            if let Regisseur::Lid(id) = &to {
                case.coach = Some(id.clone());
            }
            case.regisseur = Some(to.clone());
            Some(RegieOutcome::Overgedragen(RegieHandOver {
                from,
                to,
                reason: reason.into(),
                effective: None,
            }))
        }
        None => case.regisseur.clone().map(RegieOutcome::Behouden),
    };

    let regie_check = match rng.random_range(0..4) {
        0 | 1 => Some(answered_check(case)),
        2 => Some(RegieCheck {
            skipped: Some(pick(rng, texts::CHECK_SKIPPED).to_string()),
            answers: Vec::new(),
        }),
        _ => None,
    };

    let mut decisions = Vec::new();
    if rng.random_bool(0.65) {
        let decided_by = case
            .regisseur_member()
            .map(str::to_string)
            .filter(|m| present.contains(m))
            .or_else(|| manager(team).map(str::to_string))
            .unwrap_or_else(|| inbrenger.clone());
        let consultation = match k % 4 {
            0 => Some(Consultation::VierOgen),
            1 if rng.random_bool(0.5) => Some(Consultation::ZesOgen),
            2 if rng.random_bool(0.3) => Some(Consultation::TwintigOgen),
            _ => None,
        };
        let dissent = if k == 1 && others.len() > 1 {
            let by = others
                .iter()
                .find(|o| ***o != decided_by)
                .map(|o| (*o).clone())
                .unwrap_or_default();
            vec![Dissent {
                by,
                note: "Vindt de termijn te lang gezien de zorgen; wil eerder evalueren.".into(),
            }]
        } else {
            Vec::new()
        };
        decisions.push(Decision {
            number: counters.decision(date),
            text: script.decision.into(),
            decided_by,
            grounds: script.grounds.into(),
            consultation,
            dissent,
        });
    }
    let mut actions = Vec::new();
    for (j, text) in script
        .actions
        .iter()
        .take(rng.random_range(1..=2))
        .enumerate()
    {
        let owner = if j == 0 || others.is_empty() {
            inbrenger.clone()
        } else {
            (*pick(rng, &others)).clone()
        };
        let days = if short_deadline && j == 0 {
            4
        } else {
            rng.random_range(7..=28)
        };
        actions.push(ActionItem {
            number: counters.action(date),
            text: (*text).into(),
            owner,
            due: date + Duration::days(days),
            case: Some(case.code.clone()),
            status: ActionStatus::Open,
            postponed: 0,
        });
    }
    let next_evaluation = case.next_evaluation.filter(|d| *d > date);
    let lesson = rng.random_bool(0.3).then(|| script.lesson.to_string());
    AgendaItem {
        title: format!("Casus {} ({})", case.code, case.pseudonym),
        kind: ItemKind::Casus(CaseDiscussion {
            case: case.code.clone(),
            inbrenger,
            question: script.question.into(),
            clarifying_notes: script.clarifying.into(),
            advice,
            regie,
            regie_check,
            next_evaluation,
            lesson,
            confidential_notes: String::new(),
        }),
        time_box_minutes: 12,
        elapsed_seconds: 0,
        done: true,
        notes: String::new(),
        decisions,
        actions,
        verdeling: vec![],
        herverdeling: None,
        case_changes: vec![],
    }
}

fn answered_check(case: &Case) -> RegieCheck {
    let yn = |b: bool| if b { CheckAnswer::Ja } else { CheckAnswer::Nee };
    let plan = case.current_plans().next();
    let answers = RegieCheckPoint::ALL
        .iter()
        .map(|&point| {
            let (answer, note) = match point {
                RegieCheckPoint::RegisseurBenoemd => (yn(case.regisseur.is_some()), ""),
                RegieCheckPoint::PlanMetDoelen => (
                    yn(plan.is_some_and(|p| !p.goals.is_empty())),
                    if case.current_plans().count() > 1 {
                        "Er lopen twee plannen naast elkaar; samenvoegen."
                    } else {
                        ""
                    },
                ),
                RegieCheckPoint::EenVerantwoordelijkePerDoel => (
                    yn(plan.is_some_and(|p| p.goals.iter().all(|g| !g.responsible.is_empty()))),
                    "",
                ),
                RegieCheckPoint::BetrokkenenKennenElkaar => {
                    (yn(case.betrokkenen.iter().all(|b| b.known_to_others)), "")
                }
                RegieCheckPoint::EvaluatiedatumGepland => (yn(case.next_evaluation.is_some()), ""),
                RegieCheckPoint::VeiligheidOverwogen => {
                    if case.safety_flag {
                        (CheckAnswer::Ja, "Veiligheidsplan besproken.")
                    } else {
                        (CheckAnswer::NietVanToepassing, "")
                    }
                }
                RegieCheckPoint::GedwongenKaderAfgestemd => match case.kader {
                    Kader::Gedwongen(_) => (
                        CheckAnswer::Ja,
                        "Gezinsvoogd regisseert de maatregel, wijkcoach de overige doelen.",
                    ),
                    Kader::Vrijwillig => (CheckAnswer::NietVanToepassing, ""),
                },
            };
            RegieCheckAnswer {
                point,
                answer,
                note: note.into(),
            }
        })
        .collect();
    RegieCheck {
        skipped: None,
        answers,
    }
}

/// Organisational item: a coach leaves and part of the caseload is redistributed.
pub(super) fn redistribution(
    rng: &mut ChaCha8Rng,
    team: &Team,
    cases: &mut [Case],
    date: NaiveDate,
    present_holders: &[String],
    counters: &mut Counters,
) -> AgendaItem {
    let mut item = standing(
        ItemKind::Organisatorisch,
        "Vertrek collega en herverdeling caseload",
        10,
    );
    let Some(leaver) = present_holders.last().cloned() else {
        return item;
    };
    let receivers: Vec<&String> = present_holders.iter().filter(|h| **h != leaver).collect();
    let leave_date = (date + Duration::days(45))
        .with_day(1)
        .unwrap_or(date + Duration::days(45));
    let name = team.member_name(&leaver).to_string();
    let mut moved = Vec::new();
    for case in cases.iter_mut() {
        if moved.len() == 3 || receivers.is_empty() {
            break;
        }
        let own = case.regisseur_member() == Some(leaver.as_str());
        let free = case.regie_history.last().is_none_or(|h| h.date < date);
        if !(own && free && case.is_open()) {
            continue;
        }
        let youth = case.laws.contains(&Law::Jeugdwet);
        let ok: Vec<&&String> = receivers
            .iter()
            .filter(|r| !youth || team.member(r).is_some_and(|m| m.youth_authority))
            .collect();
        if ok.is_empty() {
            continue;
        }
        let to = (**pick(rng, &ok)).clone();
        case.regie_history.push(RegieChange {
            date,
            from: case.regisseur.clone(),
            to: Some(Regisseur::Lid(to.clone())),
            reason: format!("Herverdeling na vertrek van {name}."),
            meeting: Some(date),
            effective: None,
        });
        case.regisseur = Some(Regisseur::Lid(to.clone()));
        case.coach = Some(to.clone());
        moved.push(format!("{} naar {}", case.code, team.member_name(&to)));
    }
    item.notes = format!(
        "{name} vertrekt per {}. De lopende casussen worden herverdeeld; zware casussen gaan naar collega's onder de norm. Overgedragen: {}. De rest volgt na de warme overdrachten.",
        leave_date.format("%d-%m-%Y"),
        if moved.is_empty() {
            "nog geen".to_string()
        } else {
            moved.join(", ")
        }
    );
    if let Some(m) = manager(team) {
        item.decisions.push(Decision {
            number: counters.decision(date),
            text: format!("Caseload van {name} wordt vóór het vertrek herverdeeld; warme overdracht bij elk huishouden."),
            decided_by: m.to_string(),
            grounds: "Continuïteit van regie; geen huishouden zonder regisseur.".into(),
            consultation: Some(Consultation::TwintigOgen),
            dissent: Vec::new(),
        });
        item.actions.push(ActionItem {
            number: counters.action(date),
            text: format!("Overdrachtsgesprekken plannen voor de casussen van {name}"),
            owner: leaver.clone(),
            due: date + Duration::days(21),
            case: None,
            status: ActionStatus::Open,
            postponed: 0,
        });
    }
    item
}
