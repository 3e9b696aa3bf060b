#!/usr/bin/env bash
# The database away in the middle of a meeting, with the real interface in tmux: a server of
# its own in a temporary folder, the shipped demo imported, the chair `anna` on the agenda;
# one save online, the server stopped for MINUTES (default 5) while the chair moves an agenda
# item every 30 s, the server started again. Prints the header over time and checks that
# every change arrived exactly once (the meeting row's version). Needs tmux and PostgreSQL
# (Debian's postgresql package). Usage: scripts/pg-offline.sh [MINUTES]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-5}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
cargo build --release --quiet
O=$PWD/target/release/overleg
work=$(mktemp -d /tmp/overleg-offline-XXXXXX)
as=()
if [ "$(id -u)" = 0 ]; then chown postgres: "$work"; as=(runuser -u postgres --); fi
pgopts="-k $work -c listen_addresses='' -c shared_preload_libraries=pgaudit"
[ -f "$(ls -d /usr/lib/postgresql/*/lib | sort -V | tail -1)/pgaudit.so" ] || pgopts="-k $work -c listen_addresses=''"
start() { "${as[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/log" -o "$pgopts" -w start >/dev/null; }
stop() { "${as[@]}" "$bin/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null; }
cleanup() { tmux kill-session -t overleg-offline 2>/dev/null || true; stop 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
"${as[@]}" "$bin/initdb" -D "$work/data" -U overleg_admin --auth=trust -E UTF8 --locale=C >/dev/null
start
admin="host=$work user=overleg_admin dbname=overleg"
psql -X -q -h "$work" -U overleg_admin -d postgres -c "CREATE DATABASE overleg"
teams=$(sed -n 's/^    id: "\(.*\)",/\1/p' data/*/team.ron | paste -sd,)
$O db init --db "$admin" --teams "$teams" >/dev/null
$O db import --db "$admin" --data data
first=$(sed -n 's/^    id: "\(.*\)",/\1/p' data/wijkteam-stroinkslanden-zuid/team.ron)
$O db user anna --teams "$first" --db "$admin"
Q() { psql -X -h "$work" -U overleg_admin -d overleg -Atc "$1"; }
version() { Q "SELECT version FROM overleg.meetings WHERE team = '$first' ORDER BY date DESC LIMIT 1"; }
tmux kill-session -t overleg-offline 2>/dev/null || true
tmux new-session -d -x 120 -y 36 -s overleg-offline \
    "OVERLEG_DB_HOME=$work/home $O --db 'host=$work user=anna dbname=overleg' --today 2026-11-23; sleep 3600"
sleep 3
tmux send-keys -t overleg-offline a; sleep 1
tmux send-keys -t overleg-offline j J; sleep 2
v1=$(version)
echo "$(date -u +%T) one save online: version $v1"
stop
echo "$(date -u +%T) database stopped for $minutes min"
n=0
end=$(( $(date +%s) + minutes * 60 ))
while [ "$(date +%s)" -lt "$end" ]; do
    sleep 30
    if [ $((n % 2)) = 0 ]; then tmux send-keys -t overleg-offline J; else tmux send-keys -t overleg-offline K; fi
    n=$((n + 1)); sleep 1
    echo "$(date -u +%T) $(tmux capture-pane -p -t overleg-offline | head -1 | sed 's/  */ /g')"
done
start
echo "$(date -u +%T) database started"
for _ in $(seq 1 60); do
    sleep 1
    tmux capture-pane -p -t overleg-offline | head -1 | grep -q offline || break
done
echo "$(date -u +%T) header:$(tmux capture-pane -p -t overleg-offline | head -1 | sed 's/  */ /g')"
echo "$(date -u +%T) status:$(tmux capture-pane -p -t overleg-offline | tail -2 | head -1)"
v2=$(version)
echo "version $v1 -> $v2 after $n changes offline"
[ "$v2" = $((v1 + n)) ] && echo "every change arrived, none twice" || { echo "MISMATCH"; exit 1; }
