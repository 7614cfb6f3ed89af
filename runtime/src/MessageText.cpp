//===- MessageText.cpp ------------------------------------------------------===//
#include "oosc/runtime/MessageText.h"

#include "text/MessageText.h"

namespace oosc::runtime {

std::string quoteCut(std::string_view value) { return text::quoteCut(value); }

} // namespace oosc::runtime
