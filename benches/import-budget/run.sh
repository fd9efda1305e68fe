#!/usr/bin/env bash
# Hostile calendar files against the import budget and the byte cap (issue 10, items 5 and 6).
# Method, figures and verdict: docs/BENCHMARKS.md, "Import budget".
#
#   bash benches/import-budget/run.sh              # release build of nabo, then measure, quiet
#   bash benches/import-budget/run.sh --no-build   # measure with target/release/nabo as built
#   bash benches/import-budget/run.sh --load       # the same with two busy loops beside it
#
# Each case is a fresh process, `nabo import-ics FILE` on a fresh database, measured from
# outside by /usr/bin/time -v (peak RSS, wall time). The references, measured in the same
# run: importing the largest real sample (tests/fixtures/ics/good/outlook.ics), and `cat`
# of each hostile file (what merely reading its bytes costs). Not part of the test suite.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck disable=SC1091
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"

build=1 load=0 runs=3
for a in "$@"; do
  case "$a" in
    --no-build) build=0 ;;
    --load) load=1 ;;
    --runs=*) runs="${a#--runs=}" ;;
    *) echo "unknown option $a" >&2; exit 2 ;;
  esac
done
if [ "$build" = 1 ]; then
  cargo build --release --locked -p nabo-cli --manifest-path "$root/Cargo.toml"
fi
nabo="${NABO_BIN:-$root/target/release/nabo}"  # NABO_BIN: another build (e.g. debug) to try the script
work="$(mktemp -d)"
loops=()
cleanup() {
  for p in "${loops[@]+"${loops[@]}"}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

head='BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'
gen() { # name count event-format (printf, %d = index)
  { printf "$head"; for ((i = 0; i < $2; i++)); do printf "$3" "$i"; done; printf 'END:VCALENDAR\r\n'; } > "$work/$1.ics"
}
gen daily 10000 'BEGIN:VEVENT\r\nUID:daily-%d\r\nDTSTART:20260101T080000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=DAILY\r\nEND:VEVENT\r\n'
gen never 1000 'BEGIN:VEVENT\r\nUID:never-%d\r\nDTSTART:20260101T080000Z\r\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30\r\nEND:VEVENT\r\n'
gen setpos 1000 'BEGIN:VEVENT\r\nUID:setpos-%d\r\nDTSTART:20260101T080000Z\r\nRRULE:FREQ=HOURLY;BYSETPOS=2\r\nEND:VEVENT\r\n'
gen dupes 100000 'BEGIN:VEVENT\r\nUID:same\r\nDTSTART:20260602T080000Z\r\nDURATION:PT1M\r\nX-N:%d\r\nEND:VEVENT\r\n'
gen minutely 48 'BEGIN:VEVENT\r\nUID:min-%d\r\nDTSTART:20260601T000000Z\r\nRRULE:FREQ=MINUTELY\r\nEND:VEVENT\r\n'
{ printf "$head"; head -c $((64 * 1024 * 1024)) /dev/zero | tr '\0' 'A'; } > "$work/over.ics"  # 64 MiB + its 17-byte header
mkfifo "$work/fifo.ics"

if [ "$load" = 1 ]; then
  for _ in 1 2; do (while :; do :; done) & loops+=($!); done
fi

measure() { # label command…
  local label="$1"; shift
  for ((r = 1; r <= runs; r++)); do
    rm -f "$work/db" "$work/db-"*
    "$nabo" --db "$work/db" init > /dev/null 2>&1
    /usr/bin/time -f '%M %e %x' -o "$work/time" "$@" > /dev/null 2> "$work/err" || true
    read -r kb secs code < <(tail -1 "$work/time" | sed 's/Command exited with non-zero status //')
    printf '%-22s run %d  exit %3s  %8.1f MiB  %6.2f s  %s\n' "$label" "$r" "$code" "$(echo "$kb/1024" | bc -l)" "$secs" \
      "$(tail -1 "$work/err" | cut -c1-90)"
  done
}

echo "$(uname -srm), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), busy loops: $load, nabo $(git -C "$root" rev-parse --short HEAD)"
export NABO_NOW=2026-06-01T12:00:00Z NABO_LANG=en
measure "reference outlook.ics" "$nabo" --db "$work/db" import-ics "$root/tests/fixtures/ics/good/outlook.ics"
for f in daily never setpos dupes minutely over; do
  measure "cat $f.ics" cat "$work/$f.ics"
  measure "import $f.ics" "$nabo" --db "$work/db" import-ics "$work/$f.ics"
done
measure "import /dev/zero" "$nabo" --db "$work/db" import-ics /dev/zero
measure "import fifo.ics" "$nabo" --db "$work/db" import-ics "$work/fifo.ics"
ls -l "$work"/*.ics | awk '{print $5, $9}' | sed "s#$work/##"
