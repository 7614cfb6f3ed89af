//===- NotifyCommand.cpp ----------------------------------------------------===//
#include "journal/NotifyCommand.h"

#include "oosc/runtime/Journal.h"

#include <iostream>

namespace oosc::runtime {
namespace {

constexpr int kExitSuccess = 0, kExitFailed = 1, kExitUsage = 2;

std::string joined(const std::vector<std::string> &words) {
  std::string text;
  for (const std::string &word : words)
    text += (text.empty() ? "" : ", ") + word;
  return text;
}

std::string lowerCase(std::string text) {
  for (char &c : text)
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
  return text;
}

/// The answer is not sent: say why (exit status 2, as for bad usage).
int refuse(const std::string &program, const std::string &message) {
  std::cerr << program << ": error: " << message << '\n';
  return kExitUsage;
}

} // namespace

int notifyCommand(const std::string &program, const std::string &journalFile, const std::string &id,
                  const std::string &verb) {
  auto journal = Journal::open(journalFile);
  if (!journal) {
    std::cerr << program << ": error: " << journal.error().message << '\n';
    return kExitFailed;
  }
  auto execution = journal.value()->execution(id);
  if (!execution) {
    std::cerr << program << ": error: " << execution.error().message << '\n';
    return kExitFailed;
  }
  if (!execution.value())
    return refuse(program, "no execution '" + id + "' in " + journalFile);
  const std::string &status = execution.value()->status;
  if (status != "Waiting")
    return refuse(program, "execution '" + id + "' is " + status +
                               ", not Waiting: there is nothing to answer");
  if (!runnerIsAlive(*execution.value()))
    return refuse(program, "execution '" + id + "' was Waiting, but its runner is gone "
                           "(Interrupted): `--resume " + id + "` continues it and asks again");
  auto posted = journal.value()->postAnswer(id, lowerCase(verb));
  if (!posted) {
    std::cerr << program << ": error: " << posted.error().message << '\n';
    return kExitFailed;
  }
  const std::optional<JournalWait> &wait = posted.value().wait;
  if (!wait)
    return refuse(program, "execution '" + id + "' does not wait for `executions notify` (it asks "
                                                "on its terminal, or was answered just now)");
  if (!posted.value().recorded)
    return refuse(program, "execution '" + id + "' waits at task '" + wait->task + "' (" +
                               wait->question + ") for one of: " + joined(wait->verbs) +
                               "; not '" + verb + "'");
  std::cout << "execution " << id << ": " << lowerCase(verb) << " sent to task '" << wait->task
            << "'\n";
  return kExitSuccess;
}

std::string describeWait(Journal &journal, const std::string &id) {
  auto wait = journal.wait(id);
  if (!wait || !wait.value())
    return "";
  std::string verbs;
  for (const std::string &verb : wait.value()->verbs)
    verbs += (verbs.empty() ? "" : "|") + verb;
  return "waiting    at task '" + wait.value()->task + "' (" + wait.value()->question +
         "): executions notify " + id + " " + verbs;
}

} // namespace oosc::runtime
