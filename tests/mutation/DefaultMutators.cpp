//===- DefaultMutators.cpp - Defaults that break their own constraints -----===//
//
// For each constraint of a String or Number parameter, a Default built to
// violate that constraint, written over the existing Default or added as a
// new line. The violation holds by construction (a value outside the list,
// one character too many, one below the minimum); only AllowedPattern needs
// a matcher, and it uses the runtime's PCRE2 full match, which is what OOS
// applies.
//
//===----------------------------------------------------------------------===//
#include "TextEdits.h"

#include "analysis/LiteralValue.h"
#include "oosc/runtime/ParameterConstraints.h"
#include "support/Spelling.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace oosc::mutation {
namespace {

using runtime::ParameterType;

/// Any non-empty plain-text Default of a parameter named like a password is
/// a secret-default warning on the same line; such parameters only get the
/// empty string, which that rule leaves alone.
constexpr std::string_view kSecretNameWords[] = {"password", "passwd", "secret",
                                                 "privatekey", "accesskey", "token"};

bool namedLikeSecret(std::string_view name) {
  std::string folded = foldCase(name);
  return std::any_of(std::begin(kSecretNameWords), std::end(kSecretNameWords),
                     [&](std::string_view word) { return folded.find(word) != std::string::npos; });
}

std::optional<double> literalNumber(const ir::Node *node) {
  auto value = analysis::literalValue(node);
  if (!value || !value->isNumber())
    return std::nullopt;
  return value->getNumber();
}

std::string numberText(double number) {
  std::ostringstream text;
  text.precision(17);
  text << number;
  return text.str();
}

/// A Default that breaks `constraint`.
struct Violation {
  std::string constraint;
  Scalar value;
};

class ViolationMaker {
public:
  ViolationMaker(const ir::Parameter &parameter, ParameterType type)
      : parameter_(parameter), type_(type), secret_(namedLikeSecret(parameter.name.text)) {}

  std::vector<Violation> all() const {
    std::vector<Violation> violations;
    auto add = [&](const char *constraint, std::optional<Scalar> value) {
      if (value)
        violations.push_back({constraint, std::move(*value)});
    };
    add("AllowedValues", outsideAllowedValues());
    add("AllowedPattern", notMatchingPattern());
    add("MinLength", shorterThanMinimum());
    add("MaxLength", longerThanMaximum());
    add("MinValue", boundPlus(parameter_.minValue, -1));
    add("MaxValue", boundPlus(parameter_.maxValue, +1));
    return violations;
  }

private:
  std::optional<Scalar> text(std::string value) const {
    if (secret_ && !value.empty())
      return std::nullopt;
    return Scalar{Scalar::Kind::Text, std::move(value)};
  }

  static Scalar number(double value) { return {Scalar::Kind::Number, numberText(value)}; }

  std::optional<Scalar> outsideAllowedValues() const {
    const ir::Node *allowed = ir::resolve(parameter_.allowedValues);
    if (!allowed || !allowed->isSequence() || allowed->items.empty())
      return std::nullopt;
    if (type_ == ParameterType::Number) {
      double highest = -INFINITY;
      for (const ir::Node *item : allowed->items) {
        auto listed = literalNumber(item);
        if (!listed)
          return std::nullopt;
        highest = std::max(highest, *listed);
      }
      return number(std::floor(highest) + 1);
    }
    for (std::string candidate : {"mutant-not-allowed", ""}) {
      bool listed = std::any_of(allowed->items.begin(), allowed->items.end(), [&](const ir::Node *item) {
        const ir::Node *value = ir::resolve(item);
        return value && value->isScalar() && value->value == candidate;
      });
      if (auto value = listed ? std::nullopt : text(candidate))
        return value;
    }
    return std::nullopt;
  }

  std::optional<Scalar> notMatchingPattern() const {
    const ir::Node *pattern = ir::resolve(parameter_.allowedPattern);
    if (type_ != ParameterType::String || !pattern || !pattern->isScalar())
      return std::nullopt;
    auto compiled = runtime::Pattern::compile(pattern->value);
    auto *matcher = std::get_if<runtime::Pattern>(&compiled);
    if (!matcher)
      return std::nullopt;
    for (std::string candidate : {"mutant value!", "", "0"})
      if (matcher->fullMatch(candidate) == runtime::MatchOutcome::NotMatched)
        if (auto value = text(candidate))
          return value;
    return std::nullopt;
  }

  std::optional<Scalar> shorterThanMinimum() const {
    auto minimum = literalNumber(parameter_.minLength);
    if (type_ != ParameterType::String || !minimum || *minimum < 1 || *minimum > 4096)
      return std::nullopt;
    // The empty string is shorter still, and the only text a secret may get.
    return text(secret_ ? "" : std::string(static_cast<size_t>(std::ceil(*minimum)) - 1, 'm'));
  }

  std::optional<Scalar> longerThanMaximum() const {
    auto maximum = literalNumber(parameter_.maxLength);
    if (type_ != ParameterType::String || !maximum || *maximum < 0 || *maximum > 4096)
      return std::nullopt;
    return text(std::string(static_cast<size_t>(std::floor(*maximum)) + 1, 'm'));
  }

  std::optional<Scalar> boundPlus(const ir::Node *boundNode, double step) const {
    auto bound = literalNumber(boundNode);
    if (type_ != ParameterType::Number || !bound)
      return std::nullopt;
    return number(*bound + step);
  }

  const ir::Parameter &parameter_;
  ParameterType type_;
  bool secret_;
};

/// Where a new Default goes: after the first `key: scalar` line of the
/// parameter (usually Type), or before its first member in JSON.
std::optional<Edit> addDefault(const TemplateFacts &facts, const ir::Node *decl,
                               const Scalar &value) {
  for (const ir::MapEntry &entry : decl->entries)
    if (auto insertion = addEntries(facts.file, decl, &entry, {{"Default", value}}))
      return Edit{insertion->splice, insertion->entryOffsets[0], ""};
  return std::nullopt;
}

/// The existing Default replaced, when it is a scalar on one line.
std::optional<Edit> replaceDefault(const TemplateFacts &facts, const ir::Node *decl,
                                   const ir::Node *current, const Scalar &value) {
  if (!current->isScalar() || current->value.find('\n') != std::string::npos)
    return std::nullopt;
  const SourceRange range = current->range;
  std::string_view written = facts.file.text().substr(range.begin, range.end - range.begin);
  if (written.empty() || std::string_view("&!*|>").find(written[0]) != std::string_view::npos ||
      facts.file.lineColumn(range.begin).line != facts.file.lineColumn(range.end).line)
    return std::nullopt;
  return Edit{replaceRange(range, rendered(value, isFlowMapping(facts.file, decl))), range.begin, ""};
}

} // namespace

std::vector<Edit> makeDefaultViolateConstraint(const TemplateFacts &facts) {
  std::vector<Edit> edits;
  for (const ir::Parameter &parameter : facts.tmpl.parameters) {
    auto type = runtime::parseParameterType(parameter.type);
    const ir::Node *decl = ir::resolve(parameter.decl);
    if (!type || (*type != ParameterType::String && *type != ParameterType::Number) || !decl ||
        !decl->isMapping())
      continue;
    for (const Violation &violation : ViolationMaker(parameter, *type).all()) {
      auto edit = parameter.defaultValue
                      ? replaceDefault(facts, decl, parameter.defaultValue, violation.value)
                      : addDefault(facts, decl, violation.value);
      if (!edit)
        continue;
      edit->what = "Default of '" + parameter.name.text + "' -> " +
                   rendered(violation.value, false) + " (breaks " + violation.constraint + ")";
      edits.push_back(std::move(*edit));
    }
  }
  return edits;
}

} // namespace oosc::mutation
