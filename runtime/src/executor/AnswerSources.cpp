//===- AnswerSources.cpp - Answers from the terminal and from the journal ---===//
#include "executor/Steering.h"
#include "executor/StepRecords.h"

#include "oosc/runtime/Journal.h"

#include <iostream>
#include <poll.h>
#include <unistd.h>

namespace oosc::runtime {
namespace {

std::string joined(const std::vector<std::string> &words, std::string_view separator) {
  std::string text;
  for (const std::string &word : words)
    text += (text.empty() ? "" : std::string(separator)) + word;
  return text;
}

std::string trimmed(const std::string &text) {
  size_t first = text.find_first_not_of(" \t\r");
  size_t last = text.find_last_not_of(" \t\r");
  return first == std::string::npos ? "" : text.substr(first, last - first + 1);
}

/// Reads answers a line at a time without blocking, so the wait can notice
/// a cancel or a notification in between.
class TerminalAnswers : public AnswerSource {
public:
  TerminalAnswers(int fd, std::ostream &prompts) : fd_(fd), prompts_(prompts) {}

  void begin(const Question &) override {
    prompted_ = false;
    pending_.clear();
  }

  std::optional<Verb> poll(const Question &question) override {
    if (!std::exchange(prompted_, true))
      prompt(question);
    readWhatIsThere();
    for (size_t newline; (newline = pending_.find('\n')) != std::string::npos;) {
      std::string line = trimmed(pending_.substr(0, newline));
      pending_.erase(0, newline + 1);
      if (std::optional<Verb> verb = parseVerb(line); verb && question.accepts(*verb))
        return verb;
      prompts_ << "  '" << line << "' is not an answer here\n";
      prompt(question);
    }
    // End of input (^D): nobody is left at the terminal to answer.
    return closed_ ? std::optional<Verb>(Verb::Cancel) : std::nullopt;
  }

  void end(const Question &) override {}

private:
  void prompt(const Question &question) {
    prompts_ << "  " << joined(question.acceptedNames(), ", ") << "? " << std::flush;
  }

  void readWhatIsThere() {
    pollfd ready{fd_, POLLIN, 0};
    if (closed_ || ::poll(&ready, 1, 0) <= 0)
      return;
    char buffer[256];
    ssize_t got = ::read(fd_, buffer, sizeof buffer);
    if (got == 0)
      closed_ = true;
    else if (got > 0) // < 0: interrupted by a signal, which the wait looks at
      pending_.append(buffer, static_cast<size_t>(got));
  }

  int fd_;
  std::ostream &prompts_;
  bool prompted_ = false;
  bool closed_ = false;
  std::string pending_;
};

/// Records each wait in the journal's waits table and takes the answer
/// `RUNNER executions notify` leaves in its notifications table.
class JournalAnswers : public AnswerSource {
public:
  JournalAnswers(Journal &journal, std::string program, std::ostream *hints, Cancellation *cancel)
      : journal_(journal), program_(std::move(program)), hints_(hints), cancel_(cancel) {}

  void begin(const Question &question) override {
    hinted_ = false;
    warnIfFailed(journal_.beginWait(question.executionId,
                                   {question.task, question.text, question.acceptedNames()}));
  }

  std::optional<Verb> poll(const Question &question) override {
    if (hints_ && !std::exchange(hinted_, true))
      *hints_ << "  answer with: " << program_ << " executions notify " << question.executionId
             << ' ' << joined(question.acceptedNames(), "|") << " --journal " << journal_.path()
             << '\n';
    auto taken = journal_.takeAnswer(question.executionId);
    if (!taken) {
      warnIfFailed(taken.error());
      return std::nullopt;
    }
    if (!taken.value())
      return std::nullopt;
    // `executions notify` only records verbs the wait accepts.
    std::optional<Verb> verb = parseVerb(*taken.value());
    return verb && question.accepts(*verb) ? verb : std::nullopt;
  }

  void end(const Question &question) override {
    warnIfFailed(journal_.endWait(question.executionId));
  }

private:
  void warnIfFailed(const Outcome<bool> &done) {
    if (!done)
      warnIfFailed(done.error());
  }
  /// The wait sees the cancellation this raises and ends Cancelled.
  void warnIfFailed(const Failure &failure) { reportJournalFailure(cancel_, failure); }

  Journal &journal_;
  std::string program_;
  std::ostream *hints_; ///< null: no hint line (--log json)
  Cancellation *cancel_; ///< raised when the journal cannot be written
  bool hinted_ = false;
};

} // namespace

std::unique_ptr<AnswerSource> terminalAnswers(int fd, std::ostream &prompts) {
  return std::make_unique<TerminalAnswers>(fd, prompts);
}

std::unique_ptr<AnswerSource> journalAnswers(Journal &journal, const std::string &program,
                                             std::ostream *hints, Cancellation *cancel) {
  return std::make_unique<JournalAnswers>(journal, program, hints, cancel);
}

} // namespace oosc::runtime
