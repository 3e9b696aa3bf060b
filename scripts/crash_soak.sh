#!/usr/bin/env bash
# Crash points and lock races at full size (the figures in docs/reliability.md):
# - every durable write step of a close with 1-8 cases, one crash per step
#   (OVERLEG_CRASH_AT_WRITE=N), each followed by a restart that must find all or nothing;
# - CRASH_KILLS (200) SIGKILLs at random moments of a close's commit;
# - LOCK_RACE_ROUNDS (200) rounds of two processes racing for a free lock, and 200 rounds of
#   two processes taking over one stale lock, with delays injected at creation and take-over.
#
# Usage: scripts/crash_soak.sh [KILLS] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
export CRASH_FULL=1
export CRASH_KILLS="${1:-${CRASH_KILLS:-200}}"
export LOCK_RACE_ROUNDS="${2:-${LOCK_RACE_ROUNDS:-200}}"
cargo test --test crash_points -- --nocapture --test-threads 1 2>&1 \
    | grep --line-buffered -E 'crash points tested|random kills|kills so far|test result|panicked'
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] || exit "$status"
cargo test --test team_lock two_processes -- --nocapture --test-threads 1 2>&1 \
    | grep --line-buffered -E 'lock races|test result|panicked'
exit "${PIPESTATUS[0]}"
