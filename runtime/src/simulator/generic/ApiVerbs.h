//===- generic/ApiVerbs.h - An API's name read as verb and resource -------===//
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace oosc::runtime::sim::generic {

/// What the engine does for a verb (ApiVerbs.def).
enum class Verb { Create, Read, Update, Delete, Act };

/// What an API name says: `DescribeDBInstances` reads DBInstance, several;
/// `DescribeDBInstanceAttribute` reads one; `ModifyDBInstanceSpec` updates
/// one.
struct ApiMeaning {
  Verb verb = Verb::Read;
  std::string verbText; ///< "Describe"
  std::string noun;     ///< the resource, singular: "DBInstance"
  /// Read: the name is plural (`DescribeDisks`), so the answer is a list.
  bool plural = false;
};

/// The meaning of \p api, or nothing when its verb is not one the engine
/// models (ApiVerbs.def) or no resource follows the verb.
std::optional<ApiMeaning> meaningOf(std::string_view api);

/// The verb of \p api as written (its leading capitalised word), for the
/// NotImplemented message of the APIs meaningOf cannot read.
std::string leadingWord(std::string_view api);

/// Every verb of ApiVerbs.def, comma-separated, for the NotImplemented
/// message of an API whose verb is not among them.
std::string modelledVerbs();

/// `DBInstances` -> `DBInstance`, `Policies` -> `Policy`, `Addresses` ->
/// `Address`; a word not ending in s as it is.
std::string singular(std::string_view noun);

} // namespace oosc::runtime::sim::generic
