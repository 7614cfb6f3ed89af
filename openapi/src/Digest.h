// Digest.h - The hashes and encodings the signatures are made of, over
// OpenSSL's libcrypto (the library libcurl already brings to runners),
// opened when first needed. Without it every digest is empty and
// unavailable() says why.
#ifndef OOSC_OPENAPI_DIGEST_H
#define OOSC_OPENAPI_DIGEST_H

#include <string>
#include <string_view>

namespace oosc::openapi::digest {

/// Raw digests (20 and 32 bytes) in a std::string.
std::string sha256(std::string_view data);
std::string hmacSha1(std::string_view key, std::string_view data);
std::string hmacSha256(std::string_view key, std::string_view data);

std::string lowerHex(std::string_view bytes);
/// Empty when libcrypto is there; otherwise why signing cannot work.
std::string unavailable();
std::string base64(std::string_view bytes);

} // namespace oosc::openapi::digest

#endif
