//===- SchemaTables.cpp - Keys per level, from the OOS documentation -------===//
//
// Sources: oos-spec.md sections 2-6 (documented keys) plus keys real
// templates use that the documentation omits (noted per entry).
//
//===----------------------------------------------------------------------===//
#include "analysis/SchemaTables.h"

namespace oosc::analysis {

const KeySpec *LevelSpec::find(std::string_view key) const {
  for (const KeySpec &spec : keys)
    if (spec.name == key)
      return &spec;
  return nullptr;
}

std::vector<std::string_view> LevelSpec::keyNames() const {
  std::vector<std::string_view> names;
  for (const KeySpec &spec : keys)
    names.push_back(spec.name);
  return names;
}

static const std::vector<std::string_view> kFormatVersions = {"OOS-2019-06-01",
                                                              "OOS-2019-06-01-State"};
static const std::vector<std::string_view> kValueTypes = {"String", "Number", "Boolean",
                                                          "List", "Json"};

const LevelSpec &templateLevel() {
  static const LevelSpec level{
      "template",
      {
          {"FormatVersion", ValueShape::LiteralName, true, kFormatVersions},
          {"Description", ValueShape::Text},
          {"Parameters", ValueShape::Mapping},
          {"RamRole", ValueShape::Scalar},
          {"Conditions", ValueShape::Mapping},
          {"Tasks", ValueShape::Sequence, true},
          {"Outputs", ValueShape::Mapping},
          {"Metadata", ValueShape::Mapping}, // console layout; used, not documented
      }};
  return level;
}

const LevelSpec &stateTemplateLevel() {
  static const LevelSpec level{
      "state template",
      {
          {"FormatVersion", ValueShape::LiteralName, true, kFormatVersions},
          {"Description", ValueShape::Text},
          {"Parameters", ValueShape::Mapping},
          {"States", ValueShape::Sequence, true},
          {"Outputs", ValueShape::Mapping},
          {"Metadata", ValueShape::Mapping},
      }};
  return level;
}

const LevelSpec &parameterLevel() {
  static const LevelSpec level{
      "parameter",
      {
          {"Type", ValueShape::LiteralName, false, kValueTypes},
          {"Label", ValueShape::Text},
          {"Description", ValueShape::Text},
          {"Default", ValueShape::Any},
          {"AllowedValues", ValueShape::Sequence},
          {"AllowedPattern", ValueShape::Scalar},
          {"MinLength", ValueShape::Number},
          {"MaxLength", ValueShape::Number},
          {"MinValue", ValueShape::Number},
          {"MaxValue", ValueShape::Number},
          {"AssociationProperty", ValueShape::Scalar},
          {"AssociationPropertyMetadata", ValueShape::Mapping},
          {"ConstraintDescription", ValueShape::Text}, // ROS-style, used by real templates
          {"NoEcho", ValueShape::Scalar},              // ROS-style, used by real templates
      }};
  return level;
}

const LevelSpec &taskLevel() {
  static const LevelSpec level{
      "task",
      {
          {"Name", ValueShape::LiteralName, true},
          {"Action", ValueShape::LiteralName, true},
          {"Description", ValueShape::Text},
          {"When", ValueShape::Any},
          {"Properties", ValueShape::Mapping},
          {"Outputs", ValueShape::Mapping},
          {"OnError", ValueShape::Scalar},
          {"OnSuccess", ValueShape::Scalar},
          {"Loop", ValueShape::Mapping},
          {"Retries", ValueShape::Number},
          {"Delay", ValueShape::Number},
          {"DelayType", ValueShape::Enum, false, {"Exponential", "Constant", "Linear"}},
          {"BackOff", ValueShape::Number},
          {"MaxRetryInterval", ValueShape::Number},
      }};
  return level;
}

const LevelSpec &taskOutputLevel() {
  static const LevelSpec level{"task output",
                               {
                                   {"Type", ValueShape::LiteralName, false, kValueTypes},
                                   {"ValueSelector", ValueShape::Any, true},
                               }};
  return level;
}

/// Rate control keys: in RateControl, and directly in Loop in the legacy
/// flat form.
static const std::vector<KeySpec> kRateControlKeys = {
    {"Mode", ValueShape::Enum, false, {"Concurrency", "Batch"}},
    {"MaxErrors", ValueShape::Scalar},
    {"Concurrency", ValueShape::Any},
    {"Batch", ValueShape::Sequence},
    {"ConcurrencyInBatches", ValueShape::Sequence},
    {"BatchPauseOption", ValueShape::Enum, false,
     {"Automatic", "FirstBatchPause", "EveryBatchPause"}},
};

const LevelSpec &loopLevel() {
  static const LevelSpec level = [] {
    LevelSpec loop{"Loop",
                   {
                       {"Items", ValueShape::Any, true},
                       {"RateControl", ValueShape::Mapping},
                       {"Outputs", ValueShape::Mapping},
                   }};
    loop.keys.insert(loop.keys.end(), kRateControlKeys.begin(), kRateControlKeys.end());
    return loop;
  }();
  return level;
}

const LevelSpec &rateControlLevel() {
  static const LevelSpec level{"RateControl", kRateControlKeys};
  return level;
}

const LevelSpec &loopOutputLevel() {
  static const LevelSpec level{"Loop output",
                               {
                                   {"AggregateType", ValueShape::LiteralName, true},
                                   {"AggregateField", ValueShape::LiteralName, true},
                               }};
  return level;
}

const LevelSpec &choiceLevel() {
  static const LevelSpec level{"choice",
                               {
                                   {"When", ValueShape::Any, true},
                                   {"NextTask", ValueShape::Scalar, true},
                               }};
  return level;
}

const LevelSpec &templateOutputLevel() {
  static const LevelSpec level{
      "template output",
      {
          {"Type", ValueShape::LiteralName, false,
           {"String", "Number", "Boolean", "List", "Json", "Array", "Object"}},
          {"Value", ValueShape::Any, true},
      }};
  return level;
}

} // namespace oosc::analysis
