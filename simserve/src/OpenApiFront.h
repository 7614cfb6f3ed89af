// OpenApiFront.h - The simulated cloud spoken to as Alibaba Cloud's OpenAPI
// gateways are: RPC calls by GET or POST (query or form body), signature v1
// or v3 checked with the server's access keys, timestamps and nonces
// checked, the product told by the Host header when it names one and else
// by Version and Action, JSON answers (XML with Format=XML), and error
// bodies shaped as the real ones (RequestId, HostId, Code, Message,
// Recommend) with the real HTTP statuses. STS is served here (StsModel):
// the temporary keys it hands out are accepted with their security token;
// so are OOS's public templates, when the server was given their folders
// (OosTemplates).
#ifndef OOSC_SIMSERVE_OPENAPIFRONT_H
#define OOSC_SIMSERVE_OPENAPIFRONT_H

#include "HttpServer.h"
#include "OosTemplates.h"
#include "StsModel.h"

#include "oosc/apis/ApiTable.h"
#include "oosc/openapi/Verification.h"
#include "oosc/runtime/Cloud.h"

#include <atomic>
#include <ctime>
#include <deque>
#include <map>
#include <mutex>
#include <unordered_set>

namespace oosc::simserve {

struct AccessKey {
  std::string id;
  std::string secret;
};

struct FrontOptions {
  std::vector<AccessKey> keys;
  const apis::ApiTable *table = nullptr;
  std::function<std::time_t()> now;
  /// How far a request's timestamp may be from the server's clock.
  int maxClockSkewSeconds = 15 * 60;
  /// RAM actions (`ecs:DeleteInstance`) the keys are not allowed: such a
  /// call is refused with Forbidden.RAM, as for a user without the policy.
  std::vector<std::string> deniedActions;
  /// Folders of OOS's public templates that GetTemplate answers
  /// (OosTemplates); none: OOS is the simulated cloud's.
  std::vector<std::string> templateFolders;
};

class OpenApiFront {
public:
  OpenApiFront(runtime::CloudBackend &cloud, FrontOptions options);

  OutgoingResponse handle(const IncomingRequest &request);
  /// Requests handled so far, answered or refused.
  std::uint64_t requestsHandled() const { return handled_.load(); }

private:
  struct Refused {
    int status;
    std::string code, message;
  };
  openapi::ReceivedRequest decode(const IncomingRequest &request) const;
  std::optional<Refused> checkFreshness(const openapi::SignedCall &call);
  /// Forbidden.RAM for a denied action, DryRunOperation for a dry run.
  std::optional<Refused> checkPermission(const apis::ProductRecord &product, const openapi::SignedCall &call) const;
  const apis::ProductRecord *productOf(const IncomingRequest &request, const openapi::SignedCall &call) const;
  OutgoingResponse errorResponse(int status, const std::string &code, const std::string &message,
                                 bool xml);
  std::string newRequestId();

  runtime::CloudBackend &cloud_;
  FrontOptions options_;
  /// The long-term keys' secrets by id (STS's temporary ones are sts_'s).
  std::map<std::string, std::string> secrets_;
  StsModel sts_;
  OosTemplates templates_;
  std::mutex mutex_;
  /// Nonces seen within the clock-skew window, and the order they came in,
  /// so the old ones are dropped from the front without a scan.
  std::unordered_set<std::string> nonces_;
  std::deque<std::pair<std::time_t, std::string>> nonceOrder_;
  std::uint64_t requests_ = 0;
  std::atomic<std::uint64_t> handled_{0};
};

/// \p value as Alibaba Cloud's XML answers write it: maps as elements, a
/// list as its element repeated.
std::string toXml(const runtime::Value &value, const std::string &root);

} // namespace oosc::simserve

#endif
