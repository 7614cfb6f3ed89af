//===- messaging/Md5.cpp - RFC 1321's digest ------------------------------===//
#include "simulator/messaging/Md5.h"

#include <array>
#include <cmath>
#include <cstdint>

namespace oosc::runtime::sim {
namespace {

/// The per-step shift amounts of RFC 1321, four per round.
constexpr std::uint32_t kShifts[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};

/// T[i] = floor(2^32 * |sin(i + 1)|), as the RFC defines the table.
const std::array<std::uint32_t, 64> &sineTable() {
  static const std::array<std::uint32_t, 64> table = [] {
    std::array<std::uint32_t, 64> t{};
    for (int i = 0; i < 64; ++i)
      t[i] = static_cast<std::uint32_t>(std::floor(std::fabs(std::sin(i + 1.0)) * 4294967296.0));
    return t;
  }();
  return table;
}

std::uint32_t rotateLeft(std::uint32_t x, std::uint32_t n) { return (x << n) | (x >> (32 - n)); }

void digestBlock(std::array<std::uint32_t, 4> &state, const unsigned char *block) {
  std::uint32_t words[16];
  for (int i = 0; i < 16; ++i)
    words[i] = std::uint32_t(block[i * 4]) | std::uint32_t(block[i * 4 + 1]) << 8 |
               std::uint32_t(block[i * 4 + 2]) << 16 | std::uint32_t(block[i * 4 + 3]) << 24;
  std::uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
  for (int i = 0; i < 64; ++i) {
    int round = i / 16;
    std::uint32_t f;
    int word;
    switch (round) {
    case 0: f = (b & c) | (~b & d); word = i; break;
    case 1: f = (d & b) | (~d & c); word = (5 * i + 1) % 16; break;
    case 2: f = b ^ c ^ d; word = (3 * i + 5) % 16; break;
    default: f = c ^ (b | ~d); word = (7 * i) % 16; break;
    }
    std::uint32_t rotated = rotateLeft(a + f + sineTable()[i] + words[word], kShifts[round][i % 4]);
    a = d;
    d = c;
    c = b;
    b = b + rotated;
  }
  state[0] += a;
  state[1] += b;
  state[2] += c;
  state[3] += d;
}

} // namespace

std::string md5Hex(std::string_view bytes) {
  std::array<std::uint32_t, 4> state = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
  // The message, a 1 bit, zeros to 56 bytes mod 64, then its bit length.
  std::string padded(bytes);
  padded += static_cast<char>(0x80);
  while (padded.size() % 64 != 56)
    padded += '\0';
  std::uint64_t bits = static_cast<std::uint64_t>(bytes.size()) * 8;
  for (int i = 0; i < 8; ++i)
    padded += static_cast<char>((bits >> (8 * i)) & 0xff);
  for (size_t at = 0; at < padded.size(); at += 64)
    digestBlock(state, reinterpret_cast<const unsigned char *>(padded.data() + at));
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string hex;
  for (std::uint32_t word : state)
    for (int i = 0; i < 4; ++i) {
      unsigned byte = (word >> (8 * i)) & 0xff;
      hex += kHex[byte >> 4];
      hex += kHex[byte & 0xf];
    }
  return hex;
}

} // namespace oosc::runtime::sim
