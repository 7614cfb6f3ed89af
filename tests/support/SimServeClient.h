//===- SimServeClient.h - Our OpenAPI client pointed at a served simulator -===//
//
// Tests and benchmarks that talk to `oosc sim serve` over HTTP all need the
// same client: the API table, the server's loopback address as the endpoint,
// a curl transport and the served simulator's test key.
#pragma once

#include "oosc/apis/CloudApis.h"
#include "oosc/openapi/AliyunCloud.h"
#include "oosc/openapi/Credentials.h"
#include "oosc/openapi/Endpoints.h"
#include "oosc/openapi/Transport.h"
#include "oosc/simserve/SimServe.h"

#include <string>

namespace oosc::testing {

/// Client options for the simulator served at \p url, signing with the test
/// key (or \p secret in its place, to see a signature refused).
inline openapi::AliyunCloudOptions simServeClientOptions(const std::string &url,
                                                         std::string secret = simserve::kTestKeySecret) {
  openapi::AliyunCloudOptions options;
  options.table = &apis::cloudApis();
  std::string why;
  options.endpoint = openapi::parseEndpointUrl(url, why);
  auto transport = openapi::makeCurlTransport({});
  if (transport.ok())
    options.transport = std::move(transport.value());
  options.credentials = openapi::fixedCredentials({simserve::kTestKeyId, std::move(secret), ""}, "the test");
  return options;
}

} // namespace oosc::testing
