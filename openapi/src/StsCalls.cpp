#include "StsCalls.h"

#include "oosc/openapi/AliyunCloud.h"

namespace oosc::openapi {

namespace {

using runtime::Outcome;
using runtime::Value;

/// STS, the one product the credential chain calls: its version and central
/// endpoint (from Alibaba Cloud's documentation and the API table).
const apis::ProductRecord kSts{"Sts", "2015-04-01", "", apis::ApiStyle::Rpc, "sts.aliyuncs.com", "", "", "", ""};

} // namespace

Outcome<Value, runtime::ApiError> callSts(const StsAccess &access, std::shared_ptr<CredentialsProvider> signer,
                                          std::string_view action, Value parameters) {
  apis::ApiTable table(&kSts, 1);
  AliyunCloudOptions options;
  options.table = &table;
  options.transport = access.transport;
  options.credentials = std::move(signer);
  options.anonymous = !options.credentials;
  options.now = access.now;
  if (!access.endpoint.empty()) {
    std::string why;
    options.endpoint = parseEndpointUrl(access.endpoint, why);
    if (!options.endpoint) {
      runtime::ApiError error;
      error.code = "oosc.BadRequest";
      error.message = "the STS endpoint " + why;
      return error;
    }
  }
  return AliyunCloud(std::move(options)).call("Sts", action, parameters);
}

} // namespace oosc::openapi
