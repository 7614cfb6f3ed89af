// Jq.cpp - JqEngine on top of libjq 1.6.
//
// libjq's jv values never leave this file: inputs are converted from Value
// and results back to Value under size and depth budgets, and every jv is
// held by OwnedJv so that jq's reference counts balance on every path.
#include "oosc/runtime/Jq.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <unordered_map>
#include <utility>

// libjq 1.6's headers declare C functions without extern "C" guards.
extern "C" {
#include <jq.h>
#include <jv.h>
}

namespace oosc::runtime {

namespace {

bool isJqSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

//===----------------------------------------------------------------------===//
// jv ownership
//===----------------------------------------------------------------------===//

/// Owns one reference to a jv. Every libjq function consumes its jv
/// arguments except jv_copy, jv_get_kind and the *_value accessors, so
/// passing a borrowed jv to libjq takes copy(), handing ours over release().
class OwnedJv {
public:
  explicit OwnedJv(jv value) : value(value) {}
  OwnedJv(OwnedJv &&other) noexcept : value(other.release()) {}
  OwnedJv &operator=(OwnedJv &&other) noexcept {
    if (this != &other) {
      jv_free(value);
      value = other.release();
    }
    return *this;
  }
  OwnedJv(const OwnedJv &) = delete;
  OwnedJv &operator=(const OwnedJv &) = delete;
  ~OwnedJv() { jv_free(value); }

  /// Borrowed; valid while this owner lives.
  jv get() const { return value; }
  /// A new reference for a libjq function to consume.
  jv copy() const { return jv_copy(value); }
  /// Gives our reference away; this owner then holds nothing.
  jv release() { return std::exchange(value, jv_invalid()); }

  jv_kind kind() const { return jv_get_kind(value); }
  bool isValid() const { return kind() != JV_KIND_INVALID; }

private:
  jv value;
};

/// The bytes of a jv string (borrowed), NUL bytes included.
std::string stringOf(jv text) {
  return std::string(
      jv_string_value(text),
      static_cast<std::size_t>(jv_string_length_bytes(jv_copy(text))));
}

/// Compact JSON of a jv, for messages.
std::string dumpOf(jv value) {
  OwnedJv dumped(jv_dump_string(jv_copy(value), 0));
  return stringOf(dumped.get());
}

/// Shortens a message from jq, which may quote a whole value, to \p limit
/// bytes without splitting a UTF-8 sequence.
std::string truncated(std::string text, std::size_t limit = 1024) {
  if (text.size() <= limit)
    return text;
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;
  text.resize(cut);
  return text + "...";
}

//===----------------------------------------------------------------------===//
// Value <-> jv
//===----------------------------------------------------------------------===//

/// Estimated cost of one value besides its string bytes (see JqLimits).
constexpr std::size_t ValueOverhead = 16;

/// A byte allowance that conversions draw from.
class SizeBudget {
public:
  explicit SizeBudget(std::size_t bytes) : remaining(bytes) {}
  /// False, and the budget spent, once \p bytes exceed what is left.
  bool spend(std::size_t bytes) {
    if (bytes > remaining) {
      remaining = 0;
      return false;
    }
    remaining -= bytes;
    return true;
  }

private:
  std::size_t remaining;
};

/// Converts a Value into a jv; on failure returns an invalid jv and leaves
/// the reason in `error`.
class ToJv {
public:
  explicit ToJv(std::size_t maxBytes) : budget(maxBytes) {}

  OwnedJv convert(const Value &value, unsigned depth = 0) {
    if (!budget.spend(ValueOverhead))
      return failure("the jq input is larger than the input limit");
    switch (value.kind()) {
    case Value::Kind::Null:
      return OwnedJv(jv_null());
    case Value::Kind::Bool:
      return OwnedJv(jv_bool(value.getBool()));
    case Value::Kind::Integer:
      return OwnedJv(jv_number(static_cast<double>(value.getInteger())));
    case Value::Kind::Real:
      return OwnedJv(jv_number(value.getReal()));
    case Value::Kind::String:
      return string(value.getString());
    case Value::Kind::List:
      return list(value.getList(), depth);
    case Value::Kind::Map:
      return map(value.getMap(), depth);
    }
    return failure("unknown value kind");
  }

  std::string error;

private:
  OwnedJv failure(std::string message) {
    error = std::move(message);
    return OwnedJv(jv_invalid());
  }

  OwnedJv string(const std::string &text) {
    if (text.size() > static_cast<std::size_t>(INT_MAX) ||
        !budget.spend(text.size()))
      return failure("the jq input is larger than the input limit");
    // jv_string_sized replaces malformed UTF-8 with U+FFFD.
    return OwnedJv(jv_string_sized(text.data(), static_cast<int>(text.size())));
  }

  bool enter(unsigned depth) {
    if (depth < MaxJsonDepth)
      return true;
    error = "the jq input is nested deeper than " +
            std::to_string(MaxJsonDepth) + " levels";
    return false;
  }

  OwnedJv list(const Value::List &items, unsigned depth) {
    if (!enter(depth))
      return OwnedJv(jv_invalid());
    OwnedJv array(jv_array_sized(
        static_cast<int>(std::min<std::size_t>(items.size(), INT_MAX))));
    for (const Value &item : items) {
      OwnedJv element = convert(item, depth + 1);
      if (!element.isValid())
        return element;
      array = OwnedJv(jv_array_append(array.release(), element.release()));
    }
    return array;
  }

  OwnedJv map(const Value::Map &members, unsigned depth) {
    if (!enter(depth))
      return OwnedJv(jv_invalid());
    OwnedJv object(jv_object());
    for (const Value::Member &member : members) {
      OwnedJv key = string(member.first);
      if (!key.isValid())
        return key;
      OwnedJv element = convert(member.second, depth + 1);
      if (!element.isValid())
        return element;
      object = OwnedJv(
          jv_object_set(object.release(), key.release(), element.release()));
    }
    return object;
  }

  SizeBudget budget;
};

/// A jq number as a Value: Integer when integral and within int64_t
/// (jq has only doubles), else Real.
Value numberValue(double number) {
  // 2^63 is exact as a double; int64_t holds [-2^63, 2^63).
  constexpr double TwoTo63 = 9223372036854775808.0;
  bool integral = std::isfinite(number) && number == std::trunc(number) &&
                  number >= -TwoTo63 && number < TwoTo63;
  // -0.0 is integral but an Integer cannot carry its sign.
  if (!integral || (number == 0 && std::signbit(number)))
    return Value(number);
  return Value(static_cast<std::int64_t>(number));
}

/// Converts a borrowed jv into a Value; on failure returns std::nullopt and
/// leaves the reason in `error`. One converter serves all results of a run,
/// so the budget covers them together.
class FromJv {
public:
  explicit FromJv(std::size_t maxBytes) : budget(maxBytes) {}

  std::optional<Value> convert(jv value, unsigned depth = 0) {
    if (!budget.spend(ValueOverhead))
      return failure("the jq results are larger than the output limit");
    switch (jv_get_kind(value)) {
    case JV_KIND_NULL:
      return Value();
    case JV_KIND_FALSE:
      return Value(false);
    case JV_KIND_TRUE:
      return Value(true);
    case JV_KIND_NUMBER:
      return numberValue(jv_number_value(value));
    case JV_KIND_STRING:
      return string(value);
    case JV_KIND_ARRAY:
      return list(value, depth);
    case JV_KIND_OBJECT:
      return map(value, depth);
    case JV_KIND_INVALID:
      break;
    }
    return failure("jq produced an invalid value");
  }

  std::string error;

private:
  std::nullopt_t failure(std::string message) {
    error = std::move(message);
    return std::nullopt;
  }

  std::optional<std::string> text(jv value) {
    if (!budget.spend(
            static_cast<std::size_t>(jv_string_length_bytes(jv_copy(value)))))
      return failure("the jq results are larger than the output limit");
    return stringOf(value);
  }

  std::optional<Value> string(jv value) {
    std::optional<std::string> bytes = text(value);
    if (!bytes)
      return std::nullopt;
    return Value(std::move(*bytes));
  }

  bool enter(unsigned depth) {
    if (depth < MaxJsonDepth)
      return true;
    error = "a jq result is nested deeper than " +
            std::to_string(MaxJsonDepth) + " levels";
    return false;
  }

  std::optional<Value> list(jv array, unsigned depth) {
    if (!enter(depth))
      return std::nullopt;
    int length = jv_array_length(jv_copy(array));
    Value::List items;
    items.reserve(static_cast<std::size_t>(length));
    for (int i = 0; i < length; ++i) {
      OwnedJv element(jv_array_get(jv_copy(array), i));
      std::optional<Value> item = convert(element.get(), depth + 1);
      if (!item)
        return std::nullopt;
      items.push_back(std::move(*item));
    }
    return Value(std::move(items));
  }

  // Members come in jq's iteration order, the order jq prints them in.
  std::optional<Value> map(jv object, unsigned depth) {
    if (!enter(depth))
      return std::nullopt;
    Value::Map members;
    for (int it = jv_object_iter(object); jv_object_iter_valid(object, it);
         it = jv_object_iter_next(object, it)) {
      OwnedJv key(jv_object_iter_key(object, it));
      OwnedJv element(jv_object_iter_value(object, it));
      std::optional<std::string> name = text(key.get());
      if (!name)
        return std::nullopt;
      std::optional<Value> item = convert(element.get(), depth + 1);
      if (!item)
        return std::nullopt;
      members.emplace_back(std::move(*name), std::move(*item));
    }
    return Value(std::move(members));
  }

  SizeBudget budget;
};

//===----------------------------------------------------------------------===//
// Compilation
//===----------------------------------------------------------------------===//

/// Error callback used while compiling: collects jq's messages instead of
/// letting libjq print them to stderr.
void collectMessage(void *data, jv message) {
  OwnedJv owned(message);
  // An exception must not unwind through libjq's C frames.
  try {
    auto *messages = static_cast<std::vector<std::string> *>(data);
    messages->push_back(owned.kind() == JV_KIND_STRING ? stringOf(owned.get())
                                                       : dumpOf(owned.get()));
  } catch (...) {
  }
}

/// Error callback for compiled programs: libjq 1.6 reports nothing through
/// it at run time, but if it did the message must not reach stderr. Also
/// the debug callback: `debug` passes its input through silently.
void discardMessage(void *, jv message) { jv_free(message); }

/// Input callback: a run has exactly one input. libjq 1.6 calls the input
/// callback without checking that one is set, so without this `input` and
/// `inputs` crash; with it `input` fails with jq's end-of-input error
/// ("break") and `inputs` is empty.
jv noMoreInputs(jq_state *, void *) { return jv_invalid(); }

struct StateDeleter {
  void operator()(jq_state *state) const { jq_teardown(&state); }
};
using StatePtr = std::unique_ptr<jq_state, StateDeleter>;

bool startsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

void eraseAll(std::string &text, std::string_view part) {
  for (std::size_t at; (at = text.find(part)) != std::string::npos;)
    text.erase(at, part.size());
}

std::string trimmed(std::string_view text) {
  std::size_t begin = 0, end = text.size();
  while (begin < end && isJqSpace(text[begin]))
    ++begin;
  while (end > begin && isJqSpace(text[end - 1]))
    --end;
  return std::string(text.substr(begin, end - begin));
}

/// The byte offset of \p line (1-based) in \p program.
std::optional<std::size_t> lineStart(std::string_view program, unsigned line) {
  std::size_t start = 0;
  for (unsigned current = 1; current < line; ++current) {
    start = program.find('\n', start);
    if (start == std::string_view::npos)
      return std::nullopt;
    ++start;
  }
  return start;
}

/// One message of jq's, split into its text and the offset it points at.
struct LocatedMessage {
  std::string text;
  std::optional<std::uint32_t> offset;
};

/// jq 1.6 locates an error as "<text> at <top-level>, line N:\n" followed by
/// the source line and one space per column before the error (the caret it
/// meant to print is missing); the column is recovered from those spaces.
std::optional<std::uint32_t> locate(std::string_view program, unsigned line,
                                    std::string_view echo) {
  std::optional<std::size_t> start = lineStart(program, line);
  if (!start)
    return std::nullopt;
  std::string_view source = program.substr(*start);
  source = source.substr(0, source.find('\n'));
  if (!startsWith(echo, source))
    return std::nullopt;
  std::string_view padding = echo.substr(source.size());
  if (padding.find_first_not_of(' ') != std::string_view::npos)
    return std::nullopt;
  std::size_t offset = *start + padding.size();
  if (offset > program.size() || offset > UINT32_MAX)
    return std::nullopt;
  return static_cast<std::uint32_t>(offset);
}

LocatedMessage parseMessage(std::string_view program, std::string_view raw) {
  constexpr std::string_view Prefix = "jq: error: ";
  constexpr std::string_view Where = " at <top-level>, line ";
  if (startsWith(raw, Prefix))
    raw.remove_prefix(Prefix.size());
  LocatedMessage result;
  std::size_t where = raw.rfind(Where);
  std::size_t newline = raw.find('\n');
  if (where == std::string_view::npos) {
    // Errors located elsewhere ("at <builtin>, line 1:") keep their place
    // but not the colon that introduced the echoed line.
    result.text = trimmed(raw.substr(0, newline));
    if (!result.text.empty() && result.text.back() == ':')
      result.text.pop_back();
  } else {
    result.text = trimmed(raw.substr(0, where));
    std::size_t digits = where + Where.size();
    unsigned line = 0;
    while (digits < raw.size() && raw[digits] >= '0' && raw[digits] <= '9' &&
           line < 1000000)
      line = line * 10 + static_cast<unsigned>(raw[digits++] - '0');
    if (raw.substr(digits, 2) == ":\n")
      result.offset = locate(program, line, raw.substr(digits + 2));
  }
  // jq's command-line hint means nothing inside a template.
  eraseAll(result.text, " (Unix shell quoting issues?)");
  return result;
}

/// Turns the messages libjq reported for \p program into one error.
JqCompileError compileErrorFrom(std::string_view program,
                                const std::vector<std::string> &messages) {
  JqCompileError error;
  for (const std::string &raw : messages) {
    // jq ends with a count ("jq: 2 compile errors") that adds nothing.
    if (startsWith(raw, "jq: ") && !startsWith(raw, "jq: error"))
      continue;
    LocatedMessage message = parseMessage(program, raw);
    if (!error.message.empty())
      error.message += "; ";
    error.message += message.text;
    if (!error.offset)
      error.offset = message.offset;
  }
  if (error.message.empty())
    error.message = "the jq program does not compile";
  error.message = truncated(std::move(error.message));
  return error;
}

/// A program compiled into its own jq_state (libjq keeps one program per
/// state), or why it does not compile.
struct CompiledProgram {
  StatePtr state;
  std::optional<JqCompileError> error;
  std::uint64_t lastUse = 0;
};

CompiledProgram compile(std::string_view program) {
  CompiledProgram result;
  // jq_compile takes a C string; a NUL would silently cut the program.
  if (std::size_t nul = program.find('\0'); nul != std::string_view::npos) {
    result.error = JqCompileError{"the jq program contains a NUL character",
                                  static_cast<std::uint32_t>(nul)};
    return result;
  }
  StatePtr state(jq_init());
  if (!state) {
    result.error = JqCompileError{"jq could not be initialised", std::nullopt};
    return result;
  }
  std::vector<std::string> messages;
  jq_set_error_cb(state.get(), collectMessage, &messages);
  // Without a library path libjq 1.6 aborts on `import`/`include`; an
  // empty one makes them fail to compile with "module not found".
  jq_set_attr(state.get(), jv_string("JQ_LIBRARY_PATH"), jv_array());
  std::string text(program);
  bool compiled = jq_compile(state.get(), text.c_str()) != 0;
  jq_set_error_cb(state.get(), discardMessage, nullptr);
  jq_set_debug_cb(state.get(), discardMessage, nullptr);
  jq_set_input_cb(state.get(), noMoreInputs, nullptr);
  if (compiled)
    result.state = std::move(state);
  else
    result.error = compileErrorFrom(program, messages);
  return result;
}

//===----------------------------------------------------------------------===//
// Running
//===----------------------------------------------------------------------===//

/// The message of a jq runtime error (the payload of `error(...)`).
std::string runtimeErrorMessage(const OwnedJv &payload) {
  if (payload.kind() == JV_KIND_STRING)
    return truncated(stringOf(payload.get()));
  return truncated("jq error (not a string): " + dumpOf(payload.get()));
}

/// After the result stream ended without an error: a failure if the
/// program stopped through `halt_error` with a non-zero exit code.
std::optional<Failure> haltFailure(jq_state *state) {
  if (!jq_halted(state))
    return std::nullopt;
  OwnedJv code(jq_get_exit_code(state));
  if (code.kind() != JV_KIND_NUMBER || jv_number_value(code.get()) == 0)
    return std::nullopt;
  OwnedJv message(jq_get_error_message(state));
  std::string text;
  if (message.kind() == JV_KIND_STRING)
    text = trimmed(stringOf(message.get()));
  else if (message.isValid())
    text = dumpOf(message.get());
  if (text.empty())
    text = "the jq program halted with exit code " + dumpOf(code.get());
  return Failure{truncated(std::move(text))};
}

/// Releases the input and any unfinished execution of a cached program, so
/// that the cache does not keep the last input of every program alive.
///
/// Not after `halt`/`halt_error`: libjq 1.6's reset frees the halt exit code
/// and message without forgetting them, so resetting a halted state twice
/// (this reset, then the next run's or jq_teardown's) frees them twice. A
/// halted state is torn down instead, which resets it exactly once.
struct ExecutionReset {
  jq_state *state;
  ~ExecutionReset() {
    if (!jq_halted(state))
      jq_start(state, jv_null(), 0);
  }
};

Outcome<std::vector<Value>> execute(jq_state *state, OwnedJv input,
                                    const JqLimits &limits) {
  jq_start(state, input.release(), 0);
  ExecutionReset reset{state};
  FromJv fromJv(limits.maxOutputBytes);
  std::vector<Value> results;
  for (;;) {
    OwnedJv next(jq_next(state));
    if (!next.isValid()) {
      if (jv_invalid_has_msg(next.copy()))
        return fail(
            runtimeErrorMessage(OwnedJv(jv_invalid_get_msg(next.release()))));
      if (std::optional<Failure> halted = haltFailure(state))
        return *halted;
      return Outcome<std::vector<Value>>(std::move(results));
    }
    if (results.size() >= limits.maxResults)
      return fail("the jq program produced more than " +
                  std::to_string(limits.maxResults) + " results");
    std::optional<Value> value = fromJv.convert(next.get());
    if (!value)
      return fail(fromJv.error);
    results.push_back(std::move(*value));
  }
}

} // namespace

//===----------------------------------------------------------------------===//
// Public interface
//===----------------------------------------------------------------------===//

/// The compiled-program cache, least recently used evicted first.
struct JqEngine::Impl {
  std::unordered_map<std::string, CompiledProgram> programs;
  std::uint64_t clock = 0;

  CompiledProgram &lookup(std::string_view program, std::size_t capacity) {
    std::string key(program);
    auto found = programs.find(key);
    if (found == programs.end()) {
      evictDownTo(std::max<std::size_t>(capacity, 1) - 1);
      found = programs.emplace(std::move(key), compile(program)).first;
    }
    found->second.lastUse = ++clock;
    return found->second;
  }

  void forget(std::string_view program) {
    programs.erase(std::string(program));
  }

  void evictDownTo(std::size_t size) {
    while (programs.size() > size) {
      auto oldest = std::min_element(
          programs.begin(), programs.end(), [](const auto &a, const auto &b) {
            return a.second.lastUse < b.second.lastUse;
          });
      programs.erase(oldest);
    }
  }
};

JqEngine::JqEngine() : JqEngine(JqLimits{}) {}
JqEngine::JqEngine(JqLimits limits) : limits_(limits) {}
JqEngine::~JqEngine() = default;
JqEngine::JqEngine(JqEngine &&other) noexcept = default;
JqEngine &JqEngine::operator=(JqEngine &&other) noexcept = default;

JqEngine::Impl &JqEngine::impl() {
  if (!impl_)
    impl_ = std::make_unique<Impl>();
  return *impl_;
}

std::size_t JqEngine::cachedProgramCount() const {
  return impl_ ? impl_->programs.size() : 0;
}

std::optional<JqCompileError> JqEngine::compileError(std::string_view program) {
  return impl().lookup(program, limits_.maxCachedPrograms).error;
}

Outcome<std::vector<Value>> JqEngine::run(std::string_view program,
                                          const Value &input) {
  CompiledProgram &compiled = impl().lookup(program, limits_.maxCachedPrograms);
  if (!compiled.state)
    return fail(compiled.error->message);
  ToJv toJv(limits_.maxInputBytes);
  OwnedJv in = toJv.convert(input);
  if (!in.isValid())
    return fail(toJv.error);
  Outcome<std::vector<Value>> outcome =
      execute(compiled.state.get(), std::move(in), limits_);
  // See ExecutionReset: a halted state must not be run again.
  if (jq_halted(compiled.state.get()))
    impl().forget(program);
  return outcome;
}

} // namespace oosc::runtime
