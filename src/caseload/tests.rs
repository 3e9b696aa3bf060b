//! Caseload arithmetic on the hand-built team (norm: 3 households per FTE; weights 0.6 / 1.0 /
//! 3.0; today 2026-05-01).

use super::*;
use crate::testdata;

fn load(opts: &Options) -> TeamCaseload {
    team_caseload(&testdata::team_data(std::path::Path::new("noord")), opts)
}

fn member<'a>(t: &'a TeamCaseload, id: &str) -> &'a MemberLoad {
    t.members
        .iter()
        .find(|m| m.id == id)
        .expect("member in fixture")
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 1e-3
}

#[test]
fn weighted_load_against_norm_times_fte() {
    let t = load(&Options::new(testdata::today()));
    let sanne = member(&t, "sbakker");
    // 2026-0001 zwaar (3.0) + 2026-0004 licht (0.6); the closed 2026-0005 does not count.
    assert_eq!(sanne.regie_cases, vec!["2026-0001", "2026-0004"]);
    assert_eq!(
        sanne.by_complexity,
        ByComplexity {
            licht: 1,
            midden: 0,
            zwaar: 1
        }
    );
    assert!(close(sanne.weighted, 3.6));
    assert!(close(sanne.capacity, 3.0));
    assert!(close(sanne.load_percent.unwrap_or_default(), 120.0));
    assert_eq!(sanne.band, LoadBand::BovenNorm);

    let ayse = member(&t, "ayilmaz");
    assert!(close(ayse.capacity, 1.5));
    assert!(close(ayse.load_percent.unwrap_or_default(), 100.0 / 1.5));
    assert_eq!(ayse.band, LoadBand::Ruimte);
}

#[test]
fn overdue_actions_follow_the_reviews() {
    let t = load(&Options::new(testdata::today()));
    let sanne = member(&t, "sbakker");
    // A2026-001 is past due and open; A2026-003 was reviewed as done in April.
    let numbers: Vec<&str> = sanne
        .overdue_actions
        .iter()
        .map(|a| a.number.as_str())
        .collect();
    assert_eq!(numbers, vec!["A2026-001"]);
    // A2026-002 is due in June: not overdue.
    assert!(member(&t, "ayilmaz").overdue_actions.is_empty());
}

#[test]
fn evaluations_due_within_four_weeks_or_overdue() {
    let t = load(&Options::new(testdata::today()));
    let sanne = member(&t, "sbakker");
    let due: Vec<(&str, bool)> = sanne
        .evaluations_due
        .iter()
        .map(|e| (e.case.as_str(), e.overdue))
        .collect();
    assert_eq!(due, vec![("2026-0001", true), ("2026-0004", false)]);
    // 2026-05-20 is within 28 days of 2026-05-01.
    assert_eq!(member(&t, "ayilmaz").evaluations_due.len(), 1);
    // A month later the April evaluation is still overdue, May's have passed too.
    let later = load(&Options::new(testdata::today() + Duration::days(60)));
    assert!(
        member(&later, "sbakker")
            .evaluations_due
            .iter()
            .all(|e| e.overdue)
    );
}

#[test]
fn team_totals_and_cases_without_regisseur() {
    let t = load(&Options::new(testdata::today()));
    let tot = t.totals;
    assert_eq!(tot.open_cases, 6);
    assert_eq!(tot.regie_in_team, 3);
    assert_eq!(tot.regie_extern, 1);
    assert_eq!(tot.regie_huishouden, 1);
    assert_eq!(tot.without_regisseur, 1);
    assert!(close(tot.weighted, 4.6));
    // The manager's FTE is not capacity for households: 3.0 + 1.5 + 2.4.
    assert!(close(tot.capacity, 6.9));
    // Nor is the manager shown as having room: no percentage, no capacity.
    let manager = t
        .members
        .iter()
        .find(|m| !m.roles.iter().any(|r| r.holds_cases()))
        .expect("a manager in the test team");
    assert_eq!(manager.band, LoadBand::GeenCasushouder);
    assert_eq!(manager.load_percent, None);
    assert!(close(manager.capacity, 0.0));
    assert_eq!(tot.overdue_actions, 1);
    // Sanne: 2026-0001 (overdue) and 2026-0004; Ayşe: 2026-0002.
    assert_eq!(tot.evaluations_due, 3);
    assert_eq!(t.without_regisseur.len(), 1);
    let u = &t.without_regisseur[0];
    assert_eq!(u.case, "2026-0003");
    assert_eq!(u.coach.as_deref(), Some("Joost de Vries"));
    assert_eq!(
        u.since.map(|d| d.to_string()).as_deref(),
        Some("2026-03-01")
    );
}

#[test]
fn sorting_and_filters() {
    let mut opts = Options::new(testdata::today());
    let names = |t: &TeamCaseload| t.members.iter().map(|m| m.id.clone()).collect::<Vec<_>>();
    assert_eq!(
        names(&load(&opts)),
        vec!["ayilmaz", "jdevries", "mvisser", "sbakker"]
    );
    opts.sort = SortKey::Load;
    assert_eq!(names(&load(&opts))[0], "sbakker");
    opts.sort = SortKey::Overdue;
    assert_eq!(names(&load(&opts))[0], "sbakker");
    opts.only_above_norm = true;
    let t = load(&opts);
    assert_eq!(names(&t), vec!["sbakker"]);
    // Filters narrow the list, never the totals.
    assert_eq!(t.totals.open_cases, 6);
    opts.only_above_norm = false;
    opts.role = Some(Role::Jeugdprofessional);
    assert_eq!(names(&load(&opts)), vec!["jdevries"]);
}

#[test]
fn zero_fte_has_no_percentage() {
    let mut td = testdata::team_data(std::path::Path::new("noord"));
    td.team.members[0].fte = 0.0;
    let t = team_caseload(&td, &Options::new(testdata::today()));
    let sanne = member(&t, "sbakker");
    assert_eq!(sanne.load_percent, None);
    assert_eq!(sanne.band, LoadBand::Onbekend);
}

#[test]
fn municipality_caseload_filters_by_team() {
    let ws = testdata::workspace();
    let opts = Options::new(testdata::today());
    assert_eq!(caseload(&ws, None, &opts).len(), 1);
    assert_eq!(caseload(&ws, Some("noord"), &opts).len(), 1);
    assert!(caseload(&ws, Some("zuid"), &opts).is_empty());
}

#[test]
fn a_leaver_no_longer_counts_in_the_norm() {
    let mut td = testdata::team_data(std::path::Path::new("noord"));
    let before = team_caseload(&td, &Options::new(testdata::today()));
    // Joost leaves per today and holds no regie: gone from the list and from the capacity.
    td.team
        .members
        .iter_mut()
        .filter(|m| m.id == "jdevries")
        .for_each(|m| m.end = Some(testdata::today()));
    let after = team_caseload(&td, &Options::new(testdata::today()));
    let joost = member(&before, "jdevries");
    assert!(joost.active);
    if joost.regie_cases.is_empty() {
        assert!(after.members.iter().all(|m| m.id != "jdevries"));
    } else {
        assert_eq!(member(&after, "jdevries").band, LoadBand::NietInTeam);
        assert!(close(member(&after, "jdevries").capacity, 0.0));
    }
    assert!(close(
        after.totals.capacity,
        before.totals.capacity - joost.capacity
    ));
    // A day earlier he still counts.
    let day_before = testdata::today().pred_opt().expect("date");
    let earlier = team_caseload(&td, &Options::new(day_before));
    assert!(close(earlier.totals.capacity, before.totals.capacity));
}

#[test]
fn the_caseload_counts_the_regisseur_in_force_today() {
    use crate::domain::{RegieChange, Regisseur};
    let mut td = testdata::team_data(std::path::Path::new("noord"));
    let today = testdata::today();
    let start = today + Duration::days(7);
    let c = td
        .cases
        .iter_mut()
        .find(|c| c.code == "2026-0004")
        .expect("case");
    c.regie_history.push(RegieChange {
        date: today,
        from: c.regisseur.clone(),
        to: Some(Regisseur::Lid("ayilmaz".into())),
        reason: "einde maatregel".into(),
        meeting: None,
        effective: Some(start),
    });
    let now = team_caseload(&td, &Options::new(today));
    assert!(
        member(&now, "sbakker")
            .regie_cases
            .contains(&"2026-0004".to_string())
    );
    assert_eq!(now.pending_handovers.len(), 1);
    let h = &now.pending_handovers[0];
    assert_eq!(
        (
            h.case.as_str(),
            h.until_then.as_deref(),
            h.from,
            h.then.as_deref()
        ),
        (
            "2026-0004",
            Some("Sanne Bakker"),
            start,
            Some("Ayşe Yılmaz")
        )
    );
    assert_eq!(
        crate::i18n::week::regie_until_then(
            "Sanne Bakker",
            start,
            "Ayşe Yılmaz",
            crate::i18n::Lang::Nl
        ),
        "Sanne Bakker tot 08-05-2026, daarna Ayşe Yılmaz"
    );
    let then = team_caseload(&td, &Options::new(start));
    assert!(
        member(&then, "ayilmaz")
            .regie_cases
            .contains(&"2026-0004".to_string())
    );
    assert!(
        !member(&then, "sbakker")
            .regie_cases
            .contains(&"2026-0004".to_string())
    );
    assert!(then.pending_handovers.is_empty());
}
