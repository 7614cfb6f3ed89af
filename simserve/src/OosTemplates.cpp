//===- OosTemplates.cpp - OOS's public templates on the served cloud -------===//
#include "OosTemplates.h"

#include "ModelCalls.h"
#include "oosc/openapi/Signing.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace oosc::simserve {
namespace {

namespace fs = std::filesystem;
using runtime::ApiError;
using runtime::Value;

bool isYaml(const fs::path &path) { return path.extension() == ".yml" || path.extension() == ".yaml"; }

/// The template files of \p folder, YAML ones first, each group sorted:
/// a YAML file wins over its JSON twin.
std::vector<fs::path> templateFiles(const std::string &folder) {
  std::vector<fs::path> files;
  std::error_code error;
  for (fs::recursive_directory_iterator it(folder, error), end; !error && it != end; it.increment(error))
    if (it->is_regular_file(error) && (isYaml(it->path()) || it->path().extension() == ".json"))
      files.push_back(it->path());
  std::sort(files.begin(), files.end(), [](const fs::path &a, const fs::path &b) {
    return isYaml(a) != isYaml(b) ? isYaml(a) : a < b;
  });
  return files;
}

} // namespace

OosTemplates::OosTemplates(const std::vector<std::string> &folders) : given_(!folders.empty()) {
  for (const std::string &folder : folders)
    for (const fs::path &file : templateFiles(folder))
      files_.emplace(file.stem().string(), file.string());
}

bool OosTemplates::serves(std::string_view action) const { return given_ && action == "GetTemplate"; }

runtime::Outcome<Value, ApiError> OosTemplates::call(const openapi::SignedCall &call) const {
  return getTemplate(call);
}

runtime::Outcome<Value, ApiError> OosTemplates::getTemplate(const openapi::SignedCall &call) const {
  std::string name = parameterOf(call, "TemplateName");
  if (name.empty())
    return modelError(400, "MissingParameter",
                    "The input parameter \"TemplateName\" that is mandatory for processing this request is not "
                    "supplied.");
  auto file = files_.find(name);
  if (file == files_.end())
    return modelError(404, "EntityNotExists.Template", "The specified template " + name + " does not exist.");
  // Each public template has one version here: the file as it is.
  std::string version = parameterOf(call, "TemplateVersion");
  if (!version.empty() && version != "v1")
    return modelError(404, "EntityNotExists.Template",
                    "The specified template " + name + " has no version " + version + " (it has v1).");
  std::ifstream in(file->second, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (!in)
    return modelError(500, "InternalError", "The template " + name + " cannot be read.");
  std::string text = content.str(), hash = openapi::sha256Hex(text);
  Value details(Value::Map{{"TemplateName", name},
                           {"TemplateId", "t-" + hash.substr(0, 14)},
                           {"TemplateVersion", "v1"},
                           {"TemplateFormat", isYaml(file->second) ? "YAML" : "JSON"},
                           {"TemplateType", "Automation"},
                           {"Hash", hash},
                           {"ShareType", "Public"},
                           {"CreatedBy", "ACS"},
                           {"UpdatedBy", "ACS"},
                           {"CreatedDate", "2024-01-01T00:00:00Z"},
                           {"UpdatedDate", "2024-01-01T00:00:00Z"},
                           {"HasTrigger", false},
                           {"Tags", Value(Value::Map{})}});
  return Value(Value::Map{{"Content", text}, {"Template", std::move(details)}});
}

} // namespace oosc::simserve
