//! Who is in the team on a given day: start, end ("uit dienst per") and long leave. A member
//! who left stays in `team.members`, so every name in the history still resolves; the norm,
//! the pickers and the verdeling use [`Team::active_members`].

use chrono::NaiveDate;

use super::team::{Member, MemberId, Team};

impl Member {
    /// Works in the team on `on`: started, not yet gone, not on leave.
    pub fn is_active_on(&self, on: NaiveDate) -> bool {
        self.start.is_none_or(|s| s <= on) && self.end.is_none_or(|e| on < e) && !self.on_leave(on)
    }

    /// On long leave on `on`.
    pub fn on_leave(&self, on: NaiveDate) -> bool {
        self.leave
            .iter()
            .any(|l| l.from <= on && l.until.is_none_or(|u| on <= u))
    }

    /// Gone, or on leave, at some day from `on` to `until` (inclusive): their work must be
    /// handed over before then.
    pub fn leaves_by(&self, on: NaiveDate, until: NaiveDate) -> bool {
        self.end.is_some_and(|e| e <= until)
            || self
                .leave
                .iter()
                .any(|l| l.from <= until && l.until.is_none_or(|u| on <= u))
    }
}

impl Team {
    /// The members working in the team on `on`, in file order.
    pub fn active_members(&self, on: NaiveDate) -> impl Iterator<Item = &Member> {
        self.members.iter().filter(move |m| m.is_active_on(on))
    }

    /// Is `id` a member working in the team on `on`?
    pub fn is_active(&self, id: &str, on: NaiveDate) -> bool {
        self.member(id).is_some_and(|m| m.is_active_on(on))
    }

    /// A new stable id for a member called `name`: the first letter of the first name and the
    /// last word, folded to ASCII lowercase ("Rıza Yılmaz" → "ryilmaz"), with a number added
    /// when the team already has that id ("ryilmaz2"). Ids are never reused, also not those of
    /// members who left.
    pub fn new_member_id(&self, name: &str) -> MemberId {
        let words: Vec<String> = name
            .split_whitespace()
            .map(|w| {
                crate::search::fold_str(w)
                    .chars()
                    .filter(char::is_ascii_alphanumeric)
                    .collect::<String>()
            })
            .filter(|w| !w.is_empty())
            .collect();
        let base = match words.as_slice() {
            [] => "lid".to_string(),
            [one] => one.clone(),
            [first, .., last] => format!("{}{last}", &first[..1]),
        };
        if self.member(&base).is_none() {
            return base;
        }
        (2..)
            .map(|n| format!("{base}{n}"))
            .find(|id| self.member(id).is_none())
            .unwrap_or(base)
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::Leave;
    use crate::session::fixture::{d, team};

    #[test]
    fn a_leaver_is_active_until_the_day_before_the_end_date() {
        let mut t = team();
        t.members[1].end = Some(d(2026, 12, 1));
        t.members[2].leave.push(Leave {
            from: d(2026, 11, 16),
            until: Some(d(2027, 2, 28)),
        });
        t.members[3].start = Some(d(2026, 12, 1));
        let ids = |on| {
            t.active_members(on)
                .map(|m| m.id.as_str())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(d(2026, 11, 1)), ["aozdemir", "jdevries", "sbakker"]);
        assert_eq!(ids(d(2026, 11, 30)), ["aozdemir", "jdevries"]);
        assert_eq!(ids(d(2026, 12, 1)), ["aozdemir", "wnguyen"]);
        assert_eq!(ids(d(2027, 3, 1)), ["aozdemir", "sbakker", "wnguyen"]);
        assert!(t.members[1].leaves_by(d(2026, 11, 23), d(2026, 12, 1)));
        assert!(!t.members[1].leaves_by(d(2026, 11, 23), d(2026, 11, 30)));
        assert!(t.members[2].leaves_by(d(2026, 11, 1), d(2026, 11, 20)));
    }

    #[test]
    fn new_ids_come_from_the_name_and_never_clash() {
        let t = team();
        assert_eq!(t.new_member_id("Rıza Yılmaz"), "ryilmaz");
        assert_eq!(t.new_member_id("Jan de Vries"), "jvries");
        assert_eq!(t.new_member_id("Ayşe Özdemir"), "aozdemir2");
        assert_eq!(t.new_member_id("  "), "lid");
        assert_eq!(t.new_member_id("Eén"), "een");
    }
}
