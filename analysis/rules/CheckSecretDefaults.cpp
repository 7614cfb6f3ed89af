//===- CheckSecretDefaults.cpp - Secrets written into a template -----------===//
//
// Rule `secret-default`: a parameter Default that holds an AccessKey ID, or a
// non-empty plain-text Default of a parameter named like a password, secret
// or key. Templates are shared and versioned; a secret in one is a leaked
// secret. OOS keeps secrets as encrypted parameters, read with
// `{{ oos-secret:name }}`, so a Default that is such a reference is fine.
//
//===----------------------------------------------------------------------===//
#include "analysis/Rules.h"

#include <algorithm>
#include <cctype>

namespace oosc::analysis {
namespace {

/// Words in a parameter name that say its value is a credential.
constexpr std::string_view kSecretNameWords[] = {
    "password", "passwd", "secret", "privatekey", "accesskey", "token",
};

/// AccessKey IDs start with `LTAI` followed by letters and digits.
constexpr std::string_view kAccessKeyPrefix = "LTAI";
constexpr size_t kAccessKeyMinTail = 12;

std::string lowered(std::string_view text) {
  std::string result(text);
  std::transform(result.begin(), result.end(), result.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

bool namesASecret(std::string_view name) {
  std::string folded = lowered(name);
  // `passwordName`, `secretName`, `keyPairName`: the name of a stored
  // secret, not the secret.
  if (folded.size() > 4 && folded.compare(folded.size() - 4, 4, "name") == 0)
    return false;
  return std::any_of(std::begin(kSecretNameWords), std::end(kSecretNameWords),
                     [&](std::string_view word) { return folded.find(word) != std::string::npos; });
}

/// Where an AccessKey ID lies in `text`, as [begin, end); begin is npos when
/// there is none.
std::pair<size_t, size_t> findAccessKeyId(std::string_view text) {
  for (size_t at = text.find(kAccessKeyPrefix); at != std::string_view::npos;
       at = text.find(kAccessKeyPrefix, at + 1)) {
    size_t tail = at + kAccessKeyPrefix.size();
    size_t end = tail;
    while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end])))
      ++end;
    bool startsWord = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
    if (startsWord && end - tail >= kAccessKeyMinTail)
      return {at, end};
  }
  return {std::string_view::npos, 0};
}

bool isBlank(std::string_view value) {
  return std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isspace(c); });
}

/// Filled in by Auto Scaling (`${lifecycleActionToken}`) when the execution
/// starts: the secret is not written down.
bool isPlaceholder(std::string_view value) { return value.find("${") != std::string_view::npos; }

} // namespace

void checkSecretDefaults(AnalysisContext &context) {
  for (const ir::Parameter &parameter : context.tmpl.parameters) {
    const ir::Node *value = ir::resolve(parameter.defaultValue);
    // A `{{ }}` Default is computed (an oos-secret reference, another parameter).
    if (!value || !value->isScalar() || value->interpolation || isBlank(value->value))
      continue;
    auto [keyBegin, keyEnd] = findAccessKeyId(value->value);
    if (keyBegin != std::string_view::npos) {
      context.diagnostics.report(RuleId::SecretDefault, value->valueRange(keyBegin, keyEnd),
                                 "the Default of parameter '" + parameter.name.text +
                                     "' holds an AccessKey ID in plain text");
      continue;
    }
    // Booleans and numbers (`deleteSecret: false`) are switches, not secrets.
    if (parameter.type == "String" && !isPlaceholder(value->value) &&
        namesASecret(parameter.name.text))
      context.diagnostics
          .report(RuleId::SecretDefault, value->range,
                  "parameter '" + parameter.name.text +
                      "' holds a secret, but its Default is plain text in the template")
          .note("keep it as an encrypted parameter and read it with '{{ oos-secret:name }}', "
                "or leave the Default out");
  }
}

} // namespace oosc::analysis
