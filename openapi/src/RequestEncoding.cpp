#include "oosc/openapi/RequestEncoding.h"

#include <cmath>

namespace oosc::openapi {

namespace {

using apis::ParamPosition;
using apis::ParamSpec;
using apis::ParamType;
using runtime::Value;

bool isWholeNumber(double number) { return std::isfinite(number) && std::floor(number) == number && std::fabs(number) < 9007199254740992.0; }

std::string defaultMethod(const apis::ApiSpec &api, apis::ApiStyle style) {
  std::string_view methods = api.methods;
  // RPC APIs that take POST are sent with it (long parameter lists do not fit
  // a URL); otherwise the API's first method.
  if (style == apis::ApiStyle::Rpc && methods.find("POST") != std::string_view::npos)
    return "POST";
  std::string_view first = methods.substr(0, methods.find('|'));
  return first.empty() ? "POST" : std::string(first);
}

class Encoder {
public:
  Encoder(const apis::ApiSpec &api, apis::ApiStyle style, WireRequest &out) : api_(api), style_(style), out_(out) {}

  void parameter(const std::string &name, const Value &value) {
    if (value.isNull())
      return;
    if (const ParamSpec *spec = specFor(name)) {
      encode(*spec, std::string(spec->name), value);
      return;
    }
    // Not in the table: as written, in the query.
    place(ParamPosition::Query, name, value);
  }

  void finish() {
    if (style_ == apis::ApiStyle::Restful) {
      fillPath();
      if (wholeBody_)
        out_.jsonBody = wholeBody_->isString() ? wholeBody_->getString() : wholeBody_->toJson();
      else if (!bodyMembers_.empty())
        out_.jsonBody = Value(bodyMembers_).toJson();
    }
  }

private:
  /// The parameter a template's name stands for: the wire name, or the
  /// plural a template gives a RepeatList by (`InstanceIds` for `InstanceId`).
  const ParamSpec *specFor(const std::string &name) const {
    if (const ParamSpec *spec = api_.findParameter(name))
      return spec;
    if (name.size() > 1 && name.back() == 's') {
      const ParamSpec *singular = api_.findParameter(std::string_view(name).substr(0, name.size() - 1));
      if (singular && singular->type == ParamType::RepeatList)
        return singular;
    }
    return nullptr;
  }

  void encode(const ParamSpec &spec, const std::string &wireName, const Value &value) {
    if (spec.position == ParamPosition::Path) {
      pathValues_.emplace_back(wireName, wireText(value));
      return;
    }
    if (style_ == apis::ApiStyle::Restful && spec.position == ParamPosition::Body) {
      if (wireName == "body")
        wholeBody_ = &value;
      else
        bodyMembers_.emplace_back(wireName, value);
      return;
    }
    switch (spec.type) {
    case ParamType::RepeatList:
      if (value.isList())
        flattenList(spec.position, wireName, value);
      else // one value for a list: its first item
        flattenItem(spec.position, wireName + ".1", value);
      return;
    case ParamType::Struct:
      if (value.isMap()) {
        flattenMap(spec.position, wireName + ".", value);
        return;
      }
      break;
    default:
      break;
    }
    place(spec.position, wireName, value);
  }

  void flattenList(ParamPosition position, const std::string &prefix, const Value &list) {
    std::size_t index = 0;
    for (const Value &item : list.getList())
      flattenItem(position, prefix + "." + std::to_string(++index), item);
  }

  void flattenItem(ParamPosition position, const std::string &name, const Value &item) {
    if (item.isNull())
      return;
    if (item.isMap())
      flattenMap(position, name + ".", item);
    else if (item.isList())
      flattenList(position, name, item);
    else
      place(position, name, item);
  }

  void flattenMap(ParamPosition position, const std::string &prefix, const Value &map) {
    for (const auto &[key, member] : map.getMap())
      flattenItem(position, prefix + key, member);
  }

  void place(ParamPosition position, const std::string &name, const Value &value) {
    Field field{name, wireText(value)};
    switch (position) {
    case ParamPosition::Body:
    case ParamPosition::FormData:
      out_.form.push_back(std::move(field));
      return;
    case ParamPosition::Header:
      out_.headers.push_back(std::move(field));
      return;
    case ParamPosition::Host: // the endpoint's, not a parameter's
      return;
    case ParamPosition::Query:
    case ParamPosition::Path:
      out_.query.push_back(std::move(field));
      return;
    }
  }

  /// `/clusters/[ClusterId]` with each `[Name]` replaced by its value.
  void fillPath() {
    std::string_view pattern = api_.pathPattern;
    if (pattern.empty())
      return;
    std::string path;
    std::size_t at = 0;
    while (at < pattern.size()) {
      std::size_t open = pattern.find('[', at);
      std::size_t close = open == std::string_view::npos ? open : pattern.find(']', open);
      if (close == std::string_view::npos) {
        path += pattern.substr(at);
        break;
      }
      path += pattern.substr(at, open - at);
      std::string_view name = pattern.substr(open + 1, close - open - 1);
      const std::string *value = pathValue(name);
      if (value)
        path += percentEncode(*value);
      else
        out_.problems.push_back("the path parameter '" + std::string(name) + "' of " + std::string(api_.name) +
                                " (" + std::string(pattern) + ") has no value");
      at = close + 1;
    }
    out_.path = path;
  }

  const std::string *pathValue(std::string_view name) const {
    for (const auto &[key, value] : pathValues_)
      if (key == name)
        return &value;
    return nullptr;
  }

  const apis::ApiSpec &api_;
  apis::ApiStyle style_;
  WireRequest &out_;
  std::vector<std::pair<std::string, std::string>> pathValues_;
  Value::Map bodyMembers_;
  const Value *wholeBody_ = nullptr;
};

} // namespace

std::string wireText(const Value &value) {
  switch (value.kind()) {
  case Value::Kind::Null:
    return "";
  case Value::Kind::Bool:
    return value.getBool() ? "true" : "false";
  case Value::Kind::Integer:
    return std::to_string(value.getInteger());
  case Value::Kind::Real:
    if (isWholeNumber(value.getReal()))
      return std::to_string(static_cast<long long>(value.getReal()));
    return value.toJson();
  case Value::Kind::String:
    return value.getString();
  case Value::Kind::List:
  case Value::Kind::Map:
    return value.toJson();
  }
  return "";
}

WireRequest encodeRequest(const apis::ApiSpec &api, apis::ApiStyle style, const Value &parameters,
                          std::string_view method) {
  WireRequest out;
  out.method = method.empty() ? defaultMethod(api, style) : std::string(method);
  Encoder encoder(api, style, out);
  if (parameters.isMap())
    for (const auto &[name, value] : parameters.getMap())
      encoder.parameter(name, value);
  encoder.finish();
  return out;
}

} // namespace oosc::openapi
