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

} // namespace

bool isStarterPlaceholder(std::string_view text) {
  return text.size() > 3 && text.substr(0, 2) == "${" && text.back() == '}' &&
         text.find_first_of("${} ", 2) == text.size() - 1;
}

const std::vector<ResourceList> &resourceLists() {
  static const std::vector<ResourceList> all(std::begin(kLists), std::end(kLists));
  return all;
}

const ResourceList *pickerListOf(const ParameterPick &parameter) {
  if (equalsIgnoringAsciiCase(parameter.association, "Targets")) {
    bool typed = parameter.resourceType.substr(0, 8) == "ALIYUN::";
    return findResourceList(typed ? parameter.resourceType : "ALIYUN::ECS::Instance");
  }
  if (!parameter.association.empty())
    return findResourceList(parameter.association);
  if (parameter.filledByStarter && (equalsIgnoringAsciiCase(parameter.name, "instanceId") || equalsIgnoringAsciiCase(parameter.name, "instanceIds")))
    return findResourceList("ALIYUN::ECS::Instance::InstanceId");
  std::string_view name = parameter.name;
  for (const ResourceList &list : kLists) {
    if (list.idField == "InstanceId")
      continue;
    bool plural = name.size() == list.idField.size() + 1 && (name.back() == 's' || name.back() == 'S');
    if (equalsIgnoringAsciiCase(name, list.idField) || (plural && equalsIgnoringAsciiCase(name.substr(0, list.idField.size()), list.idField)))
      return &list;
  }
  return nullptr;
}

const ResourceList *findResourceList(std::string_view name) {
  for (const ResourceList &list : kLists)
    if (equalsIgnoringAsciiCase(list.name, name))
      return &list;
  return nullptr;
}

} // namespace oosc::runtime
