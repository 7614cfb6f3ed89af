#include "oosc/openapi/Signing.h"

#include "Digest.h"

namespace oosc::openapi::v1 {

std::string stringToSign(std::string_view method, const Fields &params) {
  std::string text(method);
  text += "&%2F&";
  text += percentEncode(canonicalQueryString(params));
  return text;
}

std::string signature(std::string_view stringToSign, std::string_view accessKeySecret) {
  std::string key(accessKeySecret);
  key += '&'; // the v1 key is the secret and the (unused) token secret
  return digest::base64(digest::hmacSha1(key, stringToSign));
}

std::string sign(std::string_view method, const Fields &params, std::string_view accessKeySecret) {
  return signature(stringToSign(method, params), accessKeySecret);
}

} // namespace oosc::openapi::v1
