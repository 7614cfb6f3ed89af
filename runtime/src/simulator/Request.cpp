// Request.cpp - Request parameter parsing, errors, paging and value helpers
// shared by every simulated API.
#include "World.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace oosc::runtime::sim {

//===-- Value helpers
//------------------------------------------------------===//

Value object() { return Value(Value::Map{}); }

Value list(Value::List items) { return Value(std::move(items)); }

Value stringList(const std::vector<std::string> &items) {
  return list(Value::List(items.begin(), items.end()));
}

bool listedOrAll(const std::vector<std::string> &wanted,
                 std::string_view value) {
  return wanted.empty() ||
         std::find(wanted.begin(), wanted.end(), value) != wanted.end();
}


std::string_view textOf(const Value &record, std::string_view key) {
  const Value *member = record.find(key);
  return member && member->isString() ? std::string_view(member->getString())
                                      : std::string_view();
}

std::int64_t integerOf(const Value &record, std::string_view key,
                       std::int64_t fallback) {
  const Value *member = record.find(key);
  if (member && member->isInteger())
    return member->getInteger();
  return fallback;
}

bool boolOf(const Value &record, std::string_view key, bool fallback) {
  const Value *member = record.find(key);
  return member && member->isBool() ? member->getBool() : fallback;
}

std::string scalarText(const Value &value) {
  switch (value.kind()) {
  case Value::Kind::String:
    return value.getString();
  case Value::Kind::Bool:
    return value.getBool() ? "true" : "false";
  case Value::Kind::Integer:
    return std::to_string(value.getInteger());
  case Value::Kind::Real: {
    // YAML loaders may turn 10 into 10.0; the API would see "10".
    double real = value.getReal();
    if (std::trunc(real) == real && std::fabs(real) < 9e15)
      return std::to_string(static_cast<std::int64_t>(real));
    return value.toJson();
  }
  default:
    return value.toJson();
  }
}

Value publicView(const Value &record) {
  if (!record.isMap() || !record.find("Simulated"))
    return record;
  Value view = object();
  for (const auto &[key, member] : record.getMap())
    if (key != "Simulated")
      view.getMap().emplace_back(key, member);
  return view;
}

Value &simulated(Value &record) {
  Value *existing = record.find("Simulated");
  if (existing && existing->isMap())
    return *existing;
  return record.set("Simulated", object());
}

const Value *simulatedMember(const Value &record, std::string_view key) {
  const Value *data = record.find("Simulated");
  return data ? data->find(key) : nullptr;
}

std::string_view regionOfRecord(const Value &record) {
  std::string_view region = textOf(record, "RegionId");
  if (!region.empty())
    return region;
  const Value *hidden = simulatedMember(record, "RegionId");
  return hidden && hidden->isString() ? std::string_view(hidden->getString())
                                      : std::string_view();
}

void mergeInto(Value &target, const Value &changes) {
  if (!target.isMap() || !changes.isMap())
    return;
  for (const auto &[key, change] : changes.getMap()) {
    Value *current = target.find(key);
    if (current && current->isMap() && change.isMap())
      mergeInto(*current, change);
    else
      target.set(key, change);
  }
}

std::string formatTime(Millis time, bool withSeconds) {
  return formatUtc(time, withSeconds);
}

//===-- Errors
//-------------------------------------------------------------===//

ApiError makeError(int httpStatus, std::string code, std::string message) {
  ApiError error;
  error.code = std::move(code);
  error.message = std::move(message);
  error.httpStatus = httpStatus;
  return error;
}

ApiError missingParameter(std::string_view name) {
  return makeError(400, "MissingParameter",
                   "The input parameter \"" + std::string(name) +
                       "\" that is mandatory for processing this request is "
                       "not supplied.");
}

ApiError invalidParameter(std::string_view name, std::string_view detail) {
  std::string message =
      "The specified parameter \"" + std::string(name) + "\" is not valid";
  if (!detail.empty())
    message += ": " + std::string(detail);
  return makeError(400, "InvalidParameter", message + ".");
}

ApiError notFound(std::string code, std::string message) {
  return makeError(404, std::move(code), std::move(message));
}

ApiError forbidden(std::string code, std::string message) {
  return makeError(403, std::move(code), std::move(message));
}

//===-- Requests
//-----------------------------------------------------------===//

const Value *Request::find(std::string_view name) const {
  const Value *value = params.find(name);
  if (!value)
    value = params.findCaseInsensitive(name);
  if (!value || value->isNull() ||
      (value->isString() && value->getString().empty()))
    return nullptr;
  return value;
}

std::optional<std::string> Request::text(std::string_view name) const {
  const Value *value = find(name);
  if (!value)
    return std::nullopt;
  // Templates sometimes pass [id] where the API takes one id.
  if (value->isList() && value->size() == 1 && value->getList()[0].isScalar())
    return scalarText(value->getList()[0]);
  return scalarText(*value);
}

std::string Request::textOr(std::string_view name,
                            std::string_view fallback) const {
  std::optional<std::string> value = text(name);
  return value ? *value : std::string(fallback);
}

Outcome<std::string, ApiError> Request::required(std::string_view name) const {
  std::optional<std::string> value = text(name);
  if (!value)
    return missingParameter(name);
  return *value;
}

Outcome<std::int64_t, ApiError> Request::integer(std::string_view name,
                                                 std::int64_t fallback,
                                                 std::int64_t min,
                                                 std::int64_t max) const {
  const Value *value = find(name);
  if (!value)
    return fallback;
  std::optional<Value> number;
  if (value->isNumber())
    number = *value;
  else if (value->isString())
    number = parseNumber(value->getString());
  if (number && number->isReal() &&
      std::trunc(number->getReal()) == number->getReal() &&
      std::fabs(number->getReal()) < 9e15)
    number = Value(static_cast<std::int64_t>(number->getReal()));
  if (!number || !number->isInteger())
    return invalidParameter(name, "expected an integer, got '" +
                                      scalarText(*value) + "'");
  std::int64_t result = number->getInteger();
  if (result < min || result > max)
    return invalidParameter(name, "must be between " + std::to_string(min) +
                                      " and " + std::to_string(max));
  return result;
}

Outcome<bool, ApiError> Request::boolean(std::string_view name,
                                         bool fallback) const {
  const Value *value = find(name);
  if (!value)
    return fallback;
  if (value->isBool())
    return value->getBool();
  std::string spelled = scalarText(*value);
  if (equalsIgnoreCase(spelled, "true") || spelled == "1")
    return true;
  if (equalsIgnoreCase(spelled, "false") || spelled == "0")
    return false;
  return invalidParameter(name,
                          "expected true or false, got '" + spelled + "'");
}

namespace {

std::string trim(std::string_view text) {
  std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos)
    return {};
  std::size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

/// Adds the items of one list-valued parameter to \p out.
std::optional<ApiError> appendItems(std::string_view name, const Value &value,
                                    bool splitCommas,
                                    std::vector<std::string> &out) {
  if (value.isList()) {
    for (const Value &item : value.getList()) {
      if (!item.isScalar())
        return invalidParameter(name, "expected a list of strings");
      // Items are trimmed as a string's are: Alibaba's templates write
      // '{{ instanceId }} ' into a list (ACS-ECS-RestoreDataWithSnapshot).
      if (std::string text = item.isNull() ? std::string() : trim(scalarText(item)); !text.empty())
        out.push_back(std::move(text));
    }
    return std::nullopt;
  }
  if (value.isMap())
    return invalidParameter(name, "expected a list, got an object");
  std::string text = trim(scalarText(value));
  if (!text.empty() && text.front() == '[') {
    // Parameters such as DescribeInstances' InstanceIds are JSON arrays
    // written into a string.
    std::optional<Value> parsed = parseJson(text);
    if (!parsed || !parsed->isList())
      return makeError(400, "Invalid" + std::string(name) + ".Malformed",
                       "The specified parameter \"" + std::string(name) +
                           "\" is not a valid JSON array.");
    return appendItems(name, *parsed, false, out);
  }
  if (!splitCommas) {
    out.push_back(text);
    return std::nullopt;
  }
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t comma = text.find(',', start);
    std::string item = trim(std::string_view(text).substr(
        start, comma == std::string::npos ? std::string::npos : comma - start));
    if (!item.empty())
      out.push_back(item);
    if (comma == std::string::npos)
      break;
    start = comma + 1;
  }
  return std::nullopt;
}

/// Index N of a numbered key "<name>.N" or "<name>N", or 0.
std::size_t numberedIndex(std::string_view key, std::string_view name) {
  if (key.size() <= name.size() ||
      !equalsIgnoreCase(key.substr(0, name.size()), name))
    return 0;
  std::string_view rest = key.substr(name.size());
  if (rest.front() == '.')
    rest.remove_prefix(1);
  if (rest.empty() || rest.size() > 6 ||
      !std::all_of(rest.begin(), rest.end(),
                   [](char c) { return c >= '0' && c <= '9'; }))
    return 0;
  return static_cast<std::size_t>(std::stoul(std::string(rest)));
}

} // namespace

Outcome<std::vector<std::string>, ApiError>
Request::list(std::initializer_list<std::string_view> names,
              bool splitCommas) const {
  std::vector<std::string> out;
  for (std::string_view name : names) {
    if (const Value *value = find(name))
      if (std::optional<ApiError> error =
              appendItems(name, *value, splitCommas, out))
        return *error;
    if (!params.isMap())
      continue;
    std::vector<std::pair<std::size_t, std::string>> numbered;
    for (const auto &[key, value] : params.getMap())
      if (std::size_t index = numberedIndex(key, name);
          index && value.isScalar())
        numbered.emplace_back(index, scalarText(value));
    std::stable_sort(
        numbered.begin(), numbered.end(),
        [](const auto &a, const auto &b) { return a.first < b.first; });
    for (auto &[index, item] : numbered)
      if (!item.empty())
        out.push_back(std::move(item));
  }
  return out;
}

namespace {

std::optional<ApiError> appendTag(const Value &entry, std::vector<Tag> &out) {
  if (!entry.isMap())
    return invalidParameter("Tags", "expected {Key, Value} objects");
  const Value *key = entry.find("Key");
  if (!key)
    key = entry.find("TagKey");
  const Value *value = entry.find("Value");
  if (!value)
    value = entry.find("TagValue");
  if (!key || !key->isScalar() || scalarText(*key).empty())
    return invalidParameter("Tags", "a tag has no Key");
  Tag tag{scalarText(*key), std::nullopt};
  if (value && !value->isNull())
    tag.value = scalarText(*value);
  out.push_back(std::move(tag));
  return std::nullopt;
}

std::optional<ApiError> appendTags(const Value &tags, std::vector<Tag> &out) {
  if (tags.isString()) {
    std::optional<Value> parsed = parseJson(tags.getString());
    if (!parsed || parsed->isString())
      return invalidParameter("Tags", "expected a JSON list of tags");
    return appendTags(*parsed, out);
  }
  if (tags.isMap() && !tags.find("Key") && !tags.find("TagKey")) {
    for (const auto &[key, value] : tags.getMap())
      out.push_back({key, value.isNull() ? std::nullopt
                                         : std::optional(scalarText(value))});
    return std::nullopt;
  }
  if (tags.isMap())
    return appendTag(tags, out);
  if (!tags.isList())
    return invalidParameter("Tags", "expected a list of tags");
  for (const Value &entry : tags.getList())
    if (std::optional<ApiError> error = appendTag(entry, out))
      return error;
  return std::nullopt;
}

} // namespace

Outcome<std::vector<Tag>, ApiError> Request::tags() const {
  std::vector<Tag> out;
  for (std::string_view name : {"Tags", "Tag"})
    if (const Value *value = find(name))
      if (std::optional<ApiError> error = appendTags(*value, out))
        return *error;
  if (!params.isMap())
    return out;
  // Flattened form: Tag.1.Key, Tag.1.Value, ...
  std::map<std::size_t, Tag> numbered;
  for (const auto &[key, value] : params.getMap()) {
    if (key.size() < 7 || !equalsIgnoreCase(key.substr(0, 4), "Tag.") ||
        !value.isScalar() || value.isNull())
      continue;
    std::size_t dot = key.find('.', 4);
    if (dot == std::string::npos)
      continue;
    std::size_t index = numberedIndex(key.substr(0, dot), "Tag");
    std::string_view field = std::string_view(key).substr(dot + 1);
    if (index && equalsIgnoreCase(field, "Key"))
      numbered[index].key = scalarText(value);
    else if (index && equalsIgnoreCase(field, "Value"))
      numbered[index].value = scalarText(value);
  }
  for (auto &[index, tag] : numbered) {
    if (tag.key.empty())
      return invalidParameter("Tag." + std::to_string(index) + ".Key",
                              "a tag value needs a key");
    out.push_back(std::move(tag));
  }
  return out;
}

Outcome<std::string, ApiError> regionOf(const World &world,
                                        const Request &request) {
  std::string regionId = request.textOr("RegionId", world.defaultRegion());
  if (!world.region(regionId))
    return notFound("InvalidRegionId.NotFound", "The specified RegionId \"" +
                                                    regionId +
                                                    "\" does not exist.");
  return regionId;
}

//===-- Paging
//-------------------------------------------------------------===//

namespace {
constexpr std::string_view TokenPrefix = "sim-token-";
}

namespace {

/// The numbered filter parameter \p part (Key or Value) of pair \p n, in
/// either form templates write it.
std::optional<std::string> filterPart(const Request &request, int n, std::string_view part) {
  if (auto dotted = request.text("Filter." + std::to_string(n) + "." + std::string(part)))
    return dotted;
  return request.text("Filter" + std::to_string(n) + std::string(part));
}

constexpr int kFilterPairs = 10; // ECS documents N from 1 to 10

} // namespace

Outcome<CreationWindow, ApiError> creationWindow(const Request &request) {
  CreationWindow window;
  for (int n = 1; n <= kFilterPairs; ++n) {
    std::optional<std::string> key = filterPart(request, n, "Key");
    if (!key)
      continue;
    std::optional<std::string> value = filterPart(request, n, "Value");
    if (*key == "CreationStartTime")
      window.from = value;
    else if (*key == "CreationEndTime")
      window.to = value;
    else
      return invalidParameter("Filter." + std::to_string(n) + ".Key",
                              "'" + *key + "' is not CreationStartTime or CreationEndTime");
  }
  return window;
}

bool isWindowParameter(std::string_view name) {
  for (int n = 1; n <= kFilterPairs; ++n)
    for (std::string_view part : {"Key", "Value"})
      if (equalsIgnoreCase(name, "Filter." + std::to_string(n) + "." + std::string(part)) ||
          equalsIgnoreCase(name, "Filter" + std::to_string(n) + std::string(part)))
        return true;
  return false;
}

bool inWindow(std::string_view creationTime, const CreationWindow &window) {
  constexpr size_t kToTheMinute = 16; // yyyy-MM-ddTHH:mm
  if (creationTime.empty()) // a record that does not say when it was made
    return !window.from && !window.to;
  std::string_view time = creationTime.substr(0, kToTheMinute);
  if (window.from && time < std::string_view(*window.from).substr(0, kToTheMinute))
    return false;
  if (window.to && time > std::string_view(*window.to).substr(0, kToTheMinute))
    return false;
  return true;
}

Outcome<PageSpec, ApiError> readPaging(const Request &request,
                                       std::int64_t defaultSize,
                                       std::int64_t maxSize) {
  PageSpec page;
  if (request.has("NextToken") || request.has("MaxResults")) {
    page.tokens = true;
    auto size = request.integer("MaxResults", defaultSize, 1, maxSize);
    if (!size)
      return size.error();
    page.size = static_cast<std::size_t>(size.value());
    if (std::optional<std::string> token = request.text("NextToken")) {
      std::string_view digits = *token;
      if (digits.substr(0, TokenPrefix.size()) != TokenPrefix)
        return invalidParameter("NextToken", "it was not issued by this API");
      std::optional<Value> offset =
          parseNumber(digits.substr(TokenPrefix.size()));
      if (!offset || !offset->isInteger() || offset->getInteger() < 0)
        return invalidParameter("NextToken", "it was not issued by this API");
      page.offset = static_cast<std::size_t>(offset->getInteger());
    }
    return page;
  }
  auto number = request.integer("PageNumber", 1, 1, 1 << 30);
  if (!number)
    return number.error();
  auto size = request.integer("PageSize", defaultSize, 1, maxSize);
  if (!size)
    return size.error();
  page.pageNumber = number.value();
  page.size = static_cast<std::size_t>(size.value());
  page.offset = static_cast<std::size_t>((number.value() - 1) * size.value());
  return page;
}

Value::List pageOf(Value::List items, const PageSpec &page) {
  std::size_t begin = std::min(page.offset, items.size());
  std::size_t end = std::min(begin + page.size, items.size());
  return Value::List(std::make_move_iterator(items.begin() + static_cast<long>(begin)),
                     std::make_move_iterator(items.begin() + static_cast<long>(end)));
}

void putPage(Value &response, std::string_view outer, std::string_view inner,
             Value::List items, const PageSpec &page) {
  std::size_t total = items.size();
  std::size_t end = std::min(std::min(page.offset, total) + page.size, total);
  response.set(std::string(outer),
               Value(Value::Map{{std::string(inner), list(pageOf(std::move(items), page))}}));
  response.set("TotalCount", static_cast<std::int64_t>(total));
  if (page.tokens) {
    response.set("NextToken",
                 end < total ? std::string(TokenPrefix) + std::to_string(end)
                             : std::string());
    response.set("MaxResults", static_cast<std::int64_t>(page.size));
  } else {
    response.set("PageNumber", page.pageNumber);
    response.set("PageSize", static_cast<std::int64_t>(page.size));
  }
}

} // namespace oosc::runtime::sim
