//! `overleg zoek QUERY [--json] [--limit N]`: search cases, members, decisions and actions of
//! every team under `--data`. Matched letters are shown in bold on a terminal and in
//! [brackets] otherwise.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::i18n::{self, Lang};
use crate::search::{Engine, Hit, HitKind, SearchIndex, Searcher};

/// Arguments of `overleg zoek`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Zoekterm; hoofdletters en accenten maken niet uit (query; case and accents ignored).
    #[arg(required = true, num_args = 1..)]
    pub query: Vec<String>,
    /// Uitvoer als JSON (output as JSON).
    #[arg(long)]
    pub json: bool,
    /// Hoogstens zoveel resultaten (at most this many hits).
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Matcher to use (for comparing; the default is chosen by the benchmarks).
    #[arg(long, hide = true, value_enum)]
    pub engine: Option<EngineArg>,
}

/// The matchers, as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EngineArg {
    Skim,
    Nucleo,
}

/// One hit in the JSON output.
#[derive(Debug, Serialize)]
pub struct JsonHit<'a> {
    pub kind: HitKind,
    pub team: &'a str,
    pub team_name: &'a str,
    pub case: Option<&'a str>,
    pub member: Option<&'a str>,
    pub meeting: Option<chrono::NaiveDate>,
    pub text: &'a str,
    pub score: i64,
    /// Char indices into `text` of the matched letters.
    pub matched: &'a [usize],
}

/// The JSON output.
#[derive(Debug, Serialize)]
pub struct JsonOut<'a> {
    pub query: &'a str,
    /// False when some files failed to load: the hits cover only what loaded.
    pub complete: bool,
    pub problems: &'a [String],
    pub teams: usize,
    pub cases: usize,
    pub total: usize,
    pub hits: Vec<JsonHit<'a>>,
}

/// Writes `hit.text` with the matched letters marked.
pub fn marked(hit: &Hit, ansi: bool) -> String {
    hit.segments()
        .into_iter()
        .map(|(m, s)| (m, crate::text::escape_line(s)))
        .map(|(m, s)| match (m, ansi) {
            (false, _) => s.into_owned(),
            (true, true) => format!("\x1b[1m{s}\x1b[22m"),
            (true, false) => format!("[{s}]"),
        })
        .collect()
}

/// Runs the command. Exit code 0 when something was found, 1 when nothing was.
pub fn run(data: &Path, lang: Lang, args: Args) -> anyhow::Result<ExitCode> {
    // Not freed before exit: see `keep_until_exit`.
    let keys = super::indexed::Keys::of(data);
    // With --db there is no folder index; without one yet, a first search loads team by team.
    let opened = match super::coverage::db() {
        Some(_) => None,
        None => keys.open().or_else(|| keys.build_team_by_team()),
    };
    let (index, teams, cases, problems) = match opened {
        Some((index, teams, cases)) => (index, teams, cases, Vec::new()),
        None => {
            let (ws, problems) = super::coverage::load(data, lang);
            let ws = super::coverage::keep_until_exit(ws);
            if problems.is_empty() {
                keys.store(&ws);
            }
            (
                SearchIndex::build(&ws),
                ws.teams.len(),
                ws.case_count(),
                problems,
            )
        }
    };
    let index = super::coverage::keep_until_exit(index);
    let engine = match args.engine {
        Some(EngineArg::Skim) => Engine::Skim,
        Some(EngineArg::Nucleo) => Engine::Nucleo,
        None => Engine::DEFAULT,
    };
    let query = args.query.join(" ");
    let results = Searcher::new(engine).search(&index, &query, args.limit);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if args.json {
        let json = JsonOut {
            query: &query,
            complete: problems.is_empty(),
            problems: &problems,
            teams,
            cases,
            total: results.total,
            hits: results
                .hits
                .iter()
                .map(|h| JsonHit {
                    kind: h.kind,
                    team: index.team_id(h.location.team),
                    team_name: index.team_name(h.location.team),
                    case: h.location.case.as_deref(),
                    member: h.location.member.as_deref(),
                    meeting: h.location.meeting,
                    text: &h.text,
                    score: h.score,
                    matched: &h.matched,
                })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut out, &json)?;
        writeln!(out)?;
    } else {
        let ansi = std::io::stdout().is_terminal();
        if results.hits.is_empty() {
            let none = i18n::search::no_hits(&query, lang);
            writeln!(out, "{}", crate::text::escape_line(&none))?;
        }
        for h in &results.hits {
            let team = crate::text::escape_line(index.team_name(h.location.team));
            let when = h
                .location
                .meeting
                .map(|d| format!(" ({})", d.format("%d-%m-%Y")))
                .unwrap_or_default();
            writeln!(
                out,
                "{:<10} {team}{when}: {}",
                i18n::search::kind(h.kind, lang),
                marked(h, ansi)
            )?;
        }
        eprintln!(
            "{}; {}",
            i18n::search::scope(teams, cases, lang),
            i18n::search::summary(results.total, results.hits.len(), lang)
        );
    }
    super::coverage::warn(&problems, lang);
    Ok(if results.total > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
