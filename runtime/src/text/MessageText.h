//===- text/MessageText.h - Values in messages, kept to a readable size ----===//
//
// Errors quote what a person gave (a parameter, an option, a name), and a
// value can be 10 MB. A message quotes a long value cut, with its length,
// and a message built from several (a child's error inside its parent's)
// is bounded as a whole, so an error is never larger than a screen or two.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace oosc::runtime::text {

/// "'abc'", or "'abcd...' (10485760 bytes)" when longer than \p keep
/// bytes (cut before a UTF-8 character, never inside one); newlines shown
/// as \n so the message stays on one line.
std::string quoteCut(std::string_view value, std::size_t keep = 60);

/// The most an error message holds before boundedMessage cuts it.
constexpr std::size_t MaxMessageBytes = 4096;

/// \p message whole when it fits; otherwise its beginning and end with the
/// number of bytes left out between them.
std::string boundedMessage(std::string_view message, std::size_t limit = MaxMessageBytes);

} // namespace oosc::runtime::text
