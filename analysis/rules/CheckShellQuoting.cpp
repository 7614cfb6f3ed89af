//===- CheckShellQuoting.cpp - Parameters unquoted in shell commands (`unquoted-shell-parameter`). ===//
//
// OOS substitutes `{{ parameter }}` into a Cloud Assistant script as plain
// text before the shell reads it. Spliced outside quotes, a value with a
// space becomes several words and one with `;`, `|` or `$( )` runs commands:
// whoever may start the execution may run code on the instance. The rule
// follows the shell's quoting through the script (ShellScanner.h) and
// reports each template parameter reference that lands outside quotes.
//
// Not reported:
// * values that cannot hold a shell metacharacter: Number and Boolean
//   parameters, AllowedValues made of safe words, an AllowedPattern built
//   only from safe characters (read under OOS's full-match semantics);
// * task outputs and pseudo parameters: values the cloud produces (ids,
//   addresses, the region), not text a caller types; parameter store
//   references (`{{ oos:... }}`), which hold whole scripts by design;
// * parameters that are code: the whole script (`commandContent:
//   '{{ commandContent }}'`), a reference where a command starts (a line of
//   its own, after `;`, `&&` or `|`), or a parameter whose
//   AssociationProperty is a command-content editor;
// * references in comments and here-document bodies (data, never split);
// * scripts that are not shell (RunBatScript, RunPowerShellScript,
//   RunPythonScript...) or whose type is computed, and commands with
//   enableParameter, where `{{ name }}` may be a Cloud Assistant parameter
//   the agent fills in, not OOS.
//
//===----------------------------------------------------------------------===//
#include "analysis/Rules.h"
#include "analysis/SchemaWalk.h"
#include "analysis/ShellSafety.h"
#include "analysis/ShellScanner.h"
#include "support/Spelling.h"

#include <algorithm>
#include <optional>

namespace oosc::analysis {
namespace {

using ir::Node;

constexpr std::string_view kShellType = "RunShellScript";

/// A product action (a public template) that runs `commandContent` through
/// Cloud Assistant (oos-cloud-product-actions.md). `defaultType` is the
/// interpreter when `commandType` is absent; empty: unknown (the action
/// requires it, or picks by the instance's OS), and the script is skipped.
struct CommandAction {
  std::string_view action;
  bool hasTypeProperty;
  std::string_view defaultType;
};

constexpr CommandAction kCommandActions[] = {
    {"ACS::ECS::RunCommand", true, ""},
    {"ACS::ECS::RunCommandForApplyPatchBaseline", true, ""},
    {"ACS::ECS::RunCommandForLongTime", true, ""},
    {"ACS::ESS::RunCommand", true, ""},
    {"ACS::ECD::RunCommand", true, ""},
    {"ACS::CN::UpgradeServiceInstanceStep", true, ""},
    {"ACS::CN::UpgradeServiceInstanceByRunCommand", true, kShellType},
    {"ACS::CN::DetermineUpgradeServiceInstanceTypeAndPerformUpgrade", true, kShellType},
    {"ACS::ECS::ElegantRunCommandInSLBDefaultServerGroup", true, kShellType},
    {"ACS::ECS::ElegantRunCommandInSLBVServerGroup", true, kShellType},
    {"ACS::ECS::SMCVerifyInstanceByRunCommand", true, kShellType},
    // These always run a shell script on Linux.
    {"ACS::CS::RunCommand", false, kShellType},
    {"ACS::ECS::TagInstanceByRunCommandResult", false, kShellType},
    {"ACS::ESS::RunCommandOnSpecifiedInstance", false, kShellType},
};

/// An OpenAPI call made with ACS::ExecuteAPI whose Parameters carry a script
/// (InvokeCommand runs a saved command: it has no content to check).
struct CommandApi {
  std::string_view service;
  std::string_view api;
  /// ContentEncoding when absent; a Base64 script holds no readable text.
  std::string_view defaultEncoding;
};

constexpr CommandApi kCommandApis[] = {
    {"ECS", "RunCommand", "PlainText"},
    {"ECS", "CreateCommand", "Base64"},
    {"ECD", "RunCommand", "PlainText"},
};

/// Endings of parameter names that say the value is several words on
/// purpose (`dockerRunOptions: -p 80:80`): quoting would join them, so no
/// fix is offered.
constexpr std::string_view kWordListEndings[] = {"options", "args", "arguments", "flags", "params",
                                                 "parameters"};

/// AssociationProperty values of parameters that hold code to run.
constexpr std::string_view kCodeEditors[] = {"ALIYUN::OOS::Command::CommandContent", "Code"};

/// The pieces of a task that say how to read its script.
struct Script {
  const Node *content = nullptr;
  const Node *type = nullptr;
  std::string_view defaultType;
  const Node *enableParameter = nullptr;
  const Node *encoding = nullptr;
  std::string_view defaultEncoding = "PlainText";
};

const Node *mappingValue(const Node *map, std::string_view key) {
  map = ir::resolve(map);
  return map && map->isMapping() ? ir::resolve(map->get(key)) : nullptr;
}

std::string_view scalarText(const Node *node) {
  return node && node->isScalar() ? std::string_view(node->value) : std::string_view();
}

std::optional<Script> productActionScript(const ir::Task &task) {
  for (const CommandAction &entry : kCommandActions) {
    if (!equalsIgnoreCase(task.action, entry.action))
      continue;
    Script script;
    script.content = mappingValue(task.properties, "commandContent");
    script.type = entry.hasTypeProperty ? mappingValue(task.properties, "commandType") : nullptr;
    script.defaultType = entry.defaultType;
    script.enableParameter = mappingValue(task.properties, "enableParameter");
    return script;
  }
  return std::nullopt;
}

std::optional<Script> apiScript(const ir::Task &task) {
  if (!equalsIgnoreCase(task.action, "ACS::ExecuteAPI"))
    return std::nullopt;
  std::string_view service = scalarText(mappingValue(task.properties, "Service"));
  std::string_view api = scalarText(mappingValue(task.properties, "API"));
  const Node *parameters = mappingValue(task.properties, "Parameters");
  for (const CommandApi &entry : kCommandApis) {
    if (!equalsIgnoreCase(service, entry.service) || !equalsIgnoreCase(api, entry.api))
      continue;
    Script script;
    script.content = mappingValue(parameters, "CommandContent");
    script.type = mappingValue(parameters, "Type");
    script.enableParameter = mappingValue(parameters, "EnableParameter");
    script.encoding = mappingValue(parameters, "ContentEncoding");
    script.defaultEncoding = entry.defaultEncoding;
    return script;
  }
  return std::nullopt;
}

/// A literal setting, its default when absent, or nothing when computed.
std::optional<std::string_view> setting(const Node *node, std::string_view fallback) {
  if (!node)
    return fallback;
  if (!node->isScalar() || isComputed(node))
    return std::nullopt;
  return std::string_view(node->value);
}

/// The script text when it is a shell script OOS fills in: plain text, or
/// the argument of `Fn::Base64Encode` (the text before encoding).
const Node *shellScriptText(const Script &script) {
  auto type = setting(script.type, script.defaultType);
  auto enable = setting(script.enableParameter, "false");
  if (!type || !equalsIgnoreCase(*type, kShellType) || !enable || !equalsIgnoreCase(*enable, "false"))
    return nullptr;
  const Node *content = script.content;
  if (content && content->functionName() == "Fn::Base64Encode") {
    content = ir::resolve(content->entries[0].value);
  } else {
    auto encoding = setting(script.encoding, script.defaultEncoding);
    if (!encoding || equalsIgnoreCase(*encoding, "Base64"))
      return nullptr; // encoded text: no quoting to follow
  }
  if (!content || !content->isScalar() || !content->interpolation)
    return nullptr;
  return content;
}

bool allowedValuesAreSafe(const Node *allowed) {
  allowed = ir::resolve(allowed);
  if (!allowed || !allowed->isSequence() || allowed->items.empty())
    return false;
  return std::all_of(allowed->items.begin(), allowed->items.end(), [](const Node *item) {
    item = ir::resolve(item);
    return item && item->isScalar() && !isComputed(item) && isShellSafeText(item->value);
  });
}

bool holdsCode(const ir::Parameter &parameter) {
  std::string_view editor = scalarText(mappingValue(parameter.decl, "AssociationProperty"));
  return std::any_of(std::begin(kCodeEditors), std::end(kCodeEditors),
                     [&](std::string_view code) { return equalsIgnoreCase(editor, code); });
}

/// The parameter's value can carry a blank or a shell metacharacter.
bool mayCarryShellText(const ir::Parameter &parameter) {
  if (equalsIgnoreCase(parameter.type, "Number") || equalsIgnoreCase(parameter.type, "Boolean"))
    return false;
  if (allowedValuesAreSafe(parameter.allowedValues))
    return false;
  const Node *pattern = ir::resolve(parameter.allowedPattern);
  return !(pattern && pattern->isScalar() && patternAllowsOnlyShellSafeText(pattern->value));
}

bool namesWordList(std::string_view name) {
  std::string folded = foldCase(name);
  return std::any_of(std::begin(kWordListEndings), std::end(kWordListEndings),
                     [&](std::string_view ending) {
                       return folded.size() >= ending.size() &&
                              folded.compare(folded.size() - ending.size(), ending.size(), ending) == 0;
                     });
}

void report(AnalysisContext &context, const Node &script, const ir::Reference &reference,
            const ir::Parameter &parameter, bool escaped) {
  Diagnostic &diagnostic = context.diagnostics.report(
      RuleId::UnquotedShellParameter, reference.range,
      "parameter '" + parameter.name.text +
          "' is spliced into a shell script without quotes: a value with a space is split "
          "into words, one with ';', '|' or '$(' runs commands; wrap it in double quotes");
  // List and Json values are JSON text full of double quotes: quoting them
  // does not help. After a backslash, a quote would be escaped instead.
  if (escaped || equalsIgnoreCase(parameter.type, "List") || equalsIgnoreCase(parameter.type, "Json") ||
      namesWordList(parameter.name.text))
    return;
  // In a double-quoted YAML or JSON string the quote itself needs escaping.
  std::string quote = script.style == ir::ScalarStyle::DoubleQuoted ? "\\\"" : "\"";
  diagnostic.fix({reference.range.begin, reference.range.begin}, quote);
  diagnostic.fix({reference.range.end, reference.range.end}, quote);
}

void checkScript(AnalysisContext &context, const Node &script) {
  const ir::Interpolation &pieces = *script.interpolation;
  if (pieces.isWholeValue())
    return; // the parameter is the script
  ShellScanner scanner;
  for (size_t index = 0; index < pieces.pieces.size(); ++index) {
    const auto &piece = pieces.pieces[index];
    if (const auto *text = std::get_if<std::string>(&piece)) {
      scanner.text(*text);
      continue;
    }
    const auto &reference = std::get<ir::Reference>(piece);
    if (scanner.splice() != ShellContext::Unquoted)
      continue;
    // Where a command starts, the value is meant as a command (a hook, a
    // block of script), not as an argument; quoting would break it.
    if (reference.kind != ir::RefKind::Name || reference.parts.size() != 1 ||
        reference.hasPathSyntax || scanner.startedCommand())
      continue;
    auto parameter = context.symbols.parameter(reference.parts[0].text);
    if (parameter && mayCarryShellText(*parameter.decl) && !holdsCode(*parameter.decl))
      report(context, script, reference, *parameter.decl, scanner.escaped());
  }
}

} // namespace

void checkShellQuoting(AnalysisContext &context) {
  for (const ir::Task &task : context.tmpl.tasks) {
    std::optional<Script> script = productActionScript(task);
    if (!script)
      script = apiScript(task);
    if (!script)
      continue;
    if (const Node *text = shellScriptText(*script))
      checkScript(context, *text);
  }
}

} // namespace oosc::analysis
