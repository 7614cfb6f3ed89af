// MetadataCredentials.h - Temporary credentials served over HTTP: an ECS
// instance's RAM role from the metadata service (with an IMDSv2 session
// token), and a credentials URI (ALIBABA_CLOUD_CREDENTIALS_URI, the
// CredentialsURI profile mode), refreshed before they expire.
#ifndef OOSC_OPENAPI_METADATACREDENTIALS_H
#define OOSC_OPENAPI_METADATACREDENTIALS_H

#include "TemporaryCredentials.h"

namespace oosc::openapi {

/// The ECS metadata service's address, as instances reach it.
inline constexpr const char *kEcsMetadataUrl = "http://100.100.100.200";

struct EcsRoleSettings {
  /// "" = ask the metadata service which role the instance has.
  std::string roleName;
  /// kEcsMetadataUrl; tests serve it on loopback instead.
  std::string metadataUrl = kEcsMetadataUrl;
  /// Without a session token the service is not asked (the instance is
  /// in hardened mode): ALIBABA_CLOUD_IMDSV1_DISABLED=true.
  bool imdsV1Disabled = false;
  std::string origin;
  std::shared_ptr<Transport> transport;
  std::function<std::time_t()> now;
};

std::shared_ptr<CredentialsProvider> ecsRoleCredentials(EcsRoleSettings settings);

struct UriSettings {
  std::string uri; ///< https, or http to loopback only
  std::string origin;
  std::shared_ptr<Transport> transport;
  std::function<std::time_t()> now;
};

/// Null with \p why filled when the URI cannot be used.
std::shared_ptr<CredentialsProvider> uriCredentials(UriSettings settings, std::string &why);

} // namespace oosc::openapi

#endif
