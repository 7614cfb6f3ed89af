//===- Preflight.h - `RUNNER --preflight --cloud aliyun` --------------------===//
//
// Asks the cloud, without changing anything, whether the runner's calls
// would be allowed: every API of the runner's table (the APIs its templates
// call with a literal Service and API) that takes a DryRun parameter is sent
// with DryRun=true. `DryRunOperation` means allowed; a permission error is
// reported with the RAM action it needs; the APIs without DryRun are listed
// as not checked.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/runtime/Cloud.h"
#include "oosc/runtime/Runner.h"

#include <ostream>

namespace oosc::runtime {

/// Exit status: 0 when nothing was refused, 1 when a call was.
int preflight(const RunnerImage &image, CloudBackend &cloud, const std::string &region, std::ostream &out);

/// Whether \p error says the caller lacks a RAM permission.
bool isPermissionError(const ApiError &error);

} // namespace oosc::runtime
