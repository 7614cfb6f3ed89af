// AssumeRoleCredentials.h - Temporary credentials of a RAM role from STS:
// AssumeRole signed with other credentials (RamRoleArn,
// ChainableRamRoleArn), or AssumeRoleWithOIDC with a token file (OIDC),
// refreshed before they expire.
#ifndef OOSC_OPENAPI_ASSUMEROLECREDENTIALS_H
#define OOSC_OPENAPI_ASSUMEROLECREDENTIALS_H

#include "StsCalls.h"
#include "TemporaryCredentials.h"

namespace oosc::openapi {

struct AssumeRoleSettings {
  std::shared_ptr<CredentialsProvider> source;
  std::string roleArn;
  std::string sessionName = "oosc";
  long durationSeconds = 3600;
  std::string origin; ///< for describe(): "~/.aliyun/config.json profile 'x'"
  StsAccess sts;
};

std::shared_ptr<CredentialsProvider> assumeRoleCredentials(AssumeRoleSettings settings);

struct OidcRoleSettings {
  std::string roleArn;
  std::string providerArn;
  /// Read at every refresh: the platform that writes it (a Kubernetes
  /// service account, say) rotates the token.
  std::string tokenFile;
  std::string sessionName = "oosc";
  long durationSeconds = 3600;
  std::string origin;
  StsAccess sts;
};

std::shared_ptr<CredentialsProvider> oidcRoleCredentials(OidcRoleSettings settings);

} // namespace oosc::openapi

#endif
