//===- JsonLoader.h - A fast path for templates that are strict JSON -------===//
//
// Half of the real templates are JSON, and yaml-cpp's general YAML scanner
// spends most of oosc's time on them. Strict JSON (RFC 8259) is a small
// grammar, so it is read here directly into the same node tree, with the
// same ranges, styles and diagnostics the yaml-cpp path produces (a test
// compares the two on every JSON template of the corpus). Anything that is
// not strict JSON - comments, trailing commas, YAML flow syntax, syntax
// errors - is left to yaml-cpp, which stays the authority on what parses.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "frontend/LoadCommon.h"

namespace oosc::frontend {

/// Loads `text` when it is strict JSON with an object or array at the top;
/// returns false, having reported nothing and left `document` without a
/// root, otherwise.
bool loadStrictJson(std::string_view text, ir::Document &document, DiagnosticEngine &diagnostics,
                    const LoadLimits &limits);

} // namespace oosc::frontend
