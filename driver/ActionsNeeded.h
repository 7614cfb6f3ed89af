//===- ActionsNeeded.h - The definitions a template runs on ----------------===//
//
// `oosc actions pull` fetches from OOS the definitions a template needs:
// the product actions its tasks name (ACS::ECS::RunInstances: templates
// themselves, public in OOS) and the public templates its ACS::Template
// tasks name literally (ACS-ECS-BulkyRunCommand). The runtime's own
// built-in actions (ACS::ExecuteAPI, ACS::WaitFor, ...) need none.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <vector>

namespace oosc::driver {

/// The names of the definitions the template text \p text (read from
/// \p path, for its format) needs directly, in task order without repeats;
/// empty when it names none or cannot be parsed.
std::vector<std::string> definitionsNeeded(const std::string &path, const std::string &text);

} // namespace oosc::driver
