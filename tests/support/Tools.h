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

} // namespace oosc::testing
