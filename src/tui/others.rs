//! Taking in the other teams of a municipality, loaded in the background after the chosen
//! team was shown (issue 15: the interface starts on one team's files, not on 50,000).

use super::app::App;
use super::msg::Others;
use crate::i18n::tui::status;

/// Adds the teams of `others` that the app does not have yet, after the ones it has (so the
/// chosen team keeps its index, and nothing the user changed meanwhile is replaced), with
/// their fingerprints; search sees them on its next build.
pub fn merge(app: &mut App, others: Others) {
    app.others_loading = false;
    let Others {
        workspace,
        seen,
        problems,
        parts,
    } = others;
    let have: Vec<std::path::PathBuf> = app.workspace.teams.iter().map(|t| t.dir.clone()).collect();
    let known = |p: &std::path::Path| have.iter().any(|d| p.starts_with(d));
    for (path, fp) in seen {
        if !known(&path) {
            app.seen.insert(path, fp);
        }
    }
    if workspace.municipality.is_some() {
        app.workspace.municipality = workspace.municipality;
    }
    for team in workspace.teams {
        if have.contains(&team.dir) {
            continue;
        }
        app.workspace.teams.push(team);
        app.watched.insert(app.workspace.teams.len() - 1);
    }
    app.data_gen += 1;
    // The kept index parts describe the files as loaded in the background: only for the
    // teams taken in just now (the app's own copy of a team it had may have changed), and
    // only until the data changes again.
    app.search.parts = parts
        .into_iter()
        .filter(|(dir, _)| !have.contains(dir))
        .collect();
    app.search.parts_from = app.data_gen;
    let teams = app.workspace.teams.len();
    if problems.is_empty() {
        // Never over what the user was told at the start (a resumed meeting, read only).
        if app.status.is_none() {
            app.info(status::others_loaded(teams, app.lang));
        }
    } else {
        app.error(status::others_problems(problems.len(), app.lang));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Workspace;
    use crate::search::SearchIndex;
    use crate::storage::guard::Fingerprint;
    use crate::testdata;

    fn two_teams() -> Workspace {
        let mut ws = testdata::workspace();
        let mut other = ws.teams[0].clone();
        other.dir = "/data/west".into();
        other.team.id = "west".into();
        other.team.name = "Wijkteam West".into();
        ws.teams[0].dir = "/data/oost".into();
        ws.teams.push(other);
        ws.municipality = Some("Gemeente Voorbeeld".into());
        ws
    }

    fn app_on_first(ws: &Workspace) -> App {
        let first = Workspace {
            municipality: None,
            teams: vec![ws.teams[0].clone()],
        };
        let mut app = App::new(
            first,
            crate::i18n::Lang::Nl,
            crate::tui::tests::start_time(),
        );
        app.others_loading = true;
        app
    }

    #[test]
    fn the_other_teams_join_after_the_chosen_one_which_keeps_its_changes() {
        let ws = two_teams();
        let mut app = app_on_first(&ws);
        assert_eq!(app.team, Some(0));
        let changed = "veranderd tijdens het laden".to_string();
        app.team_data_mut().expect("team").team.name = changed.clone();
        let generation = app.data_gen;
        let west_case = ws.teams[1].dir.join("cases/x.ron");
        let oost_case = ws.teams[0].dir.join("cases/y.ron");
        merge(
            &mut app,
            Others {
                workspace: ws.clone(),
                seen: vec![
                    (west_case.clone(), Fingerprint::of_bytes(b"west")),
                    (oost_case.clone(), Fingerprint::of_bytes(b"stale")),
                ],
                problems: vec![],
                parts: vec![],
            },
        );
        assert!(!app.others_loading);
        assert_eq!(app.workspace.teams.len(), 2);
        assert_eq!(app.team, Some(0));
        assert_eq!(app.workspace.teams[0].team.name, changed);
        assert_eq!(app.workspace.teams[1].team.id, "west");
        assert_eq!(
            app.workspace.municipality.as_deref(),
            Some("Gemeente Voorbeeld")
        );
        assert!(app.watched.contains(&1));
        assert!(app.seen.get(&west_case).is_some());
        assert!(
            app.seen.get(&oost_case).is_none(),
            "the chosen team's files stay as they were"
        );
        assert!(app.data_gen > generation, "search builds again");
    }

    #[test]
    fn problems_of_the_other_teams_are_counted_on_the_status_line() {
        let ws = two_teams();
        let mut app = app_on_first(&ws);
        merge(
            &mut app,
            Others {
                workspace: ws,
                seen: vec![],
                problems: vec!["west/cases/2026-0001.ron:3:5: kapot".into()],
                parts: vec![],
            },
        );
        match &app.status {
            Some(crate::tui::app::Status::Error(t)) => assert!(t.contains('1'), "{t}"),
            other => panic!("expected a warning, got {other:?}"),
        }
    }

    /// The kept index part of a team taken in is what the first search uses (here a part made
    /// of a renamed copy, so that it can be told apart); the part of the chosen team is not
    /// (the app's own copy may have changed), and after a change the index is built from
    /// what the app holds.
    #[test]
    fn the_first_search_uses_the_kept_parts_of_the_teams_taken_in() {
        let ws = two_teams();
        let mut app = app_on_first(&ws);
        let mut renamed = ws.clone();
        for td in &mut renamed.teams {
            td.cases[0].pseudonym = format!("Fam. Kept{}", td.team.id);
        }
        let parts = renamed
            .teams
            .iter()
            .map(|td| (td.dir.clone(), SearchIndex::team_part(td)))
            .collect();
        merge(
            &mut app,
            Others {
                workspace: ws,
                seen: vec![],
                problems: vec![],
                parts,
            },
        );
        let hits = |app: &mut App, q: &str| app.search_index().search(q, 10).total;
        assert_eq!(hits(&mut app, "keptwest"), 1, "the kept part of west");
        assert_eq!(hits(&mut app, "keptoost"), 0, "not the chosen team's");
        app.team_data_mut().expect("team");
        assert_eq!(hits(&mut app, "keptwest"), 0, "built from the app's data");
    }
}
