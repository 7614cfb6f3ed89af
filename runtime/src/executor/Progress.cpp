//===- Progress.cpp ---------------------------------------------------------===//
#include "executor/Progress.h"

#include <cstdio>
#include <ostream>
#include <sstream>

namespace oosc::runtime {
namespace {

std::string seconds(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2fs", value);
  return text;
}

/// One event's text, written in one piece when it goes out of scope: stderr
/// is unbuffered, so a line written piece by piece costs a system call a
/// piece and can interleave with another thread's.
class Line {
public:
  explicit Line(std::ostream &out) : out_(out) {}
  ~Line() { out_ << text_.str() << std::flush; }
  Line(const Line &) = delete;
  Line &operator=(const Line &) = delete;

  template <typename T> Line &operator<<(const T &value) {
    text_ << value;
    return *this;
  }
  Line &operator<<(std::ostream &(*manipulator)(std::ostream &)) {
    text_ << manipulator;
    return *this;
  }

private:
  std::ostream &out_;
  std::ostringstream text_;
};

std::string indent(const ExecutionState &state) {
  return std::string(2 + 2 * state.environment.depth, ' ');
}

} // namespace

void Progress::start(const TemplateDef &def, const std::string &backend,
                     const std::string &executionId) {
  std::lock_guard<std::mutex> lock(mutex_);
  Line out(out_);
  if (options_.json) {
    out << Value(Value::Map{{"event", Value("start")},
                             {"template", Value(def.name)},
                             {"execution", Value(executionId)},
                             {"backend", Value(backend)}})
                .toJson()
         << '\n';
    return;
  }
  out << "oosc runner: " << def.name << ", execution " << executionId << ", on " << backend << '\n';
}

void Progress::task(const ExecutionState &state, const TaskDef &task, TaskStatus status,
                    double elapsed, const std::string &error) {
  std::lock_guard<std::mutex> lock(mutex_);
  Line out(out_);
  if (options_.json) {
    Value::Map event{{"event", Value("task")},
                     {"execution", Value(state.executionId)},
                     {"task", Value(task.name)},
                     {"action", Value(task.action)},
                     {"status", Value(taskStatusName(status))},
                     {"seconds", Value(elapsed)}};
    if (!error.empty())
      event.emplace_back("error", Value(error));
    out << Value(std::move(event)).toJson() << '\n';
    return;
  }
  if (options_.terminal && itemsDone_ > 0)
    out << '\n'; // end the live loop bar's line
  itemsDone_ = 0;
  out << indent(state) << taskStatusName(status) << "  " << task.name << " (" << task.action
       << ") " << seconds(elapsed);
  if (!error.empty())
    out << ": " << error;
  out << '\n';
}

void Progress::loopItem(const ExecutionState &state, const TaskDef &task, size_t item, size_t items,
                        bool ok, const std::string &error) {
  std::lock_guard<std::mutex> lock(mutex_);
  Line out(out_);
  ++itemsDone_;
  if (options_.json) {
    Value::Map event{{"event", Value("item")},
                     {"execution", Value(state.executionId)},
                     {"task", Value(task.name)},
                     {"item", Value(static_cast<int64_t>(item))},
                     {"status", Value(ok ? "Success" : "Failed")}};
    if (!error.empty())
      event.emplace_back("error", Value(error));
    out << Value(std::move(event)).toJson() << '\n';
    return;
  }
  if (!ok)
    out << (options_.terminal ? "\n" : "") << indent(state) << "  item " << item + 1 << "/"
         << items << " of " << task.name << " failed: " << error << '\n';
  if (options_.terminal) {
    constexpr size_t kWidth = 30;
    size_t filled = kWidth * itemsDone_ / std::max<size_t>(items, 1);
    out << '\r' << indent(state) << task.name << " [" << std::string(filled, '#')
         << std::string(kWidth - filled, '-') << "] " << itemsDone_ << "/" << items << std::flush;
  }
}

void Progress::waiting(const ExecutionState &state, const TaskDef &task, const std::string &question,
                       const std::vector<std::string> &verbs) {
  std::lock_guard<std::mutex> lock(mutex_);
  Line out(out_);
  if (options_.json) {
    Value::List accepts;
    for (const std::string &verb : verbs)
      accepts.emplace_back(verb);
    out << Value(Value::Map{{"event", Value("waiting")},
                             {"execution", Value(state.executionId)},
                             {"task", Value(task.name)},
                             {"question", Value(question)},
                             {"accepts", Value(std::move(accepts))}})
                .toJson()
         << '\n';
    return;
  }
  if (options_.terminal && itemsDone_ > 0)
    out << '\n'; // end the live loop bar's line
  out << indent(state) << "Waiting  " << task.name << " (" << task.action << "): " << question
       << '\n';
}

void Progress::answered(const ExecutionState &state, const TaskDef &task, std::string_view answer) {
  std::lock_guard<std::mutex> lock(mutex_);
  Line out(out_);
  if (options_.json) {
    out << Value(Value::Map{{"event", Value("answered")},
                             {"execution", Value(state.executionId)},
                             {"task", Value(task.name)},
                             {"answer", Value(std::string(answer))}})
                .toJson()
         << '\n';
    return;
  }
  out << indent(state) << "  answer: " << answer << '\n';
}

void Progress::finish(std::string_view status, const std::string &error) {
  std::lock_guard<std::mutex> lock(mutex_);
  Line out(out_);
  if (options_.json) {
    Value::Map event{{"event", Value("end")}, {"status", Value(status)}};
    if (!error.empty())
      event.emplace_back("error", Value(error));
    out << Value(std::move(event)).toJson() << '\n';
    return;
  }
  out << "execution " << status;
  if (!error.empty())
    out << ": " << error;
  out << '\n';
}

void Progress::note(std::string_view event, Value::Map fields, const std::string &text) {
  std::lock_guard<std::mutex> lock(mutex_);
  Line out(out_);
  if (options_.json) {
    fields.insert(fields.begin(), {"event", Value(event)});
    out << Value(std::move(fields)).toJson() << '\n';
    return;
  }
  out << text << '\n';
}

} // namespace oosc::runtime
