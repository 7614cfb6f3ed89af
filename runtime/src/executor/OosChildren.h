//===- OosChildren.h - Children the runner lacks, run by OOS itself ---------===//
//
// On the real cloud, a product action or nested template that was not built
// into the runner is no dead end: OOS has the public ones (and the account's
// own). The runner starts it there (StartExecution), follows it to its end
// (ListExecutions, polled with growing waits) and reads its outputs back.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "executor/Actions.h"

namespace oosc::runtime {

/// Runs template \p name with \p parameters as a child execution on OOS;
/// its outputs, or why it did not succeed.
Outcome<Value> runOnOos(ActionCall &call, const std::string &name, const Value &parameters);

} // namespace oosc::runtime
