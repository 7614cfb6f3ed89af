//===- CurlWebhookSender.cpp ------------------------------------------------===//
#include "http/WebhookSender.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace oosc::runtime {
namespace {

/// The answer's body is not needed: it is read and dropped.
size_t discard(char *, size_t size, size_t count, void *) { return size * count; }

class CurlWebhookSender final : public WebhookSender {
public:
  CurlWebhookSender() {
    // Not thread-safe, so done once here, before any loop thread posts.
    static std::once_flag initialised;
    std::call_once(initialised, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  }

  Outcome<long> post(const std::string &uri, const Value &headers, const std::string &body) override {
    std::lock_guard<std::mutex> lock(mutex_);
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl)
      return fail("webhook: libcurl could not start a request");
    curl_slist *list = nullptr;
    if (headers.isMap())
      for (const auto &[name, value] : headers.getMap())
        list = curl_slist_append(list, (name + ": " + value.toDisplayString()).c_str());
    std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headerList(list, curl_slist_free_all);
    char error[CURL_ERROR_SIZE] = {};
    CURL *request = curl.get();
    curl_easy_setopt(request, CURLOPT_URL, uri.c_str());
    curl_easy_setopt(request, CURLOPT_POST, 1L);
    curl_easy_setopt(request, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(request, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    curl_easy_setopt(request, CURLOPT_HTTPHEADER, headerList.get());
    curl_easy_setopt(request, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(request, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(request, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(request, CURLOPT_TIMEOUT, 30L);
    curl_easy_setopt(request, CURLOPT_NOSIGNAL, 1L); // runners own SIGINT/SIGTERM
    curl_easy_setopt(request, CURLOPT_PROTOCOLS_STR, "http,https");
    CURLcode code = curl_easy_perform(request);
    if (code != CURLE_OK)
      return fail("webhook " + uri + ": " + (error[0] ? std::string(error) : curl_easy_strerror(code)));
    long status = 0;
    curl_easy_getinfo(request, CURLINFO_RESPONSE_CODE, &status);
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
