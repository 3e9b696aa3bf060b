#!/usr/bin/env bash
# Runs the Windows test binaries under wine: cross-builds them for x86_64-pc-windows-gnu and
# runs each one from the repository root, as `cargo test` does. Not part of CI (wine is large
# and slow to start); run by hand after a change to platform code:
#
#     scripts/wine-tests.sh            # every test binary
#     scripts/wine-tests.sh --lib      # only the library's unit tests
#
# Needs the Debian packages mingw-w64 and wine (installed when missing, as root). Debian 12's
# wine 8 lacks bcryptprimitives.dll, which Rust's standard library imports (ProcessPrng); a
# stand-in built from scripts/wine/bcryptprimitives.c is put into the wine prefix.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v x86_64-w64-mingw32-gcc >/dev/null || ! command -v wine >/dev/null; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y mingw-w64 wine wine64
fi
rustup target add x86_64-pc-windows-gnu
target_dir="${CARGO_TARGET_DIR:-target}"
export WINEPREFIX="${WINEPREFIX:-$target_dir/wineprefix}"
export WINEDEBUG="${WINEDEBUG:--all}"
mkdir -p "$WINEPREFIX"
if [ ! -d "$WINEPREFIX/drive_c/windows/system32" ]; then
    wineboot --init >/dev/null 2>&1 || true
fi
x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
    scripts/wine/bcryptprimitives.c scripts/wine/bcryptprimitives.def -ladvapi32

what=("${@:---tests}")
mapfile -t exes < <(cargo test --locked --no-run --target x86_64-pc-windows-gnu "${what[@]}" \
    --message-format=json 2>/dev/null |
    grep -o '"executable":"[^"]*"' | sed 's/"executable":"\(.*\)"/\1/')
status=0
for exe in "${exes[@]}"; do
    echo "== $(basename "$exe")"
    # The pty, kill and file-mode tests are compiled out on Windows (cfg(unix)).
    rc=0
    wine "$exe" >"$WINEPREFIX/last.log" 2>&1 || rc=$?
    grep -v '^[0-9a-f]\{4\}:\(err\|fixme\)' "$WINEPREFIX/last.log" || true
    [ "$rc" -eq 0 ] || status=1
done
exit $status
