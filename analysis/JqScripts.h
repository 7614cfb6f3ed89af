//===- JqScripts.h - Where a template holds jq, and how OOS prepares it ---===//
//
// jq runs on task output ValueSelectors (of every action: for product
// actions and ACS::Template the input is the child's outputs), on the
// PropertySelector of ACS::WaitFor and ACS::CheckFor, on the PropertySelector
// of each CheckFor/WaitFor rule of ACS::ExecuteHttpRequest, and on the script
// argument of Fn::Jq. Shared by the jq-syntax rule and the corpus test that
// holds it to libjq.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Template.h"

#include <string>
#include <vector>

namespace oosc::analysis {

struct JqScriptSite {
  /// The scalar holding the script as written.
  const ir::Node *scalar = nullptr;
  /// Selectors get OOS's leading dot (runtime::normalizeSelector); Fn::Jq
  /// scripts run as written.
  bool isSelector = true;
  /// How a message names the place: "ValueSelector of output 'ids'".
  std::string what;
};

/// Every literal jq script of the template; computed ones (Fn::Sub, ...)
/// are known only at run time and left out.
std::vector<JqScriptSite> collectJqScripts(const ir::Template &tmpl);

/// A script as jq will see it: `{{ }}` stood in for by neutral text of the
/// same length, then, for selectors, the leading dot OOS adds.
struct PreparedJqScript {
  std::string text;
  /// Where normalizeSelector inserted its '.', or npos.
  size_t insertedDot = std::string::npos;

  /// The offset in the scalar's value of byte \p offset of text.
  size_t valueOffset(size_t offset) const {
    return insertedDot != std::string::npos && offset > insertedDot ? offset - 1 : offset;
  }
};

PreparedJqScript prepareJqScript(const JqScriptSite &site);

} // namespace oosc::analysis
