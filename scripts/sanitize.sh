#!/usr/bin/env bash
# sanitize.sh: the whole ctest suite under AddressSanitizer,
# UndefinedBehaviorSanitizer and LeakSanitizer, runners built by `oosc build`
# included (they are compiled with the same sanitizers). Arguments go to
# ctest (e.g. -R lsp_); without any, runtime Jq's tests run a second time
# with full stacks (see below).
#
# A report makes the process that had it exit with status 86, which no oosc
# program or runner uses (a runner exits 1 for a template that ended
# Failed), and writes a log under BUILD/sanitizer-logs. This script fails
# when a test fails or when any log appeared, even if every test passed: a
# test that expects a runner to fail must not hide a report.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$("$root/scripts/instrumented-build.sh")"

logs="$build/sanitizer-logs"
rm -rf "$logs"
mkdir -p "$logs"
# Symbolized stacks (the suppressions name functions): llvm-14's symbolizer,
# installed with llvm-14-dev.
common="exitcode=86:log_path=$logs/report:print_summary=1"
common+=":external_symbolizer_path=/usr/lib/llvm-14/bin/llvm-symbolizer"
export ASAN_OPTIONS="$common:detect_leaks=1:check_initialization_order=1:strict_init_order=1"
export UBSAN_OPTIONS="$common:print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="$common:suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
# Runners are compiled by the compiler the sanitized runtime was built with.
unset CXX

status=0
(cd "$build" && ctest --output-on-failure -j "$(nproc)" "$@") || status=$?

# libjq has no frame pointers, so with ASan's fast unwinder a leak's stack
# stops at libjq's malloc and lsan.supp has to hide every leaked jq value.
# The tests of runtime Jq and the jq harness's seeds run once more with full
# stacks (four times slower) and a suppression naming libjq's own leak, so
# that a jq value leaked by our code is reported (tests/sanitizers/*.supp).
if [[ $# -eq 0 ]]; then
  echo "sanitize: runtime Jq's tests again, with full stacks"
  (cd "$build" &&
   ASAN_OPTIONS="$ASAN_OPTIONS:fast_unwind_on_malloc=0" \
   LSAN_OPTIONS="$common:fast_unwind_on_malloc=0:print_suppressions=0:suppressions=$root/tests/sanitizers/lsan-full-stacks.supp" \
   ctest --output-on-failure -j "$(nproc)" \
     -R '^(Jq(Engine|Cache|Limits|RuntimeError|CompileError)Test\.|fuzz_corpus_jq$)') || status=$?
fi

shopt -s nullglob
reports=("$logs"/report.*)
if [[ ${#reports[@]} -gt 0 ]]; then
  echo "sanitize: ${#reports[@]} sanitizer report(s) in $logs:"
  for report in "${reports[@]}"; do
    echo "== $report"
    head -n 40 "$report"
  done
  exit 1
fi
if [[ $status -ne 0 ]]; then
  echo "sanitize: ctest failed (status $status)"
  exit "$status"
fi
echo "sanitize: no sanitizer report"
