#!/usr/bin/env bash
# demo.sh: install what is missing, build oosc, lint the samples, then build
# samples/update-image into a runner and run it on the simulated cloud,
# showing its progress (stderr) and its outputs (stdout).
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
echo
runner="$root/build/samples/update-image"
mkdir -p "$root/build/samples"
echo "== oosc build samples/update-image/update-image.yaml -o build/samples/update-image"
"$oosc" build samples/update-image/update-image.yaml -o "$runner"
echo
echo "== build/samples/update-image (on the simulated cloud, a fresh world)"
rm -f "$root/build/samples/world.json"
"$runner" --state "$root/build/samples/world.json"
