//===- Mutant.cpp -----------------------------------------------------------===//
#include "Mutant.h"

#include <algorithm>

namespace oosc::mutation {

TemplateFacts::TemplateFacts(const SourceFile &file, const ir::Template &tmpl)
    : file(file), tmpl(tmpl), symbols(tmpl), references(analysis::collectReferences(tmpl)),
      flow(analysis::flowGraph(tmpl, symbols)) {}

bool isCounted(std::string_view kind) {
  return std::find(std::begin(kKindsNotYetCounted), std::end(kKindsNotYetCounted), kind) ==
         std::end(kKindsNotYetCounted);
}

} // namespace oosc::mutation
