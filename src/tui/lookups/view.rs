//! Drawing of the search popup, the caseload screen and the case card: pure functions of
//! `&App`; styles from the theme, texts from `i18n`.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, List, ListItem, ListState, Paragraph, Wrap};

use super::SearchPopup;
use crate::casecard::{CaseCard, regisseur_label};
use crate::caseload::LoadBand;
use crate::cli::caseload::{member_row, table_lines, totals_row};
use crate::i18n::caseload::{Card, card};
use crate::i18n::{self, Lang};
use crate::tui::app::App;
use crate::tui::view::{block, centered, fmt_date};

/// The search popup: the query, then the hits with their matched letters emphasised.
pub fn draw_search(frame: &mut Frame, app: &App, p: &SearchPopup, body: Rect) {
    let lang = app.lang;
    let s = &app.styles;
    let area = centered(body, body.width.saturating_sub(4).max(20), body.height);
    frame.render_widget(Clear, area);
    let outer = block(app, i18n::search::popup_title(lang), true);
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let [q, info, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("/ ", s.key),
            Span::styled(format!("{}▏", p.query), s.base),
        ])),
        q,
    );
    let info_text = if p.query.trim().is_empty() {
        card(Card::SearchEmpty, lang).to_string()
    } else if p.results.total == 0 {
        i18n::search::no_hits(&p.query, lang)
    } else {
        i18n::search::summary(p.results.total, p.results.hits.len(), lang)
    };
    frame.render_widget(Paragraph::new(Span::styled(info_text, s.muted)), info);
    // Matched letters: bold and underlined on top of the base style, so they show without
    // colour too.
    let matched = s.key.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
    let index = app.search_index.as_deref();
    let items: Vec<ListItem> = p
        .results
        .hits
        .iter()
        .map(|h| {
            let mut spans = vec![Span::styled(
                format!("{:<10} ", i18n::search::kind(h.kind, lang)),
                s.muted,
            )];
            for (m, piece) in h.segments() {
                spans.push(Span::styled(
                    piece.to_string(),
                    if m { matched } else { s.base },
                ));
            }
            if let Some(ix) = index
                && ix.team_count() > 1
            {
                spans.push(Span::styled(
                    format!("  · {}", ix.team_name(h.location.team)),
                    s.muted,
                ));
            }
            ListItem::new(Line::from(spans))
        })
        .collect();
    let mut st =
        ListState::default().with_selected((!p.results.hits.is_empty()).then_some(p.selected));
    frame.render_stateful_widget(
        List::new(items)
            .highlight_style(s.selected)
            .highlight_symbol("▶ "),
        list,
        &mut st,
    );
}

fn band_style(app: &App, band: LoadBand) -> Style {
    match band {
        LoadBand::BovenNorm => app.styles.warning,
        LoadBand::Onbekend => app.styles.muted,
        _ => app.styles.base,
    }
}

/// The caseload of the current team: the chosen order and filters, members, totals, the
/// selected member's households, evaluations and late actions, regie elsewhere, cases without
/// a regisseur. The order is for finding people; nothing is ranked.
pub fn draw_caseload(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang;
    let s = &app.styles;
    let Some(t) = super::caseload_of(app) else {
        return;
    };
    let outer = block(
        app,
        format!("{} · {}", card(Card::CaseloadTitle, lang), t.team_name),
        true,
    );
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let n = &t.norm;
    let v = app.views.caseload_view;
    let mut lines = vec![
        Line::styled(
            i18n::caseload::norm(
                n.cases_per_fte,
                n.weight_licht,
                n.weight_midden,
                n.weight_zwaar,
                lang,
            ),
            s.muted,
        ),
        Line::styled(
            i18n::caseload::view_settings(
                v.sort,
                v.role.map(|r| r.label()),
                v.only_above_norm,
                lang,
            ),
            s.muted,
        ),
    ];
    let sel = app.views.caseload;
    let mut sel_line = None;
    let table = member_table(&t, inner.width as usize, lang);
    let last = table.len() - 1;
    for (i, text) in table.iter().enumerate() {
        let member = i.checked_sub(1).filter(|_| i < last);
        let selected = member == Some(sel);
        if selected {
            sel_line = Some(lines.len());
        }
        let style = match member {
            _ if i == 0 => s.heading,
            None => s.title,
            Some(_) if selected => s.selected,
            Some(m) => t.members.get(m).map_or(s.base, |m| band_style(app, m.band)),
        };
        let marker = if selected { "▶ " } else { "  " };
        lines.push(Line::styled(format!("{marker}{text}"), style));
        if i == 0 && t.members.is_empty() {
            lines.push(Line::styled(
                format!("  {}", i18n::caseload::no_members(lang)),
                s.muted,
            ));
        }
    }
    if let Some(m) = t.members.get(sel) {
        member_detail(app, m, inner.width as usize, &mut lines);
    }
    let tot = &t.totals;
    lines.push(Line::styled(
        i18n::caseload::regie_elsewhere(
            tot.regie_extern,
            tot.regie_huishouden,
            tot.regie_unknown_member,
            lang,
        ),
        s.muted,
    ));
    lines.push(Line::styled(
        i18n::caseload::without_regisseur(t.without_regisseur.len(), lang),
        s.heading,
    ));
    if t.without_regisseur.is_empty() {
        lines.push(Line::styled(
            format!("  {}", i18n::caseload::none(lang)),
            s.muted,
        ));
    }
    for (j, u) in t.without_regisseur.iter().enumerate() {
        let since = u.since.map(fmt_date);
        let text = format!(
            "{} {} · {}{}",
            u.case,
            u.pseudonym,
            u.complexity.label(),
            i18n::caseload::unassigned_detail(u.coach.as_deref(), since.as_deref(), lang)
        );
        let selected = t.members.len() + j == sel;
        if selected {
            sel_line = Some(lines.len());
        }
        let (marker, style) = if selected {
            ("▶ ", s.selected)
        } else {
            ("  ", s.warning)
        };
        lines.push(Line::styled(format!("{marker}{text}"), style));
    }
    // Keep the selected row in view, with a line of context below it.
    let bottom = sel_line.unwrap_or(0) as u16 + 2;
    let scroll = bottom.saturating_sub(inner.height);
    frame.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
}

/// The member table as aligned lines: heading, members, team totals. Narrow terminals lose
/// the weighted figures; the percentage and band remain.
fn member_table(t: &crate::caseload::TeamCaseload, width: usize, lang: Lang) -> Vec<String> {
    let mut rows = vec![i18n::caseload::columns(lang).map(str::to_string)];
    rows.extend(t.members.iter().map(|m| member_row(m, lang)));
    rows.push(totals_row(t, lang));
    let table = table_lines(&rows);
    if table
        .iter()
        .map(|l| l.chars().count() + 2)
        .max()
        .unwrap_or(0)
        <= width
    {
        return table;
    }
    for r in &mut rows {
        r[4].clear();
        r[5].clear();
    }
    table_lines(&rows)
}

/// The selected member's households, evaluations due and late actions, wrapped to `width`.
fn member_detail(
    app: &App,
    m: &crate::caseload::MemberLoad,
    width: usize,
    lines: &mut Vec<Line<'static>>,
) {
    let lang = app.lang;
    let s = &app.styles;
    let Some(td) = app.team_data() else {
        return;
    };
    lines.push(Line::styled(
        i18n::caseload::member_heading(&m.name, m.regie_cases.len(), lang),
        s.heading,
    ));
    let households: Vec<String> = m
        .regie_cases
        .iter()
        .filter_map(|code| td.case(code))
        .map(|c| format!("{} {} ({})", c.code, c.pseudonym, c.complexity.label()))
        .collect();
    wrapped("", &households, width, s.base, lines);
    let (evaluations, late, late_actions) = i18n::caseload::member_labels(lang);
    let evals: Vec<String> = m
        .evaluations_due
        .iter()
        .map(|e| {
            let mark = if e.overdue {
                format!(" ⚠ {late}")
            } else {
                String::new()
            };
            format!("{} {}{mark}", e.case, fmt_date(e.date))
        })
        .collect();
    if !evals.is_empty() {
        wrapped(&format!("{evaluations}: "), &evals, width, s.base, lines);
    }
    let actions: Vec<String> = m
        .overdue_actions
        .iter()
        .map(|a| format!("{} ({}) {}", a.number, fmt_date(a.due), a.text))
        .collect();
    if !actions.is_empty() {
        wrapped(
            &format!("⚠ {late_actions}: "),
            &actions,
            width,
            s.warning,
            lines,
        );
    }
}

/// `items` joined with ", " after `label`, broken into lines of at most `width` characters
/// (an item longer than a line gets a line of its own), indented by two.
fn wrapped(
    label: &str,
    items: &[String],
    width: usize,
    style: Style,
    out: &mut Vec<Line<'static>>,
) {
    let width = width.max(20);
    let Some((first, rest)) = items.split_first() else {
        return;
    };
    let mut line = format!("  {label}{first}");
    for item in rest {
        if line.chars().count() + 2 + item.chars().count() > width {
            out.push(Line::styled(format!("{line},"), style));
            line = format!("  {}{item}", " ".repeat(label.chars().count()));
        } else {
            line.push_str(", ");
            line.push_str(item);
        }
    }
    out.push(Line::styled(line, style));
}

/// One household on one screen.
pub fn draw_case_card(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang;
    let s = &app.styles;
    let card_data = app.views.card.as_ref().and_then(|(team, code)| {
        let td = app.workspace.teams.get(*team)?;
        CaseCard::build(td, code, app.today)
    });
    let Some(c) = card_data else {
        frame.render_widget(
            Paragraph::new(Span::styled(card(Card::NotFound, lang), s.warning)).block(block(
                app,
                card(Card::Title, lang),
                true,
            )),
            area,
        );
        return;
    };
    let case = c.case;
    let outer = block(
        app,
        format!("{} {} · {}", case.code, case.pseudonym, c.team.team.name),
        true,
    );
    let inner = outer.inner(area);
    frame.render_widget(outer, area);
    let lines = card_lines(app, &c, lang);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((app.views.card_scroll, 0)),
        inner,
    );
}

fn card_lines<'a>(app: &App, c: &CaseCard<'_>, lang: Lang) -> Vec<Line<'a>> {
    let s = &app.styles;
    let case = c.case;
    let team = &c.team.team;
    let mut out: Vec<Line> = Vec::new();
    let laws: Vec<&str> = case.laws.iter().map(|l| l.label()).collect();
    let domains: Vec<&str> = case.leefgebieden.iter().map(|l| l.label()).collect();
    out.push(Line::styled(
        format!(
            "{} · {} · {} · {}",
            case.status.label(),
            laws.join(", "),
            case.complexity.label(),
            domains.join(", ")
        ),
        s.muted,
    ));
    let names: Vec<&str> = case.consented_names().collect();
    if !names.is_empty() {
        out.push(Line::raw(names.join(", ")));
    }
    match c.regisseur_name() {
        Some(r) => out.push(Line::from(vec![
            Span::styled(format!("{}: ", card(Card::Regisseur, lang)), s.heading),
            Span::styled(r, s.base),
        ])),
        None => out.push(Line::styled(card(Card::NoRegisseur, lang), s.danger)),
    }
    if !c.signals.is_empty() {
        let sig: Vec<String> = c.signals.iter().map(|x| x.describe(lang)).collect();
        out.push(Line::from(vec![
            Span::styled(format!("{}: ", card(Card::Signals, lang)), s.heading),
            Span::styled(sig.join(" · "), s.warning),
        ]));
    }
    let ev = case
        .next_evaluation
        .map_or_else(|| card(Card::None, lang).to_string(), fmt_date);
    out.push(Line::from(vec![
        Span::styled(format!("{}: ", card(Card::NextEvaluation, lang)), s.heading),
        Span::raw(ev),
    ]));
    out.push(Line::default());
    out.push(Line::styled(
        format!(
            "{} ({})",
            card(Card::AtRegistration, lang),
            fmt_date(case.registered)
        ),
        s.heading,
    ));
    out.push(Line::raw(case.situation_at_registration.clone()));
    out.push(Line::styled(card(Card::Now, lang), s.heading));
    out.push(Line::raw(case.situation_now.clone()));
    out.push(Line::default());
    out.push(Line::styled(card(Card::RegieHistory, lang), s.heading));
    for h in c.regie_history {
        let label = |r: &Option<crate::domain::Regisseur>| {
            r.as_ref()
                .map_or_else(|| "–".to_string(), |r| regisseur_label(r, c.team))
        };
        out.push(Line::raw(format!(
            "  {}  {} → {} · {}",
            fmt_date(h.date),
            label(&h.from),
            label(&h.to),
            h.reason
        )));
    }
    out.push(Line::styled(card(Card::Provisions, lang), s.heading));
    if c.provisions.is_empty() {
        out.push(Line::styled(
            format!("  {}", card(Card::None, lang)),
            s.muted,
        ));
    }
    for p in &c.provisions {
        let v = p.voorziening;
        let end = v.end.map_or_else(|| "…".to_string(), fmt_date);
        let (note, style) = if p.ended {
            (format!(" ({})", card(Card::Ended, lang)), s.muted)
        } else if p.ending_soon {
            (format!(" ⚠ {}", card(Card::EndingSoon, lang)), s.warning)
        } else {
            (String::new(), s.base)
        };
        out.push(Line::styled(
            format!(
                "  {} · {} · {} – {end}{note}",
                v.name,
                v.provider,
                fmt_date(v.start)
            ),
            style,
        ));
    }
    out.push(Line::default());
    out.push(Line::styled(card(Card::Discussions, lang), s.heading));
    if c.discussions.is_empty() {
        out.push(Line::styled(
            format!("  {}", card(Card::None, lang)),
            s.muted,
        ));
    }
    for d in &c.discussions {
        let q = &d.discussion;
        out.push(Line::styled(
            format!(
                "  {} · {} · {}: {}",
                fmt_date(d.meeting.date),
                team.member_name(&q.inbrenger),
                card(Card::Question, lang),
                q.question
            ),
            s.title,
        ));
        for a in &q.advice {
            out.push(Line::raw(format!(
                "    {}: {} — {}",
                card(Card::Advice, lang),
                a.text,
                team.member_name(&a.by)
            )));
        }
        for dec in d.decisions {
            out.push(Line::raw(format!(
                "    {} {}: {} — {}",
                card(Card::Decision, lang),
                dec.number,
                dec.text,
                team.member_name(&dec.decided_by)
            )));
        }
        for a in &d.actions {
            out.push(action_line(app, a, team, lang));
        }
    }
    if !c.other_actions.is_empty() {
        out.push(Line::styled(card(Card::OtherActions, lang), s.heading));
        for a in &c.other_actions {
            out.push(action_line(app, a, team, lang));
        }
    }
    out
}

fn action_line<'a>(
    app: &App,
    a: &crate::domain::ActionState,
    team: &crate::domain::Team,
    lang: Lang,
) -> Line<'a> {
    let overdue = a.is_overdue(app.today);
    let text = format!(
        "    {} {}: {} — {}, {} {} · {}{}",
        card(Card::Action, lang),
        a.item.number,
        a.item.text,
        team.member_name(&a.item.owner),
        card(Card::Due, lang),
        fmt_date(a.due),
        a.status.label(),
        if overdue { " ⚠" } else { "" }
    );
    Line::styled(
        text,
        if overdue {
            app.styles.warning
        } else {
            app.styles.base
        },
    )
}
