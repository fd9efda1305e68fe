#!/usr/bin/env bash
# Nabo works with no network at all (issue 14): a volunteer's and a coordinator's journeys
# through the CLI, then the app's e2e start-up, each in a network namespace of its own
# (`unshare -n`). The CLI's namespace has no interface up, not even loopback; the window's
# has loopback only, which WebDriver needs to drive it (nothing leaves the machine on it).
# Needs root (or unprivileged user namespaces), a built `nabo` and `nabo-desktop`.
#
#   bash tests/offline/run.sh [target/debug]
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin="$(cd "${1:-$root/target/debug}" && pwd)"
for b in nabo nabo-desktop; do
  [ -x "$bin/$b" ] || { echo "offline: $bin/$b is not built" >&2; exit 1; }
done
if ! unshare -n true 2>/dev/null; then
  echo "offline: cannot make a network namespace here (unshare -n needs root or user namespaces)" >&2
  exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The journeys, as one script run inside the namespace. Every command must succeed.
cat > "$work/journeys.sh" <<'JOURNEYS'
set -euo pipefail
cd "$1"
# No interface is up: a connection attempt anywhere, even to loopback, fails here.
if [ "$(grep -c 'UP' <(ip -o link show up 2>/dev/null) || true)" != 0 ]; then
  echo "offline: an interface is up in the namespace" >&2; exit 1
fi
export NABO_LANG=en NABO_NOW=2026-12-02T10:00:00Z
unset NABO_DB
nabo() { "$NABO_BIN" "$@"; }
nabo --db hanne.db init --role coordinator --name Hanne
nabo --db hanne.db key export --out hanne.nabo-card
nabo --db amina.db init --name Amina
nabo --db amina.db coordinator set hanne.nabo-card
id=$(nabo --db amina.db plan visit --start 2026-11-10T10:00 --duration 1h --area Gellerup --household H-9)
nabo --db amina.db record "$id" reached=6 new=2
nabo --db amina.db plan meeting --start 2026-11-12T17:00 --duration 2h --venue Beboerhuset --theme Sundhed --area Hasle --rrule "FREQ=WEEKLY;COUNT=3" >/dev/null
nabo --db amina.db list --from 2026-11-01 --to 2026-11-30 --json > list.json
nabo --db amina.db export-ics --out amina.ics
nabo --db amina.db import-ics amina.ics --name Kopi >/dev/null
nabo --db amina.db export-summary --period 2026-11 --out amina-2026-11.nabo-summary
nabo --db hanne.db import-summary amina-2026-11.nabo-summary
nabo --db hanne.db receipt --volunteer Amina --out amina.nabo-receipt
nabo --db amina.db import-receipt amina.nabo-receipt
nabo --db hanne.db report --from 2026-11 --to 2026-11 --rows area --cols month --format xlsx --out report.xlsx
nabo --db hanne.db export-rollup --period 2026-Q4 --out hanne.nabo-rollup
nabo --db amina.db check
nabo --db hanne.db check
echo "offline: the CLI journeys ran with no network"
JOURNEYS
NABO_BIN="$bin/nabo" unshare -n bash "$work/journeys.sh" "$work"

# The window's start-up: the first-start e2e test, with loopback up for WebDriver only.
NABO_APP="$bin/nabo-desktop" unshare -n bash -c '
  set -euo pipefail
  ip link set lo up
  cd "$1"
  xvfb-run -a -s "-screen 0 1280x800x24" node --test --test-concurrency=1 --test-timeout=240000 --test-reporter=spec first-start.test.mjs
' offline "$root/tests/e2e"
echo "offline: the window started and was used with no network"
