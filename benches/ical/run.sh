#!/usr/bin/env bash
# Nabo's iCalendar export and parse against Python icalendar and ical.js, in the same run.
# Method, figures and verdict: docs/BENCHMARKS.md, "iCalendar export and parse".
#
#   bash benches/ical/run.sh                 # build, check, 3 rounds (about 4 minutes)
#   bash benches/ical/run.sh --rounds 5      # more rounds; other options: --repeat N
#   bash benches/ical/run.sh --no-build      # use target/release/examples/ical_bench as built
#
# Needs what scripts/setup.sh installs (Rust, Node.js, tests/interop/.venv with icalendar and
# recurring-ical-events); installs ical.js here from package-lock.json when missing or stale.
# Not part of the test suite: benchmarks are run by hand. Criterion figures of Nabo alone:
#   cargo bench -p nabo-core --bench ical
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck disable=SC1091
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"

build=1
args=()
for a in "$@"; do
  if [ "$a" = "--no-build" ]; then build=0; else args+=("$a"); fi
done

venv="$root/tests/interop/.venv"
if [ ! -x "$venv/bin/python" ]; then
  echo "tests/interop/.venv is missing: run scripts/setup.sh first" >&2
  exit 1
fi
if [ ! -d "$here/node_modules/ical.js" ] || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
  echo "installing ical.js (benches/ical/package-lock.json)" >&2
  npm ci --prefix "$here" --no-audit --no-fund --loglevel=error
fi
if [ "$build" = 1 ]; then
  echo "building the benchmark driver (release)" >&2
  cargo build --release --locked -p nabo-core --example ical_bench --manifest-path "$root/Cargo.toml"
fi

exec "$venv/bin/python" "$here/compare.py" \
  --nabo "$root/target/release/examples/ical_bench" --python "$venv/bin/python" "${args[@]+"${args[@]}"}"
