//! Parsing the command line in the user's language. clap's help and errors are English only,
//! so: `--lang` is read from the raw arguments first (then the config file); the command's
//! help headings and its help and version flags are replaced by Dutch ones; and every parse
//! error is rendered here from its `ErrorKind` and context. `overleg help X` works as
//! `overleg X --help`.

use std::ffi::OsString;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::parser::ValueSource;
use clap::{Arg, ArgAction, Command, CommandFactory, FromArgMatches};

use crate::i18n::{Lang, cli as txt};

use super::{Cli, config};

/// `--lang en` or `--lang=en` anywhere in the arguments (before clap has parsed them).
pub fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        let value = if a == "--lang" {
            it.next().map(|v| v.into_owned())
        } else {
            a.strip_prefix("--lang=").map(String::from)
        };
        match value.as_deref() {
            Some("en") => return Some(Lang::En),
            Some("nl") => return Some(Lang::Nl),
            _ => {}
        }
    }
    None
}

/// The command with headings, help and version in `lang`, all the way down.
pub fn command(lang: Lang) -> Command {
    let h = txt::headings(lang);
    // "overleg" in the usage lines on every platform, not "overleg.exe".
    localize(Cli::command().bin_name("overleg"), lang)
        .disable_help_subcommand(true)
        .disable_version_flag(true)
        .arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(h.version),
        )
}

fn localize(mut cmd: Command, lang: Lang) -> Command {
    let h = txt::headings(lang);
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for n in names {
        cmd = cmd.mut_subcommand(n, |c| localize(c, lang));
    }
    let has_commands = cmd.get_subcommands().next().is_some();
    let has_positionals = cmd.get_positionals().next().is_some();
    let mut template = format!(
        "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n",
        h.usage
    );
    if has_commands {
        template.push_str(&format!("\n{}:\n{{subcommands}}\n", h.commands));
    }
    if has_positionals {
        template.push_str(&format!("\n{}:\n{{positionals}}\n", h.arguments));
    }
    template.push_str(&format!("\n{}:\n{{options}}\n{{after-help}}", h.options));
    if lang == Lang::Nl {
        cmd = cmd.mut_args(dutch_arg);
    }
    cmd.help_template(template).disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help)
            .global(true)
            .help(h.help),
    )
}

/// clap writes "[default: …]" and "[possible values: …]" in English: the same facts in Dutch,
/// appended to the argument's own help.
fn dutch_arg(a: Arg) -> Arg {
    // Flags (no value) have neither choices nor a default worth saying.
    if a.is_hide_set() || !a.get_action().takes_values() {
        return a;
    }
    let mut help = a.get_help().map(|h| h.to_string()).unwrap_or_default();
    let choices: Vec<String> = a
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !choices.is_empty() && !a.is_hide_possible_values_set() {
        help.push_str(&format!(" [keuzes: {}]", choices.join(", ")));
    }
    let defaults: Vec<String> = a
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !a.is_hide_default_value_set() {
        help.push_str(&format!(" [standaard: {}]", defaults.join(", ")));
    }
    a.help(help)
        .hide_possible_values(true)
        .hide_default_value(true)
}

/// `help X Y` → `X Y --help`.
fn rewrite_help(mut args: Vec<OsString>) -> Vec<OsString> {
    if args.get(1).is_some_and(|a| a == "help") {
        args.remove(1);
        args.push("--help".into());
    }
    args
}

/// Parses `std::env::args_os()`; on `--help`, `--version` or an error prints what clap or
/// this module says and returns the exit code.
pub fn parse() -> Result<Cli, ExitCode> {
    parse_from(std::env::args_os().collect())
}

/// Parses the given arguments (the first is the program name), applying the config file.
pub fn parse_from(args: Vec<OsString>) -> Result<Cli, ExitCode> {
    let (cfg, cfg_problem) = config::load();
    let lang = lang_in_args(&args).or(cfg.lang).unwrap_or_default();
    if let Some(p) = &cfg_problem {
        eprintln!("overleg: {}", config::ignored(p, lang));
    }
    let args = rewrite_help(args);
    let path = command_path(&args);
    let matches = match command(lang).try_get_matches_from(args) {
        Ok(m) => m,
        Err(e) => return Err(report(&e, lang, &path)),
    };
    let mut cli = match Cli::from_arg_matches(&matches) {
        Ok(c) => c,
        Err(e) => return Err(report(&e, lang, &path)),
    };
    let defaulted = |id: &str| matches.value_source(id) == Some(ValueSource::DefaultValue);
    if defaulted("data")
        && let Some(d) = cfg.data
    {
        cli.data = d;
    }
    if cli.db.is_none() {
        cli.db = cfg.db;
    }
    if defaulted("theme")
        && let Some(t) = cfg.theme
    {
        cli.theme = t;
    }
    if defaulted("lang") {
        cli.lang = match lang {
            Lang::Nl => super::LangArg::Nl,
            Lang::En => super::LangArg::En,
        };
    }
    Ok(cli)
}

fn strings(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect(),
        _ => Vec::new(),
    }
}

fn one(e: &clap::Error, kind: ContextKind) -> String {
    strings(e, kind).into_iter().next().unwrap_or_default()
}

/// The message for a parse error in `lang`, or `None` for help and version (clap prints
/// those itself).
pub fn message(e: &clap::Error, lang: Lang, path: &str) -> Option<String> {
    use ContextKind as K;
    let text = match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => return None,
        ErrorKind::InvalidValue => txt::invalid_value(
            &one(e, K::InvalidValue),
            &one(e, K::InvalidArg),
            &strings(e, K::ValidValue),
            lang,
        ),
        ErrorKind::ValueValidation => {
            txt::invalid_format(&one(e, K::InvalidValue), &one(e, K::InvalidArg), lang)
        }
        ErrorKind::UnknownArgument => {
            txt::unknown_argument(&one(e, K::InvalidArg), &strings(e, K::SuggestedArg), lang)
        }
        ErrorKind::InvalidSubcommand => txt::unknown_command(
            &one(e, K::InvalidSubcommand),
            &strings(e, K::SuggestedSubcommand),
            &strings(e, K::ValidSubcommand),
            lang,
        ),
        ErrorKind::MissingRequiredArgument | ErrorKind::MissingSubcommand => {
            txt::missing(&strings(e, K::InvalidArg), lang)
        }
        ErrorKind::ArgumentConflict => {
            txt::conflict(&one(e, K::InvalidArg), &strings(e, K::PriorArg), lang)
        }
        ErrorKind::InvalidUtf8 => txt::not_utf8(lang).to_string(),
        ErrorKind::TooManyValues | ErrorKind::NoEquals => {
            txt::unexpected(&one(e, K::InvalidValue), lang)
        }
        _ => return Some(e.render().to_string()),
    };
    let mut usage = one(e, K::Usage);
    if usage.trim().is_empty() {
        usage = usage_of(path, lang);
    }
    let usage = usage
        .trim()
        .strip_prefix("Usage:")
        .map(str::trim)
        .unwrap_or(usage.trim())
        .to_string();
    let h = txt::headings(lang);
    let mut out = format!("{}: {text}\n", txt::error_word(lang));
    if !usage.is_empty() {
        out.push_str(&format!("\n{}: {usage}\n", h.usage));
    }
    out.push_str(&format!("\n{}\n", txt::more_info(path, lang)));
    Some(out)
}

/// The usage line of `overleg SUB` (clap leaves it out of some errors).
fn usage_of(path: &str, lang: Lang) -> String {
    let mut at = command(lang);
    let mut name = String::from("overleg");
    for word in path.split_whitespace().skip(1) {
        match at.find_subcommand(word).cloned() {
            Some(sub) => {
                name = format!("{name} {word}");
                at = sub.bin_name(name.clone());
            }
            None => break,
        }
    }
    at.render_usage().to_string()
}

/// `overleg` and the subcommand the arguments name, for "more information: … --help".
fn command_path(args: &[OsString]) -> String {
    let cmd = Cli::command();
    let sub = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy())
        .find(|a| cmd.find_subcommand(a.as_ref()).is_some());
    match sub {
        Some(s) => format!("overleg {s}"),
        None => "overleg".to_string(),
    }
}

fn report(e: &clap::Error, lang: Lang, path: &str) -> ExitCode {
    match message(e, lang, path) {
        None => {
            let _ = e.print();
            ExitCode::SUCCESS
        }
        Some(m) => {
            use std::io::Write;
            let _ = write!(std::io::stderr(), "{m}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(args: &[&str], lang: Lang) -> String {
        let e = command(lang).try_get_matches_from(args).unwrap_err();
        let os: Vec<OsString> = args.iter().map(OsString::from).collect();
        message(&e, lang, &command_path(&os)).unwrap_or_default()
    }

    #[test]
    fn errors_in_dutch_with_the_choices() {
        let m = err(&["overleg", "caseload", "--sort", "grootte"], Lang::Nl);
        assert!(
            m.starts_with("fout: ongeldige waarde \"grootte\" voor --sort"),
            "{m}"
        );
        assert!(m.contains("kies uit: naam, belasting, achterstand"), "{m}");
        assert!(m.contains("Gebruik: overleg caseload"), "{m}");
        let m = err(&["overleg", "notulne"], Lang::Nl);
        assert!(
            m.contains("onbekend commando \"notulen\"") || m.contains("bedoelt u \"notulen\"?"),
            "{m}"
        );
        let m = err(&["overleg", "check", "--snel"], Lang::Nl);
        assert!(m.starts_with("fout: onbekende optie \"--snel\""), "{m}");
        let m = err(&["overleg", "--today", "23-11-2026"], Lang::Nl);
        assert!(m.contains("schrijf een datum als JJJJ-MM-DD"), "{m}");
        let m = err(&["overleg", "caseload", "--sort", "x"], Lang::En);
        assert!(
            m.starts_with("error: invalid value \"x\" for --sort"),
            "{m}"
        );
        assert!(m.contains("choose from"), "{m}");
    }

    #[test]
    fn help_in_dutch() {
        let help = command(Lang::Nl).render_help().to_string();
        assert!(help.contains("Gebruik: overleg"), "{help}");
        assert!(help.contains("Commando's:"));
        assert!(help.contains("Opties:"));
        assert!(help.contains("Toon deze hulp"));
        assert!(help.contains("--today"), "--today is documented");
        assert!(!help.contains("Usage:") && !help.contains("Print help"));
        let en = command(Lang::En).render_help().to_string();
        assert!(en.contains("Usage: overleg") && en.contains("Options:"));
    }

    #[test]
    fn lang_is_found_before_parsing() {
        let a = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_in_args(&a(&["overleg", "--lang", "en", "check"])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_in_args(&a(&["overleg", "check", "--lang=nl"])),
            Some(Lang::Nl)
        );
        assert_eq!(lang_in_args(&a(&["overleg", "check"])), None);
    }
}
