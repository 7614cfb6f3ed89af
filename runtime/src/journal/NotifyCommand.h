//===- NotifyCommand.h - `RUNNER executions notify ID VERB` -----------------===//
#pragma once

#include <string>

namespace oosc::runtime {

class Journal;

/// Sends \p verb to the waiting execution \p id through the journal at
/// \p journalFile; refuses (exit status 2, saying why and which verbs the
/// wait takes) when there is no such execution, it does not wait, or the
/// wait does not take that verb. Returns the exit status.
int notifyCommand(const std::string &program, const std::string &journalFile, const std::string &id,
                  const std::string &verb);

/// "waiting    at task 'x' (failed: ...): retry|skip|cancel" for `executions
/// show`, or nothing when \p id does not wait for a notification.
std::string describeWait(Journal &journal, const std::string &id);

} // namespace oosc::runtime
