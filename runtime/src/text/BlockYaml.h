//===- text/BlockYaml.h - The YAML that ROS template bodies are written in -===//
//
// Runners link no YAML library (runtime/CMakeLists.txt), yet the simulated
// ROS reads stack templates, and templates send those as YAML text as often
// as JSON (Alibaba's ACS-ECS-UpdateImage). This reads the part of YAML such
// bodies use: block mappings and sequences by indentation, plain, single- and
// double-quoted scalars, literal and folded block scalars (`|`, `>` with
// `-`/`+` chomping), flow collections (`[a, b]`, `{k: v}`) and comments.
// Plain scalars resolve as YAML 1.2's core schema does (null, true/false,
// integers, reals; everything else a string, `2015-09-01` included).
// Anchors, aliases, tags and several documents are refused with their line,
// never misread.
//
//===----------------------------------------------------------------------===//
#pragma once

#include "oosc/runtime/Outcome.h"
#include "oosc/runtime/Value.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace oosc::runtime::text {

struct BlockYamlError {
  std::string message;
  /// 1-based line of the text where the problem is.
  std::size_t line = 0;
};

/// The value \p text holds, or why it is not YAML this reader reads.
Outcome<Value, BlockYamlError> parseBlockYaml(std::string_view text);

} // namespace oosc::runtime::text
