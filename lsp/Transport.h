//===- Transport.h - JSON-RPC messages framed by Content-Length -----------===//
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

namespace oosc::lsp {

/// One framed message from `in`: its body, or nothing at the end of input.
/// A malformed header is skipped up to the next blank line and reported
/// through `error`, so one bad message does not end the session.
std::optional<std::string> readMessage(std::istream &in, std::string &error);

/// Writes one message with its Content-Length header and flushes.
void writeMessage(std::ostream &out, const std::string &body);

} // namespace oosc::lsp
