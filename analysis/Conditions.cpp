//===- Conditions.cpp -------------------------------------------------------===//
#include "analysis/Conditions.h"

#include "analysis/PseudoParameters.h"
#include "support/Spelling.h"

#include <algorithm>
#include <array>

namespace oosc::analysis {
namespace {

using ir::Node;

std::string lowerCase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

/// `{{ x }}` with OOS's case-insensitive names folded and spaces dropped.
std::string canonicalReference(const ir::Reference &reference) {
  return "{{" + lowerCase(reference.spelling) + "}}";
}

void appendCanonical(const Node *node, std::string &out);

/// Fn::And and Fn::Or, whose operands may come in any order.
bool isCommutative(const Node *node) {
  std::string_view function = node->functionName();
  const Node *argument = function.empty() ? nullptr : ir::resolve(node->entries[0].value);
  return (function == "Fn::And" || function == "Fn::Or") && argument && argument->isSequence();
}

void appendCommutative(const Node *node, std::string &out) {
  std::vector<std::string> operands;
  for (const Node *operand : ir::resolve(node->entries[0].value)->items) {
    operands.emplace_back();
    appendCanonical(operand, operands.back());
  }
  std::sort(operands.begin(), operands.end());
  out += node->functionName();
  out += '[';
  for (const std::string &operand : operands)
    out += operand + ',';
  out += ']';
}

/// One text per meaning: references without spaces, booleans in lower case
/// (`True`, `'true'` and `true` compare alike), functions and lists as
/// written.
void appendCanonical(const Node *node, std::string &out) {
  node = ir::resolve(node);
  if (!node || node->isNull()) {
    out += "null";
  } else if (node->isScalar() && node->interpolation) {
    for (const auto &piece : node->interpolation->pieces)
      if (const auto *reference = std::get_if<ir::Reference>(&piece))
        out += canonicalReference(*reference);
      else
        out += std::get<std::string>(piece);
  } else if (node->isScalar()) {
    bool boolean = equalsIgnoreCase(node->value, "true") || equalsIgnoreCase(node->value, "false");
    out += boolean ? lowerCase(node->value) : node->value;
  } else if (node->isSequence()) {
    out += '[';
    for (const Node *item : node->items) {
      appendCanonical(item, out);
      out += ',';
    }
    out += ']';
  } else if (isCommutative(node)) {
    appendCommutative(node, out);
  } else {
    out += '{';
    for (const ir::MapEntry &entry : node->entries) {
      appendCanonical(entry.key, out);
      out += ':';
      appendCanonical(entry.value, out);
      out += ',';
    }
    out += '}';
  }
}

std::string canonical(const Node *node) {
  std::string text;
  appendCanonical(node, text);
  return text;
}

/// The single `{{ }}` a scalar consists of, if that is all it is.
const ir::Reference *wholeReference(const Node *node) {
  node = ir::resolve(node);
  if (!node || !node->isScalar() || !node->interpolation || !node->interpolation->isWholeValue())
    return nullptr;
  return &std::get<ir::Reference>(node->interpolation->pieces[0]);
}

bool hasReferences(const Node *node) {
  bool found = false;
  ir::forEachNode(ir::resolve(node), [&](const Node &each) {
    found = found || each.interpolation || each.isAlias();
  });
  return found;
}

/// The argument of a single-key `Fn::` mapping.
const Node *argumentOf(const Node *call) { return ir::resolve(call->entries[0].value); }

/// Fn::Not takes its condition bare or as a one-item list.
const Node *notOperand(const Node *argument) {
  if (argument && argument->isSequence() && argument->items.size() == 1)
    return ir::resolve(argument->items[0]);
  return argument;
}

bool isBooleanConstant(const Node *node) {
  return node && node->isScalar() && !node->interpolation &&
         (equalsIgnoreCase(node->value, "true") || equalsIgnoreCase(node->value, "false"));
}

} // namespace

ConditionTable::ConditionTable(const ir::Template &tmpl, const SymbolTable &symbols,
                               ConditionOptions options)
    : symbols_(symbols), options_(std::move(options)) {
  learnDomains(tmpl);
}

void ConditionTable::assume(const Node *condition, bool holds, LiteralSet &out) {
  condition = ir::resolve(condition);
  if (!condition || isBooleanConstant(condition))
    return; // a constant tells nothing about the execution
  std::string_view function = condition->functionName();
  const Node *argument = function.empty() ? nullptr : argumentOf(condition);
  if (function == "Fn::Not") {
    assume(notOperand(argument), !holds, out);
  } else if (function == "Fn::And" || function == "Fn::Or" || function == "Fn::If") {
    assumeCompound(condition, holds, out);
  } else if (function == "Fn::Equals") {
    assumeEquals(argument, holds, out);
  } else if (const ir::Reference *reference = wholeReference(condition)) {
    if (stable(*reference))
      add(canonicalReference(*reference), "true", holds, out);
  } else {
    assumeOpaque(condition, holds, out);
  }
}

void ConditionTable::assumeCompound(const Node *condition, bool holds, LiteralSet &out) {
  // The whole condition is a literal of its own, which the literals of its
  // opposite, when that is a conjunction, contradict together: a failed
  // And meets its operands all held.
  if (stable(condition)) {
    LiteralSet opposite;
    if (!asConjunction(condition, !holds, opposite))
      opposite.clear();
    std::sort(opposite.begin(), opposite.end());
    LiteralId whole = add(canonical(condition), "true", holds, out);
    if (literals_[whole].contradictedByAll.empty())
      literals_[whole].contradictedByAll = std::move(opposite);
  }
  asConjunction(condition, holds, out);
}

bool ConditionTable::asConjunction(const Node *condition, bool holds, LiteralSet &out) {
  std::string_view function = condition->functionName();
  const Node *argument = argumentOf(condition);
  if (!argument || !argument->isSequence())
    return false;
  if ((function == "Fn::And" && holds) || (function == "Fn::Or" && !holds)) {
    for (const Node *operand : argument->items)
      assume(operand, holds, out);
    return true;
  }
  if (function != "Fn::If" || argument->items.size() != 3)
    return false;
  // `Fn::If: [c, x, false]` is "c and x", the way templates write a When
  // that reads an output only when c held; likewise the other branch.
  for (bool branch : {true, false}) {
    const Node *other = ir::resolve(argument->items[branch ? 2 : 1]);
    if (isBooleanConstant(other) && equalsIgnoreCase(other->value, holds ? "false" : "true")) {
      assume(argument->items[0], branch, out);
      assume(argument->items[branch ? 1 : 2], holds, out);
      return true;
    }
  }
  return false;
}

void ConditionTable::assumeEquals(const Node *arguments, bool holds, LiteralSet &out) {
  if (!arguments || !arguments->isSequence() || arguments->items.size() != 2)
    return;
  const Node *left = ir::resolve(arguments->items[0]);
  const Node *right = ir::resolve(arguments->items[1]);
  if (!wholeReference(left) || hasReferences(right))
    std::swap(left, right);
  const ir::Reference *subject = wholeReference(left);
  if (subject && !hasReferences(right)) {
    if (stable(*subject))
      add(canonicalReference(*subject), canonical(right), holds, out);
    return;
  }
  // Both sides computed: the comparison itself is the subject, with its
  // sides in a fixed order so that swapping them changes nothing.
  std::string first = canonical(left), second = canonical(right);
  if (second < first)
    std::swap(first, second);
  if (stable(left) && stable(right))
    add("Fn::Equals[" + first + "," + second + "]", "true", holds, out);
}

void ConditionTable::assumeOpaque(const Node *condition, bool holds, LiteralSet &out) {
  if (stable(condition))
    add(canonical(condition), "true", holds, out);
}

void ConditionTable::learnDomains(const ir::Template &tmpl) {
  std::unordered_map<std::string, std::vector<std::string>> compared;
  ir::forEachNode(tmpl.root, [&](const Node &node) {
    if (node.functionName() != "Fn::Equals")
      return;
    const Node *arguments = argumentOf(&node);
    if (!arguments || !arguments->isSequence() || arguments->items.size() != 2)
      return;
    const Node *left = ir::resolve(arguments->items[0]);
    const Node *right = ir::resolve(arguments->items[1]);
    if (!wholeReference(left))
      std::swap(left, right);
    if (const ir::Reference *subject = wholeReference(left); subject && !hasReferences(right))
      compared[canonicalReference(*subject)].push_back(canonical(right));
  });
  // The values a template compares a subject with are the cases its author
  // handles: an execution outside all of them is not a path worth a warning.
  for (auto &[subject, values] : compared)
    setDomain(subject, values, false);
  // A declared domain is the real one.
  for (const ir::Parameter &parameter : tmpl.parameters) {
    std::vector<std::string> values;
    if (parameter.type == "Boolean")
      values = {"true", "false"};
    else if (const Node *allowed = ir::resolve(parameter.allowedValues);
             allowed && allowed->isSequence())
      for (const Node *item : allowed->items)
        values.push_back(canonical(item));
    if (!values.empty())
      setDomain("{{" + lowerCase(parameter.name.text) + "}}", values, true);
  }
}

void ConditionTable::setDomain(const std::string &subject, const std::vector<std::string> &values,
                               bool declared) {
  std::vector<uint32_t> ids;
  for (const std::string &value : values)
    ids.push_back(intern(value));
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  // One compared value says nothing about the others.
  if (declared || ids.size() >= 2)
    domains_[intern(subject)] = std::move(ids);
}

LiteralId ConditionTable::add(const std::string &subject, const std::string &value, bool positive,
                              LiteralSet &out) {
  Literal literal{intern(subject), intern(value), positive, 0, {}};
  // With two possible values, "!= one" is "== the other": one literal for
  // both spellings, so that they meet (and subsume) each other.
  if (auto domain = domains_.find(literal.subject);
      !positive && domain != domains_.end() && domain->second.size() == 2) {
    const std::vector<uint32_t> &values = domain->second;
    if (literal.value == values[0] || literal.value == values[1]) {
      literal.value = literal.value == values[0] ? values[1] : values[0];
      literal.positive = true;
    }
  }
  uint64_t key =
      (uint64_t(literal.subject) << 33) | (uint64_t(literal.value) << 1) | literal.positive;
  auto [it, inserted] = literalIds_.try_emplace(key, LiteralId(literals_.size()));
  if (inserted) {
    auto domain = domains_.find(literal.subject);
    if (!literal.positive && domain != domains_.end() &&
        std::binary_search(domain->second.begin(), domain->second.end(), literal.value))
      literal.domainSize = uint32_t(domain->second.size());
    literals_.push_back(literal);
  }
  out.push_back(it->second);
  return it->second;
}

uint32_t ConditionTable::intern(const std::string &text) {
  return texts_.try_emplace(text, uint32_t(texts_.size())).first->second;
}

bool ConditionTable::stable(const Node *node) const {
  bool all = true;
  ir::forEachNode(ir::resolve(node), [&](const Node &each) {
    if (each.isAlias())
      all = all && stable(each.target);
    if (each.interpolation)
      for (const ir::Reference *reference : each.interpolation->references())
        all = all && stable(*reference);
  });
  return all;
}

bool ConditionTable::stable(const ir::Reference &reference) const {
  switch (reference.kind) {
  case ir::RefKind::Name: {
    if (symbols_.parameter(reference.parts[0].text))
      return true;
    auto task = symbols_.task(reference.parts[0].text);
    return task && task.decl->index < options_.runsOnce.size() &&
           options_.runsOnce[task.decl->index];
  }
  case ir::RefKind::Pseudo: {
    const PseudoParameter *pseudo =
        reference.parts.size() > 1 ? findPseudoParameter(reference.parts[1].text) : nullptr;
    return pseudo && !pseudo->onlyInLoop; // each loop item has its own
  }
  default:
    return true; // parameter store values and secrets are read once
  }
}

bool ConditionTable::contradicts(LiteralId a, LiteralId b) const {
  const Literal &first = literals_[a], &second = literals_[b];
  if (first.subject != second.subject)
    return false;
  if (first.value == second.value)
    return first.positive != second.positive;
  return first.positive && second.positive;
}

bool ConditionTable::consistent(const LiteralSet &a, const LiteralSet &b) const {
  if (a.empty() || b.empty())
    return true; // each is consistent by itself
  for (LiteralId first : a)
    for (LiteralId second : b)
      if (contradicts(first, second))
        return false;
  return !excludesWholeDomain(a, b) && !meetsOpposite(a, b);
}

bool ConditionTable::meetsOpposite(const LiteralSet &a, const LiteralSet &b) const {
  auto holdsAll = [&](const LiteralSet &required) {
    for (LiteralId literal : required)
      if (std::find(a.begin(), a.end(), literal) == a.end() &&
          std::find(b.begin(), b.end(), literal) == b.end())
        return false;
    return true;
  };
  for (const LiteralSet *set : {&a, &b})
    for (LiteralId id : *set)
      if (!literals_[id].contradictedByAll.empty() && holdsAll(literals_[id].contradictedByAll))
        return true;
  return false;
}

bool ConditionTable::excludesWholeDomain(const LiteralSet &a, const LiteralSet &b) const {
  // (subject, value) of every "!=" to a value of its subject's domain; a
  // few at most, so a fixed buffer (past it, no contradiction is claimed).
  std::array<std::pair<uint32_t, uint32_t>, 32> excluded;
  size_t count = 0;
  for (const LiteralSet *set : {&a, &b})
    for (LiteralId id : *set) {
      const Literal &literal = literals_[id];
      if (literal.domainSize == 0)
        continue;
      if (count == excluded.size())
        return false;
      excluded[count++] = {literal.subject, literal.value};
    }
  if (count == 0)
    return false;
  std::sort(excluded.begin(), excluded.begin() + count);
  size_t distinct = 0;
  for (size_t i = 0; i < count; ++i) {
    bool sameSubject = i > 0 && excluded[i].first == excluded[i - 1].first;
    if (sameSubject && excluded[i].second == excluded[i - 1].second)
      continue;
    distinct = sameSubject ? distinct + 1 : 1;
    if (distinct == domains_.at(excluded[i].first).size())
      return true;
  }
  return false;
}

namespace {

class GuardCollector {
public:
  GuardCollector(ConditionTable &conditions,
                 std::unordered_map<const ir::Reference *, LiteralSet> &guards)
      : conditions_(conditions), guards_(guards) {}

  void collect(const Node *node, const LiteralSet &guard) {
    if (!node)
      return;
    if (node->interpolation)
      for (const ir::Reference *reference : node->interpolation->references())
        guards_.try_emplace(reference, guard);
    if (node->functionName() == "Fn::If") {
      collectIf(ir::resolve(node->entries[0].value), guard);
      return;
    }
    for (const ir::MapEntry &entry : node->entries) {
      collect(entry.key, guard);
      collect(entry.value, guard);
    }
    for (const Node *item : node->items)
      collect(item, guard);
  }

private:
  void collectIf(const Node *arguments, const LiteralSet &guard) {
    if (!arguments || !arguments->isSequence() || arguments->items.size() != 3) {
      if (arguments)
        collect(arguments, guard);
      return;
    }
    const Node *condition = arguments->items[0];
    collect(condition, guard);
    for (bool holds : {true, false}) {
      LiteralSet branch = guard;
      conditions_.assume(condition, holds, branch);
      collect(arguments->items[holds ? 1 : 2], branch);
    }
  }

  ConditionTable &conditions_;
  std::unordered_map<const ir::Reference *, LiteralSet> &guards_;
};

} // namespace

std::unordered_map<const ir::Reference *, LiteralSet> referenceGuards(const Node *root,
                                                                     ConditionTable &conditions) {
  std::unordered_map<const ir::Reference *, LiteralSet> guards;
  GuardCollector(conditions, guards).collect(root, {});
  return guards;
}

} // namespace oosc::analysis
