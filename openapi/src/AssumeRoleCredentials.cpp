#include "AssumeRoleCredentials.h"

#include "oosc/openapi/AliyunCloud.h"
#include "oosc/openapi/HttpText.h"

#include <mutex>

namespace oosc::openapi {

namespace {

using runtime::Outcome;
using runtime::Value;

/// STS, the one product the credential chain calls: its version and central
/// endpoint (from Alibaba Cloud's documentation and the API table).
const apis::ProductRecord kSts{"Sts", "2015-04-01", "", apis::ApiStyle::Rpc, "sts.aliyuncs.com", "", "", "", ""};

class AssumeRoleCredentials final : public CredentialsProvider {
public:
  explicit AssumeRoleCredentials(AssumeRoleSettings settings) : settings_(std::move(settings)), table_(&kSts, 1) {}

  Outcome<Credentials> get() override {
    std::lock_guard<std::mutex> lock(mutex_);
    std::time_t now = settings_.now ? settings_.now() : std::time(nullptr);
    // Refreshed with a quarter of their life (at most ten minutes) left, so
    // a call never goes out with credentials about to expire.
    std::time_t margin = std::min<std::time_t>(600, settings_.durationSeconds / 4);
    if (current_ && now < expires_ - margin)
      return *current_;
    auto fresh = assumeRole();
    if (!fresh) {
      if (current_ && now < expires_) // keep the old ones while they last
        return *current_;
      return fresh.error();
    }
    current_ = fresh.value().first;
    expires_ = fresh.value().second;
    return *current_;
  }

  std::string describe() const override {
    return settings_.origin + ", role " + settings_.roleArn + " (AssumeRole with " + settings_.source->describe() +
           ")";
  }

private:
  Outcome<std::pair<Credentials, std::time_t>> assumeRole() {
    AliyunCloudOptions options;
    options.table = &table_;
    options.transport = settings_.transport;
    options.credentials = settings_.source;
    options.now = settings_.now;
    if (!settings_.stsEndpoint.empty()) {
      std::string why;
      options.endpoint = parseEndpointUrl(settings_.stsEndpoint, why);
      if (!options.endpoint)
        return runtime::fail("the STS endpoint " + why);
    }
    AliyunCloud sts(std::move(options));
    auto answer = sts.call("Sts", "AssumeRole",
                           Value(Value::Map{{"RoleArn", settings_.roleArn},
                                            {"RoleSessionName", settings_.sessionName},
                                            {"DurationSeconds", std::to_string(settings_.durationSeconds)}}));
    if (!answer)
      return runtime::fail("STS AssumeRole of " + settings_.roleArn + " failed: " + answer.error().code + ": " +
                           answer.error().message);
    const Value *credentials = answer.value().find("Credentials");
    auto text = [&](std::string_view name) {
      const Value *member = credentials ? credentials->find(name) : nullptr;
      return member && member->isString() ? member->getString() : std::string();
    };
    std::optional<std::time_t> expires = parseIsoTime(text("Expiration"));
    if (text("AccessKeyId").empty() || text("AccessKeySecret").empty() || !expires)
      return runtime::fail("STS AssumeRole of " + settings_.roleArn + " answered without usable credentials");
    return std::make_pair(Credentials{text("AccessKeyId"), text("AccessKeySecret"), text("SecurityToken")}, *expires);
  }

  AssumeRoleSettings settings_;
  apis::ApiTable table_;
  std::mutex mutex_;
  std::optional<Credentials> current_;
  std::time_t expires_ = 0;
};

} // namespace

std::shared_ptr<CredentialsProvider> assumeRoleCredentials(AssumeRoleSettings settings) {
  return std::make_shared<AssumeRoleCredentials>(std::move(settings));
}

} // namespace oosc::openapi
