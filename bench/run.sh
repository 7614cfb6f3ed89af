#!/usr/bin/env bash
# run.sh: the lint benchmarks. Builds them, then measures on one thread:
#  1. throughput on ../shared/corpus/oos-templates against yaml-cpp's own
#     YAML::Load of the same files (same process, same run);
#  2. lint time of synthetic templates of 10 to 10,000 tasks.
# Targets (README): >= 2,000 files/s; lint <= 1.5x yaml-cpp; linear growth.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh" >/dev/null
corpus="${OOSC_CORPUS_DIR:-$root/../shared/corpus}/oos-templates"
if [[ -d "$corpus" ]]; then
  echo "== corpus throughput ($corpus)"
  "$root/build/bench/lint_bench" "$corpus" "${REPEATS:-7}"
else
  echo "== corpus throughput: skipped, $corpus not found"
fi
echo
echo "== growth with template size"
"$root/build/bench/scale_bench" "${REPEATS:-7}"
