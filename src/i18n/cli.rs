//! Texts of the command line itself: clap's help headings and its error messages, which clap
//! only has in English. `cli::args` renders every error from its kind and context with these.

use super::Lang;

/// The help headings: usage, commands, arguments, options.
pub struct Headings {
    pub usage: &'static str,
    pub commands: &'static str,
    pub arguments: &'static str,
    pub options: &'static str,
    pub help: &'static str,
    pub version: &'static str,
}

pub fn headings(lang: Lang) -> Headings {
    match lang {
        Lang::Nl => Headings {
            usage: "Gebruik",
            commands: "Commando's",
            arguments: "Argumenten",
            options: "Opties",
            help: "Toon deze hulp",
            version: "Toon de versie",
        },
        Lang::En => Headings {
            usage: "Usage",
            commands: "Commands",
            arguments: "Arguments",
            options: "Options",
            help: "Print help",
            version: "Print version",
        },
    }
}

fn quoted(xs: &[String]) -> String {
    xs.iter()
        .map(|x| format!("\"{x}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn error_word(lang: Lang) -> &'static str {
    lang.pick("fout", "error")
}

pub fn invalid_value(value: &str, arg: &str, valid: &[String], lang: Lang) -> String {
    let mut s = match lang {
        Lang::Nl => format!("ongeldige waarde \"{value}\" voor {arg}"),
        Lang::En => format!("invalid value \"{value}\" for {arg}"),
    };
    if !valid.is_empty() {
        s.push_str(&format!(
            " — {}: {}",
            lang.pick("kies uit", "choose from"),
            valid.join(", ")
        ));
    }
    s
}

pub fn invalid_format(value: &str, arg: &str, lang: Lang) -> String {
    let hint = if arg.contains("today") || arg.contains("DATUM") || arg.contains("date") {
        lang.pick(
            "schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2026-11-23",
            "write a date as YYYY-MM-DD, e.g. 2026-11-23",
        )
    } else {
        lang.pick(
            "zie --help voor de juiste notatie",
            "see --help for the right notation",
        )
    };
    match lang {
        Lang::Nl => format!("ongeldige waarde \"{value}\" voor {arg} — {hint}"),
        Lang::En => format!("invalid value \"{value}\" for {arg} — {hint}"),
    }
}

pub fn unknown_argument(arg: &str, suggested: &[String], lang: Lang) -> String {
    let mut s = match lang {
        Lang::Nl => format!("onbekende optie \"{arg}\""),
        Lang::En => format!("unknown option \"{arg}\""),
    };
    if !suggested.is_empty() {
        s.push_str(&format!(
            " — {} {}?",
            lang.pick("bedoelt u", "did you mean"),
            quoted(suggested)
        ));
    }
    s
}

pub fn unknown_command(cmd: &str, suggested: &[String], all: &[String], lang: Lang) -> String {
    let mut s = match lang {
        Lang::Nl => format!("onbekend commando \"{cmd}\""),
        Lang::En => format!("unknown command \"{cmd}\""),
    };
    if !suggested.is_empty() {
        s.push_str(&format!(
            " — {} {}?",
            lang.pick("bedoelt u", "did you mean"),
            quoted(suggested)
        ));
    } else if !all.is_empty() {
        s.push_str(&format!(
            " — {}: {}",
            lang.pick("kies uit", "choose from"),
            all.join(", ")
        ));
    }
    s
}

pub fn missing(args: &[String], lang: Lang) -> String {
    format!("{}: {}", lang.pick("ontbreekt", "missing"), args.join(", "))
}

pub fn conflict(a: &str, b: &[String], lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{a} kan niet samen met {}", b.join(", ")),
        Lang::En => format!("{a} cannot be used with {}", b.join(", ")),
    }
}

pub fn unexpected(value: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("onverwachte waarde \"{value}\""),
        Lang::En => format!("unexpected value \"{value}\""),
    }
}

pub fn more_info(cmd: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("Meer informatie: {cmd} --help"),
        Lang::En => format!("For more information: {cmd} --help"),
    }
}

pub fn not_utf8(lang: Lang) -> &'static str {
    lang.pick(
        "een argument is geen geldige UTF-8-tekst",
        "an argument is not valid UTF-8 text",
    )
}

/// The spinner while a lookup loads the data folder.
pub fn loading(lang: Lang) -> &'static str {
    lang.pick("Laden…", "Loading…")
}

/// The texts of `overleg team init`: its questions and answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Init {
    TeamExists,
    ChooseNewFolder,
    Name,
    Id,
    IdChars,
    Municipality,
    Day,
    Start,
    TimeFormat,
    Place,
    Created,
    Next,
}

impl Init {
    pub fn text(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Init::TeamExists => ("er staat al een team.ron", "there is a team.ron already"),
            Init::ChooseNewFolder => (
                "kies een nieuwe map, of pas team.ron met de hand aan",
                "choose a new folder, or edit team.ron by hand",
            ),
            Init::Name => ("Naam van het team", "Team name"),
            Init::Id => ("Korte id van het team", "Short team id"),
            Init::IdChars => (
                "gebruik alleen letters, cijfers, - en _",
                "use only letters, digits, - and _",
            ),
            Init::Municipality => ("Gemeente", "Municipality"),
            Init::Day => (
                "Dag van het overleg (maandag–vrijdag)",
                "Meeting day (maandag–vrijdag)",
            ),
            Init::Start => ("Begintijd", "Start time"),
            Init::TimeFormat => ("schrijf de tijd als 09:30", "write the time as 09:30"),
            Init::Place => ("Plaats", "Place"),
            Init::Created => ("Teammap gemaakt:", "Team folder created:"),
            Init::Next => (
                "voeg medewerkers en huishoudens toe met `overleg import --data MAP BESTAND.xlsx` (sjabloon: `overleg import --template sjabloon.xlsx`)",
                "add members and households with `overleg import --data DIR FILE.xlsx` (template: `overleg import --template template.xlsx`)",
            ),
        };
        lang.pick(nl, en)
    }
}

/// The column headers of the caseload workbook.
pub fn caseload_headers(lang: Lang) -> Vec<String> {
    let p = |nl: &'static str, en: &'static str| lang.pick(nl, en).to_string();
    vec![
        p("Team", "Team"),
        p("Medewerker", "Member"),
        p("Rollen", "Roles"),
        "FTE".into(),
        p("Huishoudens met regie", "Households with regie"),
        p("Licht", "Light"),
        p("Midden", "Medium"),
        p("Zwaar", "Heavy"),
        p("Gewogen", "Weighted"),
        p("Norm", "Norm"),
        p("Belasting %", "Load %"),
        p("Belasting", "Load"),
        p("Acties over tijd", "Overdue actions"),
        p("Evaluaties", "Evaluations due"),
        p("Eerste evaluatie", "First evaluation"),
    ]
}

/// `--format xlsx` without `--out`.
pub fn xlsx_needs_out(lang: Lang) -> &'static str {
    lang.pick(
        "--format xlsx schrijft een bestand: geef het met --out BESTAND.xlsx",
        "--format xlsx writes a file: give it with --out FILE.xlsx",
    )
}

/// The spinner while an import reads its files.
pub fn reading(lang: Lang) -> &'static str {
    lang.pick("Inlezen…", "Reading…")
}

/// After a config file that was ignored.
pub fn config_ignored(lang: Lang) -> &'static str {
    lang.pick(
        "het configuratiebestand wordt genegeerd; herstel het (velden: data, lang, theme)",
        "the config file is ignored; fix it (fields: data, lang, theme)",
    )
}

/// The sheet of cases without a regisseur in the caseload workbook.
pub fn unassigned_sheet(lang: Lang) -> &'static str {
    lang.pick("Zonder regisseur", "Without regisseur")
}

/// Its column headers.
pub fn unassigned_headers(lang: Lang) -> Vec<String> {
    let p = |nl: &'static str, en: &'static str| lang.pick(nl, en).to_string();
    vec![
        p("Team", "Team"),
        p("Casus", "Case"),
        p("Aanduiding", "Pseudonym"),
        p("Complexiteit", "Complexity"),
        p("Casushouder", "Case holder"),
        p("Sinds", "Since"),
    ]
}
