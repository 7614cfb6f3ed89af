// Endpoints.h - Which host answers a product's API calls in a region.
//
// From the API table (apis/): a region's own public or VPC host where the
// metadata names one (ECS in cn-hangzhou is `ecs-cn-hangzhou.aliyuncs.com`),
// else the product's central host (STS: `sts.aliyuncs.com`), else the SDKs'
// rule `<code>.<region>.aliyuncs.com` (`<code>-vpc.<region>...` inside a
// VPC). An endpoint given by the user (a private or test endpoint) wins over
// all of them; it is a URL with its scheme, and plain HTTP is accepted only
// for loopback addresses, so credentials never cross a network unencrypted.
#ifndef OOSC_OPENAPI_ENDPOINTS_H
#define OOSC_OPENAPI_ENDPOINTS_H

#include "oosc/apis/ApiTable.h"

#include <optional>
#include <string>
#include <string_view>

namespace oosc::openapi {

enum class EndpointType { Public, Vpc };

/// The host of \p product in \p region (no scheme).
std::string endpointHost(const apis::ProductRecord &product, std::string_view region, EndpointType type);

/// A base URL the user gave: scheme, host and optional port.
struct EndpointUrl {
  std::string scheme; ///< "https" or "http"
  std::string host;   ///< "127.0.0.1", "ecs.example.internal"
  int port = 0;       ///< 0: the scheme's
  std::string text() const;
};

/// Reads `https://host[:port]` or `http://loopback[:port]` (a trailing `/`
/// allowed). On failure returns nothing and says why in \p why.
std::optional<EndpointUrl> parseEndpointUrl(std::string_view text, std::string &why);

/// Where STS is for \p region: the central https://sts.aliyuncs.com, or
/// the region's VPC endpoint https://sts-vpc.REGION.aliyuncs.com.
std::string stsEndpointUrl(std::string_view region, EndpointType type);

/// 127.0.0.0/8, `localhost` and `[::1]`.
bool isLoopbackHost(std::string_view host);

} // namespace oosc::openapi

#endif
