//===- ApiActions.h - The actions that call the cloud ----------------------===//
#pragma once

#include "executor/Actions.h"

namespace oosc::runtime {

Outcome<Value> executeApi(ActionCall &call);
/// One journaled call and the pages after it, their lists appended to the
/// first page's (as ACS::ExecuteAPI's AutoPaging).
Outcome<Value> callAllPages(ActionCall &call, std::string service, std::string api, Value parameters);
Outcome<Value> waitFor(ActionCall &call);
Outcome<Value> checkFor(ActionCall &call);
/// ACS::Notify with a WebHook: posted through the cloud backend (the
/// simulator records it in its world).
Outcome<Value> notify(ActionCall &call);

} // namespace oosc::runtime
