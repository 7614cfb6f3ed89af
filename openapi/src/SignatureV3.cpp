#include "oosc/openapi/Signing.h"

#include "Digest.h"
#include "oosc/openapi/HttpText.h"

#include <algorithm>

namespace oosc::openapi::v3 {

namespace {

std::string_view trimmed(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos)
    return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

bool isSigned(const std::string &lowerName) {
  return lowerName == "host" || lowerName == "content-type" || lowerName.rfind("x-acs-", 0) == 0;
}

struct SignedHeader {
  std::string name; ///< lower case
  std::string_view value; ///< trimmed
};

/// The signed headers sorted by name and, within a name, by value.
std::vector<SignedHeader> signedHeaderList(const Fields &headers) {
  std::vector<SignedHeader> list;
  list.reserve(headers.size());
  for (const Field &header : headers) {
    std::string name = lowerCase(header.name);
    if (isSigned(name))
      list.push_back({std::move(name), trimmed(header.value)});
  }
  std::sort(list.begin(), list.end(), [](const SignedHeader &a, const SignedHeader &b) {
    int byName = a.name.compare(b.name);
    return byName != 0 ? byName < 0 : a.value < b.value;
  });
  return list;
}

std::string joinedNames(const std::vector<SignedHeader> &list) {
  std::string names;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i > 0 && list[i].name == list[i - 1].name)
      continue;
    if (!names.empty())
      names += ';';
    names += list[i].name;
  }
  return names;
}

/// `name:value\n` per name, the values of a repeated name joined by `,`.
void appendCanonicalHeaders(std::string &out, const std::vector<SignedHeader> &list) {
  for (std::size_t i = 0; i < list.size(); ++i) {
    bool sameName = i > 0 && list[i].name == list[i - 1].name;
    if (sameName) {
      out += ',';
    } else {
      if (i > 0)
        out += '\n';
      out += list[i].name;
      out += ':';
    }
    out += list[i].value;
  }
  if (!list.empty())
    out += '\n';
}

} // namespace

std::string signedHeaders(const Fields &headers) { return joinedNames(signedHeaderList(headers)); }

std::string canonicalRequest(const RequestToSign &request) {
  std::vector<SignedHeader> headers = signedHeaderList(request.headers);
  std::string text;
  text.reserve(512);
  text += request.method;
  text += '\n';
  text += request.canonicalUri;
  text += '\n';
  text += canonicalQueryString(request.query);
  text += '\n';
  appendCanonicalHeaders(text, headers);
  text += '\n';
  text += joinedNames(headers);
  text += '\n';
  text += request.payloadHash;
  return text;
}

std::string stringToSign(std::string_view canonicalRequest) {
  std::string text(kAlgorithm);
  text += '\n';
  text += sha256Hex(canonicalRequest);
  return text;
}

std::string signature(std::string_view stringToSign, std::string_view accessKeySecret) {
  return digest::lowerHex(digest::hmacSha256(accessKeySecret, stringToSign));
}

std::string authorization(const RequestToSign &request, std::string_view accessKeyId,
                          std::string_view accessKeySecret) {
  std::string text(kAlgorithm);
  text += " Credential=";
  text += accessKeyId;
  text += ",SignedHeaders=";
  text += signedHeaders(request.headers);
  text += ",Signature=";
  text += signature(stringToSign(canonicalRequest(request)), accessKeySecret);
  return text;
}

} // namespace oosc::openapi::v3
