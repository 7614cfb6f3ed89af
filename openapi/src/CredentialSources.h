// CredentialSources.h - The places the default credential chain reads, each
// giving a provider or saying why it gives none (for the error that lists
// every place looked at).
#ifndef OOSC_OPENAPI_CREDENTIALSOURCES_H
#define OOSC_OPENAPI_CREDENTIALSOURCES_H

#include "StsCalls.h"
#include "TemporaryCredentials.h"

namespace oosc::openapi {

/// What one place of the chain gave: a provider, or why it gave none.
struct Attempt {
  std::shared_ptr<CredentialsProvider> provider;
  std::string why; ///< when no provider: "not set", "no such file", ...
};

/// The profile the options name (--profile, then ALIBABA_CLOUD_PROFILE),
/// or "" to take the file's own choice.
std::string namedProfile(const ChainOptions &options);
std::string homeOf(const ChainOptions &options);
StsAccess stsAccessOf(const ChainOptions &options);
/// The metadata service's address: ChainOptions::metadataUrl, else
/// OOSC_ECS_METADATA_URL, else the instance's own.
std::string metadataUrlOf(const ChainOptions &options, std::string &why);

/// The ECS instance's RAM role \p roleName ("" = ask the metadata service
/// which one), wherever the chain found it named.
Attempt instanceRoleAttempt(const ChainOptions &options, std::string roleName, std::string origin);
/// Keys served at \p uri; when it cannot be used, the reason is prefixed
/// with \p what (the setting that named it).
Attempt uriAttempt(const ChainOptions &options, std::string uri, std::string origin, const std::string &what);

/// ~/.aliyun/config.json, the aliyun CLI's profiles.
Attempt fromCliConfig(const ChainOptions &options);
/// ~/.alibabacloud/credentials (or ALIBABA_CLOUD_CREDENTIALS_FILE), the
/// SDKs' INI profiles.
Attempt fromCredentialsFile(const ChainOptions &options);

} // namespace oosc::openapi

#endif
