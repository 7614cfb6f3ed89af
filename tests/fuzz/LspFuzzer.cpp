//===- LspFuzzer.cpp - The language server fed JSON-RPC messages -------------===//
//
// A fresh lsp::Server per input, in process, reading the input as its
// client's byte stream (the Content-Length transport, dispatch, the
// workspace and every feature) and writing its answers nowhere.
//
// Input (seeds: corpus/lsp): either the raw stream (it starts with
// "Content-Length", so the framing itself is fuzzed), or message bodies
// separated by NUL bytes, each framed here with its right length, so that
// mutations reach the methods rather than break the framing.
//
//===----------------------------------------------------------------------===//
#include "FuzzTarget.h"

#include "lsp/Server.h"

#include <sstream>

namespace oosc::fuzz {
namespace {

std::string framed(std::string_view bodies) {
  std::string stream;
  for (;;) {
    size_t end = bodies.find('\0');
    std::string_view body = bodies.substr(0, end);
    stream += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    stream += body;
    if (end == std::string_view::npos)
      return stream;
    bodies.remove_prefix(end + 1);
  }
}

/// A stream buffer that takes everything and keeps nothing.
class Discard : public std::streambuf {
protected:
  int_type overflow(int_type c) override { return traits_type::not_eof(c); }
  std::streamsize xsputn(const char *, std::streamsize count) override { return count; }
};

} // namespace
} // namespace oosc::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  using namespace oosc;
  std::string_view text = fuzz::asText(data, size);
  std::istringstream in(text.substr(0, 14) == "Content-Length" ? std::string(text) : fuzz::framed(text));
  fuzz::Discard discard;
  std::ostream out(&discard);
  int status = lsp::Server(out).run(in);
  fuzz::fuzzCheck(status == 0 || status == 1, "the server ended with status " + std::to_string(status));
  return 0;
}
