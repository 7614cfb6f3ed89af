#include "Digest.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <dlfcn.h>

namespace oosc::openapi::digest {

namespace {

/// OpenSSL's libcrypto, opened on the first signature rather than linked:
/// linked, it costs every runner start 2-3 ms, also the runs on the
/// simulated cloud that sign nothing. A runner on the real cloud loads it
/// anyway, with libcurl.
struct CryptoLibrary {
  const EVP_MD *(*sha1)();
  const EVP_MD *(*sha256)();
  unsigned char *(*hmac)(const EVP_MD *, const void *, int, const unsigned char *, size_t, unsigned char *,
                         unsigned int *);
  unsigned char *(*sha256Digest)(const unsigned char *, size_t, unsigned char *);
  int (*encodeBlock)(unsigned char *, const unsigned char *, int);

  /// The library, or null when it cannot be loaded; loaded once.
  static const CryptoLibrary *get() {
    static const CryptoLibrary *loaded = load();
    return loaded;
  }

private:
  static const CryptoLibrary *load() {
    void *handle = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL);
    if (!handle)
      return nullptr;
    static CryptoLibrary library;
    bool found = symbol(handle, "EVP_sha1", library.sha1) && symbol(handle, "EVP_sha256", library.sha256) &&
                 symbol(handle, "HMAC", library.hmac) && symbol(handle, "SHA256", library.sha256Digest) &&
                 symbol(handle, "EVP_EncodeBlock", library.encodeBlock);
    return found ? &library : nullptr;
  }

  template <typename Function> static bool symbol(void *handle, const char *name, Function &function) {
    function = reinterpret_cast<Function>(dlsym(handle, name));
    return function != nullptr;
  }
};

const unsigned char *bytesOf(std::string_view text) {
  return reinterpret_cast<const unsigned char *>(text.data());
}

enum class Hash { Sha1, Sha256 };

std::string hmac(Hash hash, std::string_view key, std::string_view data) {
  const CryptoLibrary *crypto = CryptoLibrary::get();
  if (!crypto)
    return {};
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  const EVP_MD *md = hash == Hash::Sha1 ? crypto->sha1() : crypto->sha256();
  if (crypto->hmac(md, key.data(), static_cast<int>(key.size()), bytesOf(data), data.size(), out,
                   &length) == nullptr)
    return {};
  return std::string(reinterpret_cast<const char *>(out), length);
}

} // namespace

std::string unavailable() {
  return CryptoLibrary::get() ? std::string()
                              : std::string("signing needs OpenSSL's libcrypto.so.3 (Debian package libssl3): ") +
                                    dlerror();
}

std::string sha256(std::string_view data) {
  const CryptoLibrary *crypto = CryptoLibrary::get();
  if (!crypto)
    return {};
  unsigned char out[SHA256_DIGEST_LENGTH];
  crypto->sha256Digest(bytesOf(data), data.size(), out);
  return std::string(reinterpret_cast<const char *>(out), sizeof out);
}

std::string hmacSha1(std::string_view key, std::string_view data) { return hmac(Hash::Sha1, key, data); }

std::string hmacSha256(std::string_view key, std::string_view data) {
  return hmac(Hash::Sha256, key, data);
}

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
  const CryptoLibrary *crypto = CryptoLibrary::get();
  if (!crypto)
    return {};
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  int written = crypto->encodeBlock(reinterpret_cast<unsigned char *>(out.data()), bytesOf(bytes),
                                    static_cast<int>(bytes.size()));
  out.resize(written < 0 ? 0 : static_cast<std::size_t>(written));
  return out;
}

} // namespace oosc::openapi::digest
