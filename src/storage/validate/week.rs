//! Checks of what the team's week adds to a meeting file: the verdeling and herverdeling
//! records name team members and cases that exist, and a review's new actiehouder is a member.

use std::collections::HashSet;

use crate::domain::{ActionReview, AgendaItem, VerdelingResult};
use crate::storage::problem::ProblemKind;

use super::{Members, Sink, check_member};

/// The members and cases named by one agenda item's verdeling, herverdeling and case changes.
pub(crate) fn check_item_records(
    sink: &mut Sink<'_>,
    members: &Members<'_>,
    cases: &HashSet<&str>,
    item: &AgendaItem,
) {
    let case = |sink: &mut Sink<'_>, code: &str| {
        if !cases.contains(code) {
            sink.string(
                "case",
                code,
                ProblemKind::UnknownCase {
                    code: code.to_string(),
                },
            );
        }
    };
    for o in &item.verdeling {
        case(sink, &o.case);
        if let VerdelingResult::Toegewezen { to, .. } = &o.result {
            check_member(sink, members, "to", to);
        }
    }
    if let Some(h) = &item.herverdeling {
        for l in &h.leavers {
            check_member(sink, members, "leavers", l);
        }
        for x in &h.households {
            case(sink, &x.case);
            check_member(sink, members, "from", &x.from);
            for id in x.proposed.iter().chain(&x.to) {
                check_member(sink, members, "to", id);
            }
        }
        for x in &h.actions {
            check_member(sink, members, "from", &x.from);
            for id in x.proposed.iter().chain(&x.to) {
                check_member(sink, members, "to", id);
            }
        }
    }
    for r in &item.case_changes {
        case(sink, &r.case);
    }
}

/// A review's new actiehouder must be a member.
pub(crate) fn check_review(sink: &mut Sink<'_>, members: &Members<'_>, review: &ActionReview) {
    if let Some(id) = &review.new_owner {
        check_member(sink, members, "new_owner", id);
    }
}
