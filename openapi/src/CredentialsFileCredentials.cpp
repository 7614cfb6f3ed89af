// The SDKs' shared credentials file, ~/.alibabacloud/credentials (or
// ALIBABA_CLOUD_CREDENTIALS_FILE): INI sections named after profiles, each
// with a `type` (access_key, ram_role_arn, oidc_role_arn, ecs_ram_role,
// credentials_uri) and that type's keys.
#include "AssumeRoleCredentials.h"
#include "CredentialSources.h"

#include <fstream>
#include <map>

namespace oosc::openapi {

namespace {

using Section = std::map<std::string, std::string>;

std::string trimmed(const std::string &text) {
  std::size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos)
    return "";
  return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

/// The section \p wanted of an INI file: `[name]` headers, `key = value`
/// lines, `#` and `;` comments.
std::optional<Section> readSection(std::istream &in, const std::string &wanted) {
  std::optional<Section> found;
  bool inside = false;
  std::string line;
  while (std::getline(in, line)) {
    line = trimmed(line);
    if (line.empty() || line[0] == '#' || line[0] == ';')
      continue;
    if (line.front() == '[' && line.back() == ']') {
      inside = trimmed(line.substr(1, line.size() - 2)) == wanted;
      if (inside && !found)
        found.emplace();
      continue;
    }
    std::size_t equals = line.find('=');
    if (inside && equals != std::string::npos)
      (*found)[trimmed(line.substr(0, equals))] = trimmed(line.substr(equals + 1));
  }
  return found;
}

std::string valueOf(const Section &section, const std::string &key) {
  auto found = section.find(key);
  return found == section.end() ? "" : found->second;
}

/// Why \p section lacks one of \p keys, or "".
std::string missingKey(const Section &section, std::initializer_list<const char *> keys) {
  for (const char *key : keys)
    if (valueOf(section, key).empty())
      return std::string("type ") + valueOf(section, "type") + " without " + key;
  return "";
}

Attempt fromSection(const Section &section, const std::string &origin, const ChainOptions &options) {
  std::string type = valueOf(section, "type");
  Credentials key{valueOf(section, "access_key_id"), valueOf(section, "access_key_secret"), ""};
  if (type == "access_key") {
    if (std::string why = missingKey(section, {"access_key_id", "access_key_secret"}); !why.empty())
      return {nullptr, why};
    return {fixedCredentials(key, origin), ""};
  }
  if (type == "ram_role_arn") {
    if (std::string why = missingKey(section, {"access_key_id", "access_key_secret", "role_arn"}); !why.empty())
      return {nullptr, why};
    AssumeRoleSettings role;
    role.source = fixedCredentials(key, origin);
    role.roleArn = valueOf(section, "role_arn");
    if (std::string name = valueOf(section, "role_session_name"); !name.empty())
      role.sessionName = name;
    role.origin = origin;
    role.sts = stsAccessOf(options);
    return {assumeRoleCredentials(std::move(role)), ""};
  }
  if (type == "oidc_role_arn") {
    if (std::string why = missingKey(section, {"role_arn", "oidc_provider_arn", "oidc_token_file_path"});
        !why.empty())
      return {nullptr, why};
    OidcRoleSettings role;
    role.roleArn = valueOf(section, "role_arn");
    role.providerArn = valueOf(section, "oidc_provider_arn");
    role.tokenFile = valueOf(section, "oidc_token_file_path");
    if (std::string name = valueOf(section, "role_session_name"); !name.empty())
      role.sessionName = name;
    role.origin = origin;
    role.sts = stsAccessOf(options);
    return {oidcRoleCredentials(std::move(role)), ""};
  }
  if (type == "ecs_ram_role")
    return instanceRoleAttempt(options, valueOf(section, "role_name"), origin);
  if (type == "credentials_uri") {
    if (std::string why = missingKey(section, {"credentials_uri"}); !why.empty())
      return {nullptr, why};
    return uriAttempt(options, valueOf(section, "credentials_uri"), origin, "credentials_uri");
  }
  return {nullptr, "type " + (type.empty() ? std::string("(none)") : type) +
                       " is not supported (access_key, ram_role_arn, oidc_role_arn, ecs_ram_role and "
                       "credentials_uri are)"};
}

} // namespace

Attempt fromCredentialsFile(const ChainOptions &options) {
  std::string path = options.environment("ALIBABA_CLOUD_CREDENTIALS_FILE").value_or("");
  std::string shown = path;
  if (path.empty()) {
    std::string home = homeOf(options);
    if (home.empty())
      return {nullptr, "no home folder (HOME is not set)"};
    path = home + "/.alibabacloud/credentials";
    shown = "~/.alibabacloud/credentials";
  }
  std::ifstream file(path);
  if (!file)
    return {nullptr, "no such file"};
  std::string name = namedProfile(options);
  if (name.empty())
    name = "default";
  std::optional<Section> section = readSection(file, name);
  if (!section)
    return {nullptr, "no section [" + name + "]"};
  if (std::string enable = valueOf(*section, "enable"); enable == "false" || enable == "0")
    return {nullptr, "section [" + name + "] has enable = " + enable};
  Attempt attempt = fromSection(*section, shown + " [" + name + "]", options);
  if (!attempt.provider)
    attempt.why = "section [" + name + "]: " + attempt.why;
  return attempt;
}

} // namespace oosc::openapi
