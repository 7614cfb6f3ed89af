//===- JournalApi.cpp - OOS.ListExecutions and ListTaskExecutions -----------===//
#include "journal/JournalApi.h"

#include "oosc/runtime/Clock.h"
#include "oosc/runtime/Journal.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>

namespace oosc::runtime {
namespace {

bool sameText(std::string_view a, std::string_view b) { return equalsIgnoringAsciiCase(a, b); }

/// A request parameter as text; "" when absent or empty (templates pass ''
/// for unset optional parameters, which OOS treats as absent).
std::string textParameter(const Value &parameters, std::string_view name) {
  const Value *value = parameters.isMap() ? parameters.findCaseInsensitive(name) : nullptr;
  return value && !value->isNull() ? value->toDisplayString() : std::string();
}

bool flagParameter(const Value &parameters, std::string_view name) {
  return sameText(textParameter(parameters, name), "true");
}

/// Seconds since the epoch as OOS writes dates: "2024-05-28T10:00:00Z";
/// 0 (not ended) is "".
std::string isoDate(double seconds) {
  return seconds <= 0 ? "" : formatUtc(static_cast<std::int64_t>(seconds * 1000));
}

/// A JSON column as the object the API returns (the journal stores text).
Value jsonObject(const std::string &text) {
  std::optional<Value> parsed = parseJson(text);
  return parsed && parsed->isMap() ? *parsed : Value(Value::Map{});
}

/// Matches when the filter is empty or equal, ignoring case (statuses and
/// template names are matched the way OOS matches names).
bool passes(const std::string &filter, std::string_view value) {
  return filter.empty() || sameText(filter, value);
}

Value executionView(const JournalExecution &execution) {
  std::string started = isoDate(execution.started);
  std::string ended = isoDate(execution.ended);
  return Value(Value::Map{{"ExecutionId", execution.id},
                          {"TemplateName", execution.templateName},
                          {"TemplateVersion", "v1"},
                          {"Mode", execution.mode},
                          {"LoopMode", "Automatic"},
                          {"Status", execution.status},
                          {"StatusMessage", execution.error},
                          {"Parameters", jsonObject(execution.parametersJson)},
                          {"Outputs", jsonObject(execution.outputsJson)},
                          {"ParentExecutionId", execution.parentId},
                          {"StartDate", started},
                          {"EndDate", ended},
                          {"CreateDate", started},
                          {"UpdateDate", ended.empty() ? started : ended},
                          {"ExecutedBy", "oosc"}});
}

struct TaskFilter {
  std::string taskName, status, taskExecutionId;
  bool loopItems = false; ///< IncludeChildTaskExecution
};

/// The task executions of one execution that pass \p filter, appended to
/// \p items. Task execution ids number the tasks in the order they were
/// recorded ("exec-1.t2"); a loop item's extends its task's ("exec-1.t2.0").
void appendTaskExecutions(const std::string &executionId, const std::vector<JournalStep> &steps,
                          const TaskFilter &filter, Value::List &items) {
  std::map<std::string, std::string> taskIds;
  for (const JournalStep &step : steps)
    if (step.loopItem < 0)
      taskIds.emplace(step.task, executionId + ".t" + std::to_string(taskIds.size() + 1));
  for (const JournalStep &step : steps) {
    if ((step.loopItem >= 0 && !filter.loopItems) || !passes(filter.taskName, step.task) ||
        !passes(filter.status, step.status))
      continue;
    auto parentTask = taskIds.find(step.task);
    std::string parentTaskId = parentTask == taskIds.end() ? executionId + ".t0" : parentTask->second;
    std::string taskId =
        step.loopItem < 0 ? parentTaskId : parentTaskId + "." + std::to_string(step.loopItem);
    if (!filter.taskExecutionId.empty() && taskId != filter.taskExecutionId)
      continue;
    Value view(Value::Map{{"ExecutionId", executionId},
                          {"TaskExecutionId", taskId},
                          {"TaskName", step.task},
                          {"Status", step.status},
                          {"StatusMessage", step.error},
                          {"Outputs", jsonObject(step.outputsJson)},
                          {"StartDate", isoDate(step.started)},
                          {"EndDate", isoDate(step.ended)},
                          {"CreateDate", isoDate(step.started)},
                          {"UpdateDate", isoDate(step.ended)}});
    if (step.loopItem >= 0) {
      view.set("LoopItem", static_cast<int64_t>(step.loopItem));
      view.set("ParentTaskExecutionId", parentTaskId);
    }
    items.push_back(std::move(view));
  }
}

ApiError journalError(std::string code, std::string message) {
  ApiError error;
  error.code = std::move(code);
  error.message = std::move(message);
  return error;
}

/// MaxResults/NextToken paging over \p items; without MaxResults every item
/// is returned (the real API pages by 50 by default, but ACS::ExecuteAPI's
/// AutoPaging only follows the Describe* shape, so one page keeps
/// `ListExecutions` usable from templates).
Outcome<Value, ApiError> page(const Value &parameters, std::string_view listName,
                              Value::List items) {
  std::string maxText = textParameter(parameters, "MaxResults");
  std::string token = textParameter(parameters, "NextToken");
  size_t offset = 0, count = items.size();
  if (!token.empty()) {
    if (token.find_first_not_of("0123456789") != std::string::npos)
      return journalError("InvalidParameter", "NextToken '" + token + "' was not returned by this API");
    offset = std::min<size_t>(std::stoul(token), items.size());
  }
  if (!maxText.empty()) {
    if (maxText.find_first_not_of("0123456789") != std::string::npos || std::stoul(maxText) == 0 ||
        std::stoul(maxText) > 100)
      return journalError("InvalidParameter",
                          "MaxResults must be a number from 1 to 100, not '" + maxText + "'");
    count = std::stoul(maxText);
  }
  size_t end = std::min(items.size(), offset + count);
  Value::List selected(items.begin() + static_cast<std::ptrdiff_t>(offset),
                       items.begin() + static_cast<std::ptrdiff_t>(end));
  Value response(Value::Map{{std::string(listName), Value(std::move(selected))}});
  response.set("NextToken", end < items.size() ? std::to_string(end) : std::string());
  if (!maxText.empty())
    response.set("MaxResults", static_cast<int64_t>(count));
  return response;
}

} // namespace

std::string JournalApi::nextRequestId() {
  char text[40];
  std::snprintf(text, sizeof text, "0A11CE00-0000-4000-8000-%012u", ++requests_);
  return text;
}

Outcome<Value, ApiError> JournalApi::callObserved(std::string_view service, std::string_view api,
                                                  const Value &parameters, const AttemptObserver &observer) {
  bool journalQuery = answerFromJournal_ && sameText(service, "OOS") &&
                      (sameText(api, "ListExecutions") || sameText(api, "ListTaskExecutions"));
  return journalQuery ? call(service, api, parameters) : cloud_.callObserved(service, api, parameters, observer);
}

Outcome<Value, ApiError> JournalApi::call(std::string_view service, std::string_view api,
                                          const Value &parameters) {
  bool listExecutionsCall = sameText(api, "ListExecutions");
  if (!answerFromJournal_ || !sameText(service, "OOS") ||
      (!listExecutionsCall && !sameText(api, "ListTaskExecutions")))
    return cloud_.call(service, api, parameters);
  std::string requestId = nextRequestId();
  auto answer = [&]() -> Outcome<Value, ApiError> {
    if (!journal_)
      return journalError("ExecutionJournal.Unavailable",
                          "OOS." + std::string(api) +
                              " reads this runner's execution journal, and this run has none "
                              "(--no-journal, or the journal could not be opened)");
    return listExecutionsCall ? listExecutions(parameters) : listTaskExecutions(parameters);
  }();
  if (!answer) {
    ApiError error = answer.error();
    error.requestId = requestId;
    return error;
  }
  answer.value().set("RequestId", requestId);
  return answer;
}

Outcome<Value, ApiError> JournalApi::listExecutions(const Value &parameters) {
  std::string id = textParameter(parameters, "ExecutionId");
  std::string parent = textParameter(parameters, "ParentExecutionId");
  std::string templateName = textParameter(parameters, "TemplateName");
  std::string status = textParameter(parameters, "Status");
  std::string sortOrder = textParameter(parameters, "SortOrder");
  if (!sortOrder.empty() && !sameText(sortOrder, "Ascending") && !sameText(sortOrder, "Descending"))
    return journalError("InvalidParameter", "SortOrder must be Ascending or Descending, not '" +
                                                sortOrder + "'");
  // Oldest first for children, newest first for the rest, as read; then the
  // requested order (the real API's default is newest first).
  auto rows = !parent.empty() ? journal_->children(parent) : journal_->executions();
  if (!rows)
    return journalError("ExecutionJournal.Unreadable", rows.error().message);
  if (!parent.empty())
    std::reverse(rows.value().begin(), rows.value().end());
  if (sameText(sortOrder, "Ascending"))
    std::reverse(rows.value().begin(), rows.value().end());
  // Without an id or a parent, only top-level executions are listed unless
  // IncludeChildExecution asks for the children too.
  bool children = !id.empty() || !parent.empty() || flagParameter(parameters, "IncludeChildExecution");
  Value::List items;
  for (const JournalExecution &execution : rows.value())
    if ((id.empty() || execution.id == id) && (children || execution.parentId.empty()) &&
        passes(templateName, execution.templateName) && passes(status, execution.status))
      items.push_back(executionView(execution));
  return page(parameters, "Executions", std::move(items));
}

Outcome<Value, ApiError> JournalApi::listTaskExecutions(const Value &parameters) {
  TaskFilter filter{textParameter(parameters, "TaskName"), textParameter(parameters, "Status"),
                    textParameter(parameters, "TaskExecutionId"),
                    flagParameter(parameters, "IncludeChildTaskExecution")};
  std::vector<std::string> ids;
  if (std::string id = textParameter(parameters, "ExecutionId"); !id.empty()) {
    ids.push_back(id);
  } else {
    auto all = journal_->executions();
    if (!all)
      return journalError("ExecutionJournal.Unreadable", all.error().message);
    for (const JournalExecution &execution : all.value())
      ids.push_back(execution.id);
  }
  Value::List items;
  for (const std::string &executionId : ids) {
    auto steps = journal_->steps(executionId);
    if (!steps)
      return journalError("ExecutionJournal.Unreadable", steps.error().message);
    appendTaskExecutions(executionId, steps.value(), filter, items);
  }
  return page(parameters, "TaskExecutions", std::move(items));
}

} // namespace oosc::runtime
