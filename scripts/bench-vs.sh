#!/usr/bin/env bash
# overleg against its floors, whole process against whole process (issue 15):
#
#   zoek Q               vs  fzf --filter Q on a text file of exactly the lines overleg indexes
#   caseload --json      vs  the floor of the cached path: stat every file + read every cache file
#   check                vs  reading the same bytes (cat of every file)
#
#   interface start      vs  reading every file of that team (cargo bench --bench start, in
#                            process: the interface needs a terminal, so its build_app is timed)
#
# for Q in ozdemir, sahin, een, o, 2026-01, schuld. Prints hyperfine's table per pair and at the
# end the ratio overleg / anchor of the means (of criterion's medians for the start).
#
# Usage: scripts/bench-vs.sh            (from anywhere; works in the repository root)
#   BENCH_VS_DIR     folder for the data (default target/bench-vs)
#   BENCH_VS_RUNS    hyperfine runs per command (default 10)
#   BENCH_VS_WARMUP  hyperfine warm-up runs (default 2)
#   CARGO_TARGET_DIR where cargo builds (default target), as for cargo itself
#
# Needs cargo, hyperfine and fzf (Debian: apt-get install -y hyperfine fzf), awk and find.
# Builds the release binary and examples/indexed_lines.rs first. The data is the fictional
# demo (`overleg demo --teams 40 --cases 50000 --seed 7`), written once (≈ 200 MB, < 1 min).
set -euo pipefail
cd "$(dirname "$0")/.."

die() { echo "bench-vs: $*" >&2; exit 1; }
for tool in cargo hyperfine fzf awk find; do
    command -v "$tool" > /dev/null || die "'$tool' not found (Debian: apt-get install -y hyperfine fzf)"
done

target="${CARGO_TARGET_DIR:-target}"
work="${BENCH_VS_DIR:-target/bench-vs}"
runs="${BENCH_VS_RUNS:-10}"
warmup="${BENCH_VS_WARMUP:-2}"
data="$work/gemeente-50000-40-7"
lines="$work/indexed-lines.txt"
results="$work/results"
exe="$target/release/overleg"
queries=(ozdemir sahin een o 2026-01 schuld)

echo "bench-vs: building the release binary and examples/indexed_lines" >&2
cargo build --release --locked --quiet --bin overleg --example indexed_lines \
    || die "cargo build failed"
[ -x "$exe" ] || die "no binary at $exe (is CARGO_TARGET_DIR right?)"
mkdir -p "$work" "$results"

if [ ! -e "$data/.complete" ]; then
    echo "bench-vs: writing the 50,000-case, 40-team demo to $data" >&2
    rm -rf "$data"
    "$exe" demo --out "$data" --teams 40 --cases 50000 --seed 7 > /dev/null \
        || die "overleg demo failed"
    touch "$data/.complete"
fi

# The parse cache is written by the first cached load; files changed less than 2 s ago are not
# cached, so wait and load until every team has its cache file.
sleep 3
"$exe" zoek ozdemir --data "$data" > /dev/null 2>&1 || die "overleg zoek failed on $data"
teams=$(find "$data" -mindepth 1 -maxdepth 1 -type d | wc -l)
caches=$(find "$data" -name .overleg-cache -type f | wc -l)
[ "$caches" -eq "$teams" ] || die "only $caches of $teams teams have a parse cache"

echo "bench-vs: extracting the indexed lines to $lines" >&2
"$target/release/examples/indexed_lines" "$data" > "$lines" || die "indexed_lines failed"

# A fixed list of every file, so the floors read exactly what overleg reads.
files="$work/files.txt"
find "$data" -type f ! -name .complete ! -name .overleg-cache -print0 > "$files"
cache_files="$work/cache-files.txt"
find "$data" -type f -name .overleg-cache -print0 > "$cache_files"
nfiles=$(tr -cd '\0' < "$files" | wc -c)
bytes=$(xargs -0 cat < "$files" | wc -c)
cache_bytes=$(xargs -0 cat < "$cache_files" | wc -c)
echo "bench-vs: $teams teams, $nfiles files ($bytes bytes), $(wc -l < "$lines") indexed lines, parse cache $cache_bytes bytes" >&2

# mean_of FILE ROW: mean seconds of row ROW (0-based) of a hyperfine --export-csv file.
mean_of() { awk -F, -v row="$2" 'NR == row + 2 { print $2 }' "$1"; }

summary=()
pair() { # NAME OVERLEG_CMD ANCHOR_CMD
    local name=$1 csv="$results/$1.csv"
    hyperfine --shell=bash --style basic --runs "$runs" --warmup "$warmup" \
        --export-csv "$csv" -n "overleg $name" "$2" -n "anchor $name" "$3" >&2 \
        || die "hyperfine failed for $name"
    local a b ma mb
    a=$(mean_of "$csv" 0)
    b=$(mean_of "$csv" 1)
    ma=$(max_rss_mb "$2")
    mb=$(max_rss_mb "$3")
    summary+=("$(awk -v n="$name" -v a="$a" -v b="$b" -v ma="$ma" -v mb="$mb" \
        'BEGIN { printf "%-18s overleg %6.3f s %5s MB   anchor %6.3f s %5s MB   ratio %5.2fx", n, a, ma, b, mb, a / b }')")
}

# max_rss_mb CMD: peak resident memory of one run in MB (the largest process of a pipeline),
# or "-" without GNU time.
max_rss_mb() {
    [ -x /usr/bin/time ] || { echo -; return; }
    /usr/bin/time -f '%M' -o "$results/rss" bash -c "$1" > /dev/null 2>&1 || { echo -; return; }
    awk '{ printf "%d", $1 / 1024 }' "$results/rss"
}

q() { printf '%q' "$1"; }
for query in "${queries[@]}"; do
    pair "zoek-$query" \
        "$(q "$exe") zoek $(q "$query") --data $(q "$data") > /dev/null 2>&1" \
        "fzf --filter $(q "$query") < $(q "$lines") > /dev/null"
done
pair "caseload-json" \
    "$(q "$exe") caseload --json --data $(q "$data") > /dev/null" \
    "find $(q "$data") -type f -printf '%s %T@\n' > /dev/null; xargs -0 cat < $(q "$cache_files") > /dev/null"
pair "check" \
    "$(q "$exe") check --data $(q "$data") > /dev/null" \
    "xargs -0 cat < $(q "$files") > /dev/null"

echo "bench-vs: the interface start on one team (cargo bench --bench start)" >&2
start_out=$(OVERLEG_BENCH_DATA="$data" cargo bench --locked --quiet --bench start -- \
    'start/(one_team|team_raw_read)' 2>&1) || die "cargo bench --bench start failed"
# median_ms NAME: criterion's median for bench NAME, in milliseconds.
median_ms() {
    printf '%s\n' "$start_out" | awk -v n="$1" 'index($0, n) { f = 1 }
        f && /time:/ { sub(/.*\[/, ""); split($0, a, " "); v = a[3]; u = a[4];
                       if (u == "s") v *= 1000; if (u == "µs" || u == "us") v /= 1000;
                       print v; exit }'
}
start_ms=$(median_ms start/one_team)
raw_ms=$(median_ms start/team_raw_read)
[ -n "$start_ms" ] && [ -n "$raw_ms" ] || die "no start figures in the bench output"
summary+=("$(awk -v a="$start_ms" -v b="$raw_ms" \
    'BEGIN { printf "%-18s overleg %6.1f ms          anchor %6.1f ms            ratio %5.2fx", "interface-start", a, b, a / b }')")

echo
echo "bench-vs: $(date -u '+%Y-%m-%d %H:%M UTC'), nproc $(nproc), $(uptime | sed 's/.*load average/load average/')"
for line in "${summary[@]}"; do
    echo "$line"
done
