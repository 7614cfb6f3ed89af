#!/usr/bin/env bash
# fuzz.sh: build (if needed) and run the libFuzzer harnesses of tests/fuzz,
# each for a fixed time, as many at once as there are cores. Fails on any
# finding (a crash, a sanitizer report, a leak, a timeout, running out of
# memory), whose input is kept under BUILD/fuzz-findings/HARNESS/.
#
#   scripts/fuzz.sh [--minutes N | --seconds N] [--no-record] [HARNESS...]
#
# Default: every harness for 1 minute. Each harness starts from its seeds
# (tests/fuzz/corpus/HARNESS, never changed) and from what earlier runs on
# this machine found (BUILD/fuzz-corpus/HARNESS). Unless --no-record is
# given, the run is added to tests/fuzz/stats.tsv: per harness, the
# sessions, seconds and executions run without a finding, and the findings;
# the README's figures come from that file.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
harnesses_all=(lint_yaml lint_json jq parameters schedule lsp)
stats="$root/tests/fuzz/stats.tsv"

seconds=60
record=1
harnesses=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --minutes) seconds=$(( $2 * 60 )); shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --no-record) record=0; shift ;;
    -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "fuzz: unknown option '$1' (see --help)" >&2; exit 2 ;;
    *)
      if [[ ! " ${harnesses_all[*]} " == *" $1 "* ]]; then
        echo "fuzz: no harness '$1'; the harnesses are: ${harnesses_all[*]}" >&2
        exit 2
      fi
      harnesses+=("$1"); shift ;;
  esac
done
[[ ${#harnesses[@]} -gt 0 ]] || harnesses=("${harnesses_all[@]}")
if ! [[ $seconds =~ ^[0-9]+$ ]] || [[ $seconds -lt 1 ]]; then
  echo "fuzz: the time must be a whole number of seconds or minutes, at least 1 second" >&2
  exit 2
fi

build="$("$root/scripts/instrumented-build.sh" "${harnesses[@]/#/fuzz_}")"
# Reports go to each harness's log, with symbolized stacks (the suppression
# file, which lists the leaks that are not ours with their reasons, names
# functions).
symbolizer="external_symbolizer_path=/usr/lib/llvm-14/bin/llvm-symbolizer"
export ASAN_OPTIONS="$symbolizer:detect_leaks=1:print_summary=1"
export UBSAN_OPTIONS="$symbolizer:print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="$symbolizer:suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"

# run_harness NAME: runs one harness; its log and elapsed time under BUILD/fuzz-logs.
run_harness() {
  local name=$1
  local corpus="$build/fuzz-corpus/$name" findings="$build/fuzz-findings/$name"
  local log="$build/fuzz-logs/$name.log"
  mkdir -p "$corpus" "$findings"
  local options=(-max_total_time="$seconds" -timeout=25 -rss_limit_mb=4096 -print_final_stats=1
                 -artifact_prefix="$findings/")
  if [[ -f "$root/tests/fuzz/$name.dict" ]]; then
    options+=(-dict="$root/tests/fuzz/$name.dict")
  fi
  local start=$SECONDS status=0
  "$build/tests/fuzz/fuzz_$name" "${options[@]}" "$corpus" "$root/tests/fuzz/corpus/$name" >"$log" 2>&1 ||
    status=$?
  echo "$status $((SECONDS - start))" >"$build/fuzz-logs/$name.result"
}

mkdir -p "$build/fuzz-logs"
echo "fuzz: ${harnesses[*]}, ${seconds} s each, $(nproc) at a time"
running=0
for name in "${harnesses[@]}"; do
  rm -f "$build/fuzz-findings/$name"/* 2>/dev/null || true
  run_harness "$name" &
  running=$((running + 1))
  if [[ $running -ge $(nproc) ]]; then
    wait -n
    running=$((running - 1))
  fi
done
wait

failed=0
for name in "${harnesses[@]}"; do
  read -r status elapsed <"$build/fuzz-logs/$name.result"
  log="$build/fuzz-logs/$name.log"
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  executions=${executions:-0}
  found=$(find "$build/fuzz-findings/$name" -type f | head -n 1)
  if [[ $status -ne 0 || -n $found ]]; then
    failed=1
    echo "fuzz: $name: FINDING (exit $status) after ${elapsed} s; input: ${found:-none kept}; log: $log"
    grep -E -m 12 'ERROR|SUMMARY|runtime error|invariant broken|#[0-9]+ 0x' "$log" | sed 's/^/  /' || true
  else
    echo "fuzz: $name: $executions executions in ${elapsed} s ($((executions / (elapsed > 0 ? elapsed : 1))) exec/s), no finding"
  fi
  if [[ $record -eq 1 ]]; then
    clean=$([[ $status -eq 0 && -z $found ]] && echo 1 || echo 0)
    [[ -f $stats ]] || printf '# harness\tsessions\tseconds\texecutions\tfindings\n' >"$stats"
    awk -v OFS='\t' -v name="$name" -v clean="$clean" -v seconds="$elapsed" -v executions="$executions" '
      /^#/ { print; next }
      $1 == name { seen = 1; if (clean) { $2 += 1; $3 += seconds; $4 += executions } else { $5 += 1 } }
      { print }
      END { if (!seen) print name, clean, clean ? seconds : 0, clean ? executions : 0, clean ? 0 : 1 }
    ' "$stats" >"$stats.new"
    mv "$stats.new" "$stats"
  fi
done
if [[ $record -eq 1 ]]; then
  echo "fuzz: accumulated (tests/fuzz/stats.tsv; clean sessions only):"
  awk -F'\t' '!/^#/ { printf "  %-11s %3d sessions %7d s %12d executions %7.0f exec/s %d findings\n",
                      $1, $2, $3, $4, ($3 > 0 ? $4 / $3 : 0), $5 }' "$stats"
fi
exit "$failed"
