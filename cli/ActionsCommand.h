//===- ActionsCommand.h - `oosc actions pull` --------------------------------===//
#pragma once

#include <string>
#include <vector>

#include <llvm/Support/raw_ostream.h>

namespace oosc::cli {

extern const char *const kActionsHelp;

/// `oosc actions pull TEMPLATE... [options]`: fetches from OOS the product
/// actions and public templates the templates need, and those they need,
/// into an actions folder. Exit 0; 1 when a definition could not be
/// fetched or written (the others are); 2 for bad usage or no cloud.
int runActions(const std::vector<std::string> &arguments, llvm::raw_ostream &out, llvm::raw_ostream &err);

} // namespace oosc::cli
