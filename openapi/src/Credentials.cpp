#include "oosc/openapi/Credentials.h"

#include <cstdlib>

namespace oosc::openapi {

namespace {

class FixedCredentials final : public CredentialsProvider {
public:
  FixedCredentials(Credentials credentials, std::string origin)
      : credentials_(std::move(credentials)), origin_(std::move(origin)) {}

  runtime::Outcome<Credentials> get() override { return credentials_; }
  std::string describe() const override {
    return origin_ + ", key " + maskedKeyId(credentials_.accessKeyId) +
           (credentials_.securityToken.empty() ? "" : " with a security token");
  }

private:
  Credentials credentials_;
  std::string origin_;
};

} // namespace

std::string maskedKeyId(const std::string &accessKeyId) {
  if (accessKeyId.size() <= 8)
    return std::string(accessKeyId.size(), '*');
  return accessKeyId.substr(0, 4) + std::string(accessKeyId.size() - 8, '*') +
         accessKeyId.substr(accessKeyId.size() - 4);
}

EnvironmentLookup processEnvironment() {
  return [](const std::string &name) -> std::optional<std::string> {
    const char *value = std::getenv(name.c_str());
    if (!value || !*value)
      return std::nullopt;
    return std::string(value);
  };
}

std::shared_ptr<CredentialsProvider> fixedCredentials(Credentials credentials, std::string origin) {
  return std::make_shared<FixedCredentials>(std::move(credentials), std::move(origin));
}

std::shared_ptr<CredentialsProvider> environmentCredentials(const EnvironmentLookup &environment) {
  std::optional<std::string> id = environment("ALIBABA_CLOUD_ACCESS_KEY_ID");
  std::optional<std::string> secret = environment("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
  if (!id || !secret)
    return nullptr;
  Credentials credentials{*id, *secret, environment("ALIBABA_CLOUD_SECURITY_TOKEN").value_or("")};
  return fixedCredentials(std::move(credentials), "environment (ALIBABA_CLOUD_ACCESS_KEY_ID)");
}

} // namespace oosc::openapi
