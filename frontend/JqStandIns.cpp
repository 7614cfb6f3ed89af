//===- JqStandIns.cpp - `{{ }}` in jq scripts replaced by neutral text ----===//
//
// OOS substitutes `{{ }}` references before jq sees the script, and real
// templates put them in three kinds of places: inside jq strings
// (`test("{{ name }}")`), as a field name (`.{{ tagKey }}`) and as a whole
// value (`map({{ ACS::TaskLoopItem }})`, `.x >= {{ threshold }}`). A stand-in
// keeps the script's length so that error offsets still point into the
// template.
//
//===----------------------------------------------------------------------===//
#include "frontend/JqSyntax.h"

#include <vector>

namespace oosc::frontend {
namespace {

enum class Place { Code, String, Comment };

bool isNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/// Tracks whether a byte of a jq script is code, string text or comment:
/// strings nest inside `\( )` interpolations, which nest parentheses.
class PlaceTracker {
public:
  Place place() const { return comment ? Place::Comment : frames.back().inString ? Place::String : Place::Code; }

  /// Consumes the byte at \p at (and the one after it for an escape);
  /// returns how many bytes it consumed.
  size_t advance(std::string_view text, size_t at) {
    char c = text[at];
    if (comment) {
      comment = c != '\n';
      return 1;
    }
    Frame &frame = frames.back();
    if (frame.inString) {
      if (c == '\\' && at + 1 < text.size() && text[at + 1] == '(') {
        frames.push_back(Frame{});
        return 2;
      }
      if (c == '\\')
        return at + 1 < text.size() ? 2 : 1;
      if (c == '"')
        frames.pop_back();
      return 1;
    }
    if (c == '#')
      comment = true;
    else if (c == '"')
      frames.push_back(Frame{true, 0});
    else if (c == '(')
      ++frame.parentheses;
    else if (c == ')' && frame.parentheses > 0)
      --frame.parentheses;
    else if (c == ')' && frames.size() > 1)
      frames.pop_back(); // the end of a `\( )` interpolation
    return 1;
  }

private:
  struct Frame {
    bool inString = false;
    unsigned parentheses = 0;
  };
  std::vector<Frame> frames{Frame{}};
  bool comment = false;
};

/// What stands in for a reference of \p length bytes (at least 4: `{{}}`).
std::string standIn(Place place, char before, size_t length) {
  bool partOfName = before == '.' || before == '$' || isNameChar(before);
  if (place != Place::Code || partOfName)
    return std::string(length, 'x');
  return "(.)" + std::string(length - 3, ' ');
}

} // namespace

std::string standInTemplateReferences(std::string_view script) {
  std::string result(script);
  PlaceTracker tracker;
  size_t at = 0;
  while (at < script.size()) {
    if (script.compare(at, 2, "{{") == 0) {
      size_t close = script.find("}}", at + 2);
      if (close == std::string_view::npos)
        break;
      size_t length = close + 2 - at;
      result.replace(at, length, standIn(tracker.place(), at > 0 ? script[at - 1] : ' ', length));
      at += length;
      continue;
    }
    at += tracker.advance(script, at);
  }
  return result;
}

} // namespace oosc::frontend
