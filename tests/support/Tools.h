//===- Tools.h - Third-party programs the tests run ------------------------===//
#pragma once

#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

namespace oosc::testing {

/// The full path of \p program found on PATH, or "" (execv takes no search).
inline std::string findOnPath(const std::string &program) {
  const char *path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');)
    if (!dir.empty() && std::filesystem::exists(std::filesystem::path(dir) / program))
      return (std::filesystem::path(dir) / program).string();
  return "";
}

/// Why Alibaba's SDK tools in \p tools (../shared/tools/alicloud-sdk) cannot
/// run here, for GTEST_SKIP, or "" when node and their modules are there.
inline std::string missingAlicloudSdk(const std::filesystem::path &tools) {
  if (findOnPath("node").empty() || !std::filesystem::exists(tools / "call.js") ||
      !std::filesystem::exists(tools / "node_modules" / "@alicloud"))
    return "node or " + (tools / "call.js").string() +
           " with its node_modules not found (run ../shared/tools/setup.sh)";
  return "";
}

} // namespace oosc::testing
