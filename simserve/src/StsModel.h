// StsModel.h - The Security Token Service of the served simulated cloud:
// AssumeRole hands out temporary keys (an `STS.` AccessKey ID, a secret and
// a security token, with an expiry) that the front then accepts, and
// GetCallerIdentity says who a caller is, so a client's credential chain can
// be tested end to end on loopback.
#ifndef OOSC_SIMSERVE_STSMODEL_H
#define OOSC_SIMSERVE_STSMODEL_H

#include "oosc/openapi/Verification.h"
#include "oosc/runtime/Cloud.h"

#include <ctime>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace oosc::simserve {

class StsModel {
public:
  /// The simulated account every key belongs to.
  static constexpr const char *kAccountId = "1234567890123456";

  /// The secret of a temporary key that has not expired, for verification.
  std::optional<std::string> secretOf(const std::string &accessKeyId, std::time_t now) const;
  /// Why a call signed with a temporary key is refused (token missing or not
  /// the key's, key expired), or nothing.
  std::optional<runtime::ApiError> checkToken(const openapi::SignedCall &call, std::time_t now) const;

  runtime::Outcome<runtime::Value, runtime::ApiError> call(const openapi::SignedCall &call, std::time_t now);

  /// The APIs STS takes without a signature: their parameters prove the caller.
  static bool takesUnsigned(std::string_view action) { return action == "AssumeRoleWithOIDC"; }

private:
  struct Temporary {
    std::string secret, token, roleArn, sessionName;
    std::time_t expires = 0;
  };
  runtime::Outcome<runtime::Value, runtime::ApiError> assumeRole(const openapi::SignedCall &call, std::time_t now);
  runtime::Outcome<runtime::Value, runtime::ApiError> assumeRoleWithOidc(const openapi::SignedCall &call,
                                                                         std::time_t now);
  /// Issues a temporary key for \p roleArn and \p session: the answer's
  /// AssumedRoleUser and Credentials; or why the request is refused.
  runtime::Outcome<runtime::Value, runtime::ApiError> issue(const openapi::SignedCall &call, std::time_t now);
  runtime::Value callerIdentity(const openapi::SignedCall &call) const;

  mutable std::mutex mutex_;
  std::map<std::string, Temporary> issued_;
  std::uint64_t serial_ = 0;
};

} // namespace oosc::simserve

#endif
