//! The scanner on the forms people type, and on ordinary meeting text it must leave alone.
//! BSNs and IBANs are built here at run time: none is written in the source.

use super::*;

/// A 9-digit number that passes the 11-proef, from 8 leading digits.
fn valid_bsn(first8: &str) -> String {
    let d: Vec<i64> = first8
        .chars()
        .filter_map(|c| c.to_digit(10).map(i64::from))
        .collect();
    let s: i64 = d.iter().enumerate().map(|(i, &x)| x * (9 - i as i64)).sum();
    let check = s % 11;
    assert!(check < 10, "choose other leading digits");
    format!("{first8}{check}")
}

/// A valid IBAN for a country, bank code and account number (check digits computed).
fn valid_iban(country: &str, bban: &str) -> String {
    for check in 0..100 {
        let candidate = format!("{country}{check:02}{bban}");
        if iban_valid(&candidate) {
            return candidate;
        }
    }
    panic!("no check digits");
}

fn kinds(text: &str) -> Vec<FindingKind> {
    scan_text(text).into_iter().map(|(k, _)| k).collect()
}

#[test]
fn elf_proef_accepts_built_and_rejects_changed() {
    let good = valid_bsn("10000007");
    assert!(elf_proef(&good));
    let mut bad: Vec<char> = good.chars().collect();
    bad[8] = if bad[8] == '9' {
        '0'
    } else {
        (bad[8] as u8 + 1) as char
    };
    assert!(!elf_proef(&bad.iter().collect::<String>()));
    assert!(!elf_proef(&"0".repeat(9)));
}

#[test]
fn bsn_in_every_form() {
    let b = valid_bsn("23456781");
    let forms = [
        format!("BSN {b}."),
        format!("bsn: {}.{}.{}", &b[..4], &b[4..6], &b[6..]),
        format!("bsn {} {} {}", &b[..3], &b[3..6], &b[6..]),
        format!("bsn {}/{}/{}", &b[..3], &b[3..6], &b[6..]),
        format!("bsn {}_{}_{}", &b[..3], &b[3..6], &b[6..]),
        format!("bsn {}-{}", &b[..4], &b[4..]),
        format!("bsn {}\n{}", &b[..4], &b[4..]),
        format!("sofinr{b}"),
        format!("bsn{b}nogiets"),
        // Full-width digits become plain ones.
        b.chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap_or(c))
            .collect(),
    ];
    for t in &forms {
        assert_eq!(kinds(t), vec![FindingKind::Bsn], "{t:?}");
    }
}

#[test]
fn iban_with_and_without_spaces() {
    let iban = valid_iban("NL", "ABNA0417164301");
    let spaced: String = iban
        .chars()
        .collect::<Vec<_>>()
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ");
    for t in [
        format!("rekening {iban}"),
        format!("iban: {spaced}."),
        format!("op {} gestort", iban.to_lowercase()),
        format!("Belgisch: {}", valid_iban("BE", "539007547034")),
    ] {
        assert_eq!(kinds(&t), vec![FindingKind::Iban], "{t}");
    }
    // A wrong check digit is no IBAN (and its digits are no phone number).
    let wrong = format!(
        "NL{:02}ABNA0417164301",
        (iban[2..4].parse::<u32>().unwrap_or(0) + 1) % 100
    );
    assert!(!kinds(&wrong).contains(&FindingKind::Iban), "{wrong}");
}

#[test]
fn addresses_postcodes_and_birth_dates() {
    for (t, kind) in [
        ("woont op 7511 AB 12", FindingKind::Postcode),
        ("adres 7511AB 12a", FindingKind::Postcode),
        ("postcode 7511 ab", FindingKind::Postcode),
        ("Hoofdstraat 12", FindingKind::Address),
        ("woont aan de kerkweg 7-2", FindingKind::Address),
        ("Van Heeksbleeklaan 3a, Enschede", FindingKind::Address),
        ("Oude Markt 12", FindingKind::Address),
        ("geboren 14-03-2012", FindingKind::BirthDate),
        ("geb. 14 maart 2012", FindingKind::BirthDate),
        ("geboortedatum: 2012-03-14", FindingKind::BirthDate),
        ("Geb 3/4/12", FindingKind::BirthDate),
        ("geboren op 1 mei", FindingKind::BirthDate),
    ] {
        assert_eq!(kinds(t), vec![kind], "{t}");
    }
    // A street, then a postcode: one finding each.
    assert_eq!(
        kinds("Hoofdstraat 12, 7511 AB Enschede"),
        vec![FindingKind::Address, FindingKind::Postcode]
    );
}

#[test]
fn emails_also_obfuscated() {
    for t in [
        "mail naar j.de.vries@voorbeeld.nl.",
        "jan at example dot nl",
        "jan[at]example.nl",
        "jan (at) example (dot) nl",
        "jan @ example.nl",
        "jan＠example.nl",
        "JAN AT EXAMPLE DOT COM",
    ] {
        assert_eq!(kinds(t), vec![FindingKind::Email], "{t}");
    }
    let f = scan_text("mail naar j.de.vries@voorbeeld.nl.");
    assert_eq!(f[0].1, "j.de.vries@voorbeeld.nl");
    assert!(scan_text("@team en a@b").is_empty());
}

#[test]
fn phones_in_every_notation() {
    for t in [
        "bel 06-12345678",
        "bel 06 12345678",
        "tel. 0612345678",
        "+31 6 12345678",
        "+31612345678",
        "053-4801234",
        "(020) 123 4567",
        "06/12345678",
        "+31 (0)6 12345678",
        "0031 6 12345678",
        "06 12 34 56 78",
        "bel 06-1234\n5678 terug",
        "tel06-12345678",
    ] {
        assert_eq!(kinds(t), vec![FindingKind::Phone], "{t:?}");
    }
}

#[test]
fn ordinary_meeting_text_is_left_alone() {
    for t in [
        "Casus 2026-0142 besproken op 2026-03-12 om 09:30.",
        "Besluit 2026-031 en actie A2026-014.",
        "Budget € 12.500, 3 kinderen van 4, 7 en 12 jaar.",
        "Overleg van 14-03-2026 09.30 tot 11.00 uur.",
        "Besluiten 2026-031, 2026-032 en 2026-033; casussen 2026-0142 en 2025-0988.",
        "Mandaat tot €50.000; boven € 125.000.000 de raad.",
        "Caseload 112%, 0,89 fte, 32 uur per week.",
        "Volgend overleg 02-04-2026, 09:30–11:00, Wijkcentrum De Bron, zaal 2.",
        "Stadskantoor, kamer 3.14; 2 april om 10.30.",
        "Vier nieuwe aanmeldingen; twee met jeugdvragen in week 12.",
        "Schuldhulp heeft een vordering 2 keer doorgeschoven.",
        "De loopbaan 3 jaar onderbroken; onderweg 2 weken.",
        "Hij at brood met zijn zoon.",
        "Evaluatie over 6 weken, eind 2026.",
        "Actie A2026-013 doorgeschoven naar 30-04-2026 (1x).",
        "Mentor gebeld, reactie 2026 Q2.",
        "Signs of Safety: score 6 van 10, eerder 4.",
        "Huur € 850,- per maand; schuld 1.250 euro.",
        // A professional's name ending like a street, a consultation under it.
        "Sanne Bakker\n6-ogenprincipe",
        "Besloten door Joost Akker 4-ogenprincipe.",
        "Sanne Bakker\n20 minuten later",
    ] {
        assert!(scan_text(t).is_empty(), "{t}: {:?}", scan_text(t));
    }
}

#[test]
fn every_pattern_compiles() {
    // A pattern that failed to compile would silently find nothing: make sure each works.
    for (t, kind) in [
        ("7511 AB 12", FindingKind::Postcode),
        ("Hoofdstraat 1", FindingKind::Address),
        ("geboren 1-2-2012", FindingKind::BirthDate),
        ("a@b.nl", FindingKind::Email),
    ] {
        assert_eq!(kinds(t), vec![kind], "{t}");
    }
}

#[test]
fn mask_keeps_last_two_and_one_line() {
    assert_eq!(mask("0612345678"), "••••••••78");
    assert_eq!(mask("a@b.nl"), "•@••nl");
    assert_eq!(mask("06-1234\n5678"), "••••••• ••78");
}
