//! `overleg db …`: set up a PostgreSQL database, give people their teams, move a RON folder
//! in and out, and answer who saw a household. Every command needs `--db` (or `db` in the
//! config file); the password comes from PGPASSFILE, a service file or the directory login.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Subcommand;

use crate::i18n::Lang;
use crate::i18n::db as txt;
use crate::store::pg::{self, DbError, Target, admin, audit};

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Maak de rollen en het schema aan (als beheerder) en voeg teams toe.
    Init {
        /// Team-id's, met komma's: wijkteam-noord,wijkteam-zuid.
        #[arg(long, value_delimiter = ',')]
        teams: Vec<String>,
        /// Hoe lang het auditlog regels bewaart (dagen; standaard 730).
        #[arg(long, value_name = "DAGEN")]
        audit_retention_days: Option<u32>,
    },
    /// Werk het schema bij naar deze versie van overleg.
    Migrate,
    /// Geef een login precies deze teams (en eventueel het manageroverzicht of het auditlog).
    User {
        /// De login (rol) in PostgreSQL.
        name: String,
        #[arg(long, value_delimiter = ',')]
        teams: Vec<String>,
        /// Mag het overzicht over alle teams zien (aantallen, geen huishoudens).
        #[arg(long)]
        manager: bool,
        /// Mag het auditlog lezen (`overleg db audit`).
        #[arg(long)]
        auditor: bool,
    },
    /// Zet een RON-map (team of gemeente, uit --data) in de database.
    Import,
    /// Schrijf de database terug als RON-map.
    Export {
        #[arg(long, value_name = "MAP")]
        out: PathBuf,
    },
    /// Wie zag of wijzigde dit huishouden, en wanneer.
    Audit {
        #[arg(long = "case", value_name = "CODE")]
        case: Option<String>,
        /// Verwijder regels ouder dan de bewaartermijn.
        #[arg(long)]
        prune: bool,
        #[arg(long)]
        json: bool,
    },
    /// Het overzicht over alle teams voor de manager (aantallen, geen huishoudens).
    Overzicht {
        #[arg(long)]
        json: bool,
    },
    /// Versies die niet werden opgeslagen omdat iemand anders het stuk intussen wijzigde.
    Conflicten {
        /// Schrijf de inhoud van dit conflict (de RON van jouw versie) naar de standaarduitvoer.
        #[arg(long, value_name = "NR")]
        toon: Option<i64>,
        /// Verwijder dit conflict (als het is opgelost).
        #[arg(long, value_name = "NR")]
        verwijder: Option<i64>,
        #[arg(long)]
        json: bool,
    },
}

fn fail(e: &DbError, lang: Lang) -> anyhow::Result<ExitCode> {
    eprintln!(
        "overleg: {}",
        crate::text::escape_controls(&e.message(lang))
    );
    Ok(ExitCode::FAILURE)
}

fn target(db: Option<&str>, lang: Lang) -> Result<Target, DbError> {
    let Some(db) = db else {
        return Err(DbError::Other(txt::no_db(lang)));
    };
    Ok(Target::parse(db)?)
}

/// The lookups' load from the database (`overleg caseload --db …`, `zoek`).
pub fn load_lookup(db: &str, lang: Lang) -> crate::storage::LoadOutcome {
    let opened = target(Some(db), lang).and_then(|t| {
        let root = pg::local_root(&t);
        pg::PgStore::open(t, root)
    });
    match opened {
        Ok(mut store) => crate::store::Store::load(&mut store, &crate::store::Scope::All),
        Err(e) => pg::load::failed(Path::new("--db"), &e),
    }
}

pub fn run(db: Option<&str>, data: &Path, lang: Lang, cmd: DbCommand) -> anyhow::Result<ExitCode> {
    let t = match target(db, lang) {
        Ok(t) => t,
        Err(e) => return fail(&e, lang),
    };
    let mut c = match pg::connect(&t) {
        Ok(c) => c,
        Err(e) => return fail(&e, lang),
    };
    let r = match cmd {
        DbCommand::Init {
            teams,
            audit_retention_days,
        } => admin::init(&mut c, &teams, audit_retention_days).map(|s| {
            print_setup(&s, lang);
        }),
        DbCommand::Migrate => {
            let mut s = admin::Setup::default();
            admin::migrate(&mut c, &mut s).map(|()| print_setup(&s, lang))
        }
        DbCommand::User {
            name,
            teams,
            manager,
            auditor,
        } => pg::check_schema(&mut c)
            .and_then(|()| admin::set_user(&mut c, &name, &teams, manager, auditor))
            .map(|s| {
                let created = if s.roles_created.is_empty() {
                    ""
                } else {
                    " (nieuw)"
                };
                println!("{name}{created}: {}", teams.join(", "));
            }),
        DbCommand::Import => return import(&mut c, data, lang),
        DbCommand::Export { out } => pg::check_schema(&mut c)
            .and_then(|()| admin::export(&mut c, &out, true))
            .map(|m| print_moved(&m, &out.display().to_string(), lang)),
        DbCommand::Audit { case, prune, json } => run_audit(&mut c, case, prune, json, lang),
        DbCommand::Overzicht { json } => overview(&mut c, json, lang),
        DbCommand::Conflicten {
            toon,
            verwijder,
            json,
        } => conflicts(&mut c, toon, verwijder, json, lang),
    };
    match r {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => fail(&e, lang),
    }
}

fn print_setup(s: &admin::Setup, lang: Lang) {
    for line in txt::setup_lines(s, lang) {
        println!("{line}");
    }
}

fn print_moved(m: &admin::Moved, where_: &str, lang: Lang) {
    println!("{where_}: {}", txt::moved(m, lang));
}

/// Only a folder that `overleg check` passes goes in: a half-read folder would look like
/// deleted households in the database.
fn import(c: &mut postgres::Client, data: &Path, lang: Lang) -> anyhow::Result<ExitCode> {
    if let Err(e) = pg::check_schema(c) {
        return fail(&e, lang);
    }
    let outcome = crate::storage::load_workspace(data);
    if !outcome.problems.is_empty() {
        for p in &outcome.problems {
            eprintln!("{}", crate::text::escape_controls(&p.render(lang)));
        }
        eprintln!("overleg: {}", txt::import_refused(lang));
        return Ok(ExitCode::FAILURE);
    }
    match admin::import(c, &outcome.workspace, data) {
        Ok(m) => {
            print_moved(&m, &data.display().to_string(), lang);
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => fail(&e, lang),
    }
}

fn run_audit(
    c: &mut postgres::Client,
    case: Option<String>,
    prune: bool,
    json: bool,
    lang: Lang,
) -> Result<(), DbError> {
    if prune {
        let n = audit::prune(c)?;
        let days = audit::retention_days(c)?;
        println!("{}", txt::pruned(n, days, lang));
    }
    let Some(code) = case else {
        return Ok(());
    };
    if !crate::storage::is_case_code(&code) {
        return Err(DbError::Other(txt::not_a_code(&code, lang)));
    }
    let lines = audit::of_case(c, &code)?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&lines).map_err(|e| DbError::Other(e.to_string()))?
        );
        return Ok(());
    }
    if lines.is_empty() {
        println!("{}", txt::nothing_audited(&code, lang));
    }
    for l in &lines {
        let what = match (l.kind.as_str(), lang) {
            ("overleg", Lang::Nl) => format!("overleg {}", l.key),
            ("overleg", Lang::En) => format!("meeting {}", l.key),
            _ => code.clone(),
        };
        println!(
            "{}  {:<16} {:<12} {:<24} {what}",
            l.at.with_timezone(&chrono::Local)
                .format("%d-%m-%Y %H:%M:%S"),
            crate::text::escape_controls(&l.who),
            l.action,
            l.team
        );
    }
    Ok(())
}

fn overview(c: &mut postgres::Client, json: bool, lang: Lang) -> Result<(), DbError> {
    let rows = c.query(
        "SELECT team, team_name, households, aanmelding, onderzoek, plan, uitvoering, \
         evaluatie, afgesloten, without_regisseur, oldest_waiting_days \
         FROM overleg.caseload_overview ORDER BY team",
        &[],
    )?;
    let table: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            serde_json::json!({
                "team": r.get::<_, String>(0),
                "naam": r.get::<_, Option<String>>(1),
                "huishoudens": r.get::<_, i64>(2),
                "aanmelding": r.get::<_, i64>(3),
                "onderzoek": r.get::<_, i64>(4),
                "plan": r.get::<_, i64>(5),
                "uitvoering": r.get::<_, i64>(6),
                "evaluatie": r.get::<_, i64>(7),
                "afgesloten": r.get::<_, i64>(8),
                "zonder_regisseur": r.get::<_, i64>(9),
                "oudste_wachtend_dagen": r.get::<_, Option<i32>>(10),
            })
        })
        .collect();
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&table).map_err(|e| DbError::Other(e.to_string()))?
        );
    } else {
        let [h1, h2, h3] = txt::overview_header(lang);
        println!("{:<32} {h1:>11} {h2:>11} {h3:>16}", "team");
        for t in &table {
            println!(
                "{:<32} {:>11} {:>11} {:>16}",
                t["team"].as_str().unwrap_or(""),
                t["huishoudens"].as_i64().unwrap_or(0),
                t["aanmelding"].as_i64().unwrap_or(0),
                t["zonder_regisseur"].as_i64().unwrap_or(0)
            );
        }
    }
    Ok(())
}

/// The conflicts of the login's teams (row-level security shows only those): list, show one
/// (its RON, to compare and copy from), or remove one once resolved.
fn conflicts(
    c: &mut postgres::Client,
    show: Option<i64>,
    remove: Option<i64>,
    json: bool,
    lang: Lang,
) -> Result<(), DbError> {
    if let Some(id) = show {
        let row = c.query_opt("SELECT body FROM overleg.conflicts WHERE id = $1", &[&id])?;
        let Some(row) = row else {
            return Err(DbError::Other(txt::no_conflict(id, lang)));
        };
        let body: Vec<u8> = row.get(0);
        use std::io::Write;
        std::io::stdout()
            .write_all(&body)
            .map_err(|e| DbError::Other(e.to_string()))?;
        return Ok(());
    }
    if let Some(id) = remove {
        let n = c.execute("DELETE FROM overleg.conflicts WHERE id = $1", &[&id])?;
        if n == 0 {
            return Err(DbError::Other(txt::no_conflict(id, lang)));
        }
        println!("{}", txt::conflict_removed(id, lang));
        return Ok(());
    }
    let rows = c.query(
        "SELECT id, team, document, created_by::text, created_at FROM overleg.conflicts ORDER BY id",
        &[],
    )?;
    let list: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            serde_json::json!({
                "nr": r.get::<_, i64>(0),
                "team": r.get::<_, String>(1),
                "document": r.get::<_, String>(2),
                "door": r.get::<_, String>(3),
                "op": r.get::<_, chrono::DateTime<chrono::Utc>>(4).to_rfc3339(),
            })
        })
        .collect();
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&list).map_err(|e| DbError::Other(e.to_string()))?
        );
        return Ok(());
    }
    if list.is_empty() {
        println!("{}", txt::no_conflicts(lang));
    }
    for r in &rows {
        let at: chrono::DateTime<chrono::Utc> = r.get(4);
        println!(
            "#{:<5} {:<24} {:<28} {:<16} {}",
            r.get::<_, i64>(0),
            r.get::<_, String>(1),
            crate::text::escape_controls(&r.get::<_, String>(2)),
            crate::text::escape_controls(&r.get::<_, String>(3)),
            at.with_timezone(&chrono::Local).format("%d-%m-%Y %H:%M")
        );
    }
    Ok(())
}
