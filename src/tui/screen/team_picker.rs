//! Choosing a team when the data folder is a municipality.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};

use crate::i18n::tui::T;
use crate::tui::app::App;
use crate::tui::keymap::Action;
use crate::tui::msg::Effect;
use crate::tui::popup::form::restore_draft;
use crate::tui::widgets::block;

/// The actions of the team picker.
pub const ALL: [Action; 3] = [Action::Up, Action::Down, Action::Select];

pub fn on_action(app: &mut App, action: Action) -> Vec<Effect> {
    let n = app.workspace.teams.len();
    match action {
        Action::Up => app.views.team_picker = app.views.team_picker.saturating_sub(1),
        Action::Down if app.views.team_picker + 1 < n => app.views.team_picker += 1,
        Action::Select => {
            let fx = app.choose_team(app.views.team_picker);
            restore_draft(app);
            return fx;
        }
        _ => {}
    }
    vec![]
}

pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let items: Vec<ListItem> = app
        .workspace
        .teams
        .iter()
        .map(|t| {
            ListItem::new(Line::from(vec![
                Span::styled(t.team.name.clone(), app.styles.base),
                Span::styled(
                    format!(
                        "  {} · {} {}",
                        t.team.id,
                        t.cases.len(),
                        T::Cases.text(app.lang)
                    ),
                    app.styles.muted,
                ),
            ]))
        })
        .collect();
    let title = match &app.workspace.municipality {
        Some(m) => format!("{} — {}", T::ChooseTeam.text(app.lang), m),
        None => T::ChooseTeam.text(app.lang).to_string(),
    };
    let list = List::new(items)
        .block(block(app, title, true))
        .highlight_style(app.styles.selected)
        .highlight_symbol("▶ ");
    let mut state = ListState::default().with_selected(Some(app.views.team_picker));
    frame.render_stateful_widget(list, area, &mut state);
}
