//===- History.h - What the journal says an execution already did ----------===//
//
// `--resume EXEC_ID` continues an execution that a crash, a kill -9 or a lost
// machine interrupted. Its history, read back from the journal, tells the
// executor where to go on (the cursor), which tasks and loop items already
// ended (they are not run again; their outputs are restored) and which calls
// that change resources were sent (so a repeated step does not repeat them
// blindly: see Idempotence.h).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "executor/ExecutionState.h"

#include <map>
#include <optional>

namespace oosc::runtime {

class Journal;

/// How a recorded task or loop item ended, in which run of its task.
struct StepHistory {
  TaskStatus status = TaskStatus::NotRun;
  Value outputs = Value(Value::Map{});
  std::string error;
  unsigned run = 1;
};

/// A call that changes resources, as recorded: "Sent" when the runner
/// stopped before the answer came, else "Success" or the error code.
struct CallHistory {
  std::string result;
  std::string requestId;
  long long row = 0; ///< its journal record
};

struct ExecutionHistory {
  /// The task to run next; nullopt: the tasks are done, only the outputs
  /// and the final status are left.
  std::optional<size_t> cursor;
  /// By task index; unset for a task that never ended.
  std::vector<std::optional<StepHistory>> tasks;
  /// By task name and loop item.
  std::map<std::pair<std::string, int>, StepHistory> items;
  /// By call key (see Idempotence.h).
  std::map<std::string, CallHistory> calls;

  const StepHistory *item(const std::string &task, size_t item, unsigned run) const;
};

/// Reads execution \p id of template \p def back from the journal.
Outcome<ExecutionHistory> loadHistory(Journal &journal, const std::string &id, const TemplateDef &def);

TaskStatus parseTaskStatus(std::string_view name);

} // namespace oosc::runtime
