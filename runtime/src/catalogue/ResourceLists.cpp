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

/// What a parameter named for the list's resources is called: the id
/// field (keyPairName, securityGroupIds), or the last part of the
/// association when it names the field otherwise (bucketName for
/// ALIYUN::OSS::Bucket::BucketName, whose answers call it Name). An
/// instanceId alone names no product's instances (ECS, RDS, Redis...).
bool namesTheList(std::string_view name, const ResourceList &list) {
  std::string_view named = list.name.substr(list.name.rfind("::") + 2);
  for (std::string_view field : {list.idField, named}) {
    if (field == "InstanceId")
      continue;
    bool plural = name.size() == field.size() + 1 && (name.back() == 's' || name.back() == 'S');
    if (equalsIgnoringAsciiCase(name, field) || (plural && equalsIgnoringAsciiCase(name.substr(0, field.size()), field)))
      return true;
  }
  return false;
}

/// The row of the resources \p feed (`Service.Parameter`) takes: same
/// product, its id field or association's last part the parameter.
const ResourceList *listFed(std::string_view feed) {
  size_t dot = feed.find('.');
  if (dot == std::string_view::npos)
    return nullptr;
  std::string_view service = feed.substr(0, dot), parameter = feed.substr(dot + 1);
  for (const ResourceList &list : kLists)
    if (equalsIgnoringAsciiCase(list.product, service) &&
        (equalsIgnoringAsciiCase(list.idField, parameter) ||
         equalsIgnoringAsciiCase(list.name.substr(list.name.rfind("::") + 2), parameter)))
      return &list;
  return nullptr;
}

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
  if (parameter.feeds)
    for (const std::string &feed : *parameter.feeds)
      if (const ResourceList *list = listFed(feed))
        return list;
  if (parameter.filledByStarter && (equalsIgnoringAsciiCase(parameter.name, "instanceId") || equalsIgnoringAsciiCase(parameter.name, "instanceIds")))
    return findResourceList("ALIYUN::ECS::Instance::InstanceId");
  for (const ResourceList &list : kLists)
    if (namesTheList(parameter.name, list))
      return &list;
  return nullptr;
}

const ResourceList *findResourceList(std::string_view name) {
  for (const ResourceList &list : kLists)
    if (equalsIgnoringAsciiCase(list.name, name))
      return &list;
  return nullptr;
}

} // namespace oosc::runtime
