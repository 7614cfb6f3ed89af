//===- oss/OssXml.h - The XML of OSS request bodies, read as values ---------===//
//
// OSS takes its bucket settings as small XML documents (PutBucketReferer's
// RefererConfiguration, PutBucketVersioning's VersioningConfiguration) and
// answers with them. The simulator reads a body into a Value shaped as
// OOS shows an OSS answer: the root element's name as the one key, an
// element with children as a map, a leaf as its text, and repeated
// elements as a list. Attributes, comments and declarations are skipped;
// entities are the five XML predefines.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/runtime/Value.h"

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace oosc::runtime::sim::oss {

struct XmlError {
  std::string message;
  size_t offset = 0;
};

/// The document as a value, or where and why it is not well formed.
std::variant<Value, XmlError> readXml(std::string_view text);

} // namespace oosc::runtime::sim::oss
