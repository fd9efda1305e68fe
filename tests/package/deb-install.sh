#!/usr/bin/env bash
# Builds Nabo's .deb, installs it on this machine with apt, checks what it installed, starts
# the installed app (from its desktop entry, and through WebDriver to see the week view),
# then removes the package and checks that nothing is left.
#
#   bash tests/package/deb-install.sh            # dev-profile .deb (reuses the e2e build)
#   bash tests/package/deb-install.sh --release  # the release .deb (about 11 minutes to build)
#
# Needs root (or sudo) for apt. Idempotent: a Nabo package left installed by an earlier run
# is removed first. Screenshots go to NABO_SCREENSHOTS (default tests/e2e/screenshots).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
profile=debug
[ "${1:-}" = --release ] && profile=release
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
pkg=nabo
bin=/usr/bin/nabo-desktop
desktop=/usr/share/applications/Nabo.desktop
log() { printf '\033[1mdeb-install:\033[0m %s\n' "$*" >&2; }
fail() { printf '\033[1;31mdeb-install: FAIL:\033[0m %s\n' "$*" >&2; exit 1; }
installed() { grep -q "install ok installed" <<<"$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)"; }

# 1. Build. In the dev profile the UI and the binary are the ones the e2e step already built
#    (same features), so cargo has nothing to compile and the bundler only packs.
if [ "$profile" = debug ]; then
  NABO_SKIP_SETUP=1 bash scripts/package.sh --debug --bundles deb --no-ui-build
  deb="$(ls -t target/packages/debug/nabo_*.deb | head -n 1)"
else
  NABO_SKIP_SETUP=1 bash scripts/package.sh --bundles deb
  deb="$(ls -t target/packages/nabo_*.deb | head -n 1)"
fi
log "package: $deb ($(stat -c %s "$deb") bytes)"

# 2. Metadata of the package itself.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = nabo ] || fail "Package is '$(field Package)', expected nabo"
for dep in libwebkit2gtk-4.1-0 libgtk-3-0; do
  grep -q "$dep" <<<"$(field Depends)" || fail "Depends lacks $dep: $(field Depends)"
done
grep -q "Bydelsmødre" <<<"$(field Description)" || fail "the description is not the Danish one: $(field Description)"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"

# 3. Install (a leftover from an earlier run is removed first, so this is a fresh install).
if installed; then
  log "removing the Nabo package left by an earlier run"
  $SUDO apt-get remove -y -qq "$pkg" >/dev/null
fi
log "apt-get install ./$(basename "$deb")"
$SUDO apt-get install -y -qq "./$deb" >/dev/null
installed || fail "dpkg does not list $pkg as installed"
cleanup() { if installed; then $SUDO apt-get remove -y -qq "$pkg" >/dev/null || true; fi; }
trap cleanup EXIT

# 4. What it installed: the binary, the desktop entry, the icons.
[ -x "$bin" ] || fail "$bin is missing or not executable"
[ "$(command -v nabo-desktop)" = "$bin" ] || fail "nabo-desktop on PATH is $(command -v nabo-desktop), not $bin"
[ -f "$desktop" ] || fail "no desktop entry $desktop; the package has: $(dpkg -L "$pkg" | grep applications || true)"
entry() { sed -n "s/^$1=//p" "$desktop" | head -n 1; }
[ "$(entry Type)" = Application ] || fail "desktop entry Type=$(entry Type)"
[ "$(entry Name)" = Nabo ] || fail "desktop entry Name=$(entry Name)"
[ "$(entry Exec)" = nabo-desktop ] || fail "desktop entry Exec=$(entry Exec)"
[ "$(entry Icon)" = nabo-desktop ] || fail "desktop entry Icon=$(entry Icon)"
grep -q "frivillige" <<<"$(entry Comment)" || fail "desktop entry Comment is not Danish: $(entry Comment)"
[ -n "$(entry Categories)" ] || fail "desktop entry has no Categories (it would not be in any menu)"
if command -v desktop-file-validate >/dev/null 2>&1; then desktop-file-validate "$desktop"; fi
for size in 32x32 128x128 512x512; do
  f="/usr/share/icons/hicolor/$size/apps/nabo-desktop.png"
  [ -f "$f" ] || fail "icon $f is missing"
  grep -q "PNG image data, ${size/x/ x }" <<<"$(file "$f")" || fail "icon $f is not a ${size} PNG: $(file -b "$f")"
done
log "installed: $bin, $desktop ($(entry Categories)), icons in hicolor 32, 128, 256@2, 512"

# 5. Start it the way the desktop menu does (gio launch reads Exec from the desktop entry),
#    on its own database, and check that the process runs and opens a window named Nabo.
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"; cleanup' EXIT
if command -v gio >/dev/null 2>&1 && command -v xwininfo >/dev/null 2>&1; then
  log "starting from the desktop entry (gio launch $desktop)"
  # shellcheck disable=SC2016 # the inner script expands its own variables
  NABO_DB="$tmp/menu.db" xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    gio launch "$1" &
    for _ in $(seq 1 60); do
      # Other builds of nabo-desktop may run on this machine: only the installed one counts.
      pid=""
      for p in $(pgrep -x nabo-desktop || true); do
        [ "$(readlink "/proc/$p/exe" 2>/dev/null)" = /usr/bin/nabo-desktop ] && pid="$p"
      done
      if [ -n "$pid" ] && grep -q '"Nabo"' <<<"$(xwininfo -root -tree 2>/dev/null)"; then
        sleep 1
        kill -0 "$pid" && kill "$pid"
        exit 0
      fi
      sleep 0.5
    done
    echo "no window named Nabo within 30 s" >&2
    exit 1
  ' _ "$desktop" || fail "the app did not open its window when started from its desktop entry"
  [ -f "$tmp/menu.db" ] || fail "the app started from the menu did not create its database at NABO_DB"
else
  log "skipped starting from the desktop entry: needs gio (libglib2.0-bin) and xwininfo (x11-utils)"
fi

# 6. The installed app through WebDriver: welcome, then the week view.
log "WebDriver smoke test of $bin"
NABO_APP="$bin" NABO_E2E_PORT="${NABO_E2E_PORT:-4465}" xvfb-run -a -s "-screen 0 1280x800x24" \
  node --test --test-timeout=240000 --test-reporter=spec tests/package/installed-app.test.mjs

# 7. Remove it and check that its files are gone.
trap 'rm -rf "$tmp"' EXIT
files="$(dpkg -L "$pkg" | grep -E '^/usr/(bin|share/applications|share/icons)/.' || true)"
$SUDO apt-get remove -y -qq "$pkg" >/dev/null
installed && fail "$pkg is still installed after apt-get remove"
for f in $files; do
  [ -d "$f" ] && continue
  [ ! -e "$f" ] || fail "$f is left after apt-get remove"
done
log "removed cleanly ($(echo "$files" | grep -c .) files gone)"
log "ok"
