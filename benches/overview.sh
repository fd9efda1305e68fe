#!/usr/bin/env bash
# The coordinator's overview painted with a national year of 10,000 summaries (issue 13,
# target 300 ms): quiet, then beside two busy loops. docs/BENCHMARKS.md, "Overview".
#
#   bash benches/overview.sh              # builds the release app and the database
#   bash benches/overview.sh --runs 11
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs=7
while [ "$#" -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift ;;
    *) echo "overview bench: unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
# shellcheck disable=SC1091
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
npm --prefix ui run build --silent
cargo build -q --release --locked -p nabo-desktop --features custom-protocol
cargo build -q --release --locked -p nabo-app --example overview_db
work="$root/target/bench/overview"
mkdir -p "$work"
if [ ! -f "$work/overview.db" ]; then
  "$root/target/release/examples/overview_db" "$work/overview.db"
fi
app="$root/target/release/nabo-desktop"
bench() { xvfb-run -a -s "-screen 0 1280x800x24" node benches/overview.mjs --app "$app" --db "$work/overview.db" --runs "$runs"; }

echo "quiet (load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores):"
bench
echo "beside two busy loops:"
busy=()
for _ in 1 2; do ( while :; do :; done ) & busy+=($!); done
trap 'kill "${busy[@]}" 2>/dev/null || true' EXIT
bench
kill "${busy[@]}" 2>/dev/null || true
