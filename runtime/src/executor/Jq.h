//===- executor/Jq.h - One jq engine per thread ----------------------------===//
#pragma once

#include "oosc/runtime/Jq.h"

namespace oosc::runtime {

/// libjq states are not thread-safe; loop items on worker threads each get one.
JqEngine &threadJqEngine();

} // namespace oosc::runtime
