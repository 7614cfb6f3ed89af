#!/usr/bin/env bash
# test.sh: install what is missing, build, and run every test with ctest.
# The third-party checkers in ../shared/tools (SARIF validator, pre-commit)
# are set up too when that folder is present.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh"
tools="$root/../shared/tools"
if [[ -x "$tools/setup.sh" ]]; then
  "$tools/setup.sh" >/dev/null
fi
cd "$root/build"
ctest --output-on-failure -j "$(nproc)" "$@"
# The measured figures some tests print (mutation harness, jq against libjq,
# corpus sweeps), gathered from ctest's log so CI shows them.
echo "Figures:"
grep -h -E '^(mutation( \(cloud API calls\))?: |\[ (corpus|jq corpus) +\]|.*: [0-9]+ interruption points)' Testing/Temporary/LastTest.log || true
