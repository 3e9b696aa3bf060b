//! Checks of `team.ron`: version, unique member ids, fte range, a rhythm that can happen.

use std::collections::HashMap;
use std::path::Path;

use chrono::Datelike;

use crate::domain::Team;

use super::{Finding, Range, Sink};
use crate::storage::locate::Anchor;
use crate::storage::problem::ProblemKind;

/// Largest fte accepted: a full-time job plus overtime. An fte of 0 is refused too: the
/// caseload divides by the norm times the fte.
const MAX_FTE: f32 = 1.5;

/// Every how many weeks a team can meet: weekly up to once a year.
pub(crate) const INTERVAL_WEEKS: Range = Range {
    min: 1.0,
    max: 52.0,
    min_excluded: false,
};
/// A meeting lasts at least a minute and at most a day.
pub(crate) const DURATION_MINUTES: Range = Range {
    min: 1.0,
    max: 1440.0,
    min_excluded: false,
};
/// Households per full-time job: above 0 (the caseload divides by it), at most 1000.
const CASES_PER_FTE: Range = Range {
    min: 0.0,
    max: 1000.0,
    min_excluded: true,
};
/// A complexity weight: 0 (not counted) up to 100.
const WEIGHT: Range = Range {
    min: 0.0,
    max: 100.0,
    min_excluded: false,
};

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
        if !(member.fte.is_finite() && member.fte > 0.0 && member.fte <= MAX_FTE) {
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
    } else {
        let weeks = f64::from(rhythm.interval_weeks);
        sink.number("interval_weeks", 0, weeks, INTERVAL_WEEKS);
    }
    let minutes = f64::from(rhythm.duration_minutes);
    sink.number("duration_minutes", 0, minutes, DURATION_MINUTES);
    let norm = &team.caseload_norm;
    sink.number(
        "cases_per_fte",
        0,
        f64::from(norm.cases_per_fte),
        CASES_PER_FTE,
    );
    for (field, w) in [
        ("weight_licht", norm.weight_licht),
        ("weight_midden", norm.weight_midden),
        ("weight_zwaar", norm.weight_zwaar),
    ] {
        sink.number(field, 0, f64::from(w), WEIGHT);
    }
}
