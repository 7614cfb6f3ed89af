#!/usr/bin/env bash
# demo.sh: install what is missing, build oosc, and lint the samples: the clean
# ones pass, and samples/broken shows what a report looks like.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/build.sh"
oosc="$root/build/cli/oosc"
cd "$root"
echo "== oosc lint samples/update-image samples/scaling-image-update"
"$oosc" lint samples/update-image samples/scaling-image-update
echo "(no diagnostics: exit 0)"
echo
echo "== oosc lint samples/broken"
status=0
"$oosc" lint samples/broken || status=$?
echo "(exit $status: errors found)"
[[ $status -eq 1 ]]
