// Transport.h - HTTP requests to OpenAPI endpoints, over libcurl.
//
// Connections are kept and reused across calls: a pool of libcurl handles,
// one per call in flight, each keeping its connection to the endpoint open,
// so a 1,000-item loop at concurrency 50 opens about 50 connections, not
// 1,000. Certificates are always checked; proxies come from the environment
// (https_proxy, no_proxy), as libcurl reads them.
#ifndef OOSC_OPENAPI_TRANSPORT_H
#define OOSC_OPENAPI_TRANSPORT_H

#include "oosc/openapi/Signing.h"
#include "oosc/runtime/Outcome.h"

#include <memory>
#include <string>

namespace oosc::openapi {

struct HttpRequest {
  std::string method = "POST";
  std::string url;
  Fields headers;
  std::string body;
};

struct HttpResponse {
  long status = 0;
  Fields headers; ///< names as the server wrote them
  std::string body;

  /// The value of header \p name (any case), or empty.
  std::string header(std::string_view name) const;
};

/// Why no answer came.
struct TransportError {
  std::string message;
  /// Nothing reached the server (refused, DNS, TLS handshake): repeating is
  /// safe whatever the call.
  bool beforeSending = false;
  bool timedOut = false;
};

struct TransportOptions {
  long connectTimeoutMs = 5000;
  long readTimeoutMs = 60000;
  std::string userAgent = "oosc/0.1.0";
};

class Transport {
public:
  virtual ~Transport() = default;
  /// Safe to call from several threads at once.
  virtual runtime::Outcome<HttpResponse, TransportError> send(const HttpRequest &request) = 0;
  /// Connections opened so far (a measure of reuse).
  virtual long connectionsOpened() const = 0;
};

/// A transport over libcurl, or why there can be none (libcurl missing).
runtime::Outcome<std::unique_ptr<Transport>> makeCurlTransport(const TransportOptions &options);

} // namespace oosc::openapi

#endif
