//! Checks of `team.ron`: version, unique member ids, fte range, a rhythm that can happen.

use std::collections::HashMap;
use std::path::Path;

use chrono::Datelike;

use crate::domain::Team;

use super::{Finding, Sink};
use crate::storage::locate::Anchor;
use crate::storage::problem::ProblemKind;

/// Largest fte accepted: a full-time job plus overtime.
const MAX_FTE: f32 = 1.5;

/// Checks one team file.
pub(crate) fn check_team(team: &Team, path: &Path, out: &mut Vec<Finding>) {
    let mut sink = Sink::new(path, out);
    sink.version(team.version);
    let mut ids: HashMap<&str, usize> = HashMap::with_capacity(team.members.len());
    for (index, member) in team.members.iter().enumerate() {
        let seen = ids.entry(member.id.as_str()).or_insert(0);
        if *seen > 0 {
            // Point at this (later) occurrence, not the first one.
            sink.at(
                Anchor::Str {
                    field: "id",
                    value: member.id.clone(),
                    nth: *seen,
                },
                ProblemKind::DuplicateMemberId {
                    id: member.id.clone(),
                },
            );
        }
        *seen += 1;
        if !(0.0..=MAX_FTE).contains(&member.fte) {
            sink.at(
                Anchor::FieldNth {
                    field: "fte",
                    nth: index,
                },
                ProblemKind::FteOutOfRange {
                    member: member.id.clone(),
                    fte: member.fte,
                },
            );
        }
    }
    let rhythm = &team.rhythm;
    if rhythm.anchor.weekday() != rhythm.weekday.to_chrono() {
        sink.at(
            Anchor::FieldNth {
                field: "anchor",
                nth: 0,
            },
            ProblemKind::AnchorNotOnWeekday {
                anchor: rhythm.anchor,
                weekday: rhythm.weekday,
            },
        );
    }
    if rhythm.interval_weeks == 0 {
        sink.at(
            Anchor::FieldNth {
                field: "interval_weeks",
                nth: 0,
            },
            ProblemKind::IntervalZero,
        );
    }
}
