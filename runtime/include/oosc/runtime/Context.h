//===- Context.h - What a compiled expression can read ---------------------===//
#pragma once

#include "oosc/runtime/Outcome.h"
#include "oosc/runtime/Value.h"

#include <string_view>

namespace oosc::runtime {

class ExecutionState;

/// The pseudo parameters OOS defines (`{{ ACS::RegionId }}`).
enum class Pseudo : uint8_t {
  RegionId,
  ExecutionId,
  TaskLoopItem,
  AccountId,
  CurrentUTCTime,
  CurrentDate,
  ExecuteUser,
  OOSUtilVersion,
};

/// The view of an execution that generated code evaluates against: the
/// parameters, the outputs of tasks that have run, pseudo parameters and,
/// inside a loop, the current item. Cheap to copy; a loop gives each item
/// its own copy.
class Context {
public:
  Context(ExecutionState &state, const Value *loopItem = nullptr)
      : state_(&state), loopItem_(loopItem) {}

  Outcome<Value> parameter(size_t index) const;
  /// An output of an earlier task, by its declared name.
  Outcome<Value> taskOutput(size_t task, std::string_view output) const;
  Outcome<Value> pseudo(Pseudo which) const;
  /// `{{ oos:name }}` and `{{ oos-secret:name }}`: the parameter store.
  Outcome<Value> storeParameter(std::string_view name, bool secret) const;
  /// A built-in Fn:: function on its evaluated argument.
  Outcome<Value> call(std::string_view function, const Value &argument) const;

  Context withLoopItem(const Value *item) const { return Context(*state_, item); }
  /// This context, noting in \p asked whether ACS::TaskLoopItem was read
  /// without an item: a looped task's When that reads it decides per item.
  Context noticingLoopItemReads(bool &asked) const {
    Context noticing(*this);
    noticing.loopItemAsked_ = &asked;
    return noticing;
  }
  ExecutionState &state() const { return *state_; }

private:
  ExecutionState *state_;
  const Value *loopItem_;
  bool *loopItemAsked_ = nullptr;
};

} // namespace oosc::runtime
