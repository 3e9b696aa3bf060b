//! Texts of the PostgreSQL store and `overleg db`.

use super::Lang;
use crate::store::pg::{DbError, TargetError};

/// A database error for the user. Server messages name roles, tables and constraints; the
/// `DETAIL` part, which can quote a row, is never shown.
pub fn error(e: &DbError, lang: Lang) -> String {
    match e {
        DbError::Target(TargetError::PasswordGiven) => lang
            .pick(
                "het wachtwoord hoort niet in --db (het komt dan in de geschiedenis van de shell en in de proceslijst): zet het in PGPASSFILE of ~/.pgpass, gebruik een servicebestand (service=NAAM) of de login van het domein",
                "the password does not belong in --db (it would end up in the shell history and the process list): put it in PGPASSFILE or ~/.pgpass, use a service file (service=NAME) or the directory login",
            )
            .to_string(),
        DbError::Target(TargetError::Syntax(s)) => format!(
            "{}: {s}",
            lang.pick("onleesbare verbindingstekst", "unreadable connection string")
        ),
        DbError::Target(TargetError::NoService(s)) => format!(
            "{} {s} {}",
            lang.pick("service", "service"),
            lang.pick(
                "staat niet in PGSERVICEFILE of ~/.pg_service.conf",
                "is not in PGSERVICEFILE or ~/.pg_service.conf"
            )
        ),
        DbError::Unreachable(s) => format!(
            "{}: {s}",
            lang.pick("database niet bereikbaar", "database unreachable")
        ),
        DbError::Server { code, message } if code == "42501" => format!(
            "{} ({message})",
            lang.pick(
                "geen toegang: deze login mag dit niet",
                "permission denied: this login may not do this"
            )
        ),
        DbError::Server { code, message } => format!(
            "{} {code}: {message}",
            lang.pick("de database weigert", "the database refuses")
        ),
        DbError::Schema { found: None, .. } => lang
            .pick(
                "de database heeft nog geen overleg-schema: `overleg db init` (als beheerder)",
                "the database has no overleg schema yet: `overleg db init` (as administrator)",
            )
            .to_string(),
        DbError::Schema {
            found: Some(f),
            expected,
        } if f < expected => format!(
            "{} {f}, {} {expected}: `overleg db migrate`",
            lang.pick("schemaversie", "schema version"),
            lang.pick("deze versie van overleg verwacht", "this version of overleg expects")
        ),
        DbError::Schema { found, expected } => format!(
            "{} {}, {} {expected}: {}",
            lang.pick("schemaversie", "schema version"),
            found.unwrap_or_default(),
            lang.pick("deze versie van overleg kent", "this version of overleg knows"),
            lang.pick("werk overleg bij", "update overleg")
        ),
        DbError::OwnerLogin(user) => format!(
            "{user}: {}",
            lang.pick(
                "dit is een beheerderslogin (superuser of eigenaar van de tabellen), waarvoor de toegang per team niet geldt; start overleg met je eigen login (beheer gaat met `overleg db …`)",
                "this is an administrator login (superuser or the tables' owner), to which the per-team access does not apply; start overleg with your own login (administration is `overleg db …`)"
            )
        ),
        DbError::Other(s) => s.clone(),
    }
}

/// The header's mark while writes wait in the journal.
pub fn offline(waiting: usize, lang: Lang) -> String {
    match (lang, waiting) {
        (Lang::Nl, 1) => "offline — 1 wijziging wacht".into(),
        (Lang::Nl, n) => format!("offline — {n} wijzigingen wachten"),
        (Lang::En, 1) => "offline — 1 change waiting".into(),
        (Lang::En, n) => format!("offline — {n} changes waiting"),
    }
}

/// After the journal was applied.
pub fn replayed(applied: usize, conflicts: usize, lang: Lang) -> String {
    match (lang, conflicts) {
        (Lang::Nl, 0) => format!("Weer verbonden: {applied} wijzigingen opgeslagen"),
        (Lang::Nl, c) => format!(
            "Weer verbonden: {applied} opgeslagen, {c} in conflict (iemand anders wijzigde ze; jouw versie staat bij de conflicten in de database)"
        ),
        (Lang::En, 0) => format!("Reconnected: {applied} changes saved"),
        (Lang::En, c) => format!(
            "Reconnected: {applied} saved, {c} in conflict (someone else changed them; your version is among the database's conflicts)"
        ),
    }
}

/// Someone else holds the team's lease.
pub fn lease_held(user: &str, machine: &str, minutes: i64, lang: Lang) -> String {
    format!(
        "{} {user} ({machine}); {} {minutes} {}",
        lang.pick("in gebruik door", "in use by"),
        lang.pick("vrij over uiterlijk", "free in at most"),
        lang.pick("min.", "min.")
    )
}

/// The lease expired while away and another chair took it.
pub fn lease_lost(lang: Lang) -> String {
    lang.pick(
        "een andere voorzitter heeft het team overgenomen (de lease liep af)",
        "another chair took the team over (the lease expired)",
    )
    .to_string()
}

/// A RON team folder inside a sync client's folder.
pub fn synced_folder(client: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "Let op: deze teammap staat in een map van {client}. Die kopieert bestanden met vertraging tussen laptops, kent geen 'alleen als het nog niet bestaat' en laat conflictkopieën achter: het slot van overleg kan twee voorzitters hier niet tegenhouden. Gebruik de database (overleg --db, zie de README) of een gedeelde netwerkmap."
        ),
        Lang::En => format!(
            "Note: this team folder is inside a {client} folder. It copies files between laptops with a delay, has no 'only if it does not exist yet' and leaves conflict copies: overleg's lock cannot keep two chairs apart here. Use the database (overleg --db, see the README) or a shared network folder."
        ),
    }
}

/// `overleg db` without a database.
pub fn no_db(lang: Lang) -> String {
    lang.pick(
        "geef de database met --db (of `db` in het configuratiebestand)",
        "name the database with --db (or `db` in the config file)",
    )
    .to_string()
}

/// What `db init` or `db migrate` did, a line each.
pub fn setup_lines(s: &crate::store::pg::admin::Setup, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    out.extend(s.applied.iter().map(|m| format!("schema: {m}")));
    let role = lang.pick("rol aangemaakt:", "role created:");
    out.extend(s.roles_created.iter().map(|r| format!("{role} {r}")));
    let team = lang.pick("team toegevoegd:", "team added:");
    out.extend(s.teams_added.iter().map(|t| format!("{team} {t}")));
    out.push(
        if s.pgaudit {
            lang.pick(
                "pgaudit: aan (lezen en schrijven van zaken en overleggen in het serverlog)",
                "pgaudit: on (reads and writes of cases and meetings in the server log)",
            )
        } else {
            lang.pick(
                "pgaudit: niet geladen (shared_preload_libraries); het auditlog in de database houdt lezen en schrijven bij",
                "pgaudit: not loaded (shared_preload_libraries); the audit table in the database records reads and writes",
            )
        }
        .to_string(),
    );
    out
}

/// What an import or export moved.
pub fn moved(m: &crate::store::pg::admin::Moved, lang: Lang) -> String {
    format!(
        "{} teams, {} {}, {} {}, {} {}",
        m.teams,
        m.cases,
        lang.pick("zaken", "cases"),
        m.meetings,
        lang.pick("overleggen", "meetings"),
        m.minutes,
        lang.pick("notulen", "minutes"),
    )
}

/// `db import` of a folder with problems.
pub fn import_refused(lang: Lang) -> &'static str {
    lang.pick(
        "niet ingelezen: herstel eerst de problemen hierboven (`overleg check`)",
        "not imported: fix the problems above first (`overleg check`)",
    )
}

/// `db audit --prune`.
pub fn pruned(n: i64, days: i64, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{n} regels verwijderd, ouder dan {days} dagen"),
        Lang::En => format!("{n} entries removed, older than {days} days"),
    }
}

/// `db audit --case` with something that is no case code.
pub fn not_a_code(code: &str, lang: Lang) -> String {
    format!(
        "{code:?}: {}",
        lang.pick("geen zaakcode (JJJJ-NNNN)", "not a case code (YYYY-NNNN)")
    )
}

/// `db audit --case` of a household nobody touched (in the retention period).
pub fn nothing_audited(code: &str, lang: Lang) -> String {
    format!(
        "{code}: {}",
        lang.pick("niets in het auditlog", "nothing in the audit log")
    )
}

/// A change left offline by an earlier session that someone else overtook.
pub fn replay_conflict(kept: Option<&str>, lang: Lang) -> String {
    let kept = kept.unwrap_or("—");
    match lang {
        Lang::Nl => format!(
            "een wijziging van een eerdere sessie (offline) is niet toegepast: iemand anders wijzigde dit intussen; jouw versie staat in de database als {kept}"
        ),
        Lang::En => format!(
            "a change of an earlier session (offline) was not applied: someone else changed this meanwhile; your version is in the database as {kept}"
        ),
    }
}

/// `db conflicten` with a number that is not there (or not of the login's teams).
pub fn no_conflict(id: i64, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("conflict #{id} bestaat niet (of is niet van jouw teams)"),
        Lang::En => format!("conflict #{id} does not exist (or is not of your teams)"),
    }
}

pub fn conflict_removed(id: i64, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("conflict #{id} verwijderd"),
        Lang::En => format!("conflict #{id} removed"),
    }
}

pub fn no_conflicts(lang: Lang) -> &'static str {
    lang.pick("geen conflicten", "no conflicts")
}

/// The columns of `db overzicht`.
pub fn overview_header(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Nl => ["huishoudens", "aanmelding", "zonder regisseur"],
        Lang::En => ["households", "referrals", "no regisseur"],
    }
}

/// A command that works on a folder only, given `--db`.
pub fn folder_only(command: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "`overleg {command}` werkt nog alleen op een map, niet met --db; in de interface (overleg --db …) kan het wel, of exporteer eerst met `overleg db export`"
        ),
        Lang::En => format!(
            "`overleg {command}` works on a folder only, not with --db yet; use the interface (overleg --db …), or export first with `overleg db export`"
        ),
    }
}
