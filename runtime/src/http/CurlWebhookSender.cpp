//===- CurlWebhookSender.cpp ------------------------------------------------===//
#include "http/WebhookSender.h"

#include <curl/curl.h>
#include <dlfcn.h>

#include <memory>
#include <mutex>

namespace oosc::runtime {
namespace {

/// libcurl, opened when the first webhook is posted rather than linked: its
/// thirty-odd libraries (TLS, Kerberos, LDAP, ...) would cost every runner
/// about 5 ms at start, for a feature few runs use.
struct CurlLibrary {
  CURLcode (*globalInit)(long);
  CURL *(*easyInit)();
  CURLcode (*easySetopt)(CURL *, CURLoption, ...);
  CURLcode (*easyPerform)(CURL *);
  CURLcode (*easyGetinfo)(CURL *, CURLINFO, ...);
  void (*easyCleanup)(CURL *);
  const char *(*easyStrerror)(CURLcode);
  curl_slist *(*slistAppend)(curl_slist *, const char *);
  void (*slistFreeAll)(curl_slist *);

  /// The library, or why it cannot be used; loaded once.
  static Outcome<const CurlLibrary *> get() {
    static const Outcome<const CurlLibrary *> loaded = load();
    return loaded;
  }

private:
  static Outcome<const CurlLibrary *> load() {
    void *handle = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (!handle)
      return fail(std::string("webhooks need libcurl (Debian package libcurl4): ") + dlerror());
    static CurlLibrary library;
    bool found = symbol(handle, "curl_global_init", library.globalInit) &&
                 symbol(handle, "curl_easy_init", library.easyInit) &&
                 symbol(handle, "curl_easy_setopt", library.easySetopt) &&
                 symbol(handle, "curl_easy_perform", library.easyPerform) &&
                 symbol(handle, "curl_easy_getinfo", library.easyGetinfo) &&
                 symbol(handle, "curl_easy_cleanup", library.easyCleanup) &&
                 symbol(handle, "curl_easy_strerror", library.easyStrerror) &&
                 symbol(handle, "curl_slist_append", library.slistAppend) &&
                 symbol(handle, "curl_slist_free_all", library.slistFreeAll);
    if (!found)
      return fail("webhooks: libcurl.so.4 lacks a function they need");
    // Not thread-safe, so done here, once, under the static's guard.
    library.globalInit(CURL_GLOBAL_DEFAULT);
    return &library;
  }

  template <typename Function> static bool symbol(void *handle, const char *name, Function &function) {
    function = reinterpret_cast<Function>(dlsym(handle, name));
    return function != nullptr;
  }
};

/// The answer's body is not needed: it is read and dropped.
size_t discard(char *, size_t size, size_t count, void *) { return size * count; }

class CurlWebhookSender final : public WebhookSender {
public:
  Outcome<long> post(const std::string &uri, const Value &headers, const std::string &body) override {
    auto library = CurlLibrary::get();
    if (!library)
      return library.error();
    const CurlLibrary &curl = *library.value();
    std::lock_guard<std::mutex> lock(mutex_);
    std::unique_ptr<CURL, void (*)(CURL *)> handle(curl.easyInit(), curl.easyCleanup);
    if (!handle)
      return fail("webhook: libcurl could not start a request");
    curl_slist *list = nullptr;
    if (headers.isMap())
      for (const auto &[name, value] : headers.getMap())
        list = curl.slistAppend(list, (name + ": " + value.toDisplayString()).c_str());
    std::unique_ptr<curl_slist, void (*)(curl_slist *)> headerList(list, curl.slistFreeAll);
    char error[CURL_ERROR_SIZE] = {};
    CURL *request = handle.get();
    curl.easySetopt(request, CURLOPT_URL, uri.c_str());
    curl.easySetopt(request, CURLOPT_POST, 1L);
    curl.easySetopt(request, CURLOPT_POSTFIELDS, body.c_str());
    curl.easySetopt(request, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    curl.easySetopt(request, CURLOPT_HTTPHEADER, headerList.get());
    curl.easySetopt(request, CURLOPT_WRITEFUNCTION, discard);
    curl.easySetopt(request, CURLOPT_ERRORBUFFER, error);
    curl.easySetopt(request, CURLOPT_CONNECTTIMEOUT, 10L);
    curl.easySetopt(request, CURLOPT_TIMEOUT, 30L);
    curl.easySetopt(request, CURLOPT_NOSIGNAL, 1L); // runners own SIGINT/SIGTERM
    curl.easySetopt(request, CURLOPT_PROTOCOLS_STR, "http,https");
    CURLcode code = curl.easyPerform(request);
    if (code != CURLE_OK)
      return fail("webhook " + uri + ": " + (error[0] ? std::string(error) : curl.easyStrerror(code)));
    long status = 0;
    curl.easyGetinfo(request, CURLINFO_RESPONSE_CODE, &status);
    return status;
  }

private:
  std::mutex mutex_;
};

} // namespace

std::unique_ptr<WebhookSender> makeCurlWebhookSender() {
  return std::make_unique<CurlWebhookSender>();
}

} // namespace oosc::runtime
