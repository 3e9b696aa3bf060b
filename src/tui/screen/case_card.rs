//! One household on one screen: situation then and now, regie history, every discussion
//! with its advice, decisions and actions, provisions, the next evaluation.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::casecard::{CaseCard, regisseur_label};
use crate::i18n::Lang;
use crate::i18n::caseload::{Card, card};
use crate::tui::app::App;
use crate::tui::form::FormKind;
use crate::tui::form::case_edit::CaseEditForm;
use crate::tui::keymap::Action;
use crate::tui::msg::Effect;
use crate::tui::popup::form::FormPopup;
use crate::tui::widgets::{block, fmt_date};

/// Every action of the case card.
pub const ALL: [Action; 4] = [Action::EditCase, Action::Up, Action::Down, Action::Back];

/// The case on the card, when it belongs to the chosen team (only that team's cases can be
/// changed here; one found with `/` in another team is for reading).
fn own_case(app: &App) -> Option<String> {
    let (team, code) = app.views.card.as_ref()?;
    (Some(*team) == app.team && app.team_data()?.case(code).is_some()).then(|| code.clone())
}

/// The actions that work now: changing the case only for the chosen team's own cases.
pub fn actions(app: &App) -> Vec<Action> {
    ALL.into_iter()
        .filter(|a| *a != Action::EditCase || own_case(app).is_some())
        .collect()
}

pub fn on_action(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Up => app.views.card_scroll = app.views.card_scroll.saturating_sub(1),
        Action::Down => app.views.card_scroll = app.views.card_scroll.saturating_add(1),
        Action::Back => super::back_from_lookup(app),
        Action::EditCase => match own_case(app) {
            Some(code) => {
                if let Some(f) = CaseEditForm::build(app, &code, None) {
                    app.open(FormPopup::popup(FormKind::CaseEdit(f)));
                }
            }
            None => app.info(crate::i18n::tui::team::TeamScreen::OtherTeam.text(app.lang)),
        },
        _ => {}
    }
    vec![]
}

/// One household on one screen.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
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
    match c.regisseur_line(lang) {
        Some(r) => out.push(Line::from(vec![
            Span::styled(format!("{}: ", card(Card::Regisseur, lang)), s.heading),
            Span::styled(r, s.base),
        ])),
        None => out.push(Line::styled(card(Card::NoRegisseur, lang), s.danger)),
    }
    if let Some(w) = &c.waiting {
        out.push(Line::styled(
            crate::i18n::week::waiting_line(w.waiting_days, lang),
            s.warning,
        ));
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
                .map_or_else(|| "–".to_string(), |r| regisseur_label(r, &c.team.team))
        };
        out.push(Line::raw(format!(
            "  {}  {} → {} · {}",
            fmt_date(h.date),
            label(&h.from),
            label(&h.to),
            h.reason
        )));
    }
    // Status, closing, safety flag, coach, dates: each change with its day and reason.
    if !case.history.is_empty() {
        out.push(Line::styled(card(Card::CaseHistory, lang), s.heading));
        for e in &case.history {
            let what = crate::i18n::week::case_change(
                &e.change,
                |id| team.member_name(id).to_string(),
                lang,
            );
            let mut l = format!("  {}  {what}", fmt_date(e.date));
            if !e.reason.trim().is_empty() {
                l.push_str(&format!(" · {}", e.reason.trim()));
            }
            out.push(Line::raw(l));
        }
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
