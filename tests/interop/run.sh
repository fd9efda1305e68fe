#!/usr/bin/env bash
# Runs the interop suites against the real `nabo` binary: iCalendar (test_export.py), the
# summary file formats checked with Python's own Ed25519, JCS and JSON Schema (test_formats.py),
# and the import of every test calendar of Python icalendar and recurring-ical-events
# (tests/fixtures/ics/peers) compared with the oracle (peers.py; known failures in
# peers_known.txt). Needs the venv from scripts/setup.sh and a built binary (cargo build -p
# nabo-cli, or cargo test). Extra arguments go to pytest, e.g. tests/interop/run.sh -k khal -v;
# NABO_PEERS=0 leaves peers.py out (it takes about two minutes).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$here/.venv"
if [ ! -x "$venv/bin/python" ]; then
  echo "tests/interop/.venv is missing: run scripts/setup.sh first" >&2
  exit 1
fi
export NABO_BIN="${NABO_BIN:-$root/target/debug/nabo}"
if [ ! -x "$NABO_BIN" ]; then
  echo "$NABO_BIN is missing: run cargo build -p nabo-cli first" >&2
  exit 1
fi
# shellcheck disable=SC1091
. "$venv/bin/activate"
cd "$here"
status=0
python -m pytest -q -p no:cacheprovider "$@" test_export.py test_formats.py || status=$?
if [ "${NABO_PEERS:-1}" != 0 ]; then
  python peers.py || status=$?
fi
exit "$status"
