#include "MetadataCredentials.h"

#include "oosc/openapi/Endpoints.h"

namespace oosc::openapi {

namespace {

using runtime::Outcome;
using runtime::Value;

/// The body of a 200 answer to \p request, or why there is none.
Outcome<std::string> fetchText(Transport &transport, const HttpRequest &request, const std::string &what) {
  auto response = transport.send(request);
  if (!response)
    return runtime::fail(what + ": " + response.error().message);
  if (response.value().status != 200)
    return runtime::fail(what + ": HTTP " + std::to_string(response.value().status));
  return response.value().body;
}

Outcome<TemporaryKey> keyInJson(const std::string &body, const std::string &what) {
  std::optional<Value> answer = runtime::parseJson(body);
  if (!answer || !answer->isMap())
    return runtime::fail(what + " answered something that is not a JSON object");
  // The metadata service says Code "Success"; a credentials URI may leave it out.
  if (const Value *code = answer->find("Code"); code && code->isString() && code->getString() != "Success")
    return runtime::fail(what + " answered Code " + code->getString());
  return temporaryKeyIn(*answer, "", what);
}

/// An IMDSv2 session token, or "" where the service gives none and plain
/// (IMDSv1) requests are allowed.
Outcome<std::string> metadataToken(const EcsRoleSettings &settings) {
  HttpRequest request;
  request.method = "PUT";
  request.url = settings.metadataUrl + "/latest/api/token";
  request.headers.push_back({"X-aliyun-ecs-metadata-token-ttl-seconds", "21600"});
  auto token = fetchText(*settings.transport, request, "the ECS metadata service's session token");
  if (token)
    return token;
  if (settings.imdsV1Disabled)
    return token.error();
  return std::string();
}

Outcome<TemporaryKey> fetchEcsRoleKey(const EcsRoleSettings &settings) {
  auto token = metadataToken(settings);
  if (!token)
    return token.error();
  HttpRequest request;
  request.method = "GET";
  if (!token.value().empty())
    request.headers.push_back({"X-aliyun-ecs-metadata-token", token.value()});
  std::string base = settings.metadataUrl + "/latest/meta-data/ram/security-credentials/";
  std::string role = settings.roleName;
  if (role.empty()) {
    request.url = base;
    auto named = fetchText(*settings.transport, request, "the ECS metadata service's role name");
    if (!named)
      return named.error();
    role = named.value();
    while (!role.empty() && (role.back() == '\n' || role.back() == '\r' || role.back() == ' '))
      role.pop_back();
    if (role.empty())
      return runtime::fail("the ECS metadata service names no RAM role: the instance has none attached");
  }
  request.url = base + role;
  std::string what = "the ECS metadata service (role " + role + ")";
  auto body = fetchText(*settings.transport, request, what);
  if (!body)
    return body.error();
  return keyInJson(body.value(), what);
}

/// Whether \p url (a base and a path) may be called: https, or plain http
/// to loopback only.
bool usableUrl(const std::string &url, std::string &why) {
  std::size_t scheme = url.find("://");
  std::size_t path = scheme == std::string::npos ? std::string::npos : url.find('/', scheme + 3);
  return parseEndpointUrl(std::string_view(url).substr(0, path), why).has_value();
}

} // namespace

std::shared_ptr<CredentialsProvider> ecsRoleCredentials(EcsRoleSettings settings) {
  std::string description =
      settings.origin + ", the ECS instance's RAM role" +
      (settings.roleName.empty() ? std::string() : " " + settings.roleName) + " (metadata service " +
      settings.metadataUrl + ")";
  std::function<std::time_t()> now = settings.now;
  return temporaryCredentials([settings = std::move(settings)] { return fetchEcsRoleKey(settings); },
                              std::move(description), std::move(now));
}

std::shared_ptr<CredentialsProvider> uriCredentials(UriSettings settings, std::string &why) {
  if (!usableUrl(settings.uri, why))
    return nullptr;
  // A URI may carry a token in its query: it is shown without it.
  std::string shown = settings.uri.substr(0, settings.uri.find('?'));
  std::string description = settings.origin + " (" + shown + ")";
  std::function<std::time_t()> now = settings.now;
  auto fetch = [settings = std::move(settings), shown]() -> Outcome<TemporaryKey> {
    HttpRequest request;
    request.method = "GET";
    request.url = settings.uri;
    std::string what = "the credentials URI " + shown;
    auto body = fetchText(*settings.transport, request, what);
    if (!body)
      return body.error();
    return keyInJson(body.value(), what);
  };
  return temporaryCredentials(std::move(fetch), std::move(description), std::move(now));
}

} // namespace oosc::openapi
