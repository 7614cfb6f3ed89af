#!/usr/bin/env bash
# `oosc lsp` driven by real clients that are not ours: Neovim's built-in LSP
# client and Microsoft's vscode-languageserver-protocol on node (from
# ../shared/tools/lsp-client). Each opens samples/broken/broken.yaml and must
# receive oosc's diagnostics, a hover and a definition, then shut the server
# down with exit code 0; then each opens tests/tools/cloud-call.yaml and must
# get the API table's diagnostics, the parameters of the API under the cursor
# as a hover, and the API names of the task's service as completions.
# Exit 77 (ctest: skipped) when the clients are absent.
set -uo pipefail
oosc="$1" samples="$2" tools="$3"
probe="$tools/lsp-client/nvim-lsp-probe.sh"
node_probe="$tools/lsp-client/node/lsp-probe.js"
if [[ ! -x "$probe" ]] || ! command -v nvim >/dev/null || ! command -v jq >/dev/null; then
  echo "SKIP: Neovim, jq or $probe not found (run ../shared/tools/setup.sh)"
  exit 77
fi
file="$samples/broken/broken.yaml"
# 0-based positions: line 19 holds '{{ instanceID }}' (the reference starts at
# character 22); the parameter instanceId is declared on line 5.
check() {
  local name="$1" out="$2"
  jq -e '.publishCount >= 1' "$out" >/dev/null || { echo "$name: no diagnostics"; return 1; }
  jq -e '[.diagnostics.diagnostics[].code] | index("undefined-jump-target") != null' "$out" >/dev/null \
    || { echo "$name: undefined-jump-target missing"; jq '.diagnostics' "$out"; return 1; }
  jq -e '[.diagnostics.diagnostics[].code] | index("reference-case") != null' "$out" >/dev/null \
    || { echo "$name: reference-case missing"; return 1; }
  jq -e '.hover.result.contents.value | test("instanceId")' "$out" >/dev/null \
    || { echo "$name: hover does not describe instanceId"; jq '.hover' "$out"; return 1; }
  jq -e '[.definition.result] | flatten | .[0].range.start.line == 4' "$out" >/dev/null \
    || { echo "$name: definition does not point at line 5"; jq '.definition' "$out"; return 1; }
  jq -e '.exit.code == 0' "$out" >/dev/null || { echo "$name: server exit $(jq -c .exit "$out")"; return 1; }
  echo "$name: diagnostics $(jq -c '[.diagnostics.diagnostics[].code]' "$out"), hover and definition OK"
}
# 0-based positions in cloud-call.yaml: line 10 is `      API: DescribeInstances`.
cloud_file="$(dirname "${BASH_SOURCE[0]}")/cloud-call.yaml"
check_cloud() {
  local name="$1" out="$2"
  jq -e '[.diagnostics.diagnostics[].code] | index("api-parameters") != null' "$out" >/dev/null \
    || { echo "$name: api-parameters missing"; jq '.diagnostics' "$out"; return 1; }
  jq -e '.hover.result.contents.value | test("\\| `InstanceIds` \\| String \\|")' "$out" >/dev/null \
    || { echo "$name: hover does not list DescribeInstances' parameters"; jq '.hover' "$out"; return 1; }
  jq -e '[(.completion.result.items // .completion.result)[].label] | (index("DescribeInstances") != null and index("RunInstances") != null and index("DescribeScalingGroups") == null)' "$out" >/dev/null \
    || { echo "$name: completion does not offer ECS's APIs"; jq -c '.completion' "$out" | head -c 600; return 1; }
  jq -e '.exit.code == 0' "$out" >/dev/null || { echo "$name: server exit $(jq -c .exit "$out")"; return 1; }
  echo "$name: API table diagnostics, hover and completion OK"
}
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
"$probe" --langid yaml --timeout 20 --hover 18:24 --definition 18:24 --out "$out/nvim.json" "$file" -- "$oosc" lsp \
  || { echo "nvim probe failed"; cat "$out/nvim.json" 2>/dev/null; exit 1; }
check neovim "$out/nvim.json" || exit 1
"$probe" --langid yaml --timeout 20 --hover 10:12 --completion 10:12 --out "$out/nvim-cloud.json" "$cloud_file" -- "$oosc" lsp \
  || { echo "nvim probe failed on $cloud_file"; cat "$out/nvim-cloud.json" 2>/dev/null; exit 1; }
check_cloud neovim "$out/nvim-cloud.json" || exit 1
if [[ -f "$node_probe" ]] && command -v node >/dev/null && [[ -d "$tools/lsp-client/node/node_modules" ]]; then
  node "$node_probe" --langid yaml --timeout 20 --hover 18:24 --definition 18:24 --out "$out/node.json" "$file" -- "$oosc" lsp \
    || { echo "node probe failed"; cat "$out/node.json" 2>/dev/null; exit 1; }
  check vscode-languageserver-protocol "$out/node.json" || exit 1
  node "$node_probe" --langid yaml --timeout 20 --hover 10:12 --completion 10:12 --out "$out/node-cloud.json" "$cloud_file" -- "$oosc" lsp \
    || { echo "node probe failed on $cloud_file"; cat "$out/node-cloud.json" 2>/dev/null; exit 1; }
  check_cloud vscode-languageserver-protocol "$out/node-cloud.json" || exit 1
fi
