// Credentials.h - Who the OpenAPI client signs as.
//
// A provider hands out the credentials to sign the next call with; one that
// holds temporary credentials (an STS token) refreshes them before they
// expire, so a rolling update that outlives a one-hour token keeps going.
// The secret and the token never appear in describe() or in any message.
#ifndef OOSC_OPENAPI_CREDENTIALS_H
#define OOSC_OPENAPI_CREDENTIALS_H

#include "oosc/runtime/Outcome.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace oosc::openapi {

struct Credentials {
  std::string accessKeyId;
  std::string accessKeySecret;
  std::string securityToken; ///< STS credentials only
};

class CredentialsProvider {
public:
  virtual ~CredentialsProvider() = default;
  /// The credentials to sign the next call with, or why there are none.
  virtual runtime::Outcome<Credentials> get() = 0;
  /// Where they come from, for the banner ("environment
  /// ALIBABA_CLOUD_ACCESS_KEY_ID, key LTAI****abcd"): never a secret.
  virtual std::string describe() const = 0;
};

/// An AccessKey ID shown as its first four and last four characters.
std::string maskedKeyId(const std::string &accessKeyId);

/// The value of an environment variable, or nothing: passed in, so runners
/// hand over their environment and tests their own.
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string &name)>;
EnvironmentLookup processEnvironment();

/// Fixed credentials; \p origin says where they came from.
std::shared_ptr<CredentialsProvider> fixedCredentials(Credentials credentials, std::string origin);

/// ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (and
/// ALIBABA_CLOUD_SECURITY_TOKEN when set), or null when they are not both set.
std::shared_ptr<CredentialsProvider> environmentCredentials(const EnvironmentLookup &environment);

} // namespace oosc::openapi

#endif
