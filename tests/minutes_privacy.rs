//! The `deelbaar` profile: planted household names are left out, BSNs (11-proef), e-mail
//! addresses and phone numbers are refused with a located message; files are mode 0600.

mod minutes_fixture;
use minutes_fixture as common;

use std::path::Path;

use overleg::domain::{ItemKind, Meeting, TeamData};
use overleg::i18n::Lang;
use overleg::minutes::{self, FindingKind, Format, MinutesError, Profile};

fn all_formats_text(team: &TeamData, m: &Meeting, profile: Profile) -> Vec<(Format, String)> {
    [Format::Md, Format::Html, Format::Docx]
        .into_iter()
        .map(|f| {
            let bytes = minutes::render(team, m, f, profile, Lang::Nl).expect("render");
            let text = match f {
                Format::Docx => common::docx_text(&bytes),
                // Markdown escapes brackets; compare the text as a reader sees it.
                Format::Md => String::from_utf8(bytes).expect("utf-8").replace('\\', ""),
                Format::Html => String::from_utf8(bytes).expect("utf-8"),
            };
            (f, text)
        })
        .collect()
}

/// Plants a text into the first case's advice of meeting two.
fn plant(text: &str) -> Meeting {
    let mut m = common::meeting_two();
    if let ItemKind::Casus(d) = &mut m.agenda[3].kind {
        d.advice[0].text = format!("Neem contact op: {text}");
    }
    m
}

#[test]
fn deelbaar_leaves_out_every_planted_name_in_every_format() {
    let team = common::team_data(Path::new("/tmp/team"));
    let m = common::meeting_two();
    for (f, text) in all_formats_text(&team, &m, Profile::Deelbaar) {
        for name in common::HOUSEHOLD_NAMES.iter().chain(&common::PSEUDONYMS) {
            assert!(!text.contains(name), "{f:?} contains {name}");
        }
        // Case codes and professionals stay.
        assert!(text.contains("2026-0157"), "{f:?}");
        assert!(text.contains("Ayşe Özdemir"), "{f:?}");
        // Confidential and discussion notes are gone.
        assert!(!text.contains("schulden bij de woningcorporatie"), "{f:?}");
        assert!(!text.contains("seniorenwoning"), "{f:?}");
        // Household names become their role in the household.
        assert!(
            text.contains("[moeder] kan ook zonder [kind] beginnen"),
            "{f:?}"
        );
        // A guest is named by the role only.
        assert!(!text.contains("Ineke Mulder"), "{f:?}");
        assert!(text.contains("[ervaringsdeskundige]"), "{f:?}");
    }
    // The intern version still has them: the test data really holds the names.
    let intern = all_formats_text(&team, &m, Profile::Intern);
    for (f, text) in intern {
        assert!(text.contains("Dirkje Dijkstra heeft schulden"), "{f:?}");
        assert!(text.contains("Mw. D."), "{f:?}");
    }
}

#[test]
fn deelbaar_excerpt_leaves_out_names_too() {
    let team = common::team_data(Path::new("/tmp/team"));
    let md = minutes::case_excerpt(&team, "2026-0142", Format::Md, Profile::Deelbaar, Lang::Nl)
        .expect("excerpt");
    let md = String::from_utf8(md).expect("utf-8");
    for name in [
        "Anouk", "Aydın", "Milan", "Fam. A.", "Marieke", "Smit", "Karin",
    ] {
        assert!(!md.contains(name), "{name}");
    }
    assert!(md.contains("Driegesprek"));
}

#[test]
fn deelbaar_refuses_a_valid_bsn_and_says_where() {
    let team = common::team_data(Path::new("/tmp/team"));
    let bsn = common::valid_bsn("12345678");
    let m = plant(&format!("bsn {bsn}"));
    let err = minutes::render(&team, &m, Format::Docx, Profile::Deelbaar, Lang::Nl)
        .expect_err("must refuse");
    let MinutesError::Refused(findings) = &err else {
        panic!("wrong error: {err}");
    };
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].kind, FindingKind::Bsn);
    assert_eq!(findings[0].section, "Casus 2026-0157");
    let msg = err.message(Lang::Nl);
    assert!(msg.contains("Deelbare notulen niet geschreven"), "{msg}");
    assert!(msg.contains("BSN"), "{msg}");
    assert!(msg.contains("«Casus 2026-0157»"), "{msg}");
    assert!(
        !msg.contains(&bsn),
        "the message must not repeat the number"
    );
    assert!(msg.contains(&bsn[7..]), "the last two digits help find it");
    let en = err.message(Lang::En);
    assert!(en.contains("Shareable minutes not written"), "{en}");
}

#[test]
fn an_invalid_bsn_is_not_refused() {
    let team = common::team_data(Path::new("/tmp/team"));
    let m = plant(&format!(
        "dossiernummer {}",
        common::invalid_bsn("12345678")
    ));
    assert!(minutes::render(&team, &m, Format::Md, Profile::Deelbaar, Lang::Nl).is_ok());
}

#[test]
fn deelbaar_refuses_email_and_phone_numbers() {
    let team = common::team_data(Path::new("/tmp/team"));
    for (planted, kind) in [
        ("d.dijkstra@voorbeeld.nl", FindingKind::Email),
        ("06-12345678", FindingKind::Phone),
        ("+31 6 1234 5678", FindingKind::Phone),
        ("053-4801234", FindingKind::Phone),
    ] {
        let m = plant(planted);
        match minutes::render(&team, &m, Format::Html, Profile::Deelbaar, Lang::Nl) {
            Err(MinutesError::Refused(f)) => {
                assert_eq!(f.len(), 1, "{planted}: {f:?}");
                assert_eq!(f[0].kind, kind, "{planted}");
                assert!(!f[0].masked.contains(planted), "masked");
            }
            other => panic!(
                "{planted}: expected refusal, got {:?}",
                other.map(|b| b.len())
            ),
        }
    }
}

#[test]
fn deelbaar_refuses_personal_data_in_organisational_notes() {
    let team = common::team_data(Path::new("/tmp/team"));
    let mut m = common::meeting_two();
    m.agenda[6].notes = "Bel Lotte op 0612345678".into();
    let Err(MinutesError::Refused(f)) =
        minutes::render(&team, &m, Format::Md, Profile::Deelbaar, Lang::Nl)
    else {
        panic!("expected refusal");
    };
    assert_eq!(f[0].section, "Rondvraag");
}

#[test]
fn intern_warns_but_writes() {
    let dir = tempfile::tempdir().expect("tmp");
    let team = common::team_data(dir.path());
    let m = plant("06-12345678");
    let w = minutes::write(&team, &m, Format::Md, Profile::Intern, Lang::Nl, None)
        .expect("intern is written");
    assert_eq!(w.warnings.len(), 1);
    assert_eq!(w.warnings[0].kind, FindingKind::Phone);
    assert!(w.path.exists());
}

#[test]
fn refused_deelbaar_writes_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let team = common::team_data(dir.path());
    let m = plant("d.dijkstra@voorbeeld.nl");
    let r = minutes::write(&team, &m, Format::Docx, Profile::Deelbaar, Lang::Nl, None);
    assert!(matches!(r, Err(MinutesError::Refused(_))));
    assert!(
        !dir.path().join("minutes").exists()
            || std::fs::read_dir(dir.path().join("minutes"))
                .expect("dir")
                .next()
                .is_none()
    );
}

#[cfg(unix)]
#[test]
fn files_are_written_mode_0600_at_the_default_path() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tmp");
    let team = common::team_data(dir.path());
    let m = common::meeting_two();
    for (f, p) in [
        (Format::Md, Profile::Intern),
        (Format::Docx, Profile::Deelbaar),
        (Format::Html, Profile::Deelbaar),
    ] {
        let w = minutes::write(&team, &m, f, p, Lang::Nl, None).expect("write");
        let mode = std::fs::metadata(&w.path)
            .expect("meta")
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600, "{}", w.path.display());
    }
    let names: Vec<String> = std::fs::read_dir(dir.path().join("minutes"))
        .expect("minutes dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    for n in [
        "2026-03-19-notulen.md",
        "2026-03-19-notulen-deelbaar.docx",
        "2026-03-19-notulen-deelbaar.html",
    ] {
        assert!(names.iter().any(|x| x == n), "{n} in {names:?}");
    }
    // Overwriting an existing, more open file leaves it 0600 too.
    let out = dir.path().join("eigen.md");
    std::fs::write(&out, "oud").expect("write");
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    minutes::write(&team, &m, Format::Md, Profile::Intern, Lang::Nl, Some(&out)).expect("w");
    let mode = std::fs::metadata(&out).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

mod scan_properties {
    use overleg::minutes::FindingKind;
    use overleg::minutes::privacy::{elf_proef, scan_text};
    use proptest::prelude::*;

    fn check_digit(first8: &[u32]) -> Option<u32> {
        let s: u32 = first8
            .iter()
            .enumerate()
            .map(|(i, x)| x * (9 - i as u32))
            .sum();
        let c = s % 11;
        (c < 10).then_some(c)
    }

    proptest! {
        /// Every number that passes the 11-proef is found, wherever it stands in a sentence.
        #[test]
        fn every_valid_bsn_is_found(
            digits in proptest::collection::vec(0u32..10, 8),
            before in "[a-zA-Zé ]{0,20}",
            after in "[a-zA-Zé .,]{0,20}",
        ) {
            prop_assume!(digits[0] != 0 || digits[1] != 0);
            let Some(c) = check_digit(&digits) else { return Ok(()) };
            let bsn: String = digits.iter().chain(std::iter::once(&c)).map(|d| char::from_digit(*d, 10).unwrap_or('0')).collect();
            prop_assume!(elf_proef(&bsn));
            let text = format!("{before} {bsn}{after}");
            let found = scan_text(&text);
            prop_assert!(found.iter().any(|(k, _)| *k == FindingKind::Bsn), "{text}");
        }

        /// A nine-digit number that fails the 11-proef is never reported as a BSN.
        #[test]
        fn invalid_numbers_are_not_bsns(digits in proptest::collection::vec(0u32..10, 9)) {
            let n: String = digits.iter().map(|d| char::from_digit(*d, 10).unwrap_or('0')).collect();
            prop_assume!(!elf_proef(&n));
            let found = scan_text(&format!("nummer {n} gezien"));
            prop_assert!(!found.iter().any(|(k, _)| *k == FindingKind::Bsn));
        }
    }
}

#[test]
fn a_member_who_shares_a_first_name_with_a_household_member_keeps_their_name() {
    let mut team = common::team_data(Path::new("/tmp/team"));
    // A child in household 2026-0142 is called Milan; so is a new colleague.
    team.team.members[5].name = "Milan Hendriks".into();
    let m = common::meeting_one();
    let md = minutes::render(&team, &m, Format::Md, Profile::Deelbaar, Lang::Nl).expect("r");
    let md = String::from_utf8(md).expect("utf-8").replace('\\', "");
    assert!(
        md.contains("| Milan Hendriks | transformatiecoach |"),
        "{md}"
    );
    // In free text the child's name is still removed.
    assert!(md.contains("met [kind] erbij"), "{md}");
}
