#include "TemporaryCredentials.h"

#include "oosc/openapi/HttpText.h"

#include <mutex>
#include <optional>

namespace oosc::openapi {

namespace {

using runtime::Outcome;
using runtime::Value;

class TemporaryCredentials final : public CredentialsProvider {
public:
  TemporaryCredentials(FetchTemporaryKey fetch, std::string description, std::function<std::time_t()> now)
      : fetch_(std::move(fetch)), description_(std::move(description)), now_(std::move(now)) {
    if (!now_)
      now_ = [] { return std::time(nullptr); };
  }

  Outcome<Credentials> get() override {
    std::lock_guard<std::mutex> lock(mutex_);
    std::time_t now = now_();
    // Refreshed with a quarter of their life (at most ten minutes) left, so
    // a call never goes out with credentials about to expire.
    std::time_t margin = std::min<std::time_t>(600, (current_.expires - fetchedAt_) / 4);
    if (fetched_ && now < current_.expires - margin)
      return current_.credentials;
    Outcome<TemporaryKey> fresh = fetch_();
    if (!fresh) {
      if (fetched_ && now < current_.expires) // the old key serves while it lasts
        return current_.credentials;
      return fresh.error();
    }
    current_ = fresh.value();
    fetchedAt_ = now;
    fetched_ = true;
    return current_.credentials;
  }

  std::string describe() const override { return description_; }

private:
  FetchTemporaryKey fetch_;
  std::string description_;
  std::function<std::time_t()> now_;
  std::mutex mutex_;
  bool fetched_ = false;
  TemporaryKey current_;
  std::time_t fetchedAt_ = 0;
};

} // namespace

std::shared_ptr<CredentialsProvider> temporaryCredentials(FetchTemporaryKey fetch, std::string description,
                                                          std::function<std::time_t()> now) {
  return std::make_shared<TemporaryCredentials>(std::move(fetch), std::move(description), std::move(now));
}

Outcome<TemporaryKey> temporaryKeyIn(const Value &answer, std::string_view where, const std::string &what) {
  const Value *record = where.empty() ? &answer : answer.find(where);
  auto text = [&](std::string_view name) {
    const Value *member = record && record->isMap() ? record->find(name) : nullptr;
    return member && member->isString() ? member->getString() : std::string();
  };
  std::optional<std::time_t> expires = parseIsoTime(text("Expiration"));
  if (text("AccessKeyId").empty() || text("AccessKeySecret").empty() || !expires)
    return runtime::fail(what + " answered without usable credentials (AccessKeyId, AccessKeySecret and "
                                "Expiration are needed)");
  return TemporaryKey{{text("AccessKeyId"), text("AccessKeySecret"), text("SecurityToken")}, *expires};
}

} // namespace oosc::openapi
