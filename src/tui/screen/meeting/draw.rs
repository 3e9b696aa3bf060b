//! The running meeting: the clock of the item against its time box and the meeting's time
//! left (with a word and a symbol when over), the agenda, and the rows of the current item.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use super::{ItemRow, item_rows};
use crate::domain::{
    CaseDiscussion, ItemKind, Meeting, Presence, RegieOutcome, ReviewOutcome, Team,
};
use crate::i18n::tui::{T, consultation_label, kind_label, meeting_left, regisseur_label};
use crate::session;
use crate::tui::app::App;
use crate::tui::widgets::{block, ellipsize, fmt_clock, fmt_date, wrap};

/// Draws the running meeting.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(m) = app.current_meeting() else {
        return;
    };
    let cur = m.progress.current_item.unwrap_or(0);
    let [clock, body] = Layout::vertical([Constraint::Length(2), Constraint::Min(3)]).areas(area);
    draw_clock(frame, app, m, cur, clock);
    let pane = if body.width >= 100 {
        let [list, pane] =
            Layout::horizontal([Constraint::Length(34), Constraint::Min(40)]).areas(body);
        draw_agenda(frame, app, m, cur, list);
        pane
    } else {
        body
    };
    draw_item(frame, app, m, cur, pane);
}

/// The clock line: item time against its box, and the meeting's time left.
fn draw_clock(frame: &mut Frame, app: &App, m: &Meeting, cur: usize, area: Rect) {
    let s = &app.styles;
    let lang = app.lang;
    let Some(item) = m.agenda.get(cur) else {
        return;
    };
    let clock = session::item_clock(m, cur);
    let mut spans = vec![
        Span::styled(format!(" {}/{} ", cur + 1, m.agenda.len()), s.selected),
        // Room for the counter, the clock and "⚠ OVER TIJD +m:ss" after the title.
        Span::styled(
            format!(
                " {} ",
                ellipsize(
                    &item.title,
                    usize::from(area.width.saturating_sub(46)).max(12)
                )
            ),
            s.title,
        ),
        Span::styled(" ⏱ ", s.base),
    ];
    if let Some(c) = clock {
        spans.push(Span::styled(
            format!(
                "{} / {}",
                fmt_clock(i64::from(c.elapsed_seconds)),
                fmt_clock(i64::from(c.time_box_seconds))
            ),
            if c.is_over() { s.warning } else { s.base },
        ));
        if c.is_over() {
            spans.push(Span::raw(" "));
            spans.push(Span::styled(
                format!(
                    " ⚠ {} +{} ",
                    T::OverTime.text(lang),
                    fmt_clock(i64::from(c.over_seconds()))
                ),
                s.danger,
            ));
        }
    }
    let left = session::meeting_seconds_left(m);
    let overall = if left >= 0 {
        Span::styled(meeting_left(&fmt_clock(left), lang), s.muted)
    } else {
        Span::styled(
            format!(" ⚠ {} {} ", T::MeetingOverrun.text(lang), fmt_clock(-left)),
            s.danger,
        )
    };
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(spans),
            Line::from(vec![Span::raw(" "), overall]),
        ]),
        area,
    );
}

fn draw_agenda(frame: &mut Frame, app: &App, m: &Meeting, cur: usize, area: Rect) {
    let s = &app.styles;
    let width = usize::from(area.width.saturating_sub(2));
    let items: Vec<ListItem> = m
        .agenda
        .iter()
        .enumerate()
        .map(|(i, it)| {
            let passed = i < cur && !it.done;
            let mark = if i == cur {
                "▶"
            } else if it.done {
                "✓"
            } else if passed {
                // Walked past without anything recorded: niet besproken.
                "·"
            } else {
                " "
            };
            let over = it.elapsed_seconds > it.time_box_minutes.saturating_mul(60);
            let minutes = format!(" {}′", it.time_box_minutes);
            let room = width.saturating_sub(2 + minutes.chars().count() + if over { 2 } else { 0 });
            let mut spans = vec![
                Span::styled(format!("{mark} "), if it.done { s.ok } else { s.base }),
                Span::styled(
                    ellipsize(&it.title, room),
                    if i == cur {
                        s.title
                    } else if passed {
                        s.muted
                    } else {
                        s.base
                    },
                ),
                Span::styled(minutes, s.muted),
            ];
            if over {
                spans.push(Span::styled(" ⚠", s.warning));
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    let list = List::new(items).block(block(app, T::Agenda.text(app.lang), false));
    frame.render_widget(list, area);
}

fn draw_item(frame: &mut Frame, app: &App, m: &Meeting, cur: usize, area: Rect) {
    let Some(item) = m.agenda.get(cur) else {
        return;
    };
    let Some(team) = app.team_data() else {
        return;
    };
    let lang = app.lang;
    let s = &app.styles;
    let rows = item_rows(app);
    let width = area.width.saturating_sub(4) as usize;
    let disc = match &item.kind {
        ItemKind::Casus(d) => Some(d),
        _ => None,
    };
    // A row taller than the pane would make the list draw nothing at all (ratatui skips an
    // item that does not fit): cut it to the pane, the last line saying how many are hidden.
    let room = usize::from(area.height.saturating_sub(2)).max(1);
    let mut items: Vec<ListItem> = Vec::new();
    for row in &rows {
        let mut lines = row_lines(app, team, m, cur, disc, row, width);
        if lines.len() > room {
            let hidden = lines.len() - room + 1;
            lines.truncate(room - 1);
            lines.push(Line::from(Span::styled(
                format!("     … +{hidden}"),
                s.muted,
            )));
        }
        items.push(ListItem::new(lines));
    }
    let title = match disc {
        Some(d) => {
            let pseudo = team
                .case(&d.case)
                .map(|c| c.pseudonym.as_str())
                .unwrap_or("");
            format!(
                "{} {} {} · {}: {}",
                T::Case.text(lang),
                d.case,
                pseudo,
                T::Inbrenger.text(lang),
                team.team.member_name(&d.inbrenger)
            )
        }
        None => kind_label(&item.kind, lang).to_string(),
    };
    let title = ellipsize(&title, usize::from(area.width.saturating_sub(4)));
    let list = List::new(items)
        .block(block(app, title, true))
        .highlight_style(s.selected)
        .highlight_symbol("▶ ");
    let sel = app.views.item_row.min(rows.len().saturating_sub(1));
    let mut st = ListState::default().with_selected((!rows.is_empty()).then_some(sel));
    frame.render_stateful_widget(list, area, &mut st);
}

#[allow(clippy::too_many_arguments)]
fn row_lines<'a>(
    app: &App,
    team: &crate::domain::TeamData,
    m: &Meeting,
    cur: usize,
    disc: Option<&CaseDiscussion>,
    row: &ItemRow,
    width: usize,
) -> Vec<Line<'a>> {
    let s = &app.styles;
    let lang = app.lang;
    let t = &team.team;
    let head = |label: T, value: String| {
        Line::from(vec![
            Span::styled(format!("{}: ", label.text(lang)), s.heading),
            Span::styled(value, s.base),
        ])
    };
    let text_block = |label: T, text: &str| {
        let mut v = vec![Line::styled(label.text(lang).to_string(), s.heading)];
        if text.trim().is_empty() {
            v.push(Line::styled(
                format!("   — {}", T::EnterToWrite.text(lang)),
                s.muted,
            ));
        } else {
            v.extend(
                wrap(text, width, "   ")
                    .into_iter()
                    .map(|l| Line::styled(l, s.base)),
            );
        }
        v
    };
    let item = &m.agenda[cur];
    if let Some(lines) = super::week::lines(app, team, m, cur, row, width) {
        return lines;
    }
    match row {
        ItemRow::Voorzitter => vec![head(
            T::Voorzitter,
            person(t, m.voorzitter.as_deref(), lang),
        )],
        ItemRow::Notulist => vec![head(T::Notulist, person(t, m.notulist.as_deref(), lang))],
        ItemRow::Member(id) => {
            let (sym, label, style) = match m.presence(id) {
                Some(Presence::Aanwezig) | None => ("✓", T::Present, s.ok),
                Some(Presence::AfwezigMetKennisgeving) => ("−", T::AbsentExcused, s.muted),
                Some(Presence::AfwezigZonderKennisgeving) => ("✗", T::AbsentUnexcused, s.warning),
            };
            vec![Line::from(vec![
                Span::styled(format!("[{sym}] "), style),
                Span::styled(t.member_name(id).to_string(), s.base),
                Span::styled(format!("  {}", label.text(lang)), style),
            ])]
        }
        ItemRow::Guest(g) => {
            let guest = &m.guests[*g];
            vec![Line::from(vec![
                Span::styled(format!("[{}] ", T::Guest.text(lang)), s.heading),
                Span::styled(format!("{} ({})", guest.name, guest.role), s.base),
            ])]
        }
        ItemRow::AdoptMinutes => {
            let p = m.previous_minutes.as_ref();
            let adopted = p.is_some_and(|p| p.adopted);
            let prev_date = p
                .map(|p| p.date)
                .or_else(|| session::previous_meeting(&team.meetings, m.date).map(|p| p.date));
            vec![Line::from(vec![
                Span::styled(
                    format!(
                        "{} {}: ",
                        T::MinutesOf.text(lang),
                        prev_date.map(fmt_date).unwrap_or_default()
                    ),
                    s.heading,
                ),
                if adopted {
                    Span::styled(format!("[✓] {}", T::Adopted.text(lang)), s.ok)
                } else {
                    Span::styled(
                        format!("[ ] {}", T::ConceptEnterToAdopt.text(lang)),
                        s.warning,
                    )
                },
            ])]
        }
        ItemRow::Text(target) => text_block(target.label(), &target.current(m).unwrap_or_default()),
        ItemRow::Review(number) => review_lines(app, team, m, number),
        ItemRow::Advice => list_head(app, T::AdviceList, disc.map_or(0, |d| d.advice.len())),
        ItemRow::AdviceEntry(k) => {
            let Some(a) = disc.and_then(|d| d.advice.get(*k)) else {
                return vec![];
            };
            entry_lines(
                app,
                &format!("• {}: {}", t.member_name(&a.by), a.text),
                width,
            )
        }
        ItemRow::Decisions => list_head(app, T::Decisions, item.decisions.len()),
        ItemRow::DecisionEntry(k) => {
            let Some(d) = item.decisions.get(*k) else {
                return vec![];
            };
            let mut text = format!(
                "{} {} — {} {}",
                d.number,
                d.text,
                T::DecidedBy.text(lang).to_lowercase(),
                t.member_name(&d.decided_by)
            );
            if !d.grounds.is_empty() {
                text.push_str(&format!(
                    "; {}: {}",
                    T::Grounds.text(lang).to_lowercase(),
                    d.grounds
                ));
            }
            if let Some(c) = d.consultation {
                text.push_str(&format!("; {}", consultation_label(c, lang)));
            }
            for x in &d.dissent {
                text.push_str(&format!(
                    "; {} {}: {}",
                    T::DissentBy.text(lang).to_lowercase(),
                    t.member_name(&x.by),
                    x.note
                ));
            }
            entry_lines(app, &text, width)
        }
        ItemRow::Regie => regie_lines(app, team, disc),
        ItemRow::Actions => list_head(app, T::Actions, item.actions.len()),
        ItemRow::ActionEntry(k) => {
            let Some(a) = item.actions.get(*k) else {
                return vec![];
            };
            let text = format!(
                "{} {} — {}, {}",
                a.number,
                a.text,
                t.member_name(&a.owner),
                fmt_date(a.due)
            );
            entry_lines(app, &text, width)
        }
        ItemRow::Check => {
            let c = disc.and_then(|d| d.regie_check.as_ref());
            let value = match c {
                Some(c) if c.skipped.is_some() => format!(
                    "{}: {}",
                    T::Skipped.text(lang),
                    c.skipped.clone().unwrap_or_default()
                ),
                Some(c) => format!(
                    "{}/{} {}",
                    c.answers.len(),
                    crate::domain::RegieCheckPoint::ALL.len(),
                    T::Answered.text(lang)
                ),
                None => T::NotDone.text(lang).to_string(),
            };
            vec![head(T::RegieCheck, value)]
        }
        ItemRow::Facts | ItemRow::Wachtend(_) | ItemRow::HandOver(_) => vec![],
        ItemRow::Evaluation => {
            let case_eval = disc
                .and_then(|d| team.case(&d.case))
                .and_then(|c| c.next_evaluation);
            let value = match (disc.and_then(|d| d.next_evaluation), case_eval) {
                (Some(d), _) => format!("{} ({})", fmt_date(d), T::New.text(lang)),
                (None, Some(d)) => format!("{} ({})", fmt_date(d), T::Current.text(lang)),
                (None, None) => "—".into(),
            };
            vec![head(T::NextEvaluation, value)]
        }
    }
}

/// The heading row of a list (advice, decisions, actions): its count, and how to add.
fn list_head<'a>(app: &App, label: T, count: usize) -> Vec<Line<'a>> {
    let s = &app.styles;
    vec![Line::from(vec![
        Span::styled(format!("{} ({count})", label.text(app.lang)), s.heading),
        Span::styled(format!("  · {}", T::EnterToAdd.text(app.lang)), s.muted),
    ])]
}

/// One entry of a list, wrapped under its heading.
fn entry_lines<'a>(app: &App, text: &str, width: usize) -> Vec<Line<'a>> {
    wrap(text, width, "   ")
        .into_iter()
        .map(|l| Line::styled(l, app.styles.base))
        .collect()
}

fn person(t: &Team, id: Option<&str>, lang: crate::i18n::Lang) -> String {
    match id {
        Some(id) => t.member_name(id).to_string(),
        None => format!("— {}", T::EnterToChoose.text(lang)),
    }
}

fn review_lines<'a>(
    app: &App,
    team: &crate::domain::TeamData,
    m: &Meeting,
    number: &str,
) -> Vec<Line<'a>> {
    let s = &app.styles;
    let lang = app.lang;
    let open = session::actions_to_review(&team.meetings, m.date);
    let Some(a) = open.iter().find(|a| a.item.number == number) else {
        return vec![];
    };
    let outcome = match session::review_of(m, number) {
        None => Span::styled(format!("· {:<11}", T::NotReviewed.text(lang)), s.muted),
        Some(ReviewOutcome::Gedaan) => Span::styled(format!("✓ {:<11}", T::Done.text(lang)), s.ok),
        Some(ReviewOutcome::Vervallen) => {
            Span::styled(format!("✗ {:<11}", T::Dropped.text(lang)), s.muted)
        }
        Some(ReviewOutcome::Genoteerd) => Span::styled(
            format!("· {:<11}", crate::i18n::week::review_noted(lang)),
            s.muted,
        ),
        Some(ReviewOutcome::Doorgeschoven(d)) => {
            Span::styled(format!("↻ {:<11}", fmt_date(*d)), s.warning)
        }
    };
    let first = vec![
        outcome,
        Span::styled(format!(" {} ", a.item.number), s.heading),
        Span::styled(a.item.text.lines().next().unwrap_or("").to_string(), s.base),
    ];
    let mut second = vec![Span::styled(
        format!(
            "{:14}{}, {} {}",
            "",
            team.team.member_name(&a.item.owner),
            T::Due.text(lang).to_lowercase(),
            fmt_date(a.due)
        ),
        s.muted,
    )];
    if a.postponed > 0 {
        second.push(Span::styled(
            format!(" · {}× {}", a.postponed, T::Postponed.text(lang)),
            s.muted,
        ));
    }
    if a.due < app.today {
        second.push(Span::styled(
            format!(" ⚠ {}", T::Overdue.text(lang)),
            s.warning,
        ));
    }
    vec![Line::from(first), Line::from(second)]
}

fn regie_lines<'a>(
    app: &App,
    team: &crate::domain::TeamData,
    disc: Option<&CaseDiscussion>,
) -> Vec<Line<'a>> {
    let s = &app.styles;
    let lang = app.lang;
    let Some(d) = disc else {
        return vec![];
    };
    let Some(case) = team.case(&d.case) else {
        return vec![Line::styled(
            format!("⚠ {} {}", T::UnknownCase.text(lang), d.case),
            s.warning,
        )];
    };
    let now = case
        .regisseur
        .as_ref()
        .map(|r| regisseur_label(r, &team.team, lang))
        .unwrap_or_else(|| format!("⚠ {}", T::NoRegisseur.text(lang)));
    let mut v = vec![Line::from(vec![
        Span::styled(format!("{}: ", T::Regie.text(lang)), s.heading),
        Span::styled(format!("{} {now}", T::Now.text(lang)), s.base),
    ])];
    match &d.regie {
        Some(RegieOutcome::Behouden(_)) => v.push(Line::styled(
            format!("   → {}", T::RegieKeep.text(lang)),
            s.ok,
        )),
        Some(RegieOutcome::Overgedragen(h)) => v.push(Line::styled(
            format!(
                "   → {} {} ({})",
                T::RegieTo.text(lang),
                regisseur_label(&h.to, &team.team, lang),
                h.reason
            ),
            s.ok,
        )),
        None => {}
    }
    let warnings = session::regie_warnings(&team.team, case, d.regie.as_ref());
    for w in warnings {
        v.push(Line::styled(
            format!("   ⚠ {}", crate::i18n::tui::regie_warning(&w, lang)),
            s.warning,
        ));
    }
    v
}
