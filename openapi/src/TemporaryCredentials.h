// TemporaryCredentials.h - Credentials that expire (an STS token from
// AssumeRole, AssumeRoleWithOIDC, an ECS instance's metadata service or a
// credentials URI), fetched again before they do.
#ifndef OOSC_OPENAPI_TEMPORARYCREDENTIALS_H
#define OOSC_OPENAPI_TEMPORARYCREDENTIALS_H

#include "oosc/openapi/Credentials.h"
#include "oosc/openapi/Transport.h"
#include "oosc/runtime/Value.h"

#include <ctime>
#include <functional>
#include <memory>
#include <string>

namespace oosc::openapi {

struct TemporaryKey {
  Credentials credentials;
  std::time_t expires = 0;
};

/// Fetches a fresh key, or says why it could not (no secret in the message).
using FetchTemporaryKey = std::function<runtime::Outcome<TemporaryKey>()>;

/// A provider that calls \p fetch for its first key and again when the key
/// has a quarter of its life (at most ten minutes) left; while a refresh
/// fails, the old key serves until it expires. \p description is what
/// describe() says.
std::shared_ptr<CredentialsProvider> temporaryCredentials(FetchTemporaryKey fetch, std::string description,
                                                          std::function<std::time_t()> now);

/// The key in a JSON answer that has AccessKeyId, AccessKeySecret,
/// SecurityToken and Expiration (ISO 8601) at \p where (or at its top when
/// \p where is empty), or why it has none; \p what names the answer in the message.
runtime::Outcome<TemporaryKey> temporaryKeyIn(const runtime::Value &answer, std::string_view where,
                                              const std::string &what);

} // namespace oosc::openapi

#endif
