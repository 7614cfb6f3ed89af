//===- ApiSubset.cpp - The entries of the API table a runner carries --------===//
#include "codegen/ApiSubset.h"

#include "analysis/CloudCalls.h"
#include "analysis/References.h"
#include "codegen/Literals.h"
#include "oosc/apis/CloudApis.h"
#include "oosc/runtime/EventTriggers.h"
#include "oosc/runtime/ResourceLists.h"
#include "oosc/runtime/StackResources.h"
#include "support/Spelling.h"

#include <map>
#include <set>

namespace oosc::codegen {
namespace {

struct CalledProduct {
  std::set<std::string_view> apiLines;
  std::set<std::string_view> answerLines;
};

std::string joinLines(const std::set<std::string_view> &lines) {
  std::string text;
  for (std::string_view line : lines)
    text.append(line).append("\n");
  return text;
}


std::string scalar(const ir::Node *node) { return node && node->isScalar() ? node->value : ""; }

/// A Default an ESS lifecycle hook fills: `${instanceIds}`, or a list of it.
bool filledByStarter(const ir::Node *value) {
  value = ir::resolve(value);
  if (value && value->isSequence() && value->items.size() == 1)
    value = ir::resolve(value->items.front());
  return runtime::isStarterPlaceholder(scalar(value));
}

/// `ALIYUN::ECS::Instance`, not an association such as
/// `ALIYUN::ECS::Instance::InstanceId`: three parts.
bool isResourceType(std::string_view name) {
  size_t parts = 1;
  for (size_t at = name.find("::"); at != std::string_view::npos; at = name.find("::", at + 2))
    ++parts;
  return parts == 3;
}

/// The resource lists the runner's pickers read: each parameter's of
/// \p templates.
std::set<const runtime::ResourceList *> pickerLists(const std::vector<const ir::Template *> &templates,
                                                    const analysis::ActionTemplates &actions) {
  std::set<const runtime::ResourceList *> lists;
  for (const ir::Template *tmpl : templates) {
    std::map<std::string, std::vector<std::string>> feeds = analysis::parameterFeeds(*tmpl, actions);
    for (const ir::Parameter &parameter : tmpl->parameters) {
      std::string association = scalar(ir::property(parameter.decl, "AssociationProperty"));
      std::string resourceType = scalar(ir::property(ir::property(parameter.decl, "AssociationPropertyMetadata"), "ResourceType"));
      auto fed = feeds.find(foldCase(parameter.name.text));
      if (const runtime::ResourceList *list = runtime::pickerListOf(
              {parameter.name.text, association, resourceType, filledByStarter(parameter.defaultValue),
               fed == feeds.end() ? nullptr : &fed->second}))
        lists.insert(list);
    }
  }
  return lists;
}

/// The resource lists ACS::SelectTargets tasks read: each one's
/// ResourceType (every type's when it is computed).
void addSelectTargetsLists(const ir::Template &tmpl, std::set<const runtime::ResourceList *> &lists) {
  for (const ir::Task &task : tmpl.tasks) {
    if (!equalsIgnoreCase(task.action, "ACS::SelectTargets"))
      continue;
    std::string type = scalar(ir::property(task.properties, "ResourceType"));
    if (const runtime::ResourceList *list = runtime::findResourceList(type))
      lists.insert(list);
    else if (type.empty() || type.find("{{") != std::string::npos)
      for (const runtime::ResourceList &any : runtime::resourceLists())
        if (isResourceType(any.name))
          lists.insert(&any);
  }
}

} // namespace

std::string emitApiSubset(const std::vector<const ir::Template *> &templates,
                          const analysis::ActionTemplates &actions) {
  const apis::ApiTable &table = apis::cloudApis();
  std::vector<const ir::Template *> all = templates;
  for (const auto &[name, action] : actions)
    all.push_back(action);
  std::map<const apis::ProductRecord *, CalledProduct> called;
  bool makesStacks = false;
  for (const ir::Template *tmpl : all)
    for (const analysis::CloudCall &call : analysis::collectCloudCalls(*tmpl)) {
      // The named API, and the one its URI reaches when that is another.
      for (auto [record, spec] : {std::pair{call.product, call.spec}, std::pair{call.routedProduct, call.routed}}) {
        if (!spec)
          continue;
        auto [apiLine, answerLine] = table.linesOf(*record, spec->name);
        makesStacks = makesStacks || (record->code == "ROS" && spec->name == "CreateStack");
        CalledProduct &product = called[record];
        product.apiLines.insert(apiLine);
        if (!answerLine.empty())
          product.answerLines.insert(answerLine);
      }
    }
  auto carry = [&](std::string_view productCode, std::string_view api) {
    const apis::ProductRecord *product = table.findService(productCode);
    const apis::ApiSpec *spec = product ? table.findApi(*product, api) : nullptr;
    if (!spec)
      return; // tests hold the runtime's rows to the table
    auto [apiLine, answerLine] = table.linesOf(*product, spec->name);
    called[product].apiLines.insert(apiLine);
    if (!answerLine.empty())
      called[product].answerLines.insert(answerLine);
  };
  // The runner lists resources itself for its parameter pickers and
  // ACS::SelectTargets (oosc/runtime/ResourceLists.h): it calls those APIs too.
  std::set<const runtime::ResourceList *> lists = pickerLists(templates, actions);
  for (const ir::Template *tmpl : all)
    addSelectTargetsLists(*tmpl, lists);
  for (const runtime::ResourceList *list : lists)
    carry(list->product, list->api);
  // A {{ oos:NAME }} or {{ oos-secret:NAME }} reference, in a template or
  // an action it calls, reads OOS's parameter store (executor/Context.cpp).
  for (const ir::Template *tmpl : all)
    for (const analysis::ReferenceSite &site : analysis::collectReferences(*tmpl)) {
      if (site.reference->kind == ir::RefKind::Store)
        carry("oos", "GetParameter");
      else if (site.reference->kind == ir::RefKind::Secret)
        carry("oos", "GetSecretParameter");
    }
  // ROS's CreateStack on the simulated cloud makes the stack's resources
  // with the cloud's own APIs (oosc/runtime/StackResources.h).
  if (makesStacks)
    for (const runtime::StackApi &api : runtime::stackResourceApis())
      carry(api.product, api.api);
  // An event or alarm trigger asks CloudMonitor while it waits
  // (oosc/runtime/EventTriggers.h).
  for (const ir::Template *tmpl : templates)
    if (!tmpl->tasks.empty())
      for (const runtime::TriggerApi &api : runtime::triggerApisOf(tmpl->tasks.front().action))
        carry(api.product, api.api);
  std::string code = "// The API table's entries for the APIs this runner's templates call.\n"
                     "static const ::oosc::apis::ProductRecord kApiProducts[] = {\n";
  for (const auto &[product, lines] : called)
    code += "  {" + cppStringLiteral(product->code) + ", " + cppStringLiteral(product->version) + ", " +
            cppStringLiteral(product->locationServiceCode) + ", ::oosc::apis::ApiStyle::" +
            (product->style == apis::ApiStyle::Restful ? "Restful" : "Rpc") + ", " +
            cppStringLiteral(product->globalEndpoint) + ", " + cppStringLiteral(product->regionalEndpoints) + ", " +
            cppStringLiteral(product->vpcEndpoints) + ", " + cppStringLiteral(joinLines(lines.apiLines)) + ", " +
            cppStringLiteral(joinLines(lines.answerLines)) + "},\n";
  if (called.empty())
    code += "  {},\n";
  code += "};\nstatic const std::size_t kApiProductCount = " + std::to_string(called.size()) + ";\n";
  return code;
}

} // namespace oosc::codegen
