#!/usr/bin/env bash
# Prints the package sizes of Nabo and of the minimal reference app as a Markdown table,
# from the release packages that scripts/package.sh (and `--minimal`) left in target/packages/.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/target/packages"
mib() { awk -v b="$1" 'BEGIN { printf "%.2f", b / 1048576 }'; }
size() { stat -c %s "$1"; }
one() { find "$dir" -maxdepth 1 -name "$1" | sort | tail -n 1; }

nabo_deb="$(one 'nabo_*.deb')"; nabo_rpm="$(one 'nabo-*.rpm')"
mini_deb="$(one 'minimal_*.deb')"; mini_rpm="$(one 'minimal-*.rpm')"
for f in "$nabo_deb" "$nabo_rpm" "$mini_deb" "$mini_rpm"; do
  [ -n "$f" ] || { echo "sizes: missing packages in $dir; run scripts/package.sh and scripts/package.sh --minimal" >&2; exit 1; }
done
installed() { dpkg-deb -f "$1" Installed-Size; }   # KiB
binary() { dpkg-deb -c "$1" | awk '$6 ~ /usr\/bin\/[^\/]+$/ { print $3; exit }'; }

echo "| package | Nabo | minimal Tauri 2 app | Nabo − minimal | ratio |"
echo "|---|---|---|---|---|"
row() {
  local label="$1" a="$2" b="$3"
  printf '| %s | %s MiB | %s MiB | %s MiB | %.2f× |\n' "$label" "$(mib "$a")" "$(mib "$b")" "$(mib $((a - b)))" \
    "$(awk -v a="$a" -v b="$b" 'BEGIN { print a / b }')"
}
row ".deb ($(basename "$nabo_deb"))" "$(size "$nabo_deb")" "$(size "$mini_deb")"
row ".rpm ($(basename "$nabo_rpm"))" "$(size "$nabo_rpm")" "$(size "$mini_rpm")"
row "installed (.deb Installed-Size)" "$(( $(installed "$nabo_deb") * 1024 ))" "$(( $(installed "$mini_deb") * 1024 ))"
row "binary in /usr/bin" "$(binary "$nabo_deb")" "$(binary "$mini_deb")"
