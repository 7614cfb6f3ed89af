// OidcToken.h - What the served STS reads from an OIDC token (a JWT):
// issuer, subject, audience and times, from its payload. The simulator has
// no identity provider's keys, so the signature part is not checked; the
// shape and the expiry are, as STS checks them.
#ifndef OOSC_SIMSERVE_OIDCTOKEN_H
#define OOSC_SIMSERVE_OIDCTOKEN_H

#include "oosc/runtime/Value.h"

#include <optional>
#include <string>

namespace oosc::simserve {

struct OidcClaims {
  std::string issuer, subject, audience;
  long long issuedAt = 0, expires = 0;
};

/// The claims of \p token, or nothing with \p why set to STS's message.
std::optional<OidcClaims> readOidcToken(const std::string &token, std::string &why);

} // namespace oosc::simserve

#endif
