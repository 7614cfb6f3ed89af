#include "Digest.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

namespace oosc::openapi::digest {

namespace {

const unsigned char *bytesOf(std::string_view text) {
  return reinterpret_cast<const unsigned char *>(text.data());
}

std::string hmac(const EVP_MD *md, std::string_view key, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  // A NULL result would mean OpenSSL itself is broken; an empty signature is
  // then refused by every gateway, which is the honest outcome.
  if (HMAC(md, key.data(), static_cast<int>(key.size()), bytesOf(data), data.size(), out, &length) == nullptr)
    return {};
  return std::string(reinterpret_cast<const char *>(out), length);
}

} // namespace

std::string sha256(std::string_view data) {
  unsigned char out[SHA256_DIGEST_LENGTH];
  SHA256(bytesOf(data), data.size(), out);
  return std::string(reinterpret_cast<const char *>(out), sizeof out);
}

std::string hmacSha1(std::string_view key, std::string_view data) { return hmac(EVP_sha1(), key, data); }

std::string hmacSha256(std::string_view key, std::string_view data) { return hmac(EVP_sha256(), key, data); }

std::string lowerHex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (unsigned char byte : bytes) {
    hex += kDigits[byte >> 4];
    hex += kDigits[byte & 0xF];
  }
  return hex;
}

std::string base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  int written = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(out.data()), bytesOf(bytes),
                                static_cast<int>(bytes.size()));
  out.resize(written < 0 ? 0 : static_cast<std::size_t>(written));
  return out;
}

} // namespace oosc::openapi::digest
