// RunnerCloud.h - `--cloud aliyun` for runners: the OpenAPI client over the
// runner's own API entries, credentials from the environment, the endpoint
// from the table or --endpoint. The generated main hands this function to
// the runtime (RunnerImage::openRealCloud), which knows nothing of the client.
#ifndef OOSC_OPENAPI_RUNNERCLOUD_H
#define OOSC_OPENAPI_RUNNERCLOUD_H

#include "oosc/runtime/Runner.h"

namespace oosc::openapi {

/// The error says what is missing (no credentials: each place looked at).
runtime::Outcome<std::unique_ptr<runtime::CloudBackend>> openRunnerCloud(const runtime::RealCloudSettings &settings,
                                                                         const runtime::RunnerImage &image);

} // namespace oosc::openapi

#endif
