//===- functions/Network.cpp - Fn::IsIpInCIDR
//------------------------------===//
//
// IPv4 and IPv6 address and CIDR block parsing, enough to test membership.
//
//===----------------------------------------------------------------------===//
#include "Builtins.h"

#include <array>
#include <vector>

namespace oosc::runtime::functions {

namespace {

/// An address in network byte order; IPv4 uses the first 4 bytes.
struct Address {
  std::array<unsigned char, 16> bytes{};
  bool isV6 = false;

  unsigned bitCount() const { return isV6 ? 128 : 32; }
};

struct Block {
  Address base;
  unsigned prefixLength = 0;
};

std::optional<unsigned> decimalField(std::string_view text, unsigned max) {
  // Leading zeros are refused, as Python's ipaddress does, because some
  // tools read them as octal.
  if (text.empty() || text.size() > 3 || (text.size() > 1 && text[0] == '0'))
    return std::nullopt;
  unsigned value = 0;
  for (char c : text) {
    if (c < '0' || c > '9')
      return std::nullopt;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  return value <= max ? std::optional<unsigned>(value) : std::nullopt;
}

std::vector<std::string_view> splitOn(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t found = text.find(separator);
       found != std::string_view::npos; found = text.find(separator, start)) {
    parts.push_back(text.substr(start, found - start));
    start = found + 1;
  }
  parts.push_back(text.substr(start));
  return parts;
}

/// Dotted-quad IPv4 into \p out (4 bytes).
bool parseV4(std::string_view text, unsigned char *out) {
  std::vector<std::string_view> parts = splitOn(text, '.');
  if (parts.size() != 4)
    return false;
  for (std::size_t i = 0; i < 4; ++i) {
    std::optional<unsigned> byte = decimalField(parts[i], 255);
    if (!byte)
      return false;
    out[i] = static_cast<unsigned char>(*byte);
  }
  return true;
}

std::optional<unsigned> hexGroup(std::string_view text) {
  if (text.empty() || text.size() > 4)
    return std::nullopt;
  unsigned value = 0;
  for (char c : text) {
    unsigned digit;
    if (c >= '0' && c <= '9')
      digit = static_cast<unsigned>(c - '0');
    else if (c >= 'a' && c <= 'f')
      digit = static_cast<unsigned>(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F')
      digit = static_cast<unsigned>(c - 'A' + 10);
    else
      return std::nullopt;
    value = value * 16 + digit;
  }
  return value;
}

/// Parses colon-separated groups (one side of "::") into 16-bit words; the
/// last group may be a dotted IPv4 address worth two words.
bool parseGroups(std::string_view text, bool mayEndInV4,
                 std::vector<unsigned> &words) {
  if (text.empty())
    return true;
  std::vector<std::string_view> groups = splitOn(text, ':');
  for (std::size_t i = 0; i < groups.size(); ++i) {
    bool lastGroup = i + 1 == groups.size();
    if (lastGroup && mayEndInV4 &&
        groups[i].find('.') != std::string_view::npos) {
      unsigned char v4[4];
      if (!parseV4(groups[i], v4))
        return false;
      words.push_back(v4[0] << 8 | v4[1]);
      words.push_back(v4[2] << 8 | v4[3]);
      continue;
    }
    std::optional<unsigned> word = hexGroup(groups[i]);
    if (!word)
      return false;
    words.push_back(*word);
  }
  return true;
}

bool parseV6(std::string_view text, unsigned char *out) {
  std::size_t gap = text.find("::");
  std::vector<unsigned> head;
  std::vector<unsigned> tail;
  if (gap == std::string_view::npos) {
    if (!parseGroups(text, /*mayEndInV4=*/true, head) || head.size() != 8)
      return false;
  } else {
    std::string_view after = text.substr(gap + 2);
    if (after.find("::") != std::string_view::npos ||
        !parseGroups(text.substr(0, gap), /*mayEndInV4=*/false, head) ||
        !parseGroups(after, /*mayEndInV4=*/true, tail) ||
        head.size() + tail.size() > 7)
      return false;
  }
  std::vector<unsigned> words = head;
  words.resize(8 - tail.size(), 0);
  words.insert(words.end(), tail.begin(), tail.end());
  for (std::size_t i = 0; i < 8; ++i) {
    out[2 * i] = static_cast<unsigned char>(words[i] >> 8);
    out[2 * i + 1] = static_cast<unsigned char>(words[i] & 0xFF);
  }
  return true;
}

std::optional<Address> parseAddress(std::string_view text) {
  Address address;
  address.isV6 = text.find(':') != std::string_view::npos;
  bool parsed = address.isV6 ? parseV6(text, address.bytes.data())
                             : parseV4(text, address.bytes.data());
  return parsed ? std::optional<Address>(address) : std::nullopt;
}

/// `address/prefix`; a bare address is a block of one, as Python's
/// ip_network reads it. Host bits after the prefix are allowed.
std::optional<Block> parseBlock(std::string_view text) {
  std::size_t slash = text.find('/');
  std::optional<Address> base = parseAddress(text.substr(0, slash));
  if (!base)
    return std::nullopt;
  Block block{*base, base->bitCount()};
  if (slash == std::string_view::npos)
    return block;
  std::optional<unsigned> prefix =
      decimalField(text.substr(slash + 1), base->bitCount());
  if (!prefix)
    return std::nullopt;
  block.prefixLength = *prefix;
  return block;
}

bool contains(const Block &block, const Address &address) {
  if (block.base.isV6 != address.isV6)
    return false;
  for (unsigned bit = 0; bit < block.prefixLength; ++bit) {
    unsigned mask = 0x80u >> (bit % 8);
    if ((block.base.bytes[bit / 8] & mask) != (address.bytes[bit / 8] & mask))
      return false;
  }
  return true;
}

} // namespace

// Fn::IsIpInCIDR (oos-spec.md section 8, order [uncertain]): the documented
// name reads "is the IP in the CIDR", so [ip, cidr]. Since only the block has
// a '/', the reverse order [cidr, ip] is recognised and accepted too. An
// address of the other IP version is simply not in the block.
Outcome<Value> isIpInCidr(const Value &argument, const FunctionEnvironment &) {
  constexpr std::string_view Name = "Fn::IsIpInCIDR";
  auto arguments = argumentList(Name, argument, "[ip, cidr]", 2, 2);
  if (!arguments)
    return arguments.error();
  const Value::List &args = *arguments.value();
  auto first = textArgument(Name, "argument 1", args[0]);
  if (!first)
    return first.error();
  auto second = textArgument(Name, "argument 2", args[1]);
  if (!second)
    return second.error();
  bool swapped = first.value().find('/') != std::string::npos &&
                 second.value().find('/') == std::string::npos;
  const std::string &ipText = swapped ? second.value() : first.value();
  const std::string &cidrText = swapped ? first.value() : second.value();
  std::optional<Address> address = parseAddress(ipText);
  if (!address)
    return failure(Name, "'" + ipText + "' is not an ipv4 or ipv6 address");
  std::optional<Block> block = parseBlock(cidrText);
  if (!block)
    return failure(Name, "'" + cidrText +
                             "' is not a cidr block like "
                             "10.0.0.0/8 or 2001:db8::/32");
  return Value(contains(*block, *address));
}

} // namespace oosc::runtime::functions
