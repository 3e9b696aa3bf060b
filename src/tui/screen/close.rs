//! The summary before closing: decisions, regie changes, new actions, warnings, next date.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::i18n::tui::team as team_txt;
use crate::i18n::tui::{T, regisseur_label};
use crate::session;
use crate::tui::app::{App, Screen};
use crate::tui::form::FormKind;
use crate::tui::form::small::NextMeetingForm;
use crate::tui::keymap::Action;
use crate::tui::msg::Effect;
use crate::tui::popup::Popup;
use crate::tui::popup::confirm::Confirm;
use crate::tui::popup::form::FormPopup;
use crate::tui::widgets::{block, fmt_date, hint};

/// Every action of the close screen.
pub const ALL: [Action; 5] = [
    Action::Select,
    Action::NextMeetingDate,
    Action::Up,
    Action::Down,
    Action::Back,
];

pub fn on_action(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::Select => app.open(Popup::Confirm(Confirm::CloseMeeting)),
        Action::Up => app.views.close_scroll = app.views.close_scroll.saturating_sub(1),
        Action::Down => app.views.close_scroll = app.views.close_scroll.saturating_add(1),
        Action::Back => app.screen = Screen::Meeting,
        Action::NextMeetingDate => {
            if let Some(form) = NextMeetingForm::build(app) {
                app.open(FormPopup::popup(FormKind::NextMeeting(form)));
            }
        }
        _ => {}
    }
    vec![]
}

/// Draws the summary before closing.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let (Some(m), Some(team)) = (app.current_meeting(), app.team_data()) else {
        return;
    };
    let s = &app.styles;
    let lang = app.lang;
    let t = &team.team;
    let sum = session::summary(m, t, &team.cases);
    let mut lines = vec![Line::styled(
        format!("{} ({})", T::Decisions.text(lang), sum.decisions.len()),
        s.heading,
    )];
    for d in &sum.decisions {
        lines.push(Line::styled(
            format!(
                "  {} {} — {}",
                d.number,
                d.text,
                t.member_name(&d.decided_by)
            ),
            s.base,
        ));
    }
    lines.push(Line::styled(
        format!(
            "{} ({})",
            T::RegieChanges.text(lang),
            sum.regie_changes.len()
        ),
        s.heading,
    ));
    for r in &sum.regie_changes {
        let from = r
            .from
            .as_ref()
            .map(|f| regisseur_label(f, t, lang))
            .unwrap_or_else(|| "—".into());
        lines.push(Line::styled(
            format!(
                "  {}: {from} → {} ({})",
                r.case,
                regisseur_label(&r.to, t, lang),
                r.reason
            ),
            s.base,
        ));
    }
    lines.push(Line::styled(
        format!("{} ({})", T::NewActions.text(lang), sum.actions.len()),
        s.heading,
    ));
    for a in &sum.actions {
        lines.push(Line::styled(
            format!(
                "  {} {} — {}, {}",
                a.number,
                a.text,
                t.member_name(&a.owner),
                fmt_date(a.due)
            ),
            s.base,
        ));
    }
    // The team's week: the verdeling and the herverdeling (issue 11).
    if !sum.verdeeld.is_empty() || !sum.op_de_lijst.is_empty() {
        lines.push(Line::styled(
            team_txt::verdeling_summary(sum.verdeeld.len(), sum.op_de_lijst.len(), lang),
            s.heading,
        ));
    }
    if sum.handed_over > 0 {
        lines.push(Line::styled(
            team_txt::herverdeling_summary(sum.handed_over, lang),
            s.heading,
        ));
    }
    for w in &sum.warnings {
        lines.push(Line::styled(
            format!("⚠ {}", crate::i18n::week::warning(w, lang)),
            s.warning,
        ));
    }
    for c in &sum.without_regisseur {
        lines.push(Line::styled(
            format!("⚠ {c}: {}", T::WarnNoRegisseur.text(lang)),
            s.warning,
        ));
    }
    if !sum.not_discussed.is_empty() {
        let cases: Vec<String> = sum
            .not_discussed
            .iter()
            .map(|code| {
                let p = team.case(code).map(|c| c.pseudonym.as_str()).unwrap_or("");
                format!("{code} {p}")
            })
            .collect();
        lines.push(Line::styled(
            format!(
                "⚠ {} ({}): {}",
                T::NotDiscussedList.text(lang),
                cases.len(),
                cases.join(", ")
            ),
            s.warning,
        ));
    }
    if !sum.unfinished.is_empty() {
        lines.push(Line::styled(
            format!(
                "⚠ {}: {}",
                T::Unfinished.text(lang),
                sum.unfinished.join(", ")
            ),
            s.warning,
        ));
    }
    // What the intern minutes would hold that looks like personal data: said before the close
    // is confirmed, with where it is (masked), so it can be corrected first.
    let findings = crate::minutes::intern_findings(team, m, lang);
    if !findings.is_empty() {
        lines.push(Line::styled(
            crate::i18n::tui::close_findings(findings.len(), lang),
            s.warning,
        ));
        for f in &findings {
            lines.push(Line::styled(
                format!("  {}", crate::minutes::finding_line(f, lang)),
                s.warning,
            ));
        }
    }
    if let Some(n) = sum.next_meeting {
        let mut l = vec![
            Span::styled(format!("{}: ", T::NextMeeting.text(lang)), s.heading),
            Span::styled(fmt_date(n), s.base),
        ];
        if m.next_meeting.is_none() {
            l.push(Span::styled(
                format!(" ({})", T::FromRhythm.text(lang)),
                s.muted,
            ));
        }
        l.push(Span::raw("   "));
        l.extend(hint(app, Action::NextMeetingDate));
        lines.push(Line::from(l));
    }
    lines.push(Line::default());
    let mut l = vec![Span::raw("  ")];
    l.extend(hint(app, Action::Select));
    l.push(Span::styled(
        format!(" — {}", T::CloseExplain.text(lang)),
        s.muted,
    ));
    lines.push(Line::from(l));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .scroll((app.views.close_scroll, 0))
            .block(block(
                app,
                format!("{} {}", T::CloseMeeting.text(lang), fmt_date(m.date)),
                true,
            )),
        area,
    );
}
