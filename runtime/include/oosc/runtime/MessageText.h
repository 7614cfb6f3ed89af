//===- MessageText.h - A value quoted in a linter's message, cut when long -===//
//
// The linter's libraries (analysis, frontend) see only runtime/include, but
// quote template text as the runtime does, so that `oosc lint` and a runner
// show a long value the same way: text::quoteCut (runtime/src/text/
// MessageText.h), the runtime's one way of quoting a value in a message.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <string_view>

namespace oosc::runtime {

/// text::quoteCut(\p value): "'abc'", or "'abcd...' (10485760 bytes)"
/// when longer than 60 bytes (never splitting a UTF-8 character).
std::string quoteCut(std::string_view value);

} // namespace oosc::runtime
