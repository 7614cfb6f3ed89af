//===- generic/ApiVerbs.cpp -------------------------------------------------===//
#include "simulator/generic/ApiVerbs.h"
#include "oosc/runtime/Value.h"

#include <cctype>

namespace oosc::runtime::sim::generic {
namespace {

struct VerbRow {
  std::string_view text;
  Verb verb;
};

constexpr VerbRow kVerbs[] = {
#define OOSC_API_VERB(text, verb) {text, Verb::verb},
#include "simulator/generic/ApiVerbs.def"
};

/// Suffixes that name a part of one resource, not another resource:
/// DescribeDBInstanceAttribute reads one DBInstance.
constexpr std::string_view kOneResourceSuffixes[] = {"Attribute", "Attributes", "Detail", "Details",
                                                     "Info", "Spec", "Status", "Config", "Configuration"};

} // namespace

std::string leadingWord(std::string_view api) {
  size_t end = 1;
  while (end < api.size() && !std::isupper(static_cast<unsigned char>(api[end])))
    ++end;
  // `Re` is no verb on its own: ReInitDisk, ReActivateInstances.
  if (api.substr(0, end) == "Re")
    for (++end; end < api.size() && !std::isupper(static_cast<unsigned char>(api[end]));)
      ++end;
  return std::string(api.substr(0, std::min(end, api.size())));
}

std::string singular(std::string_view noun) {
  std::string word(noun);
  if (endsWith(word, "ies") && word.size() > 3)
    return word.substr(0, word.size() - 3) + "y";
  // -uses is -use as often as -us (Clauses, Buses): the -us ones APIs name.
  for (std::string_view suffix : {"Buses", "Statuses"})
    if (endsWith(word, suffix))
      return word.substr(0, word.size() - 2);
  for (std::string_view suffix : {"sses", "shes", "ches", "xes"})
    if (endsWith(word, suffix))
      return word.substr(0, word.size() - 2);
  if (endsWith(word, "ss") || endsWith(word, "us"))
    return word;
  if (endsWith(word, "s") && word.size() > 1)
    return word.substr(0, word.size() - 1);
  return word;
}

std::string modelledVerbs() {
  std::string verbs;
  for (const VerbRow &row : kVerbs)
    verbs.append(verbs.empty() ? "" : ", ").append(row.text);
  return verbs;
}

std::optional<ApiMeaning> meaningOf(std::string_view api) {
  std::string verb = leadingWord(api);
  for (const VerbRow &row : kVerbs) {
    if (verb != row.text || api.size() <= verb.size())
      continue;
    ApiMeaning meaning;
    meaning.verb = row.verb;
    meaning.verbText = verb;
    std::string rest(api.substr(verb.size()));
    // A version of an API (ACK's DescribeClustersV1) is about its noun.
    if (rest.size() > 3 && rest[rest.size() - 2] == 'V' && std::isdigit(static_cast<unsigned char>(rest.back())) &&
        std::islower(static_cast<unsigned char>(rest[rest.size() - 3])))
      rest.resize(rest.size() - 2);
    // ECS's extended versions of an API (DescribeAutoSnapshotPolicyEx lists
    // policies, ModifyAutoSnapshotPolicyEx changes one) are about the noun.
    if (rest.size() > 3 && endsWith(rest, "Ex") && std::islower(static_cast<unsigned char>(rest[rest.size() - 3]))) {
      rest.resize(rest.size() - 2);
      meaning.noun = singular(rest);
      meaning.plural = meaning.verb == Verb::Read;
      return meaning;
    }
    for (std::string_view suffix : kOneResourceSuffixes)
      if (endsWith(rest, suffix) && rest.size() > suffix.size()) {
        rest.resize(rest.size() - suffix.size());
        meaning.noun = rest;
        return meaning;
      }
    meaning.noun = singular(rest);
    meaning.plural = meaning.noun != rest;
    return meaning;
  }
  return std::nullopt;
}

} // namespace oosc::runtime::sim::generic
