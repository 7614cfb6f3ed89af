//===- PredictionCaches.cpp -------------------------------------------------===//
#include "frontend/PredictionCaches.h"

namespace oosc::frontend {

PredictionCaches::PredictionCaches(const antlr4::atn::ATN &atn) {
  size_t count = atn.getNumberOfDecisions();
  decisions.reserve(count);
  for (size_t i = 0; i < count; ++i)
    decisions.emplace_back(atn.getDecisionState(i), i);
}

std::size_t PredictionCaches::entries() const {
  std::size_t total = contexts.size();
  for (const antlr4::dfa::DFA &dfa : decisions)
    total += dfa.states.size();
  return total;
}

PredictionCaches &refreshed(std::unique_ptr<PredictionCaches> &slot, const antlr4::atn::ATN &atn,
                            std::size_t maxEntries) {
  if (!slot || slot->entries() > maxEntries)
    slot = std::make_unique<PredictionCaches>(atn);
  return *slot;
}

} // namespace oosc::frontend
