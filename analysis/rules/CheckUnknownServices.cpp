//===- CheckUnknownServices.cpp - A called service exists (`unknown-service`) ===//
//
// The Service of ACS::ExecuteAPI, ACS::WaitFor and ACS::CheckFor is looked up
// in the API table as OOS does: the product code or the location service
// code, without case. A near miss of a product is an error with the product
// suggested. A name like no product is a warning: the table lists 323 of
// Alibaba Cloud's products, and internal or newer services (the corpus
// calls MNS and Rdc-inner) are not in it.
//
//===----------------------------------------------------------------------===//
#include "analysis/CloudCalls.h"
#include "analysis/Rules.h"
#include "oosc/apis/CloudApis.h"
#include "support/Spelling.h"

namespace oosc::analysis {
namespace {

void reportUnknownService(AnalysisContext &context, const CloudCall &call) {
  const apis::ApiTable &table = apis::cloudApis();
  const ir::Node *service = call.service;
  std::string message = "unknown service '" + service->value + "'";
  if (auto suggestion = suggestName(service->value, table.serviceNames())) {
    Diagnostic &diagnostic =
        context.diagnostics.report(RuleId::UnknownService, service->range, message + "; did you mean '" + *suggestion + "'?");
    diagnostic.fix(service->range, *suggestion);
    return;
  }
  context.diagnostics.report(RuleId::UnknownService, Severity::Warning, service->range,
                             message + ": not one of the " + std::to_string(table.productCount()) +
                                 " products of oosc's API table");
}

} // namespace

void checkUnknownServices(AnalysisContext &context) {
  for (const CloudCall &call : collectCloudCalls(context.tmpl))
    if (call.serviceIsLiteral() && !call.product)
      reportUnknownService(context, call);
}

} // namespace oosc::analysis
