// Signing.h - The two signatures Alibaba Cloud's OpenAPI gateways accept.
//
// Signature v1 (RPC APIs only): HMAC-SHA1 over the sorted, percent-encoded
// request parameters, sent as the `Signature` parameter. Signature v3
// (`ACS3-HMAC-SHA256`, every API): HMAC-SHA256 over a canonical request made
// of the method, path, query, the signed headers and the body's SHA-256, sent
// in the `Authorization` header.
//
// Each step is a function of its own (canonical query, string to sign,
// signature) so that tests can hold every step to the documented vectors and
// to Alibaba's own SDK signer (../shared/tools/alicloud-sdk/sign.js), and so
// that the simulated cloud can verify a request with the same code a client
// signs it with. Nothing here knows a clock or a random source: the caller
// supplies Timestamp, x-acs-date and the nonce.
#ifndef OOSC_OPENAPI_SIGNING_H
#define OOSC_OPENAPI_SIGNING_H

#include <string>
#include <string_view>
#include <vector>

namespace oosc::openapi {

/// A query parameter, form field or header as it travels: name and value.
struct Field {
  std::string name;
  std::string value;
};
using Fields = std::vector<Field>;

/// RFC 3986 percent-encoding of UTF-8 text as both signatures use it: only
/// `A-Z a-z 0-9 - _ . ~` stay as they are, every other byte is `%XY` with
/// upper-case hex (a space is `%20`, not `+`; `*` is `%2A`).
std::string percentEncode(std::string_view text);

/// `name=value` pairs percent-encoded, sorted by name (then value, so that
/// repeated names sign the same whatever their order) and joined by `&`.
std::string canonicalQueryString(const Fields &fields);

/// Signature v1, for RPC APIs.
namespace v1 {

/// `METHOD&%2F&` + the percent-encoded canonical query string of \p params
/// (every parameter the request carries except `Signature`).
std::string stringToSign(std::string_view method, const Fields &params);

/// Base64 of HMAC-SHA1 keyed with `secret&`: the `Signature` parameter.
std::string signature(std::string_view stringToSign, std::string_view accessKeySecret);

/// stringToSign and signature in one.
std::string sign(std::string_view method, const Fields &params, std::string_view accessKeySecret);

} // namespace v1

/// Signature v3, `ACS3-HMAC-SHA256`.
namespace v3 {

inline constexpr std::string_view kAlgorithm = "ACS3-HMAC-SHA256";

/// What the signature covers. Headers are given as the request carries them;
/// the ones signed are `host`, `content-type` and every `x-acs-*` (names
/// lower-cased, values trimmed, the values of one name sorted and joined by
/// `,`).
struct RequestToSign {
  std::string method;
  /// The path, already percent-encoded segment by segment; `/` for RPC.
  std::string canonicalUri = "/";
  Fields query;
  Fields headers;
  /// Lower-case hex SHA-256 of the body (the `x-acs-content-sha256` header).
  std::string payloadHash;
};

/// The headers that are signed, lower-cased and sorted, joined by `;`.
std::string signedHeaders(const Fields &headers);

/// METHOD \n URI \n query \n headers \n signed header names \n payload hash.
std::string canonicalRequest(const RequestToSign &request);

/// `ACS3-HMAC-SHA256\n` + hex SHA-256 of the canonical request.
std::string stringToSign(std::string_view canonicalRequest);

/// Lower-case hex HMAC-SHA256 of \p stringToSign keyed with the secret.
std::string signature(std::string_view stringToSign, std::string_view accessKeySecret);

/// The `Authorization` header's value:
/// `ACS3-HMAC-SHA256 Credential=ID,SignedHeaders=a;b,Signature=hex`.
std::string authorization(const RequestToSign &request, std::string_view accessKeyId,
                          std::string_view accessKeySecret);

} // namespace v3

/// Lower-case hex SHA-256 of \p data (a v3 payload hash).
std::string sha256Hex(std::string_view data);

} // namespace oosc::openapi

#endif
