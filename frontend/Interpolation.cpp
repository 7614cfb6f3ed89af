//===- Interpolation.cpp ----------------------------------------------------===//
#include "frontend/Interpolation.h"

#include "frontend/ExpressionParser.h"

namespace oosc::frontend {
namespace {

/// Moves a reference parsed from a segment to the segment's place in the value.
ir::Reference placeReference(ir::Reference reference, const ir::Node &scalar,
                             size_t segmentStart) {
  auto place = [&](SourceRange &range) {
    range = scalar.valueRange(segmentStart + range.begin, segmentStart + range.end);
  };
  place(reference.range);
  for (ir::Ident &part : reference.parts)
    place(part.range);
  return reference;
}

} // namespace

void parseInterpolation(ir::Node &scalar, DiagnosticEngine &diagnostics) {
  const std::string &text = scalar.value;
  auto result = std::make_unique<ir::Interpolation>();
  size_t position = 0;
  while (position < text.size()) {
    size_t open = text.find("{{", position);
    if (open == std::string::npos) {
      result->pieces.emplace_back(text.substr(position));
      break;
    }
    size_t close = text.find("}}", open + 2);
    if (close == std::string::npos &&
        text.find_first_not_of(" \t\r\n", open + 2) == std::string::npos) {
      // A bare '{{' ending the string names nothing: it is a fragment of a
      // reference being assembled as text (official templates build
      // '{{ parameters }}' with Fn::Join this way), so it stays text.
      result->pieces.emplace_back(text.substr(position));
      break;
    }
    if (close == std::string::npos) {
      diagnostics.report(RuleId::ExpressionSyntax, scalar.valueRange(open, open + 2),
                         "unclosed '{{': a reference ends with '}}'");
      result->pieces.emplace_back(text.substr(position));
      break;
    }
    if (open > position)
      result->pieces.emplace_back(text.substr(position, open - position));
    std::string_view segment(text.data() + open, close + 2 - open);
    const ReferenceParse &parse = parseReference(segment);
    if (parse.error) {
      SourceRange where = scalar.valueRange(open + parse.error->begin,
                                            open + std::max(parse.error->end, parse.error->begin + 1));
      diagnostics.report(RuleId::ExpressionSyntax, where, parse.error->message);
      // Kept as text so the other references of the string are still checked.
      result->pieces.emplace_back(std::string(segment));
    } else {
      result->pieces.emplace_back(placeReference(*parse.reference, scalar, open));
    }
    position = close + 2;
  }
  scalar.interpolation = std::move(result);
}

} // namespace oosc::frontend
