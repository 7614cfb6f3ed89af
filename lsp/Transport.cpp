//===- Transport.cpp --------------------------------------------------------===//
#include "lsp/Transport.h"

#include <istream>
#include <ostream>

namespace oosc::lsp {

namespace {

/// The biggest message accepted: a 5 MB document with JSON escaping fits.
constexpr size_t kMaxMessageBytes = 64u << 20;

} // namespace

std::optional<std::string> readMessage(std::istream &in, std::string &error) {
  error.clear();
  for (;;) {
    std::string line;
    long long length = -1;
    bool sawHeader = false;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r')
        line.pop_back();
      if (line.empty()) {
        if (sawHeader)
          break;
        continue; // stray blank lines between messages
      }
      sawHeader = true;
      constexpr std::string_view key = "content-length:";
      if (line.size() > key.size()) {
        std::string lower = line.substr(0, key.size());
        for (char &c : lower)
          c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower == key)
          length = std::atoll(line.c_str() + key.size());
      }
    }
    if (!in)
      return std::nullopt;
    if (length < 0 || static_cast<size_t>(length) > kMaxMessageBytes) {
      error = "a message without a valid Content-Length header was skipped";
      return std::string(); // the caller answers with a parse error
    }
    std::string body(static_cast<size_t>(length), '\0');
    in.read(body.data(), length);
    if (in.gcount() != length)
      return std::nullopt;
    return body;
  }
}

void writeMessage(std::ostream &out, const std::string &body) {
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

} // namespace oosc::lsp
