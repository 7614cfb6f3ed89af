#!/usr/bin/env bash
# valgrind-leaks.sh OOSC SOURCE_DIR: no memory leaks in `oosc lint` (over the
# samples, the golden cases and scripts libjq leaks on, with the library
# leaks of valgrind.supp suppressed) nor in `oosc lsp` (fed those scripts in
# edits, with nothing suppressed: the server must not reach libjq). Exit 77
# (skipped) without valgrind.
set -uo pipefail
oosc="$1" root="$2"
here="$root/tests/sanitizers"
if ! command -v valgrind >/dev/null; then
  echo "valgrind is not installed: skipped"
  exit 77
fi
leaks=99 # valgrind's exit status when it found a leak or an error
memcheck=(valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite,indirect
          --error-exitcode=$leaks)

"${memcheck[@]}" --suppressions="$here/valgrind.supp" \
  "$oosc" lint -j2 "$root/samples" "$root/tests/golden" "$here/jq-string-errors.yaml" >/dev/null
status=$?
if [[ $status -eq $leaks || $status -gt 2 ]]; then
  echo "oosc lint: valgrind found leaks or errors (exit status $status)"
  exit 1
fi

# A session: open the template, change it three times, shut down.
frame() { printf 'Content-Length: %d\r\n\r\n%s' "${#1}" "$1"; }
# The template as a JSON string: backslashes, quotes and line ends escaped.
text="\"$(sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' "$here/jq-string-errors.yaml" | awk '{printf "%s\\n", $0}')\""
uri='file:///valgrind/jq-string-errors.yaml'
session=$(
  frame '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}'
  frame "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"$uri\",\"languageId\":\"yaml\",\"version\":1,\"text\":$text}}}"
  for version in 2 3 4; do
    changed=${text//unterminated\'/unterminated$version\'}
    frame "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":{\"uri\":\"$uri\",\"version\":$version},\"contentChanges\":[{\"text\":$changed}]}}"
  done
  frame '{"jsonrpc":"2.0","id":2,"method":"shutdown","params":null}'
  frame '{"jsonrpc":"2.0","method":"exit","params":null}'
)
replies=$(printf '%s' "$session" | "${memcheck[@]}" "$oosc" lsp)
status=$?
if [[ $status -ne 0 ]]; then
  echo "oosc lsp: exit status $status (valgrind: $leaks when it found leaks or errors)"
  exit 1
fi
if [[ $replies != *jq-syntax* ]]; then
  echo "oosc lsp: the edits were not analysed (no jq-syntax diagnostic in its replies)"
  exit 1
fi
echo "no leaks in oosc lint and oosc lsp"
