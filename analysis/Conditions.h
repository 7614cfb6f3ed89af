//===- Conditions.h - When and Fn::If conditions as comparable facts -------===//
//
// A condition (a When, a Choice branch's When, Fn::If's first argument) is
// turned into literals "subject == value" or "subject != value" that hold
// when it evaluated true or false. Equivalent spellings meet in one literal:
// `'{{ x }}'`, `{Fn::Equals: ['{{ x }}', true]}` and
// `{Fn::Equals: [true, '{{ x }}']}` are all "x == true", and Fn::Not flips
// it. Two literals on one subject contradict when they demand different
// values, which is how a path through one branch of a condition is told
// apart from a read under the other.
//
// Only conditions over values that cannot change during an execution give
// literals: parameters, pseudo parameters other than the loop item, and
// outputs of tasks that run at most once. Anything else is dropped, which
// only ever loses a contradiction, never invents one.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "analysis/SymbolTable.h"

#include <unordered_map>

namespace oosc::analysis {

/// Interned literal ids; a set of them stands for their conjunction.
using LiteralId = uint32_t;
using LiteralSet = std::vector<LiteralId>;

struct ConditionOptions {
  /// By task index: the task runs at most once per execution (it is on no
  /// cycle of the task graph), so its outputs keep their value once set.
  std::vector<bool> runsOnce;
};

class ConditionTable {
public:
  /// Learns the domain of each compared value from `tmpl`: a parameter's
  /// AllowedValues (or true and false for a Boolean), else the two or more
  /// constants the template compares it with.
  ConditionTable(const ir::Template &tmpl, const SymbolTable &symbols, ConditionOptions options);

  /// Adds to `out` the literals that hold when `condition` evaluated to
  /// `holds`. Conditions it cannot split (an Fn::Or that held, an Fn::And
  /// that failed) become one literal on their whole canonical text.
  void assume(const ir::Node *condition, bool holds, LiteralSet &out);

  /// No two literals of `a` and `b` (each consistent by itself) contradict,
  /// and together they leave some value of every subject's domain.
  bool consistent(const LiteralSet &a, const LiteralSet &b) const;
  /// No two literals of `set` contradict.
  bool consistent(const LiteralSet &set) const { return consistent(set, set); }

private:
  struct Literal {
    uint32_t subject = 0;
    uint32_t value = 0;
    bool positive = true;
    /// "!=" to a value of the subject's domain: the domain's size, else 0.
    uint32_t domainSize = 0;
    /// Literals that together say the opposite (sorted; empty: unknown).
    LiteralSet contradictedByAll;
  };

  /// Fn::And, Fn::Or and Fn::If: a literal for the whole, plus its parts
  /// when they all hold alike.
  void assumeCompound(const ir::Node *condition, bool holds, LiteralSet &out);
  /// Adds the literals whose conjunction is "`condition` is `holds`", or
  /// returns false when it is no conjunction.
  bool asConjunction(const ir::Node *condition, bool holds, LiteralSet &out);
  void assumeEquals(const ir::Node *arguments, bool holds, LiteralSet &out);
  void assumeOpaque(const ir::Node *condition, bool holds, LiteralSet &out);
  LiteralId add(const std::string &subject, const std::string &value, bool positive,
                LiteralSet &out);
  void learnDomains(const ir::Template &tmpl);
  void setDomain(const std::string &subject, const std::vector<std::string> &values,
                 bool declared);
  /// `a` and `b` together say "!=" to every value a subject can have.
  bool excludesWholeDomain(const LiteralSet &a, const LiteralSet &b) const;
  /// `a` and `b` hold a compound literal and every literal of its opposite.
  bool meetsOpposite(const LiteralSet &a, const LiteralSet &b) const;
  bool stable(const ir::Node *node) const;
  bool stable(const ir::Reference &reference) const;
  bool contradicts(LiteralId a, LiteralId b) const;
  uint32_t intern(const std::string &text);

  const SymbolTable &symbols_;
  ConditionOptions options_;
  std::unordered_map<std::string, uint32_t> texts_;
  std::vector<Literal> literals_;
  std::unordered_map<uint64_t, LiteralId> literalIds_;
  /// Subject text id to its possible value text ids, sorted.
  std::unordered_map<uint32_t, std::vector<uint32_t>> domains_;
};

/// The conditions under which each reference below `root` is evaluated:
/// the first argument of every enclosing Fn::If, true in its second
/// argument and false in its third.
std::unordered_map<const ir::Reference *, LiteralSet> referenceGuards(const ir::Node *root,
                                                                     ConditionTable &conditions);

} // namespace oosc::analysis
