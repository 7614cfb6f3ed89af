// StackResources.cpp - The table of StackResources.def, and the APIs it names.
#include "oosc/runtime/StackResources.h"

#include <algorithm>

namespace oosc::runtime {

const std::vector<StackResourceType> &stackResourceTypes() {
  static const std::vector<StackResourceType> Types = {
#define OOSC_STACK_RESOURCE(type, product, createApi, renames, idPath, many, deleteApi, deleteWith, attributes,      \
                            links, linkWith)                                                                         \
  {type, product, createApi, renames, idPath, many, deleteApi, deleteWith, attributes, links, linkWith},
#include "catalogue/StackResources.def"
#undef OOSC_STACK_RESOURCE
  };
  return Types;
}

const StackResourceType *findStackResourceType(std::string_view type) {
  for (const StackResourceType &row : stackResourceTypes())
    if (row.type == type)
      return &row;
  return nullptr;
}

std::vector<StackPair> stackPairs(std::string_view list) {
  std::vector<StackPair> pairs;
  while (!list.empty()) {
    std::string_view entry = list.substr(0, list.find(','));
    list.remove_prefix(std::min(list.size(), entry.size() + 1));
    std::size_t equals = entry.find('=');
    if (equals == std::string_view::npos)
      pairs.push_back({entry, {}});
    else
      pairs.push_back({entry.substr(0, equals), entry.substr(equals + 1)});
  }
  return pairs;
}

std::vector<StackLink> stackLinks(const StackResourceType &type) {
  std::vector<StackLink> links;
  // Roles=AttachPolicyToRole/DetachPolicyFromRole:RoleName
  for (const StackPair &pair : stackPairs(type.links)) {
    std::size_t slash = pair.value.find('/'), colon = pair.value.find(':');
    links.push_back({pair.name, pair.value.substr(0, slash), pair.value.substr(slash + 1, colon - slash - 1),
                     pair.value.substr(colon + 1)});
  }
  return links;
}

std::vector<StackApi> stackResourceApis() {
  std::vector<StackApi> apis;
  for (const StackResourceType &row : stackResourceTypes()) {
    apis.push_back({row.product, row.createApi});
    apis.push_back({row.product, row.deleteApi});
    for (const StackLink &link : stackLinks(row)) {
      apis.push_back({row.product, link.attachApi});
      apis.push_back({row.product, link.detachApi});
    }
  }
  return apis;
}

} // namespace oosc::runtime
