//===- ValueKinds.h - The kinds of value a template expression may give ----===//
//
// A set of JSON kinds, so "a Json parameter" (a map or a list) and "not
// known" (every kind) are values of the same type as "a string". Checks ask
// whether a needed kind is possible; only an empty intersection is a
// mismatch, so what is not known is never reported.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>

namespace oosc::analysis {

class KindSet {
public:
  static constexpr uint8_t String = 1 << 0;
  static constexpr uint8_t Number = 1 << 1;
  static constexpr uint8_t Boolean = 1 << 2;
  static constexpr uint8_t List = 1 << 3;
  static constexpr uint8_t Map = 1 << 4;
  static constexpr uint8_t Null = 1 << 5;
  static constexpr uint8_t Scalar = String | Number | Boolean;
  static constexpr uint8_t Json = List | Map;
  static constexpr uint8_t Any = Scalar | Json | Null;

  constexpr KindSet(uint8_t bits = Any) : bits_(bits) {}

  constexpr bool mayBe(uint8_t kinds) const { return (bits_ & kinds) != 0; }
  /// Nothing but `kinds` (and not unknown).
  constexpr bool isOnly(uint8_t kinds) const { return (bits_ & ~kinds) == 0; }
  constexpr bool isAny() const { return bits_ == Any; }
  constexpr uint8_t bits() const { return bits_; }
  constexpr KindSet operator|(KindSet other) const { return KindSet(bits_ | other.bits_); }
  constexpr bool operator==(KindSet other) const { return bits_ == other.bits_; }
  constexpr bool operator!=(KindSet other) const { return bits_ != other.bits_; }

private:
  uint8_t bits_;
};

} // namespace oosc::analysis
