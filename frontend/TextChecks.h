//===- TextChecks.h - Checks on raw bytes before YAML parsing --------------===//
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace oosc::frontend {

/// Why a text cannot be a template before any YAML is parsed.
struct TextProblem {
  uint32_t offset = 0;
  std::string message;
};

/// Finds NUL bytes (binary files) and invalid UTF-8 sequences.
std::optional<TextProblem> checkText(std::string_view text);

} // namespace oosc::frontend
