//! The shareable minutes as a municipality may send them: consent honoured, a version per
//! partner with only the partner's part, a broken case file refusing, the shipped demo
//! writing, and golden files of the partner versions (read by eye).

mod corpus_team;
mod minutes_fixture;

use std::path::Path;

use overleg::domain::TeamData;
use overleg::i18n::Lang;
use overleg::minutes::{self, Format, MinutesError, MinutesOptions, Profile};

use corpus_team as ct;

fn opts(format: Format, partner: Option<&str>) -> MinutesOptions {
    MinutesOptions {
        format,
        profile: Profile::Deelbaar,
        partner: partner.map(str::to_string),
        lang: Lang::Nl,
    }
}

fn team() -> TeamData {
    ct::team_data(Path::new("/tmp/velve"))
}

/// The visible text of the minutes of the corpus meeting in a format and for a partner.
fn text(team: &TeamData, format: Format, partner: Option<&str>) -> String {
    let m = &team.meetings[1];
    let bytes = minutes::render_with(team, m, &opts(format, partner))
        .unwrap_or_else(|e| panic!("{}", e.message(Lang::Nl)));
    match format {
        Format::Docx => minutes_fixture::docx_text(&bytes),
        _ => String::from_utf8(bytes).expect("utf-8").replace('\\', ""),
    }
}

/// Everything of the household without consent that could show up.
const KRAMER_TRACES: [&str; 10] = [
    ct::KRAMER,
    "Fam. K.",
    "Kramer",
    "huurachterstand",
    "Melding bij de woningcorporatie",
    "2026-053",
    "A2026-054",
    "Ria Jonker",
    "Tim",
    "Noa",
];

/// `word` in `text`, not as part of a longer word or number (`2026-053` is not in
/// `A2026-053`).
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn a_household_without_consent_is_in_no_shareable_output() {
    let team = team();
    for format in [Format::Md, Format::Html, Format::Docx] {
        for partner in [None, Some("Domijn Wonen"), Some("Schuldhulp Oost")] {
            let t = text(&team, format, partner);
            for trace in KRAMER_TRACES {
                assert!(!has_word(&t, trace), "{format:?} {partner:?}: {trace}");
            }
        }
        // The general version says a household was left out; a partner's does not.
        let general = text(&team, format, None);
        assert!(
            general.contains("1 casus niet opgenomen: geen toestemming om te delen."),
            "{format:?}"
        );
        let partner = text(&team, format, Some("Domijn Wonen"));
        assert!(!partner.contains("niet opgenomen"), "{format:?}");
    }
    // The intern version has it all.
    let m = &team.meetings[1];
    let intern = minutes::render(&team, m, Format::Md, Profile::Intern, Lang::Nl).expect("intern");
    let intern = String::from_utf8(intern).expect("utf-8");
    assert!(intern.contains(ct::KRAMER) && intern.contains("huurachterstand"));
    // The excerpt of that household refuses in the shareable profile, with or without partner.
    for partner in [None, Some("Domijn Wonen")] {
        let r = minutes::case_excerpt_with(&team, ct::KRAMER, &opts(Format::Md, partner));
        assert!(matches!(r, Err(MinutesError::NoConsent(_))), "{partner:?}");
    }
    assert!(
        minutes::case_excerpt(&team, ct::KRAMER, Format::Md, Profile::Intern, Lang::Nl).is_ok()
    );
}

#[test]
fn a_partner_gets_only_its_households_and_its_part_of_them() {
    let team = team();
    let t = text(&team, Format::Md, Some("schuldhulp oost"));
    // Its households: Ö (betrokkene) and A. (betrokkene); not E. (Domijn only).
    assert!(t.contains(&format!("Casus {}", ct::OZDEMIR)), "{t}");
    assert!(t.contains(&format!("Casus {}", ct::AYDIN)), "{t}");
    assert!(!t.contains(ct::EEN), "{t}");
    assert!(t.contains("| **Voor** | Schuldhulp Oost |"), "{t}");
    // The question and the decision are there ...
    assert!(
        t.contains("Hoe houden we school en gezinsvoogd op één lijn?"),
        "{t}"
    );
    assert!(
        t.contains("2026-051 Driegesprek met school en gezinsvoogd"),
        "{t}"
    );
    // ... and the actions addressed to Schuldhulp Oost, not the others.
    for yes in ["A2026-052", "A2026-055", "A2026-040"] {
        assert!(t.contains(yes), "{yes}: {t}");
    }
    for no in [
        "A2026-050",
        "A2026-051",
        "A2026-053",
        "A2026-054",
        "A2026-056",
    ] {
        assert!(!t.contains(no), "{no}: {t}");
    }
    // No advice round, notes, regie reasons, regie check, lesson, dissent or team business.
    for no in [
        "Adviezen",
        "Sluit aan bij wat het gezin zelf wil",
        "De maatregel is uitgesproken",
        "Regiecheck",
        "Vroeg afstemmen",
        "Eerst de school horen",
        "Afwijkende mening",
        "Bezetting in de zomer",
        "Zomerrooster",
        "Budgetplan is er",
        "Verdiepende vragen",
        "Alleen voor het team",
    ] {
        assert!(!t.contains(no), "{no}: {t}");
    }
    // The regisseur is named by function and organisation only.
    assert!(t.contains("gezinsvoogd (Jeugdbescherming Oost)"), "{t}");
    assert!(!t.contains("R. Bakker"), "{t}");

    // The school gets the action for its mentor; the GI the one for the gezinsvoogd.
    let school = text(&team, Format::Md, Some("Basisschool De Wegwijzer"));
    assert!(
        school.contains("A2026-050") && !school.contains("A2026-052"),
        "{school}"
    );
    assert!(!school.contains(ct::AYDIN), "{school}");
    let gi = text(&team, Format::Md, Some("jeugdbescherming"));
    assert!(
        gi.contains("A2026-051") && !gi.contains("A2026-050"),
        "{gi}"
    );
    let domijn = text(&team, Format::Md, Some("DOMIJN"));
    assert!(
        domijn.contains("A2026-053") && domijn.contains(ct::EEN),
        "{domijn}"
    );
}

#[test]
fn partner_names_are_matched_leniently_and_checked() {
    let team = team();
    let m = &team.meetings[1];
    assert_eq!(
        minutes::partner_organisations(&team, m),
        [
            "Basisschool De Wegwijzer",
            "Domijn Wonen",
            "Jeugdbescherming Oost",
            "Schuldhulp Oost"
        ]
    );
    let r = minutes::render_with(&team, m, &opts(Format::Md, Some("Tactus")));
    let Err(e @ MinutesError::UnknownPartner { .. }) = r else {
        panic!("expected an unknown partner");
    };
    assert!(
        e.message(Lang::Nl).contains("Schuldhulp Oost"),
        "{}",
        e.message(Lang::Nl)
    );
    let r = minutes::render_with(&team, m, &opts(Format::Md, Some("Oost")));
    assert!(matches!(r, Err(MinutesError::AmbiguousPartner { .. })));
    let mut intern = opts(Format::Md, Some("Domijn Wonen"));
    intern.profile = Profile::Intern;
    assert!(matches!(
        minutes::render_with(&team, m, &intern),
        Err(MinutesError::PartnerNeedsDeelbaar)
    ));
    // Ria Jonker's Domijn works with the household without consent only in the earlier
    // meeting nothing is for Domijn: it is not offered.
    assert!(matches!(
        minutes::render_with(&team, &team.meetings[0], &opts(Format::Md, Some("Domijn"))),
        Err(MinutesError::NothingForPartner(_))
    ));
    // The excerpt: only for a partner involved with the household.
    assert!(
        minutes::case_excerpt_with(&team, ct::AYDIN, &opts(Format::Md, Some("Schuldhulp"))).is_ok()
    );
    assert!(matches!(
        minutes::case_excerpt_with(&team, ct::EEN, &opts(Format::Md, Some("Schuldhulp"))),
        Err(MinutesError::PartnerNotInvolved { .. })
    ));
}

#[test]
fn a_partner_version_is_written_next_to_the_others() {
    let tmp = tempfile::tempdir().expect("tmp");
    let team = ct::team_data(tmp.path());
    let w = minutes::write_with(
        &team,
        &team.meetings[1],
        &opts(Format::Html, Some("domijn")),
        None,
    )
    .expect("write");
    assert!(
        w.path
            .ends_with("minutes/2026-05-12-notulen-deelbaar-domijn-wonen.html"),
        "{}",
        w.path.display()
    );
    let w = minutes::write_case_excerpt_with(
        &team,
        ct::AYDIN,
        &opts(Format::Md, Some("Schuldhulp Oost")),
        None,
    )
    .expect("excerpt");
    assert!(
        w.path
            .ends_with("minutes/2026-0204-uittreksel-deelbaar-schuldhulp-oost.md")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&w.path)
            .expect("meta")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn a_broken_case_file_makes_shareable_minutes_refuse_naming_the_file() {
    let tmp = tempfile::tempdir().expect("tmp");
    let dir = ct::write_team(tmp.path());
    let broken = dir.join("cases").join(format!("{}.ron", ct::EEN));
    std::fs::write(&broken, "(version: 1, code: \"2026-0202\", pseudo").expect("break");
    let loaded = overleg::storage::load_workspace(&dir);
    assert!(!loaded.problems.is_empty());
    let team = &loaded.workspace.teams[0];
    let m = team.meeting(ct::d("2026-05-12")).expect("meeting");
    for partner in [None, Some("Schuldhulp Oost")] {
        let r = minutes::write_with(team, m, &opts(Format::Md, partner), None);
        let Err(e @ MinutesError::CaseUnreadable { .. }) = r else {
            panic!("{partner:?}: expected a refusal, got {r:?}");
        };
        assert!(e.message(Lang::Nl).contains(&broken.display().to_string()));
    }
    assert!(
        !dir.join("minutes").exists()
            || std::fs::read_dir(dir.join("minutes"))
                .expect("dir")
                .next()
                .is_none()
    );
    // The intern version still writes.
    minutes::write(team, m, Format::Md, Profile::Intern, Lang::Nl, None).expect("intern");
    // And on the command line: exit code 3, the file named.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_overleg"))
        .args(["--data"])
        .arg(&dir)
        .args([
            "notulen",
            "2026-05-12",
            "--profile",
            "deelbaar",
            "--partner",
            "Domijn Wonen",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("2026-0202.ron"), "{err}");
    assert!(err.contains("niet te lezen"), "{err}");
}

#[test]
fn golden_partner_minutes() {
    let team = team();
    insta::assert_snapshot!(
        "partner_schuldhulp",
        text(&team, Format::Md, Some("Schuldhulp Oost"))
    );
    insta::assert_snapshot!(
        "partner_domijn",
        text(&team, Format::Md, Some("Domijn Wonen"))
    );
    insta::assert_snapshot!("deelbaar_without_partner", text(&team, Format::Md, None));
    let excerpt = minutes::case_excerpt_with(
        &team,
        ct::OZDEMIR,
        &opts(Format::Md, Some("Jeugdbescherming Oost")),
    )
    .expect("excerpt");
    insta::assert_snapshot!(
        "partner_excerpt_gi",
        String::from_utf8(excerpt).expect("utf-8")
    );
}

/// Every shipped meeting: the intern minutes carry nothing the scan finds (ordinary meeting
/// text is not refused), the shareable version writes, and so does the version of every
/// partner offered for it.
#[test]
fn every_shipped_meeting_writes_shareable_and_partner_versions() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let loaded = overleg::storage::load_workspace(&data);
    assert!(loaded.is_clean(), "{:?}", loaded.problems);
    let mut meetings = 0;
    let mut partner_versions = 0;
    for team in &loaded.workspace.teams {
        for m in &team.meetings {
            meetings += 1;
            let findings = minutes::intern_findings(team, m, Lang::Nl);
            assert!(
                findings.is_empty(),
                "{} {}: {findings:?}",
                team.team.id,
                m.date
            );
            for format in [Format::Md, Format::Html, Format::Docx] {
                minutes::render_with(team, m, &opts(format, None)).unwrap_or_else(|e| {
                    panic!(
                        "{} {} {format:?}: {}",
                        team.team.id,
                        m.date,
                        e.message(Lang::Nl)
                    )
                });
            }
            for p in minutes::partner_organisations(team, m) {
                partner_versions += 1;
                minutes::render_with(team, m, &opts(Format::Md, Some(&p))).unwrap_or_else(|e| {
                    panic!("{} {} {p}: {}", team.team.id, m.date, e.message(Lang::Nl))
                });
            }
        }
    }
    println!("{meetings} overleggen, {partner_versions} partnerversies geschreven");
    assert!(meetings >= 9 && partner_versions > meetings);
}

/// A name that is also a common word ("Eén", "Wil") is removed where it is written as a
/// name, and the word stays where it is a word.
#[test]
fn a_name_that_is_a_common_word_is_removed_only_as_a_name() {
    let mut team = team();
    let case = team
        .cases
        .iter_mut()
        .find(|c| c.code == ct::EEN)
        .expect("case");
    case.household[0].name = Some("Wil Eén".into());
    let mut m = team.meetings[1].clone();
    if let overleg::domain::ItemKind::Casus(d) = &mut m.agenda[4].kind {
        d.advice[0].text = "Maak een plan met Eén erbij; Wil wil een traplift.".into();
    }
    team.meetings[1] = m.clone();
    let bytes = minutes::render_with(&team, &m, &opts(Format::Md, None)).expect("render");
    let md = String::from_utf8(bytes).expect("utf-8").replace('\\', "");
    assert!(
        md.contains("Maak een plan met [bewoner] erbij; Wil wil een traplift."),
        "{md}"
    );
    // At the start of a sentence a common word cannot be told from the name: it stays (see
    // docs/privacy.md, out of reach).
}
