//! A plain Markdown rendering of the minutes, written when a meeting closes. Kept in one
//! function so the real `minutes` module can replace it at the `WriteMinutes` effect.

use std::fmt::Write;

use crate::domain::{
    ActionLedger, CheckAnswer, ItemKind, Meeting, RegieOutcome, ReviewOutcome, TeamData,
};
use crate::i18n::Lang;
use crate::i18n::tui::{check_question, regisseur_label};

fn date(d: chrono::NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// The minutes of `meeting` as Markdown (case codes and pseudonyms only).
pub fn render(team: &TeamData, meeting: &Meeting, lang: Lang) -> String {
    let t = &team.team;
    let name = |id: &str| t.member_name(id).to_string();
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# {} {} — {}\n",
        lang.pick("Verslag casuïstiekoverleg", "Minutes of the case meeting"),
        t.name,
        date(meeting.date)
    );
    let _ = writeln!(
        o,
        "*{}* · {} · {}\n",
        lang.pick("Concept", "Draft"),
        meeting.place,
        meeting.start.format("%H:%M")
    );
    let _ = writeln!(o, "## {}\n", lang.pick("Aanwezigheid", "Attendance"));
    if let Some(v) = &meeting.voorzitter {
        let _ = writeln!(o, "- {}: {}", lang.pick("Voorzitter", "Chair"), name(v));
    }
    if let Some(v) = &meeting.notulist {
        let _ = writeln!(
            o,
            "- {}: {}",
            lang.pick("Notulist", "Minute taker"),
            name(v)
        );
    }
    for a in &meeting.attendance {
        let _ = writeln!(o, "- {}: {}", name(&a.member), a.presence.label());
    }
    for g in &meeting.guests {
        let _ = writeln!(
            o,
            "- {} ({}): {}",
            g.name,
            g.role,
            lang.pick("gast", "guest")
        );
    }
    if let Some(p) = &meeting.previous_minutes {
        let _ = writeln!(
            o,
            "\n## {}\n\n{} {}: {}{}",
            lang.pick("Vorig verslag", "Previous minutes"),
            lang.pick("Verslag van", "Minutes of"),
            date(p.date),
            if p.adopted {
                lang.pick("vastgesteld", "adopted")
            } else {
                lang.pick("niet vastgesteld", "not adopted")
            },
            if p.remarks.is_empty() {
                String::new()
            } else {
                format!(" — {}", p.remarks)
            }
        );
    }
    if !meeting.action_reviews.is_empty() {
        let _ = writeln!(o, "\n## {}\n", lang.pick("Actiepunten", "Open actions"));
        let ledger = ActionLedger::from_meetings(team.meetings.iter(), Some(meeting.date));
        for r in &meeting.action_reviews {
            let text = ledger
                .get(&r.action)
                .map(|a| a.item.text.as_str())
                .unwrap_or("");
            let outcome = match &r.outcome {
                ReviewOutcome::Gedaan => lang.pick("gedaan", "done").to_string(),
                ReviewOutcome::Vervallen => lang.pick("vervallen", "dropped").to_string(),
                ReviewOutcome::Doorgeschoven(d) => {
                    format!(
                        "{} {}",
                        lang.pick("doorgeschoven naar", "postponed to"),
                        date(*d)
                    )
                }
            };
            let _ = writeln!(o, "- {} {text}: {outcome}", r.action);
        }
    }
    let _ = writeln!(o, "\n## {}\n", lang.pick("Agenda", "Agenda"));
    for (i, item) in meeting.agenda.iter().enumerate() {
        let _ = writeln!(o, "### {}. {}\n", i + 1, item.title);
        if let ItemKind::Casus(d) = &item.kind {
            let pseudo = team
                .case(&d.case)
                .map(|c| c.pseudonym.as_str())
                .unwrap_or("");
            let _ = writeln!(o, "- {}: {} {pseudo}", lang.pick("Casus", "Case"), d.case);
            let _ = writeln!(
                o,
                "- {}: {}",
                lang.pick("Inbrenger", "Brought in by"),
                name(&d.inbrenger)
            );
            let _ = writeln!(o, "- {}: {}", lang.pick("Vraag", "Question"), d.question);
            if !d.clarifying_notes.is_empty() {
                let _ = writeln!(
                    o,
                    "- {}: {}",
                    lang.pick("Verdiepende vragen", "Clarifying questions"),
                    d.clarifying_notes
                );
            }
            for a in &d.advice {
                let _ = writeln!(
                    o,
                    "- {} ({}): {}",
                    lang.pick("Advies", "Advice"),
                    name(&a.by),
                    a.text
                );
            }
            match &d.regie {
                Some(RegieOutcome::Behouden(r)) => {
                    let _ = writeln!(
                        o,
                        "- Regie: {} ({})",
                        regisseur_label(r, t, lang),
                        lang.pick("blijft", "stays")
                    );
                }
                Some(RegieOutcome::Overgedragen(h)) => {
                    let _ = writeln!(
                        o,
                        "- Regie: → {} ({})",
                        regisseur_label(&h.to, t, lang),
                        h.reason
                    );
                }
                None => {}
            }
            if let Some(c) = &d.regie_check {
                if let Some(r) = &c.skipped {
                    let _ = writeln!(
                        o,
                        "- {}: {r}",
                        lang.pick("Regiecheck overgeslagen", "Regie check skipped")
                    );
                }
                for a in &c.answers {
                    let ans = match &a.answer {
                        CheckAnswer::Ja => lang.pick("ja", "yes").to_string(),
                        CheckAnswer::Nee => lang.pick("nee", "no").to_string(),
                        CheckAnswer::NietVanToepassing => "n.v.t.".to_string(),
                        CheckAnswer::Overgeslagen(r) => {
                            format!("{} ({r})", lang.pick("overgeslagen", "skipped"))
                        }
                    };
                    let _ = writeln!(o, "- {} {ans}", check_question(a.point, lang));
                }
            }
            if let Some(e) = d.next_evaluation {
                let _ = writeln!(
                    o,
                    "- {}: {}",
                    lang.pick("Volgende evaluatie", "Next evaluation"),
                    date(e)
                );
            }
            if let Some(l) = &d.lesson {
                let _ = writeln!(o, "- {}: {l}", lang.pick("Les", "Lesson"));
            }
        }
        if !item.notes.is_empty() {
            let _ = writeln!(o, "\n{}", item.notes);
        }
        let _ = writeln!(o);
    }
    let _ = writeln!(o, "## {}\n", lang.pick("Besluitenlijst", "Decisions"));
    for d in meeting.decisions() {
        let _ = write!(
            o,
            "- **{}** {} — {} {}",
            d.number,
            d.text,
            lang.pick("besloten door", "decided by"),
            name(&d.decided_by)
        );
        if !d.grounds.is_empty() {
            let _ = write!(o, "; {}: {}", lang.pick("grond", "grounds"), d.grounds);
        }
        for x in &d.dissent {
            let _ = write!(
                o,
                "; {} {}: {}",
                lang.pick("afwijkend", "dissent"),
                name(&x.by),
                x.note
            );
        }
        let _ = writeln!(o);
    }
    let _ = writeln!(o, "\n## {}\n", lang.pick("Actielijst", "Actions"));
    for a in meeting.actions() {
        let _ = writeln!(
            o,
            "- **{}** {} — {}, {}",
            a.number,
            a.text,
            name(&a.owner),
            date(a.due)
        );
    }
    if let Some(n) = meeting.next_meeting {
        let _ = writeln!(
            o,
            "\n{}: {}",
            lang.pick("Volgend overleg", "Next meeting"),
            date(n)
        );
    }
    o
}
