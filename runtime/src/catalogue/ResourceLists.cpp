//===- catalogue/ResourceLists.cpp ------------------------------------------===//
#include "catalogue/ResourceLists.h"

#include <cctype>

namespace oosc::runtime {
namespace {

constexpr ResourceList kLists[] = {
#define OOSC_RESOURCE_LIST(name, product, api, listPath, idField, what) {name, product, api, listPath, idField, what},
#include "catalogue/ResourceLists.def"
};

bool sameText(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

} // namespace

const ResourceList *findResourceList(std::string_view name) {
  for (const ResourceList &list : kLists)
    if (sameText(list.name, name))
      return &list;
  return nullptr;
}

} // namespace oosc::runtime
