#!/usr/bin/env bash
# SARIF from `oosc lint --format sarif` is checked by the third-party SARIF
# 2.1.0 validators in ../shared/tools (ajv and python jsonschema against the
# OASIS schema). Exit 77 (ctest: skipped) when those tools are absent.
set -uo pipefail
oosc="$1" samples="$2" golden="$3" tools="$4"
if [[ ! -x "$tools/sarif-validate.sh" ]]; then
  echo "SKIP: $tools/sarif-validate.sh not found (the SARIF check needs ../shared/tools)"
  exit 77
fi
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
# One report with errors, warnings, notes and fixes; one clean report.
"$oosc" lint --format sarif "$samples/broken" "$golden" > "$out/findings.sarif"
[[ $? -eq 1 ]] || { echo "expected exit 1 from the broken samples"; exit 1; }
"$oosc" lint --format sarif "$samples/update-image" > "$out/clean.sarif" || { echo "clean sample failed"; exit 1; }
grep -q '"results": \[\]' "$out/clean.sarif" || { echo "clean report should have no results"; exit 1; }
grep -q '"ruleId": "undefined-reference"' "$out/findings.sarif" || { echo "no results in the findings report"; exit 1; }
"$tools/sarif-validate.sh" "$out/findings.sarif" "$out/clean.sarif"
