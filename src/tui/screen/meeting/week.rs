//! The rows of the team's week in the meeting pane: the facts of the case before the chair,
//! a household on the verdeellijst with who could take it and why, a line of a herverdeling
//! with its proposal.

use ratatui::text::{Line, Span};

use super::ItemRow;
use crate::domain::{Kader, Meeting, TeamData, VerdelingResult};
use crate::i18n::pane::Pane;
use crate::i18n::week::reasons;
use crate::session::{self, HandOverRef};
use crate::tui::app::App;
use crate::tui::widgets::{ellipsize, fmt_date, wrap};

/// The lines of a week row, or `None` for another kind of row.
pub(super) fn lines<'a>(
    app: &App,
    team: &TeamData,
    m: &Meeting,
    cur: usize,
    row: &ItemRow,
    width: usize,
) -> Option<Vec<Line<'a>>> {
    match row {
        ItemRow::Facts => Some(facts(app, team, m, cur, width)),
        ItemRow::Wachtend(code) => Some(wachtend(app, team, m, cur, code, width)),
        ItemRow::HandOver(line) => Some(hand_over(app, team, m, cur, *line, width)),
        _ => None,
    }
}

fn facts<'a>(app: &App, team: &TeamData, m: &Meeting, cur: usize, width: usize) -> Vec<Line<'a>> {
    let s = &app.styles;
    let lang = app.lang;
    let code = match m.agenda.get(cur).map(|i| &i.kind) {
        Some(crate::domain::ItemKind::Casus(d)) => d.case.clone(),
        _ => return vec![],
    };
    let Some(f) = session::case_facts(team, &code, m.date) else {
        return vec![];
    };
    let t = &team.team;
    let mut out = vec![Line::styled(Pane::Facts.text(lang).to_string(), s.heading)];
    let mut push = |text: String, warn: bool| {
        for l in wrap(&text, width, "   ") {
            out.push(Line::styled(l, if warn { s.warning } else { s.base }));
        }
    };
    let kader = match (&f.case.kader, f.maatregel) {
        (Kader::Gedwongen(_), Some(mt)) => format!(
            "{}: {} · {} · {} {}{}",
            Pane::Kader.text(lang),
            mt.measure,
            mt.gi,
            crate::i18n::tui::T::Due.text(lang).to_lowercase(),
            fmt_date(mt.end),
            if f.maatregel_ends_soon {
                format!(" ⚠ {}", Pane::EndsSoon.text(lang))
            } else {
                String::new()
            }
        ),
        _ => format!("{}: {}", Pane::Kader.text(lang), Pane::Voluntary.text(lang)),
    };
    push(kader, f.maatregel_ends_soon);
    if f.safety_flag {
        push(format!("⚠ {}", Pane::Safety.text(lang)), true);
    }
    let plans: Vec<&str> = f.current_plans.iter().map(|p| p.title.as_str()).collect();
    push(
        format!(
            "{}: {}{}",
            Pane::Plans.text(lang),
            if plans.is_empty() {
                Pane::None.text(lang).to_string()
            } else {
                plans.join(", ")
            },
            if f.two_plans {
                format!(" ⚠ {}", Pane::TwoPlans.text(lang))
            } else {
                String::new()
            }
        ),
        f.two_plans,
    );
    if !f.provisions.is_empty() {
        let p: Vec<String> = f
            .provisions
            .iter()
            .map(|v| match v.end {
                Some(e) => format!("{} ({})", v.name, fmt_date(e)),
                None => v.name.clone(),
            })
            .collect();
        push(
            format!("{}: {}", Pane::Provisions.text(lang), p.join(", ")),
            false,
        );
    }
    if !f.betrokkenen.is_empty() {
        let b: Vec<String> = f
            .betrokkenen
            .iter()
            .map(|b| format!("{} ({})", b.name, b.organisation))
            .collect();
        push(
            format!("{}: {}", Pane::Betrokkenen.text(lang), b.join(", ")),
            false,
        );
    }
    let label = |r: &crate::domain::Regisseur| crate::i18n::tui::regisseur_label(r, t, lang);
    let mut reg = f.regisseur.as_ref().map_or_else(
        || format!("⚠ {}", crate::i18n::tui::T::NoRegisseur.text(lang)),
        label,
    );
    if let Some(c) = f.coming.first() {
        let then =
            c.to.as_ref()
                .map_or_else(|| crate::i18n::week::nobody(lang).to_string(), label);
        reg = crate::i18n::week::regie_until_then(&reg, c.from, &then, lang);
    }
    push(
        format!("{}: {reg}", Pane::Regisseur.text(lang)),
        f.regisseur.is_none(),
    );
    if let Some(d) = f.last_discussed {
        let decisions: Vec<String> = f
            .last_decisions
            .iter()
            .map(|d| format!("{} {}", d.number, d.text))
            .collect();
        push(
            format!(
                "{} {}: {}",
                Pane::LastDiscussed.text(lang),
                fmt_date(d),
                if decisions.is_empty() {
                    Pane::None.text(lang).to_string()
                } else {
                    decisions.join("; ")
                }
            ),
            false,
        );
    }
    if !f.open_actions.is_empty() {
        let a: Vec<String> = f
            .open_actions
            .iter()
            .map(|a| {
                format!(
                    "{} {} ({}, {})",
                    a.item.number,
                    a.item.text,
                    t.member_name(&a.item.owner),
                    fmt_date(a.due)
                )
            })
            .collect();
        push(
            format!("{}: {}", Pane::OpenActions.text(lang), a.join("; ")),
            false,
        );
    }
    out
}

fn wachtend<'a>(
    app: &App,
    team: &TeamData,
    m: &Meeting,
    cur: usize,
    code: &str,
    width: usize,
) -> Vec<Line<'a>> {
    let s = &app.styles;
    let lang = app.lang;
    let Some(row) = session::verdeling_view(team, m, cur)
        .ok()
        .and_then(|rows| rows.into_iter().find(|r| r.wachtend.code == code))
    else {
        return vec![];
    };
    let w = &row.wachtend;
    let laws: Vec<&str> = w.laws.iter().map(|l| l.label()).collect();
    let domains: Vec<&str> = w.leefgebieden.iter().map(|l| l.label()).collect();
    let days = if w.waiting_days == 1 {
        Pane::Day.text(lang)
    } else {
        Pane::Days.text(lang)
    };
    let mut head = [
        format!("{} {}", w.code, w.pseudonym),
        format!("{} {days}", w.waiting_days),
        laws.join(", "),
        w.complexity.label().to_string(),
        domains.join(", "),
    ]
    .into_iter()
    .filter(|p| !p.is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    if w.safety_flag {
        head.push_str(&format!(" ⚠ {}", Pane::Safety.text(lang)));
    }
    let mut out = vec![Line::styled(ellipsize(&head, width), s.heading)];
    let second = match &row.outcome {
        Some(VerdelingResult::Toegewezen { to, .. }) => Line::styled(
            format!(
                "   → {}: {}",
                Pane::Assigned.text(lang),
                team.team.member_name(to)
            ),
            s.ok,
        ),
        Some(VerdelingResult::BlijftOpLijst { reason }) => Line::styled(
            ellipsize(
                &format!("   · {}: {reason}", Pane::StaysOnList.text(lang)),
                width,
            ),
            s.muted,
        ),
        None => {
            let top: Vec<String> = row
                .candidates
                .iter()
                .take(3)
                .map(|c| format!("{} ({})", c.name, reasons(&c.reasons, lang)))
                .collect();
            Line::from(vec![
                Span::styled(format!("   {}: ", Pane::Proposal.text(lang)), s.muted),
                Span::styled(
                    ellipsize(&top.join(" · "), width.saturating_sub(14)),
                    s.base,
                ),
            ])
        }
    };
    out.push(second);
    out
}

fn hand_over<'a>(
    app: &App,
    team: &TeamData,
    m: &Meeting,
    cur: usize,
    line: HandOverRef,
    width: usize,
) -> Vec<Line<'a>> {
    let s = &app.styles;
    let lang = app.lang;
    let t = &team.team;
    let Some(h) = m.agenda.get(cur).and_then(|i| i.herverdeling.as_ref()) else {
        return vec![];
    };
    let (what, from, proposed, to) = match line {
        HandOverRef::Household(k) => {
            let Some(x) = h.households.get(k) else {
                return vec![];
            };
            let pseudo = team.case(&x.case).map_or("", |c| c.pseudonym.as_str());
            let mut roles = Vec::new();
            if x.regie {
                roles.push(Pane::Regie.text(lang));
            }
            if x.coach {
                roles.push(Pane::Coach.text(lang));
            }
            (
                format!("{} {pseudo} ({})", x.case, roles.join(", ")),
                &x.from,
                x.proposed.as_deref(),
                x.to.as_deref(),
            )
        }
        HandOverRef::Action(k) => {
            let Some(x) = h.actions.get(k) else {
                return vec![];
            };
            let text = crate::domain::ActionLedger::from_meetings(&team.meetings, None)
                .get(&x.action)
                .map(|a| a.item.text.clone())
                .unwrap_or_default();
            (
                format!("{} {text}", x.action),
                &x.from,
                x.proposed.as_deref(),
                x.to.as_deref(),
            )
        }
    };
    let head = format!("{what} · {} {}", Pane::From.text(lang), t.member_name(from));
    let second = match (to, proposed) {
        (Some(to), _) => Line::styled(format!("   → {}", t.member_name(to)), s.ok),
        (None, Some(p)) => Line::styled(
            format!(
                "   {}: {} · {}",
                Pane::Proposal.text(lang),
                t.member_name(p),
                Pane::Open.text(lang)
            ),
            s.warning,
        ),
        (None, None) => Line::styled(format!("   ⚠ {}", Pane::Open.text(lang)), s.warning),
    };
    vec![Line::styled(ellipsize(&head, width), s.base), second]
}
