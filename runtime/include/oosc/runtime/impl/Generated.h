//===- impl/Generated.h - Helpers for code that oosc generates -------------===//
//
// For generated code only (the runtime's `impl` layer): user programs use
// Program.h, Context.h and Runner.h. The version check makes a runner built
// against another runtime fail at compile time, not at run time.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/runtime/Context.h"
#include "oosc/runtime/Program.h"

#include <initializer_list>
#include <string_view>

/// Bumped whenever the generated code's contract with the runtime changes.
#define OOSC_RUNTIME_VERSION 1

namespace oosc::runtime::impl {

/// A string value from a literal of known length (literals may hold NUL).
inline Value text(const char *data, size_t size) { return Value(std::string(data, size)); }

// Generated functions are one call of these, with tables of child functions:
// the work is done here, compiled once, not inlined into every runner.

struct Member {
  const char *key;
  size_t size;
  Expr value;
};
/// A mapping whose values are computed.
Outcome<Value> map(Context &context, std::initializer_list<Member> members);
/// A list whose items are computed.
Outcome<Value> list(Context &context, std::initializer_list<Expr> items);

struct Piece {
  const char *text; ///< literal text, when `value` is null
  size_t size;
  Expr value;
};
/// String interpolation: each computed piece as OOS shows a value in text.
Outcome<Value> interpolate(Context &context, std::initializer_list<Piece> pieces);

/// A built-in Fn:: function on its computed argument.
Outcome<Value> call(Context &context, const char *function, Expr argument);

/// Fn::If, Fn::And, Fn::Or and Fn::Not evaluate lazily: the branch not taken
/// may read outputs of tasks that never ran.
Outcome<Value> ifThenElse(Context &context, Expr condition, Expr then, Expr otherwise);
/// Whether \p condition holds, as OOS reads a When or an Fn::If's test.
Outcome<bool> holds(Context &context, Expr condition);
Outcome<Value> allOf(Context &context, std::initializer_list<Expr> conditions);
Outcome<Value> anyOf(Context &context, std::initializer_list<Expr> conditions);
Outcome<Value> negate(Context &context, Expr condition);

/// Fn::Eval operators on computed operands.
Outcome<Value> binary(Context &context, const char *op, Expr left, Expr right);
Outcome<Value> unary(Context &context, const char *op, Expr operand);

// A template as static tables: generated code only fills in plain rows
// (quick to compile), and buildTemplate() makes the TemplateDef from them.

/// Where a jump goes; kind -1 means the key was not written.
struct JumpRow {
  int kind = -1; ///< Jump::Kind as an int
  int task = -1;
  Expr dynamic = nullptr;
};

struct ParameterRow {
  std::string_view name, type;
  std::string_view allowedValuesJson; ///< empty: no AllowedValues
  bool hasPattern;
  std::string_view pattern;
  bool hasMinLength, hasMaxLength, hasMinValue, hasMaxValue;
  double minLength, maxLength, minValue, maxValue;
  Expr defaultValue;
  std::string_view description;
  bool secret;
  /// AssociationProperty (the console's picker, `ALIYUN::ECS::Instance::InstanceId`)
  /// and its AssociationPropertyMetadata as JSON ("" when none).
  std::string_view association, associationMetadataJson;
  /// The API parameters the template passes it to whole, as
  /// `Service.Parameter` separated by ';' (`adb.DBClusterId`).
  std::string_view feeds;
};

struct OutputRow {
  std::string_view name, type;
  Expr value;
};

struct LoopOutputRow {
  std::string_view name, aggregateType, aggregateField;
};

struct ChoiceRow {
  Expr when;
  JumpRow next;
};

struct TaskRow {
  std::string_view name, action;
  unsigned line;
  Expr properties, when;
  JumpRow onSuccess, onError, defaultTask;
  const OutputRow *outputs;
  size_t outputCount;
  bool hasLoop;
  Expr loopItems, rateControl;
  const LoopOutputRow *loopOutputs;
  size_t loopOutputCount;
  const ChoiceRow *choices;
  size_t choiceCount;
  Expr retries, delay, delayType, backOff, maxRetryInterval;
};

struct TemplateRow {
  std::string_view name, source, description;
  const ParameterRow *parameters;
  size_t parameterCount;
  const TaskRow *tasks;
  size_t taskCount;
  const OutputRow *outputs;
  size_t outputCount;
};

TemplateDef buildTemplate(const TemplateRow &row);

} // namespace oosc::runtime::impl
