#include "AssumeRoleCredentials.h"

#include <cctype>
#include <fstream>
#include <sstream>

namespace oosc::openapi {

namespace {

using runtime::Outcome;
using runtime::Value;

/// One STS role call (AssumeRole signed by \p signer, AssumeRoleWithOIDC
/// unsigned) and the temporary key in its answer.
Outcome<TemporaryKey> stsRoleKey(const StsAccess &sts, const std::shared_ptr<CredentialsProvider> &signer,
                                 const std::string &action, Value parameters, const std::string &roleArn) {
  std::string what = "STS " + action + " of " + roleArn;
  auto answer = callSts(sts, signer, action, std::move(parameters));
  if (!answer)
    return runtime::fail(what + " failed: " + answer.error().code + ": " + answer.error().message);
  return temporaryKeyIn(answer.value(), "Credentials", what);
}

} // namespace

std::shared_ptr<CredentialsProvider> assumeRoleCredentials(AssumeRoleSettings settings) {
  std::string description = settings.origin + ", role " + settings.roleArn + " (AssumeRole with " +
                            settings.source->describe() + ")";
  std::function<std::time_t()> now = settings.sts.now;
  auto fetch = [settings = std::move(settings)]() -> Outcome<TemporaryKey> {
    return stsRoleKey(settings.sts, settings.source, "AssumeRole",
                      Value(Value::Map{{"RoleArn", settings.roleArn},
                                       {"RoleSessionName", settings.sessionName},
                                       {"DurationSeconds", std::to_string(settings.durationSeconds)}}),
                      settings.roleArn);
  };
  return temporaryCredentials(std::move(fetch), std::move(description), std::move(now));
}

std::shared_ptr<CredentialsProvider> oidcRoleCredentials(OidcRoleSettings settings) {
  std::string description = settings.origin + ", role " + settings.roleArn + " (AssumeRoleWithOIDC, token file " +
                            settings.tokenFile + ")";
  std::function<std::time_t()> now = settings.sts.now;
  auto fetch = [settings = std::move(settings)]() -> Outcome<TemporaryKey> {
    std::ifstream file(settings.tokenFile, std::ios::binary);
    if (!file)
      return runtime::fail("cannot read the OIDC token file " + settings.tokenFile);
    std::ostringstream token;
    token << file.rdbuf();
    std::string text = token.str();
    // A JWT holds no whitespace; a newline an editor or `echo` left is not
    // part of it.
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
      text.pop_back();
    return stsRoleKey(settings.sts, nullptr, "AssumeRoleWithOIDC",
                      Value(Value::Map{{"RoleArn", settings.roleArn},
                                       {"OIDCProviderArn", settings.providerArn},
                                       {"OIDCToken", text},
                                       {"RoleSessionName", settings.sessionName},
                                       {"DurationSeconds", std::to_string(settings.durationSeconds)}}),
                      settings.roleArn);
  };
  return temporaryCredentials(std::move(fetch), std::move(description), std::move(now));
}

} // namespace oosc::openapi
