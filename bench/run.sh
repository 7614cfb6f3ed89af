#!/usr/bin/env bash
# run.sh: the lint benchmarks. Builds them, then measures on one thread:
#  1. throughput on ../shared/corpus/oos-templates against yaml-cpp's own
#     YAML::Load of the same files (same process, same run);
#  2. lint time of synthetic templates of 10 to 10,000 tasks.
#  3. oosc build time, runner start, executor overhead per task and a
#     1,000-item concurrent Loop against its ideal time;
#  4. the language server's edit latency and memory;
#  5. the cost of signing one OpenAPI request (v1 and v3);
#  6. runners and the simulated cloud over loopback HTTP: the cost of a call,
#     a 1,000-item loop and its connections, the served simulator's
#     throughput on one core.
# Targets are in the README.
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
echo
echo "== oosc build and runners"
"$root/build/bench/runner_bench" "$root/build/cli/oosc" "$root"
echo
echo "== oosc lsp"
"$root/build/bench/lsp_bench" "$root/build/cli/oosc"
echo
echo "== OpenAPI signatures"
"$root/build/bench/signing_bench" "${REPEATS:-7}"
echo
echo "== over HTTP: runners and oosc sim serve"
"$root/build/bench/wire_bench" "$root/build/cli/oosc"
