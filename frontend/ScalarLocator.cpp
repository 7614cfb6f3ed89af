//===- frontend/ScalarLocator.cpp - Map decoded YAML scalars to source -----===//
///
/// \file
/// Re-scans YAML scalars from their yaml-cpp mark to find their source extent
/// and the source byte behind every decoded byte.
///
/// Design: instead of decoding into a fresh string and comparing afterwards,
/// every scanner streams its output into a DecodedMatcher that compares it
/// with the expected (yaml-cpp decoded) value on the fly. That makes the
/// extent-only query allocation-free, and it lets the plain-scalar scanner
/// resolve what it cannot know from a mark alone (block vs. flow context, the
/// parent indentation that decides whether the next line continues the
/// scalar): a plain scalar ends exactly where the decoded value ends, and the
/// scanner then verifies that a plain scalar may legitimately end there.
///
//===----------------------------------------------------------------------===//

#include "frontend/ScalarLocator.h"

#include <cstddef>
#include <limits>

namespace oosc::frontend {
namespace {

//===----------------------------------------------------------------------===//
// Character classes and line helpers (YAML 1.2 chapter 5)
//===----------------------------------------------------------------------===//

bool isWhite(char C) { return C == ' ' || C == '\t'; }
bool isBreakChar(char C) { return C == '\n' || C == '\r'; }
bool isFlowIndicator(char C) {
  return C == ',' || C == '[' || C == ']' || C == '{' || C == '}';
}

/// Byte at \p P, or NUL past the end (NUL is not a valid YAML character, so
/// it can double as an end-of-input sentinel).
char at(std::string_view S, size_t P) { return P < S.size() ? S[P] : '\0'; }

/// True at end of input, whitespace, or a line break.
bool isBlankOrEnd(std::string_view S, size_t P) {
  return P >= S.size() || isWhite(S[P]) || isBreakChar(S[P]);
}

/// Length of the line break at \p P: 2 for CRLF, 1 for LF or a lone CR, 0 if
/// there is none.
size_t breakLength(std::string_view S, size_t P) {
  char C = at(S, P);
  if (C == '\n')
    return 1;
  if (C == '\r')
    return at(S, P + 1) == '\n' ? 2 : 1;
  return 0;
}

size_t skipWhite(std::string_view S, size_t P) {
  while (P < S.size() && isWhite(S[P]))
    ++P;
  return P;
}

size_t skipSpaces(std::string_view S, size_t P) {
  while (P < S.size() && S[P] == ' ')
    ++P;
  return P;
}

/// Offset of the line break ending the line that contains \p P, or S.size().
size_t lineEnd(std::string_view S, size_t P) {
  while (P < S.size() && !isBreakChar(S[P]))
    ++P;
  return P;
}

/// Offset of the line break ending the line after the one that \p Break ends.
size_t nextLineBreak(std::string_view S, size_t Break) {
  return lineEnd(S, Break + breakLength(S, Break));
}

int hexValue(char C) {
  if (C >= '0' && C <= '9')
    return C - '0';
  if (C >= 'a' && C <= 'f')
    return C - 'a' + 10;
  if (C >= 'A' && C <= 'F')
    return C - 'A' + 10;
  return -1;
}

//===----------------------------------------------------------------------===//
// DecodedMatcher
//===----------------------------------------------------------------------===//

/// Compares the bytes a scanner decodes with the expected decoded value and,
/// when asked, records the source offset of each one.
class DecodedMatcher {
public:
  DecodedMatcher(std::string_view Expected, std::vector<uint32_t> *Offsets)
      : Expected(Expected), Offsets(Offsets) {}

  /// Consumes one decoded byte produced by source offset \p From; false on a
  /// mismatch or when the expected value is already exhausted.
  bool emit(char C, size_t From) {
    if (!nextIs(C))
      return false;
    if (Offsets)
      Offsets->push_back(static_cast<uint32_t>(From));
    ++Next;
    return true;
  }

  /// Consumes the UTF-8 encoding of \p CodePoint, all bytes mapping to
  /// \p From (the escape's backslash).
  bool emitCodePoint(uint32_t CodePoint, size_t From) {
    if (CodePoint > 0x10FFFF || (CodePoint >= 0xD800 && CodePoint <= 0xDFFF))
      return false;
    char Bytes[4];
    size_t Len;
    if (CodePoint < 0x80) {
      Bytes[0] = static_cast<char>(CodePoint);
      Len = 1;
    } else if (CodePoint < 0x800) {
      Bytes[0] = static_cast<char>(0xC0 | (CodePoint >> 6));
      Bytes[1] = static_cast<char>(0x80 | (CodePoint & 0x3F));
      Len = 2;
    } else if (CodePoint < 0x10000) {
      Bytes[0] = static_cast<char>(0xE0 | (CodePoint >> 12));
      Bytes[1] = static_cast<char>(0x80 | ((CodePoint >> 6) & 0x3F));
      Bytes[2] = static_cast<char>(0x80 | (CodePoint & 0x3F));
      Len = 3;
    } else {
      Bytes[0] = static_cast<char>(0xF0 | (CodePoint >> 18));
      Bytes[1] = static_cast<char>(0x80 | ((CodePoint >> 12) & 0x3F));
      Bytes[2] = static_cast<char>(0x80 | ((CodePoint >> 6) & 0x3F));
      Bytes[3] = static_cast<char>(0x80 | (CodePoint & 0x3F));
      Len = 4;
    }
    for (size_t I = 0; I < Len; ++I)
      if (!emit(Bytes[I], From))
        return false;
    return true;
  }

  bool nextIs(char C) const {
    return Next < Expected.size() && Expected[Next] == C;
  }
  bool finished() const { return Next == Expected.size(); }
  /// Number of decoded bytes consumed so far.
  size_t consumed() const { return Next; }
  /// Number of expected bytes not consumed yet.
  size_t remaining() const { return Expected.size() - Next; }
  /// Remembers that an escape sequence ended here (see closingFoldNewlines).
  void markEscapeEnd() { EscapeEnd = Next; }
  /// Decoded length right after the last escape, or npos if none.
  size_t escapeEnd() const { return EscapeEnd; }
  /// Index of the last consumed byte that is not a newline, or npos.
  size_t lastNonNewline() const {
    for (size_t I = Next; I > 0; --I)
      if (Expected[I - 1] != '\n')
        return I - 1;
    return std::string_view::npos;
  }

private:
  std::string_view Expected;
  std::vector<uint32_t> *Offsets;
  size_t Next = 0;
  size_t EscapeEnd = std::string_view::npos;
};

//===----------------------------------------------------------------------===//
// Line folding shared by plain and quoted (flow) scalars (YAML 1.2 §6.5)
//===----------------------------------------------------------------------===//

/// A run of line breaks inside a flow or plain scalar, together with the
/// whitespace-only lines it spans.
struct LineFold {
  size_t FirstBreak = 0; ///< The break ending the last content line.
  size_t Breaks = 0;     ///< 1 + number of empty lines.
  size_t Next = 0;       ///< First non-white byte after the run (or S.size()).
};

/// Measures the fold starting at the line break \p Break. Leading whitespace
/// of every following line is skipped: it is never content in flow folding.
LineFold scanLineFold(std::string_view S, size_t Break) {
  LineFold Fold;
  Fold.FirstBreak = Break;
  size_t P = Break;
  while (size_t Len = breakLength(S, P)) {
    ++Fold.Breaks;
    P = skipWhite(S, P + Len);
  }
  Fold.Next = P;
  return Fold;
}

/// Emits one newline per break with index in [From, Count) of the run that
/// starts at \p FirstBreak; each newline maps to its own break.
bool emitBreaks(std::string_view S, size_t FirstBreak, size_t From,
                size_t Count, DecodedMatcher &Matcher) {
  size_t Break = FirstBreak;
  for (size_t I = 0; I < Count; ++I) {
    if (I >= From && !Matcher.emit('\n', Break))
      return false;
    if (I + 1 < Count)
      Break = nextLineBreak(S, Break);
  }
  return true;
}

/// Applies flow folding: a single break becomes a space, otherwise the first
/// break is dropped and every empty line contributes a newline.
bool emitFold(std::string_view S, const LineFold &Fold,
              DecodedMatcher &Matcher) {
  if (Fold.Breaks == 1)
    return Matcher.emit(' ', Fold.FirstBreak);
  return emitBreaks(S, Fold.FirstBreak, 1, Fold.Breaks, Matcher);
}

/// Whether \p P holds the quote that closes a scalar quoted with \p Quote
/// (in single quotes, `''` is an escaped quote instead).
bool isClosingQuote(std::string_view S, size_t P, char Quote) {
  return at(S, P) == Quote && (Quote == '"' || at(S, P + 1) != '\'');
}

/// Number of newlines to emit for a fold that runs right into the closing
/// quote, where the YAML 1.2 spec emits \p SpecNewlines. yaml-cpp 0.7 clips
/// such trailing newlines like a `|` block scalar: it keeps at most one
/// newline after the last byte that is neither an unescaped newline nor
/// produced by an escape, and none at all if there is no such byte. Both
/// readings are accepted so the locator works with either kind of parser;
/// the expected value decides. Returns npos when neither fits.
size_t closingFoldNewlines(const DecodedMatcher &Matcher, size_t SpecNewlines) {
  size_t Want = Matcher.remaining();
  if (Want == SpecNewlines)
    return Want;
  size_t Keep = Matcher.lastNonNewline();
  size_t EscapeEnd = Matcher.escapeEnd();
  if (EscapeEnd != std::string_view::npos &&
      (Keep == std::string_view::npos || Keep < EscapeEnd))
    Keep = EscapeEnd;
  size_t Clipped = 0;
  if (Keep != std::string_view::npos) {
    size_t Limit = Keep + 2; // The kept byte plus one newline.
    size_t Consumed = Matcher.consumed();
    Clipped = Limit > Consumed ? Limit - Consumed : 0;
    if (Clipped > SpecNewlines)
      Clipped = SpecNewlines;
  }
  return Want == Clipped ? Want : std::string_view::npos;
}

/// Emits the newlines of a quoted scalar's fold (or escaped line break) that
/// holds \p Breaks breaks starting at \p FirstBreak: one per empty line,
/// fewer if it ends the scalar and the expected value was clipped.
bool emitQuotedNewlines(std::string_view S, size_t FirstBreak, size_t Breaks,
                        bool EndsScalar, DecodedMatcher &Matcher) {
  size_t Newlines = Breaks - 1;
  if (EndsScalar) {
    Newlines = closingFoldNewlines(Matcher, Newlines);
    if (Newlines == std::string_view::npos)
      return false;
  }
  return emitBreaks(S, FirstBreak, 1, 1 + Newlines, Matcher);
}

/// Handles whitespace at \p P inside a scalar quoted with \p Quote: inner
/// whitespace is content, whitespace before a line break is stripped and the
/// break folded. Advances \p P; false on mismatch or an unterminated scalar.
bool scanQuotedWhitespace(std::string_view S, size_t &P, char Quote,
                          DecodedMatcher &Matcher) {
  size_t NonWhite = skipWhite(S, P);
  if (NonWhite >= S.size())
    return false;
  if (!isBreakChar(S[NonWhite])) {
    for (; P < NonWhite; ++P)
      if (!Matcher.emit(S[P], P))
        return false;
    return true;
  }
  LineFold Fold = scanLineFold(S, NonWhite);
  if (Fold.Next >= S.size())
    return false;
  bool Ok = Fold.Breaks == 1
                ? Matcher.emit(' ', Fold.FirstBreak)
                : emitQuotedNewlines(S, Fold.FirstBreak, Fold.Breaks,
                                     isClosingQuote(S, Fold.Next, Quote),
                                     Matcher);
  P = Fold.Next;
  return Ok;
}

//===----------------------------------------------------------------------===//
// Plain scalars (YAML 1.2 §7.3.3)
//===----------------------------------------------------------------------===//

/// Whether a plain scalar may end at \p P: what follows must be a comment, a
/// line end, a mapping-value indicator or a flow collection delimiter.
bool isPlainTerminator(std::string_view S, size_t P) {
  size_t Q = skipWhite(S, P);
  if (Q >= S.size() || isBreakChar(S[Q]))
    return true;
  char C = S[Q];
  if (C == '#')
    return Q > P; // '#' directly after content is part of the scalar.
  if (C == ':')
    return isBlankOrEnd(S, Q + 1) || isFlowIndicator(at(S, Q + 1));
  return C == ',' || C == ']' || C == '}';
}

/// Scans a plain scalar guided by the decoded value: the scalar continues
/// (across spaces, flow indicators, or onto the next line) exactly as long as
/// the decoded value does, since neither the flow/block context nor the
/// parent indentation is known here. Returns the end offset.
std::optional<size_t> scanPlain(std::string_view S, size_t Begin,
                                DecodedMatcher &Matcher) {
  size_t P = Begin;
  while (!Matcher.finished()) {
    if (P >= S.size())
      return std::nullopt;
    char C = S[P];
    if (isWhite(C)) {
      size_t NonWhite = skipWhite(S, P);
      if (NonWhite >= S.size() || S[NonWhite] == '#')
        return std::nullopt; // Trailing whitespace or a comment ends it.
      if (isBreakChar(S[NonWhite])) {
        P = NonWhite; // Whitespace before a break is never content.
        continue;
      }
      for (; P < NonWhite; ++P)
        if (!Matcher.emit(S[P], P))
          return std::nullopt;
      continue;
    }
    if (isBreakChar(C)) {
      LineFold Fold = scanLineFold(S, P);
      // A comment line always ends a plain scalar.
      if (Fold.Next >= S.size() || S[Fold.Next] == '#' ||
          !emitFold(S, Fold, Matcher))
        return std::nullopt;
      P = Fold.Next;
      continue;
    }
    if (C == ':' && isBlankOrEnd(S, P + 1))
      return std::nullopt; // A mapping value indicator ends the scalar.
    if (!Matcher.emit(C, P))
      return std::nullopt;
    ++P;
  }
  if (!isPlainTerminator(S, P))
    return std::nullopt;
  return P;
}

//===----------------------------------------------------------------------===//
// Quoted scalars (YAML 1.2 §7.3.1, §7.3.2)
//===----------------------------------------------------------------------===//

/// Scans a single-quoted scalar from its opening quote; returns the offset
/// after the closing quote.
std::optional<size_t> scanSingleQuoted(std::string_view S, size_t Begin,
                                       DecodedMatcher &Matcher) {
  size_t P = Begin + 1;
  while (P < S.size()) {
    char C = S[P];
    if (C == '\'') {
      if (at(S, P + 1) != '\'')
        return P + 1;
      if (!Matcher.emit('\'', P)) // '' is the only escape.
        return std::nullopt;
      Matcher.markEscapeEnd();
      P += 2;
      continue;
    }
    if (isWhite(C) || isBreakChar(C)) {
      if (!scanQuotedWhitespace(S, P, '\'', Matcher))
        return std::nullopt;
      continue;
    }
    if (!Matcher.emit(C, P))
      return std::nullopt;
    ++P;
  }
  return std::nullopt; // Unterminated.
}

/// Decodes the \p Digits hex digits after an escape letter at \p P.
std::optional<uint32_t> parseHexEscape(std::string_view S, size_t P,
                                       size_t Digits) {
  uint32_t Value = 0;
  for (size_t I = 0; I < Digits; ++I) {
    int Digit = hexValue(at(S, P + I));
    if (Digit < 0)
      return std::nullopt;
    Value = Value * 16 + static_cast<uint32_t>(Digit);
  }
  return Value;
}

/// Maps a one-letter escape to the byte it stands for, or -1.
int simpleEscape(char Letter) {
  switch (Letter) {
  case '0': return 0x00;
  case 'a': return 0x07;
  case 'b': return 0x08;
  case 't':
  case '\t': return 0x09;
  case 'n': return 0x0A;
  case 'v': return 0x0B;
  case 'f': return 0x0C;
  case 'r': return 0x0D;
  case 'e': return 0x1B;
  case ' ': return ' ';
  case '"': return '"';
  case '/': return '/';
  case '\\': return '\\';
  case '\'': return '\''; // Not YAML 1.2, but yaml-cpp accepts it.
  default: return -1;
  }
}

/// Handles an escape other than an escaped line break at \p P (the
/// backslash) and advances \p P past it; all its bytes map to the backslash.
bool emitEscapedText(std::string_view S, size_t &P, DecodedMatcher &Matcher) {
  size_t Slash = P;
  char Letter = at(S, P + 1);
  if (int Byte = simpleEscape(Letter); Byte >= 0) {
    P += 2;
    return Matcher.emit(static_cast<char>(Byte), Slash);
  }
  size_t Digits = 0;
  uint32_t CodePoint = 0;
  switch (Letter) {
  case 'N': CodePoint = 0x85; break;
  case '_': CodePoint = 0xA0; break;
  case 'L': CodePoint = 0x2028; break;
  case 'P': CodePoint = 0x2029; break;
  case 'x': Digits = 2; break;
  case 'u': Digits = 4; break;
  case 'U': Digits = 8; break;
  default: return false;
  }
  if (Digits) {
    std::optional<uint32_t> Value = parseHexEscape(S, P + 2, Digits);
    if (!Value)
      return false;
    CodePoint = *Value;
  }
  P += 2 + Digits;
  // yaml-cpp 0.7 emits \N and \_ as the single Latin-1 byte instead of UTF-8;
  // accept that form too so such strings still locate.
  if ((Letter == 'N' || Letter == '_') &&
      Matcher.nextIs(static_cast<char>(CodePoint)))
    return Matcher.emit(static_cast<char>(CodePoint), Slash);
  return Matcher.emitCodePoint(CodePoint, Slash);
}

/// Handles the escape whose backslash is at \p P and advances \p P past it.
bool scanEscape(std::string_view S, size_t &P, DecodedMatcher &Matcher) {
  if (isBreakChar(at(S, P + 1))) {
    // Escaped line break: the break vanishes, empty lines still count, and
    // the next line's indentation is skipped.
    LineFold Fold = scanLineFold(S, P + 1);
    if (Fold.Next >= S.size())
      return false;
    Matcher.markEscapeEnd();
    P = Fold.Next;
    return emitQuotedNewlines(S, Fold.FirstBreak, Fold.Breaks,
                              isClosingQuote(S, Fold.Next, '"'), Matcher);
  }
  bool Ok = emitEscapedText(S, P, Matcher);
  Matcher.markEscapeEnd();
  return Ok;
}

/// Scans a double-quoted scalar (this includes every JSON string) from its
/// opening quote; returns the offset after the closing quote.
std::optional<size_t> scanDoubleQuoted(std::string_view S, size_t Begin,
                                       DecodedMatcher &Matcher) {
  size_t P = Begin + 1;
  while (P < S.size()) {
    char C = S[P];
    if (C == '"')
      return P + 1;
    bool Ok;
    if (C == '\\')
      Ok = scanEscape(S, P, Matcher);
    else if (isWhite(C) || isBreakChar(C))
      Ok = scanQuotedWhitespace(S, P, '"', Matcher);
    else
      Ok = Matcher.emit(C, P++);
    if (!Ok)
      return std::nullopt;
  }
  return std::nullopt; // Unterminated.
}

//===----------------------------------------------------------------------===//
// Block scalars (YAML 1.2 §8.1)
//===----------------------------------------------------------------------===//

enum class Chomping { Strip, Clip, Keep };

struct BlockHeader {
  bool Folded = false;
  Chomping Chomp = Chomping::Clip;
  unsigned ExplicitIndent = 0; ///< 0 when auto-detected.
  size_t IndicatorEnd = 0;     ///< After `|`/`>` and its indicators.
  size_t ContentStart = 0;     ///< First byte of the line after the header.
};

/// Parses `|` or `>`, the indentation and chomping indicators (either order),
/// and an optional comment up to the end of the header line.
std::optional<BlockHeader> parseBlockHeader(std::string_view S, size_t Begin) {
  BlockHeader Header;
  Header.Folded = S[Begin] == '>';
  size_t P = Begin + 1;
  bool SawChomp = false;
  for (int I = 0; I < 2; ++I) {
    char C = at(S, P);
    if (C >= '1' && C <= '9' && !Header.ExplicitIndent) {
      Header.ExplicitIndent = static_cast<unsigned>(C - '0');
    } else if ((C == '-' || C == '+') && !SawChomp) {
      Header.Chomp = C == '-' ? Chomping::Strip : Chomping::Keep;
      SawChomp = true;
    } else {
      break;
    }
    ++P;
  }
  Header.IndicatorEnd = P;
  size_t Q = skipWhite(S, P);
  if (Q > P && at(S, Q) == '#')
    Q = lineEnd(S, Q);
  if (Q < S.size() && !isBreakChar(S[Q]))
    return std::nullopt;
  Header.ContentStart = Q + breakLength(S, Q);
  return Header;
}

/// Content indentation meaning "no line is content": every space-only line
/// is an empty line and the first other line ends the scalar.
constexpr size_t NoTextIndent = std::numeric_limits<size_t>::max();

/// Determines the content indentation of a block scalar. The parent
/// indentation that an explicit indicator is relative to is unknown here, so
/// it is inferred from the decoded value: the first text line keeps exactly
/// (its indentation - content indentation) leading spaces.
std::optional<size_t> blockContentIndent(std::string_view S,
                                         const BlockHeader &Header,
                                         std::string_view Decoded) {
  // Without any text byte the scalar has no text lines: the first
  // non-empty line belongs to the parent (e.g. `key: |` then `next: 1`).
  if (Decoded.find_first_not_of('\n') == std::string_view::npos)
    return NoTextIndent;
  size_t LineStart = Header.ContentStart;
  size_t EmptyLines = 0;
  while (LineStart < S.size()) {
    size_t TextStart = skipSpaces(S, LineStart);
    if (TextStart < S.size() && !isBreakChar(S[TextStart])) {
      size_t Indent = TextStart - LineStart;
      if (!Header.ExplicitIndent)
        return Indent;
      // Leading empty lines decode to one newline each.
      size_t DecodedLine = 0;
      for (size_t I = 0; I < EmptyLines; ++I) {
        DecodedLine = Decoded.find('\n', DecodedLine);
        if (DecodedLine == std::string_view::npos)
          return std::nullopt;
        ++DecodedLine;
      }
      size_t Kept = Decoded.find_first_not_of(' ', DecodedLine);
      Kept = (Kept == std::string_view::npos ? Decoded.size() : Kept) -
             DecodedLine;
      if (Kept > Indent)
        return std::nullopt;
      return Indent - Kept;
    }
    if (TextStart >= S.size())
      break;
    ++EmptyLines;
    LineStart = TextStart + breakLength(S, TextStart);
  }
  return std::nullopt; // Decoded text but no text line in the source.
}

/// A `---` or `...` marker at \p LineStart ends any block scalar.
bool isDocumentMarker(std::string_view S, size_t LineStart) {
  std::string_view Rest = S.substr(LineStart, 3);
  return (Rest == "---" || Rest == "...") && isBlankOrEnd(S, LineStart + 3);
}

/// Line breaks seen since the last text line (its own break first, then one
/// per empty line), not yet emitted because chomping or folding decides.
struct PendingBreaks {
  size_t First = 0;
  size_t Count = 0;
};

/// Number of final line breaks a block scalar keeps under its chomping
/// indicator, given the \p Pending breaks after the last text line.
/// \p SawText: there is a text line; \p LastSpaced: the last one is more
/// indented. Returns npos if the expected value fits no reading.
size_t finalNewlines(const BlockHeader &Header, const PendingBreaks &Pending,
                     bool SawText, bool LastSpaced,
                     const DecodedMatcher &Matcher) {
  switch (Header.Chomp) {
  case Chomping::Strip:
    return 0;
  case Chomping::Clip:
    // Only the last text line's own break survives (Pending starts with it).
    return SawText && Pending.Count ? 1 : 0;
  case Chomping::Keep:
    break;
  }
  size_t Want = Matcher.remaining();
  if (Want == Pending.Count)
    return Want;
  // yaml-cpp 0.7 loses one trailing empty line of a kept folded scalar whose
  // last text line is not more indented (`>+` then `a`, ``: "a\n", not
  // "a\n\n"); accept that reading as well.
  if (Header.Folded && SawText && !LastSpaced && Pending.Count >= 2 &&
      Want == Pending.Count - 1)
    return Want;
  return std::string_view::npos;
}

/// Scans a literal or folded block scalar from its indicator; returns the
/// offset after its last content character.
std::optional<size_t> scanBlock(std::string_view S, size_t Begin,
                                std::string_view Decoded,
                                DecodedMatcher &Matcher) {
  std::optional<BlockHeader> Header = parseBlockHeader(S, Begin);
  if (!Header)
    return std::nullopt;
  std::optional<size_t> Indent = blockContentIndent(S, *Header, Decoded);
  if (!Indent)
    return std::nullopt;

  size_t End = Header->IndicatorEnd;
  PendingBreaks Pending;
  bool SawText = false;
  bool PrevSpaced = false;
  size_t LineStart = Header->ContentStart;
  while (LineStart < S.size() && !isDocumentMarker(S, LineStart)) {
    size_t TextStart = skipSpaces(S, LineStart);
    size_t LineEnd = lineEnd(S, TextStart);
    size_t Spaces = TextStart - LineStart;
    bool SpacesOnly = TextStart == LineEnd;
    if (SpacesOnly ? Spaces <= *Indent : Spaces < *Indent) {
      if (!SpacesOnly || LineEnd >= S.size())
        break; // Less indented text ends the scalar.
      if (!Pending.Count++)
        Pending.First = LineEnd;
      LineStart = LineEnd + breakLength(S, LineEnd);
      continue;
    }

    // A text line; lines starting with whitespace are never folded.
    size_t ContentStart = LineStart + *Indent;
    bool Spaced = isWhite(S[ContentStart]);
    bool Ok;
    if (Header->Folded && SawText && !PrevSpaced && !Spaced)
      Ok = Pending.Count == 1
               ? Matcher.emit(' ', Pending.First)
               : emitBreaks(S, Pending.First, 1, Pending.Count, Matcher);
    else
      Ok = emitBreaks(S, Pending.First, 0, Pending.Count, Matcher);
    for (size_t P = ContentStart; Ok && P < LineEnd; ++P)
      Ok = Matcher.emit(S[P], P);
    if (!Ok)
      return std::nullopt;

    End = LineEnd;
    SawText = true;
    PrevSpaced = Spaced;
    Pending = PendingBreaks{LineEnd, LineEnd < S.size() ? 1u : 0u};
    LineStart = LineEnd + breakLength(S, LineEnd);
  }

  size_t Final =
      finalNewlines(*Header, Pending, SawText, PrevSpaced, Matcher);
  if (Final == std::string_view::npos ||
      !emitBreaks(S, Pending.First, 0, Final, Matcher))
    return std::nullopt;
  return End;
}

//===----------------------------------------------------------------------===//
// Node properties and dispatch
//===----------------------------------------------------------------------===//

/// Skips separation between a node property and its content: whitespace,
/// comments and line breaks.
size_t skipSeparation(std::string_view S, size_t P) {
  while (true) {
    size_t Q = skipWhite(S, P);
    if (at(S, Q) == '#' && Q > P)
      Q = lineEnd(S, Q);
    size_t Len = breakLength(S, Q);
    if (!Len)
      return Q;
    P = Q + Len;
  }
}

/// Skips the anchor and/or tag that yaml-cpp's mark may point at; sets
/// \p AfterProps to the byte after the last property. Returns the offset
/// of the scalar content.
std::optional<size_t> skipProperties(std::string_view S, size_t P,
                                     size_t &AfterProps) {
  while (P < S.size() && (S[P] == '&' || S[P] == '!')) {
    if (S[P] == '!' && at(S, P + 1) == '<') { // Verbatim tag `!<uri>`.
      size_t Close = S.find('>', P + 2);
      if (Close == std::string_view::npos)
        return std::nullopt;
      P = Close + 1;
    } else { // Anchor or tag shorthand: up to a blank or flow indicator.
      ++P;
      while (!isBlankOrEnd(S, P) && !isFlowIndicator(S[P]))
        ++P;
    }
    AfterProps = P;
    P = skipSeparation(S, P);
  }
  return P;
}

/// Scans the scalar whose content starts at \p Begin; style by first byte.
std::optional<size_t> scanScalar(std::string_view S, size_t Begin,
                                 std::string_view Decoded,
                                 DecodedMatcher &Matcher) {
  std::optional<size_t> End;
  switch (at(S, Begin)) {
  case '\'':
    End = scanSingleQuoted(S, Begin, Matcher);
    break;
  case '"':
    End = scanDoubleQuoted(S, Begin, Matcher);
    break;
  case '|':
  case '>':
    End = scanBlock(S, Begin, Decoded, Matcher);
    break;
  default:
    if (Decoded.empty()) // A plain scalar is never empty.
      return std::nullopt;
    End = scanPlain(S, Begin, Matcher);
    break;
  }
  if (!End || !Matcher.finished())
    return std::nullopt;
  return End;
}

/// Shared implementation; records offsets when \p Offsets is non-null.
std::optional<std::pair<uint32_t, uint32_t>>
locate(std::string_view S, uint32_t MarkPos, std::string_view Decoded,
       std::vector<uint32_t> *Offsets) {
  if (S.size() > std::numeric_limits<uint32_t>::max() || MarkPos >= S.size())
    return std::nullopt;
  size_t Begin = MarkPos;
  size_t AfterProps = MarkPos;
  bool HasProps = S[Begin] == '&' || S[Begin] == '!';
  if (HasProps) {
    std::optional<size_t> Content = skipProperties(S, Begin, AfterProps);
    if (!Content)
      return std::nullopt;
    Begin = *Content;
  }
  DecodedMatcher Matcher(Decoded, Offsets);
  if (std::optional<size_t> End = scanScalar(S, Begin, Decoded, Matcher))
    return std::make_pair(static_cast<uint32_t>(Begin),
                          static_cast<uint32_t>(*End));
  // A tagged or anchored empty node (`key: !!str`) has no scalar text at all.
  if (HasProps && Decoded.empty()) {
    if (Offsets)
      Offsets->clear();
    return std::make_pair(static_cast<uint32_t>(AfterProps),
                          static_cast<uint32_t>(AfterProps));
  }
  return std::nullopt;
}

} // namespace

std::optional<ScalarSpan> locateScalar(std::string_view source,
                                       uint32_t markPos,
                                       std::string_view decoded) {
  ScalarSpan Span;
  Span.offsets.reserve(decoded.size());
  auto Extent = locate(source, markPos, decoded, &Span.offsets);
  if (!Extent)
    return std::nullopt;
  Span.begin = Extent->first;
  Span.end = Extent->second;
  return Span;
}

std::optional<std::pair<uint32_t, uint32_t>>
locateScalarExtent(std::string_view source, uint32_t markPos,
                   std::string_view decoded) {
  return locate(source, markPos, decoded, nullptr);
}

} // namespace oosc::frontend
