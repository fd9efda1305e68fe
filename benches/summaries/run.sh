#!/usr/bin/env bash
# The coordinator's import of 10,000 summary files (issue 12), against the work no import can
# skip, measured in the same run: docs/BENCHMARKS.md, "Summary import".
#
#   bash benches/summaries/run.sh              # 3 rounds; files made once in target/bench/summaries
#   bash benches/summaries/run.sh --rounds 5
#
# Each round, in turn: (1) read + SHA-256 of every file, for scale; (2) the minimal program:
# read, decrypt (age) and verify (signature and contents) every file — summary_bench minimal;
# (3) the real CLI, `nabo import-summary` of all 10,000 files in one call into a fresh copy
# of the empty coordinator database. Release builds of both.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
rounds=3
files=10000
volunteers=60
while [ "$#" -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift ;;
    *) echo "summaries bench: unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
# shellcheck disable=SC1091
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
cargo build -q --release --locked -p nabo-cli
cargo build -q --release --locked -p nabo-app --example summary_bench
tool="$root/target/release/examples/summary_bench"
nabo="$root/target/release/nabo"
work="$root/target/bench/summaries"
if [ "$(find "$work/files" -name '*.nabo-summary' 2>/dev/null | wc -l)" != "$files" ]; then
  rm -rf "$work"
  echo "making $files summary files from $volunteers volunteers in $work …" >&2
  "$tool" generate "$work" "$files" "$volunteers"
fi

ms() { sed -n 's/^ms=\([0-9]*\).*/\1/p'; }
hash_ms=(); minimal_ms=(); import_ms=(); import_kb=()
for round in $(seq 1 "$rounds"); do
  hash_ms+=("$("$tool" hash "$work" | ms)")
  minimal_ms+=("$("$tool" minimal "$work" | ms)")
  cp "$work/coordinator.db" "$work/run.db"
  rm -f "$work/run.db-wal" "$work/run.db-shm"
  start=$(date +%s%N)
  (cd "$work" && /usr/bin/time -f "%M" -o "$work/time.txt" env NABO_NOW=2045-01-02T09:00:00Z NABO_LANG=en \
    "$nabo" --db run.db import-summary files/*.nabo-summary > "$work/out.txt")
  import_ms+=($(( ($(date +%s%N) - start) / 1000000 )))
  import_kb+=("$(tail -1 "$work/time.txt")")
  tail -1 "$work/out.txt" | grep -q "^$files new, 0 replaced, 0 already imported, 0 refused" \
    || { echo "the import did not take every file: $(tail -1 "$work/out.txt")" >&2; exit 1; }
  echo "round $round/$rounds: hash ${hash_ms[-1]} ms, minimal ${minimal_ms[-1]} ms, import ${import_ms[-1]} ms (${import_kb[-1]} KB peak)" >&2
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
h=$(median "${hash_ms[@]}"); m=$(median "${minimal_ms[@]}"); i=$(median "${import_ms[@]}"); kb=$(median "${import_kb[@]}")
ratio=$(awk -v i="$i" -v m="$m" 'BEGIN {printf "%.2f", i / m}')
echo
echo "$files files from $volunteers volunteers ($(du -sh "$work/files" | cut -f1)), $rounds rounds, medians; load before/after: see below"
echo
echo "| work | median (ms) | per file (ms) |"
echo "|---|---|---|"
echo "| read + SHA-256 (for scale) | $h | $(awk -v x="$h" -v n="$files" 'BEGIN {printf "%.3f", x / n}') |"
echo "| minimal: read, decrypt, verify | $m | $(awk -v x="$m" -v n="$files" 'BEGIN {printf "%.3f", x / n}') |"
echo "| \`nabo import-summary\`, all in one call | $i | $(awk -v x="$i" -v n="$files" 'BEGIN {printf "%.3f", x / n}') |"
echo
echo "import / minimal = **${ratio}×** (target ≤ 1.5×); the import's peak memory $(( kb / 1024 )) MiB"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
