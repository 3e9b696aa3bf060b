//! The caseload of a team: load per professional in context (ruimte / rond de norm / boven de
//! norm, never a ranking), the selected member's households, evaluations and late actions,
//! and the cases without a regisseur. `s` changes the order, `r` shows one role at a time,
//! `b` only those above the norm.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use crate::caseload::{LoadBand, SortKey};
use crate::cli::caseload::{member_row, table_lines, totals_row};
use crate::domain::Role;
use crate::i18n::caseload::{Card, card};
use crate::i18n::{self, Lang};
use crate::tui::app::{App, Screen};
use crate::tui::keymap::Action;
use crate::tui::msg::Effect;
use crate::tui::widgets::{block, fmt_date};

/// Every action of the caseload screen.
pub const ALL: [Action; 7] = [
    Action::Select,
    Action::CaseloadSort,
    Action::CaseloadRole,
    Action::CaseloadAboveNorm,
    Action::Up,
    Action::Down,
    Action::Back,
];

pub fn on_action(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Up => app.views.caseload = app.views.caseload.saturating_sub(1),
        Action::Down => {
            let n = app
                .caseload()
                .map_or(0, |t| t.members.len() + t.without_regisseur.len());
            if app.views.caseload + 1 < n {
                app.views.caseload += 1;
            }
        }
        Action::CaseloadSort => {
            let v = &mut app.views.caseload_view;
            v.sort = next_sort(v.sort);
            app.views.caseload = 0;
        }
        Action::CaseloadRole => {
            app.views.caseload_view.role = next_role(app, app.views.caseload_view.role);
            app.views.caseload = 0;
        }
        Action::CaseloadAboveNorm => {
            let v = &mut app.views.caseload_view;
            v.only_above_norm = !v.only_above_norm;
            app.views.caseload = 0;
        }
        Action::Select => {
            // Rows are the members, then the cases without a regisseur.
            if let (Some(t), Some(team)) = (app.caseload(), app.caseload_team()) {
                let i = app.views.caseload;
                if let Some(u) = i
                    .checked_sub(t.members.len())
                    .and_then(|j| t.without_regisseur.get(j))
                {
                    app.views.card = Some((team, u.case.clone()));
                    app.views.card_scroll = 0;
                    app.views.back_to = Some(Screen::Caseload);
                    app.screen = Screen::CaseCard;
                }
            }
        }
        Action::Back => super::back_from_lookup(app),
        _ => {}
    }
    vec![]
}

/// The next order: naam → belasting → achterstand → naam.
fn next_sort(sort: SortKey) -> SortKey {
    match sort {
        SortKey::Name => SortKey::Load,
        SortKey::Load => SortKey::Overdue,
        SortKey::Overdue => SortKey::Name,
    }
}

/// The next role filter: all → each role someone in the team has (in role order) → all.
fn next_role(app: &App, role: Option<Role>) -> Option<Role> {
    let mut roles: Vec<Role> = app
        .caseload_team()
        .and_then(|t| app.workspace.teams.get(t))
        .map(|td| {
            td.team
                .members
                .iter()
                .flat_map(|m| m.roles.iter().copied())
                .collect()
        })
        .unwrap_or_default();
    roles.sort();
    roles.dedup();
    match role {
        None => roles.first().copied(),
        Some(r) => roles.into_iter().find(|x| *x > r),
    }
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
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let lang = app.lang;
    let s = &app.styles;
    let Some(t) = app.caseload() else {
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
    let Some(td) = app.caseload_team().and_then(|t| app.workspace.teams.get(t)) else {
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
