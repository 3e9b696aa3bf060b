//! What closing a meeting does with its verdeling and herverdeling records: each household
//! given in the verdeling gets its regisseur and coach, a regie history entry with the
//! verdeling as reason, and moves from aanmelding to onderzoek; each household of a leaver gets
//! its new regisseur and/or coach with the item's one reason. Applying twice (after a reopen)
//! changes nothing more. Actions need nothing here: the ledger replays the herverdeling.

use crate::domain::{
    Case, CaseChange, CaseEvent, CaseStatus, ItemKind, Meeting, RegieChange, Regisseur,
    VerdelingResult,
};

/// Applies the verdeling and herverdeling records of `meeting` to `cases`, adding each case it
/// changes to `changed` (or changing the copy already there).
pub(crate) fn apply_distributions(meeting: &Meeting, cases: &[Case], changed: &mut Vec<Case>) {
    let date = meeting.date;
    for item in &meeting.agenda {
        if item.kind == ItemKind::Verdeling {
            for o in &item.verdeling {
                let VerdelingResult::Toegewezen { to, reason } = &o.result else {
                    continue;
                };
                with_case(cases, changed, &o.case, |c| {
                    let new = Some(Regisseur::Lid(to.clone()));
                    if c.regisseur_on(date) == new {
                        return;
                    }
                    hand_over(c, date, new, reason);
                    if c.coach.is_none() {
                        c.coach = Some(to.clone());
                    }
                    if c.status == CaseStatus::Aanmelding {
                        c.status = CaseStatus::Onderzoek;
                        c.history.push(CaseEvent {
                            date,
                            change: CaseChange::Status {
                                from: CaseStatus::Aanmelding,
                                to: CaseStatus::Onderzoek,
                            },
                            reason: reason.clone(),
                            meeting: Some(date),
                        });
                    }
                });
            }
        }
        let Some(h) = &item.herverdeling else {
            continue;
        };
        for line in &h.households {
            let Some(to) = &line.to else {
                continue;
            };
            with_case(cases, changed, &line.case, |c| {
                let leaver = Some(Regisseur::Lid(line.from.clone()));
                if line.regie && c.regisseur_on(date) == leaver {
                    hand_over(c, date, Some(Regisseur::Lid(to.clone())), &h.reason);
                }
                if line.coach && c.coach.as_deref() == Some(line.from.as_str()) {
                    c.coach = Some(to.clone());
                    c.history.push(CaseEvent {
                        date,
                        change: CaseChange::Coach {
                            from: Some(line.from.clone()),
                            to: Some(to.clone()),
                        },
                        reason: h.reason.clone(),
                        meeting: Some(date),
                    });
                }
            });
        }
    }
}

fn hand_over(c: &mut Case, date: chrono::NaiveDate, to: Option<Regisseur>, reason: &str) {
    c.regie_history.push(RegieChange {
        date,
        from: c.regisseur_on(date),
        to: to.clone(),
        reason: reason.to_string(),
        meeting: Some(date),
        effective: None,
    });
    c.regisseur = to;
}

/// Runs `f` on the working copy of case `code`; keeps the copy in `changed` when it differs
/// from the original.
fn with_case(cases: &[Case], changed: &mut Vec<Case>, code: &str, f: impl FnOnce(&mut Case)) {
    let Some(original) = cases.iter().find(|c| c.code == code) else {
        return;
    };
    let mut c = changed
        .iter()
        .position(|c| c.code == code)
        .map(|i| changed.remove(i))
        .unwrap_or_else(|| original.clone());
    f(&mut c);
    if c != *original {
        changed.push(c);
    }
}
