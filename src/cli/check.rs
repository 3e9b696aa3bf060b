//! `overleg check`: load every file and report every problem as `path:line:column: message`;
//! and the overview printed when no command is given.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;

use crate::domain::Workspace;
use crate::i18n::{Lang, check as t};
use crate::storage::{Problem, load_workspace};
use crate::text::escape_controls;

/// Runs `overleg check`: exit 0 with a one-line summary, or exit 1 listing every problem.
pub fn run(data: &Path, lang: Lang) -> anyhow::Result<ExitCode> {
    // Not freed before exit: see `keep_until_exit`.
    let outcome = super::coverage::keep_until_exit(load(data, lang));
    // Buffered: a broken municipality can list thousands of problems.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if outcome.problems.is_empty() {
        writeln!(
            out,
            "{}",
            escape_controls(&summary(&outcome.workspace, lang))
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    write_problems(&mut out, &outcome.problems, lang)?;
    out.flush()?;
    Ok(ExitCode::from(1))
}

/// The one-line summary of a clean workspace.
pub fn summary(ws: &Workspace, lang: Lang) -> String {
    t::all_good(
        &t::teams(ws.teams.len(), lang),
        &t::members(ws.member_count(), lang),
        &t::cases(ws.case_count(), lang),
        &t::meetings(ws.meeting_count(), lang),
        lang,
    )
}

fn write_problems(out: &mut impl Write, problems: &[Problem], lang: Lang) -> std::io::Result<()> {
    for p in problems {
        writeln!(out, "{}", escape_controls(&p.render(lang)))?;
    }
    writeln!(
        out,
        "{}",
        t::found(&t::problems(problems.len(), lang), lang)
    )
}

/// Without a command: the team(s) with member and case counts and the next meeting, then any
/// problems (until the TUI lands). Exit 1 when nothing could be loaded.
pub fn overview(data: &Path, lang: Lang, today: NaiveDate) -> anyhow::Result<ExitCode> {
    let outcome = load(data, lang);
    let mut out = std::io::stdout().lock();
    write!(
        out,
        "{}",
        escape_controls(&overview_text(&outcome.workspace, today, lang))
    )?;
    if !outcome.problems.is_empty() {
        writeln!(out)?;
        write_problems(&mut out, &outcome.problems, lang)?;
        writeln!(out, "{}", t::see_check(lang))?;
    }
    Ok(if outcome.workspace.teams.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The folder, or with `--db` the teams the login may see in the database (every document
/// that does not convert is a problem there).
fn load(data: &Path, lang: Lang) -> crate::storage::LoadOutcome {
    match super::coverage::db() {
        Some(db) => super::db::load_lookup(db, lang),
        None => load_workspace(data),
    }
}

/// The overview as text: a heading for a municipality, then one block per team.
pub fn overview_text(ws: &Workspace, today: NaiveDate, lang: Lang) -> String {
    let mut s = String::new();
    if let Some(name) = &ws.municipality {
        s.push_str(&t::municipality(
            name,
            &t::teams(ws.teams.len(), lang),
            lang,
        ));
        s.push('\n');
    }
    for data in &ws.teams {
        let team = &data.team;
        let open = data.cases.iter().filter(|c| c.is_open()).count();
        let next = team.rhythm.next_on_or_after(today);
        s.push_str(&format!("{} ({})\n", team.name, team.id));
        s.push_str(&format!(
            "  {}, {}\n  {}\n",
            t::members(team.members.len(), lang),
            t::cases_open(data.cases.len(), open, lang),
            t::next_meeting(
                next,
                team.rhythm.weekday,
                &team.rhythm.start.format("%H:%M").to_string(),
                lang
            ),
        ));
    }
    s
}
