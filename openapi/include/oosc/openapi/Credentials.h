// Credentials.h - Who the OpenAPI client signs as.
//
// A provider hands out the credentials to sign the next call with; one that
// holds temporary credentials (an STS token) refreshes them before they
// expire, so a rolling update that outlives a one-hour token keeps going.
// The secret and the token never appear in describe() or in any message.
#ifndef OOSC_OPENAPI_CREDENTIALS_H
#define OOSC_OPENAPI_CREDENTIALS_H

#include "oosc/runtime/Outcome.h"

#include <ctime>
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

class Transport;
struct EndpointUrl;

/// What the default chain reads and how it reaches STS.
struct ChainOptions {
  EnvironmentLookup environment;
  /// --profile; else ALIBABA_CLOUD_PROFILE; else the file's `current`.
  std::string profile;
  /// Where ~ is ("" = $HOME).
  std::string homeDirectory;
  /// STS calls go here instead of https://sts.aliyuncs.com (a private or
  /// test endpoint; ALIBABA_CLOUD_STS_ENDPOINT sets it too).
  std::string stsEndpoint;
  /// The ECS metadata service ("" = OOSC_ECS_METADATA_URL, else the
  /// instance's own http://100.100.100.200); elsewhere only on loopback, so
  /// tests serve it themselves.
  std::string metadataUrl;
  std::shared_ptr<Transport> transport;
  std::function<std::time_t()> now;
};

/// The official default chain, in its order: the environment's keys
/// (ALIBABA_CLOUD_ACCESS_KEY_ID, _SECRET, _SECURITY_TOKEN); an OIDC role
/// (ALIBABA_CLOUD_ROLE_ARN, _OIDC_PROVIDER_ARN, _OIDC_TOKEN_FILE); the aliyun
/// CLI's ~/.aliyun/config.json profile (modes AK, StsToken, RamRoleArn,
/// ChainableRamRoleArn, EcsRamRole, OIDC, CredentialsURI); the SDKs'
/// ~/.alibabacloud/credentials; the ECS instance's RAM role
/// (ALIBABA_CLOUD_ECS_METADATA); ALIBABA_CLOUD_CREDENTIALS_URI. A named
/// profile reads only the two files. Temporary credentials are refreshed
/// before they expire. The first place that applies is used for the whole
/// run; when none does, the error names each place looked at and why it did
/// not serve.
runtime::Outcome<std::shared_ptr<CredentialsProvider>> defaultCredentialChain(const ChainOptions &options);

} // namespace oosc::openapi

#endif
