#!/usr/bin/env bash
# instrumented-build.sh: configure (once) and build the instrumented tree that
# scripts/sanitize.sh and scripts/fuzz.sh share: clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, libFuzzer's coverage (the README's "Fuzzing and
# sanitizers" says why one tree serves both). Prints the tree's path.
#
#   scripts/instrumented-build.sh [TARGET...]
#
# Without targets, everything (scripts/sanitize.sh); scripts/fuzz.sh names
# only the harnesses it runs.
#
#   OOSC_INSTRUMENTED_BUILD  the build folder (default build-fuzz/)
#   OOSC_INSTRUMENTED_FUZZ   ON (default) or OFF: without libFuzzer's coverage
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${OOSC_INSTRUMENTED_BUILD:-$root/build-fuzz}"
fuzz="${OOSC_INSTRUMENTED_FUZZ:-ON}"
"$root/scripts/setup.sh" >&2
if [[ ! -f "$build/build.ninja" ]]; then
  launcher=()
  if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  fi
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DOOSC_SANITIZE=address,undefined -DOOSC_FUZZ="$fuzz" "${launcher[@]}" >&2
fi
targets=()
for target in "$@"; do targets+=(--target "$target"); done
cmake --build "$build" -j "$(nproc)" "${targets[@]}" >&2
echo "$build"
