//===- PredictionCaches.h - ANTLR's learned predictions, bounded per thread -===//
//
// An ANTLR parser learns as it parses: each decision's DFA gains states for
// every new shape of input, and full-context prediction adds to a cache of
// prediction contexts. The generated parsers and lexers keep both in static
// members, shared by every parse of the process and never given back, so a
// language server that checks a new jq script or {{ }} expression on every
// edit grows for as long as it runs (1-4 KB per script of a new shape).
//
// Instead, each thread parses with caches of its own, one set per grammar,
// and starts afresh when they have grown past a bound. A template corpus
// never comes near the bound, so the common case keeps its warm DFA and
// its speed; only a long stream of new shapes pays for relearning, once per
// bound's worth of growth. Thread-local, so no parse ever sees its caches
// replaced under it, and `oosc lint -j` needs no lock.
//
// Only frontend/*.cpp include this (ANTLR types stay in frontend/).
//
//===----------------------------------------------------------------------===//
#pragma once

// The individual headers, not the umbrella antlr4-runtime.h (which clang
// cannot compile with Debian's antlr4 4.9).
#include "Lexer.h"
#include "Parser.h"
#include "atn/ATN.h"
#include "atn/LexerATNSimulator.h"
#include "atn/ParserATNSimulator.h"
#include "atn/PredictionContext.h"
#include "dfa/DFA.h"

#include <cstddef>
#include <memory>
#include <vector>

namespace oosc::frontend {

/// What one grammar's parser (or lexer) has learned on this thread.
class PredictionCaches {
public:
  /// Entries (DFA states and cached contexts) past which the caches are
  /// dropped: 2-5 MB of heap for the jq grammar. Linting the 1,825 corpus
  /// templates on one thread fills about 230 (measured), so real templates
  /// never pay for relearning; a stream of new shapes of jq script refills
  /// it every few thousand edits (tests/lsp/MemoryTest.cpp).
  static constexpr std::size_t kMaxEntries = 5000;

  explicit PredictionCaches(const antlr4::atn::ATN &atn);

  /// DFA states of every decision plus cached prediction contexts.
  std::size_t entries() const;

  std::vector<antlr4::dfa::DFA> decisions;
  antlr4::atn::PredictionContextCache contexts;
};

/// This thread's caches for \p atn's grammar in \p slot, replaced by fresh
/// ones when they hold more than \p maxEntries.
PredictionCaches &refreshed(std::unique_ptr<PredictionCaches> &slot, const antlr4::atn::ATN &atn,
                            std::size_t maxEntries);

/// Makes \p lexer and \p parser (newly made, before any parse) predict
/// with this thread's caches of their grammar instead of the generated
/// classes' static ones. One set per Lexer/Parser pair and thread.
template <class LexerT, class ParserT>
void useThreadCaches(LexerT &lexer, ParserT &parser,
                     std::size_t maxEntries = PredictionCaches::kMaxEntries) {
  thread_local std::unique_ptr<PredictionCaches> lexerCaches, parserCaches;
  PredictionCaches &forLexer = refreshed(lexerCaches, lexer.getATN(), maxEntries);
  PredictionCaches &forParser = refreshed(parserCaches, parser.getATN(), maxEntries);
  // setInterpreter deletes the interpreter it replaces (antlr4 4.9), and the
  // generated destructors delete the one set last.
  lexer.setInterpreter(new antlr4::atn::LexerATNSimulator(&lexer, lexer.getATN(), forLexer.decisions,
                                                          forLexer.contexts));
  parser.setInterpreter(new antlr4::atn::ParserATNSimulator(&parser, parser.getATN(), forParser.decisions,
                                                            forParser.contexts));
}

} // namespace oosc::frontend
