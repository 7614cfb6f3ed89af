// Jq.h - jq programs over Values: ValueSelector, PropertySelector, Fn::Jq.
//
// OOS evaluates task output selectors, WaitFor/CheckFor property selectors
// and Fn::Jq scripts with jq. This header exposes libjq through Value only;
// libjq's own types stay inside Jq.cpp.
#ifndef OOSC_RUNTIME_JQ_H
#define OOSC_RUNTIME_JQ_H

#include "oosc/runtime/Outcome.h"
#include "oosc/runtime/Selector.h"
#include "oosc/runtime/Value.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace oosc::runtime {

/// Why a jq program does not compile.
struct JqCompileError {
  /// jq's messages, without its "jq: error:" prefix, echoed source line and
  /// shell-quoting hint; several errors are joined with "; ".
  std::string message;
  /// 0-based byte offset into the program of the first error jq located.
  std::optional<std::uint32_t> offset;
};

/// Bounds that keep one jq run from exhausting memory. Sizes are estimates
/// of the in-memory size: 16 bytes per value plus the bytes of every string
/// and map key.
struct JqLimits {
  /// More results than this make run() fail rather than truncate.
  std::size_t maxResults = 100000;
  /// Inputs larger than this are refused before jq sees them.
  std::size_t maxInputBytes = std::size_t{64} << 20;
  /// The results of one run together may not be larger than this.
  std::size_t maxOutputBytes = std::size_t{64} << 20;
  /// Compiled programs kept, least recently used evicted first; at least 1.
  std::size_t maxCachedPrograms = 128;
};

/// Runs jq programs, keeping the compiled form of recently used programs
/// (compiling is the expensive part: libjq 1.6 recompiles its builtins for
/// every program, about 15 ms).
///
/// Not thread-safe: use one engine per thread. Containers nested deeper than
/// MaxJsonDepth are refused both as input and as results.
///
/// Not a sandbox. The programs come from the template being run, trusted as
/// much as the API calls it makes, and libjq 1.6 has no step or memory
/// budget: `last(range(1e18))` runs until it ends, and some programs kill the
/// process inside libjq - `gsub` with a regex that matches the empty string
/// (`gsub("\s*"; "")`, `gsub("^"; ">")`), `strftime`/`strflocaltime` on a
/// number with a non-string format, structures nested ~300,000 deep. libjq
/// also loads definitions from `$HOME/.jq` into every program, as the jq
/// command does. Programs can read the environment through `env`/`$ENV`.
class JqEngine {
public:
  JqEngine();
  explicit JqEngine(JqLimits limits);
  ~JqEngine();
  JqEngine(JqEngine &&other) noexcept;
  JqEngine &operator=(JqEngine &&other) noexcept;
  JqEngine(const JqEngine &) = delete;
  JqEngine &operator=(const JqEngine &) = delete;

  /// Runs \p program on \p input and returns all its results in order, or
  /// the compile or runtime error in jq's words (`error("x")` fails with
  /// "x"). The program is used as given: call normalizeSelector first for
  /// selectors. A program that calls `halt` ends successfully with the
  /// results so far; `halt_error` with a non-zero code fails.
  ///
  /// Numbers: jq 1.6 holds every number as a double, so an integral result
  /// that fits int64_t comes back as Integer (also for an input Real such as
  /// 2.0), any other number as Real, and integers beyond 2^53 lose precision
  /// on the way through jq.
  Outcome<std::vector<Value>> run(std::string_view program, const Value &input);

  /// Only compiles \p program (caching it like run()): std::nullopt when it
  /// is valid jq, else the error.
  std::optional<JqCompileError> compileError(std::string_view program);

  const JqLimits &limits() const { return limits_; }
  /// Programs currently cached, for tests and diagnostics.
  std::size_t cachedProgramCount() const;

private:
  struct Impl;
  Impl &impl();

  JqLimits limits_;
  /// Created on first use, so that a moved-from engine stays usable.
  std::unique_ptr<Impl> impl_;
};

} // namespace oosc::runtime

#endif // OOSC_RUNTIME_JQ_H
