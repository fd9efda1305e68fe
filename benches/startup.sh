#!/usr/bin/env bash
# Nabo's size, start-up and memory benchmark against a minimal Tauri 2 app (benches/minimal-app),
# both built the same way (release profile of this workspace, same Tauri from Cargo.lock, the
# Tauri bundler through scripts/package.sh). Prints the tables that docs/BENCHMARKS.md records.
#
#   bash benches/startup.sh               # build both, make the 5,000-activity database, measure
#   bash benches/startup.sh --runs 20     # more launches of each app (default 10)
#   bash benches/startup.sh --no-build    # reuse target/release/* and target/packages/*
#   bash benches/startup.sh --key-store   # the database's key in an OS key store (gnome-keyring in a
#                                         # D-Bus session of its own), not from NABO_PASSPHRASE: no
#                                         # Argon2id at start, as on a desktop with a key store
#
# After a change to the UI (or the desktop crate) only Nabo needs building again, about a
# minute (the UI is embedded in the binary):
#   NABO_SKIP_SETUP=1 bash scripts/package.sh --bundles deb && bash benches/startup.sh --no-build
# The "step by step" table it prints comes from the page's own marks (ui/src/lib/perf.ts).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs=10
build=1
key_store=0
activities=5000
while [ "$#" -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift ;;
    --activities) activities="$2"; shift ;;
    --no-build) build=0 ;;
    --key-store) key_store=1 ;;
    *) echo "startup: unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
# shellcheck disable=SC1091
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"

if [ "$build" = 1 ]; then
  bash scripts/package.sh
  NABO_SKIP_SETUP=1 bash scripts/package.sh --minimal
  cargo build --release -p nabo-cli --locked
fi
nabo="$root/target/release/nabo-desktop"
minimal="$root/target/release/minimal-app"
cli="$root/target/release/nabo"
[ -x "$cli" ] || cli="$root/target/debug/nabo"

# The database is made once per CLI build (a newer CLI may bring a newer schema), with the key
# from NABO_PASSPHRASE (each launch then derives it with Argon2id, as a computer without a key
# store does). With --key-store, in a session of its own whose key store holds the seed's key
# under the one path every launch uses; the seed is made again each run (that key store goes).
work_args=()
if [ "$key_store" = 1 ]; then
  if [ -z "${NABO_BENCH_KEY_STORE_SESSION:-}" ]; then
    home="$(mktemp -d)"
    mkdir -m 0700 "$home/run"
    trap 'rm -rf "$home"' EXIT
    RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}" CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}" \
      HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home/run" NABO_BENCH_KEY_STORE_SESSION=1 \
      dbus-run-session -- bash "$root/benches/startup.sh" --no-build --key-store --runs "$runs" --activities "$activities"
    exit
  fi
  printf 'throwaway' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  unset NABO_PASSPHRASE
  work="$root/target/bench/key-store"
  rm -rf "$work"
  mkdir -p "$work"
  echo "startup: planning $activities activities with $cli, its key in the key store (about 2 minutes)" >&2
  bash benches/make-db.sh "$cli" "$work/nabo.db" "$activities" >&2
  db="$root/target/bench/nabo-$activities-key-store.db"
  cp "$work/nabo.db" "$db"
  work_args=(--work "$work")
else
  db="$root/target/bench/nabo-$activities.db"
  mkdir -p "$root/target/bench"
  if [ ! -f "$db" ] || [ "$cli" -nt "$db" ]; then
    echo "startup: planning $activities activities with $cli (about 2 minutes; ~10 with NABO_PASSPHRASE)" >&2
    bash benches/make-db.sh "$cli" "$db" "$activities" >&2
  fi
fi

echo "## Machine"
echo
echo "- date: $(date -u +%FT%TZ)"
echo "- CPU: $(nproc) × $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1); RAM $(free -g | awk '/^Mem:/ { print $2 }') GiB; load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "- OS: $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
echo "- WebKitGTK: $(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null || echo '?'); GTK: $(dpkg-query -W -f='${Version}' libgtk-3-0 2>/dev/null || echo '?')"
echo "- tauri $(awk '/^name = "tauri"$/ { getline; print $3 }' Cargo.lock | tr -d '"'), @tauri-apps/cli $(node -p "require('./ui/node_modules/@tauri-apps/cli/package.json').version"), $(rustc --version)"
echo "- Nabo $(git rev-parse --short HEAD 2>/dev/null || echo '?')$( [ -n "$(git status --porcelain 2>/dev/null)" ] && echo ' (with uncommitted changes)')"
echo
echo "## Package sizes"
echo
bash benches/sizes.sh
echo
echo "## Start-up and memory"
xvfb-run -a -s "-screen 0 1280x800x24" node benches/startup.mjs --nabo "$nabo" --minimal "$minimal" \
  --db "$db" --runs "$runs" --activities "$activities" "${work_args[@]}" --json "$root/target/bench/startup-$(date +%Y%m%d-%H%M%S).json"
echo
echo "Load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
