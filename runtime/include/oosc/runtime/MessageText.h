//===- MessageText.h - Template text quoted in error messages --------------===//
//
// Errors name the value that is wrong, but a template or a command line can
// hold a value of megabytes; an error must stay a line a person can read.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace oosc::runtime {

/// Values longer than this are cut in messages.
inline constexpr std::size_t kMaxQuotedBytes = 64;

/// \p text whole when it is short; else its first bytes (never splitting a
/// UTF-8 sequence), "..." and its length: `+08:0666...(1000 bytes)`.
std::string shortenForMessage(std::string_view text, std::size_t maxBytes = kMaxQuotedBytes);

} // namespace oosc::runtime
