//===- Resume.h - Taking up an interrupted execution from the journal ------===//
#pragma once

#include "executor/History.h"

namespace oosc::runtime {

/// What `--resume EXEC_ID` needs to go on.
struct ResumePlan {
  std::vector<Value> parameters;
  ExecutionHistory history;
  /// Said to the user before the run goes on (e.g. a secret taken from its Default).
  std::vector<std::string> notes;
};

/// Checks that execution \p id of the journal can be resumed by this runner
/// (it exists, ran \p def, is a top-level execution that has not ended and
/// that no live process is running) and rebuilds its parameters: the
/// recorded values, with secret ones (never recorded in clear) taken from
/// \p given, or from their Default.
Outcome<ResumePlan> planResume(Journal &journal, const std::string &id, const TemplateDef &def,
                               const Value &given, RunEnvironment &environment);

} // namespace oosc::runtime
