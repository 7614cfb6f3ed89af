//===- WebhookSender.h - ACS::Notify's webhooks posted for real -----------===//
//
// On the simulated cloud a webhook is recorded in the world, not posted
// (the default: a simulated run must not page anyone). `--webhooks post`
// gives runners a sender that posts it over HTTP(S) with libcurl.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/runtime/Outcome.h"
#include "oosc/runtime/Value.h"

#include <memory>

namespace oosc::runtime {

class WebhookSender {
public:
  virtual ~WebhookSender() = default;
  /// POSTs \p body to \p uri with \p headers (a map of names to values);
  /// the HTTP status, or why nothing was answered.
  virtual Outcome<long> post(const std::string &uri, const Value &headers,
                             const std::string &body) = 0;
};

/// A sender on libcurl (opened at the first post): one request at a time,
/// 10 s to connect, 30 s in all.
std::unique_ptr<WebhookSender> makeCurlWebhookSender();

} // namespace oosc::runtime
