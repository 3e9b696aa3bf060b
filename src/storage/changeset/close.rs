//! The change set of closing a meeting, built from plain data: what the session's
//! `close_meeting` produced and the minutes rendered from it.

use std::path::{Path, PathBuf};

use super::{ChangeKind, ChangeSet, Expect, Part};
use crate::domain::{Case, Meeting, TeamData};
use crate::storage::guard::Seen;
use crate::storage::{case_path, meeting_path, to_ron};

/// A rendered minutes file to write with the close (e.g. `minutes/<date>-notulen.md`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinutesFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// The change set of a close: every changed case file (expected as `seen` last saw it), the
/// minutes (replacing whatever is there: they are derived), and last the meeting file in its
/// closed state (expected as last seen). `team` gives the folder; `closed` is the meeting
/// after `crate::session::close_meeting`, `changed_cases` what that returned.
pub fn close_change_set(
    team: &TeamData,
    seen: &Seen,
    closed: &Meeting,
    changed_cases: &[Case],
    minutes: Vec<MinutesFile>,
) -> Result<ChangeSet, ron::Error> {
    let dir = team.dir.as_path();
    let expect = |path: &Path| match seen.get(path) {
        Some(fp) => Expect::Exactly(fp),
        None => Expect::Absent,
    };
    let mut parts = Vec::with_capacity(changed_cases.len() + minutes.len() + 1);
    for case in changed_cases {
        let path = case_path(dir, &case.code);
        parts.push(Part {
            expect: expect(&path),
            bytes: to_ron(case)?.into_bytes(),
            path,
            last: false,
        });
    }
    for m in minutes {
        parts.push(Part {
            path: m.path,
            expect: Expect::Anything,
            bytes: m.bytes,
            last: false,
        });
    }
    let path = meeting_path(dir, closed.date);
    parts.push(Part {
        expect: expect(&path),
        bytes: to_ron(closed)?.into_bytes(),
        path,
        last: true,
    });
    Ok(ChangeSet {
        kind: ChangeKind::Close(closed.date),
        parts,
    })
}
