//===- ApiTable.cpp - Lookups over the products' text blocks ----------------===//
#include "oosc/apis/ApiTable.h"
#include "oosc/apis/PathPattern.h"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <unordered_map>

namespace oosc::apis {
namespace {

bool sameIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z')
      x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z')
      y = static_cast<char>(y - 'A' + 'a');
    if (x != y)
      return false;
  }
  return true;
}

struct Entry {
  std::string_view name;
  std::string_view line;
  bool operator<(const Entry &other) const { return name < other.name; }
};

/// One entry per line, keyed by the text before the first tab.
std::vector<Entry> entriesOf(std::string_view block) {
  std::vector<Entry> entries;
  while (!block.empty()) {
    size_t end = block.find('\n');
    std::string_view line = block.substr(0, end);
    block = end == std::string_view::npos ? std::string_view() : block.substr(end + 1);
    if (line.empty())
      continue;
    entries.push_back({line.substr(0, line.find('\t')), line});
  }
  std::sort(entries.begin(), entries.end());
  return entries;
}

const Entry *findEntry(const std::vector<Entry> &entries, std::string_view name) {
  auto it = std::lower_bound(entries.begin(), entries.end(), Entry{name, {}});
  if (it != entries.end() && it->name == name)
    return &*it;
  for (const Entry &entry : entries)
    if (sameIgnoringCase(entry.name, name))
      return &entry;
  return nullptr;
}

/// `Mns-open` is called as MNS: the `-open` some product codes end with is
/// not part of the name templates use.
std::string_view withoutOpenSuffix(std::string_view code) {
  constexpr std::string_view suffix = "-open";
  if (code.size() > suffix.size() && sameIgnoringCase(code.substr(code.size() - suffix.size()), suffix))
    return code.substr(0, code.size() - suffix.size());
  return code;
}

std::string_view afterTab(std::string_view line) {
  size_t tab = line.find('\t');
  return tab == std::string_view::npos ? std::string_view() : line.substr(tab + 1);
}

} // namespace

struct ApiTable::Index {
  std::once_flag built;
  std::vector<Entry> apis;
  std::vector<Entry> answers;
  /// Decoded lines, by entry name: a corpus lint looks DescribeInstances up
  /// in hundreds of templates and decodes it once.
  std::mutex decodedMutex;
  std::unordered_map<std::string_view, std::unique_ptr<const ApiSpec>> decodedApis;
  std::unordered_map<std::string_view, std::unique_ptr<const Shape>> decodedAnswers;
};

ApiTable::ApiTable(const ProductRecord *records, std::size_t count)
    : records_(records), count_(count), indexes_(new Index[count]) {}

ApiTable::~ApiTable() = default;

ApiTable::Index &ApiTable::indexOf(const ProductRecord &product) const {
  Index &index = indexes_[static_cast<size_t>(&product - records_)];
  std::call_once(index.built, [&] {
    index.apis = entriesOf(product.apiLines);
    index.answers = entriesOf(product.answerLines);
  });
  return index;
}

const ProductRecord *ApiTable::findService(std::string_view service) const {
  for (size_t i = 0; i < count_; ++i)
    if (sameIgnoringCase(records_[i].code, service))
      return &records_[i];
  for (size_t i = 0; i < count_; ++i)
    if (!records_[i].locationServiceCode.empty() &&
        sameIgnoringCase(records_[i].locationServiceCode, service))
      return &records_[i];
  for (size_t i = 0; i < count_; ++i)
    if (sameIgnoringCase(withoutOpenSuffix(records_[i].code), service))
      return &records_[i];
  return nullptr;
}

std::vector<const ProductRecord *> ApiTable::productsNamed(std::string_view service) const {
  std::vector<const ProductRecord *> named;
  for (size_t i = 0; i < count_; ++i) {
    const ProductRecord &product = records_[i];
    if (sameIgnoringCase(product.code, service) || sameIgnoringCase(withoutOpenSuffix(product.code), service) ||
        (!product.locationServiceCode.empty() && sameIgnoringCase(product.locationServiceCode, service)))
      named.push_back(&product);
  }
  return named;
}

const ProductRecord *ApiTable::findService(std::string_view service, std::string_view api) const {
  for (const ProductRecord *product : productsNamed(service))
    if (findApi(*product, api))
      return product;
  return findService(service);
}

std::vector<std::string_view> ApiTable::serviceNames() const {
  // The products with the most APIs first: where a misspelling is as close
  // to two names (Ec2: Ecs, ecd), the bigger product is the likelier one.
  std::vector<size_t> order(count_);
  for (size_t i = 0; i < count_; ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return records_[a].apiLines.size() > records_[b].apiLines.size();
  });
  std::vector<std::string_view> names;
  for (size_t i : order) {
    names.push_back(records_[i].code);
    if (!records_[i].locationServiceCode.empty() &&
        !sameIgnoringCase(records_[i].locationServiceCode, records_[i].code))
      names.push_back(records_[i].locationServiceCode);
  }
  return names;
}

/// The entry \p name of \p decoded, decoded by \p decode the first time it
/// is asked for (null when it does not decode, then and later). The caller
/// holds the index's decodedMutex.
template <typename T, typename Decode>
const T *decodedOnce(std::unordered_map<std::string_view, std::unique_ptr<const T>> &decoded, std::string_view name,
                     Decode decode) {
  auto [it, added] = decoded.try_emplace(name);
  if (added)
    if (std::optional<T> value = decode())
      it->second = std::make_unique<const T>(std::move(*value));
  return it->second.get();
}

const ApiSpec *ApiTable::findApi(const ProductRecord &product, std::string_view api) const {
  Index &index = indexOf(product);
  const Entry *entry = findEntry(index.apis, api);
  if (!entry)
    return nullptr;
  std::lock_guard<std::mutex> lock(index.decodedMutex);
  return decodedOnce(index.decodedApis, entry->name, [&] { return decodeApiLine(entry->line); });
}

std::vector<std::string_view> ApiTable::apiNames(const ProductRecord &product) const {
  std::vector<std::string_view> names;
  for (const Entry &entry : indexOf(product).apis)
    names.push_back(entry.name);
  return names;
}

const ApiSpec *ApiTable::findApiByPath(const ProductRecord &product, std::string_view method, std::string_view uri,
                                       bool templated) const {
  std::string_view wanted = method.empty() ? std::string_view("GET") : method;
  auto hasMethod = [&](std::string_view methods) {
    for (size_t start = 0; start <= methods.size();) {
      size_t bar = std::min(methods.find('|', start), methods.size());
      std::string_view one = methods.substr(start, bar - start);
      if (one.size() == wanted.size() && std::equal(one.begin(), one.end(), wanted.begin(), [](char a, char b) {
            return std::toupper(static_cast<unsigned char>(a)) == std::toupper(static_cast<unsigned char>(b));
          }))
        return true;
      start = bar + 1;
    }
    return false;
  };
  if (product.style != ApiStyle::Restful)
    return nullptr;
  for (const Entry &entry : indexOf(product).apis) {
    const ApiSpec *spec = findApi(product, entry.name);
    if (spec && !spec->pathPattern.empty() && hasMethod(spec->methods) &&
        matchPath(uri, spec->pathPattern, {templated}))
      return spec;
  }
  return nullptr;
}

std::size_t ApiTable::apiCount(const ProductRecord &product) const { return indexOf(product).apis.size(); }

const Shape *ApiTable::answerShape(const ProductRecord &product, std::string_view api) const {
  Index &index = indexOf(product);
  const Entry *entry = findEntry(index.answers, api);
  if (!entry)
    return nullptr;
  std::lock_guard<std::mutex> lock(index.decodedMutex);
  return decodedOnce(index.decodedAnswers, entry->name, [&] { return decodeShape(afterTab(entry->line)); });
}

std::pair<std::string_view, std::string_view> ApiTable::linesOf(const ProductRecord &product,
                                                                std::string_view api) const {
  const Index &index = indexOf(product);
  const Entry *apiEntry = findEntry(index.apis, api);
  const Entry *answerEntry = findEntry(index.answers, apiEntry ? apiEntry->name : api);
  return {apiEntry ? apiEntry->line : std::string_view(), answerEntry ? answerEntry->line : std::string_view()};
}

} // namespace oosc::apis
