//===- AnswerPaths.cpp - Following a jq selector over an answer's shape -----===//
#include "analysis/AnswerPaths.h"

#include "support/Spelling.h"

namespace oosc::analysis {
namespace {

using apis::Shape;
using Kind = apis::Shape::Kind;

/// Fields of the error body a failed call answers with; WaitFor and CheckFor
/// selectors read them on failures.
constexpr std::string_view kErrorFields[] = {"Code", "Message", "RequestId", "HostId", "Recommend",
                                              "AccessDeniedDetail"};

const Shape &stringShape() {
  static const Shape shape{Kind::String, {}, {}};
  return shape;
}

bool isErrorField(std::string_view name) {
  for (std::string_view field : kErrorFields)
    if (field == name)
      return true;
  return false;
}

/// Where the script stands: the shape it has reached (null once unknown),
/// how many [ ] it is inside, whether it streams.
struct State {
  const Shape *shape = nullptr;
  int wraps = 0;
  bool stream = false;
  bool atRoot = true;
};

bool isNameStart(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool isNameChar(char c) { return isNameStart(c) || (c >= '0' && c <= '9'); }

class Follower {
public:
  Follower(std::string_view script, AnswerPathResult &result) : text_(script), result_(result) {}

  /// Follows text_[begin, end) from \p state; nothing when it stops.
  std::optional<State> pipeline(size_t begin, size_t end, State state) {
    size_t stageBegin = begin;
    for (size_t i = begin; i <= end; ++i) {
      if (i < end) {
        size_t skipped = skipNested(i, end);
        if (skipped != i) {
          i = skipped - 1;
          continue;
        }
        if (text_[i] != '|' || (i + 1 < end && text_[i + 1] == '='))
          continue;
      }
      auto next = stage(stageBegin, i, state);
      if (!next)
        return std::nullopt;
      state = *next;
      stageBegin = i + 1;
    }
    return state;
  }

private:
  /// Past a string, or a bracketed group starting at \p i; \p i itself if neither.
  size_t skipNested(size_t i, size_t end) const {
    char open = text_[i];
    if (open == '"') {
      for (size_t j = i + 1; j < end; ++j) {
        if (text_[j] == '\\')
          ++j;
        else if (text_[j] == '"')
          return j + 1;
      }
      return end;
    }
    if (open != '(' && open != '[' && open != '{')
      return i;
    int depth = 0;
    for (size_t j = i; j < end; ++j) {
      size_t past = text_[j] == '"' ? skipNested(j, end) : j;
      if (past != j) {
        j = past - 1;
        continue;
      }
      if (text_[j] == '(' || text_[j] == '[' || text_[j] == '{')
        ++depth;
      else if ((text_[j] == ')' || text_[j] == ']' || text_[j] == '}') && --depth == 0)
        return j + 1;
    }
    return end;
  }

  size_t skipSpace(size_t i, size_t end) const {
    while (i < end && (text_[i] == ' ' || text_[i] == '\t' || text_[i] == '\n' || text_[i] == '\r'))
      ++i;
    return i;
  }

  std::optional<State> stage(size_t begin, size_t end, State state) {
    size_t i = skipSpace(begin, end);
    std::optional<State> next;
    if (text_.compare(i, 7, "select(") == 0) {
      i = skipNested(i + 6, end);
      next = state;
    } else if (i < end && text_[i] == '[') {
      size_t close = skipNested(i, end);
      auto inner = pipeline(i + 1, close - 1, state);
      if (!inner || close > end || text_[close - 1] != ']')
        return std::nullopt;
      next = *inner;
      next->wraps += 1;
      next->stream = false;
      i = close;
    } else if (i < end && text_[i] == '.') {
      next = path(i, end, state);
      i = pathEnd_;
    } else {
      return std::nullopt;
    }
    // Anything after the term (`// default`, `== "x"`, `as $x`): the term
    // was judged, what the stage gives is not known.
    if (!next || skipSpace(i, end) != end)
      return std::nullopt;
    return next;
  }

  std::optional<State> path(size_t i, size_t end, State state) {
    std::string walked;
    pathEnd_ = i;
    while (i < end) {
      size_t start = i;
      std::optional<State> next;
      if (text_[i] == '.' && i + 1 < end && text_[i + 1] == '.')
        return std::nullopt; // recursive descent
      if (text_[i] == '.' && i + 1 < end && isNameStart(text_[i + 1])) {
        size_t nameEnd = i + 1;
        while (nameEnd < end && isNameChar(text_[nameEnd]))
          ++nameEnd;
        i = nameEnd;
        bool optional = takeQuestion(i, end);
        next = field(state, text_.substr(start + 1, nameEnd - start - 1), start + 1, walked, optional);
      } else if (text_[i] == '.' && i + 1 < end && text_[i + 1] == '"') {
        return std::nullopt; // quoted names: rare in selectors, not followed
      } else if (text_[i] == '.') {
        ++i; // `.` alone, or `.[`
        next = state;
        if (i < end && text_[i] == '[')
          continue;
      } else if (text_[i] == '[') {
        size_t close = skipNested(i, end);
        std::string_view inside = text_.substr(i + 1, close - i - 2);
        i = close;
        bool optional = takeQuestion(i, end);
        if (inside.empty())
          next = iterate(state, start, close - start, walked, optional);
        else if (isIndex(inside))
          next = index(state);
        else
          return std::nullopt;
      } else {
        break;
      }
      if (!next)
        return std::nullopt;
      walked += text_.substr(start, i - start);
      state = *next;
      pathEnd_ = i;
    }
    pathEnd_ = i;
    return state;
  }

  bool takeQuestion(size_t &i, size_t end) const {
    if (i < end && text_[i] == '?') {
      ++i;
      return true;
    }
    return false;
  }

  static bool isIndex(std::string_view inside) {
    size_t start = !inside.empty() && inside[0] == '-' ? 1 : 0;
    if (start == inside.size())
      return false;
    for (size_t i = start; i < inside.size(); ++i)
      if (inside[i] < '0' || inside[i] > '9')
        return false;
    return true;
  }

  static std::string describe(const std::string &walked) {
    return walked.empty() ? "the answer" : "'" + walked + "'";
  }

  std::optional<State> field(State state, std::string_view name, size_t offset, const std::string &walked,
                             bool optional) {
    const Shape *shape = state.shape;
    if (!shape || state.wraps > 0)
      return std::nullopt;
    bool atRoot = state.atRoot;
    state.atRoot = false;
    switch (shape->kind) {
    case Kind::Object:
      if (const Shape *child = shape->field(name)) {
        state.shape = child;
        return state;
      }
      if (atRoot && isErrorField(name)) {
        state.shape = &stringShape();
        return state;
      }
      missingField(*shape, name, offset, walked);
      return std::nullopt;
    case Kind::Map:
      state.shape = shape->element();
      return state;
    case Kind::Array:
      if (!optional)
        report(offset - 1, name.size() + 1,
               describe(walked) + " is a list: '." + std::string(name) + "' reads no field of a list; write '" +
                   walked + "[]." + std::string(name) + "'");
      return std::nullopt;
    case Kind::Any:
      return std::nullopt;
    default:
      if (!optional)
        report(offset - 1, name.size() + 1,
               describe(walked) + " is a " + std::string(apis::shapeKindName(shape->kind)) + ": it has no field '" +
                   std::string(name) + "'");
      return std::nullopt;
    }
  }

  void missingField(const Shape &object, std::string_view name, size_t offset, const std::string &walked) {
    std::vector<std::string_view> names;
    for (const Shape &child : object.fields)
      names.push_back(child.name);
    std::string message = describe(walked) + " has no field '" + std::string(name) + "'";
    auto suggestion = suggestName(name, names);
    if (suggestion)
      message += "; did you mean '" + *suggestion + "'?";
    else if (names.size() <= 8 && !names.empty()) {
      message += " (it has ";
      for (size_t i = 0; i < names.size(); ++i)
        message += (i ? ", '" : "'") + std::string(names[i]) + "'";
      message += ")";
    }
    result_.problems.push_back({offset, name.size(), message, suggestion, false});
  }

  std::optional<State> iterate(State state, size_t offset, size_t length, const std::string &walked,
                               bool optional) {
    state.atRoot = false;
    if (state.wraps > 0) {
      state.wraps -= 1;
      state.stream = true;
      return state;
    }
    const Shape *shape = state.shape;
    if (!shape)
      return std::nullopt;
    switch (shape->kind) {
    case Kind::Array:
    case Kind::Map:
      state.shape = shape->element();
      state.stream = true;
      return state;
    case Kind::Object: // the values of an object: of many shapes
    case Kind::Any:
      return std::nullopt;
    default:
      if (!optional)
        report(offset, length,
               describe(walked) + " is a " + std::string(apis::shapeKindName(shape->kind)) + ": '[]' iterates over nothing");
      return std::nullopt;
    }
  }

  std::optional<State> index(State state) {
    state.atRoot = false;
    if (state.wraps > 0) {
      state.wraps -= 1;
      return state;
    }
    if (!state.shape || state.shape->kind != Kind::Array)
      return std::nullopt;
    state.shape = state.shape->element();
    return state;
  }

  void report(size_t offset, size_t length, std::string message) {
    result_.problems.push_back({offset, length, std::move(message), std::nullopt, true});
  }

  std::string_view text_;
  AnswerPathResult &result_;
  size_t pathEnd_ = 0;
};

} // namespace

AnswerPathResult followAnswerPath(std::string_view script, const apis::Shape &answer) {
  AnswerPathResult result;
  Follower follower(script, result);
  State start;
  start.shape = &answer;
  if (auto end = follower.pipeline(0, script.size(), start)) {
    if (end->wraps > 0)
      result.resultKind = Kind::Array;
    else if (end->shape) {
      result.resultKind = end->shape->kind;
      result.shape = end->shape;
    }
    result.stream = end->stream;
  }
  return result;
}

} // namespace oosc::analysis
