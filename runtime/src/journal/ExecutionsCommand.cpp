//===- ExecutionsCommand.cpp ------------------------------------------------===//
#include "journal/ExecutionsCommand.h"
#include "journal/NotifyCommand.h"

#include "oosc/runtime/Clock.h"
#include "oosc/runtime/Journal.h"

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <utility>

namespace oosc::runtime {
namespace {

constexpr int kExitSuccess = 0, kExitFailed = 1, kExitUsage = 2;

std::string utcTime(double seconds) {
  return seconds <= 0 ? "-" : formatUtc(static_cast<std::int64_t>(seconds * 1000));
}

std::string duration(double started, double ended) {
  if (ended <= 0)
    return "running";
  char text[32];
  std::snprintf(text, sizeof text, "%.2fs", ended - started);
  return text;
}

/// The status, or "Interrupted" for an execution that says Running or
/// Waiting but whose runner is gone: `--resume` takes it up.
std::string shownStatus(const JournalExecution &execution) {
  bool unfinished = execution.status == "Running" || execution.status == "Waiting";
  return unfinished && !runnerIsAlive(execution) ? "Interrupted" : execution.status;
}

int list(Journal &journal) {
  auto executions = journal.executions();
  if (!executions) {
    std::cerr << executions.error().message << '\n';
    return kExitFailed;
  }
  std::printf("%-24s %-32s %-11s %-21s %s\n", "EXECUTION", "TEMPLATE", "STATUS", "STARTED", "DURATION");
  for (const JournalExecution &execution : executions.value())
    if (execution.parentId.empty()) // children are listed by `show`
      std::printf("%-24s %-32s %-11s %-21s %s\n", execution.id.c_str(), execution.templateName.c_str(),
                shownStatus(execution).c_str(), utcTime(execution.started).c_str(),
                duration(execution.started, execution.ended).c_str());
  return kExitSuccess;
}

/// A timer trigger's schedule and each firing: the child it started, or
/// why none was (Missed, Skipped).
void printFirings(Journal &journal, const std::string &id) {
  auto schedule = journal.schedule(id);
  auto firings = journal.firings(id);
  if (!schedule || !schedule.value() || !firings)
    return;
  const JournalSchedule &resolved = *schedule.value();
  std::cout << "\nschedule   " << resolved.type << " '" << resolved.expression << "' in " << resolved.timeZone
            << ", from " << utcTime(resolved.start) << " to " << utcTime(resolved.end) << "\n\nfirings:\n";
  for (const JournalFiring &firing : firings.value())
    std::printf("  %-21s %-12s %s\n", utcTime(firing.scheduledAt).c_str(), firing.status.c_str(),
                firing.childId.c_str());
}

int show(Journal &journal, const std::string &id) {
  auto execution = journal.execution(id);
  auto steps = journal.steps(id);
  if (!execution || !steps) {
    std::cerr << (!execution ? execution.error() : steps.error()).message << '\n';
    return kExitFailed;
  }
  if (!execution.value()) {
    std::cerr << "no execution '" << id << "' in " << journal.path() << '\n';
    return kExitFailed;
  }
  const JournalExecution &run = *execution.value();
  std::cout << "execution  " << run.id << "\ntemplate   " << run.templateName << "\nmode       "
            << run.mode << "\nstatus     " << shownStatus(run) << "\nstarted    " << utcTime(run.started)
            << "\nduration   " << duration(run.started, run.ended) << "\nparameters " << run.parametersJson
            << "\noutputs    " << run.outputsJson << '\n';
  if (!run.parentId.empty())
    std::cout << "parent     " << run.parentId << '\n';
  if (!run.error.empty())
    std::cout << "error      " << run.error << '\n';
  if (shownStatus(run) == "Interrupted" && run.parentId.empty()) {
    auto schedule = journal.schedule(run.id); // a timer trigger's has its own flag
    std::cout << "           its runner stopped before the end: `"
              << (schedule && schedule.value() ? "--resume-schedule " : "--resume ") << run.id
              << "` continues it\n";
  }
  if (shownStatus(run) == "Waiting") // not when its runner is gone
    if (std::string wait = describeWait(journal, run.id); !wait.empty())
      std::cout << wait << '\n';
  std::cout << "\ntasks:\n";
  for (const JournalStep &step : steps.value()) {
    std::string name = step.task + (step.loopItem >= 0 ? "[" + std::to_string(step.loopItem) + "]" : "");
    std::printf("  %-32s %-9s %8s  %s", name.c_str(), step.status.c_str(),
                duration(step.started, step.ended).c_str(), step.outputsJson.c_str());
    std::cout << (step.error.empty() ? "" : "  error: " + step.error) << '\n';
  }
  auto calls = journal.apiCalls(id);
  if (!calls)
    return kExitFailed;
  if (!calls.value().empty())
    std::cout << "\nAPI calls:\n";
  for (const JournalApiCall &call : calls.value())
    std::printf("  %-32s %-40s %-30s %s\n", call.task.c_str(), (call.service + "." + call.api).c_str(),
                call.result.c_str(), call.requestId.c_str());
  auto all = journal.executions();
  if (!all)
    return kExitFailed;
  bool header = false;
  for (auto child = all.value().rbegin(); child != all.value().rend(); ++child) // oldest first
    if (child->parentId == run.id) {
      if (!std::exchange(header, true))
        std::cout << "\nchild executions:\n";
      std::printf("  %-40s %-32s %-9s %s\n", child->id.c_str(), child->templateName.c_str(),
                  child->status.c_str(), duration(child->started, child->ended).c_str());
    }
  printFirings(journal, id);
  return kExitSuccess;
}

void usage(const std::string &program) {
  std::cerr << "usage: " << program << " executions list [--journal FILE]\n"
            << "       " << program << " executions show EXECUTION_ID [--journal FILE]\n"
            << "       " << program << " executions notify EXECUTION_ID VERB [--journal FILE]\n"
            << "  VERB answers a Waiting execution: run|skip|complete|cancel (Debug),\n"
            << "  retry|skip|cancel (FailurePause), approve|reject|cancel (ACS::Approve),\n"
            << "  resume|cancel (ACS::Pause, batch pauses)\n";
}

} // namespace

std::string defaultJournalFile(const std::string &stateFile) {
  return (std::filesystem::path(stateFile).parent_path() / "journal.sqlite").string();
}

int executionsCommand(const std::string &program, int argc, char **argv, int first,
                      const std::string &defaultJournal) {
  std::string verb, id, answer, file = defaultJournal;
  for (int i = first; i < argc; ++i) {
    std::string argument = argv[i];
    if (argument == "--journal" && i + 1 < argc)
      file = argv[++i];
    else if (argument.rfind("--journal=", 0) == 0)
      file = argument.substr(10);
    else if (argument == "-h" || argument == "--help") {
      usage(program);
      return kExitSuccess;
    } else if (verb.empty())
      verb = argument;
    else if (id.empty())
      id = argument;
    else if (verb == "notify" && answer.empty())
      answer = argument;
    else {
      usage(program);
      return kExitUsage;
    }
  }
  if (verb != "list" && !(verb == "show" && !id.empty()) && !(verb == "notify" && !answer.empty())) {
    usage(program);
    return kExitUsage;
  }
  // Reading commands never make a journal: a missing one is said so (and a
  // runner making its journal is not raced by one made here).
  if (std::error_code error; !std::filesystem::exists(file, error)) {
    std::cerr << program << ": error: no journal at " << file
              << " (no execution was recorded there; --journal names another)\n";
    return kExitFailed;
  }
  if (verb == "notify")
    return notifyCommand(program, file, id, answer);
  auto journal = Journal::open(file);
  if (!journal) {
    std::cerr << program << ": error: " << journal.error().message << '\n';
    return kExitFailed;
  }
  return verb == "list" ? list(*journal.value()) : show(*journal.value(), id);
}

} // namespace oosc::runtime
