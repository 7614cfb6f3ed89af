//===- main.cpp - The oosc command -----------------------------------------===//
#include "cli/ActionsCommand.h"
#include "cli/BuildCommand.h"
#include "cli/CommandLine.h"
#include "cli/LintCommand.h"
#include "cli/SimCommand.h"
#include "lsp/Server.h"

#include <iostream>

#include <llvm/Support/raw_ostream.h>

int main(int argc, char **argv) {
  std::vector<std::string> arguments(argv + 1, argv + argc);
  llvm::raw_ostream &out = llvm::outs();
  llvm::raw_ostream &err = llvm::errs();
  if (arguments.empty() || arguments[0] == "help" || arguments[0] == "-h" ||
      arguments[0] == "--help") {
    if (arguments.size() > 1 && arguments[1] == "lint")
      out << oosc::cli::kLintHelp;
    else if (arguments.size() > 1 && arguments[1] == "build")
      out << oosc::cli::kBuildHelp;
    else if (arguments.size() > 1 && arguments[1] == "run")
      out << oosc::cli::kRunHelp;
    else if (arguments.size() > 1 && arguments[1] == "sim")
      out << oosc::cli::kSimHelp;
    else if (arguments.size() > 1 && arguments[1] == "actions")
      out << oosc::cli::kActionsHelp;
    else
      (arguments.empty() ? err : out) << oosc::cli::kMainHelp;
    return arguments.empty() ? 2 : 0;
  }
  if (arguments[0] == "version" || arguments[0] == "--version") {
    out << "oosc " << OOSC_VERSION << '\n';
    return 0;
  }
  std::vector<std::string> rest(arguments.begin() + 1, arguments.end());
  if (arguments[0] == "lint")
    return oosc::cli::runLint(rest, out, err);
  if (arguments[0] == "build")
    return oosc::cli::runBuild(rest, out, err);
  if (arguments[0] == "run")
    return oosc::cli::runRun(rest, out, err);
  if (arguments[0] == "sim")
    return oosc::cli::runSim(rest, out, err);
  if (arguments[0] == "actions")
    return oosc::cli::runActions(rest, out, err);
  if (arguments[0] == "lsp") {
    // JSON-RPC over stdio until the client says exit or closes stdin.
    std::ios::sync_with_stdio(false);
    return oosc::lsp::Server(std::cout).run(std::cin);
  }
  err << "oosc: error: unknown command '" << arguments[0] << "'\n\n" << oosc::cli::kMainHelp;
  return 2;
}
