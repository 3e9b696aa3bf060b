//! The chair's lease: one row per team and scope, timed by the database clock, so that two
//! laptops whose clocks disagree, or a heartbeat stuck on poor wifi, never give two writers.
//! A lease is taken when free or expired, renewed by its holder (the token proves it),
//! and released at quit.

use std::time::Duration;

use super::DbError;

/// How long a lease lasts without renewal. Long enough for the database (or the wifi) to
/// be away for five minutes without the chair losing the meeting; a crashed chair blocks
/// the team that long.
pub const LEASE_FOR: Duration = Duration::from_secs(10 * 60);
/// How often the holder renews.
pub const RENEW_EVERY: Duration = Duration::from_secs(20);

/// A lease held by this process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lease {
    pub team: String,
    pub scope: String,
    pub token: String,
}

/// Who holds a lease this process could not take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub user: String,
    /// The host name, for people.
    pub machine: String,
    /// Seconds until it expires unless renewed.
    pub expires_in: i64,
    /// The holder's token and where its process ran ([`Place`]), for a take-over after a
    /// crash on this same machine.
    pub token: String,
    pub place: String,
}

/// Where a lease holder runs: the host name for people, the process space (a hash of the
/// machine id, see `storage::lock::identity`) and the pid, so that a chair who restarts
/// after a crash on the same laptop need not wait for the lease to expire.
pub fn place() -> String {
    format!(
        "{}|{}|{}",
        crate::storage::lock::identity::host_name().replace('|', "_"),
        crate::storage::lock::identity::process_space(),
        std::process::id()
    )
}

/// Is the holder a process of this login on this machine that is no longer alive?
pub fn is_dead_here(holder: &Holder, me: &str) -> bool {
    let mut parts = holder.place.rsplitn(3, '|');
    let (Some(pid), Some(space)) = (parts.next(), parts.next()) else {
        return false;
    };
    holder.user == me
        && space == crate::storage::lock::identity::process_space()
        && pid.parse::<u32>().is_ok_and(|p| {
            p != std::process::id() && !crate::storage::lock::identity::process_alive(p)
        })
}

/// Takes over a lease whose holder [`is_dead_here`]: only if it still carries that token.
pub fn take_over(
    c: &mut postgres::Client,
    team: &str,
    scope: &str,
    dead: &Holder,
    ttl: Duration,
) -> Result<Option<Lease>, DbError> {
    let token = crate::storage::lock::identity::new_token();
    let secs = ttl.as_secs_f64();
    let n = c.execute(
        "UPDATE overleg.leases SET token = $4, machine = $5, taken_at = now(), \
         expires_at = now() + make_interval(secs => $6) \
         WHERE team = $1 AND scope = $2 AND token = $3 AND holder = session_user",
        &[&team, &scope, &dead.token, &token, &place(), &secs],
    )?;
    Ok((n == 1).then(|| Lease {
        team: team.into(),
        scope: scope.into(),
        token,
    }))
}

/// Takes the lease of `team` (scope `"team"`: the writer of the team's meetings).
pub fn take(
    c: &mut postgres::Client,
    team: &str,
    scope: &str,
    ttl: Duration,
) -> Result<Result<Lease, Holder>, DbError> {
    let token = crate::storage::lock::identity::new_token();
    let machine = place();
    let secs = ttl.as_secs_f64();
    let row = c.query_opt(
        "INSERT INTO overleg.leases (team, scope, token, machine, expires_at) \
         VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5)) \
         ON CONFLICT (team, scope) DO UPDATE SET holder = session_user, token = EXCLUDED.token, \
             machine = EXCLUDED.machine, taken_at = now(), expires_at = EXCLUDED.expires_at \
         WHERE overleg.leases.expires_at < now() \
         RETURNING token",
        &[&team, &scope, &token, &machine, &secs],
    )?;
    if row.is_some() {
        return Ok(Ok(Lease {
            team: team.into(),
            scope: scope.into(),
            token,
        }));
    }
    let held = c.query_opt(
        "SELECT holder::text, machine, extract(epoch FROM expires_at - now())::bigint, token \
         FROM overleg.leases WHERE team = $1 AND scope = $2",
        &[&team, &scope],
    )?;
    Ok(Err(match held {
        Some(r) => {
            let place: String = r.get(1);
            Holder {
                user: r.get(0),
                machine: place.split('|').next().unwrap_or("").to_string(),
                expires_in: r.get(2),
                token: r.get(3),
                place,
            }
        }
        // Released between the two statements: the next attempt takes it.
        None => Holder {
            user: String::new(),
            machine: String::new(),
            expires_in: 0,
            token: String::new(),
            place: String::new(),
        },
    }))
}

/// Renews a held lease; `Ok(false)` when it is no longer this process's (expired and taken).
pub fn renew(c: &mut postgres::Client, lease: &Lease, ttl: Duration) -> Result<bool, DbError> {
    let secs = ttl.as_secs_f64();
    let n = c.execute(
        "UPDATE overleg.leases SET expires_at = now() + make_interval(secs => $4) \
         WHERE team = $1 AND scope = $2 AND token = $3",
        &[&lease.team, &lease.scope, &lease.token, &secs],
    )?;
    Ok(n == 1)
}

/// Gives a lease back (only one's own).
pub fn release(c: &mut postgres::Client, lease: &Lease) -> Result<(), DbError> {
    c.execute(
        "DELETE FROM overleg.leases WHERE team = $1 AND scope = $2 AND token = $3",
        &[&lease.team, &lease.scope, &lease.token],
    )?;
    Ok(())
}
