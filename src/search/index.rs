//! The search index: one entry per case, member, decision and action of every team, each with
//! its display text folded once for matching.
//!
//! Household member names go in only where the household consented to being discussed by
//! name; names without consent are never indexed.

use std::sync::atomic::{AtomicU64, Ordering as AtomicOrdering};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::fold::{Folded, fold};
use crate::domain::{Case, ItemKind, Meeting, Team, TeamData, Workspace};

/// What a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Case,
    Member,
    Decision,
    Action,
}

/// Where a hit lives, so the interface can jump to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// Index into `Workspace::teams`.
    pub team: u32,
    /// The case the hit is about, if any: the case card to open.
    pub case: Option<Box<str>>,
    /// The member, for member hits.
    pub member: Option<Box<str>>,
    /// The meeting where a decision was taken or an action agreed.
    pub meeting: Option<NaiveDate>,
}

/// One searchable line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Entry {
    pub kind: HitKind,
    pub location: Location,
    /// The display text, as shown to the user.
    pub text: Box<str>,
    pub folded: Folded,
    /// End (in bytes of `folded.text`) of the part that names the thing itself: a household's
    /// code, pseudonym and consented names, a member's name, a decision's or action's number
    /// and text — not the coach or owner after it. A match there ranks higher.
    pub key_end: usize,
    /// Which bytes occur in `folded.text` ([`letters`]): a line lacking one of the query's
    /// cannot match, found with one AND instead of a scan.
    pub letters: u64,
}

/// A 64-bit set of the bytes in `s`: one bit per letter and digit, the other bytes (spaces,
/// punctuation, the bytes of a non-ASCII character) share the remaining bits. If `s` holds
/// every byte of a query, `letters(s)` holds every bit of `letters(query)`; the converse
/// need not hold, so the set only ever rules a line out.
pub(crate) fn letters(s: &str) -> u64 {
    s.bytes().fold(0, |set, b| {
        let bit = match b {
            b'a'..=b'z' => b - b'a',
            b'0'..=b'9' => 26 + (b - b'0'),
            other => 36 + other % 28,
        };
        set | (1u64 << bit)
    })
}

impl Entry {
    /// `key_len`: length in bytes of the key part at the start of `text`.
    fn new(kind: HitKind, location: Location, text: String, key_len: usize) -> Entry {
        let folded = fold(&text);
        let key_end = text
            .get(..key_len)
            .map_or(folded.text.len(), |key| fold(key).text.len())
            .min(folded.text.len());
        let letters = letters(&folded.text);
        Entry {
            kind,
            location,
            text: text.into_boxed_str(),
            folded,
            key_end,
            letters,
        }
    }

    /// The folded key part (see `key_end`).
    pub fn folded_key(&self) -> &str {
        self.folded
            .text
            .get(..self.key_end)
            .unwrap_or(&self.folded.text)
    }
}

/// One team's entries with what `overleg zoek` says of the team, as kept on disk beside the
/// parse cache (`storage::derived`): derived from the team's files, used only while
/// none of them changed, never for writing. Team index 0 inside; [`SearchIndex::from_parts`]
/// numbers the teams.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamPart {
    pub id: Box<str>,
    pub name: Box<str>,
    /// Number of cases of the team.
    pub cases: usize,
    /// The case codes as `storage::derived::code_hashes`, to find a code in two teams.
    pub code_hashes: Vec<u64>,
    entries: Vec<Entry>,
}

impl TeamPart {
    /// The part as bytes, to persist.
    pub fn encode(&self) -> Option<Vec<u8>> {
        postcard::to_allocvec(self).ok()
    }

    /// A part from bytes [`TeamPart::encode`] wrote (the caller checks build and content).
    pub fn decode(bytes: &[u8]) -> Option<TeamPart> {
        postcard::from_bytes(bytes).ok()
    }
}

/// Separator between the fields of a display line.
pub const SEP: &str = " · ";

/// The display line of a case: code, pseudonym, consented names, coach, leefgebieden.
pub fn case_line(case: &Case, team: &Team) -> String {
    case_line_with_key(case, team).0
}

/// The display line of a case and the length of its household part (code, pseudonym, names).
fn case_line_with_key(case: &Case, team: &Team) -> (String, usize) {
    let mut s = format!("{} {}", case.code, case.pseudonym);
    let names: Vec<&str> = case.consented_names().collect();
    if !names.is_empty() {
        s.push_str(SEP);
        s.push_str(&names.join(", "));
    }
    let key_len = s.len();
    if let Some(coach) = &case.coach {
        s.push_str(SEP);
        s.push_str(team.member_name(coach));
    }
    if !case.leefgebieden.is_empty() {
        s.push_str(SEP);
        let labels: Vec<&str> = case.leefgebieden.iter().map(|l| l.label()).collect();
        s.push_str(&labels.join(", "));
    }
    (s, key_len)
}

fn team_entries(ti: u32, td: &TeamData) -> Vec<Entry> {
    let team = &td.team;
    let mut out = Vec::with_capacity(td.cases.len() + team.members.len());
    let loc = |case, member, meeting| location(ti, case, member, meeting);
    for m in &team.members {
        let roles: Vec<&str> = m.roles.iter().map(|r| r.label()).collect();
        let mut text = format!("{}{SEP}{}", m.name, roles.join(", "));
        if !m.expertise.is_empty() {
            text.push_str(SEP);
            text.push_str(&m.expertise.join(", "));
        }
        out.push(Entry::new(
            HitKind::Member,
            loc(None, Some(&m.id), None),
            text,
            m.name.len(),
        ));
    }
    for c in &td.cases {
        let (text, key_len) = case_line_with_key(c, team);
        out.push(Entry::new(
            HitKind::Case,
            loc(Some(&c.code), None, None),
            text,
            key_len,
        ));
    }
    for meeting in &td.meetings {
        meeting_entries(ti, meeting, team, &mut out);
    }
    out
}

fn location(
    team: u32,
    case: Option<&str>,
    member: Option<&str>,
    meeting: Option<NaiveDate>,
) -> Location {
    Location {
        team,
        case: case.map(Into::into),
        member: member.map(Into::into),
        meeting,
    }
}

fn meeting_entries(ti: u32, meeting: &Meeting, team: &Team, out: &mut Vec<Entry>) {
    let loc = |case, member, meeting| location(ti, case, member, meeting);
    for item in &meeting.agenda {
        let item_case = match &item.kind {
            ItemKind::Casus(d) => Some(d.case.as_str()),
            _ => None,
        };
        for d in &item.decisions {
            let key_len = d.number.len() + 1 + d.text.len();
            let text = format!(
                "{} {}{SEP}{}",
                d.number,
                d.text,
                team.member_name(&d.decided_by)
            );
            out.push(Entry::new(
                HitKind::Decision,
                loc(item_case, None, Some(meeting.date)),
                text,
                key_len,
            ));
        }
        for a in &item.actions {
            let case = a.case.as_deref().or(item_case);
            let key_len = a.number.len() + 1 + a.text.len();
            let text = format!("{} {}{SEP}{}", a.number, a.text, team.member_name(&a.owner));
            out.push(Entry::new(
                HitKind::Action,
                loc(case, None, Some(meeting.date)),
                text,
                key_len,
            ));
        }
    }
}

static NEXT_GENERATION: AtomicU64 = AtomicU64::new(1);

/// A search index over a whole workspace; build it once, query it on every keystroke.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    pub(crate) entries: Vec<Entry>,
    /// Display names of the teams, by team index.
    pub(crate) team_names: Vec<Box<str>>,
    /// Ids of the teams, by team index.
    pub(crate) team_ids: Vec<Box<str>>,
    /// Unique per build, so a [`super::Searcher`] never narrows over another index.
    pub(crate) generation: u64,
}

impl SearchIndex {
    /// Builds the index, teams in parallel.
    pub fn build(ws: &Workspace) -> SearchIndex {
        let per_team: Vec<Vec<Entry>> = ws
            .teams
            .par_iter()
            .enumerate()
            .map(|(i, td)| team_entries(u32::try_from(i).unwrap_or(u32::MAX), td))
            .collect();
        let mut entries = Vec::with_capacity(per_team.iter().map(Vec::len).sum());
        for v in per_team {
            entries.extend(v);
        }
        SearchIndex {
            entries,
            team_names: ws
                .teams
                .iter()
                .map(|t| t.team.name.as_str().into())
                .collect(),
            team_ids: ws.teams.iter().map(|t| t.team.id.as_str().into()).collect(),
            generation: NEXT_GENERATION.fetch_add(1, AtomicOrdering::Relaxed),
        }
    }

    /// One team's part of the index, to persist (see [`TeamPart`]).
    pub fn team_part(td: &TeamData) -> TeamPart {
        TeamPart {
            id: td.team.id.as_str().into(),
            name: td.team.name.as_str().into(),
            cases: td.cases.len(),
            code_hashes: crate::storage::derived::code_hashes(
                td.cases.iter().map(|c| c.code.as_str()),
            ),
            entries: team_entries(0, td),
        }
    }

    /// The index of the teams whose parts these are, in this order.
    pub fn from_parts(parts: Vec<TeamPart>) -> SearchIndex {
        let mut entries = Vec::with_capacity(parts.iter().map(|p| p.entries.len()).sum());
        let mut team_names = Vec::with_capacity(parts.len());
        let mut team_ids = Vec::with_capacity(parts.len());
        for (i, part) in parts.into_iter().enumerate() {
            let team = u32::try_from(i).unwrap_or(u32::MAX);
            entries.extend(part.entries.into_iter().map(|mut e| {
                e.location.team = team;
                e
            }));
            team_names.push(part.name);
            team_ids.push(part.id);
        }
        SearchIndex {
            entries,
            team_names,
            team_ids,
            generation: NEXT_GENERATION.fetch_add(1, AtomicOrdering::Relaxed),
        }
    }

    /// Number of searchable entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Is the index empty?
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The display text of every entry, in index order: the strings a search matches against
    /// (each folded once for matching, see [`super::fold`]). For feeding the same lines to
    /// another matcher (`examples/indexed_lines.rs`, `scripts/bench-vs.sh`).
    pub fn lines(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| &*e.text)
    }

    /// Number of teams indexed.
    pub fn team_count(&self) -> usize {
        self.team_names.len()
    }

    /// Display name of a team by index.
    pub fn team_name(&self, team: u32) -> &str {
        self.team_names.get(team as usize).map_or("", |s| s)
    }

    /// Id of a team by index.
    pub fn team_id(&self, team: u32) -> &str {
        self.team_ids.get(team as usize).map_or("", |s| s)
    }
}
