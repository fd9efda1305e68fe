#!/usr/bin/env bash
# Installs everything Nabo needs to build, run and test on Debian 12 / Ubuntu 22.04+.
# Idempotent: every step checks first and is quick when its tool is already present.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { printf '\033[1msetup:\033[0m %s\n' "$*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

# System packages for Tauri 2 / WebKitGTK, Xvfb and WebKitWebDriver for GUI tests.
APT_PACKAGES=(
  libwebkit2gtk-4.1-dev build-essential curl wget file pkg-config
  libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev
  xvfb xauth webkit2gtk-driver imagemagick sqlite3 ca-certificates
  libglib2.0-bin x11-utils iproute2 util-linux gnome-keyring dbus-bin
)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  grep -q "install ok installed" <<<"$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Node.js (20+) and npm, for the UI.
if ! command -v node >/dev/null 2>&1 || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  log "installing Node.js"
  $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi

# Rust toolchain with rustfmt and clippy.
if ! command -v cargo >/dev/null 2>&1; then
  log "installing Rust via rustup"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt,clippy
fi
# shellcheck disable=SC1091
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
grep -q '^clippy' <<<"$(rustup component list --installed 2>/dev/null)" || rustup component add clippy rustfmt

# tauri-driver bridges WebDriver clients to WebKitWebDriver for end-to-end tests.
if ! command -v tauri-driver >/dev/null 2>&1; then
  log "installing tauri-driver"
  cargo install tauri-driver --locked --version '^2'
fi

# UI dependencies, exactly as locked.
if [ ! -d "$here/ui/node_modules" ] || [ "$here/ui/package-lock.json" -nt "$here/ui/node_modules/.package-lock.json" ]; then
  log "installing UI packages"
  (cd "$here/ui" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ -f "$here/tests/e2e/package-lock.json" ] && { [ ! -d "$here/tests/e2e/node_modules" ] || [ "$here/tests/e2e/package-lock.json" -nt "$here/tests/e2e/node_modules/.package-lock.json" ]; }; then
  log "installing end-to-end test packages"
  (cd "$here/tests/e2e" && npm ci --no-audit --no-fund --loglevel=error)
fi
# iCalendar interop tests (tests/interop): icalendar, recurring-ical-events, khal, Radicale and
# pytest in a virtualenv, pinned in tests/interop/requirements.txt. Rebuilt only when that file
# changes (its sha256 is kept in the venv); quick when present.
interop="$here/tests/interop"
if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
  log "installing python3-venv"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends python3 python3-venv
fi
interop_hash="$(sha256sum "$interop/requirements.txt" | cut -d' ' -f1)"
if [ "$(cat "$interop/.venv/.requirements.sha256" 2>/dev/null)" != "$interop_hash" ]; then
  log "installing the interop test tools (tests/interop/requirements.txt)"
  rm -rf "$interop/.venv"
  python3 -m venv "$interop/.venv"
  "$interop/.venv/bin/pip" install -q --disable-pip-version-check -r "$interop/requirements.txt"
  echo "$interop_hash" >"$interop/.venv/.requirements.sha256"
fi

log "ready"
