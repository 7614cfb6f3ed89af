#include "OidcToken.h"

namespace oosc::simserve {

namespace {

using runtime::Value;

/// The bytes of base64url text (JWT parts carry no padding), or nothing.
std::optional<std::string> base64UrlDecode(std::string_view text) {
  std::string bytes;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    int value = c >= 'A' && c <= 'Z'   ? c - 'A'
                : c >= 'a' && c <= 'z' ? c - 'a' + 26
                : c >= '0' && c <= '9' ? c - '0' + 52
                : c == '-'             ? 62
                : c == '_'             ? 63
                : c == '='             ? -2
                                       : -1;
    if (value == -2)
      break;
    if (value < 0)
      return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return bytes;
}

std::string textClaim(const Value &payload, std::string_view name) {
  const Value *claim = payload.find(name);
  if (!claim)
    return "";
  if (claim->isList() && !claim->getList().empty()) // `aud` may be a list
    return claim->getList().front().toDisplayString();
  return claim->toDisplayString();
}

long long timeClaim(const Value &payload, std::string_view name) {
  const Value *claim = payload.find(name);
  return claim && claim->isInteger() ? claim->getInteger() : 0;
}

} // namespace

std::optional<OidcClaims> readOidcToken(const std::string &token, std::string &why) {
  if (token.empty()) {
    why = "The OIDCToken can not empty.";
    return std::nullopt;
  }
  std::size_t first = token.find('.');
  std::size_t second = first == std::string::npos ? first : token.find('.', first + 1);
  if (second == std::string::npos || token.find('.', second + 1) != std::string::npos) {
    why = "The number of Jwt field should be divided into 3 parts with '.' .";
    return std::nullopt;
  }
  std::optional<std::string> json = base64UrlDecode(std::string_view(token).substr(first + 1, second - first - 1));
  std::optional<Value> payload = json ? runtime::parseJson(*json) : std::nullopt;
  if (!payload || !payload->isMap()) {
    why = "The Jwt content is invalid that cannot be recognized.";
    return std::nullopt;
  }
  return OidcClaims{textClaim(*payload, "iss"), textClaim(*payload, "sub"), textClaim(*payload, "aud"),
                    timeClaim(*payload, "iat"), timeClaim(*payload, "exp")};
}

} // namespace oosc::simserve
