#!/usr/bin/env bash
# How long each interaction of the window takes to paint (issue 16: ≤ 100 ms p95 quiet,
# ≤ 150 ms p95 beside a CPU-bound load), in the release app driven through WebDriver:
# quiet, then beside two busy loops, then beside a cargo build. docs/BENCHMARKS.md, "Interaction
# latency".
#
#   bash benches/latency.sh               # builds the release app and the two databases, measures
#   bash benches/latency.sh --runs 30     # rounds per condition (default 20, after one warm-up)
#   bash benches/latency.sh --no-build    # reuse target/release/nabo-desktop
#   bash benches/latency.sh --quiet-only  # or --loaded-only, --build-only
#   bash benches/latency.sh --no-build-load   # without the run beside a cargo build
#
# The databases (target/bench/latency/): a volunteer's 5,000 home visits (examples/latency_db.rs)
# and a coordinator's national year of 10,000 summaries (examples/overview_db.rs), both keyed
# from NABO_PASSPHRASE (default "latency-bench"; the window derives the key once, at start).
# The coordinator's import opens sixty volunteers' summary files of last month, made by
# latency.mjs with the `nabo` CLI before her rounds (~25 s quiet), in a temporary folder.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs=20
build=1
quiet=1
loaded=1
beside_build=1
while [ "$#" -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift ;;
    --no-build) build=0 ;;
    --quiet-only) loaded=0; beside_build=0 ;;
    --loaded-only) quiet=0; beside_build=0 ;;
    --build-only) quiet=0; loaded=0 ;;
    --no-build-load) beside_build=0 ;;
    *) echo "latency bench: unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
# shellcheck disable=SC1091
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
export NABO_PASSPHRASE="${NABO_PASSPHRASE:-latency-bench}"
work="$root/target/bench/latency"
mkdir -p "$work"
if [ "$build" = 1 ]; then
  npm --prefix ui run build --silent
  cargo build -q --release --locked -p nabo-desktop --features custom-protocol
  cargo build -q --release --locked -p nabo-cli
  cargo build -q --release --locked -p nabo-app --example latency_db --example overview_db
fi
# Made again when the passphrase or the examples changed (a stale key would not open them).
stamp="$work/passphrase-$(printf '%s' "$NABO_PASSPHRASE" | sha256sum | cut -c1-12)"
for example in latency_db overview_db; do
  if [ ! -f "$stamp" ] || [ "$root/target/release/examples/$example" -nt "$stamp" ]; then
    rm -f "$work"/passphrase-* "$work"/*.db
    break
  fi
done
[ -f "$work/volunteer.db" ] || "$root/target/release/examples/latency_db" "$work/volunteer.db" 5000
[ -f "$work/coordinator.db" ] || "$root/target/release/examples/overview_db" "$work/coordinator.db"
touch "$stamp"

app="$root/target/release/nabo-desktop"
stamp_now="$(date +%Y%m%d-%H%M%S)"
bench() {
  NABO_LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)" xvfb-run -a -s "-screen 0 1280x800x24" \
    node benches/latency.mjs --app "$app" --volunteer "$work/volunteer.db" --coordinator "$work/coordinator.db" \
    --runs "$runs" --label "$1" --json "$work/latency-$stamp_now-$1.json"
}

echo "Nabo $(git rev-parse --short HEAD 2>/dev/null || echo '?')$( [ -n "$(git status --porcelain 2>/dev/null)" ] && echo ' (with uncommitted changes)'), $(nproc) cores, $(date -u +%FT%TZ)"
if [ "$quiet" = 1 ]; then
  # Quiet means quiet: after the build above (or anything before), wait up to three minutes for
  # the one-minute load average to fall below 1.
  for _ in $(seq 36); do
    awk '{ exit !($1 < 1.0) }' /proc/loadavg && break
    sleep 5
  done
  bench quiet
fi
if [ "$loaded" = 1 ]; then
  busy=()
  for _ in 1 2; do ( while :; do :; done ) & busy+=($!); done
  trap 'kill "${busy[@]}" 2>/dev/null || true' EXIT
  bench loaded
  kill "${busy[@]}" 2>/dev/null || true
fi
if [ "$beside_build" = 1 ]; then
  # A real build beside the window, as on a developer's or a busy laptop: the workspace's core
  # store crate and its dependencies (SQLCipher's C code included) built from nothing, again and
  # again, in a target folder of its own, with cargo's default parallelism. It starts a minute
  # before the window so that the measured rounds fall in its compiling, not its start.
  load_dir="$work/build-load"
  setsid bash -c "while :; do rm -rf '$load_dir'; CARGO_TARGET_DIR='$load_dir' cargo build -q --release --locked -p nabo-store >/dev/null 2>&1; done" &
  builder=$!
  trap 'kill -- -"$builder" 2>/dev/null || true; rm -rf "$load_dir"' EXIT
  sleep 60
  bench build
  kill -- -"$builder" 2>/dev/null || true
  rm -rf "$load_dir"
fi
