//===- TextChecks.cpp -------------------------------------------------------===//
#include "frontend/TextChecks.h"

namespace oosc::frontend {
namespace {

/// Length of the valid UTF-8 sequence at `i`, or 0 when it is invalid
/// (overlong forms, surrogates and values past U+10FFFF included).
size_t utf8SequenceLength(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  size_t length;
  uint32_t minimum;
  uint32_t value;
  if (lead < 0x80)
    return 1;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, minimum = 0x80, value = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, minimum = 0x800, value = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, minimum = 0x10000, value = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size())
    return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80)
      return 0;
    value = (value << 6) | (byte(i + k) & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
    return 0;
  return length;
}

} // namespace

std::optional<TextProblem> checkText(std::string_view text) {
  // A NUL anywhere means binary data, whatever bytes come before it.
  if (size_t nul = text.find('\0'); nul != std::string_view::npos)
    return TextProblem{static_cast<uint32_t>(nul),
                       "the file contains a NUL byte: it is binary, not a YAML or JSON template"};
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t length = utf8SequenceLength(text, i);
    if (length == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", c);
      return TextProblem{static_cast<uint32_t>(i),
                         std::string("invalid UTF-8 byte ") + hex +
                             ": templates must be UTF-8 text"};
    }
    i += length;
  }
  return std::nullopt;
}

} // namespace oosc::frontend
