#include "AssumeRoleCredentials.h"

#include "oosc/openapi/Credentials.h"
#include "oosc/runtime/Value.h"

#include <fstream>
#include <sstream>

namespace oosc::openapi {

namespace {

using runtime::Outcome;
using runtime::Value;

/// What one place of the chain gave: a provider, or why it gave none.
struct Attempt {
  std::shared_ptr<CredentialsProvider> provider;
  std::string why; ///< when no provider: "not set", "no such file", ...
};

std::string textOf(const Value &record, std::string_view key) {
  const Value *member = record.find(key);
  return member && member->isString() ? member->getString() : std::string();
}

std::string homeOf(const ChainOptions &options) {
  if (!options.homeDirectory.empty())
    return options.homeDirectory;
  std::optional<std::string> home = options.environment("HOME");
  return home ? *home : std::string();
}

/// The profile record the options pick in config.json, or why there is none.
Outcome<Value> pickProfile(const Value &config, const ChainOptions &options, std::string &name) {
  name = options.profile;
  if (name.empty())
    name = options.environment("ALIBABA_CLOUD_PROFILE").value_or("");
  if (name.empty())
    name = textOf(config, "current");
  if (name.empty())
    name = "default";
  if (const Value *profiles = config.find("profiles"); profiles && profiles->isList())
    for (const Value &profile : profiles->getList())
      if (profile.isMap() && textOf(profile, "name") == name)
        return profile;
  return runtime::fail("no profile '" + name + "'");
}

Attempt fromProfile(const Value &profile, const std::string &origin, const ChainOptions &options) {
  std::string mode = textOf(profile, "mode");
  Credentials key{textOf(profile, "access_key_id"), textOf(profile, "access_key_secret"), ""};
  if (mode == "AK" || mode == "StsToken" || mode == "RamRoleArn") {
    if (key.accessKeyId.empty() || key.accessKeySecret.empty())
      return {nullptr, "mode " + mode + " without access_key_id and access_key_secret"};
  }
  if (mode == "AK")
    return {fixedCredentials(key, origin), ""};
  if (mode == "StsToken") {
    key.securityToken = textOf(profile, "sts_token");
    if (key.securityToken.empty())
      return {nullptr, "mode StsToken without sts_token"};
    return {fixedCredentials(key, origin), ""};
  }
  if (mode == "RamRoleArn") {
    AssumeRoleSettings role;
    role.source = fixedCredentials(key, origin);
    role.roleArn = textOf(profile, "ram_role_arn");
    if (role.roleArn.empty())
      return {nullptr, "mode RamRoleArn without ram_role_arn"};
    role.sessionName = textOf(profile, "ram_session_name");
    if (role.sessionName.empty())
      role.sessionName = "oosc";
    if (const Value *seconds = profile.find("expired_seconds"); seconds && seconds->isInteger() &&
                                                                seconds->getInteger() >= 900)
      role.durationSeconds = static_cast<long>(seconds->getInteger());
    role.stsEndpoint = options.stsEndpoint;
    role.origin = origin;
    role.transport = options.transport;
    role.now = options.now;
    return {assumeRoleCredentials(std::move(role)), ""};
  }
  return {nullptr, "mode " + (mode.empty() ? std::string("(none)") : mode) +
                       " is not supported yet (AK, StsToken and RamRoleArn are)"};
}

Attempt fromConfigFile(const ChainOptions &options) {
  std::string home = homeOf(options);
  if (home.empty())
    return {nullptr, "no home folder (HOME is not set)"};
  std::string path = home + "/.aliyun/config.json";
  std::ifstream file(path, std::ios::binary);
  if (!file)
    return {nullptr, "no such file"};
  std::ostringstream text;
  text << file.rdbuf();
  runtime::JsonParseError error;
  std::optional<Value> config = runtime::parseJson(text.str(), &error);
  if (!config || !config->isMap())
    return {nullptr, "not a JSON object (" + error.message + ")"};
  std::string name;
  Outcome<Value> profile = pickProfile(*config, options, name);
  if (!profile)
    return {nullptr, profile.error().message};
  Attempt attempt = fromProfile(profile.value(), "~/.aliyun/config.json profile '" + name + "'", options);
  if (!attempt.provider)
    attempt.why = "profile '" + name + "': " + attempt.why;
  return attempt;
}

} // namespace

Outcome<std::shared_ptr<CredentialsProvider>> defaultCredentialChain(const ChainOptions &options) {
  // A profile asked for by name is what the person wants, over the
  // environment (as the SDKs do).
  std::string looked;
  if (options.profile.empty()) {
    if (auto environment = environmentCredentials(options.environment))
      return environment;
    looked = "the environment (ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET: not set); ";
  }
  Attempt config = fromConfigFile(options);
  if (config.provider)
    return config.provider;
  looked += "~/.aliyun/config.json (" + config.why + ")";
  return runtime::fail("found no credentials; looked at: " + looked);
}

} // namespace oosc::openapi
