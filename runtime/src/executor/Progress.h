//===- Progress.h - What a runner tells its user while it runs ------------===//
#pragma once

#include "executor/ExecutionState.h"

#include <iosfwd>
#include <mutex>

namespace oosc::runtime {

struct ProgressOptions {
  bool json = false;     ///< one JSON object a line, for machines
  bool terminal = false; ///< stderr is a terminal: live loop bars
};

/// Writes progress to stderr (never to stdout, which carries the outputs):
/// a line per task with status and duration, a bar for loops on a terminal.
/// Child executions (nested templates, product actions) are indented.
class Progress {
public:
  Progress(std::ostream &out, ProgressOptions options) : out_(out), options_(options) {}

  void start(const TemplateDef &def, const std::string &backend, const std::string &executionId);
  void task(const ExecutionState &state, const TaskDef &task, TaskStatus status, double seconds,
            const std::string &error);
  void loopItem(const ExecutionState &state, const TaskDef &task, size_t item, size_t items, bool ok,
                const std::string &error);
  /// A task waits for a person to answer with one of \p verbs.
  void waiting(const ExecutionState &state, const TaskDef &task, const std::string &question,
               const std::vector<std::string> &verbs);
  void answered(const ExecutionState &state, const TaskDef &task, std::string_view answer);
  void finish(std::string_view status, const std::string &error);
  /// A line of its own (a trigger's firings, a warning): \p text for
  /// people, or with --log json an object {"event": event, fields...}.
  void note(std::string_view event, Value::Map fields, const std::string &text);

private:
  std::ostream &out_;
  ProgressOptions options_;
  std::mutex mutex_;
  size_t itemsDone_ = 0;
};

} // namespace oosc::runtime
