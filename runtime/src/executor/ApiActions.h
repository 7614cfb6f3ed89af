//===- ApiActions.h - The actions that call the cloud ----------------------===//
#pragma once

#include "executor/Actions.h"

namespace oosc::runtime {

Outcome<Value> executeApi(ActionCall &call);
Outcome<Value> waitFor(ActionCall &call);
Outcome<Value> checkFor(ActionCall &call);
/// ACS::Notify with a WebHook: posted through the cloud backend (the
/// simulator records it in its world).
Outcome<Value> notify(ActionCall &call);

} // namespace oosc::runtime
