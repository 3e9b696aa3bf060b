//! The habits of a good terminal tool: shell completions, a man page, the config file, help
//! and errors in Dutch (English with --lang en), every "unknown X" with the valid choices.

use std::path::Path;
use std::process::{Command, Output};

fn overleg(config: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_overleg"))
        .args(args)
        .env("OVERLEG_CONFIG_DIR", config)
        .env("OVERLEG_NO_CACHE", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run overleg")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn completions_for_every_shell() {
    let cfg = tempfile::tempdir().expect("tmp");
    for (shell, marker) in [
        ("bash", "_overleg()"),
        ("zsh", "#compdef overleg"),
        ("fish", "complete -c overleg"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let o = overleg(cfg.path(), &["completions", shell]);
        assert!(o.status.success(), "{shell}: {}", err(&o));
        let text = out(&o);
        assert!(text.contains(marker), "{shell}");
        for sub in ["notulen", "import", "caseload"] {
            assert!(text.contains(sub), "{shell} completes {sub}");
        }
    }
    let o = overleg(cfg.path(), &["completions", "tcsh"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("kies uit: bash, elvish, fish, powershell, zsh"),
        "{}",
        err(&o)
    );
}

#[test]
fn a_man_page_in_roff() {
    let cfg = tempfile::tempdir().expect("tmp");
    let o = overleg(cfg.path(), &["man"]);
    assert!(o.status.success());
    let man = out(&o);
    assert!(man.contains(".TH overleg 1"), "{man}");
    assert!(
        man.contains("notulen") && man.contains("\\-\\-today"),
        "{man}"
    );
}

#[test]
fn help_and_errors_in_dutch_and_english() {
    let cfg = tempfile::tempdir().expect("tmp");
    let o = overleg(cfg.path(), &["--help"]);
    let help = out(&o);
    assert!(
        help.contains("Gebruik: overleg")
            && help.contains("Commando's:")
            && help.contains("Opties:")
    );
    assert!(
        help.contains("cargo run --release -- --today 2026-11-23"),
        "--today documented with the --"
    );
    let o = overleg(cfg.path(), &["help", "import"]);
    assert!(out(&o).contains("Gebruik: overleg import"), "{}", out(&o));
    let o = overleg(cfg.path(), &["caseload", "--sort", "grootte"]);
    assert_eq!(o.status.code(), Some(2));
    let e = err(&o);
    assert!(
        e.starts_with("fout: ongeldige waarde \"grootte\" voor --sort"),
        "{e}"
    );
    assert!(e.contains("kies uit: naam, belasting, achterstand"), "{e}");
    assert!(
        e.contains("Meer informatie: overleg caseload --help"),
        "{e}"
    );
    let o = overleg(
        cfg.path(),
        &["--lang", "en", "caseload", "--sort", "grootte"],
    );
    assert!(
        err(&o).starts_with("error: invalid value \"grootte\" for --sort"),
        "{}",
        err(&o)
    );
    let o = overleg(cfg.path(), &["zoekk", "x"]);
    assert!(err(&o).contains("bedoelt u \"zoek\"?"), "{}", err(&o));
}

#[test]
fn unknown_role_and_team_list_the_choices() {
    let cfg = tempfile::tempdir().expect("tmp");
    let o = overleg(cfg.path(), &["caseload", "--rol", "coach"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains("onbekende rol \"coach\" — kies uit: wijkcoach, consulent"),
        "{}",
        err(&o)
    );
    let o = overleg(cfg.path(), &["caseload", "--team", "nope"]);
    assert!(
        err(&o).contains("onbekend team \"nope\" — kies uit: de-marssteden, stroinkslanden-zuid, wijkerveen-centrum"),
        "{}",
        err(&o)
    );
    let o = overleg(cfg.path(), &["--lang", "en", "caseload", "--rol", "coach"]);
    assert!(
        err(&o).contains("unknown role \"coach\" — choose from: wijkcoach"),
        "{}",
        err(&o)
    );
}

#[test]
fn the_config_file_sets_data_language_and_is_ignored_when_broken() {
    let cfg = tempfile::tempdir().expect("tmp");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    std::fs::write(
        cfg.path().join("config.ron"),
        format!("(data: {:?}, lang: En)", data.display().to_string()),
    )
    .expect("config");
    // Run from elsewhere: only the config says where the data is.
    let o = Command::new(env!("CARGO_BIN_EXE_overleg"))
        .args(["check"])
        .env("OVERLEG_CONFIG_DIR", cfg.path())
        .env("OVERLEG_NO_CACHE", "1")
        .current_dir(cfg.path())
        .output()
        .expect("run");
    assert!(o.status.success(), "{}", err(&o));
    assert!(
        out(&o).starts_with("All good: 3 teams"),
        "English and the shipped data, both from the config: {}",
        out(&o)
    );
    // A flag wins over the config.
    let o = overleg(cfg.path(), &["--lang", "nl", "caseload", "--rol", "coach"]);
    assert!(err(&o).contains("onbekende rol"), "{}", err(&o));
    // Broken: reported with path:line:column, ignored, the command still runs.
    std::fs::write(cfg.path().join("config.ron"), "(\n  taal: En,\n)").expect("config");
    let o = overleg(cfg.path(), &["check"]);
    let e = err(&o);
    let want = format!("{}:2:3: ", cfg.path().join("config.ron").display());
    assert!(e.contains(&want), "{e}");
    assert!(e.contains("het configuratiebestand wordt genegeerd"), "{e}");
    assert!(o.status.success(), "the shipped data checks clean: {e}");
}
