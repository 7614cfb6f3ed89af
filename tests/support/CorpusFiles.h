//===- CorpusFiles.h - Where the test corpus is and which files are templates ===//
//
// The corpus (../shared/corpus) is test data, never part of the project:
// tests find it through OOSC_CORPUS_DIR (environment first, then the path the
// build was configured with) and skip with a message when it is absent.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace oosc::testing {

/// The corpus folder: $OOSC_CORPUS_DIR, else the configured default.
inline std::string corpusDir() {
  if (const char *dir = std::getenv("OOSC_CORPUS_DIR"))
    return dir;
  return OOSC_CORPUS_DIR_DEFAULT;
}

inline bool isTemplateFile(const std::filesystem::path &path) {
  std::string extension = path.extension().string();
  return extension == ".yml" || extension == ".yaml" || extension == ".json";
}

/// Every template file below \p root, sorted, so runs are repeatable.
inline std::vector<std::string> templateFilesBelow(const std::string &root) {
  std::vector<std::string> files;
  for (const auto &entry : std::filesystem::recursive_directory_iterator(root))
    if (entry.is_regular_file() && isTemplateFile(entry.path()))
      files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

} // namespace oosc::testing
