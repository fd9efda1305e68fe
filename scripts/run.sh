#!/usr/bin/env bash
# Sets everything up, builds Nabo and opens the desktop app on its own database
# (NABO_DB if set, otherwise the OS data directory, created on first start).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
# shellcheck disable=SC1091
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"

npm --prefix ui run build --silent
cargo build -p nabo-desktop --features custom-protocol --locked
app="$root/target/debug/nabo-desktop"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  # A server without a screen: run the window on a virtual display so it still starts.
  echo "run: no display found; starting Nabo on a virtual display (Xvfb :99)." >&2
  echo "run: see it with: DISPLAY=:99 import -window root nabo.png" >&2
  if ! pgrep -f "Xvfb :99" >/dev/null 2>&1; then
    Xvfb :99 -screen 0 1280x800x24 >/dev/null 2>&1 &
    sleep 1
  fi
  export DISPLAY=:99
fi
exec "$app" "$@"
