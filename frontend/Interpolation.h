//===- Interpolation.h - Splitting strings into text and {{ }} references --===//
#pragma once

#include "ir/Node.h"
#include "support/DiagnosticEngine.h"

namespace oosc::frontend {

/// Parses the `{{ }}` segments of a scalar whose value contains "{{" and stores
/// the result in `scalar.interpolation`; reports malformed segments. The
/// scalar's range and value offsets must already be set.
void parseInterpolation(ir::Node &scalar, DiagnosticEngine &diagnostics);

} // namespace oosc::frontend
