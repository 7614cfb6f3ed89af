#include "StsModel.h"

#include "ModelCalls.h"
#include "OidcToken.h"

#include "oosc/openapi/HttpText.h"

#include <cstdio>
#include <random>

namespace oosc::simserve {

namespace {

using runtime::ApiError;
using runtime::Value;

std::string randomText(std::size_t length) {
  thread_local std::mt19937_64 random{std::random_device{}()};
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string text;
  for (std::size_t i = 0; i < length; ++i)
    text += kAlphabet[random() % (sizeof kAlphabet - 1)];
  return text;
}

} // namespace

std::optional<std::string> StsModel::secretOf(const std::string &accessKeyId, std::time_t now) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = issued_.find(accessKeyId);
  if (found == issued_.end())
    return std::nullopt;
  return found->second.secret;
}

std::optional<ApiError> StsModel::checkToken(const openapi::SignedCall &call, std::time_t now) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = issued_.find(call.accessKeyId);
  if (found == issued_.end())
    return std::nullopt; // a permanent key
  if (call.securityToken.empty())
    return modelError(400, "MissingSecurityToken", "The security token is required for an STS AccessKey.");
  if (call.securityToken != found->second.token)
    return modelError(400, "InvalidSecurityToken.Mismatch", "Specified SecurityToken mismatch with the AccessKey.");
  if (now >= found->second.expires)
    return modelError(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");
  return std::nullopt;
}

runtime::Outcome<Value, ApiError> StsModel::call(const openapi::SignedCall &call, std::time_t now) {
  if (call.action == "AssumeRole")
    return assumeRole(call, now);
  if (call.action == "AssumeRoleWithOIDC")
    return assumeRoleWithOidc(call, now);
  if (call.action == "GetCallerIdentity")
    return callerIdentity(call);
  return modelError(404, "InvalidApi.NotFound",
                  "The simulated STS has no API \"" + call.action + "\" (AssumeRole, AssumeRoleWithOIDC and GetCallerIdentity only).");
}

runtime::Outcome<Value, ApiError> StsModel::issue(const openapi::SignedCall &call, std::time_t now) {
  std::string roleArn = parameterOf(call, "RoleArn"), session = parameterOf(call, "RoleSessionName");
  if (roleArn.empty() || session.empty())
    return modelError(400, "MissingParameter",
                    std::string("The input parameter \"") + (roleArn.empty() ? "RoleArn" : "RoleSessionName") +
                        "\" that is mandatory for processing this request is not supplied.");
  long duration = 3600;
  if (std::string text = parameterOf(call, "DurationSeconds"); !text.empty()) {
    char *end = nullptr;
    duration = std::strtol(text.c_str(), &end, 10);
    if (*end != '\0' || duration < 900 || duration > 43200)
      return modelError(400, "InvalidParameter.DurationSeconds",
                      "The DurationSeconds must be between 900 and 43200 seconds.");
  }
  Temporary issued{randomText(30), "CAIS" + randomText(120), roleArn, session, now + duration};
  std::string keyId;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    // Keys a day past their expiry are forgotten (until then a call with
    // one is told it expired): a long-running server does not keep every
    // key it ever gave out.
    for (auto it = issued_.begin(); it != issued_.end();)
      it = it->second.expires + 86400 <= now ? issued_.erase(it) : std::next(it);
    char serial[24];
    std::snprintf(serial, sizeof serial, "%012llu", static_cast<unsigned long long>(++serial_));
    keyId = "STS.NS" + randomText(10) + serial;
    issued_[keyId] = issued;
  }
  std::string role = roleArn.substr(roleArn.rfind('/') + 1);
  return Value(Value::Map{
      {"AssumedRoleUser", Value(Value::Map{{"Arn", "acs:ram::" + std::string(kAccountId) + ":assumed-role/" + role + "/" + session},
                                           {"AssumedRoleId", "300000000000000000:" + session}})},
      {"Credentials", Value(Value::Map{{"AccessKeyId", keyId},
                                       {"AccessKeySecret", issued.secret},
                                       {"SecurityToken", issued.token},
                                       {"Expiration", openapi::isoTime(issued.expires)}})},
      {"SourceIdentity", ""}});
}

runtime::Outcome<Value, ApiError> StsModel::assumeRole(const openapi::SignedCall &call, std::time_t now) {
  return issue(call, now);
}

runtime::Outcome<Value, ApiError> StsModel::assumeRoleWithOidc(const openapi::SignedCall &call, std::time_t now) {
  std::string why;
  std::optional<OidcClaims> claims = readOidcToken(parameterOf(call, "OIDCToken"), why);
  if (!claims)
    return modelError(401, "AuthenticationFail.OIDCToken.Invalid", why);
  if (claims->expires != 0 && claims->expires <= now)
    return modelError(401, "AuthenticationFail.OIDCToken.Expired", "This JsonWebToken is expired.");
  // Providers of the simulated account only.
  std::string provider = parameterOf(call, "OIDCProviderArn");
  if (provider.rfind("acs:ram::" + std::string(kAccountId) + ":oidc-provider/", 0) != 0)
    return modelError(401, "AuthenticationFail.NoPermission", "No such OIDC Provider registered.");
  auto answer = issue(call, now);
  if (!answer)
    return answer;
  auto time = [](long long seconds) { return seconds ? openapi::isoTime(static_cast<std::time_t>(seconds)) : ""; };
  answer.value().getMap().emplace_back(
      "OIDCTokenInfo", Value(Value::Map{{"ClientIds", claims->audience},
                                        {"ExpirationTime", time(claims->expires)},
                                        {"IssuanceTime", time(claims->issuedAt)},
                                        {"Issuer", claims->issuer},
                                        {"Subject", claims->subject},
                                        {"VerificationInfo", "Success: the simulator reads the token's claims "
                                                             "and does not check its signature"}}));
  return answer;
}

Value StsModel::callerIdentity(const openapi::SignedCall &call) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto found = issued_.find(call.accessKeyId);
  std::string account = kAccountId;
  if (found != issued_.end()) {
    std::string role = found->second.roleArn.substr(found->second.roleArn.rfind('/') + 1);
    return Value(Value::Map{{"AccountId", account},
                            {"Arn", "acs:ram::" + account + ":assumed-role/" + role + "/" + found->second.sessionName},
                            {"IdentityType", "AssumedRoleUser"},
                            {"PrincipalId", "300000000000000000:" + found->second.sessionName},
                            {"RoleId", "300000000000000000"},
                            {"UserId", ""}});
  }
  return Value(Value::Map{{"AccountId", account},
                          {"Arn", "acs:ram::" + account + ":user/oosc-simulator"},
                          {"IdentityType", "RAMUser"},
                          {"PrincipalId", "200000000000000000"},
                          {"RoleId", ""},
                          {"UserId", "200000000000000000"}});
}

} // namespace oosc::simserve
