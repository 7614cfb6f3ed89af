//===- ExecutionsCommand.h - `RUNNER executions list|show` ------------------===//
#pragma once

#include <string>

namespace oosc::runtime {

/// The journal file a runner uses: --journal FILE, else journal.sqlite in the
/// folder of the simulated world's state file.
std::string defaultJournalFile(const std::string &stateFile);

/// `RUNNER executions list [--journal FILE]`, `RUNNER executions show ID
/// [--journal FILE]`; argv[first] is the word after "executions".
/// Returns the exit status.
int executionsCommand(const std::string &program, int argc, char **argv, int first,
                      const std::string &defaultJournal);

} // namespace oosc::runtime
