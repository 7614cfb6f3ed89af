#include "oosc/openapi/HttpText.h"
#include "oosc/openapi/Transport.h"
#include "oosc/runtime/CurlLibrary.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace oosc::openapi {

namespace {

using runtime::Outcome;

size_t appendBody(char *data, size_t size, size_t count, void *target) {
  static_cast<std::string *>(target)->append(data, size * count);
  return size * count;
}

/// One `Name: value` line of the answer's headers (the status line and the
/// blank line are not headers).
size_t appendHeader(char *data, size_t size, size_t count, void *target) {
  std::string_view line(data, size * count);
  std::size_t colon = line.find(':');
  if (colon != std::string_view::npos && line.rfind("HTTP/", 0) != 0) {
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
      value.remove_suffix(1);
    static_cast<Fields *>(target)->push_back({std::string(line.substr(0, colon)), std::string(value)});
  }
  return size * count;
}

class CurlTransport final : public Transport {
public:
  CurlTransport(const runtime::CurlLibrary &curl, TransportOptions options) : curl_(curl), options_(std::move(options)) {}

  ~CurlTransport() override {
    for (CURL *handle : idle_)
      curl_.easyCleanup(handle);
  }

  Outcome<HttpResponse, TransportError> send(const HttpRequest &request) override {
    CURL *handle = acquire();
    if (!handle)
      return TransportError{"libcurl could not start a request", true, false};
    Outcome<HttpResponse, TransportError> result = perform(handle, request);
    release(handle);
    return result;
  }

  long connectionsOpened() const override { return opened_.load(); }

private:
  Outcome<HttpResponse, TransportError> perform(CURL *handle, const HttpRequest &request) {
    HttpResponse response;
    char error[CURL_ERROR_SIZE] = {};
    curl_slist *list = nullptr;
    for (const Field &header : request.headers)
      list = curl_.slistAppend(list, (header.name + ": " + header.value).c_str());
    list = curl_.slistAppend(list, "Expect:"); // no 100-continue round trip for bodies
    // libcurl would add a form Content-Type to every POST; a header the
    // signature did not cover must not appear.
    bool typed = false;
    for (const Field &header : request.headers)
      typed = typed || equalsIgnoringCase(header.name, "Content-Type");
    if (!typed)
      list = curl_.slistAppend(list, "Content-Type:");
    std::unique_ptr<curl_slist, void (*)(curl_slist *)> headers(list, curl_.slistFreeAll);

    curl_.easySetopt(handle, CURLOPT_URL, request.url.c_str());
    curl_.easySetopt(handle, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    if (!request.body.empty() || request.method == "POST" || request.method == "PUT") {
      curl_.easySetopt(handle, CURLOPT_POSTFIELDS, request.body.c_str());
      curl_.easySetopt(handle, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.body.size()));
    } else {
      curl_.easySetopt(handle, CURLOPT_HTTPGET, 1L);
      curl_.easySetopt(handle, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
    curl_.easySetopt(handle, CURLOPT_HTTPHEADER, headers.get());
    curl_.easySetopt(handle, CURLOPT_USERAGENT, options_.userAgent.c_str());
    curl_.easySetopt(handle, CURLOPT_WRITEFUNCTION, appendBody);
    curl_.easySetopt(handle, CURLOPT_WRITEDATA, &response.body);
    curl_.easySetopt(handle, CURLOPT_HEADERFUNCTION, appendHeader);
    curl_.easySetopt(handle, CURLOPT_HEADERDATA, &response.headers);
    curl_.easySetopt(handle, CURLOPT_ERRORBUFFER, error);
    curl_.easySetopt(handle, CURLOPT_CONNECTTIMEOUT_MS, options_.connectTimeoutMs);
    curl_.easySetopt(handle, CURLOPT_TIMEOUT_MS, options_.connectTimeoutMs + options_.readTimeoutMs);
    curl_.easySetopt(handle, CURLOPT_NOSIGNAL, 1L); // runners own SIGINT/SIGTERM
    curl_.easySetopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_.easySetopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_.easySetopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_.easySetopt(handle, CURLOPT_TCP_KEEPALIVE, 1L);

    CURLcode code = curl_.easyPerform(handle);
    long connects = 0;
    curl_.easyGetinfo(handle, CURLINFO_NUM_CONNECTS, &connects);
    opened_ += connects;
    if (code != CURLE_OK) {
      TransportError failure;
      // Without the query: with signature v1 it holds the AccessKey ID, the
      // signature and an STS token, and messages reach progress and journal.
      failure.message = request.method + " " + request.url.substr(0, request.url.find('?')) + ": " +
                        (error[0] ? std::string(error) : std::string(curl_.easyStrerror(code)));
      failure.timedOut = code == CURLE_OPERATION_TIMEDOUT;
      failure.beforeSending = code == CURLE_COULDNT_CONNECT || code == CURLE_COULDNT_RESOLVE_HOST ||
                              code == CURLE_COULDNT_RESOLVE_PROXY || code == CURLE_SSL_CONNECT_ERROR ||
                              code == CURLE_PEER_FAILED_VERIFICATION;
      return failure;
    }
    curl_.easyGetinfo(handle, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
  }

  /// A handle from the pool (its connection kept), or a new one.
  CURL *acquire() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!idle_.empty()) {
        CURL *handle = idle_.back();
        idle_.pop_back();
        return handle;
      }
    }
    return curl_.easyInit();
  }

  void release(CURL *handle) {
    curl_.easyReset(handle); // options cleared; the live connection stays
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.push_back(handle);
  }

  const runtime::CurlLibrary &curl_;
  TransportOptions options_;
  std::mutex mutex_;
  std::vector<CURL *> idle_;
  std::atomic<long> opened_{0};
};

} // namespace

std::string HttpResponse::header(std::string_view name) const {
  for (const Field &field : headers)
    if (equalsIgnoringCase(field.name, name))
      return field.value;
  return "";
}

Outcome<std::unique_ptr<Transport>> makeCurlTransport(const TransportOptions &options) {
  auto library = runtime::CurlLibrary::get("calls to the cloud's endpoints");
  if (!library)
    return library.error();
  return std::unique_ptr<Transport>(std::make_unique<CurlTransport>(*library.value(), options));
}

} // namespace oosc::openapi
