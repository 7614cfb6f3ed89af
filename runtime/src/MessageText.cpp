//===- MessageText.cpp ------------------------------------------------------===//
#include "oosc/runtime/MessageText.h"

namespace oosc::runtime {

std::string shortenForMessage(std::string_view text, std::size_t maxBytes) {
  if (text.size() <= maxBytes)
    return std::string(text);
  std::size_t cut = maxBytes;
  // Back up to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;
  return std::string(text.substr(0, cut)) + "...(" + std::to_string(text.size()) + " bytes)";
}

} // namespace oosc::runtime
