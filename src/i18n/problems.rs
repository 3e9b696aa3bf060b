//! Texts of the problems `overleg check` reports: "what is wrong — how to fix it", Dutch
//! first, English second.

use crate::i18n::Lang;
use crate::storage::{MAX_FILE_BYTES, Period, ProblemKind};

/// Picks between a Dutch and an English `format!`, both with the same arguments in scope.
macro_rules! tr {
    ($lang:expr, $nl:literal, $en:literal $(,)?) => {
        match $lang {
            Lang::Nl => format!($nl),
            Lang::En => format!($en),
        }
    };
}

/// The message for a problem.
pub fn message(kind: &ProblemKind, lang: Lang) -> String {
    use ProblemKind as K;
    match kind {
        K::DataDirMissing => tr!(
            lang,
            "map niet gevonden — geef een team- of gemeentemap op met --data MAP",
            "folder not found — name a team or municipality folder with --data DIR"
        ),
        K::NoTeams => tr!(
            lang,
            "geen team gevonden: hier staat geen team.ron en geen submap met een team.ron — kies de juiste map met --data",
            "no team found: there is no team.ron here and no subfolder with one — pick the right folder with --data"
        ),
        K::Unreadable { error } => tr!(
            lang,
            "bestand kan niet gelezen worden ({error}) — controleer de rechten van het bestand",
            "file cannot be read ({error}) — check the file's permissions"
        ),
        K::TooLarge { size, limit } => {
            let (mb, max) = (mib(*size), mib(*limit));
            tr!(
                lang,
                "bestand is te groot ({mb} MiB, maximaal {max} MiB) en is niet gelezen — is dit het juiste bestand? Een casus is een paar kilobyte",
                "file is too large ({mb} MiB, at most {max} MiB) and was not read — is this the right file? A case is a few kilobytes"
            )
        }
        K::Empty => tr!(
            lang,
            "bestand is leeg — vul het aan (zie docs/data-format.md) of verwijder het",
            "file is empty — fill it in (see docs/data-format.md) or remove it"
        ),
        K::NotUtf8 => tr!(
            lang,
            "geen geldige UTF-8-tekst vanaf hier — sla het bestand op als UTF-8 (is het wel een RON-bestand?)",
            "not valid UTF-8 text from here — save the file as UTF-8 (is it a RON file at all?)"
        ),
        K::Binary => tr!(
            lang,
            "binair bestand (bevat NUL-bytes), geen tekst — zet hier alleen RON-tekstbestanden neer",
            "binary file (holds NUL bytes), not text — only put RON text files here"
        ),
        K::Utf16 => tr!(
            lang,
            "bestand is opgeslagen als UTF-16 (\"Unicode\") — sla het op als UTF-8 (in Kladblok: Opslaan als… › Codering: UTF-8)",
            "file is saved as UTF-16 (\"Unicode\") — save it as UTF-8 (in Notepad: Save as… › Encoding: UTF-8)"
        ),
        K::NotRegularFile { kind, via_symlink } => {
            let what = file_kind(*kind, lang);
            let link = if *via_symlink {
                lang.pick(
                    " (via een symbolische koppeling)",
                    " (through a symbolic link)",
                )
            } else {
                ""
            };
            tr!(
                lang,
                "geen gewoon bestand maar {what}{link}; niet geopend — zet hier alleen RON-tekstbestanden neer",
                "not a regular file but {what}{link}; not opened — only put RON text files here"
            )
        }
        K::UnfinishedChange { parts } => tr!(
            lang,
            "een wijziging van {parts} bestanden (bijvoorbeeld het sluiten van een overleg) is onderbroken en nog niet helemaal weggeschreven — start `overleg` voor dit team: die maakt de wijziging af, of zegt welk bestand niet lukt",
            "a change of {parts} files (e.g. closing a meeting) was interrupted and is not fully written — start `overleg` for this team: it completes the change, or says which file fails"
        ),
        K::ConflictCopy { original } => match original {
            Some(o) => {
                let o = o.display();
                tr!(
                    lang,
                    "conflictkopie van {o} (van overleg of een synchronisatieprogramma) — vergelijk beide, neem over wat nodig is in {o} en verwijder daarna de kopie",
                    "conflict copy of {o} (by overleg or a sync tool) — compare both, carry what is needed into {o}, then remove the copy"
                )
            }
            None => tr!(
                lang,
                "conflictkopie (van overleg of een synchronisatieprogramma) — vergelijk met het originele bestand, neem over wat nodig is en verwijder daarna de kopie",
                "conflict copy (by overleg or a sync tool) — compare it with the original file, carry over what is needed, then remove the copy"
            ),
        },
        K::NumberOutOfRange {
            field,
            value,
            min,
            max,
            min_excluded,
        } => {
            let low = if *min_excluded {
                tr!(lang, "groter dan {min}", "above {min}")
            } else {
                tr!(lang, "minstens {min}", "at least {min}")
            };
            tr!(
                lang,
                "{field} is {value}, dat kan niet — gebruik een getal {low} en hoogstens {max}",
                "{field} is {value}, which cannot be — use a number {low} and at most {max}"
            )
        }
        K::Parse(e) => parse_message(e, lang),
        K::InvalidDate { text } => {
            let text = mask_literal(text);
            tr!(
                lang,
                "ongeldige datum \"{text}\" — schrijf een bestaande datum als \"JJJJ-MM-DD\", bijvoorbeeld \"2026-02-28\"",
                "invalid date \"{text}\" — write a date that exists as \"YYYY-MM-DD\", e.g. \"2026-02-28\""
            )
        }
        K::InvalidTime { text } => {
            let text = mask_literal(text);
            tr!(
                lang,
                "ongeldige tijd \"{text}\" — schrijf een tijd als \"UU:MM:SS\", bijvoorbeeld \"09:30:00\"",
                "invalid time \"{text}\" — write a time as \"HH:MM:SS\", e.g. \"09:30:00\""
            )
        }
        K::UnsupportedVersion { found, supported } => {
            if found > supported {
                tr!(
                    lang,
                    "versie {found} wordt niet ondersteund (deze overleg leest versie {supported}) — het bestand is gemaakt met een nieuwere overleg; werk overleg bij",
                    "version {found} is not supported (this overleg reads version {supported}) — the file was made by a newer overleg; update overleg"
                )
            } else {
                tr!(
                    lang,
                    "versie {found} wordt niet ondersteund — zet version: {supported}",
                    "version {found} is not supported — set version: {supported}"
                )
            }
        }
        K::InvalidCaseCode { code } => {
            let code = mask_literal(code);
            tr!(
                lang,
                "ongeldige casuscode \"{code}\" — een casuscode is jaar-volgnummer, JJJJ-NNNN, bijvoorbeeld \"2026-0142\"",
                "invalid case code \"{code}\" — a case code is year-serial, YYYY-NNNN, e.g. \"2026-0142\""
            )
        }
        K::FteOutOfRange { member, fte } => tr!(
            lang,
            "fte {fte} van \"{member}\" ligt niet tussen 0 en 1.5 (0 zelf kan niet) — schrijf de omvang als deel van een voltijdbaan, bijvoorbeeld 0.89 voor 32 uur",
            "fte {fte} of \"{member}\" is not between 0 and 1.5 (0 itself cannot be) — write the contract as a fraction of a full-time job, e.g. 0.89 for 32 hours"
        ),
        K::DuplicateMemberId { id } => tr!(
            lang,
            "medewerker-id \"{id}\" komt twee keer voor — geef elke medewerker een eigen id",
            "member id \"{id}\" appears twice — give every member an id of their own"
        ),
        K::AnchorNotOnWeekday { anchor, weekday } => {
            let weekday = crate::i18n::check::weekday_name(*weekday, lang);
            tr!(
                lang,
                "anchor {anchor} valt niet op een {weekday} — kies als anchor de datum van een overleg op de weekdag van het ritme",
                "anchor {anchor} is not a {weekday} — use as anchor the date of a meeting on the rhythm's weekday"
            )
        }
        K::IntervalZero => tr!(
            lang,
            "interval_weeks is 0 — schrijf om de hoeveel weken het team overlegt, bijvoorbeeld 2",
            "interval_weeks is 0 — write every how many weeks the team meets, e.g. 2"
        ),
        K::DuplicateTeamId { id, other } => {
            let other = other.display();
            tr!(
                lang,
                "team-id \"{id}\" wordt ook gebruikt door {other} — geef elk team een eigen id",
                "team id \"{id}\" is also used by {other} — give every team an id of its own"
            )
        }
        K::UnknownMember { field, id } => tr!(
            lang,
            "onbekende medewerker \"{id}\" in {field} — gebruik een id uit members in team.ron, of voeg de medewerker daar toe",
            "unknown member \"{id}\" in {field} — use an id from members in team.ron, or add the member there"
        ),
        K::UnknownPerson { field, name } => tr!(
            lang,
            "\"{name}\" in {field} is geen medewerker en geen gast van dit overleg — gebruik een id uit team.ron of de naam van een gast uit guests",
            "\"{name}\" in {field} is neither a member nor a guest of this meeting — use an id from team.ron or the name of a guest in guests"
        ),
        K::UnknownCase { code } => tr!(
            lang,
            "onbekende casus \"{code}\" — er is geen cases/{code}.ron in dit team; controleer de code",
            "unknown case \"{code}\" — there is no cases/{code}.ron in this team; check the code"
        ),
        K::DuplicateCaseCode { code, other } => {
            let other = other.display();
            tr!(
                lang,
                "casuscode \"{code}\" staat ook in {other} — één huishouden, één bestand: voeg ze samen of geef deze casus een nieuwe code",
                "case code \"{code}\" is also in {other} — one household, one file: merge them or give this case a new code"
            )
        }
        K::CaseFileName { code, file } => tr!(
            lang,
            "bestandsnaam {file} past niet bij code \"{code}\" — hernoem het bestand naar {code}.ron (of pas de code aan)",
            "file name {file} does not match code \"{code}\" — rename the file to {code}.ron (or fix the code)"
        ),
        K::MeetingFileName { date, file } => tr!(
            lang,
            "bestandsnaam {file} past niet bij datum {date} — hernoem het bestand naar {date}.ron (of pas de datum aan)",
            "file name {file} does not match date {date} — rename the file to {date}.ron (or fix the date)"
        ),
        K::DuplicateMeetingDate { date, other } => {
            let other = other.display();
            tr!(
                lang,
                "er is al een overleg op {date} in {other} — één overleg per dag: voeg ze samen of verwijder er één",
                "there already is a meeting on {date} in {other} — one meeting a day: merge them or remove one"
            )
        }
        K::MeetingTeamMismatch { found, expected } => tr!(
            lang,
            "team \"{found}\" is niet dit team (\"{expected}\") — zet team: \"{expected}\" of zet het bestand in de map van team \"{found}\"",
            "team \"{found}\" is not this team (\"{expected}\") — set team: \"{expected}\" or move the file to team \"{found}\"'s folder"
        ),
        K::DueBeforeMeeting {
            action,
            due,
            meeting,
        } => tr!(
            lang,
            "deadline {due} van actie {action} ligt vóór het overleg van {meeting} — kies een deadline op of na de overlegdatum",
            "due date {due} of action {action} is before the meeting of {meeting} — pick a due date on or after the meeting date"
        ),
        K::TwoRegisseurs { regisseur, last_to } => tr!(
            lang,
            "twee regisseurs: regisseur is {regisseur}, maar de laatste overdracht in regie_history gaat naar {last_to} — één huishouden heeft één regisseur: maak regisseur gelijk aan de laatste \"to\", of voeg een overdracht toe",
            "two regisseurs: regisseur is {regisseur}, but the latest hand-over in regie_history goes to {last_to} — one household has one regisseur: make regisseur equal to the latest \"to\", or add a hand-over"
        ),
        K::EndBeforeStart {
            what, start, end, ..
        } => {
            let what = period_label(*what, lang);
            tr!(
                lang,
                "{what} eindigt ({end}) vóór het begint ({start}) — controleer beide datums",
                "{what} ends ({end}) before it starts ({start}) — check both dates"
            )
        }
        K::DuplicateDecisionNumber { number, other } => {
            let other = other.display();
            tr!(
                lang,
                "besluitnummer {number} is al gebruikt in {other} — besluiten zijn doorlopend genummerd: neem het volgende vrije nummer",
                "decision number {number} is already used in {other} — decisions are numbered continuously: take the next free number"
            )
        }
        K::DuplicateActionNumber { number, other } => {
            let other = other.display();
            tr!(
                lang,
                "actienummer {number} is al gebruikt in {other} — acties zijn doorlopend genummerd: neem het volgende vrije nummer",
                "action number {number} is already used in {other} — actions are numbered continuously: take the next free number"
            )
        }
        K::UnknownReviewedAction { number } => tr!(
            lang,
            "actie {number} wordt besproken, maar geen eerder overleg heeft die actie afgesproken — controleer het actienummer",
            "action {number} is reviewed, but no earlier meeting agreed that action — check the action number"
        ),
    }
}

fn mib(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

/// The limit as text, for documentation and help.
pub fn size_limit(lang: Lang) -> String {
    let max = mib(MAX_FILE_BYTES);
    tr!(lang, "{max} MiB per bestand", "{max} MiB per file")
}

fn period_label(what: Period, lang: Lang) -> &'static str {
    match what {
        Period::Voorziening => lang.pick("voorziening", "provision"),
        Period::Maatregel => lang.pick("maatregel", "measure"),
        Period::Plan => lang.pick("plan", "plan"),
    }
}

/// A syntax or type error from the RON parser, explained.
fn parse_message(e: &ron::Error, lang: Lang) -> String {
    use ron::Error as E;
    match e {
        E::Eof => tr!(
            lang,
            "bestand houdt onverwacht op — er ontbreekt een afsluitend haakje `)` of `]`, of een waarde",
            "file ends unexpectedly — a closing `)` or `]`, or a value, is missing"
        ),
        E::ExpectedComma => tr!(
            lang,
            "syntaxfout: vóór deze plek ontbreekt een komma — zet een komma na elk veld en elk lijstelement",
            "syntax error: a comma is missing before this point — put a comma after every field and list item"
        ),
        E::ExpectedStructLikeEnd | E::ExpectedOptionEnd => tr!(
            lang,
            "syntaxfout: hier hoort een `)` — controleer of elk `(` gesloten is en er geen komma ontbreekt",
            "syntax error: a `)` belongs here — check that every `(` is closed and no comma is missing"
        ),
        E::ExpectedArrayEnd => tr!(
            lang,
            "syntaxfout: hier hoort een `]` — controleer of elke lijst gesloten is en er geen komma ontbreekt",
            "syntax error: a `]` belongs here — check that every list is closed and no comma is missing"
        ),
        E::ExpectedStringEnd => tr!(
            lang,
            "tekst zonder afsluitend aanhalingsteken — sluit de tekst af met \"",
            "text without a closing quote — close the text with \""
        ),
        E::UnexpectedChar(c) => tr!(
            lang,
            "syntaxfout: onverwacht teken '{c}' — controleer haakjes, komma's en aanhalingstekens hier",
            "syntax error: unexpected character '{c}' — check brackets, commas and quotes here"
        ),
        E::TrailingCharacters => tr!(
            lang,
            "er staat nog tekst na het einde van het bestand — verwijder wat na het laatste `)` staat",
            "there is text after the end of the file — remove what follows the last `)`"
        ),
        E::UnclosedBlockComment => tr!(
            lang,
            "commentaar /* … zonder */ — sluit het commentaar af",
            "comment /* … without */ — close the comment"
        ),
        E::NoSuchStructField {
            expected, found, ..
        } => {
            let hint = suggestion(found, expected, lang);
            let list = expected.join(", ");
            tr!(
                lang,
                "onbekend veld `{found}`{hint} — toegestane velden hier: {list}",
                "unknown field `{found}`{hint} — fields allowed here: {list}"
            )
        }
        E::MissingStructField { field, .. } => tr!(
            lang,
            "verplicht veld `{field}` ontbreekt — voeg `{field}: …` toe (zie docs/data-format.md)",
            "required field `{field}` is missing — add `{field}: …` (see docs/data-format.md)"
        ),
        E::DuplicateStructField { field, .. } => tr!(
            lang,
            "veld `{field}` staat er twee keer — laat er één staan",
            "field `{field}` appears twice — keep one"
        ),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => {
            let hint = suggestion(found, expected, lang);
            let list = expected.join(", ");
            tr!(
                lang,
                "onbekende waarde `{found}`{hint} — kies uit: {list}",
                "unknown value `{found}`{hint} — choose from: {list}"
            )
        }
        E::InvalidValueForType { expected, found } => {
            let expected = type_name(expected, lang);
            let found = mask_quoted(&found_name(found, lang));
            tr!(
                lang,
                "verkeerd type: verwacht {expected}, maar hier staat {found} — pas de waarde aan",
                "wrong type: expected {expected}, but found {found} — fix the value"
            )
        }
        E::ExpectedString => wrong_type(lang, "tekst tussen aanhalingstekens", "text in quotes"),
        E::ExpectedInteger => wrong_type(lang, "een geheel getal", "a whole number"),
        E::ExpectedFloat => wrong_type(lang, "een getal", "a number"),
        E::ExpectedBoolean => wrong_type(lang, "true of false", "true or false"),
        E::ExpectedArray => wrong_type(lang, "een lijst `[…]`", "a list `[…]`"),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => wrong_type(
            lang,
            "een samengestelde waarde `( … )`",
            "a compound value `( … )`",
        ),
        E::ExpectedIdentifier => {
            wrong_type(lang, "een veldnaam of waarde", "a field name or value")
        }
        E::ExpectedOption => wrong_type(lang, "een waarde of None", "a value or None"),
        E::ExpectedUnit => wrong_type(lang, "`()`", "`()`"),
        E::IntegerOutOfBounds => tr!(
            lang,
            "getal is te groot of negatief voor dit veld — gebruik een kleiner getal",
            "number is too large or negative for this field — use a smaller number"
        ),
        E::ExpectedDifferentLength { expected, found } => tr!(
            lang,
            "verkeerd aantal elementen ({found}), verwacht {expected} — controleer de waarde",
            "wrong number of elements ({found}), expected {expected} — check the value"
        ),
        // `fte: 0,6`: the parser reads `0`, then takes `6` for the next field's name.
        E::InvalidIdentifier(id) | E::SuggestRawIdentifier(id)
            if id.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            tr!(
                lang,
                "hier staat een getal waar een veldnaam hoort — schrijf een decimaal getal met een punt, niet met een komma (0.6, niet 0,6)",
                "a number stands where a field name belongs — write decimals with a point, not a comma (0.6, not 0,6)"
            )
        }
        E::InvalidIdentifier(_) | E::SuggestRawIdentifier(_) => tr!(
            lang,
            "hier hoort een veldnaam of waarde van letters, cijfers en _ — controleer of er een komma of aanhalingsteken ontbreekt",
            "a field name or value of letters, digits and _ belongs here — check for a missing comma or quote"
        ),
        // The parser's own words can quote the file's text (case data): never shown.
        _ => tr!(
            lang,
            "het bestand kan hier niet gelezen worden — controleer haakjes, komma's en aanhalingstekens (zie docs/data-format.md)",
            "the file cannot be read here — check brackets, commas and quotes (see docs/data-format.md)"
        ),
    }
}

/// What a path is instead of a file, in words.
fn file_kind(kind: crate::storage::FileKind, lang: Lang) -> &'static str {
    use crate::storage::FileKind as F;
    match kind {
        F::Directory => lang.pick("een map", "a folder"),
        F::Fifo => lang.pick("een named pipe (FIFO)", "a named pipe (FIFO)"),
        F::Socket => lang.pick("een socket", "a socket"),
        F::CharDevice => lang.pick(
            "een apparaat (character device)",
            "a device (character device)",
        ),
        F::BlockDevice => lang.pick("een apparaat (block device)", "a device (block device)"),
        F::Other => lang.pick("een bijzonder bestand", "a special file"),
    }
}

/// A literal from a file that may be free text (a date field holding a sentence): shown
/// when it is short and looks like a date, time or code, else as "…" — an error message
/// never quotes case text.
fn mask_literal(text: &str) -> String {
    let looks_like_value = text.chars().count() <= 16
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '-' | ':' | '.' | ' ' | 'T' | '/'));
    if looks_like_value {
        text.to_string()
    } else {
        "…".to_string()
    }
}

/// Replaces the contents of every quoted string in a parser's message by "…" (serde's
/// messages quote the offending value, which can be case text).
fn mask_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut inside = false;
    for c in text.chars() {
        if c == '"' {
            if inside {
                out.push('…');
            }
            out.push(c);
            inside = !inside;
        } else if !inside {
            out.push(c);
        }
    }
    if inside {
        out.push('…');
    }
    out
}

fn wrong_type(lang: Lang, nl: &str, en: &str) -> String {
    tr!(
        lang,
        "verkeerd type: hier hoort {nl} — pas de waarde aan",
        "wrong type: {en} belongs here — fix the value"
    )
}

/// "bedoelt u `coach`?" when a known name is one or two edits away.
fn suggestion(found: &str, expected: &[&str], lang: Lang) -> String {
    let best = expected
        .iter()
        .map(|e| (edit_distance(found, e), *e))
        .min()
        .filter(|(d, _)| *d <= 2);
    match best {
        Some((_, name)) => tr!(lang, " (bedoelt u `{name}`?)", " (did you mean `{name}`?)"),
        None => String::new(),
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// Serde's name of an expected type, in words a team lead knows.
fn type_name(expected: &str, lang: Lang) -> String {
    let (nl, en) = match expected {
        "a string" => ("tekst tussen aanhalingstekens", "text in quotes"),
        "f32" | "f64" => ("een getal", "a number"),
        "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" => {
            ("een geheel getal", "a whole number")
        }
        "a boolean" => ("true of false", "true or false"),
        "a sequence" => ("een lijst `[…]`", "a list `[…]`"),
        s if s.contains("date") => ("een datum \"JJJJ-MM-DD\"", "a date \"YYYY-MM-DD\""),
        s if s.contains("time") => ("een tijd \"UU:MM:SS\"", "a time \"HH:MM:SS\""),
        s if s.starts_with("struct") => (
            "een samengestelde waarde `( … )`",
            "a compound value `( … )`",
        ),
        s if s.starts_with("enum") || s.starts_with("variant") => {
            ("een van de vaste waarden", "one of the fixed values")
        }
        other => (other, other),
    };
    lang.pick(nl, en).to_string()
}

/// Serde's description of what was found, translated where it is a known phrase.
fn found_name(found: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return found.to_string();
    }
    let pairs = [
        ("the string ", "de tekst "),
        ("the unsigned integer ", "het getal "),
        ("the signed integer ", "het getal "),
        ("the floating point number ", "het getal "),
        ("the boolean ", "de waarde "),
        ("a sequence", "een lijst"),
        ("a map", "een map `{…}`"),
        ("a unit value", "`()`"),
        ("an optional value", "een optionele waarde"),
        ("a unit variant", "een vaste waarde"),
        ("a newtype variant", "een waarde met inhoud"),
        ("a tuple variant", "een waarde met inhoud"),
        ("a struct variant", "een waarde met velden"),
        ("an enum", "een vaste waarde"),
    ];
    for (en, nl) in pairs {
        if let Some(rest) = found.strip_prefix(en) {
            return format!("{nl}{rest}");
        }
    }
    found.to_string()
}
