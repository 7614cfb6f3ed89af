//===- Template.cpp ---------------------------------------------------------===//
#include "ir/Template.h"

#include "support/Spelling.h"

namespace oosc::ir {

bool Task::isChoice() const { return equalsIgnoreCase(action, "ACS::Choice"); }

} // namespace oosc::ir
