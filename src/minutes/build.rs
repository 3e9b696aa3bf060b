//! Builds the intermediate document of one meeting's minutes from the domain.

use chrono::Duration;

use crate::domain::{
    AgendaItem, CaseDiscussion, CheckAnswer, Decision, ItemKind, Meeting, MinutesStatus, Presence,
    RegieOutcome,
};
use crate::i18n::minutes::Texts;

pub(crate) use super::ctx::{Ctx, date};
use super::lists::{actielijst, action_review, besluitenlijst, next_meeting};
pub(crate) use super::lists::{action_row, action_table, next_meeting_date};
use super::model::{Block, Document, Section};

/// The whole minutes document of one meeting.
pub(crate) fn minutes(ctx: &Ctx, meeting: &Meeting) -> Document {
    let t = ctx.t;
    let team = &ctx.team.team;
    let status = match meeting.minutes_status {
        MinutesStatus::Concept => t.concept,
        MinutesStatus::Vastgesteld => t.vastgesteld,
    };
    let end = meeting.start + Duration::minutes(i64::from(meeting.duration_minutes));
    let mut meta = vec![(t.team.to_string(), team.name.clone())];
    if !team.municipality.trim().is_empty() {
        meta.push((t.municipality.to_string(), team.municipality.clone()));
    }
    meta.push((t.date.to_string(), date(meeting.date)));
    meta.push((
        t.time.to_string(),
        format!("{}–{}", meeting.start.format("%H:%M"), end.format("%H:%M")),
    ));
    meta.push((t.place.to_string(), or_none(t, &meeting.place)));
    let opt_who = |m: &Option<String>| m.as_deref().map_or(t.none.to_string(), |id| ctx.who(id));
    meta.push((t.voorzitter.to_string(), opt_who(&meeting.voorzitter)));
    meta.push((t.notulist.to_string(), opt_who(&meeting.notulist)));
    meta.push((t.profile.to_string(), profile_label(ctx).to_string()));
    if let Some(p) = ctx.partner() {
        meta.push((t.for_partner.to_string(), p.name.clone()));
    }

    let mut sections = vec![attendance(ctx, meeting)];
    if ctx.partner().is_none() {
        sections.push(previous_minutes(ctx, meeting));
        sections.push(action_review(ctx, meeting));
    }
    let cases: Vec<(&AgendaItem, &CaseDiscussion)> = meeting
        .agenda
        .iter()
        .filter_map(|i| match &i.kind {
            ItemKind::Casus(d) => Some((i, d)),
            _ => None,
        })
        .collect();
    let (shown, withheld): (Vec<_>, Vec<_>) = cases
        .into_iter()
        .partition(|(_, d)| ctx.case_shown(&d.case));
    // Households without consent are counted, not named; a partner is not told about
    // households it has no part in.
    let withheld = if ctx.partner().is_some() {
        0
    } else {
        let mut codes: Vec<&str> = withheld.iter().map(|(_, d)| d.case.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        codes.len()
    };
    if !shown.is_empty() || withheld > 0 {
        let mut s = Section::new(2, t.cases);
        match withheld {
            0 => {}
            1 => s.blocks.push(Block::Paragraph(t.withheld_one.into())),
            n => s.blocks.push(Block::Paragraph(
                t.withheld_many.replace("{n}", &n.to_string()),
            )),
        }
        sections.push(s);
        for (item, d) in shown {
            sections.push(case_section(ctx, item, d, 3, None));
        }
    }
    let org: Vec<&AgendaItem> = meeting
        .agenda
        .iter()
        .filter(|i| {
            matches!(
                i.kind,
                ItemKind::Mededelingen
                    | ItemKind::Organisatorisch
                    | ItemKind::Verdeling
                    | ItemKind::Rondvraag
            )
        })
        .collect();
    if !org.is_empty() && ctx.partner().is_none() {
        sections.push(Section::new(2, t.organisational));
        for item in org {
            sections.push(org_section(ctx, item));
        }
    }
    sections.push(besluitenlijst(ctx, meeting));
    sections.push(actielijst(ctx, meeting));
    sections.push(next_meeting(ctx, meeting));

    Document {
        title: t.title.to_string(),
        subtitle: format!("{} — {}", team.name, date(meeting.date)),
        status: format!("{}: {}", t.status, status.to_uppercase()),
        meta,
        note: profile_note(ctx),
        sections,
        info: doc_info(ctx, meeting),
    }
}

/// The minutes' properties and running header: author the notulist, created the meeting
/// date, the gemeente and team in the header, "Vertrouwelijk" on the team's own version.
fn doc_info(ctx: &Ctx, meeting: &Meeting) -> super::model::DocInfo {
    let t = ctx.t;
    let team = &ctx.team.team;
    let header = [team.municipality.trim(), team.name.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" — ");
    super::model::DocInfo {
        author: meeting
            .notulist
            .as_deref()
            .map(|id| ctx.who(id))
            .unwrap_or_default(),
        created: Some(meeting.date),
        language: t.language.into(),
        header,
        marking: if ctx.shareable() {
            String::new()
        } else {
            t.marking_intern.into()
        },
        page: t.page.into(),
        page_of: t.page_of.into(),
    }
}

/// The privacy note under the facts.
pub(crate) fn profile_note(ctx: &Ctx) -> String {
    match (ctx.shareable(), ctx.partner()) {
        (false, _) => ctx.t.intern_note.to_string(),
        (true, None) => ctx.t.deelbaar_note.to_string(),
        (true, Some(p)) => ctx.t.partner_note.replace("{partner}", &p.name),
    }
}

pub(crate) fn profile_label(ctx: &Ctx) -> &'static str {
    if ctx.shareable() {
        ctx.t.profile_deelbaar
    } else {
        ctx.t.profile_intern
    }
}

fn or_none(t: &Texts, s: &str) -> String {
    if s.trim().is_empty() {
        t.none.to_string()
    } else {
        s.trim().to_string()
    }
}

fn attendance(ctx: &Ctx, meeting: &Meeting) -> Section {
    let t = ctx.t;
    let mut rows: Vec<Vec<String>> = Vec::new();
    for p in [
        Presence::Aanwezig,
        Presence::AfwezigMetKennisgeving,
        Presence::AfwezigZonderKennisgeving,
    ] {
        for a in meeting.attendance.iter().filter(|a| a.presence == p) {
            let roles = ctx
                .team
                .team
                .member(&a.member)
                .map(|m| {
                    m.roles
                        .iter()
                        .map(|r| r.label())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            rows.push(vec![ctx.who(&a.member), roles, ctx.presence(p).to_string()]);
        }
    }
    for g in &meeting.guests {
        rows.push(vec![
            ctx.guest_name(g),
            ctx.guest_role(g),
            format!("{} ({})", t.aanwezig, t.guest),
        ]);
    }
    let mut s = Section::new(2, t.attendance);
    s.blocks.push(Block::Table {
        headers: vec![t.name.into(), t.role.into(), t.presence.into()],
        rows,
    });
    s
}

fn previous_minutes(ctx: &Ctx, meeting: &Meeting) -> Section {
    let t = ctx.t;
    let mut s = Section::new(2, t.previous_minutes);
    match &meeting.previous_minutes {
        Some(p) => {
            let line = if p.adopted {
                t.previous_adopted
            } else {
                t.previous_not_adopted
            };
            s.blocks
                .push(Block::Paragraph(line.replace("{date}", &date(p.date))));
            if !p.remarks.trim().is_empty() {
                s.blocks.push(Block::Field {
                    label: t.remarks.into(),
                    value: ctx.text(&p.remarks),
                });
            }
        }
        None => s.blocks.push(Block::Paragraph(t.none.into())),
    }
    s
}

/// An action's text with its case code in front, when it has one.
pub(crate) fn action_text(ctx: &Ctx, text: &str, case: Option<&str>) -> String {
    match case {
        Some(c) => format!("{c}: {}", ctx.text(text)),
        None => ctx.text(text),
    }
}

fn decision_line(ctx: &Ctx, d: &Decision) -> String {
    let t = ctx.t;
    let mut s = format!(
        "{} {} ({} {}; {}: {}",
        d.number,
        ctx.text(&d.text),
        t.decided_by,
        ctx.who(&d.decided_by),
        t.grounds,
        ctx.text(&d.grounds)
    );
    if let Some(c) = d.consultation {
        s.push_str(&format!("; {}: {}", t.consultation, c.label()));
    }
    s.push(')');
    // A partner's version leaves the team's own discussion (dissent) out.
    for x in d.dissent.iter().filter(|_| ctx.partner().is_none()) {
        s.push_str(&format!(
            " — {} {}: {}",
            t.dissent,
            ctx.who(&x.by),
            ctx.text(&x.note)
        ));
    }
    s
}

/// One case discussion. `level` 3 in minutes; the excerpt uses its own headings.
pub(crate) fn case_section(
    ctx: &Ctx,
    item: &AgendaItem,
    d: &CaseDiscussion,
    level: u8,
    heading: Option<String>,
) -> Section {
    let t = ctx.t;
    let heading = heading.unwrap_or_else(|| format!("{} {}", t.case, ctx.case_label(&d.case)));
    let mut s = Section::new(level, heading);
    // The one rule (AgendaItem::has_record): nothing recorded means not discussed.
    if !item.has_record() {
        s.blocks.push(Block::Paragraph(t.not_discussed.into()));
    }
    let field = |label: &str, value: String| Block::Field {
        label: label.to_string(),
        value,
    };
    s.blocks.push(field(t.inbrenger, ctx.who(&d.inbrenger)));
    s.blocks.push(field(t.question, ctx.text(&d.question)));
    if !ctx.shareable() {
        if !d.clarifying_notes.trim().is_empty() {
            s.blocks
                .push(field(t.clarifying, d.clarifying_notes.trim().into()));
        }
        if !item.notes.trim().is_empty() {
            s.blocks.push(field(t.discussion, item.notes.trim().into()));
        }
    }
    // A partner gets the question, the decisions, the regisseur and its own actions: no
    // advice round, no regie reasons, no regie check, no lesson.
    let partner = ctx.partner().is_some();
    if !d.advice.is_empty() && !partner {
        s.blocks.push(Block::List {
            label: t.advice.into(),
            items: d
                .advice
                .iter()
                .map(|a| format!("{}: {}", ctx.who(&a.by), ctx.text(&a.text)))
                .collect(),
        });
    }
    if !item.decisions.is_empty() {
        s.blocks.push(Block::List {
            label: t.decisions.into(),
            items: item
                .decisions
                .iter()
                .map(|x| decision_line(ctx, x))
                .collect(),
        });
    }
    if let Some(r) = &d.regie {
        let line = match r {
            RegieOutcome::Behouden(who) => t.regie_kept.replace("{who}", &ctx.regisseur(who)),
            RegieOutcome::Overgedragen(h) => {
                let from = h
                    .from
                    .as_ref()
                    .map_or(t.nobody.to_string(), |f| ctx.regisseur(f));
                let mut l = t
                    .regie_handed
                    .replace("{from}", &from)
                    .replace("{to}", &ctx.regisseur(&h.to));
                if !h.reason.trim().is_empty() && !partner {
                    l.push_str(&format!(" {}: {}", t.reason, ctx.text(&h.reason)));
                }
                l
            }
        };
        s.blocks.push(field(t.regie, line));
    }
    if let Some(c) = d.regie_check.as_ref().filter(|_| !partner) {
        s.blocks.push(regie_check(ctx, c));
    }
    if let Some(e) = d.next_evaluation {
        s.blocks.push(field(t.next_evaluation, date(e)));
    }
    let actions: Vec<_> = item
        .actions
        .iter()
        .filter(|a| ctx.action_shown(a, Some(&d.case)))
        .collect();
    if !actions.is_empty() {
        s.blocks.push(Block::List {
            label: t.actions.into(),
            items: actions
                .into_iter()
                .map(|a| {
                    format!(
                        "{} {} ({}, {} {})",
                        a.number,
                        ctx.text(&a.text),
                        ctx.who(&a.owner),
                        t.due.to_lowercase(),
                        date(a.due)
                    )
                })
                .collect(),
        });
    }
    if let Some(l) = d
        .lesson
        .as_deref()
        .filter(|l| !l.trim().is_empty() && !partner)
    {
        s.blocks.push(field(t.lesson, ctx.text(l)));
    }
    if !ctx.shareable() && !d.confidential_notes.trim().is_empty() {
        s.blocks
            .push(field(t.confidential, d.confidential_notes.trim().into()));
    }
    // Changes in the case made in the meeting (issue 11): see `week.rs`; not in a partner's
    // version, which holds only the question, decisions and their actions.
    if !partner {
        s.blocks.extend(super::week::item_blocks(ctx, item));
    }
    s
}

fn regie_check(ctx: &Ctx, c: &crate::domain::RegieCheck) -> Block {
    let t = ctx.t;
    if let Some(reason) = &c.skipped {
        return Block::Field {
            label: t.regie_check_skipped.into(),
            value: ctx.text(reason),
        };
    }
    let items = c
        .answers
        .iter()
        .map(|a| {
            let ans = match &a.answer {
                CheckAnswer::Ja => t.yes.to_string(),
                CheckAnswer::Nee => t.no.to_string(),
                CheckAnswer::NietVanToepassing => t.not_applicable.to_string(),
                CheckAnswer::Overgeslagen(r) => format!("{} ({})", t.skipped, ctx.text(r)),
            };
            let mut line = format!("{} {ans}", a.point.question());
            if !a.note.trim().is_empty() {
                line.push_str(&format!(" — {}", ctx.text(&a.note)));
            }
            line
        })
        .collect();
    Block::List {
        label: t.regie_check.into(),
        items,
    }
}

fn org_section(ctx: &Ctx, item: &AgendaItem) -> Section {
    let t = ctx.t;
    let title = if item.title.trim().is_empty() {
        item.kind.label().to_string()
    } else {
        ctx.text(&item.title)
    };
    let mut s = Section::new(3, title);
    if !item.notes.trim().is_empty() {
        s.blocks.push(Block::Paragraph(ctx.text(&item.notes)));
    }
    // Verdeling, herverdeling and changes in cases (issue 11): see `week.rs`.
    s.blocks.extend(super::week::item_blocks(ctx, item));
    if !item.decisions.is_empty() {
        s.blocks.push(Block::List {
            label: t.decisions.into(),
            items: item
                .decisions
                .iter()
                .map(|x| decision_line(ctx, x))
                .collect(),
        });
    }
    let actions: Vec<_> = item
        .actions
        .iter()
        .filter(|a| ctx.action_shown(a, None))
        .collect();
    if !actions.is_empty() {
        s.blocks.push(Block::List {
            label: t.actions.into(),
            items: actions
                .into_iter()
                .map(|a| {
                    format!(
                        "{} {} ({}, {} {})",
                        a.number,
                        action_text(ctx, &a.text, a.case.as_deref()),
                        ctx.who(&a.owner),
                        t.due.to_lowercase(),
                        date(a.due)
                    )
                })
                .collect(),
        });
    }
    if s.blocks.is_empty() {
        s.blocks.push(Block::Paragraph(t.none.into()));
    }
    s
}
