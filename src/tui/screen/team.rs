//! The team screen: who is in the team — roles, FTE, expertise, youth authority, start, end
//! and leave — with the meeting rhythm and the caseload norm above them. Enter changes a
//! member, + adds one, v sets leave, r the rhythm, n the norm; every change is written to
//! `team.ron` through the guarded, atomic save (a hand-edited `team.ron` that changed on disk
//! is never overwritten).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use crate::domain::Member;
use crate::i18n::Lang;
use crate::i18n::tui::team::{self as txt, TeamScreen};
use crate::tui::app::App;
use crate::tui::form::FormKind;
use crate::tui::form::rhythm::RhythmForm;
use crate::tui::form::team::{LeaveForm, MemberForm, NormForm};
use crate::tui::keymap::Action;
use crate::tui::msg::Effect;
use crate::tui::popup::form::FormPopup;
use crate::tui::widgets::{block, ellipsize};

/// Every action of the team screen.
pub const ALL: [Action; 8] = [
    Action::Select,
    Action::AddMember,
    Action::Leave,
    Action::EditRhythm,
    Action::EditNorm,
    Action::Up,
    Action::Down,
    Action::Back,
];

/// The member selected on the team screen.
fn selected(app: &App) -> Option<&Member> {
    let members = &app.team_data()?.team.members;
    members.get(app.views.team_member.min(members.len().saturating_sub(1)))
}

pub fn on_action(app: &mut App, action: Action) -> Vec<Effect> {
    let n = app.team_data().map_or(0, |t| t.team.members.len());
    let form = match action {
        Action::Up => {
            app.views.team_member = app.views.team_member.min(n).saturating_sub(1);
            None
        }
        Action::Down => {
            app.views.team_member = (app.views.team_member + 1).min(n.saturating_sub(1));
            None
        }
        Action::Select => selected(app)
            .map(|m| m.id.clone())
            .and_then(|id| MemberForm::edit(app, &id))
            .map(FormKind::Member),
        Action::AddMember => Some(FormKind::Member(MemberForm::add(app))),
        Action::Leave => selected(app)
            .map(|m| m.id.clone())
            .and_then(|id| LeaveForm::build(app, &id))
            .map(FormKind::Leave),
        Action::EditNorm => NormForm::build(app).map(FormKind::Norm),
        Action::EditRhythm => RhythmForm::build(app).map(FormKind::Rhythm),
        Action::Back => {
            super::back_from_lookup(app);
            None
        }
        _ => None,
    };
    if let Some(kind) = form {
        app.open(FormPopup::popup(kind));
    }
    vec![]
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let Some(td) = app.team_data() else {
        return;
    };
    let lang = app.lang;
    let s = &app.styles;
    let team = &td.team;
    let [head, list_area] =
        Layout::vertical([Constraint::Length(4), Constraint::Min(3)]).areas(area);
    let width = usize::from(head.width.saturating_sub(2));
    let r = &team.rhythm;
    let end = r.start + chrono::Duration::minutes(i64::from(r.duration_minutes));
    let day = crate::i18n::check::weekday_name(r.weekday, lang);
    let rhythm = txt::rhythm_line(
        day,
        &r.start.format("%H:%M").to_string(),
        &end.format("%H:%M").to_string(),
        r.interval_weeks,
        &r.place,
        lang,
    );
    let n = &team.caseload_norm;
    let norm = txt::norm_line(
        n.cases_per_fte,
        n.weight_licht,
        n.weight_midden,
        n.weight_zwaar,
        lang,
    );
    let line = |label: TeamScreen, value: String| {
        let label = format!("{}: ", label.text(lang));
        let rest = width.saturating_sub(label.chars().count());
        Line::from(vec![
            Span::styled(label, s.heading),
            Span::styled(ellipsize(&value, rest), s.base),
        ])
    };
    frame.render_widget(
        Paragraph::new(vec![
            line(TeamScreen::Rhythm, rhythm),
            line(TeamScreen::Norm, norm),
        ])
        .block(block(
            app,
            format!("{} · {}", TeamScreen::Title.text(lang), team.name),
            false,
        )),
        head,
    );

    let inner = usize::from(list_area.width.saturating_sub(4));
    let items: Vec<ListItem> = team
        .members
        .iter()
        .map(|m| member_item(app, m, inner, lang))
        .collect();
    let title = format!(
        "{} ({})",
        TeamScreen::Members.text(lang),
        team.members.len()
    );
    if items.is_empty() {
        frame.render_widget(
            Paragraph::new(Line::styled(TeamScreen::NoMembers.text(lang), s.muted))
                .block(block(app, title, true)),
            list_area,
        );
        return;
    }
    let list = List::new(items)
        .block(block(app, title, true))
        .highlight_style(s.selected)
        .highlight_symbol("▶ ");
    let sel = app.views.team_member.min(team.members.len() - 1);
    let mut st = ListState::default().with_selected(Some(sel));
    frame.render_stateful_widget(list, list_area, &mut st);
}

/// One or two lines per member: name, FTE and roles; then, when there is something to say,
/// where they stand (start, end, leave), youth authority and expertise. Someone who left is
/// shown muted.
fn member_item<'a>(app: &App, m: &Member, width: usize, lang: Lang) -> ListItem<'a> {
    let s = &app.styles;
    let today = app.today;
    let gone = m.end.is_some_and(|e| e <= today);
    let roles: Vec<&str> = m.roles.iter().map(|r| r.label()).collect();
    let name_w = 26.min(width / 2);
    let first = format!(
        "{:<name_w$} {:<9} {}",
        ellipsize(&m.name, name_w),
        txt::fte(m.fte, lang),
        roles.join(", ")
    );
    let leave = m
        .leave
        .iter()
        .filter(|l| l.until.is_none_or(|u| today <= u))
        .map(|l| (l.from, l.until))
        .min();
    let state = txt::member_state(m.start, m.end, leave, today, lang);
    let mut second: Vec<String> = Vec::new();
    if !state.is_empty() {
        second.push(state.clone());
    }
    if !m.youth_authority {
        second.push(crate::i18n::week::TeamText::NoYouth.text(lang).into());
    }
    if !m.expertise.is_empty() {
        second.push(m.expertise.join(", "));
    }
    let warn = !state.is_empty() && !gone;
    let mut lines = vec![Line::styled(
        ellipsize(&first, width),
        if gone { s.muted } else { s.base },
    )];
    if !second.is_empty() {
        lines.push(Line::styled(
            ellipsize(&format!("   {}", second.join(" · ")), width),
            if warn { s.warning } else { s.muted },
        ));
    }
    ListItem::new(lines)
}
