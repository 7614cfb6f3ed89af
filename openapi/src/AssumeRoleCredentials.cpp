#include "AssumeRoleCredentials.h"

#include <cctype>
#include <fstream>
#include <sstream>

namespace oosc::openapi {

namespace {

using runtime::Outcome;
using runtime::Value;

std::string stsFailure(const std::string &what, const runtime::ApiError &error) {
  return what + " failed: " + error.code + ": " + error.message;
}

} // namespace

std::shared_ptr<CredentialsProvider> assumeRoleCredentials(AssumeRoleSettings settings) {
  std::string description = settings.origin + ", role " + settings.roleArn + " (AssumeRole with " +
                            settings.source->describe() + ")";
  std::function<std::time_t()> now = settings.sts.now;
  auto fetch = [settings = std::move(settings)]() -> Outcome<TemporaryKey> {
    std::string what = "STS AssumeRole of " + settings.roleArn;
    auto answer = callSts(settings.sts, settings.source, "AssumeRole",
                          Value(Value::Map{{"RoleArn", settings.roleArn},
                                           {"RoleSessionName", settings.sessionName},
                                           {"DurationSeconds", std::to_string(settings.durationSeconds)}}));
    if (!answer)
      return runtime::fail(stsFailure(what, answer.error()));
    return temporaryKeyIn(answer.value(), "Credentials", what);
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
    std::string what = "STS AssumeRoleWithOIDC of " + settings.roleArn;
    auto answer = callSts(settings.sts, nullptr, "AssumeRoleWithOIDC",
                          Value(Value::Map{{"RoleArn", settings.roleArn},
                                           {"OIDCProviderArn", settings.providerArn},
                                           {"OIDCToken", text},
                                           {"RoleSessionName", settings.sessionName},
                                           {"DurationSeconds", std::to_string(settings.durationSeconds)}}));
    if (!answer)
      return runtime::fail(stsFailure(what, answer.error()));
    return temporaryKeyIn(answer.value(), "Credentials", what);
  };
  return temporaryCredentials(std::move(fetch), std::move(description), std::move(now));
}

} // namespace oosc::openapi
