//===- ShellScanner.h - Quoting state through a POSIX shell script ---------===//
//
// Reads a shell script piece by piece (the literal text between `{{ }}`
// references) and says, at each reference, what the shell would make of a
// value spliced in there: a word it splits and expands, quoted text, a
// comment, or the body of a here-document. It is a lexer, not a parser: it
// follows single and double quotes, backslash escapes, `$( )` and backtick
// command substitutions (which start unquoted again, even inside double
// quotes), comments and here-documents, which is what quoting depends on.
//
//===----------------------------------------------------------------------===//
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace oosc::analysis {

/// Where a spliced value lands.
enum class ShellContext : uint8_t {
  Unquoted,      ///< split into words, globbed, `;` and `$( )` take effect
  Quoted,        ///< inside '...' or "..."
  Comment,       ///< after a `#` that starts a word
  HereDocument,  ///< a here-document body: data, never split into words
};

class ShellScanner {
public:
  ShellScanner();

  /// Advances over literal script text.
  void text(std::string_view text);
  /// Advances over a spliced value whose text is unknown (it counts as one
  /// word character) and returns where it landed.
  ShellContext splice();
  /// The character before the splice was a backslash: its first character
  /// is escaped, which a quote inserted there would break.
  bool escaped() const { return escapedSplice_; }
  /// The splice stood where a command starts (a new line, or after `;`,
  /// `&` or `|`), not in a continued line or an array's `( )`.
  bool startedCommand() const { return commandSplice_; }

private:
  enum class Frame : uint8_t { Top, Double, CommandSubstitution, Backtick };

  /// A here-document announced on the current line, read after its newline.
  struct PendingHereDocument {
    std::string delimiter;
    bool stripTabs = false;
  };

  void character(char c, std::string_view rest, size_t &skip);
  void unquotedCharacter(char c, std::string_view rest, size_t &skip);
  void enterCommandSubstitution();
  void doubleQuotedCharacter(char c, std::string_view rest, size_t &skip);
  void hereDocumentCharacter(char c);
  void endOfLine();
  size_t readHereDocumentOperator(std::string_view rest);
  bool frameIsUnquoted() const;

  std::vector<Frame> frames_;
  std::vector<int> parenDepth_; ///< per CommandSubstitution frame
  bool singleQuoted_ = false;
  bool escaped_ = false;
  bool escapedSplice_ = false;
  bool commandPosition_ = true; ///< nothing but blanks since a command start
  bool commandSplice_ = false;
  int arrayDepth_ = 0;          ///< inside `name=( ... )`
  char previous_ = '\0';        ///< the last unquoted character
  bool comment_ = false;
  bool wordStart_ = true;       ///< the next character would start a word
  std::vector<PendingHereDocument> pending_;
  std::vector<PendingHereDocument> bodies_; ///< here-documents being read, in order
  std::string line_;            ///< current here-document body line
};

} // namespace oosc::analysis
