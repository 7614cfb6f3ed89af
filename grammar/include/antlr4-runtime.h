//===- antlr4-runtime.h - What generated lexers and parsers need of ANTLR --===//
//
// The parsers ANTLR generates from grammar/*.g4 include the runtime's
// umbrella header "antlr4-runtime.h". Debian 12's antlr4-runtime 4.9 umbrella
// also includes misc/InterpreterDataReader.h, which clang rejects: its
// InterpreterData() {} calls the implicitly deleted default constructor of
// dfa::Vocabulary (a class with const members), an error g++ only reports
// when the constructor is used. This header has the same name and comes
// first on the grammar libraries' include path (grammar/CMakeLists.txt), so
// the generated code gets the runtime headers it uses and nothing else, and
// builds with g++ and clang alike. frontend/ includes the headers it uses
// itself.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "antlr4-common.h"

#include "ANTLRErrorStrategy.h"
#include "CommonTokenStream.h"
#include "FailedPredicateException.h"
#include "Lexer.h"
#include "NoViableAltException.h"
#include "Parser.h"
#include "ParserRuleContext.h"
#include "Vocabulary.h"
#include "atn/ATN.h"
#include "atn/ATNDeserializer.h"
#include "atn/LexerATNSimulator.h"
#include "atn/ParserATNSimulator.h"
#include "atn/PredictionContext.h"
#include "dfa/DFA.h"
#include "tree/TerminalNode.h"
