//===- Uri.h - File paths in URIs ------------------------------------------===//
#pragma once

#include <string>
#include <string_view>

namespace oosc {

/// \p path with every byte but the unreserved characters (letters, digits,
/// '-', '.', '_', '~') and '/' percent-encoded, as a URI path needs it
/// (LSP document URIs, SARIF artifact locations).
std::string percentEncodePath(std::string_view path);

} // namespace oosc
