#!/usr/bin/env bash
# setup.sh: install the Debian 12 packages oosc needs to build and test, only
# those that are missing (each is named with the reason it is here).
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config  # the build
  antlr4 default-jre-headless       # generates the expression parser from grammar/*.g4
  libantlr4-runtime-dev             # runtime of the generated parser
  libyaml-cpp-dev                   # YAML and JSON loading
  llvm-14-dev                       # LLVM Support: JSON, thread pool, terminal colours
  libfmt-dev                        # formatting (required by the design card)
  libgtest-dev                      # unit and golden tests
  libpcre2-dev                      # AllowedPattern: lookahead/lookbehind need a backtracking engine
  libjq-dev                         # runners: ValueSelector, PropertySelector and Fn::Jq are jq
  libsqlite3-dev                    # runners: the execution journal (WAL, a commit per step)
  tzdata                            # runners: ACS::TimerTrigger's TimeZone, read from /usr/share/zoneinfo
  libcurl4-openssl-dev              # runners: ACS::Notify webhooks posted for real (--webhooks post)
  libssl-dev                        # the OpenAPI client: HMAC-SHA1 and HMAC-SHA256 request signatures (libcrypto)
  valgrind                          # tests: no leak in oosc lint and oosc lsp (tests/sanitizers/valgrind-leaks.sh)
  bubblewrap                        # runners: Cloud Assistant shell scripts run for real, fenced in (no network, files per instance)
  clang libclang-rt-14-dev          # scripts/sanitize.sh and fuzz.sh: the instrumented build (clang,
                                    # its ASan, UBSan, LSan and libFuzzer runtimes); builds stay g++
)

missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi
echo "setup: installing ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
