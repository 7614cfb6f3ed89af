//===- Program.h - A compiled template, as generated code describes it ----===//
//
// `oosc build` turns each template into static data of these types plus one
// C++ function per computed value. The executor runs them; nothing here is
// parsed from template text at run time.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/runtime/Outcome.h"
#include "oosc/runtime/ParameterConstraints.h"
#include "oosc/runtime/Value.h"

#include <optional>
#include <string>
#include <vector>

namespace oosc::runtime {

class Context;

/// A compiled value: a generated function that computes it in a context.
using Expr = Outcome<Value> (*)(Context &context);

struct ParameterDef {
  std::string name;
  ParameterSpec spec;
  Expr defaultValue = nullptr; ///< null: the parameter is required
  std::string description;
  bool secret = false; ///< NoEcho or a secret association: never printed
  /// The console's picker for the parameter: AssociationProperty
  /// (`ALIYUN::ECS::Instance::InstanceId`, `Targets`, `RegionId`) and its
  /// AssociationPropertyMetadata (a map; null when none).
  std::string association;
  Value associationMetadata;
  /// The API parameters the template passes it to whole (`adb.DBClusterId`):
  /// what a picker offers when no association says.
  std::vector<std::string> feeds;
};

/// Where control goes after a task.
struct Jump {
  enum class Kind : uint8_t { Next, End, Task, Dynamic };
  Kind kind = Kind::Next;
  int task = -1;          ///< Kind::Task
  Expr dynamic = nullptr; ///< Kind::Dynamic: evaluates to a task name or keyword
};

struct TaskOutputDef {
  std::string name;
  std::string type = "String";
  Expr selector = nullptr; ///< evaluates to the jq text (it may hold {{ }})
};

struct LoopOutputDef {
  std::string name;
  std::string aggregateType; ///< "Fn::ListJoin", "Fn::Sum", ...
  std::string aggregateField;
};

struct LoopDef {
  Expr items = nullptr;
  Expr rateControl = nullptr; ///< a map (Mode, MaxErrors, Concurrency, ...), or null
  std::vector<LoopOutputDef> outputs;
};

struct ChoiceDef {
  Expr when = nullptr;
  Jump next;
};

/// Retry settings of a task (WaitFor polling and API retries).
struct RetryDef {
  Expr retries = nullptr, delay = nullptr, delayType = nullptr, backOff = nullptr,
       maxRetryInterval = nullptr;
};

struct TaskDef {
  std::string name;
  std::string action;
  unsigned line = 0; ///< template line, for messages
  Expr properties = nullptr; ///< the Properties map, evaluated when the task runs
  Expr when = nullptr;
  std::optional<Jump> onSuccess, onError;
  std::vector<TaskOutputDef> outputs;
  std::optional<LoopDef> loop;
  std::vector<ChoiceDef> choices;
  std::optional<Jump> defaultTask;
  RetryDef retry;
};

struct OutputDef {
  std::string name;
  std::string type = "String";
  Expr value = nullptr;
};

struct TemplateDef {
  std::string name;   ///< the template's file name without extension
  std::string source; ///< the file it was compiled from
  std::string description;
  std::vector<ParameterDef> parameters;
  std::vector<TaskDef> tasks;
  std::vector<OutputDef> outputs;
};

} // namespace oosc::runtime
