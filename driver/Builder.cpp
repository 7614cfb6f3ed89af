//===- Builder.cpp ----------------------------------------------------------===//
#include "driver/Builder.h"
#include "driver/ActionFolders.h"

#include "oosc/runtime/ActionCatalogue.h"

#include "codegen/ApiSubset.h"
#include "codegen/TemplateEmitter.h"
#include "frontend/Frontend.h"
#include "support/Spelling.h"

#include <cstdlib>
#include <deque>
#include <map>
#include <filesystem>
#include <fstream>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

namespace oosc::driver {
namespace fs = std::filesystem;

std::string templateName(const std::string &path) { return fs::path(path).stem().string(); }

namespace {

/// One parsed template kept alive while its code is generated.
struct Parsed {
  std::shared_ptr<const SourceFile> file;
  frontend::ParsedTemplate parsed;
  std::string name;
};

std::optional<Parsed> parse(const std::string &path, const std::string &name, BuildResult &result) {
  std::string error;
  auto text = readFile(path, error);
  if (!text) {
    result.errors.push_back("cannot read '" + path + "': " + error);
    return std::nullopt;
  }
  Parsed parsed;
  parsed.file = std::make_shared<const SourceFile>(path, std::move(*text));
  DiagnosticEngine diagnostics(*parsed.file);
  parsed.parsed = frontend::parseTemplate(*parsed.file, diagnostics);
  parsed.name = name;
  return parsed;
}

/// The TemplateName of an ACS::Template task when it is written out, ""
/// when it is computed or absent.
std::string literalTemplateName(const ir::Task &task) {
  const ir::Node *name = ir::property(task.properties, "TemplateName");
  return name && name->isScalar() && name->value.find("{{") == std::string::npos ? name->value : "";
}

int runCompiler(const std::vector<std::string> &command) {
  std::vector<char *> argv;
  for (const std::string &argument : command)
    argv.push_back(const_cast<char *>(argument.c_str()));
  argv.push_back(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    execvp(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/// The compiler asked for, else $CXX, else the one the runtime was built
/// with, else c++.
std::string runnerCompiler(const BuildOptions &options) {
  if (!options.compiler.empty())
    return options.compiler;
  if (const char *fromEnvironment = std::getenv("CXX"); fromEnvironment && *fromEnvironment)
    return fromEnvironment;
  return options.runtime.compiler.empty() ? "c++" : options.runtime.compiler;
}

bool writeFile(const fs::path &path, const std::string &text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

} // namespace

BuildResult buildRunner(const BuildOptions &options) {
  BuildResult result;
  // Lint first: a runner is only built from templates without errors.
  LintOptions lint;
  lint.actionFolders = options.actionFolders;
  std::vector<FileReport> reports = lintFiles(options.templates, lint);
  for (const FileReport &report : reports)
    if (report.count(Severity::Error) > 0) {
      result.lintReports = std::move(reports);
      return result;
    }
  // A deque: `pending` points into it while it grows.
  std::vector<Parsed> templates;
  std::deque<Parsed> actions;
  // A template named after a product action (`ACS::ECS::RunInstances.yml`)
  // given with the others defines that action for them.
  for (const std::string &path : options.templates)
    if (auto parsed = parse(path, templateName(path), result)) {
      if (actionNamedByFile(path) && !runtime::isBuiltInAction(parsed->name))
        actions.push_back(std::move(*parsed));
      else
        templates.push_back(std::move(*parsed));
    }
  // A runner finds templates by name: two with one name cannot share it.
  std::map<std::string, std::string> names;
  for (const Parsed &parsed : templates)
    if (auto [it, inserted] = names.emplace(foldCase(parsed.name), parsed.file->path()); !inserted)
      result.errors.push_back("two templates are named '" + parsed.name + "' (" + it->second + " and " +
                              parsed.file->path() + "); a runner tells them apart by file name");
  // The product actions used, and the ones those use, from the folders and
  // the library.
  ActionIndex index(options.actionFolders, options.runtime.actionsDir);
  std::set<std::string> seen;
  std::vector<const Parsed *> pending;
  for (const Parsed &parsed : templates)
    pending.push_back(&parsed);
  for (const Parsed &parsed : actions) {
    seen.insert(foldCase(parsed.name));
    pending.push_back(&parsed);
  }
  for (size_t i = 0; i < pending.size(); ++i)
    for (const ir::Task &task : pending[i]->parsed.tmpl.tasks) {
      // An ACS::Template naming a product action by a literal TemplateName
      // calls it as a task naming it would.
      std::string action = equalsIgnoreCase(task.action, "ACS::Template") ? literalTemplateName(task) : task.action;
      // A template built with the others is there already.
      if (action.empty() || runtime::isBuiltInAction(action) || names.count(foldCase(action)) ||
          !seen.insert(foldCase(action)).second)
        continue;
      auto file = index.find(action);
      if (!file)
        continue; // the runner says "not supported yet" if the task runs
      if (auto parsed = parse(*file, action, result)) {
        actions.push_back(std::move(*parsed));
        pending.push_back(&actions.back());
      }
    }
  if (!result.errors.empty())
    return result;

  fs::path directory = options.emitCppDir.empty()
                           ? fs::temp_directory_path() / ("oosc-build-" + std::to_string(getpid()))
                           : fs::path(options.emitCppDir);
  fs::create_directories(directory);
  codegen::CodegenOptions codegenOptions{options.compilerVersion};
  analysis::ActionTemplates actionTemplates;
  for (const Parsed &parsed : actions)
    actionTemplates.emplace(foldCase(parsed.name), &parsed.parsed.tmpl);
  std::vector<std::string> templateSymbols, actionSymbols, sources;
  auto generate = [&](const Parsed &parsed, std::vector<std::string> &symbols) {
    bool isAction = &symbols == &actionSymbols;
    codegen::GeneratedUnit unit = codegen::emitTemplate(
        {*parsed.file, parsed.parsed.tmpl, parsed.name, isAction, &actionTemplates}, codegenOptions, result.errors);
    fs::path file = directory / (unit.symbol + ".cpp");
    writeFile(file, unit.code);
    sources.push_back(file.string());
    symbols.push_back(unit.symbol);
  };
  for (const Parsed &parsed : templates)
    generate(parsed, templateSymbols);
  for (const Parsed &parsed : actions)
    generate(parsed, actionSymbols);
  fs::path mainFile = directory / "oosc_runner_main.cpp";
  std::vector<const ir::Template *> topLevel;
  for (const Parsed &parsed : templates)
    topLevel.push_back(&parsed.parsed.tmpl);
  writeFile(mainFile, codegen::emitMain(templateSymbols, actionSymbols, codegen::emitApiSubset(topLevel, actionTemplates),
                                        codegenOptions));
  sources.push_back(mainFile.string());
  result.generatedFiles = sources;
  // One translation unit: the runtime headers are parsed once, not once per
  // template, which is most of the compile time.
  std::string unity = "// Generated by oosc: the runner as one translation unit.\n";
  for (const std::string &source : sources)
    unity += "#include \"" + fs::path(source).filename().string() + "\"\n";
  fs::path unityFile = directory / "oosc_runner.cpp";
  writeFile(unityFile, unity);
  if (!result.errors.empty())
    return result;

  std::string compiler = runnerCompiler(options);
  // -O0: generated code is glue between runtime calls, all of it optimised
  // in the runtime library; optimising the glue costs seconds, saves nothing.
  std::vector<std::string> command{compiler, "-std=c++17", "-O0", "-w"};
  command.insert(command.end(), options.runtime.compileFlags.begin(), options.runtime.compileFlags.end());
  command.push_back("-I" + options.runtime.includeDir);
  for (const std::string &dir : options.runtime.cloudIncludeDirs)
    command.push_back("-I" + dir);
  command.push_back(unityFile.string());
  command.push_back(options.runtime.library);
  command.insert(command.end(), options.runtime.linkFlags.begin(), options.runtime.linkFlags.end());
  command.push_back("-o");
  command.push_back(options.output);
  int status = runCompiler(command);
  if (options.emitCppDir.empty())
    fs::remove_all(directory);
  if (status != 0) {
    result.errors.push_back(compiler + " failed with status " + std::to_string(status) +
                            " compiling the generated code (an oosc bug: please report it)");
    return result;
  }
  result.ok = true;
  return result;
}

} // namespace oosc::driver
