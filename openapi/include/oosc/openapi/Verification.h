// Verification.h - Checking a received request's signature, as an OpenAPI
// gateway does: with the same canonical forms the client signs with
// (Signing.h), so a served simulated cloud refuses exactly what the real
// gateway refuses.
#ifndef OOSC_OPENAPI_VERIFICATION_H
#define OOSC_OPENAPI_VERIFICATION_H

#include "oosc/openapi/Signing.h"

#include <functional>
#include <optional>
#include <string>

namespace oosc::openapi {

/// A request as it arrived, its query and form body decoded.
struct ReceivedRequest {
  std::string method;
  std::string path; ///< as sent, percent-encoded
  Fields query;
  Fields form;
  Fields headers;
  std::string body;

  std::string header(std::string_view name) const; ///< any case; "" when absent
  std::string param(std::string_view name) const;  ///< query, then form
};

/// What a verified request says about its caller and call.
struct SignedCall {
  int signatureVersion = 3; ///< 0 for an unsigned call (unsignedCall)
  std::string accessKeyId;
  std::string securityToken;
  std::string action;
  std::string version;
  std::string nonce;
  std::string timestamp; ///< `2026-12-06T04:00:00Z`
  /// The API's own parameters (query and form, without the common ones).
  Fields parameters;
};

/// Why a request was refused, as the gateway says it.
struct Refusal {
  int httpStatus = 400;
  std::string code;
  std::string message;
};

/// The secret of an AccessKey ID, or nothing for an unknown key.
using SecretLookup = std::function<std::optional<std::string>(const std::string &accessKeyId)>;

/// Checks a v3 (`Authorization: ACS3-HMAC-SHA256 ...`) or v1 (`Signature`
/// parameter) request. Freshness (timestamp, nonce reuse) is the caller's.
struct VerifyResult {
  std::optional<SignedCall> call;
  Refusal refusal; ///< when !call
};
VerifyResult verifySignature(const ReceivedRequest &request, const SecretLookup &secrets);

/// A request that carries no signature at all (no Authorization header, no
/// Signature or AccessKeyId parameter) read as a call, for the few APIs that
/// take one so (STS AssumeRoleWithOIDC); nothing for a signed request.
std::optional<SignedCall> unsignedCall(const ReceivedRequest &request);

/// `a=b&c=d` percent-decoded (`+` is a space in form bodies).
Fields decodeQuery(std::string_view text, bool plusIsSpace);

} // namespace oosc::openapi

#endif
