//===- RunTemplates.h - The templates of one lint run, by name --------------===//
#pragma once

#include "analysis/Callees.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace oosc::driver {

/// ACS::Template names a child by template name; in a lint run that is the
/// file name without its extension (`child.yaml` is `child`). Children are
/// read when first named and kept for the run; safe to use from the run's
/// worker threads.
class RunTemplates final : public analysis::TemplateLibrary {
public:
  RunTemplates(RunTemplates &&other) noexcept
      : pathByName(std::move(other.pathByName)), actions(std::move(other.actions)), read(std::move(other.read)),
        readActions(std::move(other.readActions)) {}
  /// \p actionFolders: folders of product-action definitions (ActionFolders.h).
  explicit RunTemplates(const std::vector<std::string> &paths, const std::vector<std::string> &actionFolders = {});
  /// The templates beside \p path (.yaml, .yml, .json in its folder), as
  /// an editor sees a folder of templates.
  static RunTemplates besides(const std::string &path);
  const analysis::Callee *find(std::string_view templateName) const override;
  const analysis::Callee *findAction(std::string_view action) const override;

private:
  std::map<std::string, std::string, std::less<>> pathByName;
  /// Folded action name -> the file defining it: the run's own templates
  /// named after an action, then the folders'.
  std::map<std::string, std::string, std::less<>> actions;
  mutable std::mutex mutex;
  mutable std::map<std::string, std::unique_ptr<analysis::Callee>, std::less<>> read;
  mutable std::map<std::string, std::unique_ptr<analysis::Callee>, std::less<>> readActions;
};

} // namespace oosc::driver
