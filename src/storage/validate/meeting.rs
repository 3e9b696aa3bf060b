//! Checks of meeting files: file name and team, members, guests and cases named, due dates,
//! and the continuous decision and action numbers across a team's meetings.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::domain::{ItemKind, Meeting, RegieOutcome, ReviewOutcome};

use super::case::check_regisseur;
use super::{Finding, Members, Sink, check_member, date_name, stem};
use crate::storage::locate::Anchor;
use crate::storage::problem::ProblemKind;

/// Checks one meeting on its own (numbers across meetings: [`check_meeting_numbers`]).
pub(crate) fn check_meeting(
    meeting: &Meeting,
    path: &Path,
    team_id: Option<&str>,
    members: &Members<'_>,
    cases: &HashSet<&str>,
    sink: &mut Sink<'_>,
) {
    sink.version(meeting.version);
    let minutes = f64::from(meeting.duration_minutes);
    sink.number(
        "duration_minutes",
        0,
        minutes,
        super::team::DURATION_MINUTES,
    );
    for (i, item) in meeting.agenda.iter().enumerate() {
        let range = super::Range {
            min: 0.0,
            max: 1440.0,
            min_excluded: false,
        };
        sink.number(
            "time_box_minutes",
            i,
            f64::from(item.time_box_minutes),
            range,
        );
    }
    if let Some(id) = team_id
        && meeting.team != id
    {
        sink.at(
            Anchor::TopField("team"),
            ProblemKind::MeetingTeamMismatch {
                found: meeting.team.clone(),
                expected: id.to_string(),
            },
        );
    }
    if stem(path) != date_name(meeting.date) {
        sink.at(
            Anchor::TopField("date"),
            ProblemKind::MeetingFileName {
                date: meeting.date,
                file: path
                    .file_name()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
            },
        );
    }
    if let Some(id) = &meeting.voorzitter {
        check_member(sink, members, "voorzitter", id);
    }
    if let Some(id) = &meeting.notulist {
        check_member(sink, members, "notulist", id);
    }
    for a in &meeting.attendance {
        check_member(sink, members, "member", &a.member);
    }
    for review in &meeting.action_reviews {
        super::week::check_review(sink, members, review);
        if let ReviewOutcome::Doorgeschoven(due) = review.outcome {
            due_check(sink, "outcome", &review.action, due, meeting.date);
        }
    }
    let guests: HashSet<&str> = meeting.guests.iter().map(|g| g.name.as_str()).collect();
    for item in &meeting.agenda {
        super::week::check_item_records(sink, members, cases, item);
        if let ItemKind::Casus(d) = &item.kind {
            check_case_code(sink, cases, &d.case);
            check_member(sink, members, "inbrenger", &d.inbrenger);
            for advice in &d.advice {
                check_person(sink, members, &guests, &advice.by);
            }
            match &d.regie {
                Some(RegieOutcome::Behouden(r)) => check_regisseur(sink, members, "regie", Some(r)),
                Some(RegieOutcome::Overgedragen(h)) => {
                    check_regisseur(sink, members, "from", h.from.as_ref());
                    check_regisseur(sink, members, "to", Some(&h.to));
                }
                None => {}
            }
        }
        for decision in &item.decisions {
            check_member(sink, members, "decided_by", &decision.decided_by);
            for dissent in &decision.dissent {
                check_person(sink, members, &guests, &dissent.by);
            }
        }
        for action in &item.actions {
            check_member(sink, members, "owner", &action.owner);
            due_check(sink, "due", &action.number, action.due, meeting.date);
            if let Some(code) = &action.case {
                check_case_code(sink, cases, code);
            }
        }
    }
}

fn check_case_code(sink: &mut Sink<'_>, cases: &HashSet<&str>, code: &str) {
    if !cases.contains(code) {
        sink.string(
            "case",
            code,
            ProblemKind::UnknownCase {
                code: code.to_string(),
            },
        );
    }
}

/// `by` of advice and dissent: a member id, or the name of a guest of this meeting.
fn check_person(sink: &mut Sink<'_>, members: &Members<'_>, guests: &HashSet<&str>, by: &str) {
    if let Some(set) = members
        && !set.contains(by)
        && !guests.contains(by)
    {
        sink.string(
            "by",
            by,
            ProblemKind::UnknownPerson {
                field: "by",
                name: by.to_string(),
            },
        );
    }
}

fn due_check(
    sink: &mut Sink<'_>,
    field: &'static str,
    action: &str,
    due: NaiveDate,
    meeting: NaiveDate,
) {
    if due < meeting {
        sink.string(
            field,
            &due.format("%Y-%m-%d").to_string(),
            ProblemKind::DueBeforeMeeting {
                action: action.to_string(),
                due,
                meeting,
            },
        );
    }
}

/// Decision and action numbers are unique within a team; a review names an action agreed in an
/// earlier meeting. `meetings` must be sorted by date.
pub(crate) fn check_meeting_numbers(meetings: &[(PathBuf, Meeting)], out: &mut Vec<Finding>) {
    let mut decisions: HashMap<&str, &Path> = HashMap::new();
    let mut actions: HashMap<&str, &Path> = HashMap::new();
    for (path, meeting) in meetings {
        let mut sink = Sink::new(path, out);
        for review in &meeting.action_reviews {
            if !actions.contains_key(review.action.as_str()) {
                sink.string(
                    "action",
                    &review.action,
                    ProblemKind::UnknownReviewedAction {
                        number: review.action.clone(),
                    },
                );
            }
        }
        let mut local: HashMap<&str, usize> = HashMap::new();
        for decision in meeting.decisions() {
            let n = decision.number.as_str();
            let nth = bump(&mut local, n);
            if let Some(other) = decisions.insert(n, path) {
                sink.at(
                    number_anchor(n, nth),
                    ProblemKind::DuplicateDecisionNumber {
                        number: n.to_string(),
                        other: other.to_path_buf(),
                    },
                );
                decisions.insert(n, other);
            }
        }
        for action in meeting.actions() {
            let n = action.number.as_str();
            let nth = bump(&mut local, n);
            if let Some(other) = actions.insert(n, path) {
                sink.at(
                    number_anchor(n, nth),
                    ProblemKind::DuplicateActionNumber {
                        number: n.to_string(),
                        other: other.to_path_buf(),
                    },
                );
                actions.insert(n, other);
            }
        }
    }
}

fn bump<'a>(counts: &mut HashMap<&'a str, usize>, key: &'a str) -> usize {
    let c = counts.entry(key).or_insert(0);
    let nth = *c;
    *c += 1;
    nth
}

fn number_anchor(number: &str, nth: usize) -> Anchor {
    Anchor::Str {
        field: "number",
        value: number.to_string(),
        nth,
    }
}
