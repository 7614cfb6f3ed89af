//===- Loops.cpp ------------------------------------------------------------===//
#include "executor/Loops.h"
#include "oosc/runtime/impl/Generated.h"
#include "executor/StepRecords.h"
#include "executor/History.h"

#include "executor/Actions.h"
#include "executor/Progress.h"
#include "executor/Steering.h"
#include "executor/TaskOutputs.h"
#include "oosc/runtime/Functions.h"
#include "oosc/runtime/NumberRanges.h"
#include "text/MessageText.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>

namespace oosc::runtime {
namespace {

struct RateControl {
  bool batchMode = false;
  size_t concurrency = 1;
  size_t maxErrors = 0;
  std::vector<size_t> batches;
  /// One per batch, the last repeating (a single number counts for all).
  std::vector<size_t> concurrencyInBatches{20};

  size_t concurrencyOfBatch(size_t batch) const {
    return concurrencyInBatches[std::min(batch, concurrencyInBatches.size() - 1)];
  }
  std::optional<LoopMode> batchPause; ///< BatchPauseOption; none: --loop-mode
};

/// A count written as a number or as a percentage of `total` ("25%"),
/// checked against its range (oosc/runtime/NumberRanges.h) first.
Outcome<size_t> countOf(const Value &value, size_t total, std::string_view key, bool atLeastOne) {
  Outcome<LoopCount> count = parseLoopCount(key, value);
  if (!count)
    return count.error();
  size_t items = count.value().of(total);
  return atLeastOne ? std::max<size_t>(items, 1) : items;
}

Outcome<RateControl> readRateControl(const LoopDef &loop, Context &context, size_t items) {
  RateControl rate;
  if (!loop.rateControl)
    return rate;
  auto value = loop.rateControl(context);
  if (!value)
    return value.error();
  if (!value.value().isMap())
    return fail("RateControl must be a mapping, not " + text::quoteCut(value.value().toJson()));
  const Value &map = value.value();
  if (const Value *mode = map.findCaseInsensitive("Mode"))
    rate.batchMode = sameName(mode->toDisplayString(), "Batch");
  if (const Value *concurrency = map.findCaseInsensitive("Concurrency")) {
    auto count = countOf(*concurrency, items, "Concurrency", true);
    if (!count)
      return count.error();
    rate.concurrency = count.value();
  }
  if (const Value *maxErrors = map.findCaseInsensitive("MaxErrors")) {
    auto count = countOf(*maxErrors, items, "MaxErrors", false);
    if (!count)
      return count.error();
    rate.maxErrors = count.value();
  }
  if (const Value *inBatches = map.findCaseInsensitive("ConcurrencyInBatches")) {
    Value::List counts = inBatches->isList() ? inBatches->getList() : Value::List{*inBatches};
    rate.concurrencyInBatches.clear();
    for (const Value &each : counts) {
      auto count = countOf(each, items, "ConcurrencyInBatches", true);
      if (!count)
        return count.error();
      rate.concurrencyInBatches.push_back(count.value());
    }
    if (rate.concurrencyInBatches.empty())
      rate.concurrencyInBatches.push_back(20);
  }
  if (const Value *pause = map.findCaseInsensitive("BatchPauseOption")) {
    rate.batchPause = parseLoopMode(pause->toDisplayString());
    if (!rate.batchPause)
      return fail("BatchPauseOption must be Automatic, FirstBatchPause or EveryBatchPause, not " +
                  text::quoteCut(pause->toDisplayString()));
  }
  if (const Value *batches = map.findCaseInsensitive("Batch"); batches && batches->isList())
    for (const Value &batch : batches->getList()) {
      auto count = countOf(batch, items, "Batch", true);
      if (!count)
        return count.error();
      rate.batches.push_back(count.value());
    }
  return rate;
}

struct ItemResult {
  bool ok = false;
  NamedValues outputs;
  std::string error;
};

class LoopRunner {
public:
  LoopRunner(const TaskDef &task, size_t index, ExecutionState &state, const Value::List &items, bool whenPerItem)
      : task_(task), index_(index), state_(state), items_(items), results_(items.size()), whenPerItem_(whenPerItem) {}

  /// Runs items [begin, end) on up to `workers` threads.
  void runRange(size_t begin, size_t end, size_t workers) {
    std::atomic<size_t> next{begin};
    auto work = [&] {
      for (size_t i = next++; i < end; i = next++)
        results_[i] = runItem(i);
    };
    workers = std::min(workers, end - begin);
    if (workers <= 1) {
      work();
      return;
    }
    std::vector<std::thread> threads;
    for (size_t w = 0; w < workers; ++w)
      threads.emplace_back(work);
    for (std::thread &thread : threads)
      thread.join();
  }

  const std::vector<ItemResult> &results() const { return results_; }

  /// Failed items among the first \p end.
  size_t failuresIn(size_t end) const {
    return static_cast<size_t>(std::count_if(results_.begin(), results_.begin() + end,
                                             [](const ItemResult &item) { return !item.ok; }));
  }

private:
  ItemResult runItem(size_t i) {
    unsigned run = state_.taskRuns[index_];
    if (state_.history)
      if (const StepHistory *ended = state_.history->item(task_.name, i, run))
        return restoredItem(*ended);
    auto start = std::chrono::steady_clock::now();
    ItemResult result = runItemUntimed(i);
    Value outputs(Value::Map{});
    for (const auto &[name, value] : result.outputs)
      outputs.set(name, value);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    loopItemEnded(state_, task_, i, items_.size(), result.ok, result.error, outputs, seconds, run);
    return result;
  }

  /// An item a resumed execution had finished: not run again.
  static ItemResult restoredItem(const StepHistory &ended) {
    ItemResult result;
    result.ok = ended.status == TaskStatus::Success;
    result.error = ended.error;
    for (const auto &[name, value] : ended.outputs.getMap())
      result.outputs.emplace_back(name, value);
    return result;
  }

  ItemResult runItemUntimed(size_t i) {
    Context context = Context(state_).withLoopItem(&items_[i]);
    ItemResult result;
    if (whenPerItem_ && task_.when) {
      Outcome<bool> run = impl::holds(context, task_.when);
      if (!run.ok()) {
        result.error = "When: " + run.error().message;
        return result;
      }
      if (!run.value()) { // skipped: neither a failure nor an output
        result.ok = true;
        return result;
      }
    }
    Value properties(Value::Map{});
    if (task_.properties) {
      auto evaluated = task_.properties(context);
      if (!evaluated) {
        result.error = evaluated.error().message;
        return result;
      }
      properties = std::move(evaluated.value());
    }
    ActionCall call{task_, properties, state_, context, static_cast<int>(i)};
    auto outcome = runAction(call);
    if (!outcome) {
      result.error = outcome.error().message;
      return result;
    }
    auto outputs = extractOutputs(task_, outcome.value(), context);
    if (!outputs) {
      result.error = outputs.error().message;
      return result;
    }
    result.ok = true;
    result.outputs = std::move(outputs.value());
    return result;
  }


  const TaskDef &task_;
  size_t index_;
  ExecutionState &state_;
  const Value::List &items_;
  std::vector<ItemResult> results_;
  bool whenPerItem_;
};

Outcome<Value::List> evaluateItems(const LoopDef &loop, Context &context) {
  auto items = loop.items(context);
  if (!items)
    return fail("Loop Items: " + items.error().message);
  if (!items.value().isList())
    return fail("Loop Items must be a list, not " + text::quoteCut(items.value().toJson()));
  if (items.value().size() > kMaxLoopItems)
    return fail("Loop Items has " + std::to_string(items.value().size()) + " items; OOS allows " +
                std::to_string(kMaxLoopItems));
  return items.value().getList();
}

Outcome<bool> aggregateOutputs(const TaskDef &task, size_t index, ExecutionState &state,
                               const std::vector<ItemResult> &results) {
  NamedValues aggregated;
  for (const LoopOutputDef &output : task.loop->outputs) {
    std::vector<Value> values;
    for (const ItemResult &item : results)
      for (const auto &[name, value] : item.outputs)
        if (item.ok && sameName(name, output.aggregateField))
          values.push_back(value);
    auto value = aggregate(output.aggregateType, values);
    if (!value)
      return fail("Loop output '" + output.name + "': " + value.error().message);
    aggregated.emplace_back(output.name, std::move(value.value()));
  }
  std::lock_guard<std::mutex> lock(state.mutex);
  for (auto &[name, value] : aggregated)
    state.tasks[index].outputs[name] = std::move(value);
  return true;
}

/// At most \p workers threads, or one in Debug mode: OOS runs a looping
/// task's items one after another when an execution is single-stepped.
size_t workersFor(const ExecutionState &state, size_t workers) {
  const Steering *steering = state.environment.steering;
  bool singleStep = steering && steering->mode == ExecutionMode::Debug && state.environment.depth == 0;
  return singleStep ? 1 : workers;
}

} // namespace

Outcome<bool> runLoop(const TaskDef &task, size_t index, ExecutionState &state, bool whenPerItem) {
  Context context(state);
  auto items = evaluateItems(*task.loop, context);
  if (!items)
    return items.error();
  auto rate = readRateControl(*task.loop, context, items.value().size());
  if (!rate)
    return rate.error();
  LoopRunner runner(task, index, state, items.value(), whenPerItem);
  size_t total = items.value().size();
  size_t started = total;
  if (rate.value().batchMode && !rate.value().batches.empty()) {
    size_t begin = 0;
    for (size_t b = 0; begin < total; ++b) {
      // Once more items failed than MaxErrors allows, no further batch
      // starts: a rolling update stops instead of breaking the rest.
      if (runner.failuresIn(begin) > rate.value().maxErrors) {
        started = begin;
        break;
      }
      // The last batch size repeats until every item has run.
      size_t size = rate.value().batches[std::min(b, rate.value().batches.size() - 1)];
      size_t end = std::min(total, begin + size);
      runner.runRange(begin, end, workersFor(state, std::min(size, rate.value().concurrencyOfBatch(b))));
      begin = end;
      if (auto goOn = pauseBetweenBatches(state, task, rate.value().batchPause, b, end, total); !goOn)
        return goOn.error();
    }
  } else {
    runner.runRange(0, total, workersFor(state, rate.value().concurrency));
  }
  size_t failures = 0;
  std::string firstError;
  for (size_t i = 0; i < started; ++i)
    if (!runner.results()[i].ok && failures++ == 0)
      firstError = runner.results()[i].error;
  std::string notStarted =
      started < total ? "; " + std::to_string(total - started) + " not started" : "";
  if (failures > rate.value().maxErrors)
    return fail(std::to_string(failures) + " of " + std::to_string(total) +
                " loop items failed (MaxErrors " + std::to_string(rate.value().maxErrors) +
                ")" + notStarted + "; first: " + firstError);
  return aggregateOutputs(task, index, state, runner.results());
}

} // namespace oosc::runtime
