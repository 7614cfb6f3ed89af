//===- PathPattern.cpp - Restful paths against their API's pattern --------===//
#include "oosc/apis/PathPattern.h"

namespace oosc::apis {
namespace {

std::vector<std::string_view> pathSegments(std::string_view path) {
  std::vector<std::string_view> segments;
  while (!path.empty()) {
    size_t slash = path.find('/');
    std::string_view segment = path.substr(0, slash);
    if (!segment.empty())
      segments.push_back(segment);
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash + 1);
  }
  return segments;
}

/// `2016-08-15`: the API version some restful products put first in a path.
bool isVersionSegment(std::string_view segment) {
  if (segment.size() != 10 || segment[4] != '-' || segment[7] != '-')
    return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (segment[i] < '0' || segment[i] > '9')
      return false;
  return true;
}

bool startsWithVersion(const std::vector<std::string_view> &segments) {
  return !segments.empty() && isVersionSegment(segments.front());
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

bool isSlot(std::string_view segment) { return segment.size() > 2 && segment.front() == '[' && segment.back() == ']'; }

} // namespace

std::string percentDecoded(std::string_view text, bool plusIsSpace) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    int high = text[i] == '%' && i + 2 < text.size() ? hexDigit(text[i + 1]) : -1;
    int low = high >= 0 ? hexDigit(text[i + 2]) : -1;
    if (high >= 0 && low >= 0) {
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      out += plusIsSpace && text[i] == '+' ? ' ' : text[i];
    }
  }
  return out;
}

std::optional<PathValues> matchPath(std::string_view uri, std::string_view pathPattern, PathMatchOptions options) {
  std::vector<std::string_view> given = pathSegments(uri.substr(0, uri.find('?')));
  std::vector<std::string_view> wanted = pathSegments(pathPattern);
  if (startsWithVersion(given) && !startsWithVersion(wanted))
    given.erase(given.begin());
  else if (startsWithVersion(wanted) && !startsWithVersion(given))
    wanted.erase(wanted.begin());
  if (given.size() != wanted.size())
    return std::nullopt;
  PathValues values;
  for (size_t i = 0; i < given.size(); ++i) {
    bool pending = options.templated && given[i].find("{{") != std::string_view::npos;
    if (isSlot(wanted[i]))
      values.emplace_back(std::string(wanted[i].substr(1, wanted[i].size() - 2)), percentDecoded(given[i]));
    else if (!pending && given[i] != wanted[i])
      return std::nullopt;
  }
  return values;
}

std::vector<std::pair<std::string, std::string>> uriQuery(std::string_view uri) {
  std::vector<std::pair<std::string, std::string>> pairs;
  size_t question = uri.find('?');
  if (question == std::string_view::npos)
    return pairs;
  std::string_view query = uri.substr(question + 1);
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    size_t equals = pair.find('=');
    if (!pair.empty())
      pairs.emplace_back(percentDecoded(pair.substr(0, equals)),
                         equals == std::string_view::npos ? std::string() : percentDecoded(pair.substr(equals + 1)));
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
  }
  return pairs;
}

} // namespace oosc::apis
