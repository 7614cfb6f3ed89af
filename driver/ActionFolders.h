//===- ActionFolders.h - Where product-action definitions come from --------===//
//
// OOS's product actions (ACS::ECS::RunInstances, ...) are templates. A
// runner, the linter and the language server take their definitions from
// folders of template files named after their action
// (`ACS::ECS::RunInstances.yml`, .yaml or .json, at any depth, as
// `oosc actions pull` writes them). The same folders hold Alibaba's public
// templates (`ACS-ECS-BulkyRunCommand.yml`: OOS names them ACS-...), which
// an ACS::Template task names as OOS resolves them for every account. The
// folders are searched in order:
//   1. the folders given with --actions;
//   2. the `actions:` of the .oosc.yaml nearest above the template;
//   3. $XDG_DATA_HOME/oosc/actions (~/.local/share/oosc/actions), when it exists;
// and last the project's own library (runtime/actions, `ECS/RunInstances.yaml`).
//
//===----------------------------------------------------------------------===//
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oosc::driver {

/// The folders searched before the built-in library, for a template at
/// \p templatePath: \p given, then its .oosc.yaml's, then the user's data
/// folder (only those that exist).
std::vector<std::string> actionFolders(const std::vector<std::string> &given, const std::string &templatePath);

/// The user's default folder: $XDG_DATA_HOME/oosc/actions, else
/// ~/.local/share/oosc/actions ("" when neither variable is set).
std::string userActionFolder();

/// Every definition found in the folders, indexed by action name.
class ActionIndex {
public:
  /// \p folders are searched first to last; \p builtIn (`Product/Name.yaml`)
  /// after them.
  ActionIndex(const std::vector<std::string> &folders, const std::string &builtIn);

  /// The file defining \p action (any case), or nothing.
  std::optional<std::string> find(std::string_view action) const;
  /// Whether \p path came from the built-in library.
  bool isBuiltIn(const std::string &path) const;
  /// Folded action name -> file, every definition found.
  const std::map<std::string, std::string> &entries() const { return byName_; }

private:
  void addFolder(const std::string &folder);
  void addBuiltIn(const std::string &folder);

  std::map<std::string, std::string> byName_; ///< folded action name -> file
  std::string builtIn_;
};

/// `ACS::ECS::RunInstances` for a file named `ACS::ECS::RunInstances.yml`;
/// nothing for a name that is not a product action's.
std::optional<std::string> actionNamedByFile(const std::string &path);

/// What a definitions folder's file defines: a product action
/// (actionNamedByFile), or a public template (`ACS-ECS-BulkyRunCommand` for
/// `ACS-ECS-BulkyRunCommand.yml`); nothing for another file.
std::optional<std::string> definitionNamedByFile(const std::string &path);

} // namespace oosc::driver
