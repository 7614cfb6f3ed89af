//===- ReplayMain.cpp - Runs a harness over files, without libFuzzer --------===//
//
// `fuzz_replay_NAME FILE|DIRECTORY...` feeds every file (directories: every
// file in them, in name order) to the harness once. ctest runs it over the
// seed corpus, so inputs that once crashed are tested with any compiler,
// sanitizers or not. A crash or a broken invariant aborts; an unreadable
// path or an empty set of inputs is an error too (exit 2), so a moved
// corpus cannot pass unnoticed.
//
//===----------------------------------------------------------------------===//
#include "FuzzTarget.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

namespace fs = std::filesystem;

namespace {

bool collect(const fs::path &path, std::vector<fs::path> &files) {
  std::error_code error;
  if (fs::is_regular_file(path, error)) {
    files.push_back(path);
    return true;
  }
  if (!fs::is_directory(path, error)) {
    std::cerr << "fuzz replay: error: cannot read '" << path.string() << "'\n";
    return false;
  }
  std::vector<fs::path> found;
  for (const fs::directory_entry &entry : fs::directory_iterator(path, error))
    if (entry.is_regular_file())
      found.push_back(entry.path());
  std::sort(found.begin(), found.end());
  files.insert(files.end(), found.begin(), found.end());
  return true;
}

} // namespace

int main(int argc, char **argv) {
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i)
    if (!collect(argv[i], files))
      return 2;
  if (files.empty()) {
    std::cerr << "fuzz replay: error: no inputs (usage: " << argv[0] << " FILE|DIRECTORY...)\n";
    return 2;
  }
  for (const fs::path &file : files) {
    std::ifstream in(file, std::ios::binary);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      std::cerr << "fuzz replay: error: cannot read '" << file.string() << "'\n";
      return 2;
    }
    std::cerr << "fuzz replay: " << file.filename().string() << " (" << data.size() << " bytes)\n";
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(data.data()), data.size());
  }
  // Flushed now: a leak report at exit ends the process without flushing.
  std::cout << "fuzz replay: " << files.size() << " inputs, no failure" << std::endl;
  return 0;
}
