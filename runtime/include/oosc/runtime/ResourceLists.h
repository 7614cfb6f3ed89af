//===- ResourceLists.h - How the account's resources of a kind are listed --===//
//
// The data of runtime/src/catalogue/ResourceLists.def: for an
// AssociationProperty (the console's parameter pickers) or a resource type
// (ACS::SelectTargets), the Describe API that lists the resources. Runners
// list them through their cloud backend, so they carry these APIs' table
// entries (codegen/ApiSubset.h).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace oosc::runtime {

/// One row of ResourceLists.def.
struct ResourceList {
  std::string_view name; ///< an AssociationProperty or a resource type
  std::string_view product, api, listPath, idField, what;
  /// `param=Key`: the list API's parameter `param` narrows the list to the
  /// parent resource that the metadata key `Key` names; "" when none.
  std::string_view within;
};

/// The row named \p name (any case), or null.
const ResourceList *findResourceList(std::string_view name);

/// Every row, in the table's order.
const std::vector<ResourceList> &resourceLists();

/// What a template parameter says of the resources that may fill it.
struct ParameterPick {
  std::string_view name;
  std::string_view association;  ///< AssociationProperty, "" when none
  std::string_view resourceType; ///< AssociationPropertyMetadata.ResourceType
  /// Its Default is a placeholder a starter fills (`${instanceIds}`).
  bool filledByStarter = false;
  /// The API parameters the template passes it to (`adb.DBClusterId`);
  /// null: none known.
  const std::vector<std::string> *feeds = nullptr;
};

/// Whether \p text is a whole `${name}` placeholder, the form an ESS
/// lifecycle hook's template gives a Default it fills (`${instanceIds}`).
bool isStarterPlaceholder(std::string_view text);

/// The row whose resources the parameter's picker offers: its
/// AssociationProperty's; a Targets parameter's resource type (ECS instances
/// when its metadata names none, or names a parameter); without an
/// AssociationProperty, the row of the product and id field an API
/// parameter it feeds names (an instanceId passed to R-kvstore's InstanceId
/// is a Redis instance), else the row whose id field the parameter is named
/// after (loadBalancerId, diskIds, keyPairName; a bare instanceId(s) only
/// when a starter fills it, since it names an instance of any product).
/// Null when no row serves it.
const ResourceList *pickerListOf(const ParameterPick &parameter);

} // namespace oosc::runtime
