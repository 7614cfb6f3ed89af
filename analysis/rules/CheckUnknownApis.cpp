//===- CheckUnknownApis.cpp - A called API exists (`unknown-api`) -----------===//
//
// The API of ACS::ExecuteAPI, ACS::WaitFor and ACS::CheckFor is one its
// service has in the version OOS calls. The gateway matches Action names
// without case (the public templates call ExitStandBy, which Auto Scaling
// spells ExitStandby), so only a name that is there in no case is reported.
// A near miss of an API is an error with the API suggested; a name like
// none is a warning. Products the table knows by name but not by API (OSS,
// ECD) are not judged.
//
//===----------------------------------------------------------------------===//
#include "analysis/CloudCalls.h"
#include "analysis/Rules.h"
#include "oosc/apis/CloudApis.h"
#include "support/Spelling.h"

namespace oosc::analysis {
namespace {

void reportUnknownApi(AnalysisContext &context, const CloudCall &call) {
  const apis::ApiTable &table = apis::cloudApis();
  const apis::ProductRecord &product = *call.product;
  const ir::Node *api = call.api;
  std::string message = "service '" + call.service->value + "' has no API '" + api->value + "'";
  if (auto suggestion = suggestName(api->value, table.apiNames(product))) {
    Diagnostic &diagnostic =
        context.diagnostics.report(RuleId::UnknownApi, api->range, message + "; did you mean '" + *suggestion + "'?");
    diagnostic.fix(api->range, *suggestion);
    return;
  }
  // Like none of today's APIs: perhaps one of another version (the public
  // templates call WAF's ModifyLogServiceStatus of 2019-09-10), or one the
  // metadata leaves out.
  context.diagnostics.report(RuleId::UnknownApi, Severity::Warning, api->range,
                             message + " in version " + std::string(product.version) + " (" +
                                 std::to_string(table.apiCount(product)) + " APIs)");
}

} // namespace

void checkUnknownApis(AnalysisContext &context) {
  const apis::ApiTable &table = apis::cloudApis();
  for (const CloudCall &call : collectCloudCalls(context.tmpl))
    if (call.product && call.apiIsLiteral() && !call.spec && table.apiCount(*call.product) > 0)
      reportUnknownApi(context, call);
}

} // namespace oosc::analysis
