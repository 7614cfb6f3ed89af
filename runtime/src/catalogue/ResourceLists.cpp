//===- catalogue/ResourceLists.cpp ------------------------------------------===//
#include "oosc/runtime/ResourceLists.h"
#include "oosc/runtime/Value.h"

#include <cctype>
#include <iterator>

namespace oosc::runtime {
namespace {

constexpr ResourceList kLists[] = {
#define OOSC_RESOURCE_LIST(name, product, api, listPath, idField, what) {name, product, api, listPath, idField, what},
#include "catalogue/ResourceLists.def"
};

bool sameText(std::string_view a, std::string_view b) { return equalsIgnoringAsciiCase(a, b); }

} // namespace

const std::vector<ResourceList> &resourceLists() {
  static const std::vector<ResourceList> all(std::begin(kLists), std::end(kLists));
  return all;
}

const ResourceList *pickerListOf(const ParameterPick &parameter) {
  if (sameText(parameter.association, "Targets")) {
    bool typed = parameter.resourceType.substr(0, 8) == "ALIYUN::";
    return findResourceList(typed ? parameter.resourceType : "ALIYUN::ECS::Instance");
  }
  if (!parameter.association.empty())
    return findResourceList(parameter.association);
  if (parameter.filledByStarter && (sameText(parameter.name, "instanceId") || sameText(parameter.name, "instanceIds")))
    return findResourceList("ALIYUN::ECS::Instance::InstanceId");
  std::string_view name = parameter.name;
  for (const ResourceList &list : kLists) {
    if (list.idField == "InstanceId")
      continue;
    bool plural = name.size() == list.idField.size() + 1 && (name.back() == 's' || name.back() == 'S');
    if (sameText(name, list.idField) || (plural && sameText(name.substr(0, list.idField.size()), list.idField)))
      return &list;
  }
  return nullptr;
}

const ResourceList *findResourceList(std::string_view name) {
  for (const ResourceList &list : kLists)
    if (sameText(list.name, name))
      return &list;
  return nullptr;
}

} // namespace oosc::runtime
