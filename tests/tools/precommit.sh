#!/usr/bin/env bash
# The repository's pre-commit hook, run by the real pre-commit through
# ../shared/tools/precommit-check.sh: it must pass on a clean template and
# fail on a broken one. Exit 77 (ctest: skipped) when the tools are absent.
set -uo pipefail
oosc="$1" repo="$2" samples="$3" tools="$4"
if [[ ! -x "$tools/precommit-check.sh" ]] || ! command -v pre-commit >/dev/null; then
  echo "SKIP: pre-commit or $tools/precommit-check.sh not found (run ../shared/tools/setup.sh)"
  exit 77
fi
# The hook runs `oosc` from PATH (language: system), as installed users have it.
export PATH="$(dirname "$oosc"):$PATH"
"$tools/precommit-check.sh" --expect pass "$repo" oosc-lint "$samples/update-image/update-image.yaml" || exit 1
"$tools/precommit-check.sh" --expect fail "$repo" oosc-lint "$samples/broken/broken.yaml" || exit 1
