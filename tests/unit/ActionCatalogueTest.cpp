//===- ActionCatalogueTest.cpp - The catalogue's data and the runtime's actions ===//
//
// The catalogue is the one description of every action. These tests hold
// its data to its own rules, and the product actions the runtime implements
// (runtime/actions, templates of ours) to the catalogue: same properties,
// types, required ones and outputs.
//
//===----------------------------------------------------------------------===//
#include "analysis/Callees.h"
#include "frontend/Frontend.h"
#include "oosc/runtime/ActionCatalogue.h"
#include "support/Spelling.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace oosc {
namespace {

namespace fs = std::filesystem;
using runtime::ActionDoc;

TEST(ActionCatalogueTest, HoldsTheSpecsBuiltInsAndTheProductActions) {
  size_t builtIn = 0, product = 0;
  for (const ActionDoc &action : runtime::actionCatalogue())
    (runtime::isProductAction(action) ? product : builtIn) += 1;
  EXPECT_EQ(builtIn, 16u); // oos-spec.md section 7, ACS::Pause and ACS::Loop included
  EXPECT_EQ(product, 199u); // oos-cloud-product-actions.md
}

TEST(ActionCatalogueTest, NamesAreUniqueWithoutCaseAndWellFormed) {
  std::set<std::string> seen;
  for (const ActionDoc &action : runtime::actionCatalogue()) {
    EXPECT_TRUE(seen.insert(foldCase(action.name)).second) << action.name;
    EXPECT_EQ(action.name.substr(0, 5), "ACS::") << action.name;
    bool threeParts = action.name.find("::", 5) != std::string_view::npos;
    EXPECT_EQ(threeParts, runtime::isProductAction(action)) << action.name;
    std::set<std::string> properties;
    for (const runtime::PropertyDoc &property : action.properties) {
      EXPECT_TRUE(properties.insert(foldCase(property.name)).second)
          << action.name << " lists " << property.name << " twice";
      EXPECT_FALSE(property.required && !property.defaultValue.empty())
          << action.name << "." << property.name << ": a required property has no default";
      for (std::string_view value : property.allowedValues)
        EXPECT_FALSE(value.empty()) << action.name << "." << property.name;
    }
    for (const auto &group : action.exactlyOneOf)
      for (std::string_view name : group)
        EXPECT_NE(action.findProperty(name), nullptr) << action.name << ": one-of names " << name;
  }
}

TEST(ActionCatalogueTest, FindsActionsWithoutCase) {
  ASSERT_NE(runtime::findAction("acs::executeapi"), nullptr);
  EXPECT_EQ(runtime::findAction("acs::executeapi")->name, "ACS::ExecuteAPI");
  const ActionDoc *runCommand = runtime::findAction("ACS::ECS::RUNCOMMAND");
  ASSERT_NE(runCommand, nullptr);
  const runtime::PropertyDoc *type = runCommand->findProperty("CommandType");
  ASSERT_NE(type, nullptr);
  EXPECT_TRUE(type->required);
  EXPECT_EQ(type->allowedValues.size(), 5u);
  EXPECT_EQ(runtime::findAction("ACS::RunCommand"), nullptr);
  EXPECT_FALSE(runtime::findAction("ACS::Sleep")->loops);
  EXPECT_TRUE(runtime::findAction("ACS::ExecuteAPI")->loops);
}

std::string readText(const fs::path &path) {
  std::ifstream input(path);
  std::ostringstream text;
  text << input.rdbuf();
  return text.str();
}

/// runtime/actions/ECS/RunCommand.yaml -> ACS::ECS::RunCommand
std::string actionName(const fs::path &file) {
  return "ACS::" + file.parent_path().filename().string() + "::" + file.stem().string();
}

TEST(ActionCatalogueTest, RuntimeActionsImplementTheirCatalogueEntries) {
  size_t checked = 0;
  for (const auto &entry : fs::recursive_directory_iterator(OOSC_ACTIONS_DIR)) {
    if (entry.path().extension() != ".yaml")
      continue;
    std::string name = actionName(entry.path());
    SCOPED_TRACE(name);
    const ActionDoc *doc = runtime::findAction(name);
    ASSERT_NE(doc, nullptr) << "the runtime implements an action the catalogue lacks";
    SourceFile file(entry.path().string(), readText(entry.path()));
    DiagnosticEngine diagnostics(file);
    frontend::ParsedTemplate parsed = frontend::parseTemplate(file, diagnostics);
    analysis::Callee implemented = analysis::calleeOf(parsed.tmpl, name);
    const analysis::Callee *declared = analysis::findActionCallee(name);
    ASSERT_NE(declared, nullptr);
    for (const analysis::CalleeProperty &property : implemented.properties) {
      const analysis::CalleeProperty *expected = declared->find(property.name);
      ASSERT_NE(expected, nullptr) << "parameter " << property.name << " is no property of the action";
      EXPECT_EQ(property.name, expected->name);
      EXPECT_EQ(property.type, expected->type) << property.name;
      EXPECT_EQ(property.required, expected->required) << property.name;
    }
    for (const analysis::CalleeProperty &property : declared->properties) {
      if (property.required) {
        EXPECT_NE(implemented.find(property.name), nullptr) << "required " << property.name << " not taken";
      }
    }
    EXPECT_EQ(implemented.outputs, declared->outputs);
    ++checked;
  }
  EXPECT_EQ(checked, 11u);
}

} // namespace
} // namespace oosc
