//===- ActionsCommand.cpp - `oosc actions pull` ------------------------------===//
#include "cli/ActionsCommand.h"

#include "driver/ActionFolders.h"
#include "driver/ActionsNeeded.h"
#include "driver/Config.h"
#include "driver/Linter.h"
#include "oosc/apis/CloudApis.h"
#include "oosc/openapi/RunnerCloud.h"
#include "oosc/runtime/Runner.h"

#include <cctype>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <set>

namespace oosc::cli {

const char *const kActionsHelp = R"(usage: oosc actions pull TEMPLATE... [options]

Fetches from OOS the definitions the templates need: the product actions
their tasks name (ACS::ECS::RunInstances) and the public templates their
ACS::Template tasks name (ACS-ECS-BulkyRunCommand), then the ones those
need, each with OOS GetTemplate from your own account, through the same
client, credentials, regions and endpoints as runners' `--cloud aliyun`.
Each is written to the actions folder as NAME.yml or NAME.json, as OOS
holds it; `oosc build`, `oosc lint` and `oosc lsp` read it from there,
before the project's built-in actions. A definition already there with
the same content is left as it is.

options:
  --into DIR         the actions folder to write (default: the first
                     `actions:` folder of the .oosc.yaml above the first
                     template, else $XDG_DATA_HOME/oosc/actions)
  --region REGION    OOS's region (default: ALIBABA_CLOUD_REGION_ID, else
                     cn-hangzhou)
  --profile NAME     an aliyun CLI profile to take credentials from
  --endpoint URL     every call goes to URL (a private or test endpoint,
                     such as `oosc sim serve --templates DIR`)
  --vpc-endpoints    OOS's VPC endpoint rather than its public one
  --signature-v1     sign with signature v1 rather than v3
  -h, --help         show this help

Credentials come from the environment as for runners
(ALIBABA_CLOUD_ACCESS_KEY_ID and _SECRET, a profile, a role...).
)";

namespace {

namespace fs = std::filesystem;

struct PullOptions {
  std::vector<std::string> templates;
  std::string into;
  runtime::RealCloudSettings cloud;
  bool help = false;
};

/// Reads the arguments after `pull`; the error names what is wrong.
std::optional<std::string> parsePull(const std::vector<std::string> &arguments, PullOptions &options) {
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const std::string &name = arguments[i];
    if (name == "-h" || name == "--help")
      options.help = true;
    else if (name == "--vpc-endpoints")
      options.cloud.vpcEndpoints = true;
    else if (name == "--signature-v1")
      options.cloud.signatureV1 = true;
    else if (name == "--into" || name == "--region" || name == "--profile" || name == "--endpoint") {
      if (i + 1 >= arguments.size())
        return name + " needs a value";
      const std::string &value = arguments[++i];
      (name == "--into" ? options.into : name == "--region" ? options.cloud.region
                                       : name == "--profile" ? options.cloud.profile
                                                             : options.cloud.endpoint) = value;
    } else if (name.rfind("-", 0) == 0)
      return "unknown option '" + name + "'";
    else
      options.templates.push_back(name);
  }
  if (options.templates.empty() && !options.help)
    return std::string("name the templates whose definitions to pull");
  return std::nullopt;
}

/// --into, else the .oosc.yaml's first actions folder, else the user's.
std::string folderToWrite(const PullOptions &options) {
  if (!options.into.empty())
    return options.into;
  std::shared_ptr<const driver::Config> config = driver::configFor(options.templates.front());
  if (!config->actionFolders.empty())
    return config->actionFolders.front();
  return driver::userActionFolder();
}

/// The text of the file, or nothing when it cannot be read.
std::optional<std::string> readText(const fs::path &path) {
  std::string error;
  return driver::readFile(path.string(), error);
}

/// Whether \p name can be a file's name in the folder: OOS's template names
/// (`ACS::ECS::RunInstances`, `ACS-ECS-BulkyRunCommand`), nothing that
/// could lead out of the folder, whoever named it.
bool isDefinitionName(const std::string &name) {
  if (name.empty() || name.front() == '.' || name.find("..") != std::string::npos)
    return false;
  for (char c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != ':' && c != '-' && c != '_' && c != '.')
      return false;
  return true;
}

/// What happened to one definition.
enum class Written { New, Updated, Unchanged, Failed };

/// Writes \p content as \p name's definition in \p folder, in \p format's
/// extension, removing a twin of the other format that would shadow it.
Written writeDefinition(const fs::path &folder, const std::string &name, const std::string &format,
                        const std::string &content, std::string &error) {
  bool json = format == "JSON";
  fs::path target = folder / (name + (json ? ".json" : ".yml"));
  std::vector<fs::path> twins;
  bool existed = false;
  for (const char *extension : {".yml", ".yaml", ".json"}) {
    fs::path twin = folder / (name + extension);
    std::error_code ignored;
    if (!fs::exists(twin, ignored))
      continue;
    existed = true;
    if (twin != target)
      twins.push_back(twin);
  }
  if (twins.empty() && existed && readText(target) == content)
    return Written::Unchanged;
  // Whole or not at all: a reader never sees half a definition.
  fs::path partial = target;
  partial += ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << content;
    if (!out.flush()) {
      error = "cannot write " + partial.string();
      return Written::Failed;
    }
  }
  std::error_code renamed;
  fs::rename(partial, target, renamed);
  if (renamed) {
    error = "cannot write " + target.string() + ": " + renamed.message();
    return Written::Failed;
  }
  // Only once the new file is in place: the old one in the other format
  // would shadow it (YAML before JSON).
  for (const fs::path &twin : twins) {
    std::error_code ignored;
    fs::remove(twin, ignored);
  }
  return existed ? Written::Updated : Written::New;
}

/// The OOS client of runners, reduced to OOS's own APIs.
runtime::Outcome<std::unique_ptr<runtime::CloudBackend>> openOos(runtime::RealCloudSettings settings) {
  if (settings.region.empty()) {
    const char *region = std::getenv("ALIBABA_CLOUD_REGION_ID");
    settings.region = region && *region ? region : "cn-hangzhou";
  }
  const apis::ProductRecord *oos = apis::cloudApis().findService("OOS");
  runtime::RunnerImage image;
  image.apiProducts = oos;
  image.apiProductCount = oos ? 1 : 0;
  return openapi::openRunnerCloud(settings, image);
}

/// Pulls every definition the templates need, and what those need.
int pull(const PullOptions &options, runtime::CloudBackend &oos, llvm::raw_ostream &out, llvm::raw_ostream &err) {
  std::deque<std::string> wanted;
  std::set<std::string> seen;
  auto want = [&](const std::vector<std::string> &names) {
    for (const std::string &name : names)
      if (seen.insert(name).second)
        wanted.push_back(name);
  };
  int exitCode = 0;
  for (const std::string &path : options.templates) {
    std::string error;
    std::optional<std::string> text = driver::readFile(path, error);
    if (!text) {
      err << "oosc actions pull: error: " << error << '\n';
      exitCode = 1;
      continue;
    }
    want(driver::definitionsNeeded(path, *text));
  }
  fs::path folder = folderToWrite(options);
  if (folder.empty()) {
    err << "oosc actions pull: error: no folder to write to: give --into DIR (neither XDG_DATA_HOME nor HOME is "
           "set)\n";
    return 2;
  }
  std::error_code made;
  fs::create_directories(folder, made);
  if (made) {
    err << "oosc actions pull: error: cannot make " << folder.string() << ": " << made.message() << '\n';
    return 1;
  }
  std::size_t counts[4] = {};
  while (!wanted.empty()) {
    std::string name = wanted.front();
    wanted.pop_front();
    if (!isDefinitionName(name)) {
      err << "oosc actions pull: error: '" << name << "' is not a template name OOS could hold; not pulled\n";
      exitCode = 1;
      ++counts[static_cast<int>(Written::Failed)];
      continue;
    }
    auto answer = oos.call("OOS", "GetTemplate", runtime::Value(runtime::Value::Map{{"TemplateName", name}}));
    const runtime::Value *content = answer ? answer.value().find("Content") : nullptr;
    if (!content || !content->isString()) {
      err << "oosc actions pull: error: " << name << ": "
          << (answer ? std::string("OOS GetTemplate answered no Content")
                     : "OOS GetTemplate failed: " + answer.error().code + ": " + answer.error().message)
          << '\n';
      exitCode = 1;
      ++counts[static_cast<int>(Written::Failed)];
      continue;
    }
    const runtime::Value *format = answer.value().findPath("Template.TemplateFormat");
    std::string formatText = format && format->isString() ? format->getString() : "YAML";
    std::string error;
    Written written = writeDefinition(folder, name, formatText, content->getString(), error);
    ++counts[static_cast<int>(written)];
    if (written == Written::Failed) {
      err << "oosc actions pull: error: " << name << ": " << error << '\n';
      exitCode = 1;
      continue;
    }
    static const char *const kSaid[] = {"pulled   ", "updated  ", "unchanged"};
    out << kSaid[static_cast<int>(written)] << "  " << name << '\n';
    want(driver::definitionsNeeded(name + (formatText == "JSON" ? ".json" : ".yml"), content->getString()));
  }
  out << counts[0] << " pulled, " << counts[1] << " updated, " << counts[2] << " unchanged, " << counts[3]
      << " failed, in " << folder.string() << '\n';
  return exitCode;
}

} // namespace

int runActions(const std::vector<std::string> &arguments, llvm::raw_ostream &out, llvm::raw_ostream &err) {
  if (arguments.empty() || arguments[0] != "pull") {
    err << (arguments.empty() ? std::string("oosc actions: error: name a subcommand")
                              : "oosc actions: error: unknown subcommand '" + arguments[0] + "'")
        << "\n\n"
        << kActionsHelp;
    return 2;
  }
  PullOptions options;
  if (auto error = parsePull({arguments.begin() + 1, arguments.end()}, options)) {
    err << "oosc actions pull: error: " << *error << "\n(see oosc help actions)\n";
    return 2;
  }
  if (options.help) {
    out << kActionsHelp;
    return 0;
  }
  auto oos = openOos(options.cloud);
  if (!oos) {
    err << "oosc actions pull: error: " << oos.error().message << '\n';
    return 2;
  }
  return pull(options, *oos.value(), out, err);
}

} // namespace oosc::cli
