//===- Secrets.h - Secret values kept out of journals, logs and outputs ---===//
//
// A secret parameter (NoEcho, a secret AssociationProperty, a Default from
// the encrypted parameter store) is shown as "******" wherever a runner
// writes: its journal (parameters, task and loop item outputs and errors,
// execution outputs), its progress lines and the outputs it prints. Its
// value may travel (a parent passes it to a child's ordinary parameter, a
// command echoes it into an output), so what is masked is the value,
// wherever it shows up, for the execution that has it and its children.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/runtime/Program.h"
#include "oosc/runtime/Value.h"

#include <string>
#include <vector>

namespace oosc::runtime {

/// The values to mask; shorter ones (a "1", a "no") are left, as masking
/// them would garble ordinary text.
class SecretValues {
public:
  static constexpr size_t kShortest = 4;

  /// Adds the values of \p def's secret parameters.
  void add(const TemplateDef &def, const std::vector<Value> &parameters);
  std::string maskText(std::string text) const;
  Value mask(const Value &value) const;
  bool empty() const { return values_.empty(); }

private:
  std::vector<std::string> values_;
};

} // namespace oosc::runtime
