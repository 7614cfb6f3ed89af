//===- Completion.cpp - Suggestions for text being typed ------------------===//
//
// Works from the raw text around the cursor, since a template being typed
// rarely parses; the analysis contributes declared names when it has them,
// and a rough scan of the text stands in when the parse was cut short.
//
//===----------------------------------------------------------------------===//
#include "lsp/Features.h"
#include "lsp/features/CloudCompletion.h"
#include "oosc/runtime/ActionCatalogue.h"

#include "analysis/PseudoParameters.h"
#include "analysis/SchemaTables.h"
#include "analysis/SymbolTable.h"
#include "support/Spelling.h"

#include <algorithm>
#include <regex>

namespace oosc::lsp {
namespace {

bool isNameChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

/// The characters of a name (and `::`, `.` when asked) right before `end`.
size_t wordStart(std::string_view text, size_t end, std::string_view extra) {
  size_t begin = end;
  while (begin > 0 && (isNameChar(text[begin - 1]) || extra.find(text[begin - 1]) != std::string_view::npos))
    --begin;
  return begin;
}

/// One line of the raw text, as much of its structure as completion needs.
struct RawLine {
  bool blank = true;      ///< empty or a comment
  uint32_t indent = 0;    ///< column of the first non-space character
  uint32_t keyColumn = 0; ///< where the key starts, after a `- `
  bool item = false;      ///< starts a sequence item
  std::string key;        ///< the key of `key: ...`, unquoted; empty otherwise
};

RawLine parseRawLine(std::string_view line) {
  RawLine raw;
  size_t column = line.find_first_not_of(' ');
  if (column == std::string_view::npos || line[column] == '#')
    return raw;
  raw.blank = false;
  raw.indent = static_cast<uint32_t>(column);
  if (line[column] == '-' && (column + 1 == line.size() || line[column + 1] == ' ')) {
    raw.item = true;
    column = line.find_first_not_of(' ', column + 1);
    if (column == std::string_view::npos)
      column = line.size();
  }
  raw.keyColumn = static_cast<uint32_t>(column);
  std::string_view rest = line.substr(column);
  // The key ends at the first ':' followed by a space or the end of the line,
  // so `ACS::X:` and `Fn::Join:` keep their colons.
  for (size_t i = 0; i < rest.size(); ++i)
    if (rest[i] == ':' && (i + 1 == rest.size() || rest[i + 1] == ' ')) {
      std::string_view key = rest.substr(0, i);
      if (key.size() >= 2 && (key.front() == '"' || key.front() == '\'') && key.back() == key.front())
        key = key.substr(1, key.size() - 2);
      raw.key = std::string(key);
      break;
    }
  return raw;
}

std::vector<RawLine> parseRawLines(std::string_view text) {
  std::vector<RawLine> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos)
      end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r')
      line.remove_suffix(1);
    lines.push_back(parseRawLine(line));
    start = end + 1;
  }
  return lines;
}

/// The keys from the root to the mapping a key at (`lineIndex`, `column`)
/// belongs to; "-" stands for a sequence item.
std::vector<std::string> keyPath(const std::vector<RawLine> &lines, size_t lineIndex,
                                 uint32_t column, bool startsItem) {
  std::vector<std::string> path;
  uint32_t want = column;
  bool seekingSequenceKey = false;
  auto enterItem = [&](uint32_t dashColumn) {
    path.push_back("-");
    want = dashColumn;
    seekingSequenceKey = true;
  };
  if (startsItem)
    enterItem(lines[lineIndex].indent);
  for (size_t i = lineIndex; i-- > 0;) {
    const RawLine &line = lines[i];
    if (line.blank)
      continue;
    if (seekingSequenceKey) {
      if (line.indent > want || (line.item && line.indent == want))
        continue;
    } else {
      if (line.keyColumn > want)
        continue;
      if (line.keyColumn == want) {
        if (line.item)
          enterItem(line.indent);
        continue;
      }
    }
    path.push_back(line.key);
    want = line.keyColumn;
    seekingSequenceKey = false;
    if (line.item)
      enterItem(line.indent);
  }
  std::reverse(path.begin(), path.end());
  return path;
}

const analysis::LevelSpec *levelOf(const std::vector<std::string> &path, ir::Dialect dialect) {
  auto is = [&](std::initializer_list<std::string_view> pattern) {
    if (path.size() != pattern.size())
      return false;
    size_t index = 0;
    for (std::string_view part : pattern) {
      // "*" is a declared name.
      if (part != "*" && path[index] != part)
        return false;
      ++index;
    }
    return true;
  };
  if (path.empty())
    return dialect == ir::Dialect::States ? &analysis::stateTemplateLevel() : &analysis::templateLevel();
  if (is({"Parameters", "*"}))
    return &analysis::parameterLevel();
  if (is({"Tasks", "-"}))
    return &analysis::taskLevel();
  if (is({"Tasks", "-", "Outputs", "*"}))
    return &analysis::taskOutputLevel();
  if (is({"Tasks", "-", "Loop"}))
    return &analysis::loopLevel();
  if (is({"Tasks", "-", "Loop", "RateControl"}))
    return &analysis::rateControlLevel();
  if (is({"Tasks", "-", "Loop", "Outputs", "*"}))
    return &analysis::loopOutputLevel();
  if (is({"Tasks", "-", "Properties", "Choices", "-"}))
    return &analysis::choiceLevel();
  if (is({"Outputs", "*"}))
    return &analysis::templateOutputLevel();
  return nullptr;
}

/// The keys already written in the mapping the cursor line belongs to.
std::vector<std::string> siblingKeys(const std::vector<RawLine> &lines, size_t lineIndex,
                                     uint32_t column, bool startsItem) {
  std::vector<std::string> keys;
  if (!startsItem)
    for (size_t i = lineIndex; i-- > 0;) {
      const RawLine &line = lines[i];
      if (line.blank || line.keyColumn > column)
        continue;
      if (line.keyColumn < column)
        break;
      keys.push_back(line.key);
      if (line.item)
        break;
    }
  for (size_t i = lineIndex + 1; i < lines.size(); ++i) {
    const RawLine &line = lines[i];
    if (line.blank || line.keyColumn > column)
      continue;
    if (line.keyColumn < column || line.item)
      break;
    keys.push_back(line.key);
  }
  return keys;
}

/// Names a rough scan of the text finds, for when the parse was cut short:
/// `- Name: x` lines (tasks) and the keys directly under a top-level `Parameters:`.
struct RawNames {
  std::vector<std::string> parameters;
  std::vector<std::string> tasks;
};

/// libstdc++'s std::regex recurses once per character it matches, so a
/// line of 300,000 spaces overflowed the server's stack. No line a person
/// completes on or names a task on is near this long; longer ones are left
/// unmatched.
constexpr size_t kMaxMatchedLine = 1000;

RawNames scanRawNames(std::string_view text) {
  RawNames names;
  std::vector<RawLine> lines = parseRawLines(text);
  std::regex taskName(R"(^\s*-\s+["']?Name["']?\s*:\s*["']?([A-Za-z0-9_-]+))");
  size_t start = 0;
  for (const RawLine &line : lines) {
    size_t end = std::min(text.find('\n', start), text.size());
    std::string lineText(text.substr(start, end - start));
    std::smatch match;
    if (line.item && lineText.size() <= kMaxMatchedLine && std::regex_search(lineText, match, taskName))
      names.tasks.push_back(match[1]);
    start = end + 1;
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].blank || lines[i].indent != 0 || lines[i].key != "Parameters")
      continue;
    std::optional<uint32_t> column;
    for (size_t j = i + 1; j < lines.size() && (lines[j].blank || lines[j].indent > 0); ++j) {
      if (lines[j].blank)
        continue;
      if (!column)
        column = lines[j].keyColumn;
      if (lines[j].keyColumn == *column && !lines[j].key.empty())
        names.parameters.push_back(lines[j].key);
    }
  }
  return names;
}

void addUnique(std::vector<CompletionItem> &items, CompletionItem item) {
  for (const CompletionItem &existing : items)
    if (existing.kind == item.kind && equalsIgnoreCase(existing.label, item.label))
      return;
  items.push_back(std::move(item));
}

class Completer {
public:
  Completer(const Document &document, uint32_t offset)
      : document_(document), text_(document.file->text()),
        offset_(std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()))) {
    size_t newline = offset_ == 0 ? std::string_view::npos : text_.rfind('\n', offset_ - 1);
    lineStart_ = newline == std::string_view::npos ? 0 : static_cast<uint32_t>(newline + 1);
    before_ = text_.substr(lineStart_, offset_ - lineStart_);
  }

  std::vector<CompletionItem> run() {
    size_t open = before_.rfind("{{");
    if (open != std::string_view::npos && before_.find("}}", open) == std::string_view::npos)
      return inReference();
    if (before_.size() > kMaxMatchedLine)
      return {};
    std::smatch match;
    std::string before(before_);
    if (std::regex_search(before, match,
                          std::regex(R"(^\s*(?:-\s+)?["']?(?:ValueSelector|PropertySelector)["']?\s*:\s*["']?([^'"]*)$)"))) {
      std::vector<CompletionItem> items;
      addAnswerFields(items, rawCallAround(text_, offset_), match[1].str(), offset_);
      return items;
    }
    if (std::regex_search(before, match,
                          std::regex(R"(^\s*(?:-\s+)?["']?([A-Za-z]+)["']?\s*:\s*["']?([A-Za-z0-9_:-]*)$)")))
      return inValue(match[1]);
    if (std::regex_search(before, match, std::regex(R"(^(\s*)(-\s+)?["']?([A-Za-z]*)$)")))
      return atKey(match[2].matched);
    return {};
  }

private:
  SourceRange wordBefore(std::string_view extra) const {
    return {static_cast<uint32_t>(wordStart(text_, offset_, extra)), offset_};
  }

  const ir::Template *tmpl() const {
    return document_.analyzed.parsed ? &document_.tmpl() : nullptr;
  }

  bool parseIncomplete() const {
    return !document_.analyzed.parsed || !document_.analyzed.parsed->complete;
  }

  void addParameters(std::vector<CompletionItem> &items, SourceRange replace) const {
    if (const ir::Template *t = tmpl())
      for (const ir::Parameter &parameter : t->parameters)
        addUnique(items, {parameter.name.text, CompletionKind::Parameter, parameter.type, replace});
    if (parseIncomplete())
      for (const std::string &name : scanRawNames(text_).parameters)
        addUnique(items, {name, CompletionKind::Parameter, "parameter", replace});
  }

  void addTasks(std::vector<CompletionItem> &items, SourceRange replace) const {
    if (const ir::Template *t = tmpl())
      for (const ir::Task &task : t->tasks)
        if (!task.name.text.empty())
          addUnique(items, {task.name.text, CompletionKind::Task, task.action, replace});
    if (parseIncomplete())
      for (const std::string &name : scanRawNames(text_).tasks)
        addUnique(items, {name, CompletionKind::Task, "task", replace});
  }

  void addPseudo(std::vector<CompletionItem> &items, SourceRange replace) const {
    for (const analysis::PseudoParameter &pseudo : analysis::allPseudoParameters())
      items.push_back({"ACS::" + std::string(pseudo.name), CompletionKind::Pseudo,
                       std::string(pseudo.description), replace});
  }

  /// After `{{`: names, `task.` outputs or `ACS::` pseudo parameters.
  std::vector<CompletionItem> inReference() const {
    std::vector<CompletionItem> items;
    SourceRange word = wordBefore(":.");
    std::string_view typed = text_.substr(word.begin, word.end - word.begin);
    if (typed.find("::") != std::string_view::npos) {
      addPseudo(items, word);
      return items;
    }
    if (size_t dot = typed.find('.'); dot != std::string_view::npos) {
      addOutputs(items, typed.substr(0, dot),
                 {static_cast<uint32_t>(word.begin + dot + 1), word.end});
      return items;
    }
    addParameters(items, word);
    addTasks(items, word);
    addPseudo(items, word);
    return items;
  }

  void addOutputs(std::vector<CompletionItem> &items, std::string_view taskName,
                  SourceRange replace) const {
    const ir::Template *t = tmpl();
    if (!t)
      return;
    analysis::SymbolTable symbols(*t);
    auto task = symbols.task(taskName);
    if (!task)
      return;
    for (const ir::OutputDecl *output : analysis::taskOutputs(*task.decl)) {
      const ir::Node *type = ir::resolve(output->type);
      addUnique(items, {output->name.text, CompletionKind::Output,
                        type && type->isScalar() ? type->value : "String", replace});
    }
  }

  /// After `Key:` on the cursor's line.
  std::vector<CompletionItem> inValue(const std::string &key) const {
    std::vector<CompletionItem> items;
    SourceRange word = wordBefore(":");
    bool isJump = key == "OnError" || key == "OnSuccess";
    if (isJump || key == "NextTask" || key == "DefaultTask") {
      addTasks(items, word);
      items.push_back({"ACS::END", CompletionKind::Keyword, "end the execution", word});
      if (isJump)
        items.push_back({"ACS::NEXT", CompletionKind::Keyword, "go to the next task", word});
    } else if (key == "Service") {
      addServiceNames(items, word);
    } else if (key == "API") {
      addApiNames(items, rawCallAround(text_, offset_), word);
    } else if (key == "Action") {
      for (const runtime::ActionDoc &action : runtime::actionCatalogue())
        items.push_back({std::string(action.name), CompletionKind::Action,
                         action.description.empty() ? "cloud product action"
                                                    : std::string(action.description),
                         word});
    }
    return items;
  }

  /// At the start of a key: the keys of that level not yet written.
  std::vector<CompletionItem> atKey(bool startsItem) const {
    std::vector<CompletionItem> items;
    SourceRange word = wordBefore("");
    std::vector<RawLine> lines = parseRawLines(text_);
    size_t lineIndex = static_cast<size_t>(std::count(text_.begin(), text_.begin() + lineStart_, '\n'));
    uint32_t column = word.begin - lineStart_;
    ir::Dialect dialect = tmpl() ? tmpl()->dialect : ir::Dialect::Tasks;
    std::vector<std::string> path = keyPath(lines, lineIndex, column, startsItem);
    std::vector<std::string> present = siblingKeys(lines, lineIndex, column, startsItem);
    if (path == std::vector<std::string>{"Tasks", "-", "Properties", "Parameters"}) {
      addApiParameters(items, rawCallAround(text_, offset_), present, word);
      return items;
    }
    const analysis::LevelSpec *level = levelOf(path, dialect);
    if (!level)
      return items;
    for (const analysis::KeySpec &spec : level->keys) {
      if (std::find(present.begin(), present.end(), spec.name) != present.end())
        continue;
      items.push_back({std::string(spec.name), CompletionKind::Key,
                       spec.required ? "required" : "optional", word});
    }
    return items;
  }

  const Document &document_;
  std::string_view text_;
  uint32_t offset_;
  uint32_t lineStart_ = 0;
  std::string_view before_;
};

} // namespace

std::vector<CompletionItem> completion(const Document &document, uint32_t offset) {
  return Completer(document, offset).run();
}

} // namespace oosc::lsp
