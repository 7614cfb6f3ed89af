//===- catalogue/ResourceLists.h - How resources of a kind are listed ------===//
#pragma once

#include <string_view>

namespace oosc::runtime {

/// One row of ResourceLists.def.
struct ResourceList {
  std::string_view name; ///< an AssociationProperty or a resource type
  std::string_view product, api, listPath, idField, what;
};

/// The row named \p name (any case), or null.
const ResourceList *findResourceList(std::string_view name);

} // namespace oosc::runtime
