#!/usr/bin/env bash
# The database key in a real OS key store (issue 14): a D-Bus session of its own with
# gnome-keyring's Secret Service, its login keyring unlocked with a throwaway password, in a
# throwaway home, so nothing touches the user's own key store. Runs the ignored key-store
# test, then a CLI journey with NABO_PASSPHRASE unset (the key store is the CLI's default).
#
#   bash tests/keystore/run.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ -z "${NABO_KEYSTORE_SESSION:-}" ]; then
  for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || { echo "keystore: $tool is missing (scripts/setup.sh installs it)" >&2; exit 1; }
  done
  # Cargo and rustup stay where they are; only the keyring's home is a throwaway one.
  export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}" CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
  home="$(mktemp -d)"
  mkdir -m 0700 "$home/run"
  trap 'rm -rf "$home"' EXIT
  exec env HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home/run" NABO_KEYSTORE_SESSION=1 \
    dbus-run-session -- bash "${BASH_SOURCE[0]}" "$@"
fi
# A login keyring unlocked with a throwaway password: the Secret Service is then ready.
printf 'throwaway' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
unset NABO_PASSPHRASE
cd "$root"
cargo test -q --locked -p nabo-app --test keystore -- --ignored

nabo="$root/target/debug/nabo"
work="$(mktemp -d)"
export NABO_LANG=en NABO_NOW=2026-12-02T10:00:00Z
"$nabo" --db "$work/amina.db" init --name Amina >/dev/null
id=$("$nabo" --db "$work/amina.db" plan visit --start 2026-11-10T10:00 --duration 1h --area Gellerup --household H-9)
"$nabo" --db "$work/amina.db" record "$id" reached=4 >/dev/null
"$nabo" --db "$work/amina.db" check >/dev/null
if head -c 16 "$work/amina.db" | grep -q "SQLite format 3"; then
  echo "keystore: the CLI's database is not encrypted" >&2; exit 1
fi
if NABO_PASSPHRASE=guess "$nabo" --db "$work/amina.db" list 2>/dev/null; then
  echo "keystore: a guessed passphrase opened a key-store database" >&2; exit 1
fi
rm -rf "$work"
echo "keystore: the key store holds each database's key; the CLI uses it by default"
