//! Closing a meeting: a summary of decisions, regie changes and new actions; the case files get
//! their new regisseur, a history entry and the next evaluation; the next meeting date is set.
//! A closed meeting can be reopened until the next meeting starts.

use chrono::{NaiveDate, NaiveDateTime};

use super::SessionError;
use crate::domain::{
    ActionItem, Case, CaseCode, Decision, ItemKind, Meeting, MeetingState, RegieChange,
    RegieOutcome, Regisseur, Team,
};

/// One regie change agreed in the meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct RegieSummary {
    pub case: CaseCode,
    pub from: Option<Regisseur>,
    pub to: Regisseur,
    pub reason: String,
}

/// What the meeting produced, for the closing screen.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    pub decisions: Vec<Decision>,
    pub regie_changes: Vec<RegieSummary>,
    pub actions: Vec<ActionItem>,
    /// Cases discussed that are still without a regisseur after the meeting.
    pub without_regisseur: Vec<CaseCode>,
    /// Items not finished (they come back as carried over).
    pub unfinished: Vec<String>,
    /// Case items with nothing recorded ("niet besproken"), by case code; they come back
    /// too, and are not among `unfinished`.
    pub not_discussed: Vec<CaseCode>,
    pub next_meeting: Option<NaiveDate>,
    /// Households given a regisseur in the verdeling.
    pub verdeeld: Vec<CaseCode>,
    /// Households parked on the verdeellijst.
    pub op_de_lijst: Vec<CaseCode>,
    /// Hand-overs agreed in herverdeling items (households and actions).
    pub handed_over: usize,
    /// Warnings in names: herverdeling lines still without a new owner.
    pub warnings: Vec<super::warnings::Warning>,
}

/// The summary of `meeting` as it stands, with `cases` for regie checks.
pub fn summary(meeting: &Meeting, team: &Team, cases: &[Case]) -> Summary {
    let mut s = Summary {
        decisions: meeting.decisions().cloned().collect(),
        actions: meeting.actions().cloned().collect(),
        next_meeting: Some(
            meeting
                .next_meeting
                .unwrap_or_else(|| team.rhythm.next_after(meeting.date)),
        ),
        ..Summary::default()
    };
    for (i, item) in meeting.agenda.iter().enumerate() {
        if let ItemKind::Casus(d) = &item.kind
            && !item.has_record()
        {
            s.not_discussed.push(d.case.clone());
            continue;
        }
        let current = meeting.progress.current_item == Some(i);
        if !item.done && !current {
            s.unfinished.push(item.title.clone());
        }
    }
    for item in &meeting.agenda {
        for o in &item.verdeling {
            match o.result {
                crate::domain::VerdelingResult::Toegewezen { .. } => {
                    s.verdeeld.push(o.case.clone())
                }
                crate::domain::VerdelingResult::BlijftOpLijst { .. } => {
                    s.op_de_lijst.push(o.case.clone())
                }
            }
        }
        if let Some(h) = &item.herverdeling {
            s.handed_over += h.households.iter().filter(|l| l.to.is_some()).count()
                + h.actions.iter().filter(|l| l.to.is_some()).count();
            let name = |id: &str| team.member_name(id).to_string();
            for l in h.households.iter().filter(|l| l.to.is_none()) {
                s.warnings.push(super::warnings::Warning::NotHandedOver {
                    what: l.case.clone(),
                    from: name(&l.from),
                });
            }
            for l in h.actions.iter().filter(|l| l.to.is_none()) {
                s.warnings.push(super::warnings::Warning::NotHandedOver {
                    what: l.action.clone(),
                    from: name(&l.from),
                });
            }
        }
    }
    for d in meeting.case_discussions() {
        let case = cases.iter().find(|c| c.code == d.case);
        let before = case.and_then(|c| c.regisseur.clone());
        let after = match &d.regie {
            Some(RegieOutcome::Overgedragen(h)) => {
                s.regie_changes.push(RegieSummary {
                    case: d.case.clone(),
                    from: before.clone(),
                    to: h.to.clone(),
                    reason: h.reason.clone(),
                });
                Some(h.to.clone())
            }
            _ => before,
        };
        if after.is_none() {
            s.without_regisseur.push(d.case.clone());
        }
    }
    s
}

/// What closing changed, to be saved.
#[derive(Debug, Clone, PartialEq)]
pub struct CloseOutcome {
    pub summary: Summary,
    /// Case files that changed (new regisseur, history entry, next evaluation).
    pub changed_cases: Vec<Case>,
}

/// Closes a running meeting at `now`: the current item is done, the next meeting date is set,
/// and every discussed case gets what was agreed. Applying twice (after a reopen) does not
/// duplicate history entries.
pub fn close_meeting(
    meeting: &mut Meeting,
    team: &Team,
    cases: &[Case],
    now: NaiveDateTime,
) -> Result<CloseOutcome, SessionError> {
    if meeting.state != MeetingState::Geopend {
        return Err(SessionError::WrongState(meeting.state));
    }
    if let Some(cur) = meeting.progress.current_item
        && let Some(item) = meeting.agenda.get_mut(cur)
    {
        super::finish_item(item);
    }
    meeting.progress.draft = None;
    meeting.state = MeetingState::Gesloten;
    meeting.progress.closed_at = Some(now);
    meeting.progress.current_item = None;
    if meeting.next_meeting.is_none() {
        meeting.next_meeting = Some(team.rhythm.next_after(meeting.date));
    }
    let summary = summary(meeting, team, cases);
    let mut changed_cases = Vec::new();
    for item in &meeting.agenda {
        let ItemKind::Casus(d) = &item.kind else {
            continue;
        };
        let Some(original) = cases.iter().find(|c| c.code == d.case) else {
            continue;
        };
        let mut case = changed_cases
            .iter()
            .position(|c: &Case| c.code == d.case)
            .map(|i| changed_cases.remove(i))
            .unwrap_or_else(|| original.clone());
        if let Some(RegieOutcome::Overgedragen(h)) = &d.regie {
            let from = case
                .regie_history
                .iter()
                .rev()
                .find(|c| c.meeting == Some(meeting.date))
                .map(|c| c.from.clone())
                .unwrap_or_else(|| case.regisseur.clone());
            case.regie_history
                .retain(|c| c.meeting != Some(meeting.date));
            // A hand-over agreed for a later day (the end of the OTS) is recorded now and
            // comes into force then; `regisseur` stays until that day.
            let effective = h.effective.filter(|e| *e > meeting.date);
            case.regie_history.push(RegieChange {
                date: meeting.date,
                from,
                to: Some(h.to.clone()),
                reason: h.reason.clone(),
                meeting: Some(meeting.date),
                effective,
            });
            if effective.is_none() {
                case.regisseur = Some(h.to.clone());
            }
        }
        if let Some(ev) = d.next_evaluation {
            case.next_evaluation = Some(ev);
        }
        if case != *original {
            changed_cases.push(case);
        }
    }
    super::close_apply::apply_distributions(meeting, cases, &mut changed_cases);
    Ok(CloseOutcome {
        summary,
        changed_cases,
    })
}

/// Whether meeting `at` may be reopened on `today` (see [`reopen_meeting`]); changes nothing.
pub fn can_reopen(meetings: &[Meeting], at: usize, today: NaiveDate) -> Result<(), SessionError> {
    let Some(meeting) = meetings.get(at) else {
        return Err(SessionError::NoSuchItem(at));
    };
    if meeting.state != MeetingState::Gesloten {
        return Err(SessionError::WrongState(meeting.state));
    }
    let date = meeting.date;
    let next = meeting.next_meeting.unwrap_or(date);
    let later_started = meetings.iter().any(|m| m.date > date && m.state.held());
    if today >= next || later_started {
        return Err(SessionError::TooLateToReopen(next));
    }
    Ok(())
}

/// Reopens a closed meeting on `today`, allowed until the next meeting's date and only while
/// no later meeting was opened.
pub fn reopen_meeting(
    meetings: &mut [Meeting],
    at: usize,
    today: NaiveDate,
) -> Result<(), SessionError> {
    can_reopen(meetings, at, today)?;
    let meeting = &mut meetings[at];
    meeting.state = MeetingState::Geopend;
    meeting.progress.closed_at = None;
    meeting.progress.current_item = meeting.agenda.len().checked_sub(1);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::agenda::{add_case, new_meeting};
    use super::super::discussion::{set_next_evaluation, set_regie};
    use super::super::fixture::*;
    use super::super::open::open_meeting;
    use super::*;
    use crate::domain::RegieHandOver;

    fn now() -> NaiveDateTime {
        d(2026, 3, 17).and_hms_opt(11, 0, 0).expect("time")
    }

    fn running() -> (Team, Vec<Case>, Meeting) {
        let team = team();
        let cases = vec![case("2026-0001", None), case("2026-0002", Some("sbakker"))];
        let mut m = new_meeting(&team, d(2026, 3, 17), None);
        add_case(
            &mut m,
            "2026-0001",
            "Fam. Ë.",
            "sbakker".into(),
            "Wie?".into(),
            15,
        )
        .expect("add");
        add_case(
            &mut m,
            "2026-0002",
            "Mw. Ç.",
            "sbakker".into(),
            "Hoe?".into(),
            15,
        )
        .expect("add");
        open_meeting(&mut m, &team, now()).expect("open");
        (team, cases, m)
    }

    #[test]
    fn closing_hands_regie_over_and_sets_the_evaluation() {
        let (team, cases, mut m) = running();
        let to = Regisseur::Lid("aozdemir".into());
        let outcome = RegieOutcome::Overgedragen(RegieHandOver {
            from: None,
            to: to.clone(),
            reason: "Ayşe heeft ruimte".into(),
            effective: None,
        });
        set_regie(&mut m, 3, &team, &cases[0], outcome).expect("regie");
        set_next_evaluation(&mut m, 4, Some(d(2026, 5, 1))).expect("eval");
        let s = summary(&m, &team, &cases);
        assert!(s.without_regisseur.is_empty());
        assert_eq!(s.regie_changes.len(), 1);
        let out = close_meeting(&mut m, &team, &cases, now()).expect("close");
        assert_eq!(m.state, MeetingState::Gesloten);
        assert_eq!(m.next_meeting, Some(d(2026, 3, 31)));
        assert!(m.agenda[0].done);
        assert_eq!(out.changed_cases.len(), 2);
        let c1 = &out.changed_cases[0];
        assert_eq!(c1.regisseur, Some(to.clone()));
        assert_eq!(c1.regie_history.len(), 1);
        assert_eq!(c1.regie_history[0].meeting, Some(d(2026, 3, 17)));
        assert_eq!(c1.regie_history[0].reason, "Ayşe heeft ruimte");
        assert_eq!(out.changed_cases[1].next_evaluation, Some(d(2026, 5, 1)));

        // Reopen and close again on the changed cases: still one history entry.
        let mut ms = vec![m];
        reopen_meeting(&mut ms, 0, d(2026, 3, 20)).expect("reopen");
        assert_eq!(ms[0].state, MeetingState::Geopend);
        let again = close_meeting(&mut ms[0], &team, &out.changed_cases, now()).expect("close");
        assert!(again.changed_cases.is_empty(), "nothing new to save");
    }

    #[test]
    fn a_hand_over_agreed_for_a_later_day_is_in_force_from_that_day() {
        let (team, cases, mut m) = running();
        let start = d(2026, 4, 7);
        let outcome = RegieOutcome::Overgedragen(RegieHandOver {
            from: cases[1].regisseur.clone(),
            to: Regisseur::Lid("aozdemir".into()),
            reason: "OTS loopt af".into(),
            effective: Some(start),
        });
        set_regie(&mut m, 4, &team, &cases[1], outcome).expect("regie");
        let out = close_meeting(&mut m, &team, &cases, now()).expect("close");
        let c = &out.changed_cases[0];
        let saskia = Some(Regisseur::Lid("sbakker".into()));
        assert_eq!(
            c.regisseur, saskia,
            "the saved regisseur stays until the day"
        );
        assert_eq!(c.regie_history[0].effective, Some(start));
        assert_eq!(c.regisseur_on(d(2026, 4, 6)), saskia);
        assert_eq!(
            c.regisseur_on(start),
            Some(Regisseur::Lid("aozdemir".into()))
        );
        assert!(c.regisseur_matches_history());
    }

    #[test]
    fn summary_warns_for_cases_left_without_regisseur() {
        let (team, cases, m) = running();
        let s = summary(&m, &team, &cases);
        assert_eq!(s.without_regisseur, vec!["2026-0001".to_string()]);
        // Two case items with nothing recorded are "niet besproken", not among the unfinished.
        assert_eq!(
            s.not_discussed,
            vec!["2026-0001".to_string(), "2026-0002".to_string()]
        );
        assert_eq!(s.unfinished.len(), m.agenda.len() - 3);
    }

    #[test]
    fn reopening_is_refused_from_the_next_meeting_date() {
        let (team, cases, mut m) = running();
        close_meeting(&mut m, &team, &cases, now()).expect("close");
        let mut ms = vec![m];
        assert_eq!(
            reopen_meeting(&mut ms, 0, d(2026, 3, 31)),
            Err(SessionError::TooLateToReopen(d(2026, 3, 31)))
        );
        let mut later = new_meeting(&team, d(2026, 3, 31), None);
        later.state = MeetingState::Geopend;
        ms.push(later);
        assert!(reopen_meeting(&mut ms, 0, d(2026, 3, 20)).is_err());
        assert!(close_meeting(&mut ms[0], &team, &cases, now()).is_err());
    }
}
