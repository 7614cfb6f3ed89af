#include "oosc/openapi/Endpoints.h"

#include "oosc/openapi/HttpText.h"

#include <cctype>

namespace oosc::openapi {

namespace {

/// The host of \p region in the table's `region=host;region=host` notation.
std::optional<std::string_view> hostOfRegion(std::string_view table, std::string_view region) {
  std::size_t at = 0;
  while (at < table.size()) {
    std::size_t end = table.find(';', at);
    if (end == std::string_view::npos)
      end = table.size();
    std::string_view entry = table.substr(at, end - at);
    std::size_t equals = entry.find('=');
    if (equals != std::string_view::npos && entry.substr(0, equals) == region)
      return entry.substr(equals + 1);
    at = end + 1;
  }
  return std::nullopt;
}

bool isAllDigits(std::string_view text) {
  if (text.empty())
    return false;
  for (char c : text)
    if (!std::isdigit(static_cast<unsigned char>(c)))
      return false;
  return true;
}

} // namespace

std::string endpointHost(const apis::ProductRecord &product, std::string_view region, EndpointType type) {
  std::string code = lowerCase(product.code);
  if (type == EndpointType::Vpc) {
    if (auto host = hostOfRegion(product.vpcEndpoints, region))
      return std::string(*host);
    return code + "-vpc." + std::string(region) + ".aliyuncs.com";
  }
  if (auto host = hostOfRegion(product.regionalEndpoints, region))
    return std::string(*host);
  if (!product.globalEndpoint.empty())
    return std::string(product.globalEndpoint);
  return code + "." + std::string(region) + ".aliyuncs.com";
}

std::string stsEndpointUrl(std::string_view region, EndpointType type) {
  return type == EndpointType::Vpc ? "https://sts-vpc." + std::string(region) + ".aliyuncs.com"
                                   : "https://sts.aliyuncs.com";
}

std::string EndpointUrl::text() const {
  return scheme + "://" + host + (port ? ":" + std::to_string(port) : "");
}

bool isLoopbackHost(std::string_view host) {
  if (host == "localhost" || host == "[::1]")
    return true;
  // 127.a.b.c with every part a number of at most three digits.
  if (host.rfind("127.", 0) != 0)
    return false;
  int parts = 0;
  std::size_t at = 0;
  while (at <= host.size()) {
    std::size_t dot = host.find('.', at);
    std::string_view part = host.substr(at, dot == std::string_view::npos ? std::string_view::npos : dot - at);
    if (!isAllDigits(part) || part.size() > 3 || std::stoi(std::string(part)) > 255)
      return false;
    ++parts;
    if (dot == std::string_view::npos)
      break;
    at = dot + 1;
  }
  return parts == 4;
}

std::optional<EndpointUrl> parseEndpointUrl(std::string_view text, std::string &why) {
  EndpointUrl url;
  std::size_t schemeEnd = text.find("://");
  if (schemeEnd == std::string_view::npos) {
    why = "'" + std::string(text) + "' is not a URL: give its scheme, as in https://ecs.example.com";
    return std::nullopt;
  }
  url.scheme = lowerCase(text.substr(0, schemeEnd));
  std::string_view rest = text.substr(schemeEnd + 3);
  if (!rest.empty() && rest.back() == '/')
    rest.remove_suffix(1);
  if (rest.find('/') != std::string_view::npos || rest.find('?') != std::string_view::npos) {
    why = "'" + std::string(text) + "' has a path: an endpoint is a scheme, a host and a port";
    return std::nullopt;
  }
  std::size_t colon = rest.rfind(':');
  bool bracketed = !rest.empty() && rest.front() == '[';
  std::size_t closing = rest.find(']');
  if (colon != std::string_view::npos && (!bracketed || (closing != std::string_view::npos && colon > closing))) {
    std::string_view port = rest.substr(colon + 1);
    if (!isAllDigits(port) || port.size() > 5 || std::stoi(std::string(port)) == 0 ||
        std::stoi(std::string(port)) > 65535) {
      why = "'" + std::string(text) + "' has no valid port after ':'";
      return std::nullopt;
    }
    url.port = std::stoi(std::string(port));
    rest = rest.substr(0, colon);
  }
  url.host = lowerCase(rest);
  if (url.host.empty()) {
    why = "'" + std::string(text) + "' names no host";
    return std::nullopt;
  }
  if (url.scheme == "https")
    return url;
  if (url.scheme == "http" && isLoopbackHost(url.host))
    return url;
  if (url.scheme == "http") {
    why = "'" + std::string(text) +
          "' is plain HTTP to a host that is not loopback: requests carry credentials, so only https is "
          "accepted there (http only for 127.0.0.1, localhost and [::1])";
    return std::nullopt;
  }
  why = "'" + std::string(text) + "' has the scheme '" + url.scheme + "': use https (or http for loopback)";
  return std::nullopt;
}

} // namespace oosc::openapi
