//===- runner/RealCloud.h - `--cloud aliyun`: the OpenAPI client ------------===//
#pragma once

#include "oosc/runtime/Cloud.h"
#include "oosc/runtime/Outcome.h"
#include "oosc/runtime/Runner.h"
#include "runner/Options.h"

#include <memory>

namespace oosc::runtime {

/// The real cloud for a run: the runner's own API entries, credentials from
/// the environment, the endpoint from the table or --endpoint. The error
/// says what is missing (no credentials: each place looked at).
Outcome<std::unique_ptr<CloudBackend>> openRealCloud(const RunnerOptions &options, const RunnerImage &image);

} // namespace oosc::runtime
