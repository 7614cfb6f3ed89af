//===- JournalApi.h - OOS execution queries answered from the journal ------===//
//
// Templates read past executions through the OOS API: a rollback lists the
// child executions of the run it undoes (ListExecutions ParentExecutionId)
// and reads their Parameters and Outputs, or asks which tasks of an
// execution succeeded (ListTaskExecutions). A runner's executions live in
// its journal, so this backend answers those calls from it and passes every
// other call to the cloud it wraps.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/runtime/Cloud.h"

#include <atomic>

namespace oosc::runtime {

class Journal;

class JournalApi : public CloudBackend {
public:
  /// \p answerFromJournal: OOS.ListExecutions and ListTaskExecutions are
  /// the journal's (on the simulated cloud); else they go to the cloud (on
  /// the real one, OOS knows its executions).
  explicit JournalApi(CloudBackend &cloud, bool answerFromJournal = true)
      : cloud_(cloud), answerFromJournal_(answerFromJournal) {}

  /// The journal to read; null (no journal: --no-journal, or it could not be
  /// opened) makes the OOS execution queries fail with a message saying so.
  void attach(Journal *journal) { journal_ = journal; }

  Outcome<Value, ApiError> call(std::string_view service, std::string_view api,
                                const Value &parameters) override;
  Outcome<Value, ApiError> callObserved(std::string_view service, std::string_view api, const Value &parameters,
                                        const AttemptObserver &observer) override;
  std::string describe() const override { return cloud_.describe(); }

private:
  Outcome<Value, ApiError> listExecutions(const Value &parameters);
  Outcome<Value, ApiError> listTaskExecutions(const Value &parameters);
  std::string nextRequestId();

  CloudBackend &cloud_;
  bool answerFromJournal_;
  Journal *journal_ = nullptr;
  std::atomic<unsigned> requests_{0};
};

} // namespace oosc::runtime
