//===- Mutant.cpp -----------------------------------------------------------===//
#include "Mutant.h"

#include <algorithm>

namespace oosc::mutation {

TemplateFacts::TemplateFacts(const SourceFile &file, const ir::Template &tmpl)
    : file(file), tmpl(tmpl), symbols(tmpl), references(analysis::collectReferences(tmpl)),
      flow(analysis::flowGraph(tmpl, symbols)) {}

bool isCounted(std::string_view kind) {
  return std::find(kKindsNotYetCounted.begin(), kKindsNotYetCounted.end(), kind) ==
         kKindsNotYetCounted.end();
}

} // namespace oosc::mutation
