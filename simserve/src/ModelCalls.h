// ModelCalls.h - What the served cloud's own models (StsModel,
// OosTemplates) share: a call's parameter by name, and an error as the
// gateway sends it.
#ifndef OOSC_SIMSERVE_MODELCALLS_H
#define OOSC_SIMSERVE_MODELCALLS_H

#include "oosc/openapi/Verification.h"
#include "oosc/runtime/Cloud.h"

#include <string>
#include <string_view>

namespace oosc::simserve {

/// The value of \p call's parameter \p name, "" when it has none.
inline std::string parameterOf(const openapi::SignedCall &call, std::string_view name) {
  for (const openapi::Field &field : call.parameters)
    if (field.name == name)
      return field.value;
  return "";
}

inline runtime::ApiError modelError(int status, std::string code, std::string message) {
  runtime::ApiError error;
  error.httpStatus = status;
  error.code = std::move(code);
  error.message = std::move(message);
  return error;
}

} // namespace oosc::simserve

#endif
