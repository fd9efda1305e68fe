#!/usr/bin/env bash
# Builds Nabo's Linux packages (.deb and .rpm) with the Tauri bundler and prints where they are.
#
#   bash scripts/package.sh                  # release .deb and .rpm of Nabo
#   bash scripts/package.sh --debug          # dev-profile build (reuses the e2e build; for tests)
#   bash scripts/package.sh --bundles deb    # only the .deb
#   bash scripts/package.sh --minimal        # the reference app in benches/minimal-app instead
#   bash scripts/package.sh --no-ui-build    # use ui/dist as it is (the caller built it)
#
# The bundler is the `tauri` command of the @tauri-apps/cli npm package in ui/ (no
# `cargo install tauri-cli`). It runs `beforeBuildCommand` (the UI build), then
# `cargo build --bins --features custom-protocol,tauri/custom-protocol [--release]` in
# src-tauri, then bundles. The packages are copied to target/packages/ (release) or
# target/packages/debug/ under Debian/RPM-style lower-case names, e.g.
# target/packages/nabo_0.1.0_amd64.deb; install with `apt install ./target/packages/nabo_*.deb`.
# AppImage: see docs/PACKAGING.md (its tools are downloaded from GitHub at bundle time).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
log() { printf '\033[1mpackage:\033[0m %s\n' "$*" >&2; }

profile=release
bundles=deb,rpm
app_dir="$root/src-tauri"
ui_build=1
while [ "$#" -gt 0 ]; do
  case "$1" in
    --debug) profile=debug ;;
    --release) profile=release ;;
    --bundles) bundles="${2:?--bundles needs a list, e.g. deb,rpm}"; shift ;;
    --bundles=*) bundles="${1#--bundles=}" ;;
    --minimal) app_dir="$root/benches/minimal-app" ;;
    --no-ui-build) ui_build=0 ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "package: unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

if [ "${NABO_SKIP_SETUP:-0}" != 1 ]; then bash scripts/setup.sh; fi
# shellcheck disable=SC1091
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"

args=(build --ci --bundles "$bundles" --features custom-protocol)
[ "$profile" = debug ] && args+=(--debug)
# The Rust crate tauri-plugin-notification (2.8) and its npm package (2.5, the newest on npm)
# are versioned separately; the CLI's major/minor check calls that a mismatch. It is not one.
args+=(--ignore-version-mismatches)
if [ "$ui_build" = 0 ]; then
  # JSON merge patch: null removes the key, so the bundler takes ui/dist as it is.
  args+=(--config '{"build":{"beforeBuildCommand":null}}')
fi

conf="$app_dir/tauri.conf.json"
product="$(node -p "require('$conf').productName")"
version="$(node -p "require('$conf').version")"

log "building $product $version ($profile; bundles: $bundles)"
started=$SECONDS
start_epoch="$(date +%s)"
# The CLI finds its project through these, not by searching from the working directory
# (which would find tests/e2e/package.json first). beforeBuildCommand runs in ui/.
TAURI_APP_PATH="$app_dir" TAURI_FRONTEND_PATH="$root/ui" \
  npm --prefix "$root/ui" exec --no -- tauri "${args[@]}"
log "built in $((SECONDS - started)) s"

# Tauri names packages after productName ("Nabo_0.1.0_amd64.deb"); Debian and RPM use the
# lower-case package name, which is also what `dpkg -s`/`apt remove` want.
bundle_dir="$root/target/$profile/bundle"
out_dir="$root/target/packages"
[ "$profile" = debug ] && out_dir="$out_dir/debug"
mkdir -p "$out_dir"
outputs=()
IFS=, read -r -a kinds <<<"$bundles"
for kind in "${kinds[@]}"; do
  case "$kind" in
    deb) pattern="${product}_${version}_*.deb" ;;
    rpm) pattern="${product}-${version}-*.rpm" ;;
    *) log "no copy rule for '$kind'; see $bundle_dir/$kind"; continue ;;
  esac
  built="$(find "$bundle_dir/$kind" -maxdepth 1 -name "$pattern" -newermt "@$((start_epoch - 1))" | head -n 1)"
  if [ -z "$built" ]; then
    echo "package: the bundler made no $kind matching $pattern in $bundle_dir/$kind" >&2
    exit 1
  fi
  name="$(basename "$built")"
  dest="$out_dir/${name,,}"
  cp -f "$built" "$dest"
  outputs+=("$dest")
done

echo
echo "Packages ($product $version, $profile):"
for f in "${outputs[@]}"; do
  printf '  %s  (%s bytes, %s)\n' "$f" "$(stat -c %s "$f")" "$(numfmt --to=iec-i --suffix=B "$(stat -c %s "$f")")"
done
