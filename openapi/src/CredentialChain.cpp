// The default credential chain, in the order of Alibaba Cloud's credential
// libraries: the environment's keys, an OIDC role named by the
// environment, the aliyun CLI's config.json, the SDKs' credentials file,
// the ECS instance's RAM role, a credentials URI.
#include "AssumeRoleCredentials.h"
#include "CredentialSources.h"
#include "MetadataCredentials.h"

#include "oosc/openapi/Endpoints.h"

namespace oosc::openapi {

namespace {

using runtime::Outcome;

std::string setting(const ChainOptions &options, const char *name) {
  return options.environment(name).value_or("");
}

bool isTrue(const std::string &text) { return text == "true" || text == "TRUE" || text == "True"; }

Attempt fromEnvironmentKeys(const ChainOptions &options) {
  if (auto provider = environmentCredentials(options.environment))
    return {provider, ""};
  return {nullptr, "ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET: not set"};
}

Attempt fromEnvironmentOidc(const ChainOptions &options) {
  OidcRoleSettings role;
  role.roleArn = setting(options, "ALIBABA_CLOUD_ROLE_ARN");
  role.providerArn = setting(options, "ALIBABA_CLOUD_OIDC_PROVIDER_ARN");
  role.tokenFile = setting(options, "ALIBABA_CLOUD_OIDC_TOKEN_FILE");
  if (role.roleArn.empty() && role.providerArn.empty() && role.tokenFile.empty())
    return {nullptr, "ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE: "
                     "not set"};
  for (auto [value, name] : {std::pair{&role.roleArn, "ALIBABA_CLOUD_ROLE_ARN"},
                             {&role.providerArn, "ALIBABA_CLOUD_OIDC_PROVIDER_ARN"},
                             {&role.tokenFile, "ALIBABA_CLOUD_OIDC_TOKEN_FILE"}})
    if (value->empty())
      return {nullptr, std::string(name) + " is not set (the other two are)"};
  if (std::string session = setting(options, "ALIBABA_CLOUD_ROLE_SESSION_NAME"); !session.empty())
    role.sessionName = session;
  role.origin = "environment (ALIBABA_CLOUD_ROLE_ARN)";
  role.sts = stsAccessOf(options);
  return {oidcRoleCredentials(std::move(role)), ""};
}

Attempt fromInstanceRole(const ChainOptions &options) {
  if (isTrue(setting(options, "ALIBABA_CLOUD_ECS_METADATA_DISABLED")))
    return {nullptr, "ALIBABA_CLOUD_ECS_METADATA_DISABLED is set"};
  // Asked only when named: on a machine that is not an ECS instance the
  // metadata address leads nowhere, and waiting for it helps nobody.
  std::string roleName = setting(options, "ALIBABA_CLOUD_ECS_METADATA");
  if (roleName.empty())
    return {nullptr, "ALIBABA_CLOUD_ECS_METADATA (the role's name): not set"};
  return instanceRoleAttempt(options, std::move(roleName), "environment (ALIBABA_CLOUD_ECS_METADATA)");
}

Attempt fromCredentialsUri(const ChainOptions &options) {
  std::string uri = setting(options, "ALIBABA_CLOUD_CREDENTIALS_URI");
  if (uri.empty())
    return {nullptr, "not set"};
  return uriAttempt(options, std::move(uri), "environment (ALIBABA_CLOUD_CREDENTIALS_URI)", "");
}

} // namespace

Attempt instanceRoleAttempt(const ChainOptions &options, std::string roleName, std::string origin) {
  EcsRoleSettings role;
  role.roleName = std::move(roleName);
  std::string why;
  role.metadataUrl = metadataUrlOf(options, why);
  if (role.metadataUrl.empty())
    return {nullptr, why};
  // The instance's hardening applies to the role wherever it is named.
  role.imdsV1Disabled = isTrue(setting(options, "ALIBABA_CLOUD_IMDSV1_DISABLED"));
  role.origin = std::move(origin);
  role.transport = options.transport;
  role.now = options.now;
  return {ecsRoleCredentials(std::move(role)), ""};
}

Attempt uriAttempt(const ChainOptions &options, std::string uri, std::string origin, const std::string &what) {
  std::string why;
  auto provider = uriCredentials({std::move(uri), std::move(origin), options.transport, options.now}, why);
  return {provider, provider || what.empty() ? why : what + ": " + why};
}

std::string namedProfile(const ChainOptions &options) {
  return options.profile.empty() ? setting(options, "ALIBABA_CLOUD_PROFILE") : options.profile;
}

std::string homeOf(const ChainOptions &options) {
  return options.homeDirectory.empty() ? setting(options, "HOME") : options.homeDirectory;
}

StsAccess stsAccessOf(const ChainOptions &options) { return {options.stsEndpoint, options.transport, options.now}; }

std::string metadataUrlOf(const ChainOptions &options, std::string &why) {
  std::string url = options.metadataUrl.empty() ? setting(options, "OOSC_ECS_METADATA_URL") : options.metadataUrl;
  if (url.empty() || url == kEcsMetadataUrl)
    return kEcsMetadataUrl;
  // Anywhere else only on this machine (a test's metadata service).
  if (!parseEndpointUrl(url, why)) {
    why = "the metadata service address " + url + ": " + why;
    return "";
  }
  while (!url.empty() && url.back() == '/')
    url.pop_back();
  return url;
}

Outcome<std::shared_ptr<CredentialsProvider>> defaultCredentialChain(const ChainOptions &options) {
  struct Place {
    const char *name;
    Attempt (*read)(const ChainOptions &);
    bool takesProfile; ///< read when a profile is named
  };
  static const Place kPlaces[] = {
      {"the environment", fromEnvironmentKeys, false},
      {"the environment's OIDC role", fromEnvironmentOidc, false},
      {"~/.aliyun/config.json", fromCliConfig, true},
      {"~/.alibabacloud/credentials", fromCredentialsFile, true},
      {"the ECS instance's RAM role", fromInstanceRole, false},
      {"ALIBABA_CLOUD_CREDENTIALS_URI", fromCredentialsUri, false},
  };
  // A profile asked for by name is what the person wants: only the files
  // that hold profiles are read (as the SDKs do).
  bool profileNamed = !options.profile.empty();
  std::string looked;
  for (const Place &place : kPlaces) {
    if (profileNamed && !place.takesProfile)
      continue;
    Attempt attempt = place.read(options);
    if (attempt.provider)
      return attempt.provider;
    looked += std::string(looked.empty() ? "" : "; ") + place.name + " (" + attempt.why + ")";
  }
  return runtime::fail("found no credentials" + std::string(profileNamed ? " for profile '" + options.profile + "'" : "") +
                       "; looked at: " + looked);
}

} // namespace oosc::openapi
