#include "oosc/openapi/Verification.h"

#include "oosc/openapi/HttpText.h"

#include <cctype>
#include <set>

namespace oosc::openapi {

namespace {

bool isCommonV1Parameter(const std::string &name) {
  static const std::set<std::string> kCommon = {"Action", "Version", "Format", "AccessKeyId", "Signature",
                                                "SignatureMethod", "SignatureVersion", "SignatureNonce",
                                                "SignatureType", "Timestamp", "SecurityToken"};
  return kCommon.count(name) > 0;
}

Refusal refused(int status, std::string code, std::string message) { return {status, std::move(code), std::move(message)}; }

/// `ACS3-HMAC-SHA256 Credential=ID,SignedHeaders=a;b,Signature=hex` parts.
struct AuthorizationParts {
  std::string credential, signedHeaders, signature;
};

std::optional<AuthorizationParts> parseAuthorization(std::string_view text) {
  std::string prefix = std::string(v3::kAlgorithm) + " ";
  if (text.rfind(prefix, 0) != 0)
    return std::nullopt;
  AuthorizationParts parts;
  std::string_view rest = text.substr(prefix.size());
  while (!rest.empty()) {
    std::size_t comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    std::size_t equals = item.find('=');
    if (equals != std::string_view::npos) {
      std::string_view key = item.substr(0, equals), value = item.substr(equals + 1);
      while (!key.empty() && key.front() == ' ')
        key.remove_prefix(1);
      if (key == "Credential")
        parts.credential = value;
      else if (key == "SignedHeaders")
        parts.signedHeaders = value;
      else if (key == "Signature")
        parts.signature = value;
    }
    if (comma == std::string_view::npos)
      break;
    rest = rest.substr(comma + 1);
  }
  if (parts.credential.empty() || parts.signature.empty())
    return std::nullopt;
  return parts;
}

VerifyResult verifyV3(const ReceivedRequest &request, const AuthorizationParts &auth, const SecretLookup &secrets) {
  VerifyResult result;
  std::optional<std::string> secret = secrets(auth.credential);
  if (!secret) {
    result.refusal = refused(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
    return result;
  }
  // Only the headers the client says it signed, as the gateway reads them.
  std::set<std::string> named;
  for (std::size_t at = 0; at <= auth.signedHeaders.size();) {
    std::size_t end = auth.signedHeaders.find(';', at);
    named.insert(auth.signedHeaders.substr(at, end == std::string::npos ? std::string::npos : end - at));
    if (end == std::string::npos)
      break;
    at = end + 1;
  }
  v3::RequestToSign toCheck;
  toCheck.method = request.method;
  toCheck.canonicalUri = request.path.empty() ? "/" : request.path;
  toCheck.query = request.query;
  for (const Field &header : request.headers) {
    if (named.count(lowerCase(header.name)))
      toCheck.headers.push_back(header);
  }
  toCheck.payloadHash = request.header("x-acs-content-sha256");
  if (toCheck.payloadHash.empty())
    toCheck.payloadHash = sha256Hex(request.body);
  if (toCheck.payloadHash != sha256Hex(request.body)) {
    result.refusal = refused(400, "InvalidParameter.ContentSHA256", "The x-acs-content-sha256 does not match the body.");
    return result;
  }
  std::string expected = v3::signature(v3::stringToSign(v3::canonicalRequest(toCheck)), *secret);
  if (expected != auth.signature || v3::signedHeaders(toCheck.headers) != auth.signedHeaders) {
    result.refusal = refused(400, "SignatureDoesNotMatch",
                             "The request signature does not conform to Aliyun standards.");
    return result;
  }
  SignedCall call;
  call.signatureVersion = 3;
  call.accessKeyId = auth.credential;
  call.securityToken = request.header("x-acs-security-token");
  call.action = request.header("x-acs-action");
  call.version = request.header("x-acs-version");
  call.nonce = request.header("x-acs-signature-nonce");
  call.timestamp = request.header("x-acs-date");
  call.parameters = request.query;
  call.parameters.insert(call.parameters.end(), request.form.begin(), request.form.end());
  result.call = std::move(call);
  return result;
}

VerifyResult verifyV1(const ReceivedRequest &request, const SecretLookup &secrets) {
  VerifyResult result;
  Fields all = request.query;
  all.insert(all.end(), request.form.begin(), request.form.end());
  std::string keyId = request.param("AccessKeyId");
  std::string signature = request.param("Signature");
  if (keyId.empty() || signature.empty()) {
    result.refusal = refused(400, "MissingParameter",
                             std::string("The input parameter \"") + (keyId.empty() ? "AccessKeyId" : "Signature") +
                                 "\" that is mandatory for processing this request is not supplied.");
    return result;
  }
  std::optional<std::string> secret = secrets(keyId);
  if (!secret) {
    result.refusal = refused(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
    return result;
  }
  Fields signedParams;
  for (const Field &field : all)
    if (field.name != "Signature")
      signedParams.push_back(field);
  if (v1::sign(request.method, signedParams, *secret) != signature) {
    result.refusal = refused(400, "SignatureDoesNotMatch",
                             "Specified signature is not matched with our calculation.");
    return result;
  }
  SignedCall call;
  call.signatureVersion = 1;
  call.accessKeyId = keyId;
  call.securityToken = request.param("SecurityToken");
  call.action = request.param("Action");
  call.version = request.param("Version");
  call.nonce = request.param("SignatureNonce");
  call.timestamp = request.param("Timestamp");
  for (const Field &field : all)
    if (!isCommonV1Parameter(field.name))
      call.parameters.push_back(field);
  result.call = std::move(call);
  return result;
}

} // namespace

std::string ReceivedRequest::header(std::string_view name) const {
  for (const Field &field : headers)
    if (equalsIgnoringCase(field.name, name))
      return field.value;
  return "";
}

std::string ReceivedRequest::param(std::string_view name) const {
  for (const Fields *fields : {&query, &form})
    for (const Field &field : *fields)
      if (field.name == name)
        return field.value;
  return "";
}

Fields decodeQuery(std::string_view text, bool plusIsSpace) {
  Fields fields;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find('&', at);
    if (end == std::string_view::npos)
      end = text.size();
    std::string_view item = text.substr(at, end - at);
    if (!item.empty()) {
      std::size_t equals = item.find('=');
      fields.push_back({percentDecode(item.substr(0, equals), plusIsSpace),
                        equals == std::string_view::npos ? "" : percentDecode(item.substr(equals + 1), plusIsSpace)});
    }
    at = end + 1;
  }
  return fields;
}

std::optional<SignedCall> unsignedCall(const ReceivedRequest &request) {
  if (!request.header("Authorization").empty() || !request.param("Signature").empty() ||
      !request.param("AccessKeyId").empty())
    return std::nullopt;
  SignedCall call;
  call.signatureVersion = 0;
  call.action = request.param("Action");
  call.version = request.param("Version");
  call.timestamp = request.param("Timestamp");
  for (const Fields *fields : {&request.query, &request.form})
    for (const Field &field : *fields)
      if (!isCommonV1Parameter(field.name))
        call.parameters.push_back(field);
  return call;
}

VerifyResult verifySignature(const ReceivedRequest &request, const SecretLookup &secrets) {
  std::string authorization = request.header("Authorization");
  if (!authorization.empty()) {
    std::optional<AuthorizationParts> parts = parseAuthorization(authorization);
    if (!parts) {
      VerifyResult result;
      result.refusal = refused(400, "IncompleteSignature", "The request signature is incomplete or malformed.");
      return result;
    }
    return verifyV3(request, *parts, secrets);
  }
  return verifyV1(request, secrets);
}

} // namespace oosc::openapi
