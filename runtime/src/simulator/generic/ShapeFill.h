//===- generic/ShapeFill.h - Records dressed in an API's answer shape -----===//
//
// The generic engine keeps resources as the requests that made them gave
// them; an answer holds only what the API's shape (apis/ApiTable.h) says it
// holds, each field converted to the shape's kind, so every answer the
// engine gives conforms to its API's shape.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/apis/ApiTable.h"
#include "oosc/runtime/Value.h"

#include <optional>
#include <string>
#include <vector>

namespace oosc::runtime::sim::generic {

/// \p value as \p shape has it: fields the shape lacks left out, scalars
/// converted to its kind; nothing when it cannot be (a list for a string).
std::optional<Value> conform(const Value &value, const apis::Shape &shape);

/// Where an answer holds its list of resources: the field names down to
/// the array (`Items`, `DBInstance`) and the array's element shape.
struct RecordList {
  std::vector<std::string> path;
  const apis::Shape *element = nullptr;
};

/// The first array of objects in \p answer whose objects carry \p idField
/// (else the first array of objects), breadth first; nothing when none.
std::optional<RecordList> findRecordList(const apis::Shape &answer, const std::string &idField);

/// The field naming a resource of \p noun in \p object: `<noun>Id`, else a
/// field ending in `<noun>Id` or `Id` whose stem ends \p noun, else `Id`;
/// `<noun>Id` when the shape says nothing.
std::string idFieldOf(const apis::Shape *object, const std::string &noun);

/// The field a Create answer names its new resource by: idFieldOf's, else
/// the one resource id the answer has (AllocationId of AllocateEipAddress).
std::string createdIdFieldOf(const apis::Shape *answer, const std::string &noun);

/// Sets \p value at \p path of \p answer, making the maps on the way.
void putAt(Value &answer, const std::vector<std::string> &path, Value value);

} // namespace oosc::runtime::sim::generic
