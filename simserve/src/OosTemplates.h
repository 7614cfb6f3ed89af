// OosTemplates.h - OOS's public templates on the served simulated cloud.
// OOS shares its product actions (ACS::ECS::RunInstances) and public
// templates (ACS-ECS-BulkyRunCommand) with every account: GetTemplate
// answers them. `oosc sim serve --templates DIR` serves the template files
// of DIR (named after their template, at any depth, .yml, .yaml or .json)
// the same way, so that `oosc actions pull` and other OOS clients can be
// tested on loopback. The files are read when asked for, not kept.
#ifndef OOSC_SIMSERVE_OOSTEMPLATES_H
#define OOSC_SIMSERVE_OOSTEMPLATES_H

#include "oosc/openapi/Verification.h"
#include "oosc/runtime/Cloud.h"

#include <map>
#include <string>
#include <vector>

namespace oosc::simserve {

class OosTemplates {
public:
  /// Indexes the template files of \p folders; the first folder that has a
  /// template wins, and in a folder a YAML file over its JSON twin.
  explicit OosTemplates(const std::vector<std::string> &folders);

  /// Whether the store answers \p action of OOS: only when it was given
  /// folders (without, OOS is the simulated cloud's, as before).
  bool serves(std::string_view action) const;

  runtime::Outcome<runtime::Value, runtime::ApiError> call(const openapi::SignedCall &call) const;

private:
  runtime::Outcome<runtime::Value, runtime::ApiError> getTemplate(const openapi::SignedCall &call) const;

  bool given_ = false;
  /// Template name -> its file.
  std::map<std::string, std::string> files_;
};

} // namespace oosc::simserve

#endif
