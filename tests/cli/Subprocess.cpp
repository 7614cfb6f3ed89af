//===- Subprocess.cpp -------------------------------------------------------===//
#include "cli/Subprocess.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace oosc::testing {
namespace {

std::string slurp(const std::string &path) {
  std::ifstream input(path, std::ios::binary);
  std::ostringstream text;
  text << input.rdbuf();
  return text.str();
}

} // namespace

RunResult runProgram(const std::string &program, const std::vector<std::string> &arguments) {
  char outPath[] = "/tmp/oosc-test-outXXXXXX";
  char errPath[] = "/tmp/oosc-test-errXXXXXX";
  int outFd = mkstemp(outPath);
  int errFd = mkstemp(errPath);
  RunResult result;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(outFd, STDOUT_FILENO);
    dup2(errFd, STDERR_FILENO);
    int devNull = open("/dev/null", O_RDONLY);
    dup2(devNull, STDIN_FILENO);
    std::vector<char *> argv{const_cast<char *>(program.c_str())};
    for (const std::string &argument : arguments)
      argv.push_back(const_cast<char *>(argument.c_str()));
    argv.push_back(nullptr);
    execv(program.c_str(), argv.data());
    std::perror("execv");
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  wait4(pid, &status, 0, &usage);
  if (WIFEXITED(status))
    result.exitCode = WEXITSTATUS(status);
  if (WIFSIGNALED(status))
    result.signal = WTERMSIG(status);
  result.maxResidentKiB = usage.ru_maxrss;
  close(outFd);
  close(errFd);
  result.out = slurp(outPath);
  result.err = slurp(errPath);
  std::remove(outPath);
  std::remove(errPath);
  return result;
}

} // namespace oosc::testing
