//===- CloudCalls.h - Tasks that call a cloud API, resolved against the table ===//
//
// ACS::ExecuteAPI, ACS::WaitFor and ACS::CheckFor name a Service and an API;
// the rules unknown-service, unknown-api, api-parameters and
// answer-selector, and the language server, look them up here in the API
// table (oosc/apis/CloudApis.h).
//
//===----------------------------------------------------------------------===//
#pragma once

#include "ir/Template.h"
#include "oosc/apis/ApiTable.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace oosc::analysis {

struct CloudCall {
  const ir::Task *task = nullptr;
  /// The Service and API scalars (null when absent); literal or not.
  const ir::Node *service = nullptr;
  const ir::Node *api = nullptr;
  /// The Parameters mapping, null when absent, computed or not a mapping.
  const ir::Node *parameters = nullptr;
  /// True when the task gives a URI: a restful (ROA) call whose path and
  /// body parameters travel in URI and Body rather than Parameters.
  bool restfulForm = false;
  /// False when the URI of a restful call leads to another API than the one
  /// named (OOS calls the URI; the API name is then only a label), or is
  /// computed: its parameters and answer are not the named API's.
  bool uriFitsApi = true;
  /// Where the URI does not fit the named API: the API it reaches (same
  /// path pattern and method) and that API's product (one the Service
  /// names), null when none or computed.
  const apis::ApiSpec *routed = nullptr;
  const apis::ProductRecord *routedProduct = nullptr;
  /// The product of a literal Service, null when unknown or computed.
  const apis::ProductRecord *product = nullptr;
  /// The API, decoded, when Service and API are literal and known.
  const apis::ApiSpec *spec = nullptr;

  bool serviceIsLiteral() const;
  bool apiIsLiteral() const;
};

/// True for the actions whose Properties name a Service and an API.
bool callsCloudApi(const ir::Task &task);

/// The calls of every task of \p tmpl that callsCloudApi, in task order.
std::vector<CloudCall> collectCloudCalls(const ir::Template &tmpl);

/// The call one task makes (callsCloudApi must hold).
CloudCall resolveCloudCall(const ir::Task &task);

/// The product actions built with a template, by action name case-folded
/// (foldCase): their definitions, read from an actions folder.
using ActionTemplates = std::map<std::string, const ir::Template *>;

/// The API parameters each template parameter is passed to whole (a value
/// `{{ name }}`, or a list of only it), as `Service.Parameter` in the
/// Service as written (`R-kvstore.InstanceId`), or written whole as a
/// segment of a restful call's URI (`/clusters/{{ clusterId }}` feeds
/// `CS.ClusterId`, the API's path parameter there): what the resource is when
/// no AssociationProperty says, for pickers. A parameter passed whole to a
/// property of a product action in \p actions feeds what that property of
/// the action's definition feeds, through actions that call actions.
/// Keyed by the parameter's name case-folded (foldCase), as OOS resolves
/// references without case.
std::map<std::string, std::vector<std::string>> parameterFeeds(const ir::Template &tmpl,
                                                               const ActionTemplates &actions = {});

/// `ACS::ExecuteAPI` and friends as people write them: a parameter whose
/// name is RegionId in any case is always taken: OOS fills it with the
/// execution's region when it is left out, and passes it to APIs that do not
/// declare it.
bool isRegionIdParameter(std::string_view name);

/// Whether the literal path \p uri (its `{{ }}` segments taken for any value,
/// a leading API version segment and a query left out) has the segments of
/// \p pathPattern (`/clusters/[ClusterId]`).
bool uriFitsPattern(std::string_view uri, std::string_view pathPattern);

} // namespace oosc::analysis
