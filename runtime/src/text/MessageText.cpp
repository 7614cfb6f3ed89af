//===- text/MessageText.cpp -------------------------------------------------===//
#include "text/MessageText.h"

namespace oosc::runtime::text {
namespace {

bool isContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// The largest cut point <= \p at that does not split a UTF-8 character.
std::size_t characterStart(std::string_view text, std::size_t at) {
  while (at > 0 && at < text.size() && isContinuation(text[at]))
    --at;
  return at;
}

} // namespace

std::string quoteCut(std::string_view value, std::size_t keep) {
  std::size_t end = value.size() <= keep ? value.size() : characterStart(value, keep);
  std::string out = "'";
  for (char c : value.substr(0, end))
    out += c == '\n' ? std::string("\\n") : std::string(1, c);
  if (end == value.size())
    return out + "'";
  return out + "...' (" + std::to_string(value.size()) + " bytes)";
}

std::string boundedMessage(std::string_view message, std::size_t limit) {
  if (message.size() <= limit)
    return std::string(message);
  std::size_t head = characterStart(message, limit * 3 / 4);
  std::size_t tail = characterStart(message, message.size() - limit / 4);
  return std::string(message.substr(0, head)) + " [... " + std::to_string(tail - head) +
         " bytes left out ...] " + std::string(message.substr(tail));
}

} // namespace oosc::runtime::text
