//===- LoadCommon.cpp -------------------------------------------------------===//
#include "frontend/LoadCommon.h"

namespace oosc::frontend {

void reportDuplicateKey(const ir::Node &first, const ir::Node &repeat,
                        DiagnosticEngine &diagnostics) {
  diagnostics
      .report(RuleId::DuplicateName, repeat.range,
              "duplicate key '" + repeat.value + "'; YAML keeps only one of them")
      .note(first.range, "first defined here");
}

} // namespace oosc::frontend
