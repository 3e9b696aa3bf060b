//! The minutes popup offers a version per partner (only when a discussed household consented
//! and the organisation is involved); a refused shareable version lists every finding with
//! where it is; closing a meeting warns about personal data before it is confirmed.

use crossterm::event::KeyCode;

use super::*;
use crate::domain::Betrokkene;
use crate::minutes::Format;
use crate::tui::msg::Export;
use crate::tui::popup::choose::Choose;
use crate::tui::screen::meeting::ItemRow;

/// A BSN-like number that passes the 11-proef, built here so none is in the repository.
fn bsn_like() -> String {
    let digits = [1u32, 1, 1, 2, 2, 2, 3, 3];
    let sum: u32 = digits.iter().zip((2..=9).rev()).map(|(d, w)| d * w).sum();
    let last = sum % 11;
    assert!(last < 10);
    digits
        .iter()
        .chain(std::iter::once(&last))
        .map(|d| char::from_digit(*d, 10).unwrap_or('0'))
        .collect()
}

fn with_partner() -> App {
    let mut app = new_app();
    if let Some(t) = app.team_data_mut() {
        // The closed meeting of 03-03 discussed Mw. Çelik (the fixture only gives it a
        // decision and an action under the rondvraag).
        let m = &mut t.meetings[0];
        m.state = crate::domain::MeetingState::Gepland;
        crate::session::add_case(
            m,
            "2026-0012",
            "Casus 2026-0012",
            "sbakker".into(),
            "Hoe verder met de schulden?".into(),
            15,
        )
        .expect("case item");
        m.state = crate::domain::MeetingState::Gesloten;
        let c = t
            .cases
            .iter_mut()
            .find(|c| c.code == "2026-0012")
            .expect("case");
        c.consent.share_with_partners = true;
        c.betrokkenen.push(Betrokkene {
            name: "Bram Kuipers".into(),
            organisation: "Schuldhulp Twente".into(),
            role: "schuldhulpverlener".into(),
            known_to_others: true,
        });
    }
    app
}

#[test]
fn a_version_for_one_partner_is_chosen_in_two_steps() {
    let mut app = with_partner();
    ch(&mut app, 'm');
    assert!(screen_text(&app, 120, 36).contains("één partner"));
    typ(&mut app, "word een partner");
    assert!(matches!(
        app.popups.last(),
        Some(Popup::Choose(Choose::Export { .. }))
    ));
    press(&mut app, KeyCode::Enter);
    assert!(matches!(
        app.popups.last(),
        Some(Popup::Choose(Choose::Partner { .. }))
    ));
    assert!(screen_text(&app, 120, 36).contains("Schuldhulp Twente"));
    let fx = press(&mut app, KeyCode::Enter);
    assert_eq!(
        fx,
        vec![Effect::ExportMinutes(
            d(2026, 3, 3),
            Export::ForPartner(Format::Docx, "Schuldhulp Twente".into())
        )]
    );
    // Without a consenting household there is no such choice.
    let mut app = new_app();
    ch(&mut app, 'm');
    let Some(Popup::Choose(Choose::Export { picker, .. })) = app.popups.last() else {
        panic!("export popup");
    };
    assert!(picker.visible().all(|c| !c.label.contains("partner (")));
}

#[test]
fn a_refused_shareable_version_names_every_finding() {
    let tmp = tempfile::tempdir().expect("tmp");
    let mut app = with_partner();
    if let Some(t) = app.team_data_mut() {
        t.dir = tmp.path().to_path_buf();
        let item = &mut t.meetings[0].agenda[3];
        assert!(matches!(item.kind, crate::domain::ItemKind::Casus(_)));
        item.notes = format!("Bel mw. op 06-12345678, bsn {}", bsn_like());
        item.decisions.push(crate::domain::Decision {
            number: "2026-003".into(),
            text: "Schuldhulp aanvragen".into(),
            decided_by: "sbakker".into(),
            grounds: "Mail naar jan@example.nl".into(),
            consultation: None,
            dissent: vec![],
        });
    }
    let date = d(2026, 3, 3);
    let msg = crate::tui::effects::execute(
        &mut app,
        &Effect::ExportMinutes(
            date,
            Export::Minutes(Format::Md, crate::minutes::Profile::Deelbaar),
        ),
    );
    let Some(Msg::Problems { title, lines }) = msg.clone() else {
        panic!("a refusal with its findings, got {msg:?}");
    };
    assert!(title.contains("niet geschreven"));
    assert!(!lines.is_empty(), "{lines:?}");
    assert!(
        lines.iter().all(|l| !l.contains("jan@example.nl")),
        "masked: {lines:?}"
    );
    assert!(
        lines.iter().all(|l| l.contains('«') && l.contains('•')),
        "{lines:?}"
    );
    update(&mut app, msg.expect("msg"));
    assert!(matches!(app.popups.last(), Some(Popup::Messages(_))));
    assert!(!tmp.path().join("minutes").exists(), "nothing written");
}

#[test]
fn closing_warns_about_personal_data_before_it_is_confirmed() {
    let (mut app, _) = at_case();
    go_to(&mut app, ItemRow::Advice);
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    typ(&mut app, &format!("Zijn bsn is {}", bsn_like()));
    ctrl(&mut app, 's');
    ch(&mut app, 'S');
    let text = screen_text(&app, 160, 48);
    assert!(
        text.contains("mogelijk persoonsgegevens in de notulen"),
        "{text}"
    );
    assert!(!text.contains(&bsn_like()), "the number itself is masked");
    press(&mut app, KeyCode::Enter);
    let text = screen_text(&app, 160, 48);
    assert!(
        text.contains("Overleg sluiten?") && text.contains("persoonsgegevens"),
        "{text}"
    );
}
