// StsCalls.h - The calls oosc makes to STS itself: AssumeRole and
// AssumeRoleWithOIDC for the credential chain, GetCallerIdentity for the
// runner's banner.
#ifndef OOSC_OPENAPI_STSCALLS_H
#define OOSC_OPENAPI_STSCALLS_H

#include "oosc/openapi/Credentials.h"
#include "oosc/openapi/Transport.h"
#include "oosc/runtime/Cloud.h"

#include <ctime>
#include <functional>
#include <memory>
#include <string>

namespace oosc::openapi {

/// How the chain reaches STS: a private or test endpoint ("" = the central
/// https://sts.aliyuncs.com), over the runner's transport.
struct StsAccess {
  std::string endpoint;
  std::shared_ptr<Transport> transport;
  std::function<std::time_t()> now;
};

/// One STS call signed by \p signer, or unsigned when \p signer is null
/// (AssumeRoleWithOIDC).
runtime::Outcome<runtime::Value, runtime::ApiError> callSts(const StsAccess &access,
                                                            std::shared_ptr<CredentialsProvider> signer,
                                                            std::string_view action, runtime::Value parameters);

} // namespace oosc::openapi

#endif
