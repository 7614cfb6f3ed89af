//===- ApiActions.h - ACS::ExecuteAPI, ACS::WaitFor, ACS::CheckFor --------===//
#pragma once

#include "executor/Actions.h"

namespace oosc::runtime {

Outcome<Value> executeApi(ActionCall &call);
Outcome<Value> waitFor(ActionCall &call);
Outcome<Value> checkFor(ActionCall &call);

} // namespace oosc::runtime
