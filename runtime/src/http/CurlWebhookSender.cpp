//===- CurlWebhookSender.cpp ------------------------------------------------===//
#include "http/WebhookSender.h"

#include "oosc/runtime/CurlLibrary.h"

#include <memory>
#include <mutex>

namespace oosc::runtime {
namespace {

/// The answer's body is not needed: it is read and dropped.
size_t discard(char *, size_t size, size_t count, void *) { return size * count; }

class CurlWebhookSender final : public WebhookSender {
public:
  Outcome<long> post(const std::string &uri, const Value &headers, const std::string &body) override {
    auto library = CurlLibrary::get("webhooks");
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
