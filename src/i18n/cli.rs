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
