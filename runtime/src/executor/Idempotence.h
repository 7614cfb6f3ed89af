//===- Idempotence.h - Cloud calls a resumed step can repeat safely --------===//
//
// Every cloud call a task makes goes through callCloudOnce. Reads are sent
// and journaled with their answer. A call that changes resources is
// journaled as "Sent" before it leaves, under a key naming it within its
// execution (task, run, loop item, call number), and carries a ClientToken
// derived from that key where the API takes one. When a resumed execution
// repeats the step that was interrupted, each such call is settled by its
// table entry (Idempotence.def): repeated with the same ClientToken,
// repeated because repeating is harmless, looked up and skipped when it took
// effect, or refused.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "executor/Actions.h"

namespace oosc::runtime {

Outcome<Value, ApiError> callCloudOnce(ActionCall &call, const std::string &service,
                                       const std::string &api, const Value &parameters);

/// The ClientToken for the call named \p key in execution \p executionId:
/// at most 64 ASCII characters, the same every time.
std::string clientTokenFor(const std::string &executionId, const std::string &key);

} // namespace oosc::runtime
