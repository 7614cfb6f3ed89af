// The aliyun CLI's ~/.aliyun/config.json: a profile picked by --profile,
// ALIBABA_CLOUD_PROFILE or the file's `current`, in one of the modes the
// CLI writes.
#include "AssumeRoleCredentials.h"
#include "CredentialSources.h"

#include <fstream>
#include <set>
#include <sstream>

namespace oosc::openapi {

namespace {

using runtime::Outcome;
using runtime::Value;

std::string textOf(const Value &record, std::string_view key) {
  const Value *member = record.find(key);
  return member && member->isString() ? member->getString() : std::string();
}

const Value *findProfile(const Value &config, const std::string &name) {
  if (const Value *profiles = config.find("profiles"); profiles && profiles->isList())
    for (const Value &profile : profiles->getList())
      if (profile.isMap() && textOf(profile, "name") == name)
        return &profile;
  return nullptr;
}

/// Reads one profile; ChainableRamRoleArn reads its source profile too.
class ProfileReader {
public:
  ProfileReader(const Value &config, const ChainOptions &options) : config_(config), options_(options) {}

  Attempt read(const std::string &name) {
    const Value *profile = findProfile(config_, name);
    if (!profile)
      return {nullptr, "no profile '" + name + "'"};
    if (!visiting_.insert(name).second)
      return {nullptr, "profile '" + name + "' is its own source (source_profile goes round in a circle)"};
    Attempt attempt = readProfile(*profile, "~/.aliyun/config.json profile '" + name + "'");
    visiting_.erase(name);
    if (!attempt.provider)
      attempt.why = "profile '" + name + "': " + attempt.why;
    return attempt;
  }

private:
  Attempt readProfile(const Value &profile, const std::string &origin) {
    std::string mode = textOf(profile, "mode");
    Credentials key{textOf(profile, "access_key_id"), textOf(profile, "access_key_secret"), ""};
    bool needsKey = mode == "AK" || mode == "StsToken" || mode == "RamRoleArn";
    if (needsKey && (key.accessKeyId.empty() || key.accessKeySecret.empty()))
      return {nullptr, "mode " + mode + " without access_key_id and access_key_secret"};
    if (mode == "AK")
      return {fixedCredentials(key, origin), ""};
    if (mode == "StsToken") {
      key.securityToken = textOf(profile, "sts_token");
      if (key.securityToken.empty())
        return {nullptr, "mode StsToken without sts_token"};
      return {fixedCredentials(key, origin), ""};
    }
    if (mode == "RamRoleArn")
      return assumedRole(profile, fixedCredentials(key, origin), origin);
    if (mode == "ChainableRamRoleArn")
      return chainedRole(profile, origin);
    if (mode == "EcsRamRole")
      return ecsRole(profile, origin);
    if (mode == "OIDC")
      return oidcRole(profile, origin);
    if (mode == "CredentialsURI")
      return credentialsUri(profile, origin);
    return {nullptr, "mode " + (mode.empty() ? std::string("(none)") : mode) +
                         " is not supported yet (AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole, OIDC "
                         "and CredentialsURI are)"};
  }

  std::string sessionName(const Value &profile) {
    std::string name = textOf(profile, "ram_session_name");
    return name.empty() ? "oosc" : name;
  }

  long duration(const Value &profile) {
    const Value *seconds = profile.find("expired_seconds");
    return seconds && seconds->isInteger() && seconds->getInteger() >= 900 ? static_cast<long>(seconds->getInteger())
                                                                            : 3600;
  }

  Attempt assumedRole(const Value &profile, std::shared_ptr<CredentialsProvider> source, const std::string &origin) {
    AssumeRoleSettings role;
    role.source = std::move(source);
    role.roleArn = textOf(profile, "ram_role_arn");
    if (role.roleArn.empty())
      return {nullptr, "mode " + textOf(profile, "mode") + " without ram_role_arn"};
    role.sessionName = sessionName(profile);
    role.durationSeconds = duration(profile);
    role.origin = origin;
    role.sts = stsAccessOf(options_);
    return {assumeRoleCredentials(std::move(role)), ""};
  }

  Attempt chainedRole(const Value &profile, const std::string &origin) {
    std::string sourceName = textOf(profile, "source_profile");
    if (sourceName.empty())
      return {nullptr, "mode ChainableRamRoleArn without source_profile"};
    Attempt source = read(sourceName);
    if (!source.provider)
      return {nullptr, "its source " + source.why};
    return assumedRole(profile, source.provider, origin);
  }

  Attempt ecsRole(const Value &profile, const std::string &origin) {
    return instanceRoleAttempt(options_, textOf(profile, "ram_role_name"), origin);
  }

  Attempt oidcRole(const Value &profile, const std::string &origin) {
    OidcRoleSettings role;
    role.roleArn = textOf(profile, "ram_role_arn");
    role.providerArn = textOf(profile, "oidc_provider_arn");
    role.tokenFile = textOf(profile, "oidc_token_file");
    for (auto [value, key] : {std::pair{&role.roleArn, "ram_role_arn"}, {&role.providerArn, "oidc_provider_arn"},
                              {&role.tokenFile, "oidc_token_file"}})
      if (value->empty())
        return {nullptr, std::string("mode OIDC without ") + key};
    role.sessionName = sessionName(profile);
    role.durationSeconds = duration(profile);
    role.origin = origin;
    role.sts = stsAccessOf(options_);
    return {oidcRoleCredentials(std::move(role)), ""};
  }

  Attempt credentialsUri(const Value &profile, const std::string &origin) {
    std::string uri = textOf(profile, "credentials_uri");
    if (uri.empty())
      return {nullptr, "mode CredentialsURI without credentials_uri"};
    return uriAttempt(options_, std::move(uri), origin, "credentials_uri");
  }

  const Value &config_;
  const ChainOptions &options_;
  std::set<std::string> visiting_;
};

} // namespace

Attempt fromCliConfig(const ChainOptions &options) {
  std::string ignore = options.environment("ALIBABA_CLOUD_IGNORE_PROFILE").value_or("");
  if (ignore == "TRUE" || ignore == "true")
    return {nullptr, "skipped: ALIBABA_CLOUD_IGNORE_PROFILE is set"};
  std::string home = homeOf(options);
  if (home.empty())
    return {nullptr, "no home folder (HOME is not set)"};
  std::ifstream file(home + "/.aliyun/config.json", std::ios::binary);
  if (!file)
    return {nullptr, "no such file"};
  std::ostringstream text;
  text << file.rdbuf();
  runtime::JsonParseError error;
  std::optional<Value> config = runtime::parseJson(text.str(), &error);
  if (!config || !config->isMap())
    return {nullptr, "not a JSON object (" + error.message + ")"};
  std::string name = namedProfile(options);
  if (name.empty())
    name = textOf(*config, "current");
  if (name.empty())
    name = "default";
  return ProfileReader(*config, options).read(name);
}

} // namespace oosc::openapi
