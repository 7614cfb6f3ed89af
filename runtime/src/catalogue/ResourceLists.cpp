//===- catalogue/ResourceLists.cpp ------------------------------------------===//
#include "oosc/runtime/ResourceLists.h"

#include <algorithm>
#include "oosc/runtime/Value.h"

#include <cctype>
#include <iterator>

namespace oosc::runtime {
namespace {

constexpr ResourceList kLists[] = {
#define OOSC_RESOURCE_LIST(name, product, api, listPath, idField, what, within) {name, product, api, listPath, idField, what, within},
#include "catalogue/ResourceLists.def"
};

/// The last part of the list's association or type (`BucketName` of
/// ALIYUN::OSS::Bucket::BucketName).
std::string_view lastPart(const ResourceList &list) { return list.name.substr(list.name.rfind("::") + 2); }

/// Whether \p name is \p field, or ends with it after words in front of it
/// (targetVSwitchId, sourceImageId): the field's own capital then begins a
/// word.
bool endsWithField(std::string_view name, std::string_view field) {
  if (name.size() < field.size())
    return false;
  std::string_view tail = name.substr(name.size() - field.size());
  bool wordBegins = tail.size() == name.size() || std::isupper(static_cast<unsigned char>(tail.front()));
  return wordBegins && equalsIgnoringAsciiCase(tail, field);
}

/// How much of a parameter's name names the list's resources, 0 when it
/// does not: the id field (keyPairName, securityGroupIds), or the last part
/// of the association when it names the field otherwise (bucketName for
/// ALIYUN::OSS::Bucket::BucketName, whose answers call it Name). A bare
/// Name or Id names nothing in particular (topicName is no bucket), nor
/// does an instanceId or a clusterId alone name any product's instances
/// (ECS, RDS, Redis...) or clusters (ACK, AnalyticDB, PolarDB...).
size_t namingLength(std::string_view name, const ResourceList &list) {
  std::string_view singular = name;
  if (singular.size() > 1 && (singular.back() == 's' || singular.back() == 'S'))
    singular.remove_suffix(1);
  size_t longest = 0;
  for (std::string_view field : {list.idField, lastPart(list)}) {
    bool generic = field == "Name" || field == "Id";
    bool names = generic ? equalsIgnoringAsciiCase(name, field) || equalsIgnoringAsciiCase(singular, field)
                         : endsWithField(name, field) || endsWithField(singular, field);
    if (field != "InstanceId" && field != "ClusterId" && names)
      longest = std::max(longest, field.size());
  }
  return longest;
}

/// Whether API parameter \p parameter takes \p field: by that name, or a
/// list of them (InstanceIds for InstanceId).
bool takes(std::string_view parameter, std::string_view field) {
  if (parameter.size() == field.size() + 1 && parameter.back() == 's')
    parameter.remove_suffix(1);
  return equalsIgnoringAsciiCase(parameter, field);
}

/// The row of the resources \p feed (`Service.Parameter`) takes: same
/// product, its id field or association's last part the parameter.
const ResourceList *listFed(std::string_view feed) {
  size_t dot = feed.find('.');
  if (dot == std::string_view::npos)
    return nullptr;
  std::string_view service = feed.substr(0, dot), parameter = feed.substr(dot + 1);
  for (const ResourceList &list : kLists)
    if (equalsIgnoringAsciiCase(list.product, service) && (takes(parameter, list.idField) || takes(parameter, lastPart(list))))
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
  // The most specific name wins: eventBusName is an event bus's name
  // before it is anything's.
  const ResourceList *best = nullptr;
  size_t bestLength = 0;
  for (const ResourceList &list : kLists)
    if (size_t length = namingLength(parameter.name, list); length > bestLength) {
      best = &list;
      bestLength = length;
    }
  return best;
}

const ResourceList *findResourceList(std::string_view name) {
  for (const ResourceList &list : kLists)
    if (equalsIgnoringAsciiCase(list.name, name))
      return &list;
  return nullptr;
}

} // namespace oosc::runtime
