//===- ApiParameterNames.h - How a template may name an API's parameter -----===//
//
// OOS's ACS::ExecuteAPI takes more spellings than the wire names of the
// OpenAPI metadata, and the public templates use them all (measured on
// ../shared/corpus: 1,040 of 1,072 parameter names that are not wire names
// are one of these forms):
// - the wire name, `InstanceId`, `SystemDisk.Category`;
// - a RepeatList by the name of Alibaba's SDK setters, plural and given a
//   list: `InstanceIds` for `InstanceId`, `Tags` for `Tag`;
// - a RepeatList flattened: `InstanceId.1`, `Tag.1.Key`, and the numbered
//   names of older SDKs, `ScalingGroupId1`;
// - a flattened struct field without its dot, as SDK setters spell it:
//   `SystemDiskCategory` for `SystemDisk.Category`;
// - a field path into a Struct, Array or Json parameter: `Body.Name`.
// RegionId in any case is always taken (see CloudCalls.h).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/apis/ApiTable.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oosc::analysis {

enum class ParameterForm : uint8_t { WireName, ListName, Flattened, Dotless, FieldPath };

struct ParameterMatch {
  const apis::ParamSpec *param = nullptr;
  ParameterForm form = ParameterForm::WireName;
  /// A flattened RepeatList's field (`Tag.1.Key`): its name as written, and
  /// the field it names (null when the RepeatList has no such field).
  std::string_view fieldName;
  const apis::ParamSpec *field = nullptr;
};

/// The parameter \p key stands for, or nothing. Names are matched with case,
/// as the cloud's gateway does.
std::optional<ParameterMatch> matchParameter(const apis::ApiSpec &api, std::string_view key);

/// Every spelling matchParameter takes but the flattened ones, for
/// suggestions and completion.
std::vector<std::string> parameterSpellings(const apis::ApiSpec &api);

/// True when the API wants this parameter in a task's Parameters: required,
/// and neither RegionId nor placed where Parameters do not go (the path,
/// headers or host of a restful call).
bool requiredInParameters(const apis::ParamSpec &param, bool restful);

} // namespace oosc::analysis
