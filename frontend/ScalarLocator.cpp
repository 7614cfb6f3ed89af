//===- ScalarLocator.cpp - Map decoded YAML scalars back to source bytes --===//
//
// Re-scans YAML scalars from their yaml-cpp mark to find their source extent
// and the source byte behind every decoded byte.
//
// Design: instead of decoding into a fresh string and comparing afterwards,
// every scanner streams its output into a DecodedMatcher that compares it
// with the expected (yaml-cpp decoded) value on the fly. That makes the
// extent-only query allocation-free, and it lets the plain-scalar scanner
// resolve what it cannot know from a mark alone (block vs. flow context, the
// parent indentation that decides whether the next line continues the
// scalar): a plain scalar ends exactly where the decoded value ends, and the
// scanner then verifies that a plain scalar may legitimately end there.
//
// Where yaml-cpp 0.7 decodes differently from YAML 1.2 (trailing folds in
// quoted scalars, kept folded block scalars, \N and \_), both readings are
// accepted and the expected value decides; see the comments at each place.
//
//===----------------------------------------------------------------------===//

#include "frontend/ScalarLocator.h"

#include <cstddef>
#include <limits>

namespace oosc::frontend {
namespace {

//===----------------------------------------------------------------------===//
// Character classes and line helpers (YAML 1.2 chapter 5)
//===----------------------------------------------------------------------===//

bool isWhite(char c) { return c == ' ' || c == '\t'; }
bool isBreakChar(char c) { return c == '\n' || c == '\r'; }
bool isFlowIndicator(char c) {
  return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

/// Byte at \p pos, or NUL past the end (NUL is not a valid YAML character, so
/// it can double as an end-of-input sentinel).
char at(std::string_view src, size_t pos) {
  return pos < src.size() ? src[pos] : '\0';
}

/// True at end of input, whitespace, or a line break.
bool isBlankOrEnd(std::string_view src, size_t pos) {
  return pos >= src.size() || isWhite(src[pos]) || isBreakChar(src[pos]);
}

/// Length of the line break at \p pos: 2 for CRLF, 1 for LF or a lone CR, 0 if
/// there is none.
size_t breakLength(std::string_view src, size_t pos) {
  char c = at(src, pos);
  if (c == '\n')
    return 1;
  if (c == '\r')
    return at(src, pos + 1) == '\n' ? 2 : 1;
  return 0;
}

size_t skipWhite(std::string_view src, size_t pos) {
  while (pos < src.size() && isWhite(src[pos]))
    ++pos;
  return pos;
}

size_t skipSpaces(std::string_view src, size_t pos) {
  while (pos < src.size() && src[pos] == ' ')
    ++pos;
  return pos;
}

/// Offset of the line break ending the line that contains \p pos, or
/// src.size().
size_t lineEnd(std::string_view src, size_t pos) {
  while (pos < src.size() && !isBreakChar(src[pos]))
    ++pos;
  return pos;
}

/// Offset of the line break ending the line after the one that \p breakPos
/// ends.
size_t nextLineBreak(std::string_view src, size_t breakPos) {
  return lineEnd(src, breakPos + breakLength(src, breakPos));
}

int hexValue(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

//===----------------------------------------------------------------------===//
// DecodedMatcher
//===----------------------------------------------------------------------===//

/// Compares the bytes a scanner decodes with the expected decoded value and,
/// when asked, records the source offset of each one.
class DecodedMatcher {
public:
  DecodedMatcher(std::string_view expected, std::vector<uint32_t> *offsets)
      : expected_(expected), offsets_(offsets) {}

  /// Consumes one decoded byte produced by source offset \p from; false on a
  /// mismatch or when the expected value is already exhausted.
  bool emit(char c, size_t from) {
    if (!nextIs(c))
      return false;
    if (offsets_)
      offsets_->push_back(static_cast<uint32_t>(from));
    ++next_;
    return true;
  }

  /// Consumes the UTF-8 encoding of \p codePoint, all bytes mapping to
  /// \p from (the escape's backslash).
  bool emitCodePoint(uint32_t codePoint, size_t from) {
    if (codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
      return false;
    char bytes[4];
    size_t len;
    if (codePoint < 0x80) {
      bytes[0] = static_cast<char>(codePoint);
      len = 1;
    } else if (codePoint < 0x800) {
      bytes[0] = static_cast<char>(0xC0 | (codePoint >> 6));
      bytes[1] = static_cast<char>(0x80 | (codePoint & 0x3F));
      len = 2;
    } else if (codePoint < 0x10000) {
      bytes[0] = static_cast<char>(0xE0 | (codePoint >> 12));
      bytes[1] = static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
      bytes[2] = static_cast<char>(0x80 | (codePoint & 0x3F));
      len = 3;
    } else {
      bytes[0] = static_cast<char>(0xF0 | (codePoint >> 18));
      bytes[1] = static_cast<char>(0x80 | ((codePoint >> 12) & 0x3F));
      bytes[2] = static_cast<char>(0x80 | ((codePoint >> 6) & 0x3F));
      bytes[3] = static_cast<char>(0x80 | (codePoint & 0x3F));
      len = 4;
    }
    for (size_t i = 0; i < len; ++i)
      if (!emit(bytes[i], from))
        return false;
    return true;
  }

  bool nextIs(char c) const {
    return next_ < expected_.size() && expected_[next_] == c;
  }
  bool finished() const { return next_ == expected_.size(); }
  /// Number of decoded bytes consumed so far.
  size_t consumed() const { return next_; }
  /// Number of expected bytes not consumed yet.
  size_t remaining() const { return expected_.size() - next_; }
  /// Remembers that an escape sequence ended here (see closingFoldNewlines).
  void markEscapeEnd() { lastEscapeEnd_ = next_; }
  /// Decoded length right after the last escape, or npos if none.
  size_t escapeEnd() const { return lastEscapeEnd_; }
  /// Index of the last consumed byte that is not a newline, or npos.
  size_t lastNonNewline() const {
    for (size_t i = next_; i > 0; --i)
      if (expected_[i - 1] != '\n')
        return i - 1;
    return std::string_view::npos;
  }

private:
  std::string_view expected_;
  std::vector<uint32_t> *offsets_;
  size_t next_ = 0;
  size_t lastEscapeEnd_ = std::string_view::npos;
};

//===----------------------------------------------------------------------===//
// Line folding shared by plain and quoted (flow) scalars (YAML 1.2 §6.5)
//===----------------------------------------------------------------------===//

/// A run of line breaks inside a flow or plain scalar, together with the
/// whitespace-only lines it spans.
struct LineFold {
  size_t firstBreak = 0; ///< The break ending the last content line.
  size_t breaks = 0;     ///< 1 + number of empty lines.
  size_t next = 0; ///< First non-white byte after the run (or src.size()).
};

/// Measures the fold starting at the line break \p breakPos. Leading whitespace
/// of every following line is skipped: it is never content in flow folding.
LineFold scanLineFold(std::string_view src, size_t breakPos) {
  LineFold fold;
  fold.firstBreak = breakPos;
  size_t pos = breakPos;
  while (size_t len = breakLength(src, pos)) {
    ++fold.breaks;
    pos = skipWhite(src, pos + len);
  }
  fold.next = pos;
  return fold;
}

/// Emits one newline per break with index in [from, count) of the run that
/// starts at \p firstBreak; each newline maps to its own break.
bool emitBreaks(std::string_view src, size_t firstBreak, size_t from,
                size_t count, DecodedMatcher &matcher) {
  size_t breakPos = firstBreak;
  for (size_t i = 0; i < count; ++i) {
    if (i >= from && !matcher.emit('\n', breakPos))
      return false;
    if (i + 1 < count)
      breakPos = nextLineBreak(src, breakPos);
  }
  return true;
}

/// Applies flow folding: a single break becomes a space, otherwise the first
/// break is dropped and every empty line contributes a newline.
bool emitFold(std::string_view src, const LineFold &fold,
              DecodedMatcher &matcher) {
  if (fold.breaks == 1)
    return matcher.emit(' ', fold.firstBreak);
  return emitBreaks(src, fold.firstBreak, 1, fold.breaks, matcher);
}

/// Whether \p pos holds the quote that closes a scalar quoted with \p quote
/// (in single quotes, `''` is an escaped quote instead).
bool isClosingQuote(std::string_view src, size_t pos, char quote) {
  return at(src, pos) == quote && (quote == '"' || at(src, pos + 1) != '\'');
}

/// Number of newlines to emit for a fold that runs right into the closing
/// quote, where the YAML 1.2 spec emits \p specNewlines. yaml-cpp 0.7 clips
/// such trailing newlines like a `|` block scalar: it keeps at most one
/// newline after the last non-newline byte (or after the end of the last
/// escape, if that is later), and none at all if there is neither ('a\n\n\n'
/// decodes to "a\n", not "a\n\n"). Both readings are accepted so the locator
/// works with either kind of parser; the expected value decides. Returns npos
/// when neither fits.
size_t closingFoldNewlines(const DecodedMatcher &matcher, size_t specNewlines) {
  size_t want = matcher.remaining();
  if (want == specNewlines)
    return want;
  size_t keepIndex = matcher.lastNonNewline();
  size_t lastEscapeEnd = matcher.escapeEnd();
  if (lastEscapeEnd != std::string_view::npos &&
      (keepIndex == std::string_view::npos || keepIndex < lastEscapeEnd))
    keepIndex = lastEscapeEnd;
  size_t clipped = 0;
  if (keepIndex != std::string_view::npos) {
    size_t limit = keepIndex + 2; // The kept byte plus one newline.
    size_t consumed = matcher.consumed();
    clipped = limit > consumed ? limit - consumed : 0;
    if (clipped > specNewlines)
      clipped = specNewlines;
  }
  return want == clipped ? want : std::string_view::npos;
}

/// Emits the newlines of a quoted scalar's fold (or escaped line break) that
/// holds \p breaks breaks starting at \p firstBreak: one per empty line,
/// fewer if it ends the scalar and the expected value was clipped.
bool emitQuotedNewlines(std::string_view src, size_t firstBreak, size_t breaks,
                        bool endsScalar, DecodedMatcher &matcher) {
  size_t newlines = breaks - 1;
  if (endsScalar) {
    newlines = closingFoldNewlines(matcher, newlines);
    if (newlines == std::string_view::npos)
      return false;
  }
  return emitBreaks(src, firstBreak, 1, 1 + newlines, matcher);
}

/// Handles whitespace at \p pos inside a scalar quoted with \p quote: inner
/// whitespace is content, whitespace before a line break is stripped and the
/// break folded. Advances \p pos; false on mismatch or an unterminated scalar.
bool scanQuotedWhitespace(std::string_view src, size_t &pos, char quote,
                          DecodedMatcher &matcher) {
  size_t nonWhite = skipWhite(src, pos);
  if (nonWhite >= src.size())
    return false;
  if (!isBreakChar(src[nonWhite])) {
    for (; pos < nonWhite; ++pos)
      if (!matcher.emit(src[pos], pos))
        return false;
    return true;
  }
  LineFold fold = scanLineFold(src, nonWhite);
  if (fold.next >= src.size())
    return false;
  bool ok =
      fold.breaks == 1
          ? matcher.emit(' ', fold.firstBreak)
          : emitQuotedNewlines(src, fold.firstBreak, fold.breaks,
                               isClosingQuote(src, fold.next, quote), matcher);
  pos = fold.next;
  return ok;
}

//===----------------------------------------------------------------------===//
// Plain scalars (YAML 1.2 §7.3.3)
//===----------------------------------------------------------------------===//

/// Whether a plain scalar may end at \p pos: what follows must be a comment, a
/// line end, a mapping-value indicator or a flow collection delimiter.
bool isPlainTerminator(std::string_view src, size_t pos) {
  size_t q = skipWhite(src, pos);
  if (q >= src.size() || isBreakChar(src[q]))
    return true;
  char c = src[q];
  if (c == '#')
    return q > pos; // '#' directly after content is part of the scalar.
  if (c == ':')
    return isBlankOrEnd(src, q + 1) || isFlowIndicator(at(src, q + 1));
  return c == ',' || c == ']' || c == '}';
}

/// Scans a plain scalar guided by the decoded value: the scalar continues
/// (across spaces, flow indicators, or onto the next line) exactly as long as
/// the decoded value does, since neither the flow/block context nor the
/// parent indentation is known here. Returns the end offset.
std::optional<size_t> scanPlain(std::string_view src, size_t begin,
                                DecodedMatcher &matcher) {
  size_t pos = begin;
  while (!matcher.finished()) {
    if (pos >= src.size())
      return std::nullopt;
    char c = src[pos];
    if (isWhite(c)) {
      size_t nonWhite = skipWhite(src, pos);
      if (nonWhite >= src.size() || src[nonWhite] == '#')
        return std::nullopt; // Trailing whitespace or a comment ends it.
      if (isBreakChar(src[nonWhite])) {
        pos = nonWhite; // Whitespace before a break is never content.
        continue;
      }
      for (; pos < nonWhite; ++pos)
        if (!matcher.emit(src[pos], pos))
          return std::nullopt;
      continue;
    }
    if (isBreakChar(c)) {
      LineFold fold = scanLineFold(src, pos);
      // A comment line always ends a plain scalar.
      if (fold.next >= src.size() || src[fold.next] == '#' ||
          !emitFold(src, fold, matcher))
        return std::nullopt;
      pos = fold.next;
      continue;
    }
    if (c == ':' && isBlankOrEnd(src, pos + 1))
      return std::nullopt; // A mapping value indicator ends the scalar.
    if (!matcher.emit(c, pos))
      return std::nullopt;
    ++pos;
  }
  if (!isPlainTerminator(src, pos))
    return std::nullopt;
  return pos;
}

//===----------------------------------------------------------------------===//
// Quoted scalars (YAML 1.2 §7.3.1, §7.3.2)
//===----------------------------------------------------------------------===//

/// Scans a single-quoted scalar from its opening quote; returns the offset
/// after the closing quote.
std::optional<size_t> scanSingleQuoted(std::string_view src, size_t begin,
                                       DecodedMatcher &matcher) {
  size_t pos = begin + 1;
  while (pos < src.size()) {
    char c = src[pos];
    if (c == '\'') {
      if (at(src, pos + 1) != '\'')
        return pos + 1;
      if (!matcher.emit('\'', pos)) // '' is the only escape.
        return std::nullopt;
      matcher.markEscapeEnd();
      pos += 2;
      continue;
    }
    if (isWhite(c) || isBreakChar(c)) {
      if (!scanQuotedWhitespace(src, pos, '\'', matcher))
        return std::nullopt;
      continue;
    }
    if (!matcher.emit(c, pos))
      return std::nullopt;
    ++pos;
  }
  return std::nullopt; // Unterminated.
}

/// Decodes the \p digits hex digits after an escape letter at \p pos.
std::optional<uint32_t> parseHexEscape(std::string_view src, size_t pos,
                                       size_t digits) {
  uint32_t value = 0;
  for (size_t i = 0; i < digits; ++i) {
    int digit = hexValue(at(src, pos + i));
    if (digit < 0)
      return std::nullopt;
    value = value * 16 + static_cast<uint32_t>(digit);
  }
  return value;
}

/// A double-quoted escape: `\` plus a letter standing for one code point,
/// or for a code point written as a fixed number of hex digits.
struct EscapeForm {
  char letter;
  uint32_t codePoint;
  size_t hexDigits;
};

/// The escapes of YAML 1.2 §5.7 other than the escaped line break, plus
/// `\'`, which is not YAML 1.2 but which yaml-cpp accepts.
constexpr EscapeForm escapeForms[] = {
    {'0', 0x00, 0},   {'a', 0x07, 0},   {'b', 0x08, 0}, {'t', 0x09, 0},
    {'\t', 0x09, 0},  {'n', 0x0A, 0},   {'v', 0x0B, 0}, {'f', 0x0C, 0},
    {'r', 0x0D, 0},   {'e', 0x1B, 0},   {' ', ' ', 0},  {'"', '"', 0},
    {'/', '/', 0},    {'\\', '\\', 0},  {'N', 0x85, 0}, {'_', 0xA0, 0},
    {'L', 0x2028, 0}, {'P', 0x2029, 0}, {'x', 0, 2},    {'u', 0, 4},
    {'U', 0, 8},      {'\'', '\'', 0},
};

const EscapeForm *findEscapeForm(char letter) {
  for (const EscapeForm &form : escapeForms)
    if (form.letter == letter)
      return &form;
  return nullptr;
}

/// Handles an escape other than an escaped line break at \p pos (the
/// backslash) and advances \p pos past it; all its bytes map to the backslash.
bool emitEscapedText(std::string_view src, size_t &pos,
                     DecodedMatcher &matcher) {
  size_t slash = pos;
  const EscapeForm *form = findEscapeForm(at(src, pos + 1));
  if (!form)
    return false;
  uint32_t codePoint = form->codePoint;
  if (form->hexDigits) {
    std::optional<uint32_t> value =
        parseHexEscape(src, pos + 2, form->hexDigits);
    if (!value)
      return false;
    codePoint = *value;
  }
  pos += 2 + form->hexDigits;
  // yaml-cpp 0.7 emits \N and \_ as the single Latin-1 byte instead of UTF-8;
  // accept that form too so such strings still locate.
  if ((form->letter == 'N' || form->letter == '_') &&
      matcher.nextIs(static_cast<char>(codePoint)))
    return matcher.emit(static_cast<char>(codePoint), slash);
  return matcher.emitCodePoint(codePoint, slash);
}

/// Handles the escape whose backslash is at \p pos and advances \p pos past it.
bool scanEscape(std::string_view src, size_t &pos, DecodedMatcher &matcher) {
  if (isBreakChar(at(src, pos + 1))) {
    // Escaped line break: the break vanishes, empty lines still count, and
    // the next line's indentation is skipped.
    LineFold fold = scanLineFold(src, pos + 1);
    if (fold.next >= src.size())
      return false;
    matcher.markEscapeEnd();
    pos = fold.next;
    return emitQuotedNewlines(src, fold.firstBreak, fold.breaks,
                              isClosingQuote(src, fold.next, '"'), matcher);
  }
  bool ok = emitEscapedText(src, pos, matcher);
  matcher.markEscapeEnd();
  return ok;
}

/// Scans a double-quoted scalar (this includes every JSON string) from its
/// opening quote; returns the offset after the closing quote.
std::optional<size_t> scanDoubleQuoted(std::string_view src, size_t begin,
                                       DecodedMatcher &matcher) {
  size_t pos = begin + 1;
  while (pos < src.size()) {
    char c = src[pos];
    if (c == '"')
      return pos + 1;
    bool ok;
    if (c == '\\')
      ok = scanEscape(src, pos, matcher);
    else if (isWhite(c) || isBreakChar(c))
      ok = scanQuotedWhitespace(src, pos, '"', matcher);
    else
      ok = matcher.emit(c, pos++);
    if (!ok)
      return std::nullopt;
  }
  return std::nullopt; // Unterminated.
}

//===----------------------------------------------------------------------===//
// Block scalars (YAML 1.2 §8.1)
//===----------------------------------------------------------------------===//

enum class Chomping { Strip, Clip, Keep };

struct BlockHeader {
  bool folded = false;
  Chomping chomp = Chomping::Clip;
  unsigned explicitIndent = 0; ///< 0 when auto-detected.
  size_t indicatorEnd = 0;     ///< After `|`/`>` and its indicators.
  size_t contentStart = 0;     ///< First byte of the line after the header.
};

/// Parses `|` or `>`, the indentation and chomping indicators (either order),
/// and an optional comment up to the end of the header line.
std::optional<BlockHeader> parseBlockHeader(std::string_view src,
                                            size_t begin) {
  BlockHeader header;
  header.folded = src[begin] == '>';
  size_t pos = begin + 1;
  bool sawChomp = false;
  for (int i = 0; i < 2; ++i) {
    char c = at(src, pos);
    if (c >= '1' && c <= '9' && !header.explicitIndent) {
      header.explicitIndent = static_cast<unsigned>(c - '0');
    } else if ((c == '-' || c == '+') && !sawChomp) {
      header.chomp = c == '-' ? Chomping::Strip : Chomping::Keep;
      sawChomp = true;
    } else {
      break;
    }
    ++pos;
  }
  header.indicatorEnd = pos;
  size_t q = skipWhite(src, pos);
  if (q > pos && at(src, q) == '#')
    q = lineEnd(src, q);
  if (q < src.size() && !isBreakChar(src[q]))
    return std::nullopt;
  header.contentStart = q + breakLength(src, q);
  return header;
}

/// Auto-detected content indentation (YAML 1.2 §8.1.1.1): the indentation
/// of the first line that is not made of spaces only.
std::optional<size_t> detectedIndent(std::string_view src, size_t lineStart) {
  while (lineStart < src.size()) {
    size_t textStart = skipSpaces(src, lineStart);
    if (textStart >= src.size())
      break;
    if (!isBreakChar(src[textStart]))
      return textStart - lineStart;
    lineStart = textStart + breakLength(src, textStart);
  }
  return std::nullopt; // Decoded text but no text line in the source.
}

/// Content indentation of a block scalar with an explicit indentation
/// indicator. The indicator is relative to the parent node's indentation,
/// which a mark does not reveal, so it is inferred from the decoded value:
/// leading source lines correspond one to one to decoded lines until the
/// first non-empty decoded line, which keeps exactly (its source line's
/// spaces - content indentation) leading spaces.
std::optional<size_t> inferredIndent(std::string_view src, size_t lineStart,
                                     std::string_view decoded) {
  size_t decodedLine = 0;
  while (lineStart < src.size()) {
    size_t decodedEnd = decoded.find('\n', decodedLine);
    if (decodedEnd == std::string_view::npos)
      decodedEnd = decoded.size();
    if (decodedEnd > decodedLine) {
      size_t spaces = skipSpaces(src, lineStart) - lineStart;
      size_t kept = decodedLine;
      while (kept < decodedEnd && decoded[kept] == ' ')
        ++kept;
      kept -= decodedLine;
      if (kept > spaces)
        return std::nullopt;
      return spaces - kept;
    }
    size_t end = lineEnd(src, lineStart);
    if (decodedEnd >= decoded.size() || end >= src.size())
      break;
    decodedLine = decodedEnd + 1;
    lineStart = end + breakLength(src, end);
  }
  return std::nullopt;
}

/// Content indentation meaning "no line is content": every space-only line
/// is an empty line and the first other line ends the scalar.
constexpr size_t noTextIndent = std::numeric_limits<size_t>::max();

/// Determines the content indentation of a block scalar.
std::optional<size_t> blockContentIndent(std::string_view src,
                                         const BlockHeader &header,
                                         std::string_view decoded) {
  // Without any text byte the scalar has no text lines: the first
  // non-empty line belongs to the parent (e.g. `key: |` then `next: 1`).
  if (decoded.find_first_not_of('\n') == std::string_view::npos)
    return noTextIndent;
  if (header.explicitIndent)
    return inferredIndent(src, header.contentStart, decoded);
  return detectedIndent(src, header.contentStart);
}

/// A `---` or `...` marker at \p lineStart ends any block scalar.
bool isDocumentMarker(std::string_view src, size_t lineStart) {
  std::string_view rest = src.substr(lineStart, 3);
  return (rest == "---" || rest == "...") && isBlankOrEnd(src, lineStart + 3);
}

/// Line breaks seen since the last text line (its own break first, then one
/// per empty line), not yet emitted because chomping or folding decides.
struct PendingBreaks {
  size_t first = 0;
  size_t count = 0;
};

/// Number of final line breaks a block scalar keeps under its chomping
/// indicator, given the \p pending breaks after the last text line.
/// \p sawText: there is a text line; \p lastSpaced: the last one is more
/// indented. Returns npos if the expected value fits no reading.
size_t finalNewlines(const BlockHeader &header, const PendingBreaks &pending,
                     bool sawText, bool lastSpaced,
                     const DecodedMatcher &matcher) {
  switch (header.chomp) {
  case Chomping::Strip:
    return 0;
  case Chomping::Clip:
    // Only the last text line's own break survives (pending starts with it).
    return sawText && pending.count ? 1 : 0;
  case Chomping::Keep:
    break;
  }
  size_t want = matcher.remaining();
  if (want == pending.count)
    return want;
  // yaml-cpp 0.7 loses one trailing empty line of a kept folded scalar whose
  // last text line is not more indented (">+\n  a\n\n" decodes to "a\n",
  // not "a\n\n"); accept that reading as well.
  if (header.folded && sawText && !lastSpaced && pending.count >= 2 &&
      want == pending.count - 1)
    return want;
  return std::string_view::npos;
}

/// Scans a literal or folded block scalar from its indicator; returns the
/// offset after its last content character.
std::optional<size_t> scanBlock(std::string_view src, size_t begin,
                                std::string_view decoded,
                                DecodedMatcher &matcher) {
  std::optional<BlockHeader> header = parseBlockHeader(src, begin);
  if (!header)
    return std::nullopt;
  std::optional<size_t> indent = blockContentIndent(src, *header, decoded);
  if (!indent)
    return std::nullopt;

  size_t end = header->indicatorEnd;
  PendingBreaks pending;
  bool sawText = false;
  bool prevSpaced = false;
  size_t lineStart = header->contentStart;
  while (lineStart < src.size() && !isDocumentMarker(src, lineStart)) {
    size_t textStart = skipSpaces(src, lineStart);
    size_t eol = lineEnd(src, textStart);
    size_t spaces = textStart - lineStart;
    bool spacesOnly = textStart == eol;
    if (spacesOnly ? spaces <= *indent : spaces < *indent) {
      if (!spacesOnly || eol >= src.size())
        break; // Less indented text ends the scalar.
      if (!pending.count++)
        pending.first = eol;
      lineStart = eol + breakLength(src, eol);
      continue;
    }

    // A text line; lines starting with whitespace are never folded.
    size_t contentStart = lineStart + *indent;
    bool spaced = isWhite(src[contentStart]);
    bool ok;
    if (header->folded && sawText && !prevSpaced && !spaced)
      ok = pending.count == 1
               ? matcher.emit(' ', pending.first)
               : emitBreaks(src, pending.first, 1, pending.count, matcher);
    else
      ok = emitBreaks(src, pending.first, 0, pending.count, matcher);
    for (size_t pos = contentStart; ok && pos < eol; ++pos)
      ok = matcher.emit(src[pos], pos);
    if (!ok)
      return std::nullopt;

    end = eol;
    sawText = true;
    prevSpaced = spaced;
    pending = PendingBreaks{eol, eol < src.size() ? 1u : 0u};
    lineStart = eol + breakLength(src, eol);
  }

  size_t finalCount =
      finalNewlines(*header, pending, sawText, prevSpaced, matcher);
  if (finalCount == std::string_view::npos ||
      !emitBreaks(src, pending.first, 0, finalCount, matcher))
    return std::nullopt;
  return end;
}

//===----------------------------------------------------------------------===//
// Node properties and dispatch
//===----------------------------------------------------------------------===//

/// Skips separation between a node property and its content: whitespace,
/// comments and line breaks.
size_t skipSeparation(std::string_view src, size_t pos) {
  while (true) {
    size_t q = skipWhite(src, pos);
    if (at(src, q) == '#' && q > pos)
      q = lineEnd(src, q);
    size_t len = breakLength(src, q);
    if (!len)
      return q;
    pos = q + len;
  }
}

/// Skips the anchor and/or tag that yaml-cpp's mark may point at; sets
/// \p afterProps to the byte after the last property. Returns the offset
/// of the scalar content.
std::optional<size_t> skipProperties(std::string_view src, size_t pos,
                                     size_t &afterProps) {
  while (pos < src.size() && (src[pos] == '&' || src[pos] == '!')) {
    if (src[pos] == '!' && at(src, pos + 1) == '<') { // Verbatim tag `!<uri>`.
      size_t close = src.find('>', pos + 2);
      if (close == std::string_view::npos)
        return std::nullopt;
      pos = close + 1;
    } else { // Anchor or tag shorthand: up to a blank or flow indicator.
      ++pos;
      while (!isBlankOrEnd(src, pos) && !isFlowIndicator(src[pos]))
        ++pos;
    }
    afterProps = pos;
    pos = skipSeparation(src, pos);
  }
  return pos;
}

/// Scans the scalar whose content starts at \p begin; style by first byte.
std::optional<size_t> scanScalar(std::string_view src, size_t begin,
                                 std::string_view decoded,
                                 DecodedMatcher &matcher) {
  std::optional<size_t> end;
  switch (at(src, begin)) {
  case '\'':
    end = scanSingleQuoted(src, begin, matcher);
    break;
  case '"':
    end = scanDoubleQuoted(src, begin, matcher);
    break;
  case '|':
  case '>':
    end = scanBlock(src, begin, decoded, matcher);
    break;
  default:
    if (decoded.empty()) // A plain scalar is never empty.
      return std::nullopt;
    end = scanPlain(src, begin, matcher);
    break;
  }
  if (!end || !matcher.finished())
    return std::nullopt;
  return end;
}

/// Shared implementation; records offsets when \p offsets is non-null.
std::optional<std::pair<uint32_t, uint32_t>>
locate(std::string_view src, uint32_t markPos, std::string_view decoded,
       std::vector<uint32_t> *offsets) {
  if (src.size() > std::numeric_limits<uint32_t>::max() ||
      markPos >= src.size())
    return std::nullopt;
  size_t begin = markPos;
  size_t afterProps = markPos;
  bool hasProps = src[begin] == '&' || src[begin] == '!';
  if (hasProps) {
    std::optional<size_t> content = skipProperties(src, begin, afterProps);
    if (!content)
      return std::nullopt;
    begin = *content;
  }
  DecodedMatcher matcher(decoded, offsets);
  if (std::optional<size_t> end = scanScalar(src, begin, decoded, matcher))
    return std::make_pair(static_cast<uint32_t>(begin),
                          static_cast<uint32_t>(*end));
  // A tagged or anchored empty node (`key: !!str`) has no scalar text at all.
  if (hasProps && decoded.empty()) {
    if (offsets)
      offsets->clear();
    return std::make_pair(static_cast<uint32_t>(afterProps),
                          static_cast<uint32_t>(afterProps));
  }
  return std::nullopt;
}

} // namespace

std::optional<ScalarSpan> locateScalar(std::string_view source,
                                       uint32_t markPos,
                                       std::string_view decoded) {
  ScalarSpan span;
  span.offsets.reserve(decoded.size());
  auto extent = locate(source, markPos, decoded, &span.offsets);
  if (!extent)
    return std::nullopt;
  span.begin = extent->first;
  span.end = extent->second;
  return span;
}

std::optional<std::pair<uint32_t, uint32_t>>
locateScalarExtent(std::string_view source, uint32_t markPos,
                   std::string_view decoded) {
  return locate(source, markPos, decoded, nullptr);
}

} // namespace oosc::frontend
