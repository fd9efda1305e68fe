#!/usr/bin/env bash
# Looks in the log of an e2e run made at the most verbose logging (NABO_E2E_APP_LOG; the
# driver's, WebKit's and the app's output) for what the tests typed that names a household
# or says something about one: their household labels and their note. None may be there
# (issue 14, "Logs never contain household labels, notes, counts or keys").
#
#   bash tests/offline/no-secrets-in-logs.sh target/e2e/app.log
set -euo pipefail

log="${1:?usage: no-secrets-in-logs.sh LOG}"
# The harness opens the file for every window; a quiet run may leave it empty, which is fine.
if [ ! -f "$log" ]; then
  echo "no-secrets-in-logs: $log is missing: the e2e run was not logged (NABO_E2E_APP_LOG)" >&2
  exit 1
fi
# The household labels the e2e tests give (tests/e2e/*.test.mjs) and the note counts.test.mjs
# writes on a visit. Labels are matched as whole words: "H-12" but not "SHA-128".
pattern='(^|[^A-Za-z0-9-])H-(12|17|2|31|32|4|40|41)([^0-9]|$)|Qx7|Bekymret for datteren'
if grep -nE "$pattern" "$log" | head -20 | grep .; then
  echo "no-secrets-in-logs: the log above names a household or holds a note ($log)" >&2
  exit 1
fi
echo "no-secrets-in-logs: none of the e2e tests' household labels or notes in $(wc -l < "$log") lines of log ($(du -h "$log" | cut -f1))"
