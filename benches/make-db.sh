#!/usr/bin/env bash
# Makes the benchmark database: N home visits (default 5,000) over about two years around
# today, planned one by one through the real `nabo` CLI, with the first-start welcome
# marked as done so the desktop app opens straight on its start screen.
#
#   bash benches/make-db.sh NABO_CLI OUT.db [COUNT]
#
# Seven visits a day (07:00, 09:00 … 19:00, one hour each, no conflicts), the same pattern
# as the e2e test "week switching with 5,000 activities", so about 49 fall in each week.
set -euo pipefail

cli="${1:?usage: make-db.sh NABO_CLI OUT.db [COUNT]}"
out="${2:?usage: make-db.sh NABO_CLI OUT.db [COUNT]}"
count="${3:-5000}"

rm -f "$out" "$out-wal" "$out-shm"
"$cli" --db "$out" --lang en init >/dev/null
today="$(TZ=Europe/Copenhagen date +%F)"
first="$(date -d "$today -365 days" +%F)"
made=0
for ((i = 0; i < count; i++)); do
  day="$(date -d "$first +$((i / 7)) days" +%F)"
  hour="$(printf '%02d' $((7 + (i % 7) * 2)))"
  if "$cli" --db "$out" --lang en plan visit --start "${day}T${hour}:00" --duration 60m \
    --area "Område $((i % 40))" --household "H-$((i % 97))" >/dev/null; then
    made=$((made + 1))
  fi
done
# The welcome: language, programme, and done (the database is encrypted, so through the CLI:
# it takes its key as the app does, from NABO_PASSPHRASE or the key store).
"$cli" --db "$out" --lang en settings set language da >/dev/null
"$cli" --db "$out" --lang en settings set programme bydelsmoedre >/dev/null
"$cli" --db "$out" --lang en settings set onboarded on >/dev/null
echo "$out: $made activities"
