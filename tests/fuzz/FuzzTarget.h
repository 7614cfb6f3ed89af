//===- FuzzTarget.h - What every harness of tests/fuzz shares ---------------===//
//
// A harness is one LLVMFuzzerTestOneInput. It is linked two ways
// (tests/fuzz/CMakeLists.txt): with libFuzzer (clang, -fsanitize=fuzzer)
// into `fuzz_NAME`, which scripts/fuzz.sh runs; and with ReplayMain.cpp into
// `fuzz_replay_NAME`, which ctest runs over the harness's seed corpus with
// any compiler, so every input that once crashed stays a regression test.
//
// A harness fails by aborting (fuzzFailure): libFuzzer and the sanitizers
// then report the input; a replay run ends with SIGABRT.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace oosc::fuzz {

/// Reports a broken invariant of the code under test and aborts.
[[noreturn]] void fuzzFailure(const std::string &what);

/// Aborts with \p what unless \p holds.
inline void fuzzCheck(bool holds, const std::string &what) {
  if (!holds)
    fuzzFailure(what);
}

/// The input as text.
inline std::string_view asText(const uint8_t *data, size_t size) {
  return {reinterpret_cast<const char *>(data), size};
}

/// The first \p count - 1 lines of \p text and then the rest (which may hold
/// line breaks), fewer when the text has fewer lines: harnesses that take
/// several strings read one a line, so seeds stay readable and mutations
/// keep the fields apart.
std::vector<std::string_view> splitFields(std::string_view text, size_t count);

} // namespace oosc::fuzz
