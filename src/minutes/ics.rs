//! An iCalendar (.ics) invitation for the next meeting (RFC 5545), with the
//! Europe/Amsterdam time zone included so every calendar shows the right local time.

use chrono::Duration;

use crate::domain::{Meeting, TeamData};
use crate::i18n::minutes::Texts;

use super::build::next_meeting_date;

const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n\
BEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\n\
DTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n\
BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n\
DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// The invitation for the meeting after `meeting`, or `None` when no date is known.
pub(crate) fn invitation(team: &TeamData, meeting: &Meeting, t: &Texts) -> Option<String> {
    let day = next_meeting_date(team, meeting)?;
    let r = &team.team.rhythm;
    let start = day.and_time(r.start);
    let end = start + Duration::minutes(i64::from(r.duration_minutes));
    let place = if r.place.trim().is_empty() {
        meeting.place.trim()
    } else {
        r.place.trim()
    };
    let fmt = "%Y%m%dT%H%M%S";
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//overleg//notulen//NL".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
    ];
    let mut out = lines.join("\r\n");
    out.push_str("\r\n");
    out.push_str(VTIMEZONE);
    lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!(
            "UID:overleg-{}-{}@overleg",
            text(&team.team.id),
            day.format("%Y%m%d")
        ),
        // Stamped with the date of the meeting that planned it, so the file is reproducible.
        format!("DTSTAMP:{}T000000Z", meeting.date.format("%Y%m%d")),
        format!("DTSTART;TZID=Europe/Amsterdam:{}", start.format(fmt)),
        format!("DTEND;TZID=Europe/Amsterdam:{}", end.format(fmt)),
        format!(
            "SUMMARY:{}",
            text(&format!("{} {}", t.invitation_summary, team.team.name))
        ),
    ];
    if !place.is_empty() {
        lines.push(format!("LOCATION:{}", text(place)));
    }
    lines.push("END:VEVENT".to_string());
    lines.push("END:VCALENDAR".to_string());
    for l in lines {
        out.push_str(&fold(&l));
        out.push_str("\r\n");
    }
    Some(out)
}

/// Escapes a TEXT value.
fn text(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets without splitting a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut len = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if len + n > 75 {
            out.push_str("\r\n ");
            len = 1;
        }
        out.push(c);
        len += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_keeps_lines_short_and_characters_whole() {
        let long = format!("SUMMARY:{}", "Özdemir ".repeat(20));
        let folded = fold(&long);
        for l in folded.split("\r\n") {
            assert!(l.len() <= 75, "{l}");
        }
        assert_eq!(folded.replace("\r\n ", ""), long);
    }

    #[test]
    fn text_escapes_separators() {
        assert_eq!(text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }
}
