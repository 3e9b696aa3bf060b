//! Recording one agenda item: advice, decisions (numbered across meetings), the regie outcome
//! with its warnings, actions (numbered across meetings), the regie check, the lesson and the
//! next evaluation.

use chrono::{Datelike, NaiveDate};

use super::SessionError;
use crate::domain::{
    ActionItem, ActionStatus, Advice, AgendaItem, Case, CaseDiscussion, CheckAnswer, Consultation,
    Decision, Dissent, ItemKind, Law, Meeting, MemberId, RegieCheck, RegieCheckAnswer,
    RegieCheckPoint, RegieOutcome, Regisseur, Team, next_action_number, next_decision_number,
};

/// The agenda item at `index`.
pub fn item_mut(meeting: &mut Meeting, index: usize) -> Result<&mut AgendaItem, SessionError> {
    meeting
        .agenda
        .get_mut(index)
        .ok_or(SessionError::NoSuchItem(index))
}

/// The case discussion at `index`.
pub fn discussion_mut(
    meeting: &mut Meeting,
    index: usize,
) -> Result<&mut CaseDiscussion, SessionError> {
    match &mut item_mut(meeting, index)?.kind {
        ItemKind::Casus(d) => Ok(d),
        _ => Err(SessionError::NotACase(index)),
    }
}

/// Records advice by a member or guest.
pub fn add_advice(
    meeting: &mut Meeting,
    index: usize,
    by: &str,
    text: &str,
) -> Result<(), SessionError> {
    discussion_mut(meeting, index)?.advice.push(Advice {
        by: by.into(),
        text: text.trim().into(),
    });
    Ok(())
}

/// A decision as entered, before it gets its number.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DecisionDraft {
    pub text: String,
    pub decided_by: MemberId,
    pub grounds: String,
    /// 4-, 6- or 20-eyes, when the team recorded it.
    pub consultation: Option<Consultation>,
    /// Who dissented, with a note; `None` when nobody did.
    pub dissent: Option<(String, String)>,
}

impl DecisionDraft {
    /// The decision under `number`, texts trimmed.
    pub(crate) fn into_decision(self, number: String) -> Decision {
        Decision {
            number,
            text: self.text.trim().into(),
            decided_by: self.decided_by,
            grounds: self.grounds.trim().into(),
            consultation: self.consultation,
            dissent: self
                .dissent
                .map(|(by, note)| Dissent {
                    by,
                    note: note.trim().into(),
                })
                .into_iter()
                .collect(),
        }
    }
}

/// Records a decision in meeting `at` of `meetings`, numbered on from every decision of the
/// team that year; returns the number.
pub fn add_decision(
    meetings: &mut [Meeting],
    at: usize,
    index: usize,
    draft: DecisionDraft,
) -> Result<String, SessionError> {
    let year = meetings
        .get(at)
        .map(|m| m.date.year())
        .ok_or(SessionError::NoSuchItem(index))?;
    let number = next_decision_number(meetings.iter(), year);
    let item = item_mut(&mut meetings[at], index)?;
    item.decisions.push(draft.into_decision(number.clone()));
    Ok(number)
}

/// Records an action (who does what by when), numbered on across the team's meetings; an
/// action on a case item is linked to the case. Returns the number.
pub fn add_action(
    meetings: &mut [Meeting],
    at: usize,
    index: usize,
    text: &str,
    owner: MemberId,
    due: NaiveDate,
) -> Result<String, SessionError> {
    let year = meetings
        .get(at)
        .map(|m| m.date.year())
        .ok_or(SessionError::NoSuchItem(index))?;
    let number = next_action_number(meetings.iter(), year);
    let item = item_mut(&mut meetings[at], index)?;
    let case = match &item.kind {
        ItemKind::Casus(d) => Some(d.case.clone()),
        _ => None,
    };
    item.actions.push(ActionItem {
        number: number.clone(),
        text: text.trim().into(),
        owner,
        due,
        case,
        status: ActionStatus::Open,
        postponed: 0,
    });
    Ok(number)
}

/// Something the chair should see before agreeing a regie outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegieWarning {
    /// The case would stay (or become) without a regisseur.
    LeftWithoutRegisseur,
    /// The new regisseur is a member without youth authority on a Jeugdwet case.
    NoYouthAuthority(MemberId),
    /// The new regisseur is the same as the current one.
    SameRegisseur,
}

/// Warnings for an outcome on `case` (before it is recorded).
pub fn regie_warnings(
    team: &Team,
    case: &Case,
    outcome: Option<&RegieOutcome>,
) -> Vec<RegieWarning> {
    let mut out = Vec::new();
    let new = match outcome {
        None => case.regisseur.as_ref(),
        Some(RegieOutcome::Behouden(_)) => case.regisseur.as_ref(),
        Some(RegieOutcome::Overgedragen(h)) => Some(&h.to),
    };
    if new.is_none() {
        out.push(RegieWarning::LeftWithoutRegisseur);
    }
    if let Some(RegieOutcome::Overgedragen(h)) = outcome {
        if case.regisseur.as_ref() == Some(&h.to) {
            out.push(RegieWarning::SameRegisseur);
        }
        if let Regisseur::Lid(id) = &h.to
            && case.laws.contains(&Law::Jeugdwet)
            && team.member(id).is_some_and(|m| !m.youth_authority)
        {
            out.push(RegieWarning::NoYouthAuthority(id.clone()));
        }
    }
    out
}

/// Records the regie outcome for the case item; returns the warnings that apply to it. The
/// case file itself changes only when the meeting closes.
pub fn set_regie(
    meeting: &mut Meeting,
    index: usize,
    team: &Team,
    case: &Case,
    outcome: RegieOutcome,
) -> Result<Vec<RegieWarning>, SessionError> {
    let warnings = regie_warnings(team, case, Some(&outcome));
    discussion_mut(meeting, index)?.regie = Some(outcome);
    Ok(warnings)
}

/// Answers one point of the regie check (replacing an earlier answer).
pub fn answer_check(
    meeting: &mut Meeting,
    index: usize,
    point: RegieCheckPoint,
    answer: CheckAnswer,
) -> Result<(), SessionError> {
    let check = discussion_mut(meeting, index)?
        .regie_check
        .get_or_insert_with(RegieCheck::default);
    check.skipped = None;
    match check.answers.iter_mut().find(|a| a.point == point) {
        Some(a) => a.answer = answer,
        None => check.answers.push(RegieCheckAnswer {
            point,
            answer,
            note: String::new(),
        }),
    }
    Ok(())
}

/// Skips the whole regie check, with a reason.
pub fn skip_check(meeting: &mut Meeting, index: usize, reason: &str) -> Result<(), SessionError> {
    let check = discussion_mut(meeting, index)?
        .regie_check
        .get_or_insert_with(RegieCheck::default);
    check.skipped = Some(reason.trim().into());
    Ok(())
}

/// The answer given to a point, if any.
pub fn check_answer(d: &CaseDiscussion, point: RegieCheckPoint) -> Option<&CheckAnswer> {
    d.regie_check
        .as_ref()
        .and_then(|c| c.answers.iter().find(|a| a.point == point))
        .map(|a| &a.answer)
}

/// Records the anonymised lesson (empty text removes it).
pub fn set_lesson(meeting: &mut Meeting, index: usize, text: &str) -> Result<(), SessionError> {
    let t = text.trim();
    discussion_mut(meeting, index)?.lesson = (!t.is_empty()).then(|| t.to_string());
    Ok(())
}

/// Records the next evaluation date agreed for the case.
pub fn set_next_evaluation(
    meeting: &mut Meeting,
    index: usize,
    date: Option<NaiveDate>,
) -> Result<(), SessionError> {
    discussion_mut(meeting, index)?.next_evaluation = date;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::agenda::{add_case, add_item, new_meeting};
    use super::super::fixture::*;
    use super::*;
    use crate::domain::{ExternalProfessional, RegieHandOver};

    fn meetings_with_case() -> Vec<Meeting> {
        let mut earlier = new_meeting(&team(), d(2026, 3, 3), None);
        earlier.agenda[2].decisions.push(Decision {
            number: "2026-007".into(),
            text: "x".into(),
            decided_by: "sbakker".into(),
            grounds: String::new(),
            consultation: None,
            dissent: vec![],
        });
        let mut m = new_meeting(&team(), d(2026, 3, 17), None);
        add_case(
            &mut m,
            "2026-0001",
            "Fam. Ë.",
            "sbakker".into(),
            "Wie?".into(),
            15,
        )
        .expect("add");
        vec![earlier, m]
    }

    #[test]
    fn decisions_and_actions_are_numbered_on() {
        let mut ms = meetings_with_case();
        let n = add_decision(
            &mut ms,
            1,
            3,
            DecisionDraft {
                text: " Indicatie ambulante hulp ".into(),
                decided_by: "aozdemir".into(),
                grounds: "4-ogen".into(),
                consultation: None,
                dissent: Some(("jdevries".into(), "te vroeg".into())),
            },
        )
        .expect("decision");
        assert_eq!(n, "2026-008");
        let dec = &ms[1].agenda[3].decisions[0];
        assert_eq!(dec.text, "Indicatie ambulante hulp");
        assert_eq!(dec.dissent[0].by, "jdevries");
        let a =
            add_action(&mut ms, 1, 3, "Bel GI", "sbakker".into(), d(2026, 3, 31)).expect("action");
        assert_eq!(a, "A2026-001");
        assert_eq!(
            ms[1].agenda[3].actions[0].case.as_deref(),
            Some("2026-0001")
        );
        let b = add_action(
            &mut ms,
            1,
            0,
            "Zaal boeken",
            "jdevries".into(),
            d(2026, 3, 31),
        )
        .expect("action");
        assert_eq!(b, "A2026-002");
        assert_eq!(ms[1].agenda[0].actions[0].case, None);
    }

    #[test]
    fn advice_and_lesson_need_a_case_item() {
        let mut ms = meetings_with_case();
        add_advice(&mut ms[1], 3, "jdevries", "Betrek oma").expect("advice");
        assert_eq!(
            add_advice(&mut ms[1], 0, "jdevries", "x"),
            Err(SessionError::NotACase(0))
        );
        set_lesson(&mut ms[1], 3, "  Vroeg de school betrekken ").expect("lesson");
        assert_eq!(
            discussion_mut(&mut ms[1], 3)
                .expect("case")
                .lesson
                .as_deref(),
            Some("Vroeg de school betrekken")
        );
        set_lesson(&mut ms[1], 3, " ").expect("lesson");
        assert_eq!(discussion_mut(&mut ms[1], 3).expect("case").lesson, None);
    }

    #[test]
    fn regie_warnings_catch_a_case_left_without_regisseur() {
        let team = team();
        let orphan = case("2026-0001", None);
        assert_eq!(
            regie_warnings(
                &team,
                &orphan,
                Some(&RegieOutcome::Behouden(Regisseur::Huishouden))
            ),
            vec![RegieWarning::LeftWithoutRegisseur]
        );
        assert_eq!(
            regie_warnings(&team, &orphan, None),
            vec![RegieWarning::LeftWithoutRegisseur]
        );
        let to_jan = RegieOutcome::Overgedragen(RegieHandOver {
            from: None,
            to: Regisseur::Lid("jdevries".into()),
            reason: "ruimte".into(),
            effective: None,
        });
        assert_eq!(
            regie_warnings(&team, &orphan, Some(&to_jan)),
            vec![RegieWarning::NoYouthAuthority("jdevries".into())]
        );
        let held = case("2026-0002", Some("sbakker"));
        let to_gi = RegieOutcome::Overgedragen(RegieHandOver {
            from: held.regisseur.clone(),
            to: Regisseur::Extern(ExternalProfessional {
                name: "Eline Smit".into(),
                organisation: "Jeugdbescherming Oost".into(),
                function: "gezinsvoogd".into(),
            }),
            reason: "OTS".into(),
            effective: None,
        });
        assert!(regie_warnings(&team, &held, Some(&to_gi)).is_empty());
    }

    #[test]
    fn regie_check_answers_replace_and_skip() {
        let mut ms = meetings_with_case();
        let m = &mut ms[1];
        answer_check(m, 3, RegieCheckPoint::PlanMetDoelen, CheckAnswer::Nee).expect("a");
        answer_check(m, 3, RegieCheckPoint::PlanMetDoelen, CheckAnswer::Ja).expect("a");
        let disc = discussion_mut(m, 3).expect("case").clone();
        assert_eq!(disc.regie_check.as_ref().map(|c| c.answers.len()), Some(1));
        assert_eq!(
            check_answer(&disc, RegieCheckPoint::PlanMetDoelen),
            Some(&CheckAnswer::Ja)
        );
        skip_check(m, 3, "geen tijd").expect("skip");
        let disc = discussion_mut(m, 3).expect("case");
        assert_eq!(
            disc.regie_check.as_ref().and_then(|c| c.skipped.as_deref()),
            Some("geen tijd")
        );
        let i = add_item(m, ItemKind::Mededelingen, "M", 5).expect("add");
        assert!(skip_check(m, i, "x").is_err());
        set_next_evaluation(m, 3, Some(d(2026, 6, 1))).expect("eval");
    }
}
