#include "OpenApiFront.h"

#include "oosc/apis/PathPattern.h"
#include "oosc/openapi/HttpText.h"

#include <cctype>
#include <cstdio>
#include <random>

namespace oosc::simserve {

namespace {

using runtime::Value;

void appendEscaped(std::string &out, std::string_view text) {
  for (char c : text) {
    switch (c) {
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '&': out += "&amp;"; break;
    case '"': out += "&quot;"; break;
    default: out += c;
    }
  }
}

void appendXml(std::string &out, const Value &value, const std::string &name) {
  if (value.isList()) {
    for (const Value &item : value.getList())
      appendXml(out, item, name);
    return;
  }
  out += "<" + name + ">";
  if (value.isMap())
    for (const auto &[key, member] : value.getMap())
      appendXml(out, member, key);
  else if (!value.isNull())
    appendEscaped(out, value.toDisplayString());
  out += "</" + name + ">";
}

/// The first label of a host, up to `.` or `-`: `ecs-cn-hangzhou...` is ecs.
std::string productCodeOfHost(std::string_view host) {
  if (host.find(".aliyuncs.com") == std::string_view::npos)
    return "";
  std::size_t end = host.find_first_of(".-");
  return std::string(host.substr(0, end));
}

} // namespace

std::string toXml(const Value &value, const std::string &root) {
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
  appendXml(out, value, root);
  return out;
}

OpenApiFront::OpenApiFront(runtime::CloudBackend &cloud, FrontOptions options)
    : cloud_(cloud), options_(std::move(options)), templates_(options_.templateFolders) {
  if (!options_.now)
    options_.now = [] { return std::time(nullptr); };
  for (const AccessKey &key : options_.keys)
    secrets_[key.id] = key.secret;
}

std::string OpenApiFront::newRequestId() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  std::uint64_t serial;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    serial = ++requests_;
  }
  char text[48];
  std::snprintf(text, sizeof text, "%08llX-SIM-%012llX", static_cast<unsigned long long>(random() >> 32),
                static_cast<unsigned long long>(serial));
  return text;
}

OutgoingResponse OpenApiFront::errorResponse(int status, const std::string &code, const std::string &message,
                                             bool xml) {
  Value body(Value::Map{{"RequestId", newRequestId()},
                        {"HostId", "oosc-sim.aliyuncs.com"},
                        {"Code", code},
                        {"Message", message},
                        {"Recommend", "https://api.aliyun.com/troubleshoot?q=" + code}});
  if (xml)
    return {status, "text/xml;charset=utf-8", toXml(body, "Error")};
  return {status, "application/json;charset=utf-8", body.toJson()};
}

namespace {

/// Whether \p request's body is a form (RPC's parameters), not a JSON body.
bool hasFormBody(const IncomingRequest &request) {
  return request.header("Content-Type").find("application/x-www-form-urlencoded") != std::string::npos;
}

/// A restful call's path parameters (`/clusters/[ClusterId]`) and its JSON
/// body (`body`), as the API table names them: the simulator takes them as
/// parameters, as it does from a runner.
void addRestfulParts(const apis::ApiSpec &api, const IncomingRequest &request, Value::Map &parameters) {
  if (api.pathPattern.empty())
    return;
  if (auto values = apis::matchPath(request.target, api.pathPattern))
    for (auto &[name, value] : *values)
      parameters.emplace_back(name, Value(value));
  if (!request.body.empty() && !hasFormBody(request))
    parameters.emplace_back("body", Value(request.body));
}

} // namespace

openapi::ReceivedRequest OpenApiFront::decode(const IncomingRequest &request) const {
  openapi::ReceivedRequest received;
  received.method = request.method;
  std::size_t question = request.target.find('?');
  received.path = request.target.substr(0, question);
  if (question != std::string::npos)
    received.query = openapi::decodeQuery(std::string_view(request.target).substr(question + 1), false);
  received.headers = request.headers;
  received.body = request.body;
  if (hasFormBody(request))
    received.form = openapi::decodeQuery(request.body, true);
  return received;
}

std::optional<OpenApiFront::Refused> OpenApiFront::checkFreshness(const openapi::SignedCall &call) {
  if (call.timestamp.empty())
    return Refused{400, "MissingParameter",
                   call.signatureVersion == 1 ? "The input parameter \"Timestamp\" that is mandatory for processing "
                                                "this request is not supplied."
                                              : "The header \"x-acs-date\" that is mandatory is not supplied."};
  std::optional<std::time_t> when = openapi::parseIsoTime(call.timestamp);
  std::time_t now = options_.now();
  if (!when)
    return Refused{400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted."};
  if (*when < now - options_.maxClockSkewSeconds || *when > now + options_.maxClockSkewSeconds)
    return Refused{400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired."};
  if (call.signatureVersion == 0) // nothing signed, nothing to replay
    return std::nullopt;
  if (call.nonce.empty())
    return Refused{400, "MissingParameter", "The signature nonce that is mandatory is not supplied."};
  std::lock_guard<std::mutex> lock(mutex_);
  while (!nonceOrder_.empty() && nonceOrder_.front().first < now - options_.maxClockSkewSeconds) {
    nonces_.erase(nonceOrder_.front().second);
    nonceOrder_.pop_front();
  }
  std::string key = call.accessKeyId + "/" + call.nonce;
  if (!nonces_.insert(key).second)
    return Refused{400, "SignatureNonceUsed", "Specified signature nonce was used already."};
  nonceOrder_.emplace_back(now, std::move(key));
  return std::nullopt;
}

std::optional<OpenApiFront::Refused> OpenApiFront::checkPermission(const apis::ProductRecord &product,
                                                                  const openapi::SignedCall &call) const {
  if (!options_.deniedActions.empty()) {
    std::string action = openapi::lowerCase(product.code) + ":" + call.action;
    for (const std::string &denied : options_.deniedActions)
      if (openapi::equalsIgnoringCase(denied, action))
        return Refused{403, "Forbidden.RAM",
                       "User not authorized to operate on the specified resource, or this API doesn't support RAM."};
  }
  // An API that takes DryRun checks the request and changes nothing.
  const apis::ApiSpec *spec = options_.table->findApi(product, call.action);
  if (spec && spec->findParameter("DryRun"))
    for (const openapi::Field &field : call.parameters)
      if (field.name == "DryRun" && openapi::equalsIgnoringCase(field.value, "true"))
        return Refused{400, "DryRunOperation", "Request validation has been passed with DryRun flag set."};
  return std::nullopt;
}

const apis::ProductRecord *OpenApiFront::productOf(const IncomingRequest &request,
                                                   const openapi::SignedCall &call) const {
  if (!options_.table)
    return nullptr;
  std::string code = productCodeOfHost(request.header("Host"));
  if (!code.empty())
    if (const apis::ProductRecord *product = options_.table->findService(code))
      return product;
  // Loopback: the product whose version is the request's and that has the API.
  for (std::size_t i = 0; i < options_.table->productCount(); ++i) {
    const apis::ProductRecord &product = options_.table->product(i);
    if (product.version == call.version && options_.table->findApi(product, call.action))
      return &product;
  }
  return nullptr;
}

OutgoingResponse OpenApiFront::handle(const IncomingRequest &request) {
  ++handled_;
  openapi::ReceivedRequest received = decode(request);
  bool xml = openapi::equalsIgnoringCase(received.param("Format"), "XML");
  std::time_t now = options_.now();
  // STS's AssumeRoleWithOIDC comes unsigned: the OIDC token is the proof.
  std::optional<openapi::SignedCall> open = openapi::unsignedCall(received);
  openapi::VerifyResult verified;
  if (open && StsModel::takesUnsigned(open->action))
    verified.call = std::move(open);
  else
    verified = openapi::verifySignature(received, [&](const std::string &id) -> std::optional<std::string> {
      auto found = secrets_.find(id);
      return found == secrets_.end() ? sts_.secretOf(id, now) : std::optional<std::string>(found->second);
    });
  if (!verified.call)
    return errorResponse(verified.refusal.httpStatus, verified.refusal.code, verified.refusal.message, xml);
  const openapi::SignedCall &call = *verified.call;
  if (call.action.empty() || call.version.empty())
    return errorResponse(400, "MissingParameter",
                         std::string("The input parameter \"") + (call.action.empty() ? "Action" : "Version") +
                             "\" that is mandatory for processing this request is not supplied.",
                         xml);
  if (std::optional<Refused> stale = checkFreshness(call))
    return errorResponse(stale->status, stale->code, stale->message, xml);
  if (std::optional<runtime::ApiError> token = sts_.checkToken(call, now))
    return errorResponse(token->httpStatus, token->code, token->message, xml);
  const apis::ProductRecord *product = productOf(request, call);
  // A product named by the Host header that has no such API: as the gateway.
  if (!product || !options_.table->findApi(*product, call.action))
    return errorResponse(404, "InvalidAction.NotFound",
                         "Specified api is not found, please check your url and method.", xml);

  bool ownModel = openapi::equalsIgnoringCase(product->code, "Sts") ||
                  (openapi::equalsIgnoringCase(product->code, "Oos") && templates_.serves(call.action));
  if (ownModel) {
    auto answer = openapi::equalsIgnoringCase(product->code, "Sts") ? sts_.call(call, now) : templates_.call(call);
    if (!answer)
      return errorResponse(answer.error().httpStatus, answer.error().code, answer.error().message, xml);
    answer.value().getMap().insert(answer.value().getMap().begin(), {"RequestId", Value(newRequestId())});
    if (xml)
      return {200, "text/xml;charset=utf-8", toXml(answer.value(), call.action + "Response")};
    return {200, "application/json;charset=utf-8", answer.value().toJson()};
  }

  if (std::optional<Refused> refused = checkPermission(*product, call))
    return errorResponse(refused->status, refused->code, refused->message, xml);
  Value::Map parameters;
  for (const openapi::Field &field : call.parameters)
    parameters.emplace_back(field.name, Value(field.value));
  addRestfulParts(*options_.table->findApi(*product, call.action), request, parameters);
  auto answer = cloud_.call(product->code, call.action, Value(std::move(parameters)));
  // An API of the table that the simulator does not serve keeps the
  // simulator's own answer (InvalidApi.NotFound, naming it): it exists.
  if (!answer)
    return errorResponse(answer.error().httpStatus, answer.error().code, answer.error().message, xml);
  if (xml)
    return {200, "text/xml;charset=utf-8", toXml(answer.value(), call.action + "Response")};
  // An API whose answer is text (ACK's attach script) answers the text the
  // simulator hands templates as `data`, as the real endpoint does.
  if (const apis::Shape *shape = options_.table->answerShape(*product, call.action);
      shape && shape->kind == apis::Shape::Kind::String)
    if (const Value *data = answer.value().find("data"); data && data->isString())
      return {200, "text/plain;charset=utf-8", data->getString()};
  return {200, "application/json;charset=utf-8", answer.value().toJson()};
}

} // namespace oosc::simserve
