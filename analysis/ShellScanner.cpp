//===- ShellScanner.cpp -----------------------------------------------------===//
#include "analysis/ShellScanner.h"

namespace oosc::analysis {
namespace {

/// Characters that end a word outside quotes.
bool endsWord(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' ||
         c == '>' || c == '(' || c == ')';
}

bool startsWith(std::string_view text, char c) { return !text.empty() && text.front() == c; }

} // namespace

ShellScanner::ShellScanner() : frames_{Frame::Top} {}

void ShellScanner::text(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    size_t skip = 0;
    character(text[i], text.substr(i + 1), skip);
    i += skip;
  }
}

ShellContext ShellScanner::splice() {
  if (!bodies_.empty()) {
    line_ += '\x01'; // a body line holding a value is never the delimiter
    return ShellContext::HereDocument;
  }
  if (comment_)
    return ShellContext::Comment;
  // The escape applied to the value's first character; the scan goes on
  // after the value.
  bool quoted = singleQuoted_ || !frameIsUnquoted();
  escapedSplice_ = escaped_;
  commandSplice_ = commandPosition_ && !escaped_ && !quoted && arrayDepth_ == 0;
  commandPosition_ = false;
  escaped_ = false;
  if (quoted)
    return ShellContext::Quoted;
  wordStart_ = false;
  return ShellContext::Unquoted;
}

bool ShellScanner::frameIsUnquoted() const { return frames_.back() != Frame::Double; }

void ShellScanner::character(char c, std::string_view rest, size_t &skip) {
  if (!bodies_.empty())
    return hereDocumentCharacter(c);
  if (comment_) {
    if (c == '\n') {
      comment_ = false;
      endOfLine();
    }
    return;
  }
  if (escaped_) {
    escaped_ = false;
    wordStart_ = false;
    commandPosition_ = false; // an escaped newline continues the command
    return;
  }
  if (singleQuoted_) {
    singleQuoted_ = c != '\'';
    return;
  }
  if (frameIsUnquoted())
    unquotedCharacter(c, rest, skip);
  else
    doubleQuotedCharacter(c, rest, skip);
}

/// `$(`: a new command starts inside, unquoted, until its `)`.
void ShellScanner::enterCommandSubstitution() {
  frames_.push_back(Frame::CommandSubstitution);
  parenDepth_.push_back(1);
  wordStart_ = true;
}

void ShellScanner::unquotedCharacter(char c, std::string_view rest, size_t &skip) {
  bool wasWordStart = wordStart_;
  char before = previous_;
  wordStart_ = endsWord(c);
  previous_ = c;
  if (c == ';' || c == '&' || c == '|')
    commandPosition_ = true;
  else if (c != ' ' && c != '\t' && c != '\n')
    commandPosition_ = false;
  switch (c) {
  case '\\':
    escaped_ = true;
    return;
  case '\'':
    singleQuoted_ = true;
    return;
  case '"':
    frames_.push_back(Frame::Double);
    return;
  case '`':
    if (frames_.back() == Frame::Backtick)
      frames_.pop_back();
    else
      frames_.push_back(Frame::Backtick);
    return;
  case '$':
    if (startsWith(rest, '(')) {
      enterCommandSubstitution();
      skip = 1;
    } else if (startsWith(rest, '\'')) {
      singleQuoted_ = true; // $'...': ANSI-C quoting
      skip = 1;
    }
    return;
  case '(':
    if (frames_.back() == Frame::CommandSubstitution)
      ++parenDepth_.back();
    else if (before == '=')
      ++arrayDepth_; // name=( words... )
    return;
  case ')':
    if (frames_.back() != Frame::CommandSubstitution && arrayDepth_ > 0)
      --arrayDepth_;
    if (frames_.back() == Frame::CommandSubstitution && --parenDepth_.back() == 0) {
      frames_.pop_back();
      parenDepth_.pop_back();
      wordStart_ = false; // "$(cmd)x" goes on with the word
    }
    return;
  case '#':
    comment_ = wasWordStart;
    return;
  case '<':
    if (rest.substr(0, 2) == "<<")
      skip = 2; // `<<<word`: a here-string, one word on the same line
    else if (startsWith(rest, '<'))
      skip = readHereDocumentOperator(rest);
    return;
  case '\n':
    endOfLine();
    return;
  default:
    return;
  }
}

void ShellScanner::doubleQuotedCharacter(char c, std::string_view rest, size_t &skip) {
  switch (c) {
  case '\\':
    escaped_ = true;
    return;
  case '"':
    frames_.pop_back();
    wordStart_ = false;
    return;
  case '`':
    frames_.push_back(Frame::Backtick);
    wordStart_ = true;
    return;
  case '$':
    if (startsWith(rest, '(')) {
      enterCommandSubstitution();
      skip = 1;
    }
    return;
  default:
    return;
  }
}

/// `<<WORD`, `<<-WORD`, `<< 'WORD'`, `<<"WORD"`, `<<\WORD` (after the first
/// `<`, with `rest` at the second): notes the delimiter and returns how many
/// characters of `rest` it took. Quoting the delimiter only stops expansion
/// in the body; either way the body is data, so both are treated alike.
size_t ShellScanner::readHereDocumentOperator(std::string_view rest) {
  size_t position = 1;
  PendingHereDocument document;
  if (position < rest.size() && rest[position] == '-') {
    document.stripTabs = true;
    ++position;
  }
  while (position < rest.size() && (rest[position] == ' ' || rest[position] == '\t'))
    ++position;
  for (; position < rest.size() && !endsWord(rest[position]); ++position)
    if (rest[position] != '\'' && rest[position] != '"' && rest[position] != '\\')
      document.delimiter += rest[position];
  if (!document.delimiter.empty())
    pending_.push_back(std::move(document));
  wordStart_ = true;
  return position;
}

void ShellScanner::endOfLine() {
  wordStart_ = true;
  commandPosition_ = true;
  if (pending_.empty())
    return;
  bodies_ = std::move(pending_);
  pending_.clear();
  line_.clear();
}

void ShellScanner::hereDocumentCharacter(char c) {
  if (c != '\n') {
    line_ += c;
    return;
  }
  std::string_view line = line_;
  if (bodies_.front().stripTabs)
    while (startsWith(line, '\t'))
      line.remove_prefix(1);
  if (!line.empty() && line.back() == '\r')
    line.remove_suffix(1);
  if (line == bodies_.front().delimiter)
    bodies_.erase(bodies_.begin());
  line_.clear();
  wordStart_ = true;
  commandPosition_ = true;
}

} // namespace oosc::analysis
