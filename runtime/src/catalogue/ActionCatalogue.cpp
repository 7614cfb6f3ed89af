//===- ActionCatalogue.cpp - Building the catalogue from its .def records ---===//
#include "oosc/runtime/ActionCatalogue.h"
#include "oosc/runtime/Value.h"

#include <cctype>
#include <string>
#include <unordered_map>

namespace oosc::runtime {
namespace {

enum class RecordKind : std::uint8_t { Action, Property, Output, ExactlyOneOf };

/// One line of a .def file. The files are flat lists of records so that the
/// data reads like a table; they are grouped into ActionDocs on first use.
struct Record {
  RecordKind kind;
  std::string_view name;
  ActionKind actionKind = ActionKind::Product;
  PropertyType type = PropertyType::Any;
  bool flag = false; ///< Action: loops; Property: required
  bool outputsKnown = true;
  std::string_view defaultValue;
  std::string_view allowed; ///< "A|B|C"
  std::string_view description;
};

constexpr bool Loops = true, Once = false;
constexpr bool OutputsKnown = true, OutputsOpen = false;
constexpr bool Required = true, Optional = false;

#define OOSC_ACTION(name, kind, loops, outputs, description)                                       \
  Record{RecordKind::Action, name, ActionKind::kind, PropertyType::Any, loops, outputs, {}, {}, description},
#define OOSC_PROPERTY(name, type, required, defaultValue, allowed, description)                    \
  Record{RecordKind::Property, name, ActionKind::Product, PropertyType::type, required, true, defaultValue, allowed,          \
         description},
#define OOSC_OUTPUT(name, type) Record{RecordKind::Output, name, ActionKind::Product, PropertyType::type, false, true, {}, {}, {}},
#define OOSC_EXACTLY_ONE_OF(names) Record{RecordKind::ExactlyOneOf, names, ActionKind::Product, PropertyType::Any, false, true, {}, {}, {}},

const Record kRecords[] = {
#include "BuiltinActions.def"
#include "ProductActions.def"
};

#undef OOSC_ACTION
#undef OOSC_PROPERTY
#undef OOSC_OUTPUT
#undef OOSC_EXACTLY_ONE_OF

std::vector<std::string_view> splitBars(std::string_view text) {
  std::vector<std::string_view> parts;
  while (!text.empty()) {
    size_t bar = text.find('|');
    parts.push_back(text.substr(0, bar));
    text = bar == std::string_view::npos ? std::string_view() : text.substr(bar + 1);
  }
  return parts;
}

bool sameName(std::string_view a, std::string_view b) { return equalsIgnoringAsciiCase(a, b); }

void addRecord(std::vector<ActionDoc> &actions, const Record &record) {
  if (record.kind == RecordKind::Action) {
    ActionDoc action;
    action.name = record.name;
    action.kind = record.actionKind;
    action.loops = record.flag;
    action.outputsKnown = record.outputsKnown;
    action.description = record.description;
    actions.push_back(std::move(action));
    return;
  }
  ActionDoc &action = actions.back(); // every .def starts with an action
  switch (record.kind) {
  case RecordKind::Property:
    action.properties.push_back({record.name, record.type, record.flag, record.defaultValue,
                                 splitBars(record.allowed), record.description});
    break;
  case RecordKind::Output:
    action.outputs.push_back({record.name, record.type});
    break;
  case RecordKind::ExactlyOneOf:
    action.exactlyOneOf.push_back(splitBars(record.name));
    break;
  case RecordKind::Action:
    break;
  }
}

std::vector<ActionDoc> buildCatalogue() {
  std::vector<ActionDoc> actions;
  for (const Record &record : kRecords)
    addRecord(actions, record);
  return actions;
}

} // namespace

std::string_view propertyTypeName(PropertyType type) {
  constexpr std::string_view kNames[] = {"any value", "String", "Number", "Boolean",
                                         "List",      "Json",   "mapping"};
  return kNames[static_cast<size_t>(type)];
}

const PropertyDoc *ActionDoc::findProperty(std::string_view property) const {
  for (const PropertyDoc &doc : properties)
    if (sameName(doc.name, property))
      return &doc;
  return nullptr;
}

const std::vector<ActionDoc> &actionCatalogue() {
  // Immutable after this initialisation, which C++ makes thread-safe.
  static const std::vector<ActionDoc> catalogue = buildCatalogue();
  return catalogue;
}

const ActionDoc *findAction(std::string_view name) {
  // Every task looks its action up several times: index the names once.
  static const std::unordered_map<std::string, const ActionDoc *> byName = [] {
    std::unordered_map<std::string, const ActionDoc *> index;
    for (const ActionDoc &action : actionCatalogue())
      index.emplace(lowerAscii(action.name), &action);
    return index;
  }();
  auto found = byName.find(lowerAscii(name));
  return found == byName.end() ? nullptr : found->second;
}

} // namespace oosc::runtime
