//===- SchemaTables.h - The keys OOS accepts at each level of a template ---===//
#pragma once

#include <string_view>
#include <vector>

namespace oosc::analysis {

/// What a key's value must look like. A `{{ }}` reference or an Fn:: call
/// stands for a value of any shape unless the key requires a literal.
enum class ValueShape : uint8_t {
  Any,
  Scalar,       ///< a string, number or boolean
  LiteralName,  ///< a literal scalar: no {{ }} or Fn:: (names, actions, types)
  Enum,         ///< one of the allowed values, or an expression
  Text,         ///< a string or an i18n map such as {en: ..., zh-cn: ...}
  Mapping,
  Sequence,
  Number,       ///< a number (or an expression)
};

struct KeySpec {
  std::string_view name;
  ValueShape shape;
  bool required = false;
  /// For LiteralName and Enum keys: the accepted values, empty when any goes.
  std::vector<std::string_view> allowedValues = {};
};

/// One level of the template structure, e.g. "task" or "parameter".
struct LevelSpec {
  std::string_view what;
  std::vector<KeySpec> keys;

  const KeySpec *find(std::string_view key) const;
  std::vector<std::string_view> keyNames() const;
};

const LevelSpec &templateLevel();
const LevelSpec &stateTemplateLevel();
const LevelSpec &parameterLevel();
const LevelSpec &taskLevel();
const LevelSpec &taskOutputLevel();
const LevelSpec &loopLevel();
const LevelSpec &rateControlLevel();
const LevelSpec &loopOutputLevel();
const LevelSpec &choiceLevel();
const LevelSpec &templateOutputLevel();

} // namespace oosc::analysis
