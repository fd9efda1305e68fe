#!/usr/bin/env bash
# Coverage-guided fuzzing (cargo fuzz, libFuzzer) of the readers Nabo runs on untrusted input:
# every target in fuzz/fuzz_targets/ for SECONDS_PER_TARGET seconds, starting from its seeds in
# fuzz/seeds/TARGET/ (never written to: what a run finds goes to a temporary folder).
#
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET]     (default 30)
#
# A crash, a timeout of one input (NABO_FUZZ_TIMEOUT seconds, default 25) or running out of
# memory fails the run, naming the target and the input that did it (fuzz/artifacts/TARGET/…);
# `cargo fuzz run TARGET THAT-FILE` repeats it. Where this machine's Rust cannot build fuzz
# targets (cargo fuzz needs nightly flags; stable is given them with RUSTC_BOOTSTRAP=1), the
# run is skipped with one line saying why. Fuzz targets that no longer compile fail the run.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck disable=SC1091
[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"

seconds="${1:-30}"
case "$seconds" in
  '' | *[!0-9]* | 0)
    echo "usage: bash scripts/fuzz.sh [SECONDS_PER_TARGET]  (a whole number of seconds, from 1)" >&2
    exit 2
    ;;
esac
per_input="${NABO_FUZZ_TIMEOUT:-25}"
# The version whose nightly check accepts RUSTC_BOOTSTRAP (0.12 on).
cargo_fuzz_version="0.13.2"

skip() {
  echo "fuzz: skipped — $*"
  exit 0
}

work="$(mktemp -d "${TMPDIR:-/tmp}/nabo-fuzz.XXXXXX")"
trap 'rm -rf "$work"' EXIT

command -v cargo >/dev/null 2>&1 || skip "cargo is not installed"
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz $cargo_fuzz_version"
  if ! cargo install --locked cargo-fuzz --version "$cargo_fuzz_version" >"$work/install.log" 2>&1; then
    skip "cargo-fuzz could not be installed: $(grep -m1 '^error' "$work/install.log" || tail -n1 "$work/install.log")"
  fi
fi
command -v c++ >/dev/null 2>&1 || skip "no C++ compiler to build libFuzzer (install g++)"

# cargo fuzz builds with -Zsanitizer and LLVM's coverage passes: nightly flags. Stable rustc
# takes them with RUSTC_BOOTSTRAP=1; probe that once on an empty program before the build.
export RUSTC_BOOTSTRAP=1
printf 'fn main() {}\n' >"$work/probe.rs"
if ! rustc --edition 2021 -Zsanitizer=address -Cpasses=sancov-module \
  -Cllvm-args=-sanitizer-coverage-level=4 -Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
  -o "$work/probe" "$work/probe.rs" >"$work/probe.log" 2>&1; then
  skip "$(rustc --version) cannot build sanitizer-instrumented code even with RUSTC_BOOTSTRAP=1 (no nightly toolchain): $(grep -m1 'error' "$work/probe.log" || tail -n1 "$work/probe.log")"
fi

started=$SECONDS
echo "fuzz: building the fuzz targets ($(rustc --version), RUSTC_BOOTSTRAP=1; fuzz/target)"
if ! cargo fuzz build >"$work/build.log" 2>&1; then
  # The project's or the targets' own code not compiling is a failure; anything else (the
  # toolchain, libFuzzer's C++ build, the registry) means this machine cannot fuzz.
  if grep -q 'could not compile `nabo-' "$work/build.log"; then
    grep -E -A12 '^error' "$work/build.log" | head -n 60 >&2
    echo "fuzz: FAILED — the fuzz targets do not compile (fuzz/fuzz_targets/, fuzz/src/)" >&2
    exit 1
  fi
  tail -n 20 "$work/build.log" >&2
  skip "cargo fuzz build failed outside Nabo's code: $(grep -m1 -E '^error' "$work/build.log" || tail -n1 "$work/build.log")"
fi
echo "fuzz: built in $((SECONDS - started)) s; running each target for $seconds s"

mapfile -t targets < <(cargo fuzz list)
[ "${#targets[@]}" -gt 0 ] || {
  echo "fuzz: FAILED — cargo fuzz lists no targets" >&2
  exit 1
}
failed=()
for target in "${targets[@]}"; do
  corpus="$work/corpus/$target"
  mkdir -p "$corpus"
  inputs=("$corpus")
  [ -d "fuzz/seeds/$target" ] && inputs+=("fuzz/seeds/$target")
  log="$work/$target.log"
  if cargo fuzz run "$target" "${inputs[@]}" -- \
    -max_total_time="$seconds" -timeout="$per_input" -print_final_stats=1 >"$log" 2>&1; then
    runs="$(grep -m1 -oE '^stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')"
    cover="$(grep -oE 'cov: [0-9]+' "$log" | tail -n1 || true)"
    echo "fuzz: $target: no crash in $runs runs (${cover:-cov: ?})"
  else
    artifact="$(grep -oE 'Test unit written to [^ ]+' "$log" | tail -n1 | sed 's/^Test unit written to //' || true)"
    mkdir -p "fuzz/artifacts/$target"
    cp "$log" "fuzz/artifacts/$target/last-run.log"
    echo "fuzz: $target: CRASHED — input: ${artifact:-none saved}; log: fuzz/artifacts/$target/last-run.log" >&2
    # The panic or sanitizer report, without libFuzzer's banner.
    grep -E -m1 -A14 'panicked at|ERROR: (AddressSanitizer|libFuzzer)|==[0-9]+==ERROR' "$log" >&2 || tail -n 30 "$log" >&2
    failed+=("$target: ${artifact:-fuzz/artifacts/$target/last-run.log}")
  fi
done

echo "fuzz: ${#targets[@]} targets in $((SECONDS - started)) s"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz: FAILED — ${#failed[@]} target(s) crashed; repeat one with: cargo fuzz run TARGET ARTEFACT" >&2
  printf '  %s\n' "${failed[@]}" >&2
  exit 1
fi
