#include "oosc/openapi/AliyunCloud.h"

#include "oosc/openapi/HttpText.h"
#include "oosc/openapi/RequestEncoding.h"
#include "oosc/openapi/Signing.h"
#include "oosc/runtime/RestfulParts.h"

#include <algorithm>
#include <cctype>
#include <random>
#include <thread>

namespace oosc::openapi {

namespace {

using runtime::ApiError;
using runtime::Outcome;
using runtime::Value;

std::string randomNonce() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string nonce;
  for (int half = 0; half < 2; ++half) {
    std::uint64_t bits = random();
    for (int i = 0; i < 16; ++i, bits >>= 4)
      nonce += kDigits[bits & 0xF];
  }
  return nonce;
}

std::string formBody(const Fields &fields) {
  std::string body;
  for (const Field &field : fields) {
    if (!body.empty())
      body += '&';
    body += percentEncode(field.name) + "=" + percentEncode(field.value);
  }
  return body;
}

ApiError clientError(std::string code, std::string message) {
  ApiError error;
  error.code = std::move(code);
  error.message = std::move(message);
  error.httpStatus = 0;
  return error;
}

/// What the endpoint answered: the JSON object, or the error it
/// describes. A success that is not a JSON object (ACK's attach script,
/// a function's output) reaches templates as `{"data": ...}`, as OOS hands
/// it over (Alibaba's ACS::FC::InvokeFunction selects `data`); an empty
/// one as `{}`.
Outcome<Value, ApiError> readAnswer(const HttpResponse &response) {
  std::optional<Value> body = runtime::parseJson(response.body);
  bool success = response.status >= 200 && response.status < 300;
  if (success && body && body->isMap())
    return *body;
  if (success && response.body.find_first_not_of(" \t\r\n") == std::string::npos)
    return Value(Value::Map{});
  if (success)
    return Value(Value::Map{{"data", body ? *body : Value(response.body)}});
  ApiError error;
  error.httpStatus = static_cast<int>(response.status);
  if (body && body->isMap()) {
    auto text = [&](std::string_view name) {
      const Value *member = body->find(name);
      return member ? member->toDisplayString() : std::string();
    };
    error.code = text("Code");
    error.message = text("Message");
    error.requestId = text("RequestId");
  }
  if (error.code.empty()) {
    error.code = "HTTP" + std::to_string(response.status);
    std::string excerpt = response.body.substr(0, 200);
    error.message =
        "the endpoint answered HTTP " + std::to_string(response.status) + (excerpt.empty() ? "" : ": " + excerpt);
  }
  return error;
}

/// Everything a signature needs besides the request.
struct SigningContext {
  std::string base; ///< scheme and host (and port)
  std::string host;
  std::string action;
  std::string version;
  Credentials credentials;
  std::string nonce;
  std::string timestamp;
};

/// RPC with signature v1: every parameter, the common ones and the
/// signature in the query.
HttpRequest signedV1(const WireRequest &wire, const SigningContext &context) {
  Fields params = wire.query;
  params.insert(params.end(), wire.form.begin(), wire.form.end());
  Fields common = {{"Action", context.action},
                   {"Version", context.version},
                   {"Format", "JSON"},
                   {"AccessKeyId", context.credentials.accessKeyId},
                   {"SignatureMethod", "HMAC-SHA1"},
                   {"SignatureVersion", "1.0"},
                   {"SignatureNonce", context.nonce},
                   {"Timestamp", context.timestamp}};
  if (!context.credentials.securityToken.empty())
    common.push_back({"SecurityToken", context.credentials.securityToken});
  params.insert(params.end(), common.begin(), common.end());
  params.push_back({"Signature", v1::sign(wire.method, params, context.credentials.accessKeySecret)});
  HttpRequest request;
  request.method = wire.method;
  request.url = context.base + "/?" + canonicalQueryString(params);
  request.headers = wire.headers;
  return request;
}

/// An API that takes no signature (STS AssumeRoleWithOIDC: the OIDC token
/// is the proof): the common parameters in the query, the API's own in a
/// form body, as Alibaba's credential libraries send it.
HttpRequest anonymousRpc(const WireRequest &wire, const SigningContext &context) {
  Fields common = {{"Action", context.action},
                   {"Version", context.version},
                   {"Format", "JSON"},
                   {"Timestamp", context.timestamp}};
  Fields params = wire.query;
  params.insert(params.end(), wire.form.begin(), wire.form.end());
  HttpRequest request;
  request.method = "POST";
  request.url = context.base + "/?" + canonicalQueryString(common);
  request.headers = wire.headers;
  request.headers.push_back({"Content-Type", "application/x-www-form-urlencoded"});
  request.body = formBody(params);
  return request;
}

/// Signature v3: the query in the URL, the form or JSON body hashed, the
/// action, version, date and nonce in signed headers.
HttpRequest signedV3(const WireRequest &wire, apis::ApiStyle style, const SigningContext &context) {
  HttpRequest request;
  request.method = wire.method;
  v3::RequestToSign toSign;
  toSign.method = wire.method;
  toSign.canonicalUri = wire.path;
  toSign.query = wire.query;
  if (style == apis::ApiStyle::Restful && !wire.jsonBody.empty()) {
    request.body = wire.jsonBody;
    toSign.headers.push_back({"content-type", "application/json"});
  } else if (!wire.form.empty()) {
    request.body = formBody(wire.form);
    toSign.headers.push_back({"content-type", "application/x-www-form-urlencoded"});
  }
  toSign.payloadHash = sha256Hex(request.body);
  toSign.headers.push_back({"host", context.host});
  toSign.headers.push_back({"x-acs-action", context.action});
  toSign.headers.push_back({"x-acs-version", context.version});
  toSign.headers.push_back({"x-acs-date", context.timestamp});
  toSign.headers.push_back({"x-acs-signature-nonce", context.nonce});
  toSign.headers.push_back({"x-acs-content-sha256", toSign.payloadHash});
  if (!context.credentials.securityToken.empty())
    toSign.headers.push_back({"x-acs-security-token", context.credentials.securityToken});
  std::string query = canonicalQueryString(toSign.query);
  request.url = context.base + wire.path + (query.empty() ? "" : "?" + query);
  request.headers = toSign.headers;
  request.headers.insert(request.headers.end(), wire.headers.begin(), wire.headers.end());
  request.headers.push_back(
      {"Authorization", v3::authorization(toSign, context.credentials.accessKeyId, context.credentials.accessKeySecret)});
  return request;
}

/// OOS fills RegionId itself, with the execution's region, where the API
/// takes one and the template gave none.
Value withRegion(const apis::ApiSpec *spec, const Value &parameters, const std::string &region) {
  if (!spec || !spec->findParameter("RegionId") || (parameters.isMap() && parameters.find("RegionId")))
    return parameters;
  Value filled = parameters.isMap() ? parameters : Value(Value::Map{});
  filled.getMap().emplace_back("RegionId", Value(region));
  return filled;
}

} // namespace

AliyunCloud::AliyunCloud(AliyunCloudOptions options) : options_(std::move(options)) {
  if (!options_.now)
    options_.now = [] { return std::time(nullptr); };
  if (!options_.nonce)
    options_.nonce = randomNonce;
  if (!options_.sleep)
    options_.sleep = [](std::chrono::milliseconds wait) { std::this_thread::sleep_for(wait); };
  if (!options_.random)
    options_.random = [] {
      thread_local std::mt19937_64 random{std::random_device{}()};
      return std::uniform_real_distribution<double>(0.0, 1.0)(random);
    };
}

bool isTransient(const ApiError &error) {
  return error.code.rfind("Throttling", 0) == 0 || error.code == "ServiceUnavailable" || error.httpStatus >= 500 ||
         error.code == "oosc.ConnectionFailed" || error.code == "oosc.ConnectionDropped" ||
         error.code == "oosc.Timeout";
}

bool safeToRepeat(std::string_view api, const Value &parameters, const ApiError &error) {
  if (error.code == "oosc.ConnectionFailed")
    return true;
  for (std::string_view verb : {"Describe", "List", "Get", "Query", "Check", "Search"})
    if (api.rfind(verb, 0) == 0 && api.size() > verb.size() &&
        std::isupper(static_cast<unsigned char>(api[verb.size()])))
      return true;
  return parameters.isMap() && parameters.findCaseInsensitive("ClientToken");
}

Outcome<Value, ApiError> AliyunCloud::call(std::string_view service, std::string_view api, const Value &parameters) {
  return callObserved(service, api, parameters, nullptr);
}

Outcome<Value, ApiError> AliyunCloud::callObserved(std::string_view service, std::string_view api,
                                                   const Value &parameters, const runtime::AttemptObserver &observer) {
  const RetryPolicy &policy = options_.retry;
  for (int attempt = 1;; ++attempt) {
    Outcome<Value, ApiError> answer = callOnce(service, api, parameters);
    if (answer || attempt >= policy.maxAttempts || !isTransient(answer.error()) ||
        !safeToRepeat(api, parameters, answer.error()))
      return answer;
    // Full jitter: anywhere up to the exponential ceiling, so many runners
    // turned away together do not come back together.
    auto ceiling = std::min<std::chrono::milliseconds::rep>(policy.cap.count(),
                                                            policy.base.count() << std::min(attempt - 1, 20));
    std::chrono::milliseconds wait(static_cast<std::chrono::milliseconds::rep>(options_.random() * ceiling));
    if (options_.onRetry)
      options_.onRetry({std::string(api), answer.error().code, attempt, policy.maxAttempts, wait});
    if (observer)
      observer({answer.error().code, answer.error().requestId, attempt, policy.maxAttempts,
                static_cast<long>(wait.count())});
    options_.sleep(wait);
  }
}

std::string AliyunCloud::describe() const {
  std::string endpoint = options_.endpoint ? options_.endpoint->text() : "the API table's endpoints";
  for (const auto &[code, url] : options_.productEndpoints)
    endpoint += ", " + code + " at " + url.text();
  return "Alibaba Cloud, region " + options_.region + ", " + endpoint + ", signature " +
         (options_.signature == SignatureVersion::V1 ? "v1 (HMAC-SHA1) for RPC APIs" : "v3 (ACS3-HMAC-SHA256)") +
         (options_.credentials ? ", credentials from " + options_.credentials->describe() : "");
}

Outcome<Value, ApiError> AliyunCloud::callOnce(std::string_view service, std::string_view api,
                                               const Value &parameters) {
  const apis::ProductRecord *product = options_.table ? options_.table->findService(service, api) : nullptr;
  if (!product)
    return clientError("oosc.UnknownService",
                       "service '" + std::string(service) +
                           "' is not in the API table this runner carries, so its version and endpoint are unknown");
  apis::ApiSpec unknownApi;
  unknownApi.name = api;
  const apis::ApiSpec *spec = options_.table->findApi(*product, api);
  // A restful call's URI and Body, as a template writes them, name its path
  // and body parameters, and may lead to another API than the one named.
  auto reached = runtime::reachedApi(*options_.table, service, *product, spec ? *spec : unknownApi, parameters);
  if (!reached)
    return clientError("oosc.BadRequest", reached.error().message);
  if (spec) {
    product = reached.value().product;
    spec = reached.value().api;
  }
  const Value *method = parameters.isMap() ? parameters.findCaseInsensitive("Method") : nullptr;
  // An API the table lacks still goes out, its parameters as written: the
  // cloud is the judge (the linter has warned).
  WireRequest wire = encodeRequest(spec ? *spec : unknownApi, product->style,
                                   withRegion(spec, reached.value().parameters, options_.region),
                                   method && method->isString() ? method->getString() : "");
  if (!wire.problems.empty())
    return clientError("oosc.BadRequest", wire.problems.front());
  if (!options_.transport || (!options_.credentials && !options_.anonymous))
    return clientError("oosc.NoCredentials", "no credentials or no transport to call the cloud with");
  SigningContext context;
  if (!options_.anonymous) {
    Outcome<Credentials> credentials = options_.credentials->get();
    if (!credentials)
      return clientError("oosc.NoCredentials", credentials.error().message);
    context.credentials = credentials.value();
  }
  auto own = options_.productEndpoints.find(lowerCase(product->code));
  context.base = own != options_.productEndpoints.end() ? own->second.text()
                 : options_.endpoint                   ? options_.endpoint->text()
                                     : "https://" + endpointHost(*product, options_.region, options_.endpointType);
  context.host = context.base.substr(context.base.find("://") + 3);
  context.action = std::string(spec ? spec->name : api);
  context.version = std::string(product->version);
  context.nonce = options_.nonce();
  context.timestamp = isoTime(options_.now());
  if (options_.anonymous && product->style == apis::ApiStyle::Rpc)
    return readOrFail(anonymousRpc(wire, context));
  // v1 exists for RPC APIs only; restful ones are always signed with v3.
  if (options_.signature == SignatureVersion::V1 && product->style == apis::ApiStyle::Rpc)
    return readOrFail(signedV1(wire, context));
  return readOrFail(signedV3(wire, product->style, context));
}

Outcome<Value, ApiError> AliyunCloud::readOrFail(const HttpRequest &request) {
  Outcome<HttpResponse, TransportError> response = options_.transport->send(request);
  if (!response) {
    const TransportError &failure = response.error();
    // ConnectionFailed: nothing reached the endpoint, so any call may be
    // repeated; after a drop or a timeout the call may have taken effect.
    return clientError(failure.beforeSending ? "oosc.ConnectionFailed"
                       : failure.timedOut    ? "oosc.Timeout"
                                             : "oosc.ConnectionDropped",
                       failure.message);
  }
  return readAnswer(response.value());
}

} // namespace oosc::openapi
