//===- ApiSubset.h - The entries of the API table a runner carries ---------===//
//
// A runner carries only the lines of the API table (apis/) for the APIs its
// templates and their product actions call with a literal Service and API,
// and the Describe APIs it calls itself to list resources (parameter pickers
// and ACS::SelectTargets, oosc/runtime/ResourceLists.h), so that runners
// stay small whatever the table's size.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "analysis/CloudCalls.h"
#include "ir/Template.h"

#include <string>
#include <vector>

namespace oosc::codegen {

/// C++ defining `kApiProducts` (an array of ::oosc::apis::ProductRecord, one
/// per product called, holding only the called APIs' lines) and
/// `kApiProductCount`; at least one (empty) record, so the array is never
/// of size zero. The APIs of \p templates and \p actions, and those the
/// pickers of the templates' parameters list (an action's parameters are
/// the caller's properties: nobody picks them, though what a template
/// passes to one is picked as the action's definition uses it).
std::string emitApiSubset(const std::vector<const ir::Template *> &templates,
                          const analysis::ActionTemplates &actions);

} // namespace oosc::codegen
