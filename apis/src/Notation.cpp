//===- Notation.cpp - Decoding the table's API and answer lines ------------===//
//
// The notation is described in ApiTable.h. Decoding is strict: a line the
// generator did not write gives nothing rather than a half-read API.
//
//===----------------------------------------------------------------------===//
#include "oosc/apis/ApiTable.h"

#include <array>

namespace oosc::apis {
namespace {

std::optional<ParamType> typeOfCode(char code) {
  switch (code) {
  case 'S': return ParamType::String;
  case 'I': return ParamType::Integer;
  case 'L': return ParamType::Long;
  case 'B': return ParamType::Boolean;
  case 'F': return ParamType::Float;
  case 'D': return ParamType::Double;
  case 'J': return ParamType::Json;
  case 'R': return ParamType::RepeatList;
  case 'A': return ParamType::Array;
  case 'T': return ParamType::Struct;
  case 'Y': return ParamType::Any;
  default: return std::nullopt;
  }
}

std::optional<ParamPosition> positionOfCode(char code) {
  switch (code) {
  case 'Q': return ParamPosition::Query;
  case 'B': return ParamPosition::Body;
  case 'P': return ParamPosition::Path;
  case 'F': return ParamPosition::FormData;
  case 'H': return ParamPosition::Header;
  case 'O': return ParamPosition::Host;
  default: return std::nullopt;
  }
}

/// A cursor over one line; every reader consumes what it read.
class Reader {
public:
  explicit Reader(std::string_view text) : text_(text) {}
  bool atEnd() const { return pos_ >= text_.size(); }
  char peek() const { return atEnd() ? '\0' : text_[pos_]; }
  bool take(char c) {
    if (peek() != c)
      return false;
    ++pos_;
    return true;
  }
  /// Up to (not including) the first of \p stops.
  std::string_view until(std::string_view stops) {
    size_t end = text_.find_first_of(stops, pos_);
    if (end == std::string_view::npos)
      end = text_.size();
    std::string_view piece = text_.substr(pos_, end - pos_);
    pos_ = end;
    return piece;
  }
  char next() { return atEnd() ? '\0' : text_[pos_++]; }

private:
  std::string_view text_;
  size_t pos_ = 0;
};

bool readParameters(Reader &in, std::vector<ParamSpec> &into, int depth);

bool readParameter(Reader &in, ParamSpec &param, int depth) {
  param.name = in.until(":,()");
  if (param.name.empty() || !in.take(':'))
    return false;
  std::optional<ParamType> type = typeOfCode(in.next());
  std::optional<ParamPosition> position = positionOfCode(in.next());
  if (!type || !position)
    return false;
  param.type = *type;
  param.position = *position;
  param.required = in.take('!');
  if (in.take('(')) {
    if (!readParameters(in, param.fields, depth + 1) || !in.take(')'))
      return false;
  }
  return true;
}

bool readParameters(Reader &in, std::vector<ParamSpec> &into, int depth) {
  if (depth > 8) // the metadata nests one level; a deep line is not ours
    return false;
  if (in.atEnd() || in.peek() == ')')
    return true;
  do {
    ParamSpec param;
    if (!readParameter(in, param, depth))
      return false;
    into.push_back(std::move(param));
  } while (in.take(','));
  return true;
}

bool readShape(Reader &in, Shape &shape, int depth);

bool readObject(Reader &in, Shape &shape, int depth) {
  shape.kind = Shape::Kind::Object;
  if (in.take('}'))
    return true;
  do {
    Shape field;
    field.name = in.until(":,{}[]");
    if (field.name.empty() || !in.take(':') || !readShape(in, field, depth + 1))
      return false;
    if (field.name == "*") {
      shape.kind = Shape::Kind::Map;
      field.name = {};
    }
    shape.fields.push_back(std::move(field));
  } while (in.take(','));
  return in.take('}');
}

bool readShape(Reader &in, Shape &shape, int depth) {
  if (depth > 64)
    return false;
  switch (in.next()) {
  case 's': shape.kind = Shape::Kind::String; return true;
  case 'n': shape.kind = Shape::Kind::Number; return true;
  case 'b': shape.kind = Shape::Kind::Boolean; return true;
  case 'a': shape.kind = Shape::Kind::Any; return true;
  case '[': {
    shape.kind = Shape::Kind::Array;
    Shape element;
    if (!readShape(in, element, depth + 1) || !in.take(']'))
      return false;
    shape.fields.push_back(std::move(element));
    return true;
  }
  case '{': return readObject(in, shape, depth);
  default: return false;
  }
}

} // namespace

std::optional<ApiSpec> decodeApiLine(std::string_view line) {
  std::array<std::string_view, 5> parts;
  for (size_t i = 0; i < parts.size(); ++i) {
    size_t tab = line.find('\t');
    if ((tab == std::string_view::npos) != (i + 1 == parts.size()))
      return std::nullopt;
    parts[i] = line.substr(0, tab);
    line = tab == std::string_view::npos ? std::string_view() : line.substr(tab + 1);
  }
  ApiSpec api;
  api.name = parts[0];
  api.methods = parts[1];
  api.protocols = parts[2];
  api.pathPattern = parts[3];
  Reader in(parts[4]);
  if (api.name.empty() || !readParameters(in, api.parameters, 0) || !in.atEnd())
    return std::nullopt;
  return api;
}

std::optional<Shape> decodeShape(std::string_view text) {
  Reader in(text);
  Shape shape;
  if (!readShape(in, shape, 0) || !in.atEnd())
    return std::nullopt;
  return shape;
}

std::string_view paramTypeName(ParamType type) {
  static constexpr std::string_view kNames[] = {"String", "Integer", "Long",  "Boolean",
                                                "Float",  "Double",  "Json",  "RepeatList",
                                                "Array",  "Struct",  "Any"};
  return kNames[static_cast<size_t>(type)];
}

std::string_view paramPositionName(ParamPosition position) {
  static constexpr std::string_view kNames[] = {"Query", "Body", "Path", "FormData", "Header", "Host"};
  return kNames[static_cast<size_t>(position)];
}

const Shape &textAnswerShape() {
  static const Shape shape{Shape::Kind::Object, "", {Shape{Shape::Kind::String, "data", {}}}};
  return shape;
}

std::string_view shapeKindName(Shape::Kind kind) {
  static constexpr std::string_view kNames[] = {"string", "number", "boolean", "any",
                                                "array",  "map",    "object"};
  return kNames[static_cast<size_t>(kind)];
}

const ParamSpec *ParamSpec::findField(std::string_view fieldName) const {
  for (const ParamSpec &field : fields)
    if (field.name == fieldName)
      return &field;
  return nullptr;
}

const ParamSpec *ApiSpec::findParameter(std::string_view parameterName) const {
  for (const ParamSpec &param : parameters)
    if (param.name == parameterName)
      return &param;
  return nullptr;
}

const Shape *Shape::field(std::string_view fieldName) const {
  if (kind != Kind::Object)
    return nullptr;
  for (const Shape &child : fields)
    if (child.name == fieldName)
      return &child;
  return nullptr;
}

} // namespace oosc::apis
