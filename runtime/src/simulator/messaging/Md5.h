//===- messaging/Md5.h - MD5 of a message body, as MNS reports it ---------===//
//
// MNS answers a publish with the MD5 of the message body (MessageBodyMD5,
// upper-case hex), which clients compare to what they sent. The simulator
// computes it itself (RFC 1321): the runtime links no crypto library, and
// this digest checks integrity, it protects no secret.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <string_view>

namespace oosc::runtime::sim {

/// The MD5 digest of \p bytes as 32 upper-case hex digits.
std::string md5Hex(std::string_view bytes);

} // namespace oosc::runtime::sim
