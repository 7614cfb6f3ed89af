#include "oosc/openapi/Signing.h"

#include "Digest.h"

#include <algorithm>

namespace oosc::openapi {

namespace {

bool isUnreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == '.' || c == '~';
}

/// Appends \p text percent-encoded to \p out, copying runs of unreserved
/// characters whole (signing encodes every parameter of every call twice).
void appendPercentEncoded(std::string &out, std::string_view text) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::size_t runStart = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (isUnreserved(c))
      continue;
    out.append(text.data() + runStart, i - runStart);
    char escape[3] = {'%', kDigits[c >> 4], kDigits[c & 0xF]};
    out.append(escape, 3);
    runStart = i + 1;
  }
  out.append(text.data() + runStart, text.size() - runStart);
}

} // namespace

std::string percentEncode(std::string_view text) {
  std::string encoded;
  encoded.reserve(text.size() + text.size() / 2);
  appendPercentEncoded(encoded, text);
  return encoded;
}

std::string canonicalQueryString(const Fields &fields) {
  // Sorted by pointer, not by moving strings: byte order, which is the SDKs'
  // order for the ASCII names APIs have.
  std::vector<const Field *> sorted;
  sorted.reserve(fields.size());
  std::size_t length = 0;
  for (const Field &field : fields) {
    sorted.push_back(&field);
    length += field.name.size() + field.value.size() + 2;
  }
  std::sort(sorted.begin(), sorted.end(), [](const Field *a, const Field *b) {
    int byName = a->name.compare(b->name);
    return byName != 0 ? byName < 0 : a->value < b->value;
  });
  std::string query;
  query.reserve(length + length / 2);
  for (const Field *field : sorted) {
    if (!query.empty())
      query += '&';
    appendPercentEncoded(query, field->name);
    query += '=';
    appendPercentEncoded(query, field->value);
  }
  return query;
}

std::string sha256Hex(std::string_view data) { return digest::lowerHex(digest::sha256(data)); }

} // namespace oosc::openapi
