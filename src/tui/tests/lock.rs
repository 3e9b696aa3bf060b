//! The lock keeper only reports; `update` decides: read only when another chair holds the
//! team, a take-over with the data as it is on disk, read only again when the lock is lost.

use super::*;
use crate::tui::app::{Screen, Status};
use crate::tui::msg::{LockEvent, TakeOver};

fn lock(app: &mut App, event: LockEvent) -> Vec<Effect> {
    update(app, Msg::Lock(event))
}

#[test]
fn a_refused_lock_makes_the_app_read_only_and_says_who_holds_it() {
    let mut app = new_app();
    let fx = lock(
        &mut app,
        LockEvent::Refused("in gebruik door saskia op laptop-2".into()),
    );
    assert!(fx.is_empty());
    assert!(app.read_only);
    let Some(Popup::Messages(m)) = app.popups.last() else {
        panic!("a message");
    };
    assert!(m.lines[0].contains("saskia"));
    assert!(matches!(app.status, Some(Status::Error(_))));
    // Holding it again (a retry that succeeded) lifts read-only.
    lock(&mut app, LockEvent::Held);
    assert!(!app.read_only);
}

#[test]
fn taking_over_replaces_the_data_with_what_is_on_disk_and_resumes() {
    let mut app = opened_app();
    ch(&mut app, 'n');
    lock(&mut app, LockEvent::Refused("x".into()));
    // On disk, the other chair had moved on to item 2 and added a guest.
    let mut data = app.team_data().cloned().expect("team");
    let m = data
        .meetings
        .iter_mut()
        .find(|m| m.date == d(2026, 3, 17))
        .expect("meeting");
    m.progress.current_item = Some(2);
    crate::session::add_guest(m, "Fenna Ünal", "ervaringsdeskundige");
    let generation = app.data_gen;
    lock(
        &mut app,
        LockEvent::TookOver(Box::new(TakeOver {
            team: 0,
            data,
            seen: vec![],
            problems: vec!["cases/2026-0099.ron:1:1: kapot".into()],
        })),
    );
    assert!(!app.read_only);
    assert!(app.data_gen > generation, "search sees the new data");
    assert_eq!(app.screen, Screen::Meeting);
    assert_eq!(app.current_item(), Some(2));
    assert_eq!(meeting(&app).guests.len(), 1);
    let Some(Popup::Messages(m)) = app.popups.last() else {
        panic!("a message");
    };
    assert_eq!(m.lines.len(), 2, "the explanation and the load problem");
}

#[test]
fn a_lost_lock_stops_writing_at_once() {
    let mut app = opened_app();
    lock(&mut app, LockEvent::Lost("jan op laptop-7".into()));
    assert!(app.read_only);
    assert!(matches!(app.popups.last(), Some(Popup::Messages(_))));
    let mut app = new_app();
    lock(&mut app, LockEvent::HeartbeatFailed("schijf vol".into()));
    assert!(matches!(&app.status, Some(Status::Error(t)) if t.contains("schijf vol")));
    assert!(
        !app.read_only,
        "a failed refresh alone is no reason to stop"
    );
}
