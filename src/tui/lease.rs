//! The chair's lease on the database, kept by the loop as the lock keeper keeps the folder's
//! lock: it only does the I/O (on a connection of its own) and says what happened as
//! [`LockEvent`]s; `update` decides.
//!
//! - Holding: renewed every [`RENEW_EVERY`] on the database clock. A renewal that cannot reach
//!   the database leaves the chair writing — into the offline journal — and says so once;
//!   the first renewal that works again (or any, while writes wait) sends
//!   [`LockEvent::Reconnected`], which applies the journal. A lease found taken makes the
//!   chair read-only.
//! - Read only: every few seconds the lease is tried (taken when it expired) and the team
//!   reloaded when someone saved.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::app::App;
use super::msg::{LockEvent, Msg, TakeOver};
use crate::store::Scope;
use crate::store::pg::{self, Target, lease};

const WATCH_EVERY: Duration = Duration::from_secs(3);

pub struct LeaseKeeper {
    target: Target,
    root: PathBuf,
    client: Option<postgres::Client>,
    held: Option<(usize, lease::Lease)>,
    last: Option<Instant>,
    offline: bool,
    /// Read only on this team: what its rows looked like last time.
    watching: Option<(usize, i64)>,
}

impl LeaseKeeper {
    pub fn new(target: Target) -> LeaseKeeper {
        let root = pg::local_root(&target);
        LeaseKeeper {
            target,
            root,
            client: None,
            held: None,
            last: None,
            offline: false,
            watching: None,
        }
    }

    fn client(&mut self) -> Result<&mut postgres::Client, pg::DbError> {
        if self.client.as_ref().is_none_or(|c| c.is_closed()) {
            self.client = None;
            self.client = Some(pg::connect(&self.target)?);
        }
        Ok(self.client.as_mut().expect("connected"))
    }

    /// Takes, renews or watches the lease of the chosen team; says what happened.
    pub fn follow(&mut self, app: &App) -> Vec<Msg> {
        let lang = app.lang;
        let Some(team) = app.team else {
            self.release();
            return vec![];
        };
        let Some(id) = app.team_data().map(|t| t.team.id.clone()) else {
            return vec![];
        };
        let now = Instant::now();
        let every = if self.held.is_some() {
            lease::RENEW_EVERY
        } else {
            WATCH_EVERY
        };
        if self.held.as_ref().is_some_and(|(t, _)| *t != team) {
            self.release();
        }
        if self.last.is_some_and(|l| now.duration_since(l) < every)
            && (self.held.is_some() || self.watching.is_some_and(|(t, _)| t == team))
        {
            return vec![];
        }
        self.last = Some(now);
        if let Some((_, l)) = self.held.clone() {
            return match self
                .client()
                .and_then(|c| lease::renew(c, &l, lease::LEASE_FOR))
            {
                Ok(true) => {
                    let back = std::mem::replace(&mut self.offline, false);
                    if back || app.store.pending() > 0 {
                        vec![Msg::Lock(LockEvent::Reconnected)]
                    } else {
                        vec![]
                    }
                }
                Ok(false) => {
                    self.held = None;
                    self.watching = Some((team, -1));
                    self.offline = false;
                    let lost = crate::i18n::db::lease_lost(lang);
                    let mut msgs = vec![Msg::Lock(LockEvent::Lost(lost))];
                    // What waited still goes in, each with its version check: a document the
                    // new chair changed meanwhile is kept as a conflict, never overwritten.
                    if app.store.pending() > 0 {
                        msgs.push(Msg::Lock(LockEvent::Reconnected));
                    }
                    msgs
                }
                Err(e) => {
                    self.client = None;
                    if std::mem::replace(&mut self.offline, true) {
                        vec![]
                    } else {
                        vec![Msg::Lock(LockEvent::HeartbeatFailed(e.message(lang)))]
                    }
                }
            };
        }
        let me = self.target.user().to_string();
        let taken = self.client().and_then(|c| {
            match lease::take(c, &id, "team", lease::LEASE_FOR)? {
                // This login's own chair on this laptop crashed: no need to wait.
                Err(h) if lease::is_dead_here(&h, &me) => {
                    Ok(lease::take_over(c, &id, "team", &h, lease::LEASE_FOR)?.ok_or(h))
                }
                other => Ok(other),
            }
        });
        match taken {
            Ok(Ok(l)) => {
                self.held = Some((team, l));
                let was_watching = self.watching.take().is_some_and(|(t, _)| t == team);
                if was_watching && let Some(t) = self.reload(team, &id, lang) {
                    return vec![Msg::Lock(LockEvent::TookOver(Box::new(t)))];
                }
                vec![Msg::Lock(LockEvent::Held)]
            }
            Ok(Err(holder)) => {
                let sig = self.signature(&id).unwrap_or(-1);
                match self.watching {
                    Some((t, old)) if t == team => {
                        self.watching = Some((team, sig));
                        if old != sig
                            && old != -1
                            && let Some(t) = self.reload(team, &id, lang)
                        {
                            return vec![Msg::Lock(LockEvent::Reloaded(Box::new(t)))];
                        }
                        vec![]
                    }
                    _ => {
                        self.watching = Some((team, sig));
                        let minutes = (holder.expires_in + 59) / 60;
                        vec![Msg::Lock(LockEvent::Refused(crate::i18n::db::lease_held(
                            &holder.user,
                            &holder.machine,
                            minutes,
                            lang,
                        )))]
                    }
                }
            }
            Err(e) => {
                self.client = None;
                vec![Msg::Lock(LockEvent::HeartbeatFailed(e.message(lang)))]
            }
        }
    }

    /// Sum of the row versions of the team: changes whenever anyone saves.
    fn signature(&mut self, team: &str) -> Option<i64> {
        let c = self.client().ok()?;
        let row = c
            .query_one(
                "SELECT (SELECT coalesce(sum(version), 0) FROM overleg.cases WHERE team = $1)::bigint \
                 + (SELECT coalesce(sum(version), 0) FROM overleg.meetings WHERE team = $1)::bigint \
                 + (SELECT coalesce(sum(version), 0) FROM overleg.teams WHERE team = $1)::bigint \
                 + (SELECT count(*) FROM overleg.meetings WHERE team = $1)",
                &[&team],
            )
            .ok()?;
        Some(row.get(0))
    }

    fn reload(&mut self, team: usize, id: &str, lang: crate::i18n::Lang) -> Option<TakeOver> {
        let root = self.root.clone();
        let c = self.client().ok()?;
        let outcome = pg::load::load(c, &Scope::Team(id.to_string()), &root).ok()?;
        TakeOver::from_outcome(team, outcome, lang)
    }

    fn release(&mut self) {
        if let Some((_, l)) = self.held.take()
            && let Some(c) = self.client.as_mut()
        {
            let _ = lease::release(c, &l);
        }
        self.watching = None;
    }
}

impl Drop for LeaseKeeper {
    fn drop(&mut self) {
        self.release();
    }
}
