//===- AnswerPaths.h - Following a jq selector over an API answer's shape --===//
//
// Selectors of API tasks are mostly paths: `.Instances.Instance[].InstanceId`,
// `.Images.Image[0].ImageId`, `.Status`, `[.Items.Item[] | select(...) | .Id]`.
// This follows such a script over the answer's shape (oosc/apis/ApiTable.h)
// and says where it reads what the answer cannot have. It understands a
// pipeline of paths (`.a`, `."a"`, `.["a"]`, `[]`, `[N]`, `?`), select(...)
// and [ ... ] around a pipeline; at anything else it stops without a verdict
// (a function, `//`, an object, a variable), so what it reports is certain.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/apis/ApiTable.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oosc::analysis {

struct AnswerPathProblem {
  /// Bytes [offset, offset + length) of the script.
  size_t offset = 0;
  size_t length = 0;
  std::string message;
  /// A field name to put at [offset, offset + length) instead.
  std::optional<std::string> suggestion;
  /// A jq error whatever version the answer comes from (a field of a list,
  /// [] over a string); a field the shape lacks is certain only with a
  /// suggestion.
  bool certain = false;
};

struct AnswerPathResult {
  std::vector<AnswerPathProblem> problems;
  /// What the whole script gives, when it was followed to its end.
  std::optional<apis::Shape::Kind> resultKind;
  /// The script gives one value per element ([] on the way, no [ ] around).
  bool stream = false;
  /// The shape each value has, when known and not built by [ ] (points into
  /// the answer given to followAnswerPath).
  const apis::Shape *shape = nullptr;
};

/// Follows \p script (prepared as jq sees it, leading dot included) over
/// \p answer. At the top of an answer the error fields (.Code, .Message,
/// .RequestId, ...) are always readable: a failed call answers with them.
AnswerPathResult followAnswerPath(std::string_view script, const apis::Shape &answer);

} // namespace oosc::analysis
